/* impulse: single-sample spikes of 1 at FREQ Hz, the first at sample 0 (not band-limited:
 * a click train, for triggering and for exciting filters). The phase runs from 1 ("due");
 * each time it reaches 1 a spike sounds and one cycle is taken off. A tolerance of 1e-9
 * cycle keeps spikes on the sample where exact arithmetic would put them (48000 steps of
 * 1/48000 sum to slightly under 1 in double). Negative frequencies count as positive. */
#include <math.h>

#include "dsp/osc.h"

static void impulse_init(void *state, const ph_dsp_config *cfg) {
  ph_osc_init(state, cfg);
  ((ph_osc_state *)state)->phase = 1.0;
}

static void impulse_reset(void *state) { ((ph_osc_state *)state)->phase = 1.0; }

static void impulse_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_osc_state *s = state;
  const ph_cable *freq = &in->params[0], *semi = &in->params[1];
  float *y = out[0];
  ph_osc_begin_block(s, semi);
  double phase = s->phase;
  for (int i = 0; i < frames; i++) {
    if (phase >= 1.0 - 1e-9) {
      y[i] = 1.0f;
      phase = fmax(phase - 1.0, 0.0);
    } else {
      y[i] = 0.0f;
    }
    phase += fabs(ph_osc_step(s, freq, semi, i));
  }
  s->phase = phase;
}

static const ph_param_def impulse_params[] = {PH_OSC_FREQ_PARAM, PH_OSC_OFFSET_PARAM};

const ph_unit_def ph_unit_impulse = {
    .name = "impulse",
    .aliases = NULL,
    .doc = "single-sample spikes of 1 at FREQ Hz, the first at once",
    .params = impulse_params,
    .nparams = PH_DSP_NPARAMS(impulse_params),
    .noutputs = 1,
    .state_size = ph_osc_state_size,
    .init = impulse_init,
    .process = impulse_process,
    .reset = impulse_reset,
};
