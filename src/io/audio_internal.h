/* What every audio backend provides to audio.c. */
#ifndef PH_IO_AUDIO_INTERNAL_H
#define PH_IO_AUDIO_INTERNAL_H

#include <stdatomic.h>

#include "io/audio.h"

typedef struct {
  const char *name;
  bool (*start)(ph_audio *a, ph_error *err);
  void (*stop)(ph_audio *a);
  void (*close)(ph_audio *a);
  void (*list)(FILE *out);
} ph_audio_ops;

struct ph_audio {
  const ph_audio_ops *ops;
  void *impl;
  int rate, buffer, channels;
  char name[160];
  ph_audio_process_fn process;
  void *ctx;
  atomic_uint_fast64_t xruns, late, longest_ns, late_cpu, longest_cpu_ns, longest_cpu_at_ns;
  atomic_uint_fast64_t busy_ns, played_ns; /* time spent in process, audio time it produced */
  atomic_bool lost;
};

/* Calls process and times it (CLOCK_MONOTONIC is read without a system call). Audio thread. */
void ph_audio_run(ph_audio *a, float *const *outs, int frames);

/* Each fills a (ops, impl, rate, buffer, channels, name) or returns false with err set;
 * `quiet` open failures (no server) set err without printing anything. */
bool ph_audio_jack_open(ph_audio *a, const ph_audio_options *opt, ph_error *err);
bool ph_audio_alsa_open(ph_audio *a, const ph_audio_options *opt, ph_error *err);
extern const ph_audio_ops ph_audio_jack_ops, ph_audio_alsa_ops;

#endif
