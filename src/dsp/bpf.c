/* bpf: RBJ biquad band-pass, 0 dB at the centre (see biquad.h). */
#include "dsp/biquad.h"

static void bpf_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_biquad_process(state, PH_BIQUAD_BP, in, out, frames);
}

static const ph_param_def bpf_params[] = PH_BIQUAD_PARAMS("centre frequency");

const ph_unit_def ph_unit_bpf = {
    .name = "bpf",
    .aliases = NULL,
    .doc = "biquad band-pass, 0 dB at the centre",
    .params = bpf_params,
    .nparams = PH_DSP_NPARAMS(bpf_params),
    .noutputs = 1,
    .state_size = ph_biquad_state_size,
    .init = ph_biquad_init,
    .process = bpf_process,
    .reset = ph_biquad_reset,
};
