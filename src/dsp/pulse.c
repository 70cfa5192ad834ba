/* pulse: +1 while the phase is below WIDTH, -1 after, both steps band-limited with
 * PolyBLEP. WIDTH is read per sample (audio-rate PWM); its mean is 2·WIDTH − 1. */
#include <math.h>

#include "dsp/osc.h"

static void pulse_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_osc_state *s = state;
  const ph_cable *freq = &in->params[0], *width = &in->params[1], *semi = &in->params[2];
  float *y = out[0];
  ph_osc_begin_block(s, semi);
  double phase = s->phase;
  for (int i = 0; i < frames; i++) {
    double dt = ph_osc_step(s, freq, semi, i);
    double w = ph_dsp_clamp(ph_cable_at(width, i), 0.0, 1.0);
    y[i] = (float)ph_osc_pulse(phase, w, fabs(dt));
    phase = ph_osc_wrap(phase + dt);
  }
  s->phase = phase;
}

static const ph_param_def pulse_params[] = {
    PH_OSC_FREQ_PARAM,
    {"width", "", 0.5f, 0.0f, 1.0f, false, false, "fraction of the cycle spent high"},
    PH_OSC_OFFSET_PARAM,
};

const ph_unit_def ph_unit_pulse = {
    .name = "pulse",
    .aliases = NULL,
    .doc = "band-limited (PolyBLEP) pulse wave with audio-rate width, -1..1",
    .params = pulse_params,
    .nparams = PH_DSP_NPARAMS(pulse_params),
    .noutputs = 1,
    .state_size = ph_osc_state_size,
    .init = ph_osc_init,
    .process = pulse_process,
    .reset = ph_osc_reset,
    .max_out = ph_dsp_max_out_oscillator,
};
