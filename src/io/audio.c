/* The backend-independent side of audio output: choosing a backend, the common accessors. */
#include <stdlib.h>
#include <time.h>

#include "io/audio_internal.h"

ph_audio *ph_audio_open(const ph_audio_options *opt, ph_error *err) {
  if (opt->pairs < 0 || opt->pairs > PH_AUDIO_MAX_PAIRS || opt->buffer < 0 || opt->buffer > 16384 ||
      (opt->rate && (opt->rate < 8000 || opt->rate > 384000))) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "audio: rate, buffer or number of outputs out of range");
    return NULL;
  }
  ph_audio *a = calloc(1, sizeof *a);
  if (!a) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return NULL;
  }
  atomic_init(&a->xruns, 0);
  atomic_init(&a->late, 0);
  atomic_init(&a->longest_ns, 0);
  atomic_init(&a->late_cpu, 0);
  atomic_init(&a->longest_cpu_ns, 0);
  atomic_init(&a->longest_cpu_at_ns, 0);
  atomic_init(&a->busy_ns, 0);
  atomic_init(&a->played_ns, 0);
  atomic_init(&a->lost, false);
  bool ok = false;
  if (opt->backend == PH_AUDIO_JACK) ok = ph_audio_jack_open(a, opt, err);
  else if (opt->backend == PH_AUDIO_ALSA) ok = ph_audio_alsa_open(a, opt, err);
  else {
    ph_error jack = {0}, alsa = {0};
    ok = ph_audio_jack_open(a, opt, &jack) || ph_audio_alsa_open(a, opt, &alsa);
    if (!ok) ph_error_set(err, PH_ERR_IO, NULL, 0, "no JACK server is running, and %s", alsa.message);
  }
  if (!ok) {
    free(a);
    return NULL;
  }
  return a;
}

bool ph_audio_start(ph_audio *a, ph_audio_process_fn process, void *ctx, ph_error *err) {
  a->process = process;
  a->ctx = ctx;
  return a->ops->start(a, err);
}

void ph_audio_stop(ph_audio *a) { a->ops->stop(a); }

void ph_audio_close(ph_audio *a) {
  if (!a) return;
  a->ops->close(a);
  free(a);
}

int ph_audio_rate(const ph_audio *a) { return a->rate; }
int ph_audio_buffer(const ph_audio *a) { return a->buffer; }
int ph_audio_channels(const ph_audio *a) { return a->channels; }
const char *ph_audio_name(const ph_audio *a) { return a->name; }
static int64_t now_ns(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* True when this is the longest so far. */
static bool note_duration(atomic_uint_fast64_t *longest, atomic_uint_fast64_t *late, uint64_t took, double period_ns) {
  if ((double)took > period_ns) atomic_fetch_add_explicit(late, 1, memory_order_relaxed);
  if (took <= atomic_load_explicit(longest, memory_order_relaxed)) return false;
  atomic_store_explicit(longest, took, memory_order_relaxed);
  return true;
}

void ph_audio_run(ph_audio *a, float *const *outs, int frames) {
  int64_t t0 = now_ns(CLOCK_MONOTONIC), c0 = now_ns(CLOCK_THREAD_CPUTIME_ID);
  a->process(a->ctx, outs, a->channels, frames);
  uint64_t took = (uint64_t)(now_ns(CLOCK_MONOTONIC) - t0), computed = (uint64_t)(now_ns(CLOCK_THREAD_CPUTIME_ID) - c0);
  double period_ns = 1e9 * frames / a->rate;
  note_duration(&a->longest_ns, &a->late, took, period_ns);
  if (note_duration(&a->longest_cpu_ns, &a->late_cpu, computed, period_ns))
    atomic_store_explicit(&a->longest_cpu_at_ns, atomic_load_explicit(&a->played_ns, memory_order_relaxed),
                          memory_order_relaxed);
  atomic_fetch_add_explicit(&a->busy_ns, took, memory_order_relaxed);
  atomic_fetch_add_explicit(&a->played_ns, (uint64_t)period_ns, memory_order_relaxed);
}

ph_audio_stats ph_audio_get_stats(const ph_audio *a) {
  return (ph_audio_stats){.xruns = atomic_load(&a->xruns),
                          .late = atomic_load(&a->late),
                          .longest_ms = atomic_load(&a->longest_ns) * 1e-6,
                          .late_cpu = atomic_load(&a->late_cpu),
                          .longest_cpu_ms = atomic_load(&a->longest_cpu_ns) * 1e-6,
                          .longest_cpu_at = atomic_load(&a->longest_cpu_at_ns) * 1e-9,
                          .busy_ns = atomic_load(&a->busy_ns),
                          .played_ns = atomic_load(&a->played_ns)};
}
bool ph_audio_lost(const ph_audio *a) { return atomic_load(&a->lost); }

void ph_audio_list_devices(FILE *out) {
  ph_audio_jack_ops.list(out);
  ph_audio_alsa_ops.list(out);
}
