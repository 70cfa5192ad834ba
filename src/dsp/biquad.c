/* The RBJ biquad kernel (see biquad.h). */
#include "dsp/biquad.h"

#include <math.h>

size_t ph_biquad_state_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(ph_biquad_state);
}

void ph_biquad_reset(void *state) {
  ph_biquad_state *s = state;
  s->z1 = s->z2 = 0.0;
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

/* CUTOFF and Q constant over the block: the coefficients held in locals. */
static void run_constant(const ph_biquad_state *s, const ph_cable *x, float *restrict y, int frames, double *z) {
  const double b0 = s->b0, b1 = s->b1, b2 = s->b2, a1 = s->a1, a2 = s->a2;
  double z1 = z[0], z2 = z[1];
  if (x->buf) {
    const float *restrict xs = x->buf;
    for (int i = 0; i < frames; i++) {
      double xi = xs[i];
      double yi = b0 * xi + z1;
      z1 = b1 * xi - a1 * yi + z2;
      z2 = b2 * xi - a2 * yi;
      y[i] = (float)yi;
    }
  } else {
    const double xi = x->constant;
    for (int i = 0; i < frames; i++) {
      double yi = b0 * xi + z1;
      z1 = b1 * xi - a1 * yi + z2;
      z2 = b2 * xi - a2 * yi;
      y[i] = (float)yi;
    }
  }
  z[0] = z1;
  z[1] = z2;
}

/* Cutoff and Q changing within the block: coefficients recomputed where they change. */
static void run_modulated(ph_biquad_state *s, ph_biquad_kind kind, const ph_dsp_inputs *in, float *y, int frames,
                          double *z) {
  const ph_cable *x = &in->params[0], *cutoff = &in->params[1], *q = &in->params[2];
  double z1 = z[0], z2 = z[1];
  for (int i = 0; i < frames; i++) {
    float c = ph_cable_at(cutoff, i), r = ph_cable_at(q, i);
    /* a NaN parameter never equals the last one: it recomputes (to the clamp) each sample */
    if (!s->have_coefs || c != s->last_cutoff || r != s->last_q) compute_coefs(s, kind, c, r);
    double xi = ph_cable_at(x, i);
    double yi = s->b0 * xi + z1;
    z1 = s->b1 * xi - s->a1 * yi + z2;
    z2 = s->b2 * xi - s->a2 * yi;
    y[i] = (float)yi;
  }
  z[0] = z1;
  z[1] = z2;
}

void ph_biquad_process(ph_biquad_state *s, ph_biquad_kind kind, const ph_dsp_inputs *in,
                       float *const *out, int frames) {
  const ph_cable *cutoff = &in->params[1], *q = &in->params[2];
  float *y = out[0];
  double z[2] = {s->z1, s->z2};
  float c = cutoff->constant, r = q->constant;
  if (!cutoff->buf && !q->buf && c == c && r == r) {
    if (!s->have_coefs || c != s->last_cutoff || r != s->last_q) compute_coefs(s, kind, c, r);
    run_constant(s, &in->params[0], y, frames, z);
  } else {
    run_modulated(s, kind, in, y, frames, z);
  }
  if (!isfinite(z[0]) || !isfinite(z[1])) {
    /* a non-finite input or a blow-up: this block and the state fall back to silence */
    for (int i = 0; i < frames; i++) y[i] = 0.0f;
    z[0] = z[1] = 0.0;
  }
  s->z1 = ph_dsp_flush(z[0]);
  s->z2 = ph_dsp_flush(z[1]);
}
