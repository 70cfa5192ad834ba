/* The state of line, xline and curve (ramp.h). */
#include "dsp/ramp.h"

size_t ph_ramp_state_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(ph_ramp);
}

void ph_ramp_init(void *state, const ph_dsp_config *cfg) { *(ph_ramp *)state = (ph_ramp){0.0, cfg->sample_rate}; }

void ph_ramp_reset(void *state) { ((ph_ramp *)state)->pos = 0.0; }
