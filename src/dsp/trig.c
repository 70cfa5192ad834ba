/* trig: a one-sample 1 at each rising edge of the input (previous sample at or below 0.5,
 * this one above), else 0. Given a pattern, `trig "t ~ t t"` pulses at each true onset. */
#include "dsp/env.h"

static void trig_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  for (int i = 0; i < frames; i++) out[0][i] = ph_env_edge(state, ph_cable_at(&in->params[0], i)) ? 1.0f : 0.0f;
}

static const ph_param_def trig_params[] = {
    {"trig", "trigger", 0.0f, -1e9f, 1e9f, true, true, "pulses where it rises above 0.5"},
};

const ph_unit_def ph_unit_trig = {
    .name = "trig",
    .aliases = NULL,
    .doc = "a one-sample pulse at each rising edge (each true onset)",
    .params = trig_params,
    .nparams = PH_DSP_NPARAMS(trig_params),
    .noutputs = 1,
    .state_size = ph_env_state_size,
    .init = ph_env_unit_init,
    .process = trig_process,
    .reset = ph_env_unit_reset,
};
