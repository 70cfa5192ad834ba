/* The memory phases of units that keep no state (math, mixing, waveshaping). */
#include "dsp/unit.h"

float ph_dsp_max_out_oscillator(const float *in_max) {
  (void)in_max;
  return 2.0f;
}

size_t ph_dsp_stateless_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return 0;
}

void ph_dsp_stateless_init(void *state, const ph_dsp_config *cfg) {
  (void)state;
  (void)cfg;
}
