/* The ALSA backend, for machines without a JACK server: a playback thread that asks for one
 * period, interleaves it and writes it to the PCM (ALSA's plug layer converts the float
 * samples and the rate to what the card takes). An underrun is counted and recovered. */
#include <alsa/asoundlib.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "io/audio_internal.h"
#include "io/library.h"

/* libasound's functions, looked up when a program first plays through ALSA. */
#define ALSA_API(X)                                                                                   \
  X(snd_device_name_free_hint) X(snd_device_name_get_hint) X(snd_device_name_hint)                 \
  X(snd_lib_error_set_handler) X(snd_pcm_close) X(snd_pcm_drop) X(snd_pcm_get_params) X(snd_pcm_open) \
  X(snd_pcm_recover) X(snd_pcm_set_params) X(snd_pcm_writei) X(snd_strerror)
PH_LIBRARY(alsa, "libasound.so.2", ALSA_API)

typedef struct {
  snd_pcm_t *pcm;
  char device[128];
  pthread_t thread;
  bool running;
  atomic_bool stopping;
  float *planar, *interleaved; /* channels * buffer floats each */
} alsa_backend;

static void close_alsa(ph_audio *a) {
  alsa_backend *b = a->impl;
  if (b->pcm) alsa.snd_pcm_close(b->pcm);
  free(b->planar);
  free(b->interleaved);
  free(b);
}

static bool fail(ph_audio *a, ph_error *err, const char *what, int code) {
  alsa_backend *b = a->impl;
  ph_error_set(err, PH_ERR_IO, NULL, 0, "alsa: %s %s: %s", what, b->device, alsa.snd_strerror(code));
  close_alsa(a);
  return false;
}

/* ALSA's own messages repeat what the error codes say, in its terms: left out. */
static void quiet(const char *file, int line, const char *function, int code, const char *fmt, ...) {
  (void)file, (void)line, (void)function, (void)code, (void)fmt;
}

bool ph_audio_alsa_open(ph_audio *a, const ph_audio_options *opt, ph_error *err) {
  if (!alsa_load(err)) return false;
  alsa.snd_lib_error_set_handler(quiet);
  alsa_backend *b = calloc(1, sizeof *b);
  if (!b) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return false;
  }
  atomic_init(&b->stopping, false);
  a->ops = &ph_audio_alsa_ops;
  a->impl = b;
  snprintf(b->device, sizeof b->device, "%s", opt->device ? opt->device : "default");
  a->channels = 2 * (opt->pairs > 0 ? opt->pairs : 1);
  a->rate = opt->rate ? opt->rate : 48000;
  int period = opt->buffer ? opt->buffer : 256;
  int rc = alsa.snd_pcm_open(&b->pcm, b->device, SND_PCM_STREAM_PLAYBACK, 0);
  if (rc < 0) return fail(a, err, "cannot open", rc);
  /* Three periods of latency: room for one late wake-up without an underrun. */
  unsigned latency_us = (unsigned)(3.0e6 * period / a->rate);
  rc = alsa.snd_pcm_set_params(b->pcm, SND_PCM_FORMAT_FLOAT, SND_PCM_ACCESS_RW_INTERLEAVED, (unsigned)a->channels,
                          (unsigned)a->rate, 1, latency_us);
  if (rc < 0) return fail(a, err, "cannot configure", rc);
  snd_pcm_uframes_t buffer_size = 0, period_size = 0;
  rc = alsa.snd_pcm_get_params(b->pcm, &buffer_size, &period_size);
  if (rc < 0) return fail(a, err, "cannot read the configuration of", rc);
  a->buffer = period_size > 0 && period_size <= 16384 ? (int)period_size : period;
  size_t floats = (size_t)a->channels * (size_t)a->buffer;
  b->planar = malloc(sizeof(float) * floats);
  b->interleaved = malloc(sizeof(float) * floats);
  if (!b->planar || !b->interleaved) return fail(a, err, "out of memory for", -ENOMEM);
  snprintf(a->name, sizeof a->name, "alsa (%s)", b->device);
  return true;
}

static void *playback(void *arg) {
  ph_audio *a = arg;
  alsa_backend *b = a->impl;
  int n = a->buffer, ch = a->channels;
  float *outs[2 * PH_AUDIO_MAX_PAIRS];
  for (int c = 0; c < ch; c++) outs[c] = b->planar + (size_t)c * (size_t)n;
  while (!atomic_load_explicit(&b->stopping, memory_order_acquire)) {
    ph_audio_run(a, outs, n);
    for (int i = 0; i < n; i++)
      for (int c = 0; c < ch; c++) b->interleaved[i * ch + c] = outs[c][i];
    for (int done = 0; done < n && !atomic_load(&b->stopping);) {
      snd_pcm_sframes_t w = alsa.snd_pcm_writei(b->pcm, b->interleaved + done * ch, (snd_pcm_uframes_t)(n - done));
      if (w >= 0) {
        done += (int)w;
        continue;
      }
      if (w == -EPIPE) atomic_fetch_add(&a->xruns, 1);
      if (alsa.snd_pcm_recover(b->pcm, (int)w, 1) < 0) {
        atomic_store(&a->lost, true);
        return NULL;
      }
    }
  }
  return NULL;
}

static bool start_alsa(ph_audio *a, ph_error *err) {
  alsa_backend *b = a->impl;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  /* Real-time priority when the system grants it, else an ordinary thread. */
  struct sched_param prio = {.sched_priority = 70};
  pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
  pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
  pthread_attr_setschedparam(&attr, &prio);
  int rc = pthread_create(&b->thread, &attr, playback, a);
  pthread_attr_destroy(&attr);
  if (rc != 0) rc = pthread_create(&b->thread, NULL, playback, a);
  if (rc != 0) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "alsa: cannot start the playback thread");
    return false;
  }
  b->running = true;
  return true;
}

static void stop_alsa(ph_audio *a) {
  alsa_backend *b = a->impl;
  if (!b->running) return;
  atomic_store_explicit(&b->stopping, true, memory_order_release);
  pthread_join(b->thread, NULL);
  alsa.snd_pcm_drop(b->pcm);
  b->running = false;
}

static void list_alsa(FILE *out) {
  ph_error err = {0};
  if (!alsa_load(&err)) {
    fprintf(out, "alsa: %s\n", err.message);
    return;
  }
  void **hints = NULL;
  if (alsa.snd_device_name_hint(-1, "pcm", &hints) < 0) {
    fprintf(out, "alsa: no devices\n");
    return;
  }
  fprintf(out, "alsa: --device takes one of these PCM names\n");
  for (void **h = hints; *h; h++) {
    char *name = alsa.snd_device_name_get_hint(*h, "NAME");
    char *io = alsa.snd_device_name_get_hint(*h, "IOID");
    char *desc = alsa.snd_device_name_get_hint(*h, "DESC");
    if (name && (!io || !strcmp(io, "Output"))) {
      char *nl = desc ? strchr(desc, '\n') : NULL;
      if (nl) *nl = ' ';
      fprintf(out, "  %-24s %s\n", name, desc ? desc : "");
    }
    free(name);
    free(io);
    free(desc);
  }
  alsa.snd_device_name_free_hint(hints);
}

const ph_audio_ops ph_audio_alsa_ops = {"alsa", start_alsa, stop_alsa, close_alsa, list_alsa};
