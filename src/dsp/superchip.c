/* superchip: a SuperDirt-style chiptune lead: a band-limited 25% pulse (PolyBLEP, see pulse.c),
 * the game-console duty cycle, with a sine vibrato:
 *   y = 0.5·(pulse(φ, 1/4) + 1/2)          the pulse's mean, −1/2, taken away
 *   φ' = FREQ·(1 + VIB_DEPTH·sin(2π·θ)) / sr,  θ' = VIB_RATE / sr
 * so the pitch swings by ±VIB_DEPTH of FREQ (0.05: about ±0.85 semitones). A strike of TRIG
 * (see super.h) starts the pulse and the vibrato from phase 0, as a fresh synth would. */
#include "dsp/osc.h"
#include "dsp/super.h"

typedef struct {
  ph_dsp_config cfg;
  double phase, vibrato;
  float prev_trig;
} superchip_state;

static const ph_param_def superchip_params[] = {
    {"freq", "Hz", 261.6255653f, 0.0f, 1e5f, false, false, "pitch"},
    {"vib_rate", "LFO Hz", 5.0f, 0.0f, 100.0f, false, false, "vibrato speed (does not follow the note)"},
    {"vib_depth", "", 0.05f, 0.0f, 1.0f, false, false, "vibrato depth: the pitch swings by ± this fraction of FREQ"},
    PH_SUPER_TRIG_PARAM,
};

static size_t superchip_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(superchip_state);
}

static void superchip_init(void *state, const ph_dsp_config *cfg) {
  superchip_state *s = state;
  *s = (superchip_state){.cfg = *cfg};
}

static void superchip_reset(void *state) {
  superchip_state *s = state;
  ph_dsp_config cfg = s->cfg;
  superchip_init(s, &cfg);
}

static void superchip_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  superchip_state *s = state;
  const ph_cable *freq = &in->params[0], *rate = &in->params[1], *depth = &in->params[2], *trig = &in->params[3];
  const double sr = s->cfg.sample_rate;
  double phase = s->phase, vibrato = s->vibrato;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    if (ph_super_edge(&s->prev_trig, ph_cable_at(trig, i))) phase = vibrato = 0.0;
    double swing = ph_super_param(depth, i, &superchip_params[2]) * ph_osc_sin2pi(vibrato);
    double dt = ph_super_hz(ph_super_param(freq, i, &superchip_params[0]) * (1.0 + swing), sr) / sr;
    y[i] = (float)(0.5 * (ph_osc_pulse(phase, 0.25, dt) + 0.5));
    phase = ph_osc_advance(phase, dt);
    vibrato = ph_osc_wrap(vibrato + ph_super_param(rate, i, &superchip_params[1]) / sr);
  }
  s->phase = phase;
  s->vibrato = vibrato;
}

const ph_unit_def ph_unit_superchip = {
    .name = "superchip",
    .aliases = NULL,
    .doc = "SuperDirt-style chiptune lead: a band-limited 25% pulse with sine vibrato",
    .params = superchip_params,
    .nparams = PH_DSP_NPARAMS(superchip_params),
    .noutputs = 1,
    .state_size = superchip_size,
    .init = superchip_init,
    .process = superchip_process,
    .reset = superchip_reset,
};
