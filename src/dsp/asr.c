/* asr: a gate-driven attack-sustain-release envelope, linear segments at full-scale rates:
 * while GATE > 0.5 the level rises by 1/(ATTACK·sr) per sample up to 1 and stays there;
 * otherwise it falls by 1/(RELEASE·sr) per sample down to 0. A time of 0 jumps. A new gate
 * during the release rises again from where the level is (no click). */
#include "dsp/unit.h"

typedef struct {
  double level;
  double sample_rate;
} asr_state;

static size_t asr_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(asr_state);
}

static void asr_reset(void *state) { ((asr_state *)state)->level = 0.0; }

static void asr_init(void *state, const ph_dsp_config *cfg) {
  asr_state *s = state;
  s->level = 0.0;
  s->sample_rate = cfg->sample_rate;
}

/* Per-sample step for a segment of `seconds` (a jump when shorter than a sample). */
static inline double step_for(float seconds, double sr) {
  double n = ph_dsp_clamp(seconds, 0.0, 3600.0) * sr;
  return n < 1.0 ? 1.0 : 1.0 / n;
}

static void asr_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  asr_state *s = state;
  const ph_cable *gate = &in->params[0], *attack = &in->params[1], *release = &in->params[2];
  float *y = out[0];
  double level = s->level, sr = s->sample_rate;
  for (int i = 0; i < frames; i++) {
    if (ph_cable_at(gate, i) > 0.5f) {
      level += step_for(ph_cable_at(attack, i), sr);
      if (level > 1.0) level = 1.0;
    } else {
      level -= step_for(ph_cable_at(release, i), sr);
      if (level < 0.0) level = 0.0;
    }
    y[i] = (float)level;
  }
  s->level = level;
}

static const ph_param_def asr_params[] = {
    {"gate", "gate", 0.0f, -1e9f, 1e9f, true, true, "on above 0.5"},
    {"attack", "s", 0.01f, 0.0f, 3600.0f, false, true, "time to rise from 0 to 1"},
    {"release", "s", 0.1f, 0.0f, 3600.0f, false, true, "time to fall from 1 to 0"},
};

const ph_unit_def ph_unit_asr = {
    .name = "asr",
    .aliases = "ar",
    .doc = "gate-driven attack-sustain-release envelope, 0..1",
    .params = asr_params,
    .nparams = PH_DSP_NPARAMS(asr_params),
    .noutputs = 1,
    .state_size = asr_size,
    .init = asr_init,
    .process = asr_process,
    .reset = asr_reset,
};
