/* superkick: a SuperDirt-style kick drum, struck by TRIG (see super.h). From each strike:
 *   y = 0.75·a·sin(2π·φ) + 2·NOISE·a·c·lp(n)
 *   φ' = FREQ·2^(4·PITCHENV·p) / sr    the pitch falls from 4·PITCHENV octaves above FREQ,
 *   p = e^(−t / 25 ms)                   so 0.5 drops two octaves within a few tens of ms
 *   a = 10^(−t / SUSTAIN)                20 dB quieter every SUSTAIN seconds, 60 dB at 3·SUSTAIN
 *   c = e^(−t / 4 ms)                    a click of white noise n through a one-pole low-pass
 * The sine starts at phase 0 on the strike; below −100 dB the drum rests, silent. */
#include "dsp/noise.h"
#include "dsp/osc.h"
#include "dsp/super.h"

typedef struct {
  ph_dsp_config cfg;
  double phase, amp, pitch, click, click_lp;
  double pitch_fall, click_fall, click_coef;
  ph_super_cached decay; /* SUSTAIN → the amplitude's factor per sample */
  float prev_trig;
  uint32_t rng;
} kick_state;

static const ph_param_def kick_params[] = {
    {"freq", "Hz", 50.0f, 0.0f, 1e5f, false, false, "the pitch the drop ends on"},
    {"pitchenv", "", 0.5f, 0.0f, 2.0f, false, false, "pitch drop: starts 4·PITCHENV octaves above FREQ"},
    {"sustain", "s", 0.3f, 0.001f, 60.0f, false, false, "decay: 20 dB quieter every SUSTAIN seconds"},
    {"noise", "", 0.1f, 0.0f, 1.0f, false, false, "level of the noise click on the strike"},
    PH_SUPER_TRIG_PARAM,
};

static size_t kick_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(kick_state);
}

static void kick_init(void *state, const ph_dsp_config *cfg) {
  kick_state *s = state;
  double sr = cfg->sample_rate;
  *s = (kick_state){.cfg = *cfg, .decay = {NAN, 0.0}, .rng = ph_noise_seed(cfg->seed)};
  s->pitch_fall = ph_super_fall(0.025, sr);
  s->click_fall = ph_super_fall(0.004, sr);
  s->click_coef = 1.0 - exp(-PH_DSP_TWO_PI * fmin(6000.0, 0.45 * sr) / sr);
}

static void kick_reset(void *state) {
  kick_state *s = state;
  ph_dsp_config cfg = s->cfg;
  kick_init(s, &cfg);
}

static void kick_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  kick_state *s = state;
  const ph_cable *freq = &in->params[0], *pitchenv = &in->params[1], *sustain = &in->params[2],
                 *noise = &in->params[3], *trig = &in->params[4];
  const double sr = s->cfg.sample_rate;
  double phase = s->phase, amp = s->amp, pitch = s->pitch, click = s->click, lp = s->click_lp;
  uint32_t rng = s->rng;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    if (ph_super_stale(&s->decay, sustain, i))
      s->decay.value = ph_super_decay(ph_super_param(sustain, i, &kick_params[2]), sr);
    if (ph_super_edge(&s->prev_trig, ph_cable_at(trig, i))) {
      phase = lp = 0.0;
      amp = pitch = click = 1.0;
    }
    if (amp == 0.0) {
      y[i] = 0.0f;
      continue;
    }
    double octaves = 4.0 * ph_super_param(pitchenv, i, &kick_params[1]) * pitch;
    double f = ph_super_hz(ph_super_param(freq, i, &kick_params[0]) * exp2(octaves), sr);
    lp += s->click_coef * (ph_noise_next(&rng) - lp);
    double body = 0.75 * ph_osc_sin2pi(phase);
    y[i] = (float)(amp * (body + 2.0 * ph_super_param(noise, i, &kick_params[3]) * click * lp));
    phase = ph_osc_advance(phase, f / sr);
    pitch *= s->pitch_fall;
    click *= s->click_fall;
    amp *= s->decay.value;
    if (amp < PH_SUPER_SILENT) amp = 0.0;
  }
  s->phase = phase;
  s->amp = amp;
  s->pitch = ph_dsp_flush(pitch);
  s->click = ph_dsp_flush(click);
  s->click_lp = ph_dsp_flush(lp);
  s->rng = rng;
}

const ph_unit_def ph_unit_superkick = {
    .name = "superkick",
    .aliases = NULL,
    .doc = "SuperDirt-style kick: a sine whose pitch drops to FREQ, a noise click, exponential decay",
    .params = kick_params,
    .nparams = PH_DSP_NPARAMS(kick_params),
    .noutputs = 1,
    .state_size = kick_size,
    .init = kick_init,
    .process = kick_process,
    .reset = kick_reset,
    .seeded = true,
};
