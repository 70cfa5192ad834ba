/* Sound files through libsndfile: writing renders (WAV, FLAC...) and reading samples. */
#ifndef PH_IO_SOUNDFILE_H
#define PH_IO_SOUNDFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

typedef struct ph_sound_writer ph_sound_writer;

/* The format follows the extension: .wav (32-bit float), .flac (24-bit), .aif/.aiff (24-bit),
 * .ogg (Vorbis); anything else is an error. */
ph_sound_writer *ph_sound_writer_open(const char *path, int sample_rate, int channels, ph_error *err);

/* A render's file format beyond its type: `encoding` NULL keeps the type's own, "pcm16" (with
 * triangular dither of one step, the same noise in every render), "pcm24" or "float" (WAV,
 * AIFF; FLAC takes the PCM ones); `channels` 0 keeps the channels given, 1 writes their mean. */
typedef struct {
  const char *encoding;
  int channels;
} ph_sound_format;
/* Samples are written as `channels` interleaved and stored as `format` says. */
ph_sound_writer *ph_sound_writer_open_as(const char *path, int sample_rate, int channels, const ph_sound_format *format,
                                         ph_error *err);
/* frames of interleaved samples; false (with err) when the file cannot take them. */
bool ph_sound_writer_write(ph_sound_writer *w, const float *interleaved, size_t frames, ph_error *err);
bool ph_sound_writer_close(ph_sound_writer *w, ph_error *err);

typedef struct {
  float *samples; /* interleaved, malloc'd: free with ph_sound_free */
  size_t frames;
  int channels;
  int sample_rate;
} ph_sound;

bool ph_sound_read(const char *path, ph_sound *out, ph_error *err);
void ph_sound_free(ph_sound *s);

#endif
