/* square: +1 for the first half-cycle, -1 for the second, both steps band-limited with
 * PolyBLEP (a pulse of width 1/2). */
#include <math.h>

#include "dsp/osc.h"

static void square_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_osc_state *s = state;
  const ph_cable *freq = &in->params[0], *semi = &in->params[1];
  float *y = out[0];
  ph_osc_begin_block(s, semi);
  double phase = s->phase;
  for (int i = 0; i < frames; i++) {
    double dt = ph_osc_step(s, freq, semi, i);
    y[i] = (float)ph_osc_pulse(phase, 0.5, fabs(dt));
    phase = ph_osc_wrap(phase + dt);
  }
  s->phase = phase;
}

static const ph_param_def square_params[] = {PH_OSC_FREQ_PARAM, PH_OSC_OFFSET_PARAM};

const ph_unit_def ph_unit_square = {
    .name = "square",
    .aliases = NULL,
    .doc = "band-limited (PolyBLEP) square wave, -1..1",
    .params = square_params,
    .nparams = PH_DSP_NPARAMS(square_params),
    .noutputs = 1,
    .state_size = ph_osc_state_size,
    .init = ph_osc_init,
    .process = square_process,
    .reset = ph_osc_reset,
    .max_out = ph_dsp_max_out_oscillator,
};
