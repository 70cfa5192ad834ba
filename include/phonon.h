/* libphonon: the public interface. A program's text in, stereo audio out.
 *
 *   phonon_options opt = {.rate = 48000, .threads = 2};
 *   phonon_error err;
 *   phonon_program *p = phonon_compile("out $ sine 440 * 0.2\n", "track.ph", &opt, &err);
 *   if (!p) { fputs(err.text, stderr); ... }
 *   float buf[2 * 256];
 *   for (...) phonon_process(p, buf, 256);   // interleaved stereo, any number of frames
 *   phonon_free(p);
 *
 * phonon_process never allocates, locks or does I/O (it is what the audio thread calls); it
 * produces exactly what `phonon render` writes for the same program and rate. The samples a
 * program names are loaded by phonon_compile (the sample folders, then the built-in kit). */
#ifndef PHONON_H
#define PHONON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

const char *phonon_version(void);

typedef struct {
  int rate;                      /* samples per second; 0: 44100 */
  int block;                     /* frames per block; 0: the program's `buffer:` or 128 */
  int threads;                   /* threads for the graph; 0 or 1: the caller's only */
  const char *const *sample_dirs; /* searched first for sample folders (like --samples) */
  int nsample_dirs;
} phonon_options;

typedef struct {
  int line, column;  /* 1-based; 0 when unknown */
  char message[256]; /* what went wrong */
  char text[1024];   /* the whole report: file:line:col: message, the line, a caret */
} phonon_error;

typedef struct phonon_program phonon_program;

/* NULL, with err filled (when given), when the program has an error. */
phonon_program *phonon_compile(const char *source, const char *file, const phonon_options *opt, phonon_error *err);
/* Writes frames of interleaved stereo (2 * frames floats), always finite and within ±1. */
void phonon_process(phonon_program *p, float *stereo, int frames);
int phonon_rate(const phonon_program *p);
double phonon_cycle(const phonon_program *p); /* the cycle at the next frame */
void phonon_free(phonon_program *p);

#ifdef __cplusplus
}
#endif

#endif
