/* notch: RBJ biquad band-reject (notch) (see biquad.h). */
#include "dsp/biquad.h"

static void notch_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_biquad_process(state, PH_BIQUAD_NOTCH, in, out, frames);
}

static const ph_param_def notch_params[] = PH_BIQUAD_PARAMS("centre frequency");

const ph_unit_def ph_unit_notch = {
    .name = "notch",
    .aliases = NULL,
    .doc = "biquad band-reject (notch)",
    .params = notch_params,
    .nparams = PH_DSP_NPARAMS(notch_params),
    .noutputs = 1,
    .state_size = ph_biquad_state_size,
    .init = ph_biquad_init,
    .process = notch_process,
    .reset = ph_biquad_reset,
};
