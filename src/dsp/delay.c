/* delay: a feedback delay line of up to one second, read with 4-point Hermite interpolation
 * so TIME can be modulated at audio rate (chorus, vibrato, tape effects):
 *
 *   x ──┬──────────────────────────(1 − MIX)──┐
 *       └─(+)──▶ [ line, TIME s ] ──┬──(MIX)──(+)──▶ y
 *          ▲                        │
 *          └────────(FB)────────────┘
 *
 * The line is the tail of the state: state_size grows with the sample rate, and init clears
 * it (the caller's memory is never assumed zeroed). TIME is at least two samples, FB within
 * ±0.99, so the loop always decays; a non-finite input clears the line (silence). */
#include <math.h>
#include <string.h>

#include "core/vectorise.h"
#include "dsp/unit.h"

typedef struct {
  double sample_rate;
  uint32_t mask; /* line length − 1, a power of two minus one */
  uint32_t write;
  float line[]; /* mask + 1 samples */
} delay_state;

static uint32_t line_length(const ph_dsp_config *cfg) {
  uint32_t need = (uint32_t)ceil(cfg->sample_rate * 1.0) + 4, len = 1;
  while (len < need) len <<= 1;
  return len;
}

static size_t delay_size(const ph_dsp_config *cfg) {
  return sizeof(delay_state) + sizeof(float) * line_length(cfg);
}

static void delay_reset(void *state) {
  delay_state *s = state;
  memset(s->line, 0, sizeof(float) * (s->mask + 1));
  s->write = 0;
}

static void delay_init(void *state, const ph_dsp_config *cfg) {
  delay_state *s = state;
  s->sample_rate = cfg->sample_rate;
  s->mask = line_length(cfg) - 1;
  delay_reset(s);
}

/* Hermite interpolation between p1 and p2 at fraction t, from the neighbours p0 and p3. */
static inline float hermite(float p0, float p1, float p2, float p3, float t) {
  float c1 = 0.5f * (p2 - p0);
  float c2 = p0 - 2.5f * p1 + 2.0f * p2 - 0.5f * p3;
  float c3 = 0.5f * (p3 - p0) + 1.5f * (p1 - p2);
  return ((c3 * t + c2) * t + c1) * t + p1;
}

/* The delay in samples for TIME seconds. */
static double delay_samples(double time, double sr) {
  double d = ph_dsp_clamp(time * sr, 2.0, sr * 1.0); /* line_length leaves room for the neighbours */
  /* a time like 0.1 s is not exact in float: within 1/1000 of a sample, take the sample */
  double whole = floor(d + 0.5);
  return fabs(d - whole) < 1e-3 ? whole : d;
}

/* The line read d samples behind w. */
static inline float delay_read(const float *line, uint32_t mask, uint32_t w, double d) {
  double pos = (double)w - d + (double)(mask + 1);
  uint32_t i1 = (uint32_t)pos;
  float t = (float)(pos - (double)i1);
  return hermite(line[(i1 - 1) & mask], line[i1 & mask], line[(i1 + 1) & mask], line[(i1 + 2) & mask], t);
}

enum { RUN = 128 };

/* Whether every read position of a block d samples behind the writes is exact in double: d a
 * whole number of 2^-26 samples (any float TIME at an audio rate is), the line under 2^20. Then
 * all reads share one fraction and step one sample at a time along the line. */
static bool reads_exact(double d, uint32_t mask) {
  double scaled = d * 67108864.0;
  return d < 1048576.0 && mask < (1u << 20) && scaled == floor(scaled);
}

/* n reads at fraction t from the line p (no wrap: p[0 .. n + 2] are in it). */
PH_VECTORISED
static void read_run(const float *restrict p, float t, float *restrict wet, int n) {
  for (int i = 0; i < n; i++) wet[i] = hermite(p[i], p[i + 1], p[i + 2], p[i + 3], t);
}

/* n samples written at p (no wrap); returns whether they are all finite. */
PH_VECTORISED
static bool write_run(float *restrict p, const float *restrict dry, const float *restrict wet, float g, float m,
                      float *restrict y, int n) {
  int bad = 0;
  float dry_share = 1.0f - m;
  for (int i = 0; i < n; i++) {
    float v = dry[i] + g * wet[i];
    p[i] = v;
    bad |= !(fabsf(v) <= 3.4028234663852886e38f);
    y[i] = dry_share * dry[i] + m * wet[i];
  }
  return !bad;
}

/* TIME, FB and MIX constant, reads exact and never of what this block writes (d at least
 * frames + 2): the block's reads as one pass, its writes as another, both vectorised. The same
 * samples as delay_constant. Returns whether all it wrote is finite. */
static bool delay_runs(delay_state *s, const float *dry, double d, float g, float m, float *y, int frames) {
  float *line = s->line;
  uint32_t mask = s->mask, w = s->write;
  double pos = (double)w - d + (double)(mask + 1);
  uint32_t i1 = (uint32_t)pos;
  float t = (float)(pos - (double)i1);
  bool ok = true;
  for (int start = 0; start < frames; start += RUN) {
    int n = frames - start < RUN ? frames - start : RUN;
    float wet[RUN];
    for (int i = 0; i < n;) {
      uint32_t first = (i1 + (uint32_t)(start + i) - 1u) & mask;
      int room = (int)(mask + 1u - first) - 3; /* reads before the four taps wrap */
      if (room <= 0) {
        wet[i] = hermite(line[first], line[(first + 1) & mask], line[(first + 2) & mask], line[(first + 3) & mask], t);
        i++;
        continue;
      }
      int k = n - i < room ? n - i : room;
      read_run(line + first, t, wet + i, k);
      i += k;
    }
    for (int i = 0; i < n;) {
      uint32_t at = (w + (uint32_t)(start + i)) & mask;
      int k = n - i < (int)(mask + 1u - at) ? n - i : (int)(mask + 1u - at);
      ok &= write_run(line + at, dry + start + i, wet + i, g, m, y + start + i, k);
      i += k;
    }
  }
  s->write = (w + (uint32_t)frames) & mask;
  return ok;
}

/* TIME, FB and MIX constant over the block: clamped once. Returns the sum of what was written. */
static float delay_constant(delay_state *s, const ph_dsp_inputs *in, float *restrict y, int frames) {
  const ph_cable *x = &in->params[0];
  float *restrict line = s->line;
  uint32_t mask = s->mask, w = s->write;
  double d = delay_samples(in->params[1].constant, s->sample_rate);
  float g = ph_dsp_clampf(in->params[2].constant, -0.99f, 0.99f), m = ph_dsp_clampf(in->params[3].constant, 0.0f, 1.0f);
  float dry_share = 1.0f - m, check = 0.0f;
  for (int i = 0; i < frames; i++) {
    float wet = delay_read(line, mask, w, d), dry = ph_cable_at(x, i);
    float v = dry + g * wet;
    line[w] = v;
    check += v;
    w = (w + 1) & mask;
    y[i] = dry_share * dry + m * wet;
  }
  s->write = w;
  return check;
}

static void delay_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  delay_state *s = state;
  const ph_cable *x = &in->params[0], *time = &in->params[1], *fb = &in->params[2], *mix = &in->params[3];
  float *y = out[0], *line = s->line;
  uint32_t mask = s->mask, w = s->write;
  float check = 0.0f;
  double d = time->buf ? 0.0 : delay_samples(time->constant, s->sample_rate);
  if (!time->buf && !fb->buf && !mix->buf && x->buf && d >= frames + 2.0 && reads_exact(d, mask)) {
    float g = ph_dsp_clampf(fb->constant, -0.99f, 0.99f), m = ph_dsp_clampf(mix->constant, 0.0f, 1.0f);
    check = delay_runs(s, x->buf, d, g, m, y, frames) ? 0.0f : NAN;
  } else if (!time->buf && !fb->buf && !mix->buf) {
    check = delay_constant(s, in, y, frames);
  } else {
    for (int i = 0; i < frames; i++) {
      float wet = delay_read(line, mask, w, delay_samples(ph_cable_at(time, i), s->sample_rate));
      float dry = ph_cable_at(x, i);
      float g = ph_dsp_clampf(ph_cable_at(fb, i), -0.99f, 0.99f), m = ph_dsp_clampf(ph_cable_at(mix, i), 0.0f, 1.0f);
      float v = dry + g * wet;
      line[w] = v;
      check += v;
      w = (w + 1) & mask;
      y[i] = (1.0f - m) * dry + m * wet;
    }
    s->write = w;
  }
  if (!isfinite(check)) {
    for (int i = 0; i < frames; i++) y[i] = 0.0f;
    delay_reset(s);
  }
}

static const ph_param_def delay_params[] = {
    {"in", "", 0.0f, -1e9f, 1e9f, true, false, "the signal to delay"},
    {"time", "s", 0.25f, 0.0f, 1.0f, false, true, "delay time (at least two samples)"},
    {"feedback", "", 0.5f, -0.99f, 0.99f, false, false, "share of the delayed signal fed back into the line"},
    {"mix", "", 0.5f, 0.0f, 1.0f, false, false, "0 dry only, 1 delayed only"},
};

const ph_unit_def ph_unit_delay = {
    .name = "delay",
    .aliases = NULL,
    .doc = "feedback delay up to 1 s, audio-rate time with Hermite interpolation",
    .params = delay_params,
    .nparams = PH_DSP_NPARAMS(delay_params),
    .noutputs = 1,
    .state_size = delay_size,
    .init = delay_init,
    .process = delay_process,
    .reset = delay_reset,
};
