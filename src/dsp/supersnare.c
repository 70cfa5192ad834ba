/* supersnare: a SuperDirt-style snare drum, struck by TRIG (see super.h): a pitched body, two
 * sines as the 808's two drum modes, and band-passed noise as the wires. From each strike:
 *   y = 0.35·a·(sin(2π·φ1) + 0.5·sin(2π·φ2)) + 0.6·SNAPPY·w·bp(n)
 *   φ1' = FREQ·(1 + p) / sr,  φ2' = 1.84·φ1',  p = e^(−t / 12 ms)   a quick drop from an octave up
 *   a = 10^(−t / SUSTAIN)          the body: 20 dB quieter every SUSTAIN seconds
 *   w = 10^(−t / (1.5·SUSTAIN))    the wires ring a little longer
 *   bp: white noise n through a state-variable band-pass at 4 kHz, Q 0.6, 0 dB at the centre
 * Below −100 dB the drum rests, silent. */
#include "dsp/noise.h"
#include "dsp/osc.h"
#include "dsp/super.h"

typedef struct {
  ph_dsp_config cfg;
  double phase1, phase2, body, wires, pitch, pitch_fall;
  ph_super_svf_coefs band;
  ph_super_svf filter;
  ph_super_cached decay;  /* SUSTAIN → the body's factor per sample */
  double wires_decay;     /* the wires' factor, computed with decay */
  float prev_trig;
  uint32_t rng;
} snare_state;

static const ph_param_def snare_params[] = {
    {"freq", "Hz", 180.0f, 0.0f, 1e5f, false, false, "pitch of the drum's body"},
    {"snappy", "", 0.8f, 0.0f, 1.0f, false, false, "level of the noise (the snare wires)"},
    {"sustain", "s", 0.08f, 0.001f, 60.0f, false, false, "decay: 20 dB quieter every SUSTAIN seconds"},
    PH_SUPER_TRIG_PARAM,
};

static size_t snare_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(snare_state);
}

static void snare_init(void *state, const ph_dsp_config *cfg) {
  snare_state *s = state;
  *s = (snare_state){.cfg = *cfg, .decay = {NAN, 0.0}, .rng = ph_noise_seed(cfg->seed)};
  s->pitch_fall = ph_super_fall(0.012, cfg->sample_rate);
  s->band = ph_super_svf_design(4000.0, 0.6, cfg->sample_rate);
}

static void snare_reset(void *state) {
  snare_state *s = state;
  ph_dsp_config cfg = s->cfg;
  snare_init(s, &cfg);
}

static void snare_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  snare_state *s = state;
  const ph_cable *freq = &in->params[0], *snappy = &in->params[1], *sustain = &in->params[2], *trig = &in->params[3];
  const double sr = s->cfg.sample_rate;
  double p1 = s->phase1, p2 = s->phase2, body = s->body, wires = s->wires, pitch = s->pitch;
  ph_super_svf filter = s->filter;
  uint32_t rng = s->rng;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    if (ph_super_stale(&s->decay, sustain, i)) {
      double seconds = ph_super_param(sustain, i, &snare_params[2]);
      s->decay.value = ph_super_decay(seconds, sr);
      s->wires_decay = ph_super_decay(1.5 * seconds, sr);
    }
    if (ph_super_edge(&s->prev_trig, ph_cable_at(trig, i))) {
      p1 = p2 = 0.0;
      body = wires = pitch = 1.0;
      filter = (ph_super_svf){0};
    }
    if (body == 0.0 && wires == 0.0) {
      y[i] = 0.0f;
      continue;
    }
    double f = ph_super_param(freq, i, &snare_params[0]) * (1.0 + pitch);
    double tone = ph_osc_sin2pi(p1) + 0.5 * ph_osc_sin2pi(p2);
    double noise = ph_super_svf_tick(&filter, &s->band, ph_noise_next(&rng)).band;
    y[i] = (float)(0.35 * body * tone + 0.6 * ph_super_param(snappy, i, &snare_params[1]) * wires * noise);
    p1 = ph_osc_advance(p1, ph_super_hz(f, sr) / sr);
    p2 = ph_osc_advance(p2, ph_super_hz(1.84 * f, sr) / sr);
    pitch *= s->pitch_fall;
    body *= s->decay.value;
    wires *= s->wires_decay;
    if (body < PH_SUPER_SILENT) body = 0.0;
    if (wires < PH_SUPER_SILENT) wires = 0.0;
  }
  ph_super_svf_flush(&filter);
  s->filter = filter;
  s->phase1 = p1;
  s->phase2 = p2;
  s->body = body;
  s->wires = wires;
  s->pitch = ph_dsp_flush(pitch);
  s->rng = rng;
}

const ph_unit_def ph_unit_supersnare = {
    .name = "supersnare",
    .aliases = NULL,
    .doc = "SuperDirt-style snare: a pitched body that drops to FREQ plus band-passed noise wires",
    .params = snare_params,
    .nparams = PH_DSP_NPARAMS(snare_params),
    .noutputs = 1,
    .state_size = snare_size,
    .init = snare_init,
    .process = snare_process,
    .reset = snare_reset,
    .seeded = true,
};
