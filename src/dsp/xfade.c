/* xfade: y = A·(1 − POS) + B·POS, POS clamped to 0..1 (linear crossfade). */
#include <math.h>

#include "dsp/unit.h"

static void xfade_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  const ph_cable *p = in->params;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    float a = ph_dsp_signal(ph_cable_at(&p[0], i)), b = ph_dsp_signal(ph_cable_at(&p[1], i));
    float t = ph_dsp_clampf(ph_cable_at(&p[2], i), 0.0f, 1.0f);
    y[i] = a + (b - a) * t;
  }
}

static const ph_param_def xfade_params[] = {
    {"a", "", 0.0f, -1e9f, 1e9f, true, true, "heard at POS 0"},
    {"b", "", 0.0f, -1e9f, 1e9f, false, true, "heard at POS 1"},
    {"pos", "", 0.5f, 0.0f, 1.0f, false, true, "0 = A, 1 = B"},
};

const ph_unit_def ph_unit_xfade = {
    .name = "xfade",
    .aliases = NULL,
    .doc = "linear crossfade between two signals",
    .params = xfade_params,
    .nparams = PH_DSP_NPARAMS(xfade_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = xfade_process,
    .pointwise = true,
    .reset = NULL,
};
