/* hpf: RBJ biquad high-pass, 12 dB/octave (see biquad.h). */
#include "dsp/biquad.h"

static void hpf_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_biquad_process(state, PH_BIQUAD_HP, in, out, frames);
}

static const ph_param_def hpf_params[] = PH_BIQUAD_PARAMS("cutoff frequency");

const ph_unit_def ph_unit_hpf = {
    .name = "hpf",
    .aliases = NULL,
    .doc = "biquad high-pass, 12 dB/octave",
    .params = hpf_params,
    .nparams = PH_DSP_NPARAMS(hpf_params),
    .noutputs = 1,
    .state_size = ph_biquad_state_size,
    .init = ph_biquad_init,
    .process = hpf_process,
    .reset = ph_biquad_reset,
};
