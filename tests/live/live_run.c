/* The performance: phonon plays the example while this process edits the file. */
#include "live_run.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "proc.h"
#include "server.h"

int live_failures;

void live_check(bool ok, const char *what, const char *detail_fmt, ...) {
  printf("%s: %s — ", ok ? "ok" : "FAIL", what);
  va_list ap;
  va_start(ap, detail_fmt);
  vprintf(detail_fmt, ap);
  va_end(ap);
  putchar('\n');
  fflush(stdout);
  live_failures += !ok;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + t.tv_nsec * 1e-9;
}

static void save(const live_run *r, const char *text, int64_t *when) {
  FILE *f = fopen(r->track, "w");
  fputs(text, f);
  fclose(f);
  /* Everything recorded before this index was computed before the save; the cycle recorded
   * here begins within one period of it, so a latency measured from here is right within one
   * period (2.7 ms). */
  *when = capture_frames(r->cap);
}

static void save_tone(const live_run *r, int hz, int64_t *when) {
  char program[128];
  snprintf(program, sizeof program, "-- a tone\nout $ sine %d * 0.3\n", hz);
  save(r, program, when);
}

/* RELOADS saves, each as soon as phonon says the previous one plays (saves closer than that are
 * merged: the last one wins); `swaps` programs played before the first. */
static void reload_burst(live_run *r, pid_t pid, int swaps) {
  for (int k = 0; k < RELOADS; k++) {
    save_tone(r, k % 2 ? 660 : 550, &r->s_reload[k]);
    if (k == 20) {
      r->rss_early = proc_status_kb(pid, "RssAnon");
      r->fds_early = proc_count(pid, "fd"), r->threads_early = proc_count(pid, "task");
    }
    server_wait_swaps(r->log, swaps + k + 1, 2.0);
  }
  r->rss_late = proc_status_kb(pid, "RssAnon");
  r->fds_late = proc_count(pid, "fd"), r->threads_late = proc_count(pid, "task");
}

bool live_perform(live_run *r) {
  snprintf(r->track, sizeof r->track, "%s/track.ph", r->dir);
  snprintf(r->log, sizeof r->log, "%s/live.log", r->dir);
  proc_copy_file(r->example, r->track);
  const char *extra[] = {"--duration", "120", NULL};
  pid_t pid = server_play(r->cap, r->phonon, r->track, r->log, extra);
  if (pid < 0) {
    live_failures++;
    return false;
  }
  uint64_t x0 = capture_xruns(r->cap);
  double t0 = now();
  proc_sleep(1.2);
  r->xrun_rate_before = (double)(capture_xruns(r->cap) - x0) / (now() - t0);
  save_tone(r, 440, &r->s440);
  proc_sleep(0.6);
  save_tone(r, 660, &r->s660);
  proc_sleep(0.6);
  save(r, "-- a typo\nout $ sine 66 0 *\n", &r->s_error);
  proc_sleep(0.6);
  x0 = capture_xruns(r->cap);
  t0 = now();
  reload_burst(r, pid, 3);
  r->xrun_rate_during = (double)(capture_xruns(r->cap) - x0) / (now() - t0);
  proc_sleep(0.5);
  r->exit_status = proc_stop(pid);
  return true;
}

bool live_reload_again(const live_run *r, int attempt, char *log, size_t size) {
  live_run again = *r;
  snprintf(again.track, sizeof again.track, "%s/again-%d.ph", r->dir, attempt);
  snprintf(again.log, sizeof again.log, "%s/again-%d.log", r->dir, attempt);
  snprintf(log, size, "%s", again.log);
  int64_t when;
  save_tone(&again, 660, &when);
  const char *extra[] = {"--duration", "120", NULL};
  pid_t pid = server_play(r->cap, r->phonon, again.track, again.log, extra);
  /* the capture has heard sound already: the first program's line says this one plays */
  if (pid < 0 || !server_wait_swaps(again.log, 1, 20.0)) {
    if (pid >= 0) proc_stop(pid);
    return false;
  }
  reload_burst(&again, pid, 1);
  proc_sleep(0.3);
  return proc_stop(pid) == 0;
}

typedef struct {
  const capture *cap;
} ports;

static bool connected_to_system(void *ctx) {
  const capture *c = ((ports *)ctx)->cap;
  return capture_port_fed_by(c, "system:playback_1", ":out_L") && capture_port_fed_by(c, "system:playback_2", ":out_R");
}

void live_check_autoconnect(live_run *r) {
  char log[600];
  snprintf(log, sizeof log, "%s/autoconnect.log", r->dir);
  const char *argv[] = {r->phonon, "live", r->track, "--duration", "1.5", NULL};
  pid_t pid = proc_spawn(argv, log);
  ports p = {r->cap};
  bool ok = proc_wait_for(connected_to_system, &p, 10.0);
  int status = proc_wait(pid, 20);
  live_check(ok, "auto-connection", "without --device, out_L/out_R feed system:playback_1/2");
  live_check(status == 0, "--duration", "phonon live stopped by itself after 1.5 s, exit status %d", status);
}
