/* allpass: a first-order allpass, y[n] = −c·x[n] + x[n−1] + c·y[n−1] with c = COEF clamped
 * to ±0.999: every frequency passes at unit gain, the phase turns by 180° across the band
 * (the building block of phasers). */
#include "dsp/unit.h"

typedef struct {
  double x1, y1;
} allpass_state;

static size_t allpass_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(allpass_state);
}

static void allpass_reset(void *state) {
  allpass_state *s = state;
  s->x1 = s->y1 = 0.0;
}

static void allpass_init(void *state, const ph_dsp_config *cfg) {
  (void)cfg;
  allpass_reset(state);
}

static void allpass_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  allpass_state *s = state;
  const ph_cable *x = &in->params[0], *coef = &in->params[1];
  float *y = out[0];
  double x1 = s->x1, y1 = s->y1;
  for (int i = 0; i < frames; i++) {
    double c = ph_dsp_clamp(ph_cable_at(coef, i), -0.999, 0.999);
    double xi = ph_dsp_signal(ph_cable_at(x, i));
    double yi = -c * xi + x1 + c * y1;
    x1 = xi;
    y1 = yi;
    y[i] = (float)yi;
  }
  s->x1 = x1;
  s->y1 = ph_dsp_flush(y1);
}

static const ph_param_def allpass_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to filter"},
    {"coef", "", 0.5f, -0.999f, 0.999f, false, true, "where the phase turns: 0 at Nyquist/2, toward 1 lower"},
};

const ph_unit_def ph_unit_allpass = {
    .name = "allpass",
    .aliases = NULL,
    .doc = "first-order allpass (phase shift, unit gain)",
    .params = allpass_params,
    .nparams = PH_DSP_NPARAMS(allpass_params),
    .noutputs = 1,
    .state_size = allpass_size,
    .init = allpass_init,
    .process = allpass_process,
    .reset = allpass_reset,
};
