/* What the kit's instrument files share: their table entry and a few rendering helpers.
 * Only kit*.c include this. */
#ifndef PH_VOICE_KIT_INTERNAL_H
#define PH_VOICE_KIT_INTERNAL_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "dsp/biquad.h"
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

/* exp(-t / tau) */
static inline double ph_kit_decay(double t, double tau) { return exp(-t / tau); }

/* A fixed seed per instrument and variation. */
static inline uint32_t ph_kit_rng(uint32_t instrument, int variation) {
  return ph_noise_seed(instrument * 16u + (uint32_t)variation);
}

#endif
