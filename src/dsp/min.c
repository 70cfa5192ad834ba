/* min: y = the smaller of A and B (there is no max in the reference language). */
#include <math.h>

#include "dsp/unit.h"

static void min_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  const ph_cable *p = in->params;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    float a = ph_dsp_signal(ph_cable_at(&p[0], i)), b = ph_dsp_signal(ph_cable_at(&p[1], i));
    y[i] = a < b ? a : b;
  }
}

static const ph_param_def min_params[] = {
    {"a", "", 0.0f, -1e9f, 1e9f, true, true, "first signal"},
    {"b", "", 0.0f, -1e9f, 1e9f, false, true, "second signal"},
};

const ph_unit_def ph_unit_min = {
    .name = "min",
    .aliases = NULL,
    .doc = "the smaller of two signals",
    .params = min_params,
    .nparams = PH_DSP_NPARAMS(min_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = min_process,
    .pointwise = true,
    .reset = NULL,
};
