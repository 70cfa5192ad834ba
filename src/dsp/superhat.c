/* superhat: a SuperDirt-style hi-hat, struck by TRIG (see super.h): the 808's six square
 * oscillators at inharmonic frequencies plus white noise, high-passed twice and low-passed,
 * BRIGHT moving the band up. From each strike:
 *   x = 0.3·Σ sq(φk) + 0.4·n       φk' = fk / sr, fk = 205.3 304.4 369.6 522.7 540 800 Hz
 *   y = g·a·lp(hp(hp(x)))          hp at 2.5·4^BRIGHT kHz, lp at 8·2^BRIGHT kHz (Q 0.7 each)
 *   a = 10^(−t / SUSTAIN)          20 dB quieter every SUSTAIN seconds
 * g = 1.4·2^(0.8·BRIGHT) keeps the level about even as the band narrows. The squares are
 * PolyBLEP band-limited and run free (from seeded phases) while the hat sounds; the filters
 * start clear on each strike. Below −100 dB the hat rests, silent. */
#include "dsp/noise.h"
#include "dsp/osc.h"
#include "dsp/super.h"

enum { HAT_OSCS = 6 };
static const double hat_hz[HAT_OSCS] = {205.3, 304.4, 369.6, 522.7, 540.0, 800.0};

typedef struct {
  ph_dsp_config cfg;
  double phase[HAT_OSCS], step[HAT_OSCS];
  double amp;
  ph_super_svf hp1, hp2, lp;
  ph_super_cached bright; /* BRIGHT → the gain; its filters follow */
  ph_super_svf_coefs hp_coefs, lp_coefs;
  ph_super_cached decay; /* SUSTAIN → the amplitude's factor per sample */
  float prev_trig;
  uint32_t rng;
} hat_state;

static const ph_param_def hat_params[] = {
    {"bright", "", 0.7f, 0.0f, 1.0f, false, false, "moves the band up: 0 darker, 1 brighter"},
    {"sustain", "s", 0.05f, 0.001f, 60.0f, false, false, "decay: 20 dB quieter every SUSTAIN seconds"},
    PH_SUPER_TRIG_PARAM,
};

static size_t hat_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(hat_state);
}

static void hat_init(void *state, const ph_dsp_config *cfg) {
  hat_state *s = state;
  *s = (hat_state){.cfg = *cfg, .bright = {NAN, 0.0}, .decay = {NAN, 0.0}, .rng = ph_noise_seed(cfg->seed)};
  for (int k = 0; k < HAT_OSCS; k++) {
    s->phase[k] = 0.5 * (ph_noise_next(&s->rng) + 1.0f);
    s->step[k] = ph_super_hz(hat_hz[k], cfg->sample_rate) / cfg->sample_rate;
  }
}

static void hat_reset(void *state) {
  hat_state *s = state;
  ph_dsp_config cfg = s->cfg;
  hat_init(s, &cfg);
}

static void set_brightness(hat_state *s, double bright) {
  double sr = s->cfg.sample_rate;
  s->bright.value = 1.4 * exp2(0.8 * bright);
  s->hp_coefs = ph_super_svf_design(2500.0 * exp2(2.0 * bright), 0.7, sr);
  s->lp_coefs = ph_super_svf_design(8000.0 * exp2(bright), 0.7, sr);
}

static void hat_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  hat_state *s = state;
  const ph_cable *bright = &in->params[0], *sustain = &in->params[1], *trig = &in->params[2];
  const double sr = s->cfg.sample_rate;
  double amp = s->amp;
  uint32_t rng = s->rng;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    if (ph_super_stale(&s->bright, bright, i)) set_brightness(s, ph_super_param(bright, i, &hat_params[0]));
    if (ph_super_stale(&s->decay, sustain, i))
      s->decay.value = ph_super_decay(ph_super_param(sustain, i, &hat_params[1]), sr);
    if (ph_super_edge(&s->prev_trig, ph_cable_at(trig, i))) {
      amp = 1.0;
      s->hp1 = s->hp2 = s->lp = (ph_super_svf){0};
    }
    if (amp == 0.0) {
      y[i] = 0.0f;
      continue;
    }
    double metal = 0.0;
    for (int k = 0; k < HAT_OSCS; k++) {
      metal += ph_osc_pulse(s->phase[k], 0.5, s->step[k]);
      s->phase[k] = ph_osc_advance(s->phase[k], s->step[k]);
    }
    double x = 0.3 * metal + 0.4 * ph_noise_next(&rng);
    x = ph_super_svf_tick(&s->hp1, &s->hp_coefs, x).high;
    x = ph_super_svf_tick(&s->hp2, &s->hp_coefs, x).high;
    x = ph_super_svf_tick(&s->lp, &s->lp_coefs, x).low;
    y[i] = (float)(s->bright.value * amp * x);
    amp *= s->decay.value;
    if (amp < PH_SUPER_SILENT) amp = 0.0;
  }
  ph_super_svf_flush(&s->hp1);
  ph_super_svf_flush(&s->hp2);
  ph_super_svf_flush(&s->lp);
  s->amp = amp;
  s->rng = rng;
}

const ph_unit_def ph_unit_superhat = {
    .name = "superhat",
    .aliases = NULL,
    .doc = "SuperDirt-style hi-hat: six inharmonic squares and noise, high-passed, short decay",
    .params = hat_params,
    .nparams = PH_DSP_NPARAMS(hat_params),
    .noutputs = 1,
    .state_size = hat_size,
    .init = hat_init,
    .process = hat_process,
    .reset = hat_reset,
    .seeded = true,
};
