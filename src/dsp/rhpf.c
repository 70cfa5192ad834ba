/* rhpf: resonant high-pass, the RBJ biquad with RES 0..1 mapped to Q (see resonant.h). */
#include "dsp/resonant.h"

static void rhpf_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_resonant_process(state, PH_BIQUAD_HP, in, out, frames);
}

static const ph_param_def rhpf_params[] = PH_RESONANT_PARAMS("cutoff frequency");

const ph_unit_def ph_unit_rhpf = {
    .name = "rhpf",
    .aliases = NULL,
    .doc = "resonant biquad high-pass, 12 dB/octave, RES 0..1",
    .params = rhpf_params,
    .nparams = PH_DSP_NPARAMS(rhpf_params),
    .noutputs = 1,
    .state_size = ph_resonant_state_size,
    .init = ph_resonant_init,
    .process = rhpf_process,
    .reset = ph_resonant_reset,
};
