/* supersquare: a SuperDirt-style square synth: a band-limited pulse (PolyBLEP, see pulse.c) and a
 * second one SEMITONE semitones below, through a resonant low-pass (the SVF of super.h) that
 * each strike of TRIG (see super.h) opens and lets close again, tracking the pitch:
 *   x = 0.7·(pulse(φ1, WIDTH) − m) + 0.3·(pulse(φ2, WIDTH) − m),  m = 2·WIDTH − 1, the mean
 *   φ1' = FREQ / sr,  φ2' = FREQ·2^(−SEMITONE/12) / sr
 *   y = 0.4·lp(x),  cutoff FREQ·(3 + 12·e^(−t / 200 ms)),  Q = 0.7 + 6·RESONANCE
 * A strike also starts both phases from 0 and the filter clear, as a fresh synth would; before
 * the first strike the cutoff rests at 3·FREQ. */
#include "dsp/osc.h"
#include "dsp/super.h"

typedef struct {
  ph_dsp_config cfg;
  double phase1, phase2, sweep, sweep_fall;
  ph_super_svf filter;
  ph_super_cached semitone; /* SEMITONE → the second pulse's ratio */
  float prev_trig;
} supersquare_state;

static const ph_param_def supersquare_params[] = {
    {"freq", "Hz", 261.6255653f, 0.0f, 1e5f, false, false, "pitch"},
    {"width", "", 0.5f, 0.01f, 0.99f, false, false, "fraction of the cycle spent high (0.5 square)"},
    {"semitone", "semitones", 12.0f, -48.0f, 48.0f, false, false, "the second pulse's distance below FREQ"},
    {"resonance", "", 0.2f, 0.0f, 1.0f, false, false, "the low-pass filter's resonance"},
    PH_SUPER_TRIG_PARAM,
};

static size_t supersquare_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(supersquare_state);
}

static void supersquare_init(void *state, const ph_dsp_config *cfg) {
  supersquare_state *s = state;
  *s = (supersquare_state){.cfg = *cfg, .semitone = {NAN, 0.0}, .sweep_fall = ph_super_fall(0.2, cfg->sample_rate)};
}

static void supersquare_reset(void *state) {
  supersquare_state *s = state;
  ph_dsp_config cfg = s->cfg;
  supersquare_init(s, &cfg);
}

static void supersquare_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  supersquare_state *s = state;
  const ph_cable *freq = &in->params[0], *width = &in->params[1], *semitone = &in->params[2],
                 *resonance = &in->params[3], *trig = &in->params[4];
  const double sr = s->cfg.sample_rate;
  double p1 = s->phase1, p2 = s->phase2, sweep = s->sweep;
  ph_super_svf filter = s->filter;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    if (ph_super_stale(&s->semitone, semitone, i))
      s->semitone.value = exp2(-ph_super_param(semitone, i, &supersquare_params[2]) / 12.0);
    if (ph_super_edge(&s->prev_trig, ph_cable_at(trig, i))) {
      p1 = p2 = 0.0;
      sweep = 1.0;
      filter = (ph_super_svf){0};
    }
    double f = ph_super_param(freq, i, &supersquare_params[0]);
    double w = ph_super_param(width, i, &supersquare_params[1]), mean = 2.0 * w - 1.0;
    double d1 = ph_super_hz(f, sr) / sr, d2 = ph_super_hz(f * s->semitone.value, sr) / sr;
    double x = 0.7 * (ph_osc_pulse(p1, w, d1) - mean) + 0.3 * (ph_osc_pulse(p2, w, d2) - mean);
    double q = 0.7 + 6.0 * ph_super_param(resonance, i, &supersquare_params[3]);
    /* the cutoff moves every sample while it sweeps: the filter is designed where it is */
    ph_super_svf_coefs lp = ph_super_svf_design(f * (3.0 + 12.0 * sweep), q, sr);
    y[i] = (float)(0.4 * ph_super_svf_tick(&filter, &lp, x).low);
    p1 = ph_osc_advance(p1, d1);
    p2 = ph_osc_advance(p2, d2);
    sweep *= s->sweep_fall;
  }
  ph_super_svf_flush(&filter);
  s->filter = filter;
  s->phase1 = p1;
  s->phase2 = p2;
  s->sweep = ph_dsp_flush(sweep);
}

const ph_unit_def ph_unit_supersquare = {
    .name = "supersquare",
    .aliases = NULL,
    .doc = "SuperDirt-style square synth: two band-limited pulses through a resonant low-pass each strike opens",
    .params = supersquare_params,
    .nparams = PH_DSP_NPARAMS(supersquare_params),
    .noutputs = 1,
    .state_size = supersquare_size,
    .init = supersquare_init,
    .process = supersquare_process,
    .reset = supersquare_reset,
};
