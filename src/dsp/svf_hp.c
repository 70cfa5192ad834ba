/* svf_hp: state-variable high-pass, 12 dB/octave (see svf.h). */
#include "dsp/svf.h"

static void svf_hp_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_svf_process(state, PH_SVF_HP, in, out, frames);
}

static const ph_param_def svf_hp_params[] = PH_SVF_PARAMS;

const ph_unit_def ph_unit_svf_hp = {
    .name = "svf_hp",
    .aliases = NULL,
    .doc = "state-variable high-pass, 12 dB/octave, stable under audio-rate modulation",
    .params = svf_hp_params,
    .nparams = PH_DSP_NPARAMS(svf_hp_params),
    .noutputs = 1,
    .state_size = ph_svf_state_size,
    .init = ph_svf_init,
    .process = svf_hp_process,
    .reset = ph_svf_reset,
};
