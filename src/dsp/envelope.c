/* env: a gate-driven ADSR multiplied onto the input (env.h). The gate is open from the
 * program's first sample unless :gate is given: a rising edge starts a linear attack to 1
 * from the current level, a decay to SUSTAIN follows, the level holds while the gate is on,
 * and falls to 0 over RELEASE once it closes. */
#include "dsp/env.h"

static void env_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_env_gated_run(state, &in->params[5], &in->params[0], &in->params[4], out[0], frames);
}

static const ph_param_def env_params[] = {
    {"attack", "s", 0.01f, 0.0f, 3600.0f, false, false, "time to rise from 0 to 1 (linear)"},
    {"decay", "s", 0.1f, 0.0f, 3600.0f, false, false, "time to fall from 1 to the sustain level (linear)"},
    {"sustain", "", 0.7f, 0.0f, 1.0f, false, false, "level while the gate stays open"},
    {"release", "s", 0.2f, 0.0f, 3600.0f, false, false, "time to fall to 0 once the gate closes (linear)"},
    PH_ENV_IN_PARAM,
    {"gate", "gate", 1.0f, -1e9f, 1e9f, false, false, "open above 0.5: attack on opening, release on closing"},
};

const ph_unit_def ph_unit_env = {
    .name = "env",
    .aliases = "envelope",
    .doc = "ADSR envelope opened at the program's start (or by :gate), multiplied onto the input",
    .params = env_params,
    .nparams = PH_DSP_NPARAMS(env_params),
    .noutputs = 1,
    .state_size = ph_env_state_size,
    .init = ph_env_unit_init,
    .process = env_process,
    .reset = ph_env_unit_reset,
};
