/* supergong: a gong by modal synthesis, struck by TRIG (see super.h): eight inharmonic partials,
 * each a sine that rings down on its own, plus the soft thump of the mallet. From each strike:
 *   y = 0.7·Σk a_k·B^k·d_k·sin(2π·φk) / Σk a_k·B^k + 0.2·m·lp(n)
 *   φk' = r_k·FREQ / sr,  r = 1 1.47 1.98 2.44 2.81 3.58 4.23 5.12  (the modes of a thin plate)
 *   a = 1 .9 .85 .8 .75 .7 .65 .6,  B = 0.6 + 0.6·BRIGHT (the higher modes louder when brighter)
 *   d_k = 10^(−t·r_k^0.5 / SUSTAIN)   the fundamental 20 dB quieter every SUSTAIN seconds,
 *                                     the higher modes sooner
 *   m = e^(−t / 8 ms)                 white noise n through a one-pole low-pass at 1.5 kHz
 * Each strike starts the partials from phase 0. Modes above 0.45·sr are left out; below
 * −100 dB the gong rests, silent. */
#include "dsp/noise.h"
#include "dsp/osc.h"
#include "dsp/super.h"

enum { GONG_MODES = 8 };
static const double gong_ratio[GONG_MODES] = {1.0, 1.47, 1.98, 2.44, 2.81, 3.58, 4.23, 5.12};
static const double gong_level[GONG_MODES] = {1.0, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6};

typedef struct {
  ph_dsp_config cfg;
  double phase[GONG_MODES], ring[GONG_MODES], fall[GONG_MODES];
  double step[GONG_MODES];  /* for FREQ; 0 for a mode above 0.45·sr */
  double level[GONG_MODES]; /* a_k·B^k / Σ a_k·B^k, for BRIGHT */
  double mallet, mallet_lp, mallet_fall, mallet_coef;
  ph_super_cached freq, sustain, bright; /* → step; → fall; → level */
  float prev_trig;
  uint32_t rng;
} supergong_state;

static const ph_param_def supergong_params[] = {
    {"freq", "Hz", 130.8127827f, 0.0f, 1e5f, false, false, "pitch of the lowest mode"},
    {"sustain", "s", 2.0f, 0.01f, 60.0f, false, false, "decay: the lowest mode 20 dB quieter every SUSTAIN seconds"},
    {"bright", "", 0.5f, 0.0f, 1.0f, false, false, "weight of the higher modes"},
    PH_SUPER_TRIG_PARAM,
};

static size_t supergong_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(supergong_state);
}

static void supergong_init(void *state, const ph_dsp_config *cfg) {
  supergong_state *s = state;
  double sr = cfg->sample_rate;
  *s = (supergong_state){.cfg = *cfg, .freq = {NAN, 0.0}, .sustain = {NAN, 0.0}, .bright = {NAN, 0.0},
                         .rng = ph_noise_seed(cfg->seed)};
  s->mallet_fall = ph_super_fall(0.008, sr);
  s->mallet_coef = 1.0 - exp(-PH_DSP_TWO_PI * fmin(1500.0, 0.45 * sr) / sr);
}

static void supergong_reset(void *state) {
  supergong_state *s = state;
  ph_dsp_config cfg = s->cfg;
  supergong_init(s, &cfg);
}

static void set_freq(supergong_state *s, double f) {
  double sr = s->cfg.sample_rate;
  for (int k = 0; k < GONG_MODES; k++) s->step[k] = f * gong_ratio[k] < 0.45 * sr ? f * gong_ratio[k] / sr : 0.0;
}

static void set_brightness(supergong_state *s, double bright) {
  double b = 0.6 + 0.6 * bright, weight = 1.0, total = 0.0;
  for (int k = 0; k < GONG_MODES; k++, weight *= b) total += s->level[k] = gong_level[k] * weight;
  for (int k = 0; k < GONG_MODES; k++) s->level[k] /= total;
}

static void supergong_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  supergong_state *s = state;
  const ph_cable *freq = &in->params[0], *sustain = &in->params[1], *bright = &in->params[2], *trig = &in->params[3];
  const double sr = s->cfg.sample_rate;
  uint32_t rng = s->rng;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    if (ph_super_stale(&s->freq, freq, i)) set_freq(s, ph_super_param(freq, i, &supergong_params[0]));
    if (ph_super_stale(&s->bright, bright, i)) set_brightness(s, ph_super_param(bright, i, &supergong_params[2]));
    if (ph_super_stale(&s->sustain, sustain, i)) {
      double seconds = ph_super_param(sustain, i, &supergong_params[1]);
      for (int k = 0; k < GONG_MODES; k++) s->fall[k] = ph_super_decay(seconds / sqrt(gong_ratio[k]), sr);
    }
    if (ph_super_edge(&s->prev_trig, ph_cable_at(trig, i))) {
      for (int k = 0; k < GONG_MODES; k++) s->phase[k] = 0.0, s->ring[k] = 1.0;
      s->mallet = 1.0;
      s->mallet_lp = 0.0;
    }
    if (s->ring[0] == 0.0) { /* the lowest mode rings longest: when it rests, all do */
      y[i] = 0.0f;
      continue;
    }
    double sum = 0.0;
    for (int k = 0; k < GONG_MODES; k++) {
      if (s->step[k] > 0.0) sum += s->level[k] * s->ring[k] * ph_osc_sin2pi(s->phase[k]);
      s->phase[k] = ph_osc_advance(s->phase[k], s->step[k]);
      s->ring[k] *= s->fall[k];
      if (s->ring[k] < PH_SUPER_SILENT) s->ring[k] = 0.0;
    }
    s->mallet_lp += s->mallet_coef * (ph_noise_next(&rng) - s->mallet_lp);
    y[i] = (float)(0.7 * sum + 0.2 * s->mallet * s->mallet_lp);
    s->mallet *= s->mallet_fall;
  }
  s->mallet = ph_dsp_flush(s->mallet);
  s->rng = rng;
}

const ph_unit_def ph_unit_supergong = {
    .name = "supergong",
    .aliases = NULL,
    .doc = "a gong: eight inharmonic modes ringing down from a mallet's strike",
    .params = supergong_params,
    .nparams = PH_DSP_NPARAMS(supergong_params),
    .noutputs = 1,
    .state_size = supergong_size,
    .init = supergong_init,
    .process = supergong_process,
    .reset = supergong_reset,
    .seeded = true,
};
