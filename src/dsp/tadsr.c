/* tadsr: a trigger-driven ADSR envelope, 0..1: a trigger has no length, so the sustain lasts
 * no time: each rising edge of TRIG rises linearly to 1 over ATTACK (from the current level),
 * decays linearly to SUSTAIN over DECAY, then releases linearly from SUSTAIN to 0 over RELEASE
 * (see env.h). Use adsr with a gate for a held sustain. The defaults make a percussive hit:
 * a click (1 ms up, 3 ms down to half) and a 0.2 s tail. */
#include "dsp/env.h"

static void tadsr_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  const ph_cable *trig = &in->params[0], *a = &in->params[1], *d = &in->params[2], *s = &in->params[3],
                 *r = &in->params[4];
  for (int i = 0; i < frames; i++)
    out[0][i] = (float)ph_env_triggered(state, ph_cable_at(trig, i), ph_cable_at(a, i), ph_cable_at(d, i),
                                        ph_cable_at(s, i), ph_cable_at(r, i));
}

static const ph_param_def tadsr_params[] = {
    {"trig", "trigger", 0.0f, -1e9f, 1e9f, true, true, "starts the attack on each rising edge (above 0.5)"},
    {"attack", "s", 0.001f, 0.0f, 3600.0f, false, false, "time to rise from 0 to 1 (linear)"},
    {"decay", "s", 0.003f, 0.0f, 3600.0f, false, false, "time to fall from 1 to the sustain level (linear)"},
    {"sustain", "", 0.5f, 0.0f, 1.0f, false, false, "level after the decay"},
    {"release", "s", 0.2f, 0.0f, 3600.0f, false, false, "time to fall from where it is to 0 (linear)"},
};

const ph_unit_def ph_unit_tadsr = {
    .name = "tadsr",
    .aliases = NULL,
    .doc = "trigger-driven attack-decay-release envelope through the sustain level, 0..1, linear segments",
    .params = tadsr_params,
    .nparams = PH_DSP_NPARAMS(tadsr_params),
    .noutputs = 1,
    .state_size = ph_env_state_size,
    .init = ph_env_unit_init,
    .process = tadsr_process,
    .reset = ph_env_unit_reset,
};
