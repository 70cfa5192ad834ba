/* ad: an attack-decay envelope each cycle, 0..1: at the cycle's first sample the level rises
 * linearly to 1 over ATTACK seconds, then falls linearly to 0 over DECAY seconds (env.h).
 * After `#` it multiplies its input. `tar` is the same shape struck by a pattern's events. */
#include "dsp/env.h"

static void ad_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_env *e = state;
  const ph_cable *a = &in->params[0], *d = &in->params[1], *x = &in->params[2], *phase = &in->params[3];
  for (int i = 0; i < frames; i++) {
    if (ph_env_cycle_begins(e, ph_cable_at(phase, i))) e->stage = PH_ENV_ATTACK;
    double level = ph_env_tick(e, ph_cable_at(a, i), ph_cable_at(d, i), 0.0f, 0.0f, false);
    out[0][i] = (float)(level * ph_dsp_signal(ph_cable_at(x, i)));
  }
}

static const ph_param_def ad_params[] = {
    {"attack", "s", 0.01f, 0.0f, 3600.0f, false, false, "time to rise from 0 to 1 (linear)"},
    {"decay", "s", 0.2f, 0.0f, 3600.0f, false, false, "time to fall from 1 to 0 (linear)"},
    PH_ENV_IN_PARAM,
    PH_ENV_PHASE_PARAM,
};

const ph_unit_def ph_unit_ad = {
    .name = "ad",
    .aliases = NULL,
    .doc = "attack-decay envelope restarting every cycle, 0..1, linear segments",
    .params = ad_params,
    .nparams = PH_DSP_NPARAMS(ad_params),
    .noutputs = 1,
    .state_size = ph_env_state_size,
    .init = ph_env_cycle_unit_init,
    .process = ad_process,
    .reset = ph_env_cycle_unit_reset,
};
