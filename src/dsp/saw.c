/* saw: a rising ramp -1..1 band-limited with PolyBLEP at its falling step of height 2:
 *   y = 2·q − 1 − 2·blep(q, |dt|),  q = φ + 1/2 (mod 1)
 * The half-cycle shift makes it start at 0, rising, like sine. */
#include <math.h>

#include "dsp/osc.h"

static inline float saw_at(double phase, double dt) {
  double q = phase < 0.5 ? phase + 0.5 : phase - 0.5, adt = fabs(dt);
  double y = 2.0 * q - 1.0;
  if (q < adt || q > 1.0 - adt) y -= 2.0 * ph_polyblep(q, adt); /* only near the step */
  return (float)y;
}

static void saw_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_osc_state *s = state;
  const ph_cable *freq = &in->params[0], *semi = &in->params[1];
  float *y = out[0];
  ph_osc_begin_block(s, semi);
  double phase = s->phase, dt;
  if (ph_osc_constant_step(s, freq, semi, &dt)) {
    for (int i = 0; i < frames; i++) {
      y[i] = saw_at(phase, dt);
      phase = ph_osc_advance(phase, dt);
    }
  } else {
    for (int i = 0; i < frames; i++) {
      dt = ph_osc_step(s, freq, semi, i);
      y[i] = saw_at(phase, dt);
      phase = ph_osc_advance(phase, dt);
    }
  }
  s->phase = phase;
}

static const ph_param_def saw_params[] = {PH_OSC_FREQ_PARAM, PH_OSC_OFFSET_PARAM};

const ph_unit_def ph_unit_saw = {
    .name = "saw",
    .aliases = NULL,
    .doc = "band-limited (PolyBLEP) sawtooth, -1..1",
    .params = saw_params,
    .nparams = PH_DSP_NPARAMS(saw_params),
    .noutputs = 1,
    .state_size = ph_osc_state_size,
    .init = ph_osc_init,
    .process = saw_process,
    .reset = ph_osc_reset,
};
