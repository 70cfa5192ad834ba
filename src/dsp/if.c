/* if: y = THEN where COND > 0.5, else ELSE, sample by sample. */
#include <math.h>

#include "dsp/unit.h"

static void if_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  const ph_cable *p = in->params;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    float v = ph_cable_at(&p[0], i) > 0.5f ? ph_cable_at(&p[1], i) : ph_cable_at(&p[2], i);
    y[i] = ph_dsp_signal(v);
  }
}

static const ph_param_def if_params[] = {
    {"cond", "", 0.0f, -1e9f, 1e9f, true, true, "the condition signal (true above 0.5)"},
    {"then", "", 1.0f, -1e9f, 1e9f, false, true, "heard while COND > 0.5"},
    {"else", "", 0.0f, -1e9f, 1e9f, false, true, "heard otherwise"},
};

const ph_unit_def ph_unit_if = {
    .name = "if",
    .aliases = NULL,
    .doc = "chooses between two signals by a condition",
    .params = if_params,
    .nparams = PH_DSP_NPARAMS(if_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = if_process,
    .pointwise = true,
    .reset = NULL,
};
