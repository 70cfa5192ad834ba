#ifndef PH_CLI_H
#define PH_CLI_H

#include "core/error.h"
#include "io/samples.h"

int ph_cli_query(int argc, char **argv);
int ph_cli_check(int argc, char **argv);
int ph_cli_render(int argc, char **argv);
int ph_cli_live(int argc, char **argv);
int ph_cli_functions(int argc, char **argv);
/* The whole file (or stdin for "-"), NUL-terminated, malloc'd; NULL with err set. A NUL byte
 * in the file is an error placed at it (the text is returned all the same, for the error's
 * caret line): the caller frees it once the error is printed. */
char *ph_cli_read_file(const char *path, ph_error *err);
/* The bank for a program: the sample folders' names its strings mention, then the kit;
 * dirs come first in the search (--samples). `offline` (phonon render): the kit's samples are
 * made when first played, only those. NULL with err set. */
ph_bank *ph_cli_bank_for(const char *source, const char *file, int rate, const char *const *dirs, int ndirs, bool offline,
                         ph_error *err);
/* Warns once per name the program asked for and no folder or kit has. */
void ph_cli_report_missing(ph_bank *bank, const char *file);

#endif
