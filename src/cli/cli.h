#ifndef PH_CLI_H
#define PH_CLI_H

int ph_cli_query(int argc, char **argv);

#endif
