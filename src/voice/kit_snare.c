/* sn (808-like) and sd (909-like) snares: two sine tones (the drum's shell modes) whose pitch
 * drops by `bend` in the first ~12 ms, plus noise band-limited between noise_hp and noise_lp
 * (the snares), each with its own exponential decay.
 *   tone(t)  = (sin(2π∫f1) + 0.6·sin(2π∫f2))·e^(−t/tone_decay),  f = f0·(1 + bend·e^(−t/12 ms))
 *   noise(t) = bandpass(white)·e^(−t/noise_decay)
 *   y = (1 − mix)·tone + mix·noise */
#include "voice/kit_internal.h"

typedef struct {
  double f1, f2, tone_decay, noise_decay, mix, noise_hp, noise_lp, bend;
} snare_voice;

static const snare_voice sn_voices[PH_KIT_VARIATIONS] = {
    {238.0, 476.0, 0.10, 0.16, 0.60, 1200.0, 9000.0, 0.0},  /* classic 808 */
    {200.0, 400.0, 0.14, 0.22, 0.45, 900.0, 7000.0, 0.0},   /* low and fat */
    {280.0, 560.0, 0.07, 0.11, 0.60, 2000.0, 12000.0, 0.0}, /* tight and snappy */
    {238.0, 476.0, 0.12, 0.30, 0.70, 1500.0, 10000.0, 0.0}, /* long rattle */
};

static const snare_voice sd_voices[PH_KIT_VARIATIONS] = {
    {185.0, 330.0, 0.09, 0.20, 0.55, 400.0, 6000.0, 0.5}, /* classic 909 */
    {165.0, 300.0, 0.13, 0.28, 0.45, 300.0, 5000.0, 0.6}, /* deep */
    {220.0, 370.0, 0.05, 0.13, 0.70, 700.0, 8000.0, 0.4}, /* short and bright */
    {200.0, 350.0, 0.14, 0.38, 0.65, 500.0, 7000.0, 0.3}, /* noisy tail */
};

static void render_snare(const snare_voice *v, uint32_t rng, float *out, size_t frames, double rate) {
  for (size_t i = 0; i < frames; i++) out[i] = ph_noise_next(&rng);
  ph_kit_filter(out, frames, rate, PH_BIQUAD_HP, v->noise_hp, 0.7071);
  ph_kit_filter(out, frames, rate, PH_BIQUAD_LP, v->noise_lp, 0.7071);
  double p1 = 0.0, p2 = 0.0;
  ph_kit_env bends = ph_kit_env_start(0.012, rate), tones = ph_kit_env_start(v->tone_decay, rate),
             noises = ph_kit_env_start(v->noise_decay, rate);
  for (size_t i = 0; i < frames; i++) {
    double bend = 1.0 + v->bend * ph_kit_env_next(&bends);
    double tone = (ph_kit_sin(p1) + 0.6 * ph_kit_sin(p2)) * ph_kit_env_next(&tones);
    double noise = out[i] * ph_kit_env_next(&noises);
    out[i] = (float)((1.0 - v->mix) * tone + v->mix * 2.0 * noise);
    p1 = ph_kit_advance(p1, v->f1 * bend / rate);
    p2 = ph_kit_advance(p2, v->f2 * bend / rate);
  }
}

static void render_sn(float *out, size_t frames, double rate, int variation) {
  render_snare(&sn_voices[variation], ph_kit_rng(2, variation), out, frames, rate);
}

static void render_sd(float *out, size_t frames, double rate, int variation) {
  render_snare(&sd_voices[variation], ph_kit_rng(3, variation), out, frames, rate);
}

const ph_kit_instrument ph_kit_sn = {"sn", {0.9f, 1.2f, 0.6f, 1.6f}, render_sn};
const ph_kit_instrument ph_kit_sd = {"sd", {1.1f, 1.5f, 0.7f, 2.0f}, render_sd};
