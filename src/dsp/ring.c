/* ring: ring modulation by an internal sine, y = x·sin(2π·φ), φ running at FREQ Hz (an exact
 * double phase accumulator, see osc.h): a partial at f becomes two, at f ± FREQ. */
#include <math.h>

#include "dsp/osc.h"

static void ring_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_osc_state *s = state;
  const ph_cable *x = &in->params[0], *freq = &in->params[1];
  const ph_cable none = {NULL, 0.0f};
  float *y = out[0];
  double phase = s->phase;
  for (int i = 0; i < frames; i++) {
    y[i] = ph_dsp_signal(ph_cable_at(x, i)) * (float)sin(PH_DSP_TWO_PI * phase);
    phase = ph_osc_wrap(phase + ph_osc_step(s, freq, &none, i));
  }
  s->phase = phase;
}

static const ph_param_def ring_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to modulate"},
    {"freq", "Hz", 440.0f, -1e5f, 1e5f, false, true, "frequency of the internal sine"},
};

const ph_unit_def ph_unit_ring = {
    .name = "ring",
    .aliases = NULL,
    .doc = "ring modulation with an internal sine",
    .params = ring_params,
    .nparams = PH_DSP_NPARAMS(ring_params),
    .noutputs = 1,
    .state_size = ph_osc_state_size,
    .init = ph_osc_init,
    .process = ring_process,
    .reset = ph_osc_reset,
};
