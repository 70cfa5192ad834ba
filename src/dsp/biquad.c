/* The RBJ biquad kernel (see biquad.h). */
#include "dsp/biquad.h"

#include <math.h>

size_t ph_biquad_state_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(ph_biquad_state);
}

void ph_biquad_reset(void *state) {
  ph_biquad_state *s = state;
  s->h = (ph_biquad_history){0};
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
static inline double step(ph_biquad_history *h, double b0, double b1, double b2, double a1, double a2, double xi) {
  double ahead = b0 * xi + b1 * h->x1 + b2 * h->x2 - a2 * h->y2;
  double yi = ahead - a1 * h->y1;
  *h = (ph_biquad_history){xi, h->x1, yi, h->y1};
  return yi;
}

/* CUTOFF and Q constant over the block: the coefficients held in locals. */
static void run_constant(const ph_biquad_state *s, const ph_cable *x, float *restrict y, int frames,
                         ph_biquad_history *history) {
  const double b0 = s->b0, b1 = s->b1, b2 = s->b2, a1 = s->a1, a2 = s->a2;
  ph_biquad_history h = *history;
  if (x->buf) {
    const float *restrict xs = x->buf;
    for (int i = 0; i < frames; i++) y[i] = (float)step(&h, b0, b1, b2, a1, a2, xs[i]);
  } else {
    const double xi = x->constant;
    for (int i = 0; i < frames; i++) y[i] = (float)step(&h, b0, b1, b2, a1, a2, xi);
  }
  *history = h;
}

/* Cutoff and Q changing within the block: coefficients recomputed where they change. */
static void run_modulated(ph_biquad_state *s, ph_biquad_kind kind, const ph_dsp_inputs *in, float *y, int frames,
                          ph_biquad_history *history) {
  const ph_cable *x = &in->params[0], *cutoff = &in->params[1], *q = &in->params[2];
  ph_biquad_history h = *history;
  for (int i = 0; i < frames; i++) {
    float c = ph_cable_at(cutoff, i), r = ph_cable_at(q, i);
    /* a NaN parameter never equals the last one: it recomputes (to the clamp) each sample */
    if (!s->have_coefs || c != s->last_cutoff || r != s->last_q) compute_coefs(s, kind, c, r);
    y[i] = (float)step(&h, s->b0, s->b1, s->b2, s->a1, s->a2, ph_cable_at(x, i));
  }
  *history = h;
}

void ph_biquad_process(ph_biquad_state *s, ph_biquad_kind kind, const ph_dsp_inputs *in,
                       float *const *out, int frames) {
  const ph_cable *cutoff = &in->params[1], *q = &in->params[2];
  float *y = out[0];
  ph_biquad_history h = s->h;
  float c = cutoff->constant, r = q->constant;
  if (!cutoff->buf && !q->buf && c == c && r == r) {
    if (!s->have_coefs || c != s->last_cutoff || r != s->last_q) compute_coefs(s, kind, c, r);
    run_constant(s, &in->params[0], y, frames, &h);
  } else {
    run_modulated(s, kind, in, y, frames, &h);
  }
  if (!isfinite(h.y1) || !isfinite(h.y2)) {
    /* a non-finite input or a blow-up: this block and the state fall back to silence */
    for (int i = 0; i < frames; i++) y[i] = 0.0f;
    h = (ph_biquad_history){0};
  }
  s->h = (ph_biquad_history){ph_dsp_flush(h.x1), ph_dsp_flush(h.x2), ph_dsp_flush(h.y1), ph_dsp_flush(h.y2)};
}
