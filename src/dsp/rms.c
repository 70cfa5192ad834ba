/* rms: the running RMS level of IN, an exponential average of x² with time constant
 * WINDOW seconds (ms += (x² − ms)·(1 − e^(−1/(WINDOW·sr))), y = √ms). A steady sine of
 * amplitude 1 reads 0.707 after a few WINDOWs. */
#include <math.h>

#include "dsp/unit.h"

typedef struct {
  double ms;
  double sample_rate;
  float last_window;
  double coef;
} rms_state;

static size_t rms_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(rms_state);
}

static void rms_reset(void *state) { ((rms_state *)state)->ms = 0.0; }

static void rms_init(void *state, const ph_dsp_config *cfg) {
  rms_state *s = state;
  s->ms = 0.0;
  s->sample_rate = cfg->sample_rate;
  s->last_window = NAN; /* computed on the first sample */
  s->coef = 1.0;
}

static void rms_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  rms_state *s = state;
  const ph_cable *x = &in->params[0], *window = &in->params[1];
  float *y = out[0];
  double ms = s->ms, coef = s->coef;
  for (int i = 0; i < frames; i++) {
    float w = ph_cable_at(window, i);
    if (!(w == s->last_window)) {
      s->last_window = w;
      double n = ph_dsp_clamp(w, 0.0, 3600.0) * s->sample_rate;
      coef = n < 1e-6 ? 1.0 : 1.0 - exp(-1.0 / n);
    }
    double v = ph_dsp_signal(ph_cable_at(x, i));
    ms += (v * v - ms) * coef;
    y[i] = (float)sqrt(ms);
  }
  s->coef = coef;
  s->ms = ph_dsp_flush(ms);
}

static const ph_param_def rms_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to measure"},
    {"window", "s", 0.1f, 0.0f, 3600.0f, false, true, "averaging time constant"},
};

const ph_unit_def ph_unit_rms = {
    .name = "rms",
    .aliases = NULL,
    .doc = "running RMS level (exponential window)",
    .params = rms_params,
    .nparams = PH_DSP_NPARAMS(rms_params),
    .noutputs = 1,
    .state_size = rms_size,
    .init = rms_init,
    .process = rms_process,
    .reset = rms_reset,
};
