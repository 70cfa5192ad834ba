/* The state and the RES → Q mapping shared by rlpf and rhpf (resonant.h). */
#include "dsp/resonant.h"

#include <math.h>

typedef struct {
  ph_biquad_state bq; /* first: the biquad's functions take the same pointer */
  int max_block;
  float q[]; /* max_block samples */
} resonant_state;

size_t ph_resonant_state_size(const ph_dsp_config *cfg) {
  return sizeof(resonant_state) + sizeof(float) * (size_t)(cfg->max_block > 0 ? cfg->max_block : 1);
}

void ph_resonant_init(void *state, const ph_dsp_config *cfg) {
  resonant_state *s = state;
  ph_biquad_init(&s->bq, cfg);
  s->max_block = cfg->max_block > 0 ? cfg->max_block : 1;
}

void ph_resonant_reset(void *state) { ph_biquad_reset(&((resonant_state *)state)->bq); }

static float q_of(float res) { return (float)(0.70710678 * pow(30.0, ph_dsp_clamp(res, 0.0, 1.0))); }

void ph_resonant_process(void *state, ph_biquad_kind kind, const ph_dsp_inputs *in, float *const *out, int frames) {
  resonant_state *s = state;
  const ph_cable *res = &in->params[2];
  ph_cable cables[3] = {in->params[0], in->params[1], {NULL, q_of(res->constant)}};
  if (res->buf) {
    for (int i = 0; i < frames && i < s->max_block; i++) s->q[i] = q_of(res->buf[i]);
    cables[2].buf = s->q;
  }
  ph_dsp_inputs mapped = {cables, 3};
  ph_biquad_process(&s->bq, kind, &mapped, out, frames);
}
