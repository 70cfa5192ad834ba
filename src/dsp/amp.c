/* amp (gain): multiplies the input by AMOUNT, a linear factor (not dB): y = x·AMOUNT. */
#include "dsp/unit.h"

static void amp_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  const ph_cable *x = &in->params[0], *k = &in->params[1];
  for (int i = 0; i < frames; i++)
    out[0][i] = ph_dsp_signal(ph_cable_at(x, i) * ph_dsp_clampf(ph_cable_at(k, i), -1e4f, 1e4f));
}

static const ph_param_def amp_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, true, "the signal to scale"},
    {"amount", "", 1.0f, -1e4f, 1e4f, false, true, "linear factor: 1 unchanged, 0.5 is -6 dB, 0 silent"},
};

const ph_unit_def ph_unit_amp = {
    .name = "amp",
    .aliases = "gain",
    .doc = "multiplies the input by a linear factor",
    .params = amp_params,
    .nparams = PH_DSP_NPARAMS(amp_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = amp_process,
    .pointwise = true,
    .reset = NULL,
};
