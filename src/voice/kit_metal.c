/* hh, oh and cr: 808-style metal. Six square waves at the 808's inharmonic cymbal
 * frequencies (× pitch), mixed with white noise, band-passed around `band` and high-passed
 * twice at `hp` (24 dB/octave), under an exponential decay. The crash adds a fast bright
 * burst on top of its long tail.
 *   y = hp(hp(bp((1 − noise)·squares + noise·white))) · (burst·e^(−t/40 ms) + e^(−t/decay)) */
#include "voice/kit_internal.h"

typedef struct {
  double pitch, decay, noise, band, hp, burst;
} metal_voice;

static const double cymbal_hz[6] = {205.3, 304.4, 369.6, 522.7, 540.0, 800.0};

static const metal_voice hh_voices[PH_KIT_VARIATIONS] = {
    {1.00, 0.045, 0.30, 10000.0, 7000.0, 0.0}, /* closed 808 */
    {1.25, 0.070, 0.20, 11000.0, 8000.0, 0.0}, /* brighter, a little longer */
    {0.85, 0.028, 0.50, 9000.0, 6500.0, 0.0},  /* very short tick */
    {1.10, 0.090, 0.35, 12000.0, 7500.0, 0.0}, /* loose */
};

static const metal_voice oh_voices[PH_KIT_VARIATIONS] = {
    {1.00, 0.35, 0.30, 10000.0, 7000.0, 0.0},
    {1.20, 0.50, 0.25, 11000.0, 7500.0, 0.0},
    {0.90, 0.25, 0.45, 9000.0, 6000.0, 0.0},
    {1.05, 0.70, 0.30, 12000.0, 8000.0, 0.0},
};

static const metal_voice cr_voices[PH_KIT_VARIATIONS] = {
    {1.50, 0.90, 0.60, 8000.0, 4500.0, 1.0},
    {1.80, 1.20, 0.50, 9000.0, 5000.0, 0.7},
    {1.30, 0.70, 0.70, 7000.0, 4000.0, 1.5},
    {2.00, 1.50, 0.55, 10000.0, 5500.0, 0.5},
};

static void render_metal(const metal_voice *v, uint32_t rng, float *out, size_t frames, double rate) {
  ph_kit_squares sq;
  ph_kit_squares_init(&sq, cymbal_hz, 6, v->pitch, rate);
  for (size_t i = 0; i < frames; i++)
    out[i] = (float)((1.0 - v->noise) * ph_kit_squares_next(&sq) + v->noise * ph_noise_next(&rng));
  ph_kit_filter(out, frames, rate, PH_BIQUAD_BP, v->band, 0.9);
  ph_kit_filter(out, frames, rate, PH_BIQUAD_HP, v->hp, 0.7071);
  ph_kit_filter(out, frames, rate, PH_BIQUAD_HP, v->hp, 0.7071);
  ph_kit_env burst = ph_kit_env_start(0.04, rate), tail = ph_kit_env_start(v->decay, rate);
  for (size_t i = 0; i < frames; i++) {
    double b = ph_kit_env_next(&burst);
    out[i] *= (float)(v->burst * b + ph_kit_env_next(&tail));
  }
}

static void render_hh(float *out, size_t frames, double rate, int variation) {
  render_metal(&hh_voices[variation], ph_kit_rng(4, variation), out, frames, rate);
}

static void render_oh(float *out, size_t frames, double rate, int variation) {
  render_metal(&oh_voices[variation], ph_kit_rng(5, variation), out, frames, rate);
}

static void render_cr(float *out, size_t frames, double rate, int variation) {
  render_metal(&cr_voices[variation], ph_kit_rng(6, variation), out, frames, rate);
}

const ph_kit_instrument ph_kit_hh = {"hh", {0.30f, 0.45f, 0.20f, 0.60f}, render_hh};
const ph_kit_instrument ph_kit_oh = {"oh", {1.9f, 2.7f, 1.4f, 3.8f}, render_oh};
const ph_kit_instrument ph_kit_cr = {"cr", {5.0f, 6.5f, 4.0f, 8.0f}, render_cr};
