/* cp: an 808-style hand clap. Noise band-passed around `band` (and tamed above 4·band) under
 * an envelope of `bursts` sharp attacks `spacing` apart, each dying in `burst_tau` (several
 * hands), the last one ringing on with the tail decay (the room). With t_k = k·spacing:
 *   env(t) = Σ_{k<n−1} [t ≥ t_k]·e^(−(t−t_k)/burst_tau)
 *          + [t ≥ t_{n−1}]·e^(−(t−t_{n−1})/tail) */
#include "voice/kit_internal.h"

typedef struct {
  int bursts;
  double spacing, burst_tau, tail, band;
} clap_voice;

static const clap_voice voices[PH_KIT_VARIATIONS] = {
    {4, 0.010, 0.0040, 0.12, 1100.0}, /* classic 808 */
    {3, 0.014, 0.0050, 0.18, 900.0},  /* fewer hands, darker */
    {5, 0.007, 0.0030, 0.07, 1400.0}, /* tight crowd */
    {4, 0.011, 0.0040, 0.30, 1000.0}, /* long room */
};

static double envelope(const clap_voice *v, double t) {
  double env = 0.0;
  for (int k = 0; k < v->bursts; k++) {
    double start = k * v->spacing;
    if (t < start) break;
    env += ph_kit_decay(t - start, k == v->bursts - 1 ? v->tail : v->burst_tau);
  }
  return env;
}

static void render(float *out, size_t frames, double rate, int variation) {
  const clap_voice *v = &voices[variation];
  uint32_t rng = ph_kit_rng(7, variation);
  for (size_t i = 0; i < frames; i++) out[i] = ph_noise_next(&rng);
  ph_kit_filter(out, frames, rate, PH_BIQUAD_BP, v->band, 1.5);
  ph_kit_filter(out, frames, rate, PH_BIQUAD_HP, 0.6 * v->band, 0.7071);
  ph_kit_filter(out, frames, rate, PH_BIQUAD_LP, 4.0 * v->band, 0.7071);
  for (size_t i = 0; i < frames; i++) out[i] *= (float)envelope(v, (double)i / rate);
}

const ph_kit_instrument ph_kit_cp = {"cp", {0.75f, 1.1f, 0.5f, 1.8f}, render};
