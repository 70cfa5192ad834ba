/* reverb: Freeverb (Jezar at Dreampoint, 2000, public domain), mono in, stereo out.
 *
 *   x·0.03 ──┬─▶ 8 parallel damped combs ─▶ 4 series allpasses ─▶ L ─┐
 *            └─▶ the same, 23 samples longer ────────────────────▶ R ─┤
 *   y = (1 − MIX)·x + MIX·3·{L, R}                                    ┘
 *
 * comb:    out = buf[i];  f = out·(1 − d) + f·d;  buf[i] = in + f·fb
 *          with fb = 0.7 + 0.28·ROOM, d = 0.4·DAMP
 * allpass: out = buf[i] − in;  buf[i] = in + buf[i]·0.5
 * Delay lengths are Freeverb's tunings at 44.1 kHz scaled to the sample rate; the lines are
 * the tail of the state. ROOM, DAMP and MIX are read per sample. Written samples below 1e-15
 * are flushed (the tail decays into denormals otherwise); a non-finite input clears the lines. */
#include <math.h>
#include <string.h>

#include "dsp/unit.h"

enum { NCOMB = 8, NALLPASS = 4, NLINE = 2 * (NCOMB + NALLPASS), SPREAD = 23 };

static const int comb_tuning[NCOMB] = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
static const int allpass_tuning[NALLPASS] = {556, 441, 341, 225};

typedef struct {
  uint32_t offset, length, pos;
  float store; /* the comb's damping filter; unused by allpasses */
} line;

typedef struct {
  line lines[NLINE]; /* combs L, combs R, allpasses L, allpasses R */
  uint32_t total;    /* floats in the tail */
  float buf[];
} reverb_state;

static uint32_t scaled(int tuning, double sr) {
  double n = floor(tuning * sr / 44100.0 + 0.5);
  return n < 1.0 ? 1u : (uint32_t)n;
}

/* Lengths of the lines in state order; returns the total. */
static uint32_t line_lengths(const ph_dsp_config *cfg, uint32_t *len) {
  uint32_t total = 0;
  for (int ch = 0; ch < 2; ch++) {
    for (int c = 0; c < NCOMB; c++) len[ch * NCOMB + c] = scaled(comb_tuning[c] + ch * SPREAD, cfg->sample_rate);
    for (int a = 0; a < NALLPASS; a++)
      len[2 * NCOMB + ch * NALLPASS + a] = scaled(allpass_tuning[a] + ch * SPREAD, cfg->sample_rate);
  }
  for (int k = 0; k < NLINE; k++) total += len[k];
  return total;
}

static size_t reverb_size(const ph_dsp_config *cfg) {
  uint32_t len[NLINE];
  return sizeof(reverb_state) + sizeof(float) * line_lengths(cfg, len);
}

static void reverb_reset(void *state) {
  reverb_state *s = state;
  memset(s->buf, 0, sizeof(float) * s->total);
  for (int k = 0; k < NLINE; k++) s->lines[k].pos = 0, s->lines[k].store = 0.0f;
}

static void reverb_init(void *state, const ph_dsp_config *cfg) {
  reverb_state *s = state;
  uint32_t len[NLINE];
  s->total = line_lengths(cfg, len);
  uint32_t offset = 0;
  for (int k = 0; k < NLINE; k++) {
    s->lines[k] = (line){offset, len[k], 0, 0.0f};
    offset += len[k];
  }
  reverb_reset(s);
}

static inline float denormal_free(float v) { return fabsf(v) < 1e-15f ? 0.0f : v; }

static inline float comb(float *buf, line *l, float in, float fb, float damp) {
  float out = buf[l->offset + l->pos];
  l->store = denormal_free(out * (1.0f - damp) + l->store * damp);
  buf[l->offset + l->pos] = denormal_free(in + l->store * fb);
  if (++l->pos == l->length) l->pos = 0;
  return out;
}

static inline float allpass(float *buf, line *l, float in) {
  float delayed = buf[l->offset + l->pos];
  buf[l->offset + l->pos] = denormal_free(in + delayed * 0.5f);
  if (++l->pos == l->length) l->pos = 0;
  return delayed - in;
}

static void reverb_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  reverb_state *s = state;
  const ph_cable *x = &in->params[0], *room = &in->params[1], *damp = &in->params[2], *mix = &in->params[3];
  float *yl = out[0], *yr = out[1];
  float check = 0.0f;
  for (int i = 0; i < frames; i++) {
    float dry = ph_dsp_clampf(ph_cable_at(x, i), -1e6f, 1e6f);
    float fb = 0.7f + 0.28f * ph_dsp_clampf(ph_cable_at(room, i), 0.0f, 1.0f);
    float d = 0.4f * ph_dsp_clampf(ph_cable_at(damp, i), 0.0f, 1.0f);
    float m = ph_dsp_clampf(ph_cable_at(mix, i), 0.0f, 1.0f);
    float feed = dry * 0.03f, wet[2];
    for (int ch = 0; ch < 2; ch++) {
      float acc = 0.0f;
      for (int c = 0; c < NCOMB; c++) acc += comb(s->buf, &s->lines[ch * NCOMB + c], feed, fb, d);
      for (int a = 0; a < NALLPASS; a++) acc = allpass(s->buf, &s->lines[2 * NCOMB + ch * NALLPASS + a], acc);
      wet[ch] = acc;
    }
    yl[i] = (1.0f - m) * dry + m * 3.0f * wet[0];
    yr[i] = (1.0f - m) * dry + m * 3.0f * wet[1];
    check += wet[0] + wet[1];
  }
  if (!isfinite(check)) {
    for (int i = 0; i < frames; i++) yl[i] = yr[i] = 0.0f;
    reverb_reset(s);
  }
}

static const ph_param_def reverb_params[] = {
    {"in", "", 0.0f, -1e6f, 1e6f, true, false, "the signal to reverberate"},
    {"room_size", "", 0.5f, 0.0f, 1.0f, false, true, "0 small .. 1 large (comb feedback 0.7 .. 0.98)"},
    {"damping", "", 0.5f, 0.0f, 1.0f, false, true, "high-frequency damping of the tail"},
    {"mix", "", 0.3f, 0.0f, 1.0f, false, false, "0 dry only, 1 reverberation only"},
};

const ph_unit_def ph_unit_reverb = {
    .name = "reverb",
    .aliases = NULL,
    .doc = "Freeverb: mono in, stereo out",
    .params = reverb_params,
    .nparams = PH_DSP_NPARAMS(reverb_params),
    .noutputs = 2,
    .state_size = reverb_size,
    .init = reverb_init,
    .process = reverb_process,
    .reset = reverb_reset,
};
