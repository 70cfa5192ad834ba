/* Sound to a sound card, through a backend: JACK (which PipeWire desktops also serve) or ALSA
 * when no JACK server runs. The backend owns the real-time thread and calls `process` once per
 * period with one buffer per output channel; it never blocks on the caller's side.
 *
 *   open (rate, buffer, device, ports) -> start(process) ... stop -> close
 *
 * `process` runs on the audio thread: it must not allocate, lock, log or do I/O. */
#ifndef PH_IO_AUDIO_H
#define PH_IO_AUDIO_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/error.h"

#define PH_AUDIO_MAX_PAIRS 8

typedef void (*ph_audio_process_fn)(void *ctx, float *const *outs, int nchannels, int frames);

typedef enum { PH_AUDIO_AUTO, PH_AUDIO_JACK, PH_AUDIO_ALSA } ph_audio_backend;

typedef struct {
  ph_audio_backend backend; /* AUTO: JACK when a server runs, else ALSA */
  /* JACK: connect to the input ports whose names begin with this (default: the physical
   * playback ports); ALSA: the PCM name (default "default"). */
  const char *device;
  const char *client_name; /* JACK client name (default "phonon") */
  int rate;                /* ALSA: the rate asked for (default 48000); JACK: the server's wins */
  int buffer;              /* frames per period; 0: the backend's choice (JACK: the server's) */
  int pairs;               /* stereo port pairs: out_L/out_R, then o2_L/o2_R... (default 1) */
} ph_audio_options;

typedef struct ph_audio ph_audio;

ph_audio *ph_audio_open(const ph_audio_options *opt, ph_error *err);
/* Calls process from now on; JACK: after the ports are connected, so nothing is lost. */
bool ph_audio_start(ph_audio *a, ph_audio_process_fn process, void *ctx, ph_error *err);
/* No process call runs or will run once this returns. */
void ph_audio_stop(ph_audio *a);
void ph_audio_close(ph_audio *a);

int ph_audio_rate(const ph_audio *a);
int ph_audio_buffer(const ph_audio *a);
int ph_audio_channels(const ph_audio *a);
const char *ph_audio_name(const ph_audio *a); /* "jack (phonon)", "alsa (default)" */

typedef struct {
  uint64_t xruns;    /* reported by the backend (JACK: the server's, whoever caused them) */
  uint64_t late;     /* process calls that took longer than their period: xruns of our making */
  double longest_ms; /* the longest process call */
  /* The same by the audio thread's own CPU time: what computing took, without the time the
   * system gave to others while the call ran (which `late` includes). */
  uint64_t late_cpu;
  double longest_cpu_ms, longest_cpu_at; /* and when, in seconds of audio from the start */
  uint64_t busy_ns;   /* time spent in process calls, in all */
  uint64_t played_ns; /* the audio time they produced: busy/played between two looks is the load */
} ph_audio_stats;

ph_audio_stats ph_audio_get_stats(const ph_audio *a);
/* True when the backend has gone away (the JACK server quit): nothing will be heard. */
bool ph_audio_lost(const ph_audio *a);

/* The devices each backend offers: JACK playback ports (when a server runs), ALSA PCMs. */
void ph_audio_list_devices(FILE *out);

#endif
