/* ad: a trigger-driven attack-decay envelope, 0..1: each rising edge of TRIG rises linearly
 * to 1 over ATTACK seconds (from the current level), then falls linearly to 0 over DECAY
 * seconds (see env.h). `ad "x*4" 0.01 0.2` strikes four times a cycle on exact samples. */
#include "dsp/env.h"

static void ad_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  const ph_cable *trig = &in->params[0], *a = &in->params[1], *d = &in->params[2];
  for (int i = 0; i < frames; i++)
    out[0][i] = (float)ph_env_triggered(state, ph_cable_at(trig, i), ph_cable_at(a, i), ph_cable_at(d, i), 0.0f, 0.0f);
}

static const ph_param_def ad_params[] = {
    {"trig", "trigger", 0.0f, -1e9f, 1e9f, true, true, "starts the attack on each rising edge (above 0.5)"},
    {"attack", "s", 0.01f, 0.0f, 3600.0f, false, false, "time to rise from 0 to 1 (linear)"},
    {"decay", "s", 0.2f, 0.0f, 3600.0f, false, false, "time to fall from 1 to 0 (linear)"},
};

const ph_unit_def ph_unit_ad = {
    .name = "ad",
    .aliases = NULL,
    .doc = "trigger-driven attack-decay envelope, 0..1, linear segments",
    .params = ad_params,
    .nparams = PH_DSP_NPARAMS(ad_params),
    .noutputs = 1,
    .state_size = ph_env_state_size,
    .init = ph_env_unit_init,
    .process = ad_process,
    .reset = ph_env_unit_reset,
};
