/* pink_noise (pink): white noise through Paul Kellet's "refined" sum of seven one-pole
 * filters (music-dsp archive, 1999), flat to within ±0.05 dB of −3 dB/octave above 9 Hz.
 * Equal power in every octave; scaled to an RMS of about 0.2 (peaks stay within ±1). */
#include "dsp/noise.h"
#include "dsp/unit.h"

typedef struct {
  uint32_t seed;
  uint32_t rng;
  double b[7];
} pink_state;

static size_t pink_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(pink_state);
}

static void pink_reset(void *state) {
  pink_state *s = state;
  s->rng = ph_noise_seed(s->seed);
  for (int k = 0; k < 7; k++) s->b[k] = 0.0;
}

static void pink_init(void *state, const ph_dsp_config *cfg) {
  pink_state *s = state;
  s->seed = cfg->seed;
  pink_reset(s);
}

static void pink_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)in;
  pink_state *s = state;
  uint32_t rng = s->rng;
  double b0 = s->b[0], b1 = s->b[1], b2 = s->b[2], b3 = s->b[3], b4 = s->b[4], b5 = s->b[5],
         b6 = s->b[6];
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    double w = ph_noise_next(&rng);
    b0 = 0.99886 * b0 + w * 0.0555179;
    b1 = 0.99332 * b1 + w * 0.0750759;
    b2 = 0.96900 * b2 + w * 0.1538520;
    b3 = 0.86650 * b3 + w * 0.3104856;
    b4 = 0.55000 * b4 + w * 0.5329522;
    b5 = -0.7616 * b5 - w * 0.0168980;
    double p = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
    b6 = w * 0.115926;
    y[i] = (float)ph_dsp_clamp(p * 0.11, -1.0, 1.0);
  }
  s->rng = rng;
  s->b[0] = ph_dsp_flush(b0);
  s->b[1] = ph_dsp_flush(b1);
  s->b[2] = ph_dsp_flush(b2);
  s->b[3] = ph_dsp_flush(b3);
  s->b[4] = ph_dsp_flush(b4);
  s->b[5] = ph_dsp_flush(b5);
  s->b[6] = ph_dsp_flush(b6);
}

const ph_unit_def ph_unit_pink_noise = {
    .name = "pink_noise",
    .aliases = "pink",
    .doc = "pink noise (-3 dB/octave), deterministic per seed",
    .params = NULL,
    .nparams = 0,
    .noutputs = 1,
    .state_size = pink_size,
    .init = pink_init,
    .process = pink_process,
    .reset = pink_reset,
    .seeded = true,
};
