/* distort (distortion, dist): tanh soft clipping, blended with the dry signal:
 *   y = (1 − MIX)·x + MIX·tanh(DRIVE·x)
 * DRIVE 1 barely bends a full-scale sine; 10 makes it nearly square. Output stays within
 * ±(1 + |x|·(1 − MIX)). */
#include <math.h>

#include "dsp/unit.h"

static void distort_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  const ph_cable *x = &in->params[0], *drive = &in->params[1], *mix = &in->params[2];
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    float xi = ph_dsp_clampf(ph_cable_at(x, i), -1e6f, 1e6f);
    float d = ph_dsp_clampf(ph_cable_at(drive, i), 0.0f, 1000.0f);
    float m = ph_dsp_clampf(ph_cable_at(mix, i), 0.0f, 1.0f);
    y[i] = (1.0f - m) * xi + m * tanhf(d * xi);
  }
}

static const ph_param_def distort_params[] = {
    {"in", "", 0.0f, -1e6f, 1e6f, true, false, "the signal to distort"},
    {"drive", "", 2.0f, 0.0f, 1000.0f, false, true, "gain before the tanh curve"},
    {"mix", "", 0.5f, 0.0f, 1.0f, false, false, "0 dry only, 1 distorted only"},
};

const ph_unit_def ph_unit_distort = {
    .name = "distort",
    .aliases = "distortion dist",
    .doc = "tanh soft-clipping distortion",
    .params = distort_params,
    .nparams = PH_DSP_NPARAMS(distort_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = distort_process,
    .pointwise = true,
    .reset = NULL,
};
