/* phonon live against a real JACK server (the dummy driver, started here), recorded by our
 * own JACK client (capture.c):
 *   (e) the first program is what `phonon render` writes, sample for sample, from the first block;
 *   (a) a saved tone is heard at its pitch;
 *   (b) a new frequency saved is heard soon after the save (measured from the moment the file
 *       was written), with no discontinuity above -50 dBFS at the swap;
 *   (c) a syntax error saved: the tone goes on untouched; the error is printed with its place;
 *   (d) 200 saves in a row: each is played, no gap, no click, no process call that computed
 *       longer than its period (in the best of up to three such bursts: see check_xruns), no
 *       growth of phonon's memory (the ASan build also fails on any leak);
 *   and without --device phonon connects itself to the system's playback ports.
 * Exits 77 (skipped) only when jackd cannot be started. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "capture.h"
#include "live_run.h"
#include "proc.h"
#include "server.h"

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: live_jack_test PHONON EXAMPLE.ph OUTDIR\n");
    return 2;
  }
  char dir[] = "/tmp/phonon-live-XXXXXX", phonon[4096], example[4096];
  if (!mkdtemp(dir) || !proc_absolute(argv[1], phonon, sizeof phonon) || !proc_absolute(argv[2], example, sizeof example)) return 2;
  setenv("PHONON_SAMPLES", "", 1); /* the built-in kit only: render and live hear the same */
  setenv("HOME", dir, 1);
  if (chdir(dir) != 0) return 2;
  live_run r = {.phonon = phonon, .example = example, .dir = dir};
  pid_t jackd;
  if (!server_start(dir, 80, &jackd, &r.cap)) return 77;
  int failures = 1;
  if (capture_start(r.cap) && live_perform(&r)) {
    live_check_autoconnect(&r);
    failures = live_analyse(&r, argv[3]); /* the capture records on: (d) may play again */
  }
  capture_stop(r.cap);
  capture_close(r.cap);
  proc_stop(jackd);
  proc_leave(dir, failures > 0);
  return failures ? 1 : 0;
}
