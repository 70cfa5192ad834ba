/* One performance of phonon live, recorded, and what is checked in the recording. */
#ifndef PH_TEST_LIVE_RUN_H
#define PH_TEST_LIVE_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture.h"

#define RELOADS 200

typedef struct {
  const char *phonon, *example, *dir;
  capture *cap;
  char track[512], log[512];
  /* recording indices of the moments each save was written */
  int64_t s440, s660, s_error, s_reload[RELOADS];
  /* phonon's resident heap (RssAnon; JACK's locked shared memory is most of VmRSS) after 20
   * reloads and after all */
  long rss_early, rss_late;
  int fds_early, fds_late, threads_early, threads_late; /* the same moments */
  int exit_status;
  double xrun_rate_before, xrun_rate_during; /* the server's xruns per second */
} live_run;

/* Plays the example, then edits the file as the header of live_jack_test.c says. */
bool live_perform(live_run *r);
/* phonon live once more, on a tone, for RELOADS saves in a row: its log is `log`. */
bool live_reload_again(const live_run *r, int attempt, char *log, size_t size);
/* Without --device, phonon's outputs reach system:playback_1 and _2. */
void live_check_autoconnect(live_run *r);
/* The checks on the recording; the number of failures. Writes OUTDIR/live-capture.wav. */
int live_analyse(live_run *r, const char *outdir);
void live_check(bool ok, const char *what, const char *detail_fmt, ...) __attribute__((format(printf, 3, 4)));
extern int live_failures;

#endif
