/* rlpf and rhpf: the RBJ biquad (biquad.h) with resonance RES in 0..1 instead of a Q:
 *   Q = 0.7071 · 30^RES
 * RES 0 is maximally flat (Q 0.707, no peak), 0.5 a peak of about +12 dB (Q 3.9), 1 a
 * ringing +27 dB (Q 21). The mapped Q goes to the biquad as a cable: a buffer when RES is one
 * (kept in the state's tail, max_block samples), else a constant. */
#ifndef PH_DSP_RESONANT_H
#define PH_DSP_RESONANT_H

#include "dsp/biquad.h"

size_t ph_resonant_state_size(const ph_dsp_config *cfg);
void ph_resonant_init(void *state, const ph_dsp_config *cfg);
void ph_resonant_reset(void *state);
void ph_resonant_process(void *state, ph_biquad_kind kind, const ph_dsp_inputs *in, float *const *out, int frames);

#define PH_RESONANT_PARAMS(cutoff_doc)                                                      \
  {                                                                                         \
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to filter"},                     \
    {"cutoff", "Hz", 1000.0f, 1.0f, 1e5f, false, true, cutoff_doc " (below the Nyquist)"},  \
    {"res", "", 0.5f, 0.0f, 1.0f, false, false, "resonance 0..1: Q = 0.7071·30^res"},       \
  }

#endif
