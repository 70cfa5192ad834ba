/* lt, mt, ht: toms. A sine whose pitch bends down from (1 + bend)·f to f in ~50 ms under
 * an exponential decay, with a short band-passed noise stick at the start.
 *   y = sin(2π∫f·(1 + bend·e^(−t/50 ms)))·e^(−t/decay) + 0.3·bp(noise)·e^(−t/8 ms) */
#include "voice/kit_internal.h"

typedef struct {
  double hz, decay, bend;
} tom_voice;

static const tom_voice lt_voices[PH_KIT_VARIATIONS] = {
    {90.0, 0.35, 0.5}, {80.0, 0.50, 0.3}, {105.0, 0.25, 0.8}, {72.0, 0.60, 0.4}};
static const tom_voice mt_voices[PH_KIT_VARIATIONS] = {
    {140.0, 0.30, 0.5}, {125.0, 0.42, 0.3}, {160.0, 0.22, 0.8}, {115.0, 0.50, 0.4}};
static const tom_voice ht_voices[PH_KIT_VARIATIONS] = {
    {210.0, 0.25, 0.5}, {190.0, 0.35, 0.3}, {240.0, 0.18, 0.8}, {175.0, 0.42, 0.4}};

static void render_tom(const tom_voice *v, uint32_t rng, float *out, size_t frames, double rate) {
  size_t stick = (size_t)(0.06 * rate);
  if (stick > frames) stick = frames;
  for (size_t i = 0; i < stick; i++)
    out[i] = (float)(0.3 * ph_noise_next(&rng) * ph_kit_decay((double)i / rate, 0.008));
  ph_kit_filter(out, stick, rate, PH_BIQUAD_BP, 8.0 * v->hz, 1.0);
  double phase = 0.0;
  ph_kit_env level = ph_kit_env_start(v->decay, rate), bend = ph_kit_env_start(0.05, rate);
  for (size_t i = 0; i < frames; i++) {
    out[i] += (float)(ph_kit_sin(phase) * ph_kit_env_next(&level));
    phase = ph_kit_advance(phase, v->hz * (1.0 + v->bend * ph_kit_env_next(&bend)) / rate);
  }
}

static void render_lt(float *out, size_t frames, double rate, int variation) {
  render_tom(&lt_voices[variation], ph_kit_rng(9, variation), out, frames, rate);
}

static void render_mt(float *out, size_t frames, double rate, int variation) {
  render_tom(&mt_voices[variation], ph_kit_rng(10, variation), out, frames, rate);
}

static void render_ht(float *out, size_t frames, double rate, int variation) {
  render_tom(&ht_voices[variation], ph_kit_rng(11, variation), out, frames, rate);
}

const ph_kit_instrument ph_kit_lt = {"lt", {2.0f, 2.8f, 1.5f, 3.4f}, render_lt};
const ph_kit_instrument ph_kit_mt = {"mt", {1.7f, 2.4f, 1.3f, 2.8f}, render_mt};
const ph_kit_instrument ph_kit_ht = {"ht", {1.5f, 2.0f, 1.1f, 2.4f}, render_ht};
