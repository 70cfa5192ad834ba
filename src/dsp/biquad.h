/* The RBJ biquad shared by lpf, hpf, bpf and notch (Robert Bristow-Johnson, "Cookbook
 * formulae for audio EQ biquad filter coefficients"), run in direct form I in double:
 *   y[n] = (b0·x[n] + b1·x[n−1] + b2·x[n−2] − a2·y[n−2]) − a1·y[n−1]
 * The state is the last two inputs and outputs, so a coefficient changed between samples
 * applies cleanly, and from one output to the next is one multiply and one subtraction (in
 * transposed direct form II it was four operations).
 * Coefficients are recomputed only when CUTOFF or Q differ from the last sample's. */
#ifndef PH_DSP_BIQUAD_H
#define PH_DSP_BIQUAD_H

#include "dsp/unit.h"

typedef enum { PH_BIQUAD_LP, PH_BIQUAD_HP, PH_BIQUAD_BP, PH_BIQUAD_NOTCH } ph_biquad_kind;

/* The last two inputs and outputs. */
typedef struct {
  double x1, x2, y1, y2;
} ph_biquad_history;

typedef struct {
  double b0, b1, b2, a1, a2; /* normalised by a0 */
  ph_biquad_history h;
  float last_cutoff, last_q; /* the values the coefficients were computed for */
  bool have_coefs;
  double sample_rate, max_cutoff;
} ph_biquad_state;

/* The parameters of every biquad unit: the chain input, CUTOFF (Hz), Q. */
#define PH_BIQUAD_PARAMS(cutoff_doc)                                                        \
  {                                                                                         \
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to filter"},                     \
    {"cutoff", "Hz", 1000.0f, 1.0f, 1e5f, false, true, cutoff_doc " (below the Nyquist)"},  \
    {"q", "", 1.0f, 0.01f, 1000.0f, false, false, "resonance; 0.7071 is maximally flat"},   \
  }

size_t ph_biquad_state_size(const ph_dsp_config *cfg);
void ph_biquad_init(void *state, const ph_dsp_config *cfg);
void ph_biquad_reset(void *state);
void ph_biquad_process(ph_biquad_state *s, ph_biquad_kind kind, const ph_dsp_inputs *in,
                       float *const *out, int frames);

#endif
