/* comb: a feedback comb filter tuned to FREQ, y[n] = x[n] + FB·y[n − sr/FREQ], the delay read
 * with linear interpolation from a one-second line (so FREQ >= 1 Hz): resonances at every
 * multiple of FREQ, ringing longer as |FB| nears 1 (clamped to ±0.999). The line is the tail
 * of the state; a non-finite input clears it. */
#include <math.h>
#include <string.h>

#include "dsp/unit.h"

typedef struct {
  double sample_rate;
  uint32_t mask, write;
  float line[];
} comb_state;

static uint32_t comb_length(const ph_dsp_config *cfg) {
  uint32_t need = (uint32_t)ceil(cfg->sample_rate) + 4, len = 1;
  while (len < need) len <<= 1;
  return len;
}

static size_t comb_size(const ph_dsp_config *cfg) { return sizeof(comb_state) + sizeof(float) * comb_length(cfg); }

static void comb_reset(void *state) {
  comb_state *s = state;
  memset(s->line, 0, sizeof(float) * (s->mask + 1));
  s->write = 0;
}

static void comb_init(void *state, const ph_dsp_config *cfg) {
  comb_state *s = state;
  s->sample_rate = cfg->sample_rate;
  s->mask = comb_length(cfg) - 1;
  comb_reset(s);
}

static void comb_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  comb_state *s = state;
  const ph_cable *x = &in->params[0], *freq = &in->params[1], *fb = &in->params[2];
  float *y = out[0], *line = s->line;
  uint32_t mask = s->mask, w = s->write;
  double sr = s->sample_rate;
  float check = 0.0f;
  for (int i = 0; i < frames; i++) {
    double d = sr / ph_dsp_clamp(ph_cable_at(freq, i), 1.0, 0.5 * sr); /* 2 .. sr samples */
    double whole = floor(d + 0.5);
    if (fabs(d - whole) < 1e-3) d = whole; /* float frequencies: integer periods stay exact */
    double pos = (double)w - d + (double)(mask + 1);
    uint32_t i0 = (uint32_t)pos;
    float t = (float)(pos - (double)i0);
    float delayed = line[i0 & mask] + t * (line[(i0 + 1) & mask] - line[i0 & mask]);
    float g = ph_dsp_clampf(ph_cable_at(fb, i), -0.999f, 0.999f);
    float v = ph_dsp_signal(ph_cable_at(x, i)) + g * delayed;
    v = fabsf(v) < 1e-15f ? 0.0f : v;
    line[w] = v;
    check += v;
    w = (w + 1) & mask;
    y[i] = v;
  }
  s->write = w;
  if (!isfinite(check)) {
    for (int i = 0; i < frames; i++) y[i] = 0.0f;
    comb_reset(s);
  }
}

static const ph_param_def comb_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to filter"},
    {"freq", "Hz", 220.0f, 1.0f, 1e5f, false, true, "fundamental of the resonances (delay = 1/freq)"},
    {"feedback", "", 0.5f, -0.999f, 0.999f, false, true, "how long it rings"},
};

const ph_unit_def ph_unit_comb = {
    .name = "comb",
    .aliases = NULL,
    .doc = "feedback comb filter tuned to a frequency",
    .params = comb_params,
    .nparams = PH_DSP_NPARAMS(comb_params),
    .noutputs = 1,
    .state_size = comb_size,
    .init = comb_init,
    .process = comb_process,
    .reset = comb_reset,
};
