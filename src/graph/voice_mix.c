#include "graph/voice_mix.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "core/vectorise.h"

typedef struct {
  const ph_gate *sounding;
  int voices;
  bool stereo;
} voice_mix;

#define COPY(k) {"v" #k "l", "", 0, -INFINITY, INFINITY, false, false, "copy " #k ", left"}, \
                {"v" #k "r", "", 0, -INFINITY, INFINITY, false, false, "copy " #k ", right"}

static const ph_param_def mix_params[2 + 2 * PH_VOICE_MIX_MAX] = {
    {"in", "", 0, -INFINITY, INFINITY, true, false, "what the voices are added to, left"},
    {"in_right", "", 0, -INFINITY, INFINITY, false, false, "what the voices are added to, right"},
    COPY(0), COPY(1), COPY(2), COPY(3), COPY(4), COPY(5), COPY(6), COPY(7),
    COPY(8), COPY(9), COPY(10), COPY(11), COPY(12), COPY(13), COPY(14), COPY(15),
};

static size_t mix_size(const ph_dsp_config *cfg) { return sizeof(voice_mix); }

static void mix_init(void *state, const ph_dsp_config *cfg) { memset(state, 0, sizeof(voice_mix)); }

void ph_voice_mix_bind(void *state, const ph_gate *sounding, int voices, bool stereo) {
  *(voice_mix *)state = (voice_mix){sounding, voices, stereo};
}

/* As the add unit: a non-finite sum becomes 0. */
static inline float finite_or_zero(float x) { return fabsf(x) <= FLT_MAX ? x : 0.0f; }

PH_VECTORISED
static void add_buffer(float *restrict y, const float *restrict x, int n) {
  for (int i = 0; i < n; i++) y[i] = finite_or_zero(y[i] + x[i]);
}

static void add_run(float *restrict y, const ph_cable *c, int from, int to) {
  if (c->buf)
    add_buffer(y + from, c->buf + from, to - from);
  else
    for (int i = from; i < to; i++) y[i] = finite_or_zero(y[i] + c->constant);
}

static void mix_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  const voice_mix *s = state;
  for (int ch = 0; ch < (s->stereo ? 2 : 1); ch++) {
    float *y = out[ch];
    ph_cable_copy(&in->params[ch], y, frames);
    for (int k = 0; k < s->voices; k++) {
      const ph_gate *g = &s->sounding[k];
      for (int n = 0; n < g->count; n++) {
        int end = g->span[n].end < frames ? g->span[n].end : frames;
        if (g->span[n].begin < end) add_run(y, &in->params[2 + 2 * k + ch], g->span[n].begin, end);
      }
    }
  }
}

/* A channel is its input plus the copies sounding (non-finite sums become 0): at most both
 * inputs and every copy (NaN when one is). */
static float mix_max_out(const float *in_max) {
  float sum = in_max[0] + in_max[1];
  for (int k = 0; k < 2 * PH_VOICE_MIX_MAX; k++) sum += in_max[2 + k];
  return sum;
}

const ph_unit_def ph_unit_voice_mix = {
    .name = "voice_mix",
    .aliases = NULL,
    .doc = "a synth's voices added up where they sound",
    .params = mix_params,
    .nparams = PH_DSP_NPARAMS(mix_params),
    .noutputs = 2,
    .state_size = mix_size,
    .init = mix_init,
    .process = mix_process,
    .reset = NULL,
    .bound = true,
    .max_out = mix_max_out,
};
