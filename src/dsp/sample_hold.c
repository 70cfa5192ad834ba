/* sample_hold (latch): IN is sampled when TRIG rises through 0 (from <= 0 to > 0) and
 * held until the next rise. A TRIG already positive at the first sample counts as a rise.
 * Starts holding 0. */
#include "dsp/unit.h"

typedef struct {
  float held, last_trig;
} sample_hold_state;

static size_t sample_hold_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(sample_hold_state);
}

static void sample_hold_reset(void *state) {
  sample_hold_state *s = state;
  s->held = 0.0f;
  s->last_trig = 0.0f;
}

static void sample_hold_init(void *state, const ph_dsp_config *cfg) {
  (void)cfg;
  sample_hold_reset(state);
}

static void sample_hold_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  sample_hold_state *s = state;
  const ph_cable *x = &in->params[0], *trig = &in->params[1];
  float *y = out[0];
  float held = s->held, last = s->last_trig;
  for (int i = 0; i < frames; i++) {
    float t = ph_cable_at(trig, i);
    if (t > 0.0f && !(last > 0.0f)) held = ph_dsp_signal(ph_cable_at(x, i));
    last = t;
    y[i] = held;
  }
  s->held = held;
  s->last_trig = last;
}

static const ph_param_def sample_hold_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, true, "the signal to sample"},
    {"trig", "", 0.0f, -1e9f, 1e9f, false, true, "samples IN when it rises above 0"},
};

const ph_unit_def ph_unit_sample_hold = {
    .name = "sample_hold",
    .aliases = "latch",
    .doc = "sample and hold on a trigger's rising edge",
    .params = sample_hold_params,
    .nparams = PH_DSP_NPARAMS(sample_hold_params),
    .noutputs = 1,
    .state_size = sample_hold_size,
    .init = sample_hold_init,
    .process = sample_hold_process,
    .reset = sample_hold_reset,
};
