/* Unit generator throughput: how many times faster than real time each catalog unit
 * renders at 48 kHz in blocks of 128 on one core, its parameters constant and then as
 * audio-rate buffers (a slow sweep). Not a test. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "dsp/catalog.h"

enum { BLOCK = 128, SECONDS = 10, SWEEP_BLOCKS = 64 };
static const double sample_rate = 48000.0;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Renders SECONDS of audio; returns the real-time factor. */
static double run(const ph_unit_def *d, bool modulated, float *sink) {
  ph_dsp_config cfg = {sample_rate, BLOCK, 1};
  void *state = calloc(1, d->state_size(&cfg));
  d->init(state, &cfg);
  /* a saw at 220 Hz for the chain input, and each parameter swept ±25% around its default,
   * precomputed so the timing is the unit's alone */
  static float input[SWEEP_BLOCKS * BLOCK], sweep[16][SWEEP_BLOCKS * BLOCK];
  for (int i = 0; i < SWEEP_BLOCKS * BLOCK; i++) {
    input[i] = (float)(i % 218) / 109.0f - 1.0f;
    for (int p = 0; p < d->nparams && p < 16; p++)
      sweep[p][i] = d->params[p].def * (1.0f + 0.25f * sinf((float)i * 1e-3f));
  }
  ph_cable cables[16];
  int blocks = (int)(SECONDS * sample_rate / BLOCK);
  double start = now();
  for (int b = 0; b < blocks; b++) {
    int at = (b % SWEEP_BLOCKS) * BLOCK;
    for (int p = 0; p < d->nparams; p++) {
      const ph_param_def *pd = &d->params[p];
      if (pd->is_input) {
        cables[p] = (ph_cable){input + at, 0.0f};
      } else if (modulated) {
        cables[p] = (ph_cable){sweep[p] + at, 0.0f};
      } else {
        cables[p] = (ph_cable){NULL, pd->def};
      }
    }
    ph_dsp_inputs in = {cables, d->nparams};
    float *out[8];
    for (int o = 0; o < d->noutputs && o < 8; o++) out[o] = sink + o * BLOCK;
    d->process(state, &in, out, BLOCK);
  }
  double elapsed = now() - start;
  free(state);
  return SECONDS / elapsed;
}

int main(void) {
  static float sink[8 * BLOCK]; /* one block per output */
  printf("%-14s %14s %14s\n", "unit", "constant (xRT)", "buffers (xRT)");
  for (int u = 0; u < ph_dsp_unit_count(); u++) {
    const ph_unit_def *d = ph_dsp_unit_at(u);
    double c = run(d, false, sink), m = run(d, true, sink);
    printf("%-14s %14.0f %14.0f\n", d->name, c, m);
  }
  return 0;
}
