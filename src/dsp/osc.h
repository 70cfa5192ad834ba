/* What the oscillators share: a phase accumulator in double (cycles, 0 <= phase < 1) driven
 * by a frequency cable and an offset cable in semitones, and the PolyBLEP/PolyBLAMP
 * residuals that band-limit their corners.
 *
 * Timing: the frequency at sample i sets the step from sample i to i + 1, so a frequency
 * change at sample k first shows in sample k + 1's phase — exactly where it changes. */
#ifndef PH_DSP_OSC_H
#define PH_DSP_OSC_H

#include <math.h>
#include <stdint.h>

#include "dsp/unit.h"

typedef struct {
  double phase;
  double inv_sr;
  double nyquist;
  float last_semi; /* offset whose ratio is cached */
  double ratio;    /* 2^(last_semi / 12) */
} ph_osc_state;

/* Parameters shared by every oscillator's table: FREQ then OFFSET. */
#define PH_OSC_FREQ_PARAM \
  {"freq", "Hz", 1.0f, -1e5f, 1e5f, false, false, "frequency (negative runs backwards); bare name = 1 Hz LFO"}
#define PH_OSC_OFFSET_PARAM \
  {"offset", "semitones", 0.0f, -128.0f, 128.0f, false, false, "transposition in semitones"}

/* The unit table's init for every phase-accumulator unit (state is a ph_osc_state). */
void ph_osc_init(void *state, const ph_dsp_config *cfg);
size_t ph_osc_state_size(const ph_dsp_config *cfg);
void ph_osc_reset(void *state);

/* Step in cycles per sample for a frequency in Hz, with the offset's ratio cached in s
 * (clamped to the Nyquist, NaN as 0); no branch, so that a loop of it vectorises. */
static inline double ph_osc_step_of(const ph_osc_state *s, float hz) {
  double f = (double)hz * s->ratio;
  f = f != f ? 0.0 : f;
  f = f < -s->nyquist ? -s->nyquist : (f > s->nyquist ? s->nyquist : f);
  return f * s->inv_sr;
}

/* Step in cycles per sample at frame i (freq * 2^(offset/12) / sr, clamped to the Nyquist,
 * NaN as 0). Reads the offset's ratio from the cache, refreshed only when it changed. */
static inline double ph_osc_step(ph_osc_state *s, const ph_cable *freq, const ph_cable *semi, int i) {
  if (semi->buf) {
    float st = semi->buf[i];
    if (st != s->last_semi) {
      s->last_semi = st;
      s->ratio = exp2(ph_dsp_clamp(st, -128.0, 128.0) / 12.0);
    }
  }
  return ph_osc_step_of(s, ph_cable_at(freq, i));
}

/* When frequency and offset are both constant over the block: true, and the step every
 * sample would get from ph_osc_step (computed the same way, so the result is identical). */
static inline bool ph_osc_constant_step(ph_osc_state *s, const ph_cable *freq, const ph_cable *semi, double *dt) {
  if (freq->buf || semi->buf) return false;
  *dt = ph_osc_step(s, freq, semi, 0);
  return true;
}

/* A step dt (cycles per sample, |dt| <= 1/2) for a 64-bit integer phase, cycles × 2^64: dt × 2^64
 * modulo 2^64 (a negative step wraps). */
static inline uint64_t ph_osc_fixed_step(double dt) {
  double x = dt * 0x1p64;
  return x >= 0.0 ? (uint64_t)x : (uint64_t)0 - (uint64_t)-x;
}

/* phase + dt, back into [0, 1): the same value as ph_osc_wrap for |dt| <= 1/2, cheaper. */
static inline double ph_osc_advance(double phase, double dt) {
  double x = phase + dt;
  return x >= 1.0 ? x - 1.0 : (x < 0.0 ? x + 1.0 : x);
}

/* sin(2π·p) for p in [0, 1), to within 1e-7: folded to a quarter wave without a branch (so a
 * loop of it vectorises), then a Taylor series to the 13th power (the next term is below 6e-8
 * at π/2). */
static inline double ph_osc_sin2pi(double p) {
  double x = p + (p < 0.5 ? 0.0 : -1.0);                /* [-1/2, 1/2) */
  double ax = __builtin_fabs(x), rest = 0.5 - ax;       /* sin(π - t) = sin t */
  double q = ax < rest ? ax : rest;
  double t = PH_DSP_TWO_PI * __builtin_copysign(q, x), t2 = t * t;
  return t * (1.0 + t2 * (-1.0 / 6 + t2 * (1.0 / 120 + t2 * (-1.0 / 5040 + t2 * (1.0 / 362880 +
             t2 * (-1.0 / 39916800 + t2 * (1.0 / 6227020800.0)))))));
}

/* A block's phases, a chunk at a time (the recurrence is sequential, what follows need not be). */
#define PH_OSC_CHUNK 256

/* Fills phases[0..n) from *phase, advancing it; a constant step when step is NULL. */
static inline void ph_osc_phases(ph_osc_state *s, const ph_cable *freq, const ph_cable *semi, int from, int n,
                                 double *restrict phases, double *phase, const double *dt_const) {
  double p = *phase;
  if (dt_const) {
    double dt = *dt_const;
    for (int i = 0; i < n; i++) {
      phases[i] = p;
      p = ph_osc_advance(p, dt);
    }
  } else {
    for (int i = 0; i < n; i++) {
      phases[i] = p;
      p = ph_osc_advance(p, ph_osc_step(s, freq, semi, from + i));
    }
  }
  *phase = p;
}

/* Refreshes the cached ratio once per block when the offset is constant. */
static inline void ph_osc_begin_block(ph_osc_state *s, const ph_cable *semi) {
  if (!semi->buf && semi->constant != s->last_semi) {
    s->last_semi = semi->constant;
    s->ratio = exp2(ph_dsp_clamp(semi->constant, -128.0, 128.0) / 12.0);
  }
}

static inline double ph_osc_wrap(double p) { return p - floor(p); }

/* PolyBLEP residual of a unit rising step at phase 0, at phase t with step dt >= 0 (cycles
 * per sample): nonzero within one sample of the step. Add h * this for a step of height h. */
static inline double ph_polyblep(double t, double dt) {
  if (t < dt) {
    double x = t / dt;
    return -(1.0 - x) * (1.0 - x) * 0.5;
  }
  if (t > 1.0 - dt) {
    double x = (t - 1.0) / dt;
    return (1.0 + x) * (1.0 + x) * 0.5;
  }
  return 0.0;
}

/* PolyBLAMP residual of a unit change of slope (per sample) at phase 0, the integral of the
 * PolyBLEP residual: (1 - |x|)^3 / 6 within one sample of the corner. Add k * this. */
static inline double ph_polyblamp(double t, double dt) {
  if (t < dt) {
    double x = 1.0 - t / dt;
    return x * x * x / 6.0;
  }
  if (t > 1.0 - dt) {
    double x = 1.0 + (t - 1.0) / dt;
    return x * x * x / 6.0;
  }
  return 0.0;
}

/* A pulse of width w (0..1): +1 for q < w, -1 after; its two steps band-limited. */
static inline double ph_osc_pulse(double q, double w, double adt) {
  double naive = q < w ? 1.0 : -1.0;
  double fall = q - w; /* in (-1, 1): wrapped as ph_osc_wrap would, without floor */
  fall = fall < 0.0 ? fall + 1.0 : fall;
  return naive + 2.0 * ph_polyblep(q, adt) - 2.0 * ph_polyblep(fall, adt);
}

#endif
