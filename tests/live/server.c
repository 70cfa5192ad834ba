#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "proc.h"

bool server_start(const char *dir, double max_seconds, pid_t *pid, capture **cap) {
  char log[512], name[64];
  snprintf(log, sizeof log, "%s/jackd.log", dir);
  snprintf(name, sizeof name, "phonon-test-%d", (int)getpid());
  setenv("JACK_DEFAULT_SERVER", name, 1);
  setenv("JACK_NO_AUDIO_RESERVATION", "1", 1);
  const char *modes[] = {"-R", "-r"};
  for (int m = 0; m < 2; m++) {
    const char *argv[] = {"jackd", modes[m], "-d", "dummy", "-r", "48000", "-p", "128", NULL};
    *pid = proc_spawn(argv, log);
    for (int tries = 0; tries < 50 && proc_alive(*pid); tries++) {
      proc_sleep(0.1);
      if ((*cap = capture_open("phonon-capture", max_seconds))) {
        printf("jackd (dummy, 48000 Hz, period %d) as server %s\n", capture_period(*cap), name);
        return true;
      }
    }
    proc_stop(*pid);
  }
  char *text = proc_read_file(log);
  printf("SKIP: jackd -d dummy cannot be started here:\n%s\n", text ? text : "(no log)");
  free(text);
  return false;
}
