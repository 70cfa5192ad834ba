/* svf_bp: state-variable band-pass, 0 dB at the centre (see svf.h). */
#include "dsp/svf.h"

static void svf_bp_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_svf_process(state, PH_SVF_BP, in, out, frames);
}

static const ph_param_def svf_bp_params[] = PH_SVF_PARAMS;

const ph_unit_def ph_unit_svf_bp = {
    .name = "svf_bp",
    .aliases = NULL,
    .doc = "state-variable band-pass, 0 dB at the centre, stable under audio-rate modulation",
    .params = svf_bp_params,
    .nparams = PH_DSP_NPARAMS(svf_bp_params),
    .noutputs = 1,
    .state_size = ph_svf_state_size,
    .init = ph_svf_init,
    .process = svf_bp_process,
    .reset = ph_svf_reset,
};
