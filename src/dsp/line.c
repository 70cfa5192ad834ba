/* line: a linear ramp from START to END every cycle: START + (END − START)·phase, phase the
 * position in the cycle (0 at its first sample). xline and curve are the one-shot ramps. */
#include "dsp/unit.h"

static void line_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  const ph_cable *a = &in->params[0], *b = &in->params[1], *phase = &in->params[2];
  for (int i = 0; i < frames; i++) {
    double s = ph_dsp_signal(ph_cable_at(a, i)), e = ph_dsp_signal(ph_cable_at(b, i));
    out[0][i] = (float)(s + (e - s) * ph_dsp_clamp(ph_cable_at(phase, i), 0.0, 1.0));
  }
}

static const ph_param_def line_params[] = {
    {"start", "", 0.0f, -1e9f, 1e9f, false, true, "the value as each cycle begins"},
    {"end", "", 1.0f, -1e9f, 1e9f, false, true, "the value approached as each cycle ends"},
    {"phase", "cycle", 0.0f, 0.0f, 1.0f, false, false, "position in the cycle (the song's own when omitted)"},
};

const ph_unit_def ph_unit_line = {
    .name = "line",
    .aliases = NULL,
    .doc = "linear ramp from START to END, repeated every cycle",
    .params = line_params,
    .nparams = PH_DSP_NPARAMS(line_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = line_process,
    .pointwise = true,
    .reset = NULL,
};
