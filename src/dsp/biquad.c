/* The RBJ biquad kernel (see biquad.h). */
#include "dsp/biquad.h"

#include <math.h>

size_t ph_biquad_state_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(ph_biquad_state);
}

void ph_biquad_reset(void *state) {
  ph_biquad_state *s = state;
  s->x1 = s->x2 = s->y1 = s->y2 = 0.0;
}

void ph_biquad_init(void *state, const ph_dsp_config *cfg) {
  ph_biquad_state *s = state;
  *s = (ph_biquad_state){0};
  s->sample_rate = cfg->sample_rate;
  s->max_cutoff = fmin(1e5, 0.49 * cfg->sample_rate);
}

static void compute_coefs(ph_biquad_state *s, ph_biquad_kind kind, float cutoff, float q) {
  s->last_cutoff = cutoff;
  s->last_q = q;
  s->have_coefs = true;
  double f = ph_dsp_clamp(cutoff, 1.0, s->max_cutoff);
  double qq = ph_dsp_clamp(q, 0.01, 1000.0);
  double w0 = PH_DSP_TWO_PI * f / s->sample_rate;
  double cw = cos(w0), alpha = sin(w0) / (2.0 * qq);
  double b0, b1, b2;
  switch (kind) {
  case PH_BIQUAD_LP: b0 = b2 = (1.0 - cw) * 0.5, b1 = 1.0 - cw; break;
  case PH_BIQUAD_HP: b0 = b2 = (1.0 + cw) * 0.5, b1 = -(1.0 + cw); break;
  case PH_BIQUAD_BP: b0 = alpha, b1 = 0.0, b2 = -alpha; break;
  default: b0 = b2 = 1.0, b1 = -2.0 * cw; break;
  }
  double inv_a0 = 1.0 / (1.0 + alpha);
  s->b0 = b0 * inv_a0;
  s->b1 = b1 * inv_a0;
  s->b2 = b2 * inv_a0;
  s->a1 = -2.0 * cw * inv_a0;
  s->a2 = (1.0 - alpha) * inv_a0;
}

/* One sample: what does not depend on the last output first, so that the chain from one output
 * to the next is one multiply and one subtraction. */
#define BIQUAD_STEP(b0, b1, b2, a1, a2, xi, yi)                              \
  do {                                                                       \
    double ahead = (b0) * (xi) + (b1) * x1 + (b2) * x2 - (a2) * y2;           \
    yi = ahead - (a1) * y1;                                                  \
    x2 = x1, x1 = (xi), y2 = y1, y1 = yi;                                    \
  } while (0)

/* CUTOFF and Q constant over the block: the coefficients held in locals. */
static void run_constant(const ph_biquad_state *s, const ph_cable *x, float *restrict y, int frames, double *z) {
  const double b0 = s->b0, b1 = s->b1, b2 = s->b2, a1 = s->a1, a2 = s->a2;
  double x1 = z[0], x2 = z[1], y1 = z[2], y2 = z[3], yi;
  if (x->buf) {
    const float *restrict xs = x->buf;
    for (int i = 0; i < frames; i++) {
      double xi = xs[i];
      BIQUAD_STEP(b0, b1, b2, a1, a2, xi, yi);
      y[i] = (float)yi;
    }
  } else {
    const double xi = x->constant;
    for (int i = 0; i < frames; i++) {
      BIQUAD_STEP(b0, b1, b2, a1, a2, xi, yi);
      y[i] = (float)yi;
    }
  }
  z[0] = x1, z[1] = x2, z[2] = y1, z[3] = y2;
}

/* Cutoff and Q changing within the block: coefficients recomputed where they change. */
static void run_modulated(ph_biquad_state *s, ph_biquad_kind kind, const ph_dsp_inputs *in, float *y, int frames,
                          double *z) {
  const ph_cable *x = &in->params[0], *cutoff = &in->params[1], *q = &in->params[2];
  double x1 = z[0], x2 = z[1], y1 = z[2], y2 = z[3], yi;
  for (int i = 0; i < frames; i++) {
    float c = ph_cable_at(cutoff, i), r = ph_cable_at(q, i);
    /* a NaN parameter never equals the last one: it recomputes (to the clamp) each sample */
    if (!s->have_coefs || c != s->last_cutoff || r != s->last_q) compute_coefs(s, kind, c, r);
    double xi = ph_cable_at(x, i);
    BIQUAD_STEP(s->b0, s->b1, s->b2, s->a1, s->a2, xi, yi);
    y[i] = (float)yi;
  }
  z[0] = x1, z[1] = x2, z[2] = y1, z[3] = y2;
}

void ph_biquad_process(ph_biquad_state *s, ph_biquad_kind kind, const ph_dsp_inputs *in,
                       float *const *out, int frames) {
  const ph_cable *cutoff = &in->params[1], *q = &in->params[2];
  float *y = out[0];
  double z[4] = {s->x1, s->x2, s->y1, s->y2};
  float c = cutoff->constant, r = q->constant;
  if (!cutoff->buf && !q->buf && c == c && r == r) {
    if (!s->have_coefs || c != s->last_cutoff || r != s->last_q) compute_coefs(s, kind, c, r);
    run_constant(s, &in->params[0], y, frames, z);
  } else {
    run_modulated(s, kind, in, y, frames, z);
  }
  if (!isfinite(z[2]) || !isfinite(z[3])) {
    /* a non-finite input or a blow-up: this block and the state fall back to silence */
    for (int i = 0; i < frames; i++) y[i] = 0.0f;
    z[0] = z[1] = z[2] = z[3] = 0.0;
  }
  s->x1 = ph_dsp_flush(z[0]);
  s->x2 = ph_dsp_flush(z[1]);
  s->y1 = ph_dsp_flush(z[2]);
  s->y2 = ph_dsp_flush(z[3]);
}
