#include "capture.h"

#include <jack/jack.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct capture {
  jack_client_t *client;
  jack_port_t *in[2];
  float *data[2];
  int64_t capacity;
  atomic_int_fast64_t frames;
  atomic_uint_fast64_t xruns;
  int64_t xrun_at[CAPTURE_MAX_XRUNS];
  uint32_t expected_time; /* the frame time the next cycle should have */
  int64_t jump_at[CAPTURE_MAX_XRUNS];
  atomic_int jumps;
};

/* Cycles are recorded one after the other; one whose JACK frame time is not where the
 * previous one ended is noted (the server skipped time, for everyone or for this client). */
static int on_process(jack_nframes_t n, void *arg) {
  capture *c = arg;
  int64_t at = atomic_load_explicit(&c->frames, memory_order_relaxed);
  uint32_t t = jack_last_frame_time(c->client);
  if (at > 0 && t != c->expected_time) {
    int k = atomic_load(&c->jumps);
    if (k < CAPTURE_MAX_XRUNS) c->jump_at[k] = at;
    atomic_store(&c->jumps, k + 1);
  }
  c->expected_time = t + n;
  int64_t room = c->capacity - at, take = (int64_t)n < room ? (int64_t)n : room;
  for (int ch = 0; ch < 2 && take > 0; ch++)
    memcpy(c->data[ch] + at, jack_port_get_buffer(c->in[ch], n), sizeof(float) * (size_t)take);
  atomic_store_explicit(&c->frames, at + take, memory_order_release);
  return 0;
}

static int on_xrun(void *arg) {
  capture *c = arg;
  uint64_t k = atomic_fetch_add(&c->xruns, 1);
  if (k < CAPTURE_MAX_XRUNS) c->xrun_at[k] = atomic_load(&c->frames);
  return 0;
}

static void quiet(const char *message) { (void)message; }
static void say(const char *message) { fprintf(stderr, "capture: jack: %s\n", message); }

capture *capture_open(const char *client_name, double max_seconds) {
  jack_status_t status;
  jack_set_error_function(quiet); /* the server may not be up yet: the caller retries */
  jack_set_info_function(quiet);
  jack_client_t *client = jack_client_open(client_name, JackNoStartServer, &status);
  jack_set_error_function(say);
  if (!client) return NULL;
  capture *c = calloc(1, sizeof *c);
  c->client = client;
  c->capacity = (int64_t)(max_seconds * jack_get_sample_rate(client));
  atomic_init(&c->frames, 0);
  atomic_init(&c->xruns, 0);
  atomic_init(&c->jumps, 0);
  for (int ch = 0; ch < 2; ch++) {
    c->data[ch] = calloc((size_t)c->capacity, sizeof(float));
    c->in[ch] = jack_port_register(client, ch ? "in_R" : "in_L", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
  }
  jack_set_process_callback(client, on_process, c);
  jack_set_xrun_callback(client, on_xrun, c);
  return c;
}

bool capture_start(capture *c) { return jack_activate(c->client) == 0; }
void capture_stop(capture *c) { jack_deactivate(c->client); }

void capture_close(capture *c) {
  jack_client_close(c->client);
  free(c->data[0]);
  free(c->data[1]);
  free(c);
}

const char *capture_name(const capture *c) { return jack_get_client_name(c->client); }
int capture_rate(const capture *c) { return (int)jack_get_sample_rate(c->client); }
int capture_period(const capture *c) { return (int)jack_get_buffer_size(c->client); }
bool capture_connected(const capture *c) { return jack_port_connected(c->in[0]) > 0 && jack_port_connected(c->in[1]) > 0; }
int64_t capture_frames(const capture *c) { return atomic_load(&c->frames); }
uint64_t capture_xruns(const capture *c) { return atomic_load(&c->xruns); }
int64_t capture_xrun_at(const capture *c, int k) { return k < CAPTURE_MAX_XRUNS ? c->xrun_at[k] : -1; }
const float *capture_left(const capture *c) { return c->data[0]; }
const float *capture_right(const capture *c) { return c->data[1]; }

int capture_jumps(const capture *c) { return atomic_load(&c->jumps); }
int64_t capture_jump_at(const capture *c, int k) { return k < CAPTURE_MAX_XRUNS ? c->jump_at[k] : -1; }

bool capture_port_fed_by(const capture *c, const char *port, const char *suffix) {
  jack_port_t *p = jack_port_by_name(c->client, port);
  const char **from = p ? jack_port_get_all_connections(c->client, p) : NULL;
  bool found = false;
  for (int i = 0; from && from[i]; i++) {
    size_t n = strlen(from[i]), k = strlen(suffix);
    found |= n >= k && !strcmp(from[i] + n - k, suffix);
  }
  jack_free(from);
  return found;
}
