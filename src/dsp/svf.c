/* The trapezoidal state-variable filter kernel (see svf.h). */
#include "dsp/svf.h"

#include <math.h>

size_t ph_svf_state_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(ph_svf_state);
}

void ph_svf_reset(void *state) {
  ph_svf_state *s = state;
  s->ic1 = s->ic2 = 0.0;
}

void ph_svf_init(void *state, const ph_dsp_config *cfg) {
  ph_svf_state *s = state;
  *s = (ph_svf_state){0};
  s->sample_rate = cfg->sample_rate;
  s->max_freq = fmin(1e5, 0.49 * cfg->sample_rate);
}

static void compute_coefs(ph_svf_state *s, float freq, float res) {
  s->last_freq = freq;
  s->last_res = res;
  s->have_coefs = true;
  double g = tan(PH_DSP_TWO_PI * 0.5 * ph_dsp_clamp(freq, 1.0, s->max_freq) / s->sample_rate);
  s->k = 2.0 * (1.0 - ph_dsp_clamp(res, 0.0, 0.995));
  s->a1 = 1.0 / (1.0 + g * (g + s->k));
  s->a2 = g * s->a1;
  s->a3 = g * s->a2;
}

void ph_svf_process(ph_svf_state *s, ph_svf_kind kind, const ph_dsp_inputs *in, float *const *out,
                    int frames) {
  const ph_cable *x = &in->params[0], *freq = &in->params[1], *res = &in->params[2];
  float *y = out[0];
  double ic1 = s->ic1, ic2 = s->ic2;
  for (int i = 0; i < frames; i++) {
    float f = ph_cable_at(freq, i), r = ph_cable_at(res, i);
    if (!s->have_coefs || f != s->last_freq || r != s->last_res) compute_coefs(s, f, r);
    double v0 = ph_cable_at(x, i);
    double v3 = v0 - ic2;
    double v1 = s->a1 * ic1 + s->a2 * v3;
    double v2 = ic2 + s->a2 * ic1 + s->a3 * v3;
    ic1 = 2.0 * v1 - ic1;
    ic2 = 2.0 * v2 - ic2;
    double o;
    switch (kind) {
    case PH_SVF_LP: o = v2; break;
    case PH_SVF_HP: o = v0 - s->k * v1 - v2; break;
    case PH_SVF_BP: o = s->k * v1; break;
    default: o = v0 - s->k * v1; break;
    }
    y[i] = (float)o;
  }
  if (!isfinite(ic1) || !isfinite(ic2)) {
    /* a non-finite input or a blow-up: this block and the state fall back to silence */
    for (int i = 0; i < frames; i++) y[i] = 0.0f;
    ic1 = ic2 = 0.0;
  }
  s->ic1 = ph_dsp_flush(ic1);
  s->ic2 = ph_dsp_flush(ic2);
}
