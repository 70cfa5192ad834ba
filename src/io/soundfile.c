#include "io/soundfile.h"

#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct ph_sound_writer {
  SNDFILE *file;
  int channels;
};

static int format_for(const char *path) {
  const char *dot = strrchr(path, '.');
  if (!dot) return 0;
  if (!strcasecmp(dot, ".wav")) return SF_FORMAT_WAV | SF_FORMAT_FLOAT;
  if (!strcasecmp(dot, ".flac")) return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
  if (!strcasecmp(dot, ".aif") || !strcasecmp(dot, ".aiff")) return SF_FORMAT_AIFF | SF_FORMAT_PCM_24;
  if (!strcasecmp(dot, ".ogg")) return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
  return 0;
}

ph_sound_writer *ph_sound_writer_open(const char *path, int sample_rate, int channels, ph_error *err) {
  int format = format_for(path);
  if (!format) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "%s: unknown sound file type (use .wav, .flac, .aiff or .ogg)", path);
    return NULL;
  }
  SF_INFO info = {.samplerate = sample_rate, .channels = channels, .format = format};
  SNDFILE *f = sf_open(path, SFM_WRITE, &info);
  if (!f) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "%s: %s", path, sf_strerror(NULL));
    return NULL;
  }
  /* Floats beyond ±1 would wrap in integer formats; libsndfile clips them instead. */
  sf_command(f, SFC_SET_CLIPPING, NULL, SF_TRUE);
  /* No PEAK chunk: it carries a timestamp, and two renders of a program must be the same file. */
  sf_command(f, SFC_SET_ADD_PEAK_CHUNK, NULL, SF_FALSE);
  ph_sound_writer *w = malloc(sizeof *w);
  if (!w) {
    sf_close(f);
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return NULL;
  }
  w->file = f;
  w->channels = channels;
  return w;
}

bool ph_sound_writer_write(ph_sound_writer *w, const float *interleaved, size_t frames, ph_error *err) {
  sf_count_t done = sf_writef_float(w->file, interleaved, (sf_count_t)frames);
  if (done == (sf_count_t)frames) return true;
  ph_error_set(err, PH_ERR_IO, NULL, 0, "writing sound: %s", sf_strerror(w->file));
  return false;
}

bool ph_sound_writer_close(ph_sound_writer *w, ph_error *err) {
  if (!w) return true;
  int rc = sf_close(w->file);
  free(w);
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
