/* A JACK client that records what reaches its two input ports (in_L, in_R) into memory,
 * cycle after cycle from its activation, noting where JACK's frame time jumped. */
#ifndef PH_TEST_CAPTURE_H
#define PH_TEST_CAPTURE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct capture capture;

/* NULL when no server answers. Room for max_seconds of sound. */
capture *capture_open(const char *client_name, double max_seconds);
bool capture_start(capture *c);
void capture_stop(capture *c);
void capture_close(capture *c);

const char *capture_name(const capture *c); /* the client's name as the server gave it */
int capture_rate(const capture *c);
int capture_period(const capture *c);
bool capture_connected(const capture *c);  /* both inputs have a source */
int64_t capture_frames(const capture *c);  /* recorded so far */
#define CAPTURE_MAX_XRUNS 4096
uint64_t capture_xruns(const capture *c);  /* reported by the server while recording */
/* The recording index when the k-th of them was reported (-1 past the first CAPTURE_MAX_XRUNS). */
int64_t capture_xrun_at(const capture *c, int k);
/* Jumps: cycles whose JACK frame time was not where the previous one ended (the server
 * skipped time, for every client or for this one: there the recording may lack a block of
 * what phonon played); how many, and the recording index of the k-th (the first CAPTURE_MAX_XRUNS). */
int capture_jumps(const capture *c);
int64_t capture_jump_at(const capture *c, int k);
const float *capture_left(const capture *c);
const float *capture_right(const capture *c);
/* Whether any port whose name ends with `suffix` feeds the port `port` (e.g. system:playback_1). */
bool capture_port_fed_by(const capture *c, const char *port, const char *suffix);

#endif
