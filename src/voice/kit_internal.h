/* What the kit's instrument files share: their table entry and a few rendering helpers.
 * Only kit*.c include this. */
#ifndef PH_VOICE_KIT_INTERNAL_H
#define PH_VOICE_KIT_INTERNAL_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "dsp/biquad.h"
#include "dsp/osc.h"
#include "dsp/noise.h"
#include "voice/kit.h"

typedef struct {
  const char *name;
  float seconds[PH_KIT_VARIATIONS]; /* length of each variation */
  /* Fills out (frames samples, zeroed) with the raw sound; ph_kit_finish levels it later. */
  void (*render)(float *out, size_t frames, double rate, int variation);
} ph_kit_instrument;

extern const ph_kit_instrument ph_kit_bd, ph_kit_sn, ph_kit_sd, ph_kit_hh, ph_kit_oh, ph_kit_cr, ph_kit_cp,
    ph_kit_rim, ph_kit_cb, ph_kit_lt, ph_kit_mt, ph_kit_ht;

/* The RBJ biquad of dsp/biquad.h run over a whole buffer, in place. */
void ph_kit_filter(float *buf, size_t frames, double rate, ph_biquad_kind kind, double cutoff, double q);
/* Removes DC (20 Hz high-pass), fades the last 30 ms to exactly 0 and sets the peak to -3 dBFS. */
void ph_kit_finish(float *buf, size_t frames, double rate);

/* Up to 6 band-limited square waves (dsp/osc.h's PolyBLEP pulse), summed: the metallic
 * sources of 808 cymbals, hats and cowbell. */
#define PH_KIT_MAX_SQUARES 6
typedef struct {
  double phase[PH_KIT_MAX_SQUARES], step[PH_KIT_MAX_SQUARES];
  int n;
} ph_kit_squares;

void ph_kit_squares_init(ph_kit_squares *s, const double *hz, int n, double ratio, double rate);
double ph_kit_squares_next(ph_kit_squares *s);

/* exp(-t / tau); 0 past 40 time constants (below 5e-18, beneath a float sample's resolution
 * of anything it is added to or multiplies). */
static inline double ph_kit_decay(double t, double tau) { return t > 40.0 * tau ? 0.0 : exp(-t / tau); }

/* exp(-t / tau) at t = 0, 1/rate, 2/rate ...: one multiplication a sample (relative drift
 * below 1e-11 over a sample's length), 0 once below 5e-18 as ph_kit_decay. */
typedef struct {
  double value, ratio;
} ph_kit_env;
static inline ph_kit_env ph_kit_env_start(double tau, double rate) { return (ph_kit_env){1.0, exp(-1.0 / (tau * rate))}; }
static inline double ph_kit_env_next(ph_kit_env *e) {
  double v = e->value;
  e->value = v * e->ratio < 5e-18 ? 0.0 : v * e->ratio;
  return v;
}

/* sin(2π·p) for a phase p in [0, 1), to within 1e-7 (dsp/osc.h's). */
static inline double ph_kit_sin(double p) { return ph_osc_sin2pi(p); }

/* A phase advanced by dt (0 <= dt < 1), back into [0, 1): fmod's value, without its cost. */
static inline double ph_kit_advance(double p, double dt) {
  p += dt;
  return p >= 1.0 ? p - 1.0 : p;
}

/* A fixed seed per instrument and variation. */
static inline uint32_t ph_kit_rng(uint32_t instrument, int variation) {
  return ph_noise_seed(instrument * 16u + (uint32_t)variation);
}

#endif
