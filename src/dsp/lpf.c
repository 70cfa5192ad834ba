/* lpf: RBJ biquad low-pass, 12 dB/octave (see biquad.h). */
#include "dsp/biquad.h"

static void lpf_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_biquad_process(state, PH_BIQUAD_LP, in, out, frames);
}

static const ph_param_def lpf_params[] = PH_BIQUAD_PARAMS("cutoff frequency");

const ph_unit_def ph_unit_lpf = {
    .name = "lpf",
    .aliases = NULL,
    .doc = "biquad low-pass, 12 dB/octave",
    .params = lpf_params,
    .nparams = PH_DSP_NPARAMS(lpf_params),
    .noutputs = 1,
    .state_size = ph_biquad_state_size,
    .init = ph_biquad_init,
    .process = lpf_process,
    .reset = ph_biquad_reset,
};
