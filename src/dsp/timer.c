/* timer: the seconds since the input last rose above 0.5 (`~kick # timer`), counted from the
 * program's start until the first rise. */
#include "dsp/unit.h"

typedef struct {
  double seconds, sample_rate;
  float prev;
} timer_state;

static size_t timer_size(const ph_dsp_config *cfg) { return sizeof(timer_state); }

static void timer_reset(void *state) {
  timer_state *s = state;
  s->seconds = 0.0;
  s->prev = 0.0f;
}

static void timer_init(void *state, const ph_dsp_config *cfg) {
  timer_state *s = state;
  s->sample_rate = cfg->sample_rate;
  timer_reset(s);
}

static void timer_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  timer_state *s = state;
  const ph_cable *x = &in->params[0];
  double dt = 1.0 / s->sample_rate;
  for (int i = 0; i < frames; i++) {
    float v = ph_cable_at(x, i);
    if (v > 0.5f && !(s->prev > 0.5f)) s->seconds = 0.0;
    s->prev = v;
    out[0][i] = (float)s->seconds;
    if (s->seconds < 1e9) s->seconds += dt;
  }
}

static const ph_param_def timer_params[] = {
    {"trig", "trigger", 0.0f, -1e9f, 1e9f, true, true, "restarts the count on each rising edge"},
};

const ph_unit_def ph_unit_timer = {
    .name = "timer",
    .aliases = NULL,
    .doc = "seconds since the input last triggered",
    .params = timer_params,
    .nparams = PH_DSP_NPARAMS(timer_params),
    .noutputs = 1,
    .state_size = timer_size,
    .init = timer_init,
    .process = timer_process,
    .reset = timer_reset,
};
