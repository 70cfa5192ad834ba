/* gate: a signal as a 0/1 gate: 1 while the input is above 0.5, else 0. Given a pattern,
 * `gate "t ~ t t"` is 1 while each true event lasts. */
#include "dsp/unit.h"

static void gate_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  for (int i = 0; i < frames; i++) out[0][i] = ph_cable_at(&in->params[0], i) > 0.5f ? 1.0f : 0.0f;
}

static const ph_param_def gate_params[] = {
    {"gate", "gate", 0.0f, -1e9f, 1e9f, true, true, "on above 0.5"},
};

const ph_unit_def ph_unit_gate = {
    .name = "gate",
    .aliases = NULL,
    .doc = "1 while the input is above 0.5 (during a true event), else 0",
    .params = gate_params,
    .nparams = PH_DSP_NPARAMS(gate_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = gate_process,
    .pointwise = true,
    .reset = NULL,
};
