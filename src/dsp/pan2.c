/* pan2: a mono signal placed in the stereo field with equal power:
 *   L = x·cos θ,  R = x·sin θ,  θ = (POS + 1)·π/4
 * POS −1 is hard left, 0 the centre (both −3 dB), 1 hard right; L² + R² = x² everywhere. */
#include <math.h>

#include "core/vectorise.h"
#include "dsp/unit.h"

typedef struct {
  float last_pos;
  float left, right; /* gains for last_pos */
} pan2_state;

static size_t pan2_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(pan2_state);
}

static void set_pos(pan2_state *s, float pos) {
  s->last_pos = pos;
  double theta = (ph_dsp_clamp(pos, -1.0, 1.0) + 1.0) * PH_DSP_TWO_PI / 8.0;
  s->left = (float)cos(theta);
  s->right = (float)sin(theta);
  if (pos <= -1.0f) s->right = 0.0f; /* exact silence on the far side */
  if (pos >= 1.0f) s->left = 0.0f;
}

static void pan2_init(void *state, const ph_dsp_config *cfg) {
  (void)cfg;
  set_pos(state, 0.0f);
}

PH_VECTORISED
static void place(const float *restrict x, float left, float right, float *restrict l, float *restrict r, int n) {
  for (int i = 0; i < n; i++) {
    float xi = ph_dsp_clampf(x[i], -1e9f, 1e9f);
    l[i] = xi * left;
    r[i] = xi * right;
  }
}

static void pan2_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  pan2_state *s = state;
  const ph_cable *x = &in->params[0], *pos = &in->params[1];
  float *l = out[0], *r = out[1];
  if (!pos->buf && x->buf && frames > 0) { /* a place for the block: the gains once */
    if (pos->constant != s->last_pos) set_pos(s, pos->constant);
    place(x->buf, s->left, s->right, l, r, frames);
    return;
  }
  for (int i = 0; i < frames; i++) {
    float p = ph_cable_at(pos, i);
    if (p != s->last_pos) set_pos(s, p);
    float xi = ph_dsp_clampf(ph_cable_at(x, i), -1e9f, 1e9f);
    l[i] = xi * s->left;
    r[i] = xi * s->right;
  }
}

static const ph_param_def pan2_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the mono signal"},
    {"pos", "", 0.0f, -1.0f, 1.0f, false, true, "-1 left, 0 centre, 1 right"},
};

/* The input (clamped to ±1e9) times gains of at most 1. */
static float pan2_max_out(const float *in_max) { return fminf(in_max[0], 1e9f) * 1.0001f; }

const ph_unit_def ph_unit_pan2 = {
    .name = "pan2",
    .aliases = NULL,
    .doc = "equal-power panning of a mono signal to stereo",
    .params = pan2_params,
    .nparams = PH_DSP_NPARAMS(pan2_params),
    .noutputs = 2,
    .state_size = pan2_size,
    .init = pan2_init,
    .process = pan2_process,
    .reset = NULL,
    .max_out = pan2_max_out,
};
