#include "io/soundfile.h"

#include <math.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/hash.h"
#include "core/vectorise.h"

struct ph_sound_writer {
  SNDFILE *file;
  int channels;      /* given to write */
  int file_channels; /* stored: the same, or 1 for their mean */
  bool dither;       /* 16-bit: dithered here, written as shorts */
  uint32_t dither_count; /* samples dithered so far */
  float *pending; /* BLOCK frames as the file stores them, written out when full */
  size_t npending;
  short *shorts;
};

/* Frames gathered before a write: libsndfile writes through, one system call a block. */
enum { BLOCK = 16384 };

static int format_for(const char *path) {
  const char *dot = strrchr(path, '.');
  if (!dot) return 0;
  if (!strcasecmp(dot, ".wav")) return SF_FORMAT_WAV | SF_FORMAT_FLOAT;
  if (!strcasecmp(dot, ".flac")) return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
  if (!strcasecmp(dot, ".aif") || !strcasecmp(dot, ".aiff")) return SF_FORMAT_AIFF | SF_FORMAT_PCM_24;
  if (!strcasecmp(dot, ".ogg")) return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
  return 0;
}

static int subformat_of(const char *encoding) {
  if (!strcmp(encoding, "pcm16")) return SF_FORMAT_PCM_16;
  if (!strcmp(encoding, "pcm24")) return SF_FORMAT_PCM_24;
  if (!strcmp(encoding, "float")) return SF_FORMAT_FLOAT;
  return 0;
}

ph_sound_writer *ph_sound_writer_open_as(const char *path, int sample_rate, int channels, const ph_sound_format *format,
                                         ph_error *err) {
  int type = format_for(path);
  if (!type) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "%s: unknown sound file type (use .wav, .flac, .aiff or .ogg)", path);
    return NULL;
  }
  const char *encoding = format ? format->encoding : NULL;
  if (encoding) {
    int sub = subformat_of(encoding);
    if (!sub) {
      ph_error_set(err, PH_ERR_IO, NULL, 0, "unknown sample encoding '%s' (use pcm16, pcm24 or float)", encoding);
      return NULL;
    }
    type = (type & SF_FORMAT_TYPEMASK) | sub;
  }
  int file_channels = format && format->channels == 1 ? 1 : channels;
  SF_INFO info = {.samplerate = sample_rate, .channels = file_channels, .format = type};
  if (!sf_format_check(&info)) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "%s: this file type cannot hold %s samples", path, encoding ? encoding : "such");
    return NULL;
  }
  SNDFILE *f = sf_open(path, SFM_WRITE, &info);
  if (!f) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "%s: %s", path, sf_strerror(NULL));
    return NULL;
  }
  /* Floats beyond ±1 would wrap in integer formats; libsndfile clips them instead. */
  sf_command(f, SFC_SET_CLIPPING, NULL, SF_TRUE);
  /* No PEAK chunk: it carries a timestamp, and two renders of a program must be the same file. */
  sf_command(f, SFC_SET_ADD_PEAK_CHUNK, NULL, SF_FALSE);
  ph_sound_writer *w = calloc(1, sizeof *w);
  bool dither = (type & SF_FORMAT_SUBMASK) == SF_FORMAT_PCM_16;
  if (w) w->pending = malloc(sizeof(float) * BLOCK * (size_t)file_channels);
  if (w && dither) w->shorts = malloc(sizeof(short) * BLOCK * (size_t)file_channels);
  if (!w || !w->pending || (dither && !w->shorts)) {
    if (w) free(w->pending);
    free(w);
    sf_close(f);
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return NULL;
  }
  w->file = f;
  w->channels = channels;
  w->file_channels = file_channels;
  w->dither = dither;
  w->dither_count = 0;
  return w;
}

ph_sound_writer *ph_sound_writer_open(const char *path, int sample_rate, int channels, ph_error *err) {
  return ph_sound_writer_open_as(path, sample_rate, channels, NULL, err);
}

/* Uniform in [0, 1) from the k-th count. */
static inline float uniform(uint32_t k) { return (float)(int32_t)(ph_hash32(k) >> 8) * (1.0f / 16777216.0f); }

/* To 16 bits with triangular (TPDF) dither of ±1 step: the rounding error becomes a steady
 * noise floor instead of distortion that follows the signal. */
PH_VECTORISED
static void dithered(const float *restrict x, uint32_t count, short *restrict out, int n) {
  for (int i = 0; i < n; i++) {
    uint32_t k = 2u * (count + (uint32_t)i);
    /* rounded to the nearest step as a positive number truncates: floor(v + 0.5) + 32768 */
    float v = x[i] * 32767.0f + (uniform(k) - uniform(k + 1u)) + 32768.5f;
    if (!(v >= 0.0f)) v = 0.0f;
    v = v > 65535.0f ? 65535.0f : v;
    out[i] = (short)((int32_t)v - 32768);
  }
}

static void to_shorts(ph_sound_writer *w, const float *x, size_t n) {
  dithered(x, w->dither_count, w->shorts, (int)n);
  w->dither_count += (uint32_t)n;
}

static bool flush(ph_sound_writer *w) {
  size_t n = w->npending;
  w->npending = 0;
  if (!n) return true;
  if (!w->dither) return sf_writef_float(w->file, w->pending, (sf_count_t)n) == (sf_count_t)n;
  to_shorts(w, w->pending, n * (size_t)w->file_channels);
  return sf_writef_short(w->file, w->shorts, (sf_count_t)n) == (sf_count_t)n;
}

/* The mean of the two channels, as the loop over any number of them computes it. */
PH_VECTORISED
static void stereo_mean(const float *restrict from, float *restrict to, size_t n) {
  for (size_t k = 0; k < n; k++) {
    float sum = 0.0f;
    sum += from[2 * k];
    sum += from[2 * k + 1];
    to[k] = sum / 2.0f;
  }
}

bool ph_sound_writer_write(ph_sound_writer *w, const float *interleaved, size_t frames, ph_error *err) {
  size_t in = (size_t)w->channels, out = (size_t)w->file_channels;
  for (size_t i = 0; i < frames;) {
    size_t n = frames - i < BLOCK - w->npending ? frames - i : BLOCK - w->npending;
    float *to = w->pending + w->npending * out;
    const float *from = interleaved + i * in;
    if (out == in) {
      memcpy(to, from, sizeof(float) * n * in);
    } else if (in == 2) {
      stereo_mean(from, to, n);
    } else {
      for (size_t k = 0; k < n; k++) {
        float sum = 0.0f;
        for (size_t c = 0; c < in; c++) sum += from[k * in + c];
        to[k] = sum / (float)in;
      }
    }
    i += n;
    w->npending += n;
    if (w->npending == BLOCK && !flush(w)) {
      ph_error_set(err, PH_ERR_IO, NULL, 0, "writing sound: %s", sf_strerror(w->file));
      return false;
    }
  }
  return true;
}

bool ph_sound_writer_close(ph_sound_writer *w, ph_error *err) {
  if (!w) return true;
  bool flushed = flush(w);
  int rc = sf_close(w->file);
  free(w->pending);
  free(w->shorts);
  free(w);
  if (!flushed) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "writing sound: the file did not take the last samples");
    return false;
  }
  if (rc == 0) return true;
  ph_error_set(err, PH_ERR_IO, NULL, 0, "closing sound file: %s", sf_error_number(rc));
  return false;
}

bool ph_sound_read(const char *path, ph_sound *out, ph_error *err) {
  memset(out, 0, sizeof *out);
  SF_INFO info = {0};
  SNDFILE *f = sf_open(path, SFM_READ, &info);
  if (!f) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "%s: %s", path, sf_strerror(NULL));
    return false;
  }
  size_t n = (size_t)info.frames * (size_t)info.channels;
  out->samples = malloc((n ? n : 1) * sizeof(float));
  if (!out->samples) {
    sf_close(f);
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "%s: out of memory", path);
    return false;
  }
  out->frames = (size_t)sf_readf_float(f, out->samples, info.frames);
  out->channels = info.channels;
  out->sample_rate = info.samplerate;
  sf_close(f);
  return true;
}

void ph_sound_free(ph_sound *s) {
  free(s->samples);
  memset(s, 0, sizeof *s);
}
