/* A DC blocker for the output stage, where a feedback loop can build DC up that the limiter
 * would otherwise pass on to the speakers at full scale:
 *
 *   y[n] = x[n] − x[n−1] + R·y[n−1],   R = e^(−2π·fc/sr)
 *
 * a first-order high-pass with its zero at DC and its corner at fc (5 Hz: 0.05 dB down at
 * 40 Hz). The state is the caller's; no allocation, one multiply-add per sample. */
#ifndef PH_GRAPH_DC_BLOCK_H
#define PH_GRAPH_DC_BLOCK_H

#include <math.h>

#include "dsp/unit.h"

#define PH_DC_BLOCK_CORNER_HZ 5.0

typedef struct {
  float x1, y1, r;
} ph_dc_block;

static inline void ph_dc_block_init(ph_dc_block *d, double sample_rate) {
  d->x1 = d->y1 = 0.0f;
  d->r = (float)exp(-PH_DSP_TWO_PI * PH_DC_BLOCK_CORNER_HZ / sample_rate);
}

/* In place over a block (stride 2 for one channel of interleaved stereo). */
static inline void ph_dc_block_run(ph_dc_block *d, float *x, int frames, int stride) {
  float x1 = d->x1, y1 = d->y1, r = d->r;
  for (int i = 0; i < frames; i++) {
    float in = x[i * stride];
    y1 = in - x1 + r * y1;
    x1 = in;
    x[i * stride] = y1;
  }
  d->x1 = x1;
  d->y1 = (float)ph_dsp_flush(y1);
}

#endif
