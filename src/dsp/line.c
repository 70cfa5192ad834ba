/* line: a linear ramp, once, from the start of the program: START + (END − START)·pos, pos
 * going from 0 to 1 in DURATION seconds (ramp.h); END from then on. */
#include "dsp/ramp.h"

static void line_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  const ph_cable *a = &in->params[0], *b = &in->params[1], *dur = &in->params[2];
  for (int i = 0; i < frames; i++) {
    double p = ph_ramp_next(state, ph_cable_at(dur, i));
    double s = ph_dsp_signal(ph_cable_at(a, i)), e = ph_dsp_signal(ph_cable_at(b, i));
    out[0][i] = (float)(s + (e - s) * p);
  }
}

static const ph_param_def line_params[] = {PH_RAMP_PARAMS};

const ph_unit_def ph_unit_line = {
    .name = "line",
    .aliases = NULL,
    .doc = "linear ramp from START to END over DURATION seconds, once",
    .params = line_params,
    .nparams = PH_DSP_NPARAMS(line_params),
    .noutputs = 1,
    .state_size = ph_ramp_state_size,
    .init = ph_ramp_init,
    .process = line_process,
    .reset = ph_ramp_reset,
};
