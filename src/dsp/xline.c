/* xline: an exponential ramp, once, from the start of the program: START·(END/START)^pos, pos
 * going from 0 to 1 in DURATION seconds (ramp.h). Exponential needs START and END of the same
 * sign and not 0; otherwise the ramp is linear. */
#include <math.h>

#include "dsp/ramp.h"

static void xline_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  const ph_cable *a = &in->params[0], *b = &in->params[1], *dur = &in->params[2];
  for (int i = 0; i < frames; i++) {
    double p = ph_ramp_next(state, ph_cable_at(dur, i));
    double s = ph_dsp_signal(ph_cable_at(a, i)), e = ph_dsp_signal(ph_cable_at(b, i));
    double y = s * e > 0.0 ? s * pow(e / s, p) : s + (e - s) * p;
    out[0][i] = (float)y;
  }
}

static const ph_param_def xline_params[] = {
    {"start", "", 1.0f, -1e9f, 1e9f, false, true, "the value at the first sample"},
    {"end", "", 0.001f, -1e9f, 1e9f, false, true, "the value from DURATION on (same sign as START)"},
    {"duration", "s", 1.0f, 0.0f, 1e6f, false, true, "seconds from START to END"},
};

const ph_unit_def ph_unit_xline = {
    .name = "xline",
    .aliases = NULL,
    .doc = "exponential ramp from START to END over DURATION seconds, once",
    .params = xline_params,
    .nparams = PH_DSP_NPARAMS(xline_params),
    .noutputs = 1,
    .state_size = ph_ramp_state_size,
    .init = ph_ramp_init,
    .process = xline_process,
    .reset = ph_ramp_reset,
};
