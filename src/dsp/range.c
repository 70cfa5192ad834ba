/* range: SIG mapped from −1..1 to MIN..MAX: y = MIN + (SIG + 1)/2·(MAX − MIN) (the signal comes LAST). */
#include <math.h>

#include "dsp/unit.h"

static void range_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  const ph_cable *p = in->params;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    float lo = ph_dsp_signal(ph_cable_at(&p[0], i)), hi = ph_dsp_signal(ph_cable_at(&p[1], i));
    float s = ph_dsp_signal(ph_cable_at(&p[2], i));
    y[i] = lo + (s + 1.0f) * 0.5f * (hi - lo);
  }
}

static const ph_param_def range_params[] = {
    {"min", "", 0.0f, -1e9f, 1e9f, false, true, "output when SIG is -1"},
    {"max", "", 1.0f, -1e9f, 1e9f, false, true, "output when SIG is 1"},
    {"sig", "", 0.0f, -1e9f, 1e9f, true, true, "the bipolar signal to map"},
};

const ph_unit_def ph_unit_range = {
    .name = "range",
    .aliases = NULL,
    .doc = "maps a bipolar signal to a range",
    .params = range_params,
    .nparams = PH_DSP_NPARAMS(range_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = range_process,
    .pointwise = true,
    .reset = NULL,
};
