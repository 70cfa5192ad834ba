/* adsr: a gate-driven ADSR envelope, 0..1: the gate's rising edge starts a linear attack to 1
 * (from the current level) over ATTACK, a linear decay to SUSTAIN over DECAY, the level holds
 * SUSTAIN while the gate stays above 0.5, and when it falls the level goes linearly to 0 over
 * RELEASE seconds from wherever it is (see env.h). */
#include "dsp/env.h"

static void adsr_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  const ph_cable *gate = &in->params[0], *a = &in->params[1], *d = &in->params[2], *s = &in->params[3],
                 *r = &in->params[4];
  for (int i = 0; i < frames; i++)
    out[0][i] = (float)ph_env_gated(state, ph_cable_at(gate, i), ph_cable_at(a, i), ph_cable_at(d, i),
                                    ph_cable_at(s, i), ph_cable_at(r, i));
}

static const ph_param_def adsr_params[] = {
    {"gate", "gate", 0.0f, -1e9f, 1e9f, true, true, "attack on rising above 0.5, release on falling"},
    {"attack", "s", 0.01f, 0.0f, 3600.0f, false, false, "time to rise from 0 to 1 (linear)"},
    {"decay", "s", 0.1f, 0.0f, 3600.0f, false, false, "time to fall from 1 to the sustain level (linear)"},
    {"sustain", "", 0.7f, 0.0f, 1.0f, false, false, "level after the decay"},
    {"release", "s", 0.2f, 0.0f, 3600.0f, false, false, "time to fall from where it is to 0 (linear)"},
};

const ph_unit_def ph_unit_adsr = {
    .name = "adsr",
    .aliases = NULL,
    .doc = "gate-driven attack-decay-sustain-release envelope, 0..1, linear segments",
    .params = adsr_params,
    .nparams = PH_DSP_NPARAMS(adsr_params),
    .noutputs = 1,
    .state_size = ph_env_state_size,
    .init = ph_env_unit_init,
    .process = adsr_process,
    .reset = ph_env_unit_reset,
};
