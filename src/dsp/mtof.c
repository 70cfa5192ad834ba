/* mtof: y = 440·2^((MIDI − 69)/12), MIDI clamped to −256..256 (so y is finite). */
#include <math.h>

#include "dsp/unit.h"

static void mtof_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  const ph_cable *p = in->params;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    y[i] = (float)(440.0 * exp2((ph_dsp_clamp(ph_cable_at(&p[0], i), -256.0, 256.0) - 69.0) / 12.0));
  }
}

static const ph_param_def mtof_params[] = {
    {"midi", "", 69.0f, -256.0f, 256.0f, false, true, "MIDI note number (fractional allowed)"},
};

const ph_unit_def ph_unit_mtof = {
    .name = "mtof",
    .aliases = NULL,
    .doc = "MIDI note number to frequency in Hz",
    .params = mtof_params,
    .nparams = PH_DSP_NPARAMS(mtof_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = mtof_process,
    .pointwise = true,
    .reset = NULL,
};
