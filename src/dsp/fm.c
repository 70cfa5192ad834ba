/* fm: two-operator FM, y = sin(2π·φc + INDEX·sin(2π·φm)), where φc runs at CARRIER Hz and φm
 * at MODFREQ Hz, both exact double phase accumulators (see osc.h). INDEX is the modulation
 * index in radians: the partials at CARRIER ± n·MODFREQ have amplitudes J_n(INDEX). */
#include <math.h>

#include "dsp/osc.h"

typedef struct {
  ph_osc_state carrier, modulator;
} fm_state;

static size_t fm_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(fm_state);
}

static void fm_init(void *state, const ph_dsp_config *cfg) {
  fm_state *s = state;
  ph_osc_init(&s->carrier, cfg);
  ph_osc_init(&s->modulator, cfg);
}

static void fm_reset(void *state) {
  fm_state *s = state;
  s->carrier.phase = s->modulator.phase = 0.0;
}

static void fm_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  fm_state *s = state;
  const ph_cable *car = &in->params[0], *mod = &in->params[1], *index = &in->params[2];
  const ph_cable none = {NULL, 0.0f};
  float *y = out[0];
  double pc = s->carrier.phase, pm = s->modulator.phase;
  for (int i = 0; i < frames; i++) {
    double beta = ph_dsp_clamp(ph_cable_at(index, i), -1000.0, 1000.0);
    y[i] = (float)sin(PH_DSP_TWO_PI * pc + beta * sin(PH_DSP_TWO_PI * pm));
    pc = ph_osc_wrap(pc + ph_osc_step(&s->carrier, car, &none, i));
    pm = ph_osc_wrap(pm + ph_osc_step(&s->modulator, mod, &none, i));
  }
  s->carrier.phase = pc;
  s->modulator.phase = pm;
}

static const ph_param_def fm_params[] = {
    {"carrier", "Hz", 440.0f, -1e5f, 1e5f, false, true, "carrier frequency"},
    {"modfreq", "Hz", 220.0f, -1e5f, 1e5f, false, true, "modulator frequency"},
    {"index", "", 1.0f, -1000.0f, 1000.0f, false, true, "modulation index (radians of phase deviation)"},
};

const ph_unit_def ph_unit_fm = {
    .name = "fm",
    .aliases = NULL,
    .doc = "two-operator FM: a sine carrier phase-modulated by a sine",
    .params = fm_params,
    .nparams = PH_DSP_NPARAMS(fm_params),
    .noutputs = 1,
    .state_size = fm_size,
    .init = fm_init,
    .process = fm_process,
    .reset = fm_reset,
};
