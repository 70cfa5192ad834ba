/* peak_follower: the envelope of |IN|, rising toward it with the ATTACK time constant and
 * falling with the RELEASE one (follower.h). */
#include "dsp/follower.h"

static void peak_follower_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_follower *f = state;
  const ph_cable *x = &in->params[0], *a = &in->params[1], *r = &in->params[2];
  for (int i = 0; i < frames; i++)
    out[0][i] = (float)ph_follower_step(f, fabs(ph_dsp_signal(ph_cable_at(x, i))), ph_cable_at(a, i), ph_cable_at(r, i));
  f->y = ph_dsp_flush(f->y);
}

static const ph_param_def peak_follower_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to follow"},
    {"attack", "s", 0.001f, 0.0f, 3600.0f, false, false, "time constant while the level rises"},
    {"release", "s", 0.1f, 0.0f, 3600.0f, false, false, "time constant while the level falls"},
};

const ph_unit_def ph_unit_peak_follower = {
    .name = "peak_follower",
    .aliases = NULL,
    .doc = "envelope of the input's peaks, with attack and release times",
    .params = peak_follower_params,
    .nparams = PH_DSP_NPARAMS(peak_follower_params),
    .noutputs = 1,
    .state_size = ph_follower_size,
    .init = ph_follower_init,
    .process = peak_follower_process,
    .reset = ph_follower_reset,
};
