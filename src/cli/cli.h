#ifndef PH_CLI_H
#define PH_CLI_H

#include "core/error.h"

int ph_cli_query(int argc, char **argv);
int ph_cli_check(int argc, char **argv);
int ph_cli_render(int argc, char **argv);
int ph_cli_functions(int argc, char **argv);
/* The whole file (or stdin for "-"), NUL-terminated, malloc'd; NULL with err set. */
char *ph_cli_read_file(const char *path, ph_error *err);

#endif
