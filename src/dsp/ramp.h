/* The position of a one-shot ramp (xline, curve): 0 at the program's first sample,
 * advancing by 1/(DURATION·sr) per sample (so a modulated duration changes the speed, never
 * jumps), 1 from then on. A duration under one sample is at 1 at once. */
#ifndef PH_DSP_RAMP_H
#define PH_DSP_RAMP_H

#include "dsp/unit.h"

typedef struct {
  double pos, sample_rate;
} ph_ramp;

/* The position for this sample, then advances. */
static inline double ph_ramp_next(ph_ramp *r, float seconds) {
  double n = ph_dsp_clamp(seconds, 0.0, 1e6) * r->sample_rate;
  if (n < 1.0) r->pos = 1.0;
  double p = r->pos;
  r->pos = p + 1.0 / (n < 1.0 ? 1.0 : n);
  if (r->pos > 1.0) r->pos = 1.0;
  return p;
}

size_t ph_ramp_state_size(const ph_dsp_config *cfg);
void ph_ramp_init(void *state, const ph_dsp_config *cfg);
void ph_ramp_reset(void *state);

#define PH_RAMP_PARAMS                                                                         \
  {"start", "", 0.0f, -1e9f, 1e9f, false, true, "the value at the first sample"},              \
      {"end", "", 1.0f, -1e9f, 1e9f, false, true, "the value from DURATION on"},              \
      {"duration", "s", 1.0f, 0.0f, 1e6f, false, false, "seconds from START to END"}

#endif
