/* A JACK server with the dummy driver for the live tests, and the capture client on it. */
#ifndef PH_TEST_SERVER_H
#define PH_TEST_SERVER_H

#include <stdbool.h>
#include <sys/types.h>

#include "capture.h"

/* Names the server after this process, starts `jackd -d dummy` at 48 kHz with a 128-frame
 * period (real-time when the system allows it) logging to DIR/jackd.log, and opens the capture
 * client with room for max_seconds. False, after printing the server's log, when it cannot. */
bool server_start(const char *dir, double max_seconds, pid_t *pid, capture **cap);
/* Starts `phonon live TRACK --backend jack --device CAPTURE:in_` with the extra arguments
 * (NULL-terminated), its output in LOG, and waits until the capture hears it: its pid, or -1
 * after printing the failure and the log when nothing was heard within 20 s. */
/* How many times `what` stands in phonon's log. */
int server_log_count(const char *log, const char *what);
/* Waits up to timeout seconds until phonon's log says `swaps` programs have played. */
bool server_wait_swaps(const char *log, int swaps, double timeout);
pid_t server_play(const capture *cap, const char *phonon, const char *track, const char *log, const char *const *extra);

#endif
