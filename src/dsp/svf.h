/* The state-variable filter shared by svf_lp, svf_hp, svf_bp and svf_notch: Andrew Simper's
 * linear trapezoidal SVF (Cytomic, "Linear Trapezoidal Integrated SVF", 2013), which stays
 * stable and smooth when its frequency is modulated at audio rate:
 *   g = tan(π·f/sr), k = 1/Q = 2·(1 − RES)
 *   v3 = x − ic2;  v1 = a1·ic1 + a2·v3;  v2 = ic2 + a2·ic1 + a3·v3
 *   ic1 = 2·v1 − ic1;  ic2 = 2·v2 − ic2
 *   low = v2, band = k·v1 (0 dB at the centre), high = x − k·v1 − v2, notch = x − k·v1
 * with a1 = 1/(1 + g·(g + k)), a2 = g·a1, a3 = g·a2. */
#ifndef PH_DSP_SVF_H
#define PH_DSP_SVF_H

#include "dsp/unit.h"

typedef enum { PH_SVF_LP, PH_SVF_HP, PH_SVF_BP, PH_SVF_NOTCH } ph_svf_kind;

typedef struct {
  double k, a1, a2, a3;
  double ic1, ic2;
  float last_freq, last_res;
  bool have_coefs;
  double sample_rate, max_freq;
} ph_svf_state;

/* The parameters of every SVF unit: the chain input, FREQ (Hz), RES (0..1). */
#define PH_SVF_PARAMS                                                                             \
  {                                                                                               \
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to filter"},                           \
    {"freq", "Hz", 1000.0f, 1.0f, 1e5f, false, true, "cutoff or centre frequency (below the Nyquist)"}, \
    {"res", "", 0.5f, 0.0f, 0.995f, false, false, "resonance: Q = 1 / (2·(1 − res)); 0.5 is Q 1"},  \
  }

size_t ph_svf_state_size(const ph_dsp_config *cfg);
void ph_svf_init(void *state, const ph_dsp_config *cfg);
void ph_svf_reset(void *state);
void ph_svf_process(ph_svf_state *s, ph_svf_kind kind, const ph_dsp_inputs *in, float *const *out,
                    int frames);

#endif
