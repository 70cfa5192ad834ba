/* supersaw: a SuperDirt-style detuned saw stack: VOICES band-limited saws (PolyBLEP, see saw.c)
 * spread evenly and symmetrically across ±50·DETUNE cents around FREQ:
 *   y = 0.5/√n · Σ saw(φk),  φk' = FREQ·2^(ck/1200) / sr,  ck = 50·DETUNE·(2k/(n−1) − 1)
 * n = VOICES rounded to 2..7. The 1/√n keeps the level even however many voices sound (they
 * are uncorrelated). All seven phases always run, from seeded phases to which each strike of
 * TRIG (see super.h) sets them back, as a fresh synth would start. */
#include "dsp/noise.h"
#include "dsp/osc.h"
#include "dsp/super.h"

enum { SAW_MAX_VOICES = 7 };

typedef struct {
  ph_dsp_config cfg;
  double phase[SAW_MAX_VOICES], start[SAW_MAX_VOICES];
  double ratio[SAW_MAX_VOICES]; /* each voice's frequency over FREQ (1 for the silent ones) */
  float detune, voices;         /* the values the ratios were computed for */
  int n;
  double gain;
  float prev_trig;
} supersaw_state;

static const ph_param_def supersaw_params[] = {
    {"freq", "Hz", 261.6255653f, 0.0f, 1e5f, false, false, "the stack's centre pitch"},
    {"detune", "", 0.3f, 0.0f, 1.0f, false, false, "spread of the voices: ±50 cents at 1"},
    {"voices", "", 7.0f, 2.0f, 7.0f, false, false, "how many saws, 2..7 (rounded)"},
    PH_SUPER_TRIG_PARAM,
};

static size_t supersaw_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(supersaw_state);
}

static void supersaw_init(void *state, const ph_dsp_config *cfg) {
  supersaw_state *s = state;
  *s = (supersaw_state){.cfg = *cfg, .detune = NAN, .voices = NAN};
  uint32_t rng = ph_noise_seed(cfg->seed);
  for (int k = 0; k < SAW_MAX_VOICES; k++) s->phase[k] = s->start[k] = 0.5 * (ph_noise_next(&rng) + 1.0f);
}

static void supersaw_reset(void *state) {
  supersaw_state *s = state;
  ph_dsp_config cfg = s->cfg;
  supersaw_init(s, &cfg);
}

static void spread(supersaw_state *s, const ph_cable *detune, const ph_cable *voices, int i) {
  s->detune = ph_cable_at(detune, i);
  s->voices = ph_cable_at(voices, i);
  double cents = 50.0 * ph_super_param(detune, i, &supersaw_params[1]);
  s->n = (int)lround(ph_super_param(voices, i, &supersaw_params[2]));
  s->gain = 0.5 / sqrt(s->n);
  for (int k = 0; k < SAW_MAX_VOICES; k++)
    s->ratio[k] = k < s->n ? exp2(cents * (2.0 * k / (s->n - 1) - 1.0) / 1200.0) : 1.0;
}

static void supersaw_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  supersaw_state *s = state;
  const ph_cable *freq = &in->params[0], *detune = &in->params[1], *voices = &in->params[2], *trig = &in->params[3];
  const double sr = s->cfg.sample_rate;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    if (!(ph_cable_at(detune, i) == s->detune && ph_cable_at(voices, i) == s->voices)) spread(s, detune, voices, i);
    if (ph_super_edge(&s->prev_trig, ph_cable_at(trig, i)))
      for (int k = 0; k < SAW_MAX_VOICES; k++) s->phase[k] = s->start[k];
    double f = ph_super_param(freq, i, &supersaw_params[0]), sum = 0.0;
    for (int k = 0; k < SAW_MAX_VOICES; k++) {
      double dt = ph_super_hz(f * s->ratio[k], sr) / sr;
      double q = s->phase[k];
      if (k < s->n) sum += 2.0 * q - 1.0 - 2.0 * ph_polyblep(q, dt);
      s->phase[k] = ph_osc_advance(q, dt);
    }
    y[i] = (float)(s->gain * sum);
  }
}

const ph_unit_def ph_unit_supersaw = {
    .name = "supersaw",
    .aliases = NULL,
    .doc = "SuperDirt-style supersaw: up to seven band-limited saws detuned symmetrically around FREQ",
    .params = supersaw_params,
    .nparams = PH_DSP_NPARAMS(supersaw_params),
    .noutputs = 1,
    .state_size = supersaw_size,
    .init = supersaw_init,
    .process = supersaw_process,
    .reset = supersaw_reset,
    .seeded = true,
};
