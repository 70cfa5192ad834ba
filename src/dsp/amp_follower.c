/* amp_follower: the RMS level of IN over an exponential WINDOW (as rms), then followed with
 * ATTACK and RELEASE time constants (follower.h). A steady sine of amplitude 1 reads 0.707. */
#include "dsp/follower.h"

static void amp_follower_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_follower *f = state;
  const ph_cable *x = &in->params[0], *a = &in->params[1], *r = &in->params[2], *w = &in->params[3];
  for (int i = 0; i < frames; i++) {
    double v = ph_dsp_signal(ph_cable_at(x, i));
    f->ms += (v * v - f->ms) * ph_follower_coef(ph_cable_at(w, i), &f->last_window, &f->window_coef, f->sample_rate);
    out[0][i] = (float)ph_follower_step(f, sqrt(f->ms), ph_cable_at(a, i), ph_cable_at(r, i));
  }
  f->y = ph_dsp_flush(f->y);
  f->ms = ph_dsp_flush(f->ms);
}

static const ph_param_def amp_follower_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to follow"},
    {"attack", "s", 0.01f, 0.0f, 3600.0f, false, false, "time constant while the level rises"},
    {"release", "s", 0.1f, 0.0f, 3600.0f, false, false, "time constant while the level falls"},
    {"window", "s", 0.01f, 0.0f, 3600.0f, false, false, "RMS averaging time constant"},
};

const ph_unit_def ph_unit_amp_follower = {
    .name = "amp_follower",
    .aliases = NULL,
    .doc = "RMS level of the input, with attack and release times",
    .params = amp_follower_params,
    .nparams = PH_DSP_NPARAMS(amp_follower_params),
    .noutputs = 1,
    .state_size = ph_follower_size,
    .init = ph_follower_init,
    .process = amp_follower_process,
    .reset = ph_follower_reset,
};
