/* phonon: the command line. Each subcommand is a thin layer over libphonon. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "phonon.h"

static void usage(FILE *out) {
  fprintf(out,
          "phonon %s — live-coding music\n"
          "usage:\n"
          "  phonon render IN.ph OUT.wav [--duration S | --cycles N] [--rate HZ]   render to a sound file\n"
          "  phonon live FILE.ph [--backend jack|alsa] [--device NAME] [--rate HZ] [--buffer N]\n"
          "                     [--samples DIR] [--duration S] [--list-devices]   play it; every save is heard\n"
          "  phonon functions [--json]                   the catalog of functions (alias: doc)\n"
          "  phonon query PATTERN [--cycles BEGIN END]   print the events of a pattern\n"
          "  phonon query --jsonl < cases.jsonl          answer conformance cases, one line each\n"
          "  phonon check FILE.ph... [--ast] [--syntax]  report the errors of programs (or ok)\n"
          "  phonon --version\n",
          phonon_version());
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "query")) return ph_cli_query(argc - 2, argv + 2);
  if (!strcmp(cmd, "check")) return ph_cli_check(argc - 2, argv + 2);
  if (!strcmp(cmd, "render")) return ph_cli_render(argc - 2, argv + 2);
  if (!strcmp(cmd, "live")) return ph_cli_live(argc - 2, argv + 2);
  if (!strcmp(cmd, "functions") || !strcmp(cmd, "doc")) return ph_cli_functions(argc - 2, argv + 2);
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
    printf("phonon %s\n", phonon_version());
    return 0;
  }
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
    usage(stdout);
    return 0;
  }
  fprintf(stderr, "phonon: unknown command '%s'\n", cmd);
  usage(stderr);
  return 2;
}
