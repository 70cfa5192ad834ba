/* white_noise (noise): independent uniform samples in [-1, 1), RMS 1/√3; deterministic
 * per seed. Sample k is a hash of k·step + key, both drawn from the seed (an odd step: each
 * seed walks the counts its own way), so a block's samples are computed side by side. */
#include "core/hash.h"
#include "core/vectorise.h"
#include "dsp/noise.h"
#include "dsp/unit.h"

typedef struct {
  uint32_t seed;
  uint32_t key, step, count;
} white_state;

static size_t white_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(white_state);
}

static void white_reset(void *state) {
  white_state *s = state;
  s->key = ph_noise_seed(s->seed);
  s->step = ph_hash32(s->key) | 1u;
  s->count = 0;
}

static void white_init(void *state, const ph_dsp_config *cfg) {
  white_state *s = state;
  s->seed = cfg->seed;
  white_reset(s);
}

PH_VECTORISED
static void white_run(float *restrict y, int n, uint32_t key, uint32_t step, uint32_t count) {
  for (int i = 0; i < n; i++)
    y[i] = (float)(int32_t)ph_hash32((count + (uint32_t)i) * step + key) * (1.0f / 2147483648.0f);
}

static void white_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)in;
  white_state *s = state;
  white_run(out[0], frames, s->key, s->step, s->count);
  s->count += (uint32_t)frames;
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
    .seeded = true,
    .max_out = ph_dsp_max_out_oscillator,
};
