#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

typedef struct {
  const capture *cap;
  pid_t pid;
} listener;

/* Something was heard, or phonon is gone. */
static bool sounding(void *ctx) {
  const listener *who = ctx;
  if (!proc_alive(who->pid)) return true;
  int64_t n = capture_frames(who->cap);
  const float *l = capture_left(who->cap), *r = capture_right(who->cap);
  for (int64_t i = 0; i < n; i++)
    if (l[i] != 0 || r[i] != 0) return true;
  return false;
}

pid_t server_play(const capture *cap, const char *phonon, const char *track, const char *log, const char *const *extra) {
  char device[128];
  snprintf(device, sizeof device, "%s:in_", capture_name(cap));
  const char *argv[24] = {phonon, "live", track, "--backend", "jack", "--device", device};
  int n = 7;
  for (int i = 0; extra && extra[i] && n < 23; i++) argv[n++] = extra[i];
  argv[n] = NULL;
  listener who = {cap, proc_spawn(argv, log)};
  if (proc_wait_for(sounding, &who, 20.0) && proc_alive(who.pid)) return who.pid;
  proc_stop(who.pid);
  char *text = proc_read_file(log);
  printf("FAIL: phonon live plays — nothing was heard; its log:\n%s\n", text ? text : "");
  free(text);
  return -1;
}

int server_log_count(const char *log, const char *what) {
  char *text = proc_read_file(log);
  int n = 0;
  for (const char *p = text; p && (p = strstr(p, what)); p++) n++;
  free(text);
  return n;
}

typedef struct {
  const char *log;
  int swaps;
} log_wait;

static bool swapped(void *ctx) {
  const log_wait *w = ctx;
  return server_log_count(w->log, "playing from cycle") >= w->swaps;
}

bool server_wait_swaps(const char *log, int swaps, double timeout) {
  return proc_wait_for(swapped, &(log_wait){log, swaps}, timeout);
}
