/* env_trig: an ADSR struck by a pattern's events and multiplied onto the input (env.h): each
 * true event opens the gate for its length (back-to-back events each strike anew), the
 * defaults make a percussive hit. */
#include "dsp/env.h"

static void env_trig_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_env_gated_run(state, &in->params[0], &in->params[1], &in->params[5], out[0], frames);
}

static const ph_param_def env_trig_params[] = {
    {"gate", "gate", 0.0f, -1e9f, 1e9f, false, true, "the notes: a pattern's true events"},
    {"attack", "s", 0.001f, 0.0f, 3600.0f, false, false, "time to rise from 0 to 1 (linear)"},
    {"decay", "s", 0.1f, 0.0f, 3600.0f, false, false, "time to fall from 1 to the sustain level (linear)"},
    {"sustain", "", 0.0f, 0.0f, 1.0f, false, false, "level while the event lasts"},
    {"release", "s", 0.1f, 0.0f, 3600.0f, false, false, "time to fall to 0 after the event (linear)"},
    PH_ENV_IN_PARAM,
};

const ph_unit_def ph_unit_env_trig = {
    .name = "env_trig",
    .aliases = NULL,
    .doc = "ADSR envelope struck by a pattern's events, multiplied onto the input",
    .params = env_trig_params,
    .nparams = PH_DSP_NPARAMS(env_trig_params),
    .noutputs = 1,
    .state_size = ph_env_state_size,
    .init = ph_env_unit_init,
    .process = env_trig_process,
    .reset = ph_env_unit_reset,
};
