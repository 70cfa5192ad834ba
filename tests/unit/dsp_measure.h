/* Helpers for the DSP tests: render a unit block by block, and measure what a listener
 * hears (pitch by FFT, level by RMS, spectra). Header-only; FFTW is linked into the tests. */
#ifndef PH_TEST_DSP_MEASURE_H
#define PH_TEST_DSP_MEASURE_H

#include <fftw3.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "dsp/catalog.h"

#define SR 48000.0

/* One parameter for a render: a whole-length buffer (NULL for a constant). */
typedef struct {
  const float *buf;
  float constant;
} t_param;

typedef struct {
  const ph_unit_def *def;
  void *state;
  ph_dsp_config cfg;
} t_unit;

static inline t_unit t_unit_new(const char *name, double sr, int max_block, uint32_t seed) {
  t_unit u = {ph_dsp_unit_find(name), NULL, {sr, max_block, seed}};
  if (!u.def) abort(); /* a test naming a unit the catalog lacks */
  u.state = calloc(1, u.def->state_size(&u.cfg));
  u.def->init(u.state, &u.cfg);
  return u;
}

static inline void t_unit_free(t_unit *u) {
  free(u->state);
  u->state = NULL;
}

/* Renders frames samples into outs (one buffer per output) in blocks of `block`, starting at
 * sample 0 of the params' buffers; params has def->nparams entries. */
static inline void t_unit_run_outs(t_unit *u, const t_param *params, float *const *outs, int frames, int block) {
  ph_cable cables[32];
  for (int start = 0; start < frames; start += block) {
    int n = frames - start < block ? frames - start : block;
    for (int p = 0; p < u->def->nparams; p++)
      cables[p] = (ph_cable){params[p].buf ? params[p].buf + start : NULL, params[p].constant};
    ph_dsp_inputs in = {cables, u->def->nparams};
    float *at[8];
    for (int o = 0; o < u->def->noutputs; o++) at[o] = outs[o] + start;
    u->def->process(u->state, &in, at, n);
  }
}

/* The same for output 0 alone (other outputs go to scratch buffers). */
static inline void t_unit_run(t_unit *u, const t_param *params, float *out, int frames, int block) {
  float *outs[8] = {out};
  for (int o = 1; o < u->def->noutputs; o++) outs[o] = calloc((size_t)frames, sizeof(float));
  t_unit_run_outs(u, params, outs, frames, block);
  for (int o = 1; o < u->def->noutputs; o++) free(outs[o]);
}

/* A fresh unit rendered once: output 0, frames samples at SR in blocks of 128. */
static inline float *t_render(const char *name, const t_param *params, int frames) {
  t_unit u = t_unit_new(name, SR, 128, 1);
  float *out = calloc((size_t)frames, sizeof(float));
  t_unit_run(&u, params, out, frames, 128);
  t_unit_free(&u);
  return out;
}

static inline double t_rms(const float *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += (double)x[i] * x[i];
  return sqrt(s / n);
}

static inline double t_db(double ratio) { return 20.0 * log10(ratio); }

static inline bool t_all_finite(const float *x, int n) {
  for (int i = 0; i < n; i++)
    if (!isfinite(x[i])) return false;
  return true;
}

static inline float t_peak(const float *x, int n) {
  float m = 0;
  for (int i = 0; i < n; i++) m = fabsf(x[i]) > m ? fabsf(x[i]) : m;
  return m;
}

/* Power per bin (n/2 + 1 bins of sr/n Hz), with a Hann window when hann is true. */
static inline double *t_power_spectrum(const float *x, int n, bool hann) {
  float *in = fftwf_alloc_real((size_t)n);
  fftwf_complex *spec = fftwf_alloc_complex((size_t)n / 2 + 1);
  fftwf_plan plan = fftwf_plan_dft_r2c_1d(n, in, spec, FFTW_ESTIMATE);
  for (int i = 0; i < n; i++) {
    double w = hann ? 0.5 - 0.5 * cos(PH_DSP_TWO_PI * i / n) : 1.0;
    in[i] = (float)(x[i] * w);
  }
  fftwf_execute(plan);
  double *power = malloc(sizeof(double) * ((size_t)n / 2 + 1));
  for (int k = 0; k <= n / 2; k++) power[k] = (double)spec[k][0] * spec[k][0] + (double)spec[k][1] * spec[k][1];
  fftwf_destroy_plan(plan);
  fftwf_free(in);
  fftwf_free(spec);
  return power;
}

/* The frequency of the strongest partial: Hann window, peak bin, Gaussian interpolation
 * between the peak and its neighbours (log magnitudes). */
static inline double t_pitch(const float *x, int n, double sr) {
  double *p = t_power_spectrum(x, n, true);
  int best = 2;
  for (int k = 2; k < n / 2; k++)
    if (p[k] > p[best]) best = k;
  double a = log(p[best - 1] + 1e-30), b = log(p[best] + 1e-30), c = log(p[best + 1] + 1e-30);
  double denom = a - 2.0 * b + c;
  double delta = denom != 0.0 ? 0.5 * (a - c) / denom : 0.0;
  free(p);
  return (best + delta) * sr / n;
}

#endif
