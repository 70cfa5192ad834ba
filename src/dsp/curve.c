/* curve: a shaped ramp, once, from the start of the program (SuperCollider's Env curve):
 *   y = START + (END − START)·(1 − e^(CURVE·pos)) / (1 − e^CURVE)
 * pos going from 0 to 1 in DURATION seconds (ramp.h). CURVE 0 is linear, negative bends fast
 * then slow (a decay's shape), positive slow then fast. */
#include <math.h>

#include "dsp/ramp.h"

static void curve_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  const ph_cable *a = &in->params[0], *b = &in->params[1], *dur = &in->params[2], *c = &in->params[3];
  for (int i = 0; i < frames; i++) {
    double p = ph_ramp_next(state, ph_cable_at(dur, i));
    double s = ph_dsp_signal(ph_cable_at(a, i)), e = ph_dsp_signal(ph_cable_at(b, i));
    double k = ph_dsp_clamp(ph_cable_at(c, i), -50.0, 50.0);
    double shape = fabs(k) < 1e-4 ? p : (1.0 - exp(k * p)) / (1.0 - exp(k));
    out[0][i] = (float)(s + (e - s) * shape);
  }
}

static const ph_param_def curve_params[] = {
    PH_RAMP_PARAMS,
    {"curve", "", 0.0f, -50.0f, 50.0f, false, false, "0 linear, < 0 fast then slow, > 0 slow then fast"},
};

const ph_unit_def ph_unit_curve = {
    .name = "curve",
    .aliases = NULL,
    .doc = "curved ramp from START to END over DURATION seconds, once",
    .params = curve_params,
    .nparams = PH_DSP_NPARAMS(curve_params),
    .noutputs = 1,
    .state_size = ph_ramp_state_size,
    .init = ph_ramp_init,
    .process = curve_process,
    .reset = ph_ramp_reset,
};
