/* tremolo (trem): amplitude modulation by a sine LFO,
 *   y = x·(1 − DEPTH·(1 − cos(2π·φ))/2),  φ running at RATE Hz
 * so the gain starts at 1 and dips to 1 − DEPTH once per cycle (DEPTH 0..1). */
#include <math.h>

#include "dsp/osc.h"

static void tremolo_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_osc_state *s = state;
  const ph_cable *x = &in->params[0], *rate = &in->params[1], *depth = &in->params[2];
  const ph_cable none = {NULL, 0.0f};
  float *y = out[0];
  double phase = s->phase;
  for (int i = 0; i < frames; i++) {
    double d = ph_dsp_clamp(ph_cable_at(depth, i), 0.0, 1.0);
    double gain = 1.0 - d * 0.5 * (1.0 - cos(PH_DSP_TWO_PI * phase));
    y[i] = (float)(ph_dsp_signal(ph_cable_at(x, i)) * gain);
    phase = ph_osc_wrap(phase + ph_osc_step(s, rate, &none, i));
  }
  s->phase = phase;
}

static const ph_param_def tremolo_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to modulate"},
    {"rate", "Hz", 4.0f, -1e5f, 1e5f, false, true, "LFO frequency"},
    {"depth", "", 0.5f, 0.0f, 1.0f, false, true, "0 none .. 1 full dips to silence"},
};

const ph_unit_def ph_unit_tremolo = {
    .name = "tremolo",
    .aliases = "trem",
    .doc = "amplitude modulation by a sine LFO",
    .params = tremolo_params,
    .nparams = PH_DSP_NPARAMS(tremolo_params),
    .noutputs = 1,
    .state_size = ph_osc_state_size,
    .init = ph_osc_init,
    .process = tremolo_process,
    .reset = ph_osc_reset,
};
