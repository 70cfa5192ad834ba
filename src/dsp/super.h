/* What the SuperDirt-style instruments (superkick, supersaw, superhat, ...) share: the trigger
 * that strikes them, parameters read safely and derived values cached with the parameter
 * they came from, decays set in seconds, and a state-variable filter.
 *
 * A strike is a rising edge of TRIG through 0.5 (the previous sample at or below, this one
 * above; NaN is low). The previous value starts at 0, so TRIG's default, the constant 1,
 * strikes once on the first sample; inside a synth voice the note's trigger strikes each note.
 * A strike restarts what a fresh SuperDirt synth would start: envelopes, oscillator and LFO
 * phases. */
#ifndef PH_DSP_SUPER_H
#define PH_DSP_SUPER_H

#include <math.h>

#include "dsp/unit.h"

#define PH_SUPER_TRIG_PARAM                                      \
  {"trig", "trigger", 1.0f, -1e9f, 1e9f, false, false,           \
   "a rising edge through 0.5 strikes again; the constant 1 strikes once at the start"}

/* Below this an envelope is silence (-100 dB): the instrument rests until the next strike. */
#define PH_SUPER_SILENT 1e-5

static inline bool ph_super_edge(float *prev, float x) {
  bool rise = !(*prev > 0.5f) && x > 0.5f;
  *prev = x;
  return rise;
}

/* A parameter's value at sample i: NaN is its default, the rest is clamped to its range. */
static inline double ph_super_param(const ph_cable *c, int i, const ph_param_def *p) {
  float x = ph_cable_at(c, i);
  return x != x ? (double)p->def : ph_dsp_clamp(x, p->min, p->max);
}

/* A value derived from one parameter, recomputed only when the parameter changes (a NaN never
 * equals the last value, so it recomputes each sample, to the default). */
typedef struct {
  float from;
  double value;
} ph_super_cached;

static inline bool ph_super_stale(ph_super_cached *c, const ph_cable *cable, int i) {
  float x = ph_cable_at(cable, i);
  if (x == c->from) return false;
  c->from = x;
  return true;
}

/* The per-sample factor of an exponential decay that falls 20 dB every `seconds`. */
static inline double ph_super_decay(double seconds, double sample_rate) {
  return exp(-2.302585092994045684 / (fmax(seconds, 1e-4) * sample_rate));
}

/* The per-sample factor of e^(−t/tau). */
static inline double ph_super_fall(double tau, double sample_rate) { return exp(-1.0 / (tau * sample_rate)); }

/* Andrew Simper's linear trapezoidal state-variable filter (see svf.h), for filters inside an
 * instrument: low, band (0 dB at the centre) and high outputs of one input. */
typedef struct {
  double k, a1, a2, a3;
} ph_super_svf_coefs;

typedef struct {
  double ic1, ic2;
} ph_super_svf;

typedef struct {
  double low, band, high;
} ph_super_svf_out;

static inline ph_super_svf_coefs ph_super_svf_design(double freq, double q, double sample_rate) {
  double g = tan(0.5 * PH_DSP_TWO_PI * ph_dsp_clamp(freq, 1.0, 0.45 * sample_rate) / sample_rate), k = 1.0 / q;
  double a1 = 1.0 / (1.0 + g * (g + k));
  return (ph_super_svf_coefs){k, a1, g * a1, g * g * a1};
}

static inline ph_super_svf_out ph_super_svf_tick(ph_super_svf *s, const ph_super_svf_coefs *c, double x) {
  double v3 = x - s->ic2;
  double v1 = c->a1 * s->ic1 + c->a2 * v3;
  double v2 = s->ic2 + c->a2 * s->ic1 + c->a3 * v3;
  s->ic1 = 2.0 * v1 - s->ic1;
  s->ic2 = 2.0 * v2 - s->ic2;
  return (ph_super_svf_out){v2, c->k * v1, x - c->k * v1 - v2};
}

/* Once per block: near-denormal state flushed, a state that stopped being finite cleared. */
static inline void ph_super_svf_flush(ph_super_svf *s) {
  if (!isfinite(s->ic1) || !isfinite(s->ic2)) s->ic1 = s->ic2 = 0.0;
  s->ic1 = ph_dsp_flush(s->ic1);
  s->ic2 = ph_dsp_flush(s->ic2);
}

/* A frequency made safe for a phase step: NaN is 0, the rest within 0..0.45·sr. */
static inline double ph_super_hz(double f, double sample_rate) { return ph_dsp_clamp(f, 0.0, 0.45 * sample_rate); }

#endif
