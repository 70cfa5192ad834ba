/* lag: exponential slew toward the input, y[n] = x[n] + a·(y[n−1] − x[n]), where TIME is
 * the time to come within 60 dB of a step (a = 0.001^(1 / (TIME·sr))). TIME 0 passes the
 * input through. */
#include <math.h>

#include "dsp/unit.h"

typedef struct {
  double y;
  double sample_rate;
  float last_time;
  double a;
} lag_state;

static size_t lag_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(lag_state);
}

static void lag_reset(void *state) { ((lag_state *)state)->y = 0.0; }

static void lag_init(void *state, const ph_dsp_config *cfg) {
  lag_state *s = state;
  s->y = 0.0;
  s->sample_rate = cfg->sample_rate;
  s->last_time = 0.0f;
  s->a = 0.0;
}

static void lag_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  lag_state *s = state;
  const ph_cable *x = &in->params[0], *time = &in->params[1];
  float *out0 = out[0];
  double y = s->y, a = s->a;
  for (int i = 0; i < frames; i++) {
    float t = ph_cable_at(time, i);
    if (t != s->last_time) {
      s->last_time = t;
      double samples = ph_dsp_clamp(t, 0.0, 3600.0) * s->sample_rate;
      a = samples < 1e-6 ? 0.0 : exp(log(0.001) / samples);
    }
    double xi = ph_dsp_clamp(ph_cable_at(x, i), -1e9, 1e9);
    y = xi + a * (y - xi);
    out0[i] = (float)y;
  }
  s->a = a;
  s->y = ph_dsp_flush(y);
}

static const ph_param_def lag_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to smooth"},
    {"time", "s", 0.1f, 0.0f, 3600.0f, false, true, "time to come within 60 dB of a step"},
};

const ph_unit_def ph_unit_lag = {
    .name = "lag",
    .aliases = NULL,
    .doc = "exponential slew (portamento, smoothing)",
    .params = lag_params,
    .nparams = PH_DSP_NPARAMS(lag_params),
    .noutputs = 1,
    .state_size = lag_size,
    .init = lag_init,
    .process = lag_process,
    .reset = lag_reset,
};
