/* The phase accumulator the oscillators share (see osc.h). */
#include "dsp/osc.h"

size_t ph_osc_state_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(ph_osc_state);
}

void ph_osc_init(void *state, const ph_dsp_config *cfg) {
  ph_osc_state *s = state;
  s->phase = 0.0;
  s->inv_sr = 1.0 / cfg->sample_rate;
  s->nyquist = 0.5 * cfg->sample_rate;
  s->last_semi = 0.0f;
  s->ratio = 1.0;
}

void ph_osc_reset(void *state) {
  ph_osc_state *s = state;
  s->phase = 0.0;
}
