/* bd: an 808/909-style bass drum. A sine whose pitch falls exponentially from f_start to
 * f_end (time constant pitch_tau), under an exponential decay, plus a click of high-passed
 * noise (1.5 ms) at the start; the 909-like variations drive it through tanh.
 *   f(t) = f_end + (f_start − f_end)·e^(−t/pitch_tau)
 *   y(t) = shape(sin(2π∫f) · e^(−t/decay) + click·noise(t)·e^(−t/1.5 ms)) */
#include "voice/kit_internal.h"

typedef struct {
  double f_start, f_end, pitch_tau, decay, click, drive;
} bd_voice;

static const bd_voice voices[PH_KIT_VARIATIONS] = {
    {160.0, 50.0, 0.030, 0.30, 0.25, 1.0}, /* 808: round, medium length */
    {240.0, 55.0, 0.012, 0.16, 0.50, 3.0}, /* 909: punchy, driven, clicky */
    {110.0, 42.0, 0.060, 0.50, 0.10, 1.0}, /* long sub boom */
    {320.0, 68.0, 0.007, 0.08, 0.70, 2.0}, /* short and tight */
};

static void render(float *out, size_t frames, double rate, int variation) {
  const bd_voice *v = &voices[variation];
  uint32_t rng = ph_kit_rng(1, variation);
  size_t click_frames = (size_t)(0.015 * rate);
  if (click_frames > frames) click_frames = frames;
  for (size_t i = 0; i < click_frames; i++)
    out[i] = (float)(v->click * ph_noise_next(&rng) * ph_kit_decay((double)i / rate, 0.0015));
  ph_kit_filter(out, click_frames, rate, PH_BIQUAD_HP, 1500.0, 0.7071);
  double phase = 0.0;
  ph_kit_env pitch = ph_kit_env_start(v->pitch_tau, rate), level = ph_kit_env_start(v->decay, rate);
  for (size_t i = 0; i < frames; i++) {
    double f = v->f_end + (v->f_start - v->f_end) * ph_kit_env_next(&pitch);
    double y = ph_kit_sin(phase) * ph_kit_env_next(&level) + out[i];
    phase += f / rate;
    phase -= floor(phase);
    out[i] = (float)(v->drive > 1.0 ? tanh(v->drive * y) / tanh(v->drive) : y);
  }
}

const ph_kit_instrument ph_kit_bd = {"bd", {1.8f, 1.0f, 3.0f, 0.55f}, render};
