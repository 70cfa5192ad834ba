/* Folder scans and reading one sample file: libsndfile decodes, libsamplerate converts the
 * rate (see samples.h). */
#include <dirent.h>
#include <math.h>
#include <samplerate.h>
#include <sndfile.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/samples_internal.h"

bool ph_strings_push(ph_strings *l, const char *s) {
  if (l->n == l->cap) {
    int cap = l->cap ? 2 * l->cap : 16;
    char **items = realloc(l->items, (size_t)cap * sizeof *items);
    if (!items) return false;
    l->items = items;
    l->cap = cap;
  }
  char *copy = strdup(s);
  if (!copy) return false;
  l->items[l->n++] = copy;
  return true;
}

static int compare_bytes(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

void ph_strings_sort(ph_strings *l) {
  if (l->n > 1) qsort(l->items, (size_t)l->n, sizeof *l->items, compare_bytes);
}

bool ph_strings_has(const ph_strings *l, const char *s) {
  for (int i = 0; i < l->n; i++)
    if (!strcmp(l->items[i], s)) return true;
  return false;
}

void ph_strings_free(ph_strings *l) {
  for (int i = 0; i < l->n; i++) free(l->items[i]);
  free(l->items);
  *l = (ph_strings){0};
}

char *ph_samples_join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  char *path = malloc(a + b + 2);
  if (!path) return NULL;
  memcpy(path, dir, a);
  path[a] = '/';
  memcpy(path + a + 1, name, b + 1);
  return path;
}

bool ph_samples_scan(const char *dir, bool folders, ph_strings *out) {
  DIR *d = opendir(dir);
  if (!d) return true;
  int first = out->n;
  bool ok = true;
  struct dirent *e;
  while (ok && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char *path = ph_samples_join(dir, e->d_name);
    struct stat st;
    if (!path) ok = false;
    else if (stat(path, &st) == 0 && (folders ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode)))
      ok = ph_strings_push(out, e->d_name);
    free(path);
  }
  closedir(d);
  ph_strings tail = {out->items + first, out->n - first, 0};
  ph_strings_sort(&tail);
  return ok;
}

void ph_samples_warn(const ph_samples_options *opt, const char *fmt, ...) {
  if (!opt || !opt->warn) return;
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  opt->warn(opt->warn_ctx, line);
}

bool ph_samples_readable(const char *path) {
  SF_INFO info = {0};
  SNDFILE *f = sf_open(path, SFM_READ, &info);
  if (f) sf_close(f);
  return f && info.frames > 0 && info.channels > 0;
}

/* Keeps the first two of `channels` interleaved channels, in place. */
static void keep_two_channels(float *data, size_t frames, int channels) {
  for (size_t i = 0; i < frames; i++) {
    data[2 * i] = data[i * (size_t)channels];
    data[2 * i + 1] = data[i * (size_t)channels + 1];
  }
}

/* data (frames × channels at from Hz) converted to `to` Hz in a new buffer; data is freed.
 * NULL with *err_text set when libsamplerate fails, or out of memory (*err_text NULL). */
static float *resample(float *data, size_t *frames, int channels, double from, double to, const char **err_text) {
  double ratio = to / from;
  size_t cap = (size_t)ceil((double)*frames * ratio) + 2;
  float *out = malloc(cap * (size_t)channels * sizeof *out);
  *err_text = NULL;
  if (!out) {
    free(data);
    return NULL;
  }
  SRC_DATA src = {.data_in = data, .data_out = out, .input_frames = (long)*frames, .output_frames = (long)cap,
                  .src_ratio = ratio};
  int rc = src_simple(&src, SRC_SINC_MEDIUM_QUALITY, channels);
  free(data);
  if (rc) {
    *err_text = src_strerror(rc);
    free(out);
    return NULL;
  }
  *frames = (size_t)src.output_frames_gen;
  return out;
}

ph_sample *ph_samples_read(const char *path, double rate, const ph_samples_options *opt, bool *out_of_memory) {
  *out_of_memory = false;
  double max_seconds = opt && opt->max_seconds > 0 ? opt->max_seconds : PH_SAMPLES_MAX_SECONDS;
  size_t max_bytes = opt && opt->max_bytes > 0 ? opt->max_bytes : PH_SAMPLES_MAX_BYTES;
  SF_INFO info = {0};
  SNDFILE *f = sf_open(path, SFM_READ, &info);
  if (!f) {
    ph_samples_warn(opt, "%s: skipped: %s", path, sf_strerror(NULL));
    return NULL;
  }
  double sr = info.samplerate > 0 ? info.samplerate : 1.0, seconds = (double)info.frames / sr, ratio = rate / sr;
  int channels = info.channels < 2 ? info.channels : 2;
  const char *why = NULL;
  if (info.frames <= 0 || info.channels <= 0 || info.samplerate <= 0) why = "no audio in it";
  else if (seconds > max_seconds) why = "too long";
  else if ((double)info.frames * info.channels * sizeof(float) > (double)max_bytes ||
           (double)info.frames * ratio * channels * sizeof(float) > (double)max_bytes)
    why = "too large";
  else if (ratio > 256.0 || ratio < 1.0 / 256.0) why = "its sample rate is too far from the engine's";
  if (why) {
    ph_samples_warn(opt, "%s: skipped: %s (%.1f s, %d Hz, %d channels; the limits are %.0f s and %zu MiB)",
                    path, why, seconds, info.samplerate, info.channels, max_seconds, max_bytes >> 20);
    sf_close(f);
    return NULL;
  }
  float *data = malloc((size_t)info.frames * (size_t)info.channels * sizeof *data);
  if (!data) {
    sf_close(f);
    *out_of_memory = true;
    return NULL;
  }
  sf_count_t got = sf_readf_float(f, data, info.frames);
  sf_close(f);
  size_t frames = got > 0 ? (size_t)got : 0;
  if (!frames) {
    free(data);
    ph_samples_warn(opt, "%s: skipped: nothing could be decoded", path);
    return NULL;
  }
  if (info.channels > 2) keep_two_channels(data, frames, info.channels);
  if (info.samplerate != rate) {
    const char *err_text;
    data = resample(data, &frames, channels, info.samplerate, rate, &err_text);
    if (!data) {
      if (err_text) ph_samples_warn(opt, "%s: skipped: converting the rate failed: %s", path, err_text);
      else *out_of_memory = true;
      return NULL;
    }
  }
  ph_sample *s = ph_sample_adopt(path, data, frames, channels, rate);
  if (!s) *out_of_memory = true;
  return s;
}
