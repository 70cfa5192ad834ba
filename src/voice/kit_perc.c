/* rim and cb.
 * rim: an 808-style rim shot: two sines (455 and 1667 Hz on the 808) with a very short
 *   decay, a noise tick, overdriven by tanh and high-passed at 400 Hz.
 *     y = hp(tanh(3·((sin f1 + sin f2)·e^(−t/decay) + tick·noise·e^(−t/1 ms))))
 * cb: an 808-style cowbell: two square waves (540 and 800 Hz × pitch), band-passed around
 *   their mean, under a fast-then-slow decay.
 *     y = bp(squares) · (0.6·e^(−t/15 ms) + 0.4·e^(−t/decay)) */
#include "voice/kit_internal.h"

typedef struct {
  double f1, f2, decay, tick;
} rim_voice;

static const rim_voice rim_voices[PH_KIT_VARIATIONS] = {
    {455.0, 1667.0, 0.012, 0.3}, /* 808 */
    {500.0, 1900.0, 0.008, 0.5}, /* thinner, harder */
    {400.0, 1400.0, 0.014, 0.2}, /* woody */
    {600.0, 2300.0, 0.005, 0.6}, /* a click */
};

static void render_rim(float *out, size_t frames, double rate, int variation) {
  const rim_voice *v = &rim_voices[variation];
  uint32_t rng = ph_kit_rng(8, variation);
  for (size_t i = 0; i < frames; i++) {
    double t = (double)i / rate;
    double tone = sin(PH_DSP_TWO_PI * v->f1 * t) + sin(PH_DSP_TWO_PI * v->f2 * t);
    tone *= ph_kit_decay(t, v->decay);
    double tick = v->tick * ph_noise_next(&rng) * ph_kit_decay(t, 0.001);
    out[i] = (float)tanh(3.0 * (tone + tick));
  }
  ph_kit_filter(out, frames, rate, PH_BIQUAD_HP, 400.0, 0.7071);
}

typedef struct {
  double pitch, decay;
} cb_voice;

static const cb_voice cb_voices[PH_KIT_VARIATIONS] = {
    {1.00, 0.25}, /* 808 */
    {1.12, 0.15}, /* higher, shorter */
    {0.90, 0.40}, /* lower, ringing */
    {1.04, 0.08}, /* choked */
};

static void render_cb(float *out, size_t frames, double rate, int variation) {
  static const double hz[2] = {540.0, 800.0};
  const cb_voice *v = &cb_voices[variation];
  ph_kit_squares sq;
  ph_kit_squares_init(&sq, hz, 2, v->pitch, rate);
  for (size_t i = 0; i < frames; i++) out[i] = (float)ph_kit_squares_next(&sq);
  ph_kit_filter(out, frames, rate, PH_BIQUAD_BP, 670.0 * v->pitch, 1.2);
  ph_kit_env strike = ph_kit_env_start(0.015, rate), ring = ph_kit_env_start(v->decay, rate);
  for (size_t i = 0; i < frames; i++) {
    double s = ph_kit_env_next(&strike);
    out[i] *= (float)(0.6 * s + 0.4 * ph_kit_env_next(&ring));
  }
}

const ph_kit_instrument ph_kit_rim = {"rim", {0.15f, 0.12f, 0.2f, 0.1f}, render_rim};
const ph_kit_instrument ph_kit_cb = {"cb", {1.5f, 1.0f, 2.4f, 0.6f}, render_cb};
