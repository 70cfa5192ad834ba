/* superpiano: a piano note by additive synthesis, struck by TRIG (see super.h): two strings a
 * cent apart (they beat, as a piano's unison does), ten partials each, stretched as a stiff
 * string's are, shaped by where and how hard the hammer strikes, ringing down in two stages.
 * From each strike:
 *   y = 0.9·G·Σn A_n·d_n·(sin(2π·φn) + sin(2π·ψn)) / (2·Σn A_n) + 0.15·V·m·lp(n)
 *   φn' = n·√(1 + 0.0004·n²)·FREQ / sr,  ψn' = φn'·2^(1/1200)
 *   A_n = |sin(0.12·π·n)| / n^(2.4 − 1.6·V)   struck at 0.12 of the string; harder is brighter
 *   G = 0.4 + 0.6·V                           and louder (V = VELOCITY)
 *   d_n = 0.7·10^(−t·s_n/SUSTAIN) + 0.3·10^(−t·s_n/(4·SUSTAIN)),  s_n = 1 + 0.3·(n − 1)
 *         a prompt sound and a slower aftersound; the upper partials die sooner
 *   m = e^(−t / 5 ms)    the hammer's thump: white noise through a one-pole low-pass at 2 kHz
 * Each strike starts the partials from phase 0; partials above 0.45·sr are left out; below
 * −100 dB the note rests, silent. */
#include "dsp/noise.h"
#include "dsp/osc.h"
#include "dsp/super.h"

enum { PIANO_PARTIALS = 10 };

typedef struct {
  ph_dsp_config cfg;
  double stretch[PIANO_PARTIALS]; /* n·√(1 + B·n²) */
  double phase[PIANO_PARTIALS], phase2[PIANO_PARTIALS];
  double step[PIANO_PARTIALS], step2[PIANO_PARTIALS]; /* for FREQ, of the two strings */
  int audible;                                         /* partials below 0.45·sr, for FREQ */
  double prompt[PIANO_PARTIALS], after[PIANO_PARTIALS];
  double prompt_fall[PIANO_PARTIALS], after_fall[PIANO_PARTIALS];
  double weight[PIANO_PARTIALS], weight_sum;
  ph_super_cached freq, velocity, sustain; /* → steps; → weight and G; → the falls */
  double thump, thump_lp, thump_fall, thump_coef, unison;
  float prev_trig;
  uint32_t rng;
} superpiano_state;

static const ph_param_def superpiano_params[] = {
    {"freq", "Hz", 261.6255653f, 0.0f, 1e5f, false, false, "pitch"},
    {"velocity", "", 0.7f, 0.0f, 1.0f, false, false, "how hard the key is struck: louder and brighter"},
    {"sustain", "s", 1.5f, 0.01f, 60.0f, false, false, "decay: the prompt sound 20 dB quieter every SUSTAIN seconds"},
    PH_SUPER_TRIG_PARAM,
};

static size_t superpiano_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(superpiano_state);
}

static void superpiano_init(void *state, const ph_dsp_config *cfg) {
  superpiano_state *s = state;
  double sr = cfg->sample_rate;
  *s = (superpiano_state){.cfg = *cfg, .freq = {NAN, 0.0}, .velocity = {NAN, 0.0}, .sustain = {NAN, 0.0},
                          .rng = ph_noise_seed(cfg->seed)};
  for (int k = 0; k < PIANO_PARTIALS; k++) {
    double n = k + 1;
    s->stretch[k] = n * sqrt(1.0 + 0.0004 * n * n);
  }
  s->unison = exp2(1.0 / 1200.0);
  s->thump_fall = ph_super_fall(0.005, sr);
  s->thump_coef = 1.0 - exp(-PH_DSP_TWO_PI * fmin(2000.0, 0.45 * sr) / sr);
}

static void superpiano_reset(void *state) {
  superpiano_state *s = state;
  ph_dsp_config cfg = s->cfg;
  superpiano_init(s, &cfg);
}

static void set_velocity(superpiano_state *s, double v) {
  s->weight_sum = 0.0;
  for (int k = 0; k < PIANO_PARTIALS; k++) {
    double n = k + 1;
    s->weight[k] = fabs(sin(0.12 * 0.5 * PH_DSP_TWO_PI * n)) / pow(n, 2.4 - 1.6 * v);
    s->weight_sum += s->weight[k];
  }
  s->velocity.value = (0.4 + 0.6 * v) * 0.9 / (2.0 * s->weight_sum);
}

static void set_freq(superpiano_state *s, double f) {
  double sr = s->cfg.sample_rate;
  s->audible = 0;
  for (int k = 0; k < PIANO_PARTIALS; k++) {
    double fk = f * s->stretch[k];
    s->step[k] = ph_super_hz(fk, sr) / sr;
    s->step2[k] = ph_super_hz(fk * s->unison, sr) / sr;
    if (fk * s->unison < 0.45 * sr) s->audible = k + 1;
  }
}

static void set_sustain(superpiano_state *s, double seconds) {
  double sr = s->cfg.sample_rate;
  for (int k = 0; k < PIANO_PARTIALS; k++) {
    double faster = 1.0 + 0.3 * k;
    s->prompt_fall[k] = ph_super_decay(seconds / faster, sr);
    s->after_fall[k] = ph_super_decay(4.0 * seconds / faster, sr);
  }
}

static void superpiano_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  superpiano_state *s = state;
  const ph_cable *freq = &in->params[0], *velocity = &in->params[1], *sustain = &in->params[2], *trig = &in->params[3];
  uint32_t rng = s->rng;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    if (ph_super_stale(&s->freq, freq, i)) set_freq(s, ph_super_param(freq, i, &superpiano_params[0]));
    if (ph_super_stale(&s->velocity, velocity, i)) set_velocity(s, ph_super_param(velocity, i, &superpiano_params[1]));
    if (ph_super_stale(&s->sustain, sustain, i)) set_sustain(s, ph_super_param(sustain, i, &superpiano_params[2]));
    if (ph_super_edge(&s->prev_trig, ph_cable_at(trig, i))) {
      for (int k = 0; k < PIANO_PARTIALS; k++) s->phase[k] = s->phase2[k] = 0.0, s->prompt[k] = 0.7, s->after[k] = 0.3;
      s->thump = 1.0;
      s->thump_lp = 0.0;
    }
    if (s->after[0] == 0.0) { /* the fundamental's aftersound rings longest */
      y[i] = 0.0f;
      continue;
    }
    double sum = 0.0;
    for (int k = 0; k < PIANO_PARTIALS; k++) {
      if (k < s->audible)
        sum += s->weight[k] * (s->prompt[k] + s->after[k]) *
               (ph_osc_sin2pi(s->phase[k]) + ph_osc_sin2pi(s->phase2[k]));
      s->phase[k] = ph_osc_advance(s->phase[k], s->step[k]);
      s->phase2[k] = ph_osc_advance(s->phase2[k], s->step2[k]);
      s->prompt[k] *= s->prompt_fall[k];
      s->after[k] *= s->after_fall[k];
      if (s->prompt[k] < PH_SUPER_SILENT) s->prompt[k] = 0.0;
      if (s->after[k] < PH_SUPER_SILENT) s->after[k] = 0.0;
    }
    s->thump_lp += s->thump_coef * (ph_noise_next(&rng) - s->thump_lp);
    double v = ph_super_param(velocity, i, &superpiano_params[1]);
    y[i] = (float)(s->velocity.value * sum + 0.15 * v * s->thump * s->thump_lp);
    s->thump *= s->thump_fall;
  }
  s->thump = ph_dsp_flush(s->thump);
  s->rng = rng;
}

const ph_unit_def ph_unit_superpiano = {
    .name = "superpiano",
    .aliases = NULL,
    .doc = "a piano note: two beating strings of ten stretched partials, brighter when struck harder",
    .params = superpiano_params,
    .nparams = PH_DSP_NPARAMS(superpiano_params),
    .noutputs = 1,
    .state_size = superpiano_size,
    .init = superpiano_init,
    .process = superpiano_process,
    .reset = superpiano_reset,
    .seeded = true,
};
