/* schmidt: a Schmitt trigger. The output turns 1 when IN rises above HI and back to 0 when
 * it falls below LO (hysteresis: between the two it keeps its state). Starts at 0. */
#include "dsp/unit.h"

typedef struct {
  float state;
} schmidt_state;

static size_t schmidt_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(schmidt_state);
}

static void schmidt_reset(void *state) { ((schmidt_state *)state)->state = 0.0f; }

static void schmidt_init(void *state, const ph_dsp_config *cfg) {
  (void)cfg;
  schmidt_reset(state);
}

static void schmidt_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  schmidt_state *s = state;
  const ph_cable *x = &in->params[0], *hi = &in->params[1], *lo = &in->params[2];
  float *y = out[0];
  float on = s->state;
  for (int i = 0; i < frames; i++) {
    float v = ph_cable_at(x, i);
    if (v > ph_cable_at(hi, i)) on = 1.0f;
    else if (v < ph_cable_at(lo, i)) on = 0.0f;
    y[i] = on;
  }
  s->state = on;
}

static const ph_param_def schmidt_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to watch"},
    {"hi", "", 0.5f, -1e9f, 1e9f, false, true, "turns on above this"},
    {"lo", "", -0.5f, -1e9f, 1e9f, false, true, "turns off below this"},
};

const ph_unit_def ph_unit_schmidt = {
    .name = "schmidt",
    .aliases = NULL,
    .doc = "Schmitt trigger: 1 above HI until below LO, else 0",
    .params = schmidt_params,
    .nparams = PH_DSP_NPARAMS(schmidt_params),
    .noutputs = 1,
    .state_size = schmidt_size,
    .init = schmidt_init,
    .process = schmidt_process,
    .reset = schmidt_reset,
};
