/* wrap: IN folded into [MIN, MAX) by wrapping around (MIN + (IN − MIN) mod (MAX − MIN)); MIN when MAX <= MIN. */
#include <math.h>

#include "dsp/unit.h"

static void wrap_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  const ph_cable *p = in->params;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    double x = ph_dsp_clamp(ph_cable_at(&p[0], i), -1e9, 1e9);
    double lo = ph_dsp_clamp(ph_cable_at(&p[1], i), -1e6, 1e6), hi = ph_dsp_clamp(ph_cable_at(&p[2], i), -1e6, 1e6);
    double w = hi - lo;
    y[i] = w > 0.0 ? (float)(lo + (x - lo) - w * floor((x - lo) / w)) : (float)lo;
  }
}

static const ph_param_def wrap_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, true, "the signal to wrap"},
    {"min", "", 0.0f, -1e6f, 1e6f, false, true, "lower bound (included)"},
    {"max", "", 1.0f, -1e6f, 1e6f, false, true, "upper bound (excluded)"},
};

const ph_unit_def ph_unit_wrap = {
    .name = "wrap",
    .aliases = NULL,
    .doc = "wraps a signal into [min, max)",
    .params = wrap_params,
    .nparams = PH_DSP_NPARAMS(wrap_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = wrap_process,
    .pointwise = true,
    .reset = NULL,
};
