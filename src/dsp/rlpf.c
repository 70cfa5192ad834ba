/* rlpf: resonant low-pass, the RBJ biquad with RES 0..1 mapped to Q (see resonant.h). */
#include "dsp/resonant.h"

static void rlpf_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_resonant_process(state, PH_BIQUAD_LP, in, out, frames);
}

static const ph_param_def rlpf_params[] = PH_RESONANT_PARAMS("cutoff frequency");

const ph_unit_def ph_unit_rlpf = {
    .name = "rlpf",
    .aliases = NULL,
    .doc = "resonant biquad low-pass, 12 dB/octave, RES 0..1",
    .params = rlpf_params,
    .nparams = PH_DSP_NPARAMS(rlpf_params),
    .noutputs = 1,
    .state_size = ph_resonant_state_size,
    .init = ph_resonant_init,
    .process = rlpf_process,
    .reset = ph_resonant_reset,
};
