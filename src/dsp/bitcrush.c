/* bitcrush: fewer bits and a lower sample rate. Each held sample is x rounded to a step of
 * 2^(1 − BITS) (BITS 1..24, fractional allowed), and a new sample is taken only every
 * RATE_FACTOR samples (>= 1, fractional allowed: a phase counts held samples). */
#include <math.h>

#include "dsp/unit.h"

typedef struct {
  double count; /* samples since the held value was taken, in RATE_FACTOR units */
  float held;
} bitcrush_state;

static size_t bitcrush_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(bitcrush_state);
}

static void bitcrush_reset(void *state) {
  bitcrush_state *s = state;
  s->count = 1.0; /* take the first sample at once */
  s->held = 0.0f;
}

static void bitcrush_init(void *state, const ph_dsp_config *cfg) {
  (void)cfg;
  bitcrush_reset(state);
}

static void bitcrush_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  bitcrush_state *s = state;
  const ph_cable *x = &in->params[0], *bits = &in->params[1], *rate = &in->params[2];
  float *y = out[0];
  double count = s->count;
  float held = s->held;
  float last_bits = NAN, step = 1.0f, inv_step = 1.0f;
  for (int i = 0; i < frames; i++) {
    float b = ph_cable_at(bits, i);
    if (b != last_bits) {
      last_bits = b;
      step = exp2f(1.0f - ph_dsp_clampf(b, 1.0f, 24.0f));
      inv_step = 1.0f / step;
    }
    if (count >= 1.0 - 1e-9) {
      float xi = ph_dsp_clampf(ph_cable_at(x, i), -1e6f, 1e6f);
      held = roundf(xi * inv_step) * step;
      count = fmax(count - 1.0, 0.0);
    }
    y[i] = held;
    count += 1.0 / ph_dsp_clamp(ph_cable_at(rate, i), 1.0, 1e6);
  }
  s->count = count;
  s->held = held;
}

static const ph_param_def bitcrush_params[] = {
    {"in", "", 0.0f, -1e6f, 1e6f, true, false, "the signal to crush"},
    {"bits", "", 8.0f, 1.0f, 24.0f, false, true, "bits of resolution (a step of 2^(1 - bits))"},
    {"rate", "", 1.0f, 1.0f, 1e6f, false, true, "hold each taken sample this many samples"},
};

const ph_unit_def ph_unit_bitcrush = {
    .name = "bitcrush",
    .aliases = NULL,
    .doc = "bit depth and sample-rate reduction",
    .params = bitcrush_params,
    .nparams = PH_DSP_NPARAMS(bitcrush_params),
    .noutputs = 1,
    .state_size = bitcrush_size,
    .init = bitcrush_init,
    .process = bitcrush_process,
    .reset = bitcrush_reset,
};
