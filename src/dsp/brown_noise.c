/* brown_noise: white noise through a leaky integrator, b[n] = (b[n−1] + 0.02·w) / 1.02,
 * scaled by 3.5: −6 dB/octave above a few Hz, no DC drift; deterministic per seed. */
#include "dsp/noise.h"
#include "dsp/unit.h"

typedef struct {
  uint32_t seed;
  uint32_t rng;
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
  brown_reset(s);
}

static void brown_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)in;
  brown_state *s = state;
  uint32_t rng = s->rng;
  double b = s->b;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    b = (b + 0.02 * ph_noise_next(&rng)) / 1.02;
    y[i] = (float)ph_dsp_clamp(b * 3.5, -1.0, 1.0);
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
};
