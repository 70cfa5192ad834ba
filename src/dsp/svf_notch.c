/* svf_notch: state-variable band-reject (notch) (see svf.h). */
#include "dsp/svf.h"

static void svf_notch_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_svf_process(state, PH_SVF_NOTCH, in, out, frames);
}

static const ph_param_def svf_notch_params[] = PH_SVF_PARAMS;

const ph_unit_def ph_unit_svf_notch = {
    .name = "svf_notch",
    .aliases = NULL,
    .doc = "state-variable band-reject (notch), stable under audio-rate modulation",
    .params = svf_notch_params,
    .nparams = PH_DSP_NPARAMS(svf_notch_params),
    .noutputs = 1,
    .state_size = ph_svf_state_size,
    .init = ph_svf_init,
    .process = svf_notch_process,
    .reset = ph_svf_reset,
};
