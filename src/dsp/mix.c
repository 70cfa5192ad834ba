/* mix: the sum of two to four signals, y = A + B + C + D (C and D are 0 when not given). */
#include "dsp/unit.h"

static void mix_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  const ph_cable *p = in->params;
  for (int i = 0; i < frames; i++)
    out[0][i] = ph_dsp_signal(ph_cable_at(&p[0], i) + ph_cable_at(&p[1], i) + ph_cable_at(&p[2], i) + ph_cable_at(&p[3], i));
}

static const ph_param_def mix_params[] = {
    {"a", "", 0.0f, -1e9f, 1e9f, true, true, "first signal"},
    {"b", "", 0.0f, -1e9f, 1e9f, false, true, "second signal"},
    {"c", "", 0.0f, -1e9f, 1e9f, false, false, "third signal"},
    {"d", "", 0.0f, -1e9f, 1e9f, false, false, "fourth signal"},
};

const ph_unit_def ph_unit_mix = {
    .name = "mix",
    .aliases = NULL,
    .doc = "sum of two to four signals",
    .params = mix_params,
    .nparams = PH_DSP_NPARAMS(mix_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = mix_process,
    .pointwise = true,
    .reset = NULL,
};
