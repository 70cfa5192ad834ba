/* moog_ladder (moog): a four-pole ladder low-pass (24 dB/octave) with resonance, solved
 * without a unit delay in the feedback path (Zavalishin, "The Art of VA Filter Design",
 * the topology-preserving transform). Four trapezoidal one-poles, each
 *   v = G·(u − s);  y = v + s;  s ← y + v,  G = g/(1 + g), g = tan(π·f/sr)
 * so y4 = G⁴·u + S with S = G³·s1' + G²·s2' + G·s3' + s4' (s' = s·(1 − G)), and the
 * feedback u = x − k·y4 (k = 4·RES) is solved exactly: y4 = (G⁴·x + S)/(1 + k·G⁴).
 * RES 1 would self-oscillate; it is kept below (k <= 3.96). Pass-band gain is 1/(1 + k). */
#include <math.h>

#include "dsp/unit.h"

typedef struct {
  double s[4];
  double G, k;
  float last_cutoff, last_res;
  bool have_coefs;
  double sample_rate, max_cutoff;
} moog_state;

static size_t moog_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(moog_state);
}

static void moog_reset(void *state) {
  moog_state *s = state;
  for (int j = 0; j < 4; j++) s->s[j] = 0.0;
}

static void moog_init(void *state, const ph_dsp_config *cfg) {
  moog_state *s = state;
  *s = (moog_state){0};
  s->sample_rate = cfg->sample_rate;
  s->max_cutoff = fmin(1e5, 0.49 * cfg->sample_rate);
}

static void compute_coefs(moog_state *s, float cutoff, float res) {
  s->last_cutoff = cutoff;
  s->last_res = res;
  s->have_coefs = true;
  double g = tan(0.5 * PH_DSP_TWO_PI * ph_dsp_clamp(cutoff, 1.0, s->max_cutoff) / s->sample_rate);
  s->G = g / (1.0 + g);
  s->k = 4.0 * ph_dsp_clamp(res, 0.0, 0.99);
}

static void moog_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  moog_state *st = state;
  const ph_cable *x = &in->params[0], *cutoff = &in->params[1], *res = &in->params[2];
  float *y = out[0];
  double s0 = st->s[0], s1 = st->s[1], s2 = st->s[2], s3 = st->s[3];
  for (int i = 0; i < frames; i++) {
    float c = ph_cable_at(cutoff, i), r = ph_cable_at(res, i);
    if (!st->have_coefs || c != st->last_cutoff || r != st->last_res) compute_coefs(st, c, r);
    double G = st->G, k = st->k, h = 1.0 - G;
    double S = G * G * G * h * s0 + G * G * h * s1 + G * h * s2 + h * s3;
    double G4 = G * G * G * G;
    double xi = ph_cable_at(x, i);
    double u = (xi - k * S) / (1.0 + k * G4);
    double v, o;
    v = G * (u - s0), o = v + s0, s0 = o + v, u = o;
    v = G * (u - s1), o = v + s1, s1 = o + v, u = o;
    v = G * (u - s2), o = v + s2, s2 = o + v, u = o;
    v = G * (u - s3), o = v + s3, s3 = o + v;
    y[i] = (float)o;
  }
  if (!isfinite(s0) || !isfinite(s1) || !isfinite(s2) || !isfinite(s3)) {
    for (int i = 0; i < frames; i++) y[i] = 0.0f;
    s0 = s1 = s2 = s3 = 0.0;
  }
  st->s[0] = ph_dsp_flush(s0);
  st->s[1] = ph_dsp_flush(s1);
  st->s[2] = ph_dsp_flush(s2);
  st->s[3] = ph_dsp_flush(s3);
}

static const ph_param_def moog_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to filter"},
    {"cutoff", "Hz", 1000.0f, 1.0f, 1e5f, false, true, "cutoff frequency (below the Nyquist)"},
    {"res", "", 0.0f, 0.0f, 0.99f, false, true, "resonance, 0..0.99 (self-oscillation near 1)"},
};

const ph_unit_def ph_unit_moog_ladder = {
    .name = "moog_ladder",
    .aliases = "moog",
    .doc = "four-pole (24 dB/octave) ladder low-pass with resonance, zero-delay feedback",
    .params = moog_params,
    .nparams = PH_DSP_NPARAMS(moog_params),
    .noutputs = 1,
    .state_size = moog_size,
    .init = moog_init,
    .process = moog_process,
    .reset = moog_reset,
};
