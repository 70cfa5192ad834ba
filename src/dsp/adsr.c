/* adsr: an ADSR envelope each cycle, 0..1: the attack starts at the cycle's first sample
 * (linear to 1 over ATTACK), a linear decay to SUSTAIN over DECAY, the sustain holds, and the
 * release starts RELEASE seconds before the cycle ends so that it reaches 0 as the next
 * cycle begins (env.h). A cycle too short for the whole shape releases from wherever the
 * level is. After `#` it multiplies its input. The time left in the cycle comes from how
 * fast the phase moves, so a tempo change is followed. */
#include "dsp/env.h"

static void adsr_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_env *e = state;
  const ph_cable *a = &in->params[0], *d = &in->params[1], *s = &in->params[2], *r = &in->params[3],
                 *x = &in->params[4], *phase = &in->params[5];
  for (int i = 0; i < frames; i++) {
    float before = e->prev, now = ph_cable_at(phase, i), release = ph_cable_at(r, i);
    if (ph_env_cycle_begins(e, now)) {
      e->stage = PH_ENV_ATTACK;
    } else if (now > before && e->stage != PH_ENV_IDLE && e->stage != PH_ENV_RELEASE) {
      double samples_left = (1.0 - now) / ((double)now - before);
      if (samples_left <= ph_dsp_clamp(release, 0.0, 3600.0) * e->sample_rate) ph_env_release(e);
    }
    double level = ph_env_tick(e, ph_cable_at(a, i), ph_cable_at(d, i), ph_cable_at(s, i), release, true);
    out[0][i] = (float)(level * ph_dsp_signal(ph_cable_at(x, i)));
  }
}

static const ph_param_def adsr_params[] = {
    {"attack", "s", 0.01f, 0.0f, 3600.0f, false, false, "time to rise from 0 to 1 (linear)"},
    {"decay", "s", 0.1f, 0.0f, 3600.0f, false, false, "time to fall from 1 to the sustain level (linear)"},
    {"sustain", "", 0.7f, 0.0f, 1.0f, false, false, "level after the decay"},
    {"release", "s", 0.2f, 0.0f, 3600.0f, false, false, "time to fall to 0, ending with the cycle (linear)"},
    PH_ENV_IN_PARAM,
    PH_ENV_PHASE_PARAM,
};

const ph_unit_def ph_unit_adsr = {
    .name = "adsr",
    .aliases = NULL,
    .doc = "attack-decay-sustain-release envelope every cycle, released to end with the cycle, 0..1",
    .params = adsr_params,
    .nparams = PH_DSP_NPARAMS(adsr_params),
    .noutputs = 1,
    .state_size = ph_env_state_size,
    .init = ph_env_cycle_unit_init,
    .process = adsr_process,
    .reset = ph_env_cycle_unit_reset,
};
