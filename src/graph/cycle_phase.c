#include "graph/cycle_phase.h"

typedef struct {
  const ph_clock *clock;
  const int64_t *block_start;
} cycle_phase_state;

static size_t cycle_phase_size(const ph_dsp_config *cfg) { return sizeof(cycle_phase_state); }

static void cycle_phase_init(void *state, const ph_dsp_config *cfg) { *(cycle_phase_state *)state = (cycle_phase_state){0}; }

void ph_cycle_phase_bind(void *state, const ph_clock *clock, const int64_t *block_start) {
  cycle_phase_state *s = state;
  s->clock = clock;
  s->block_start = block_start;
}

/* Exact rationals at each cycle boundary, doubles in between: no drift, no per-sample
 * rational arithmetic. */
static void cycle_phase_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  cycle_phase_state *s = state;
  float *y = out[0];
  if (!s->clock) {
    for (int i = 0; i < frames; i++) y[i] = 0;
    return;
  }
  const ph_clock *c = s->clock;
  int64_t start = *s->block_start;
  ph_rat at = ph_clock_cycle_at(c, start);
  int64_t cycle = ph_rat_floor_int(at);
  double phase = ph_rat_to_double(ph_rat_sub(at, ph_rat_int(cycle)));
  double step = ph_rat_to_double(c->cps) / (double)c->rate;
  int64_t next = ph_clock_sample_of(c, ph_rat_int(cycle + 1)) - start;
  for (int i = 0; i < frames; i++) {
    while (i >= next) {
      cycle++;
      phase = ph_rat_to_double(ph_rat_sub(ph_clock_cycle_at(c, start + i), ph_rat_int(cycle)));
      if (phase < 0) phase = 0; /* the nearest sample may fall just before the boundary */
      next = ph_clock_sample_of(c, ph_rat_int(cycle + 1)) - start;
    }
    float v = (float)phase;
    y[i] = v < 1.0f ? v : 0.99999994f;
    phase += step;
  }
}

const ph_unit_def ph_unit_cycle_phase = {
    .name = "cycle_phase",
    .aliases = NULL,
    .doc = "the position inside the current cycle, 0..1",
    .params = NULL,
    .nparams = 0,
    .noutputs = 1,
    .state_size = cycle_phase_size,
    .init = cycle_phase_init,
    .process = cycle_phase_process,
    .reset = NULL,
    .bound = true,
};
