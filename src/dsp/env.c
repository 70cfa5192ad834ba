/* The state of every envelope unit is one ph_env (env.h). */
#include "dsp/env.h"

size_t ph_env_state_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(ph_env);
}

void ph_env_unit_init(void *state, const ph_dsp_config *cfg) { ph_env_init(state, cfg->sample_rate); }

void ph_env_unit_reset(void *state) {
  ph_env *e = state;
  ph_env_init(e, e->sample_rate);
}

void ph_env_cycle_unit_init(void *state, const ph_dsp_config *cfg) {
  ph_env_unit_init(state, cfg);
  ((ph_env *)state)->prev = 2.0f;
}

void ph_env_cycle_unit_reset(void *state) {
  ph_env_unit_reset(state);
  ((ph_env *)state)->prev = 2.0f;
}
