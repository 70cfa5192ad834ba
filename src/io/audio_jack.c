/* The JACK backend: a client with out_L/out_R (then o2_L/o2_R...), connected to the physical
 * playback ports or to the ports --device names, at the server's rate and period. */
#include <jack/jack.h>
#include <stdlib.h>
#include <string.h>

#include "io/audio_internal.h"
#include "io/library.h"

/* libjack's functions, looked up when a program first plays through JACK. */
#define JACK_API(X)                                                                                    \
  X(jack_activate) X(jack_client_close) X(jack_client_open) X(jack_connect) X(jack_deactivate)       \
  X(jack_free) X(jack_get_buffer_size) X(jack_get_client_name) X(jack_get_ports)                    \
  X(jack_get_sample_rate) X(jack_on_shutdown) X(jack_port_get_buffer) X(jack_port_name)             \
  X(jack_port_register) X(jack_set_buffer_size) X(jack_set_error_function) X(jack_set_info_function) \
  X(jack_set_process_callback) X(jack_set_xrun_callback)
PH_LIBRARY(jack, "libjack.so.0", JACK_API)

typedef struct {
  jack_client_t *client;
  jack_port_t *ports[2 * PH_AUDIO_MAX_PAIRS];
  char *connect_prefix; /* NULL: the physical playback ports */
  atomic_bool armed;    /* process is called only once the ports are connected */
} jack_backend;

static void quiet(const char *message) { (void)message; }
static void say(const char *message) { fprintf(stderr, "jack: %s\n", message); }

static int on_process(jack_nframes_t frames, void *arg) {
  ph_audio *a = arg;
  jack_backend *j = a->impl;
  float *outs[2 * PH_AUDIO_MAX_PAIRS];
  for (int c = 0; c < a->channels; c++) outs[c] = jack.jack_port_get_buffer(j->ports[c], frames);
  if (atomic_load_explicit(&j->armed, memory_order_acquire)) ph_audio_run(a, outs, (int)frames);
  else
    for (int c = 0; c < a->channels; c++) memset(outs[c], 0, sizeof(float) * frames);
  return 0;
}

static int on_xrun(void *arg) {
  atomic_fetch_add(&((ph_audio *)arg)->xruns, 1);
  return 0;
}

static void on_shutdown(void *arg) { atomic_store(&((ph_audio *)arg)->lost, true); }

static void close_jack(ph_audio *a) {
  jack_backend *j = a->impl;
  if (j->client) jack.jack_client_close(j->client);
  free(j->connect_prefix);
  free(j);
}

bool ph_audio_jack_open(ph_audio *a, const ph_audio_options *opt, ph_error *err) {
  if (!jack_load(err)) return false;
  jack_backend *j = calloc(1, sizeof *j);
  if (!j || (opt->device && !(j->connect_prefix = strdup(opt->device)))) {
    free(j);
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return false;
  }
  atomic_init(&j->armed, false);
  a->ops = &ph_audio_jack_ops;
  a->impl = j;
  jack.jack_set_info_function(quiet);
  jack.jack_set_error_function(quiet); /* no server is told in one line below, not libjack's five */
  jack_status_t status = 0;
  j->client = jack.jack_client_open(opt->client_name ? opt->client_name : "phonon", JackNoStartServer, &status);
  jack.jack_set_error_function(say);
  if (!j->client) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "jack: no server is running (status 0x%x)", (unsigned)status);
    close_jack(a);
    return false;
  }
  int pairs = opt->pairs > 0 ? opt->pairs : 1;
  a->channels = 2 * pairs;
  for (int c = 0; c < a->channels; c++) {
    char name[32];
    if (c < 2) snprintf(name, sizeof name, "out_%c", c ? 'R' : 'L');
    else snprintf(name, sizeof name, "o%d_%c", c / 2 + 1, c % 2 ? 'R' : 'L');
    j->ports[c] = jack.jack_port_register(j->client, name, JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
    if (!j->ports[c]) {
      ph_error_set(err, PH_ERR_IO, NULL, 0, "jack: cannot register port %s", name);
      close_jack(a);
      return false;
    }
  }
  if (opt->buffer > 0 && jack.jack_set_buffer_size(j->client, (jack_nframes_t)opt->buffer) != 0)
    fprintf(stderr, "jack: the server refused a period of %d frames\n", opt->buffer);
  a->rate = (int)jack.jack_get_sample_rate(j->client);
  a->buffer = (int)jack.jack_get_buffer_size(j->client);
  if (opt->rate && opt->rate != a->rate)
    fprintf(stderr, "jack: the server runs at %d Hz; --rate %d is ignored\n", a->rate, opt->rate);
  snprintf(a->name, sizeof a->name, "jack (%s)", jack.jack_get_client_name(j->client));
  jack.jack_set_process_callback(j->client, on_process, a);
  jack.jack_set_xrun_callback(j->client, on_xrun, a);
  jack.jack_on_shutdown(j->client, on_shutdown, a);
  return true;
}

/* out_L to the first destination, out_R to the second (or the first again when alone). */
static void connect_outputs(ph_audio *a) {
  jack_backend *j = a->impl;
  unsigned long flags = JackPortIsInput | (j->connect_prefix ? 0 : JackPortIsPhysical);
  const char **all = jack.jack_get_ports(j->client, NULL, JACK_DEFAULT_AUDIO_TYPE, flags);
  const char *dest[2 * PH_AUDIO_MAX_PAIRS];
  int n = 0;
  for (int i = 0; all && all[i] && n < a->channels; i++)
    if (!j->connect_prefix || !strncmp(all[i], j->connect_prefix, strlen(j->connect_prefix))) dest[n++] = all[i];
  if (n == 0) fprintf(stderr, "jack: no %s ports to connect to\n", j->connect_prefix ? j->connect_prefix : "playback");
  for (int c = 0; c < a->channels && n > 0; c++) {
    const char *to = dest[c < n ? c : c % n];
    if (jack.jack_connect(j->client, jack.jack_port_name(j->ports[c]), to) != 0)
      fprintf(stderr, "jack: cannot connect %s to %s\n", jack.jack_port_name(j->ports[c]), to);
  }
  jack.jack_free(all);
}

static bool start_jack(ph_audio *a, ph_error *err) {
  jack_backend *j = a->impl;
  if (jack.jack_activate(j->client) != 0) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "jack: cannot activate the client");
    return false;
  }
  connect_outputs(a);
  atomic_store_explicit(&j->armed, true, memory_order_release);
  return true;
}

static void stop_jack(ph_audio *a) {
  jack_backend *j = a->impl;
  atomic_store(&j->armed, false);
  jack.jack_deactivate(j->client);
}

static void list_jack(FILE *out) {
  ph_error err = {0};
  if (!jack_load(&err)) {
    fprintf(out, "jack: %s\n", err.message);
    return;
  }
  jack.jack_set_info_function(quiet);
  jack.jack_set_error_function(quiet);
  jack_status_t status = 0;
  jack_client_t *c = jack.jack_client_open("phonon-list", JackNoStartServer, &status);
  jack.jack_set_error_function(say);
  if (!c) {
    fprintf(out, "jack: no server running\n");
    return;
  }
  fprintf(out, "jack (%u Hz, %u frames): --device takes a port name or its beginning\n", jack.jack_get_sample_rate(c),
          jack.jack_get_buffer_size(c));
  const char **ports = jack.jack_get_ports(c, NULL, JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput);
  for (int i = 0; ports && ports[i]; i++) fprintf(out, "  %s\n", ports[i]);
  jack.jack_free(ports);
  jack.jack_client_close(c);
}

const ph_audio_ops ph_audio_jack_ops = {"jack", start_jack, stop_jack, close_jack, list_jack};
