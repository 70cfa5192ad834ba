/* white_noise (noise): independent uniform samples in [-1, 1), RMS 1/√3; deterministic
 * per seed. */
#include "dsp/noise.h"
#include "dsp/unit.h"

typedef struct {
  uint32_t seed;
  uint32_t rng;
} white_state;

static size_t white_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(white_state);
}

static void white_reset(void *state) {
  white_state *s = state;
  s->rng = ph_noise_seed(s->seed);
}

static void white_init(void *state, const ph_dsp_config *cfg) {
  white_state *s = state;
  s->seed = cfg->seed;
  white_reset(s);
}

static void white_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)in;
  white_state *s = state;
  uint32_t rng = s->rng;
  float *y = out[0];
  for (int i = 0; i < frames; i++) y[i] = ph_noise_next(&rng);
  s->rng = rng;
}

const ph_unit_def ph_unit_white_noise = {
    .name = "white_noise",
    .aliases = "noise",
    .doc = "white noise, uniform in -1..1",
    .params = NULL,
    .nparams = 0,
    .noutputs = 1,
    .state_size = white_size,
    .init = white_init,
    .process = white_process,
    .reset = white_reset,
    .max_out = ph_dsp_max_out_oscillator,
};
