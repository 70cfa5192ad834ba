/* Sample files: the bytes as a sound file (any format libsndfile knows, or none), read by the
 * sample loader into a sample at 44100 Hz, as a sample folder's files are. Refusals are fine;
 * crashes, leaks, and samples that do not match their description or hold non-finite values
 * are not. */
#define _GNU_SOURCE /* memfd_create */
#include <math.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "io/samples_internal.h"

static void check_sample(const ph_sample *s) {
  if (!s->data || !s->frames || (s->channels != 1 && s->channels != 2) || s->sample_rate != 44100) abort();
  for (size_t i = 0; i < s->frames * (size_t)s->channels; i++)
    if (!isfinite(s->data[i])) abort(); /* a NaN would silence every filter it reaches */
}

static void ignore_warning(void *ctx, const char *message) {}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int fd = -1; /* one in-memory file for every input */
  if (fd < 0 && (fd = memfd_create("fuzz-sample", 0)) < 0) abort();
  if (ftruncate(fd, 0) != 0) abort();
  if (size && pwrite(fd, data, size, 0) != (ssize_t)size) abort();
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);

  ph_samples_readable(path);
  ph_samples_options opt = {.warn = ignore_warning};
  bool out_of_memory;
  ph_sample *s = ph_samples_read(path, 44100, &opt, &out_of_memory);
  if (s) check_sample(s);
  ph_sample_destroy(s);
  return 0;
}
