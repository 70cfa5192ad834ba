/* brown_noise: white noise through a leaky integrator, b[n] = leak·b[n−1] + gain·w[n], with
 * the leak's corner at 5 Hz (so −6 dB/octave above it and no DC drift) and the gain setting
 * an RMS of about 0.25; clamped to ±1 (four standard deviations). Deterministic per seed. */
#include <math.h>

#include "dsp/noise.h"
#include "dsp/unit.h"

typedef struct {
  uint32_t seed;
  uint32_t rng;
  double leak, gain;
  double b;
} brown_state;

static size_t brown_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(brown_state);
}

static void brown_reset(void *state) {
  brown_state *s = state;
  s->rng = ph_noise_seed(s->seed);
  s->b = 0.0;
}

static void brown_init(void *state, const ph_dsp_config *cfg) {
  brown_state *s = state;
  s->seed = cfg->seed;
  s->leak = exp(-PH_DSP_TWO_PI * 5.0 / cfg->sample_rate);
  /* white noise has RMS 1/√3; the integrator multiplies it by gain / √(1 − leak²) */
  s->gain = 0.25 * sqrt(3.0 * (1.0 - s->leak * s->leak));
  brown_reset(s);
}

static void brown_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)in;
  brown_state *s = state;
  uint32_t rng = s->rng;
  double b = s->b, leak = s->leak, gain = s->gain;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    b = leak * b + gain * ph_noise_next(&rng);
    y[i] = (float)ph_dsp_clamp(b, -1.0, 1.0);
  }
  s->rng = rng;
  s->b = ph_dsp_flush(b);
}

const ph_unit_def ph_unit_brown_noise = {
    .name = "brown_noise",
    .aliases = NULL,
    .doc = "brown (red) noise (-6 dB/octave), deterministic per seed",
    .params = NULL,
    .nparams = 0,
    .noutputs = 1,
    .state_size = brown_size,
    .init = brown_init,
    .process = brown_process,
    .reset = brown_reset,
    .seeded = true,
};
