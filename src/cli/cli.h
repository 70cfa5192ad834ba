#ifndef PH_CLI_H
#define PH_CLI_H

int ph_cli_query(int argc, char **argv);
int ph_cli_check(int argc, char **argv);

#endif
