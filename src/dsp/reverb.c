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
 * are flushed, and so is each damping filter every eight samples (the tail would decay into
 * denormals otherwise: in eight steps it falls at most by 0.4⁸, far from them); a non-finite
 * input clears the lines.
 *
 * The damping filter steps a pair of samples at a time, pairs and groups of eight counted
 * from the first sample (so no block size changes a sample): with a = out₀·(1 − d₀),
 *   f₀ = a + f·d₀,   f₁ = (out₁·(1 − d₁) + d₁·a) + (d₁·d₀)·f
 * the same filter, rounded otherwise, whose chain of dependent steps is half as long.
 *
 * The block runs in chunks no longer than the shortest line, so in a chunk each line is read
 * before anything is written over what it reads: a comb's chunk is computed as whole runs
 * (copied out and back where it wraps around the ring), an allpass's as one or two runs in
 * place. The one recursion, the combs' damping filter, runs a channel's eight combs at a time
 * in vector lanes; everything else is a loop over the chunk. */
#include <math.h>
#include <string.h>

#include "core/vectorise.h"
#include "dsp/unit.h"

enum { NCOMB = 8, NALLPASS = 4, NLINE = 2 * (NCOMB + NALLPASS), SPREAD = 23, CHUNK = 128, LANES = NCOMB };

static const int comb_tuning[NCOMB] = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
static const int allpass_tuning[NALLPASS] = {556, 441, 341, 225};

typedef struct {
  uint32_t offset, length, pos;
  float store; /* the comb's damping filter; unused by allpasses */
} line;

typedef struct {
  line lines[NLINE]; /* combs L, combs R, allpasses L, allpasses R */
  uint32_t total;    /* floats in the tail */
  int chunk;         /* samples per chunk: at most CHUNK and the shortest line */
  /* The damping filters' pairs (see the file's comment): the place of the next sample in its
   * group of eight; after the first of a pair, its (1 − d)·out for each comb and its d. */
  unsigned phase;
  float first[2 * NCOMB], first_d;
  float buf[];
} reverb_state;

/* Eight-float vectors pass only between this file's functions, all inlined into the clones of
 * reverb_process (always_inline: a call between a clone and a function compiled without AVX
 * would disagree on how the vector is passed), so no calling convention applies. */
#pragma GCC diagnostic ignored "-Wpsabi"
typedef float v8f __attribute__((vector_size(32)));
typedef int32_t v8i __attribute__((vector_size(32)));
_Static_assert(sizeof(v8f) == LANES * sizeof(float), "a channel's combs, one a lane");

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
  s->phase = 0;
  memset(s->first, 0, sizeof s->first);
  s->first_d = 0.0f;
}

static void reverb_init(void *state, const ph_dsp_config *cfg) {
  reverb_state *s = state;
  uint32_t len[NLINE];
  s->total = line_lengths(cfg, len);
  s->chunk = CHUNK;
  uint32_t offset = 0;
  for (int k = 0; k < NLINE; k++) {
    s->lines[k] = (line){offset, len[k], 0, 0.0f};
    offset += len[k];
    if (len[k] < (uint32_t)s->chunk) s->chunk = (int)len[k];
  }
  reverb_reset(s);
}

static inline float denormal_free(float v) { return fabsf(v) < 1e-15f ? 0.0f : v; }

/* As denormal_free, lane by lane: the magnitude's bits compared as integers (they order as
 * the magnitudes do), which is quicker on the filters' chain of dependent steps. */
static inline __attribute__((always_inline)) v8f denormal_free8(v8f v) {
  const float tiny = 1e-15f;
  int32_t tiny_bits;
  memcpy(&tiny_bits, &tiny, sizeof tiny_bits);
  v8i magnitude = (v8i)v & 0x7fffffff;
  return (v8f)((v8i)v & ~(magnitude < tiny_bits));
}

/* The n samples of a line from its position, as one or two runs of the ring. */
static void line_read(const float *buf, const line *l, int n, float *restrict dst) {
  uint32_t first = l->length - l->pos < (uint32_t)n ? l->length - l->pos : (uint32_t)n;
  memcpy(dst, buf + l->offset + l->pos, sizeof(float) * first);
  memcpy(dst + first, buf + l->offset, sizeof(float) * ((uint32_t)n - first));
}

/* Writes n samples at the line's position and moves it on. */
static void line_write(float *buf, line *l, int n, const float *restrict src) {
  uint32_t first = l->length - l->pos < (uint32_t)n ? l->length - l->pos : (uint32_t)n;
  memcpy(buf + l->offset + l->pos, src, sizeof(float) * first);
  memcpy(buf + l->offset, src + first, sizeof(float) * ((uint32_t)n - first));
  l->pos = (l->pos + (uint32_t)n) % l->length;
}

/* The per-sample values of a chunk: feed, fb, damping d and 1 − d. */
typedef struct {
  float feed[CHUNK], fb[CHUNK], d[CHUNK], keep[CHUNK];
  bool const_damp;
} chunk_params;

/* Rows (eight samples of each of eight combs) to columns (the eight combs at each sample);
 * the same function turns them back. Pairs of rows interleaved, then pairs of pairs, then
 * the halves exchanged. */
static inline __attribute__((always_inline)) void transpose8(v8f *r) {
  v8f t[8], u[8];
  for (int k = 0; k < 8; k += 2) {
    t[k] = __builtin_shufflevector(r[k], r[k + 1], 0, 8, 1, 9, 4, 12, 5, 13);
    t[k + 1] = __builtin_shufflevector(r[k], r[k + 1], 2, 10, 3, 11, 6, 14, 7, 15);
  }
  for (int k = 0; k < 8; k += 4)
    for (int h = 0; h < 2; h++) {
      u[k + 2 * h] = __builtin_shufflevector(t[k + h], t[k + h + 2], 0, 1, 8, 9, 4, 5, 12, 13);
      u[k + 2 * h + 1] = __builtin_shufflevector(t[k + h], t[k + h + 2], 2, 3, 10, 11, 6, 7, 14, 15);
    }
  for (int k = 0; k < 4; k++) {
    r[k] = __builtin_shufflevector(u[k], u[k + 4], 0, 1, 2, 3, 8, 9, 10, 11);
    r[k + 4] = __builtin_shufflevector(u[k], u[k + 4], 4, 5, 6, 7, 12, 13, 14, 15);
  }
}

static inline __attribute__((always_inline)) v8f load8(const float *p) {
  v8f v;
  memcpy(&v, p, sizeof v);
  return v;
}

/* A chunk's run through both channels' eight combs (lines[0 .. 2·LANES)): each line's samples
 * in place, or in `spill` where the chunk wraps around the ring's end; the damping filters'
 * chains, the first of the pair under way and its d, the next sample's place in its group. */
typedef struct {
  float *ring[2 * LANES];
  v8f chain[2], first[2];
  float first_d;
  unsigned phase;
} comb_run;

/* Sample i alone, at any place in its group. */
static inline __attribute__((always_inline)) void comb_sample(comb_run *r, const chunk_params *p,
                                                              float (*restrict wet)[CHUNK], int i, bool const_damp) {
  float keep = p->keep[const_damp ? 0 : i], d = p->d[const_damp ? 0 : i];
  for (int ch = 0; ch < 2; ch++) {
    v8f out;
    for (int c = 0; c < LANES; c++) out[c] = r->ring[ch * LANES + c][i];
    wet[ch][i] = out[0];
    for (int c = 1; c < LANES; c++) wet[ch][i] += out[c];
    v8f y;
    if (!(r->phase & 1)) {
      r->first[ch] = out * keep;
      y = r->first[ch] + r->chain[ch] * d;
    } else {
      y = r->chain[ch] = (out * keep + d * r->first[ch]) + (d * r->first_d) * r->chain[ch];
    }
    if (r->phase == LANES - 1) r->chain[ch] = denormal_free8(r->chain[ch]);
    v8f in = denormal_free8(p->feed[i] + y * p->fb[i]);
    for (int c = 0; c < LANES; c++) r->ring[ch * LANES + c][i] = in[c];
  }
  if (!(r->phase & 1)) r->first_d = d;
  r->phase = (r->phase + 1) % LANES;
}

/* Samples i .. i + 7, a whole group: the combs turned to lanes, filtered a pair at a time, and
 * turned back; each sample computed as comb_sample computes it. */
static inline __attribute__((always_inline)) void comb_group(comb_run *r, const chunk_params *p,
                                                             float (*restrict wet)[CHUNK], int i, bool const_damp) {
  v8f x[2][LANES];
  for (int c = 0; c < 2 * LANES; c++) x[c / LANES][c % LANES] = load8(r->ring[c] + i);
  for (int ch = 0; ch < 2; ch++) {
    v8f sum = x[ch][0];
    for (int c = 1; c < LANES; c++) sum += x[ch][c];
    memcpy(wet[ch] + i, &sum, sizeof sum);
  }
  transpose8(x[0]); /* x[ch][j]: the channel's combs' outputs at sample i + j */
  transpose8(x[1]);
  for (int j = 0; j < LANES; j += 2) {
    float keep0 = p->keep[const_damp ? 0 : i + j], d0 = p->d[const_damp ? 0 : i + j];
    float keep1 = p->keep[const_damp ? 0 : i + j + 1], d1 = p->d[const_damp ? 0 : i + j + 1];
    for (int ch = 0; ch < 2; ch++) {
      v8f a = x[ch][j] * keep0;
      x[ch][j] = a + r->chain[ch] * d0;
      x[ch][j + 1] = r->chain[ch] = (x[ch][j + 1] * keep1 + d1 * a) + (d1 * d0) * r->chain[ch];
    }
  }
  r->chain[0] = denormal_free8(r->chain[0]);
  r->chain[1] = denormal_free8(r->chain[1]);
  transpose8(x[0]); /* x[ch][c]: comb c's filter at samples i .. i + 7 */
  transpose8(x[1]);
  v8f feed = load8(p->feed + i), fb = load8(p->fb + i);
  for (int c = 0; c < 2 * LANES; c++) {
    v8f in = denormal_free8(feed + x[c / LANES][c % LANES] * fb);
    memcpy(r->ring[c] + i, &in, sizeof in);
  }
}

/* Both channels' eight combs over the chunk: their outputs summed into wet[channel] (in comb
 * order), their lines fed. One sample at a time up to a group's start, then whole groups,
 * then one at a time; the two channels' chains go side by side so that one's steps fill the
 * other's waits. */
static inline __attribute__((always_inline)) void combs_run(reverb_state *s, int n, const chunk_params *p,
                                                            float (*restrict wet)[CHUNK], bool const_damp) {
  enum { NC = 2 * LANES };
  line *l = s->lines;
  float spill[NC][CHUNK];
  comb_run r = {.first_d = s->first_d, .phase = s->phase};
  for (int c = 0; c < NC; c++) {
    bool wraps = l[c].length - l[c].pos < (uint32_t)n;
    r.ring[c] = wraps ? spill[c] : s->buf + l[c].offset + l[c].pos;
    if (wraps) line_read(s->buf, &l[c], n, spill[c]);
    r.chain[c / LANES][c % LANES] = l[c].store;
    r.first[c / LANES][c % LANES] = s->first[c];
  }
  int i = 0, lead = (int)((LANES - r.phase) % LANES);
  for (; i < n && i < lead; i++) comb_sample(&r, p, wet, i, const_damp);
  for (; i + LANES <= n; i += LANES) comb_group(&r, p, wet, i, const_damp);
  for (; i < n; i++) comb_sample(&r, p, wet, i, const_damp);
  for (int c = 0; c < NC; c++) {
    l[c].store = r.chain[c / LANES][c % LANES];
    s->first[c] = r.first[c / LANES][c % LANES];
    if (r.ring[c] == spill[c]) line_write(s->buf, &l[c], n, spill[c]);
    else l[c].pos = (l[c].pos + (uint32_t)n) % l[c].length;
  }
  s->first_d = r.first_d;
  s->phase = r.phase;
}

static inline __attribute__((always_inline)) void combs(reverb_state *s, int n, const chunk_params *p,
                                                        float (*restrict wet)[CHUNK]) {
  if (p->const_damp) combs_run(s, n, p, wet, true);
  else combs_run(s, n, p, wet, false);
}

/* n samples of an allpass, x in place, its line's run at ring (no wrap). */
static inline __attribute__((always_inline)) void allpass_run(float *restrict ring, int n, float *restrict x) {
  for (int i = 0; i < n; i++) {
    float delayed = ring[i];
    ring[i] = denormal_free(x[i] + delayed * 0.5f);
    x[i] = delayed - x[i];
  }
}

/* One allpass over the chunk, x in place: each sample reads and writes only its own place in
 * the line, so a chunk that wraps is two runs. */
static inline __attribute__((always_inline)) void allpass(reverb_state *s, line *l, int n, float *restrict x) {
  float *ring = s->buf + l->offset;
  int first = l->length - l->pos < (uint32_t)n ? (int)(l->length - l->pos) : n;
  allpass_run(ring + l->pos, first, x);
  allpass_run(ring, n - first, x + first);
  l->pos = (l->pos + (uint32_t)n) % l->length;
}

static inline __attribute__((always_inline)) void cable_chunk(const ph_cable *c, int start, int n, float lo, float hi,
                                                              float *restrict dst) {
  if (!c->buf) {
    float v = ph_dsp_clampf(c->constant, lo, hi);
    for (int i = 0; i < n; i++) dst[i] = v;
    return;
  }
  for (int i = 0; i < n; i++) dst[i] = ph_dsp_clampf(c->buf[start + i], lo, hi);
}

/* Samples [start, start + n) of the block; returns whether the wet samples are all finite. */
static inline __attribute__((always_inline)) bool reverb_chunk(reverb_state *s, const ph_dsp_inputs *in, int start,
                                                               int n, float *restrict yl, float *restrict yr) {
  const ph_cable *x = &in->params[0], *room = &in->params[1], *damp = &in->params[2], *mix = &in->params[3];
  chunk_params p;
  float dry[CHUNK], m[CHUNK], wet[2][CHUNK];
  cable_chunk(x, start, n, -1e6f, 1e6f, dry);
  cable_chunk(room, start, n, 0.0f, 1.0f, p.fb);
  cable_chunk(damp, start, n, 0.0f, 1.0f, p.d);
  cable_chunk(mix, start, n, 0.0f, 1.0f, m);
  p.const_damp = !damp->buf;
  for (int i = 0; i < n; i++) {
    p.feed[i] = dry[i] * 0.03f;
    p.fb[i] = 0.7f + 0.28f * p.fb[i];
    p.d[i] = 0.4f * p.d[i];
    p.keep[i] = 1.0f - p.d[i];
  }
  combs(s, n, &p, wet);
  for (int ch = 0; ch < 2; ch++)
    for (int a = 0; a < NALLPASS; a++) allpass(s, &s->lines[2 * NCOMB + ch * NALLPASS + a], n, wet[ch]);
  for (int i = 0; i < n; i++) {
    yl[i] = (1.0f - m[i]) * dry[i] + m[i] * 3.0f * wet[0][i];
    yr[i] = (1.0f - m[i]) * dry[i] + m[i] * 3.0f * wet[1][i];
  }
  return ph_dsp_all_finite(wet[0], n) && ph_dsp_all_finite(wet[1], n);
}

PH_VECTORISED
static void reverb_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  reverb_state *s = state;
  bool finite = true;
  for (int start = 0; start < frames; start += s->chunk) {
    int n = frames - start < s->chunk ? frames - start : s->chunk;
    finite &= reverb_chunk(s, in, start, n, out[0] + start, out[1] + start);
  }
  if (!finite) {
    for (int i = 0; i < frames; i++) out[0][i] = out[1][i] = 0.0f;
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
