/* svf_lp: state-variable low-pass, 12 dB/octave (see svf.h). */
#include "dsp/svf.h"

static void svf_lp_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_svf_process(state, PH_SVF_LP, in, out, frames);
}

static const ph_param_def svf_lp_params[] = PH_SVF_PARAMS;

const ph_unit_def ph_unit_svf_lp = {
    .name = "svf_lp",
    .aliases = NULL,
    .doc = "state-variable low-pass, 12 dB/octave, stable under audio-rate modulation",
    .params = svf_lp_params,
    .nparams = PH_DSP_NPARAMS(svf_lp_params),
    .noutputs = 1,
    .state_size = ph_svf_state_size,
    .init = ph_svf_init,
    .process = svf_lp_process,
    .reset = ph_svf_reset,
};
