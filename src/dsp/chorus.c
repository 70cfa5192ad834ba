/* chorus: one voice of modulated delay mixed with the dry signal:
 *
 *   x ──┬──────────────────────────────(1 − MIX)──┐
 *       └──▶ [ line, 15 ms + 10 ms·DEPTH·sin(2π·RATE·t) ] ──(MIX)──(+)──▶ y
 *
 * The delay swings by up to ±10 ms around 15 ms (DEPTH 1), read with linear interpolation.
 * Mono: on a stereo signal each channel runs its own chorus. The line (30 ms) is the tail of
 * the state, cleared by init and reset. */
#include <math.h>
#include <string.h>

#include "dsp/unit.h"

typedef struct {
  double sample_rate, phase; /* phase in cycles, 0..1 */
  uint32_t mask, write;
  float line[]; /* mask + 1 samples */
} chorus_state;

enum { BASE_MS = 15, SWING_MS = 10 };

static uint32_t line_length(const ph_dsp_config *cfg) {
  uint32_t need = (uint32_t)ceil(cfg->sample_rate * (BASE_MS + SWING_MS) / 1000.0) + 4, len = 1;
  while (len < need) len <<= 1;
  return len;
}

static size_t chorus_size(const ph_dsp_config *cfg) { return sizeof(chorus_state) + sizeof(float) * line_length(cfg); }

static void chorus_reset(void *state) {
  chorus_state *s = state;
  memset(s->line, 0, sizeof(float) * (s->mask + 1));
  s->write = 0;
  s->phase = 0.0;
}

static void chorus_init(void *state, const ph_dsp_config *cfg) {
  chorus_state *s = state;
  s->sample_rate = cfg->sample_rate;
  s->mask = line_length(cfg) - 1;
  chorus_reset(s);
}

static void chorus_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  chorus_state *s = state;
  const ph_cable *x = &in->params[0], *rate = &in->params[1], *depth = &in->params[2], *mix = &in->params[3];
  float *line = s->line;
  uint32_t mask = s->mask, w = s->write;
  double sr = s->sample_rate, phase = s->phase;
  bool bad = false;
  for (int i = 0; i < frames; i++) {
    float xi = ph_cable_at(x, i);
    if (!isfinite(xi)) bad = true;
    line[w] = xi;
    double d = ph_dsp_clamp(ph_cable_at(depth, i), 0.0, 1.0);
    double delay = sr * (BASE_MS + SWING_MS * d * sin(PH_DSP_TWO_PI * phase)) / 1000.0;
    uint32_t whole = (uint32_t)delay;
    float frac = (float)(delay - whole);
    float a = line[(w - whole) & mask], b = line[(w - whole - 1) & mask];
    float wet = a + (b - a) * frac, m = ph_dsp_clampf(ph_cable_at(mix, i), 0.0f, 1.0f);
    out[0][i] = (1.0f - m) * xi + m * wet;
    phase += ph_dsp_clamp(ph_cable_at(rate, i), 0.0, 100.0) / sr;
    phase -= floor(phase);
    w = (w + 1) & mask;
  }
  s->write = w;
  s->phase = phase;
  if (bad) {
    /* a non-finite input: this block and the line fall back to silence */
    for (int i = 0; i < frames; i++) out[0][i] = 0.0f;
    memset(line, 0, sizeof(float) * (mask + 1));
  }
}

static const ph_param_def chorus_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to thicken"},
    {"rate", "Hz", 1.0f, 0.0f, 100.0f, false, true, "speed of the delay's swing"},
    {"depth", "", 0.5f, 0.0f, 1.0f, false, true, "swing 0..1 (±10 ms at 1) around 15 ms"},
    {"mix", "", 0.3f, 0.0f, 1.0f, false, false, "0 dry, 1 wet only"},
};

const ph_unit_def ph_unit_chorus = {
    .name = "chorus",
    .aliases = NULL,
    .doc = "modulated-delay chorus, one voice mixed with the dry signal",
    .params = chorus_params,
    .nparams = PH_DSP_NPARAMS(chorus_params),
    .noutputs = 1,
    .state_size = chorus_size,
    .init = chorus_init,
    .process = chorus_process,
    .reset = chorus_reset,
};
