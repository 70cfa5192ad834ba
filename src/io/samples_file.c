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

static int compare_bytes(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

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

/* Non-finite values (a float file may hold them, and converting the rate of values near the
 * float limit may make them) become silence: a NaN reaching a filter would silence it for good.
 * Returns how many there were. */
static size_t silence_non_finite(float *data, size_t n) {
  size_t bad = 0;
  for (size_t i = 0; i < n; i++)
    if (!isfinite(data[i])) {
      data[i] = 0;
      bad++;
    }
  return bad;
}

/* data (frames × channels at from Hz) converted to `to` Hz in a new buffer; data is freed.
 * NULL with *err_text set when libsamplerate fails, or out of memory (*err_text NULL). */
static float *resample(float *data, size_t *frames, int channels, double from, double to,
                       const char **err_text) {
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

/* Why a file is refused before it is read (empty, over a limit), in why; false when it is not. */
static bool refused(const SF_INFO *info, double rate, const ph_samples_options *opt, char *why, size_t size) {
  double max_seconds = opt && opt->max_seconds > 0 ? opt->max_seconds : PH_SAMPLES_MAX_SECONDS;
  size_t max_bytes = opt && opt->max_bytes > 0 ? opt->max_bytes : PH_SAMPLES_MAX_BYTES;
  if (info->frames <= 0 || info->channels <= 0 || info->samplerate <= 0) {
    snprintf(why, size, "no audio in it");
    return true;
  }
  double seconds = (double)info->frames / info->samplerate, ratio = rate / info->samplerate;
  /* the larger of what is read and what it becomes at the engine's rate */
  double kept = info->channels > 1 ? 2 : 1;
  double floats = fmax((double)info->frames * info->channels, (double)info->frames * ratio * kept);
  double mib = floats * sizeof(float) / 1048576.0, max_mib = (double)max_bytes / 1048576.0;
  if (seconds > max_seconds)
    snprintf(why, size, "%.1f s long, over the limit of %.0f s", seconds, max_seconds);
  else if (mib > max_mib)
    snprintf(why, size, "%.1f MiB of samples, over the limit of %.1f MiB", mib, max_mib);
  else if (ratio > 256.0 || ratio < 1.0 / 256.0)
    snprintf(why, size, "its rate, %d Hz, is too far from the engine's %.0f Hz", info->samplerate, rate);
  else return false;
  return true;
}

ph_sample *ph_samples_read(const char *path, double rate, const ph_samples_options *opt,
                           bool *out_of_memory) {
  *out_of_memory = false;
  SF_INFO info = {0};
  SNDFILE *f = sf_open(path, SFM_READ, &info);
  if (!f) {
    ph_samples_warn(opt, "%s: skipped: %s", path, sf_strerror(NULL));
    return NULL;
  }
  char why[160];
  if (refused(&info, rate, opt, why, sizeof why)) {
    ph_samples_warn(opt, "%s: skipped: %s", path, why);
    sf_close(f);
    return NULL;
  }
  int channels = info.channels < 2 ? info.channels : 2;
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
  size_t non_finite = silence_non_finite(data, frames * (size_t)channels);
  if (info.samplerate != rate) {
    const char *err_text;
    data = resample(data, &frames, channels, info.samplerate, rate, &err_text);
    if (!data) {
      if (err_text) ph_samples_warn(opt, "%s: skipped: converting the rate failed: %s", path, err_text);
      else *out_of_memory = true;
      return NULL;
    }
    non_finite += silence_non_finite(data, frames * (size_t)channels);
  }
  if (!frames) { /* a few frames at a rate far above the engine's */
    free(data);
    ph_samples_warn(opt, "%s: skipped: shorter than one sample at %.0f Hz", path, rate);
    return NULL;
  }
  if (non_finite) ph_samples_warn(opt, "%s: %zu non-finite values (NaN, infinity) made silent", path, non_finite);
  ph_sample *s = ph_sample_adopt(path, data, frames, channels, rate);
  if (!s) *out_of_memory = true;
  return s;
}
