/* pm: phase modulation by any signal, y = sin(2π·φ + INDEX·MOD), φ running at CARRIER Hz
 * (an exact double phase accumulator, see osc.h). */
#include <math.h>

#include "dsp/osc.h"

static void pm_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_osc_state *s = state;
  const ph_cable *car = &in->params[0], *mod = &in->params[1], *index = &in->params[2];
  const ph_cable none = {NULL, 0.0f};
  float *y = out[0];
  double phase = s->phase;
  for (int i = 0; i < frames; i++) {
    double dev = ph_dsp_clamp(ph_cable_at(index, i), -1000.0, 1000.0) * ph_dsp_clamp(ph_cable_at(mod, i), -1e3, 1e3);
    y[i] = (float)sin(PH_DSP_TWO_PI * phase + dev);
    phase = ph_osc_wrap(phase + ph_osc_step(s, car, &none, i));
  }
  s->phase = phase;
}

static const ph_param_def pm_params[] = {
    {"carrier", "Hz", 440.0f, -1e5f, 1e5f, false, true, "carrier frequency"},
    {"mod", "", 0.0f, -1e3f, 1e3f, false, true, "the modulating signal"},
    {"index", "", 1.0f, -1000.0f, 1000.0f, false, true, "radians of phase deviation per unit of MOD"},
};

const ph_unit_def ph_unit_pm = {
    .name = "pm",
    .aliases = NULL,
    .doc = "a sine carrier phase-modulated by any signal",
    .params = pm_params,
    .nparams = PH_DSP_NPARAMS(pm_params),
    .noutputs = 1,
    .state_size = ph_osc_state_size,
    .init = ph_osc_init,
    .process = pm_process,
    .reset = ph_osc_reset,
};
