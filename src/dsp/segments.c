/* segments: a breakpoint envelope through up to eight levels: from LEVEL0 straight to LEVEL1
 * in TIME1 seconds, on to LEVEL2 in TIME2, ..., then the last level holds. It runs once from
 * the program's start, and again from each rising edge of TRIG when that is given.
 * `segments "0 1 0.3 0" "0.01 0.2 1"`: a string given to a list parameter fills it and the
 * ones after it, one value each. A level or time that is not given ends the list. */
#include <math.h>
#include <string.h>

#include "core/vectorise.h"
#include "dsp/unit.h"

enum { MAX_LEVELS = 8 };

enum { NKEY = 2 * MAX_LEVELS - 1 }; /* the levels and the times, not the trigger */

/* The time since the start is samples × 1/rate (not a running sum), so that a block's times
 * are computed side by side, and the same whichever way the parameters come. */
typedef struct {
  double samples; /* since the start, a whole number */
  double sample_rate;
  float prev_trig;
  /* The breakpoints made from constants whose bits were `key` (`cached`: there are some), so
   * that a block with the same constants does not read them again. */
  bool cached;
  uint32_t key[NKEY];
  int count;
  double levels[MAX_LEVELS], lens[MAX_LEVELS];
} segments_state;

static size_t segments_size(const ph_dsp_config *cfg) { return sizeof(segments_state); }

static void segments_reset(void *state) {
  segments_state *s = state;
  s->samples = 0.0;
  s->prev_trig = 0.0f;
  s->cached = false;
}

static void segments_init(void *state, const ph_dsp_config *cfg) {
  segments_state *s = state;
  s->sample_rate = cfg->sample_rate;
  segments_reset(s);
}

static bool given(const ph_cable *c) { return c->buf || !isnan(c->constant); }

enum { CHUNK = 256 };
#define STOP 1e9 /* seconds after which the time stands still */

/* The segment `when` seconds fall in: k (1 .. count-1) leading to levels[k], *when becoming
 * the seconds into it; count past the last one, where the last level holds. */
static int segment_at(const double *lens, int count, double *when) {
  int k = 1;
  for (; k < count && !(*when < lens[k]); k++) *when -= lens[k];
  return k;
}

static double level_at(const double *levels, const double *lens, int count, double when) {
  int k = segment_at(lens, count, &when);
  return k < count ? levels[k - 1] + (levels[k] - levels[k - 1]) * (when / lens[k]) : levels[count - 1];
}

/* The straight line of segment k at the times (c + i) / rate, i < n (the same arithmetic as
 * level_at, a vectorised pass per step). */
PH_VECTORISED
static void line_of(const double *levels, const double *lens, int k, double c, double dt, float *restrict y, int n) {
  if (levels[k] == levels[k - 1]) { /* a level held: what the line gives, without computing it */
    float held = (float)(levels[k - 1] + 0.0);
    for (int i = 0; i < n; i++) y[i] = held;
    return;
  }
  double e[CHUNK];
  for (int i = 0; i < n; i++) e[i] = (c + i) * dt;
  for (int m = 1; m < k; m++)
    for (int i = 0; i < n; i++) e[i] -= lens[m];
  double from = levels[k - 1], rise = levels[k] - levels[k - 1], len = lens[k];
  for (int i = 0; i < n; i++) y[i] = (float)(from + rise * (e[i] / len));
}

/* The breakpoints kept in the state (constant over the block), a chunk at a time: each chunk
 * inside one segment drawn as a line (all but the chunks where a segment ends). */
static void constant_segments(segments_state *s, float *y, int frames) {
  const double *levels = s->levels, *lens = s->lens;
  int count = s->count;
  double dt = 1.0 / s->sample_rate;
  for (int at = 0; at < frames; at += CHUNK) {
    int n = frames - at < CHUNK ? frames - at : CHUNK;
    double c = s->samples, first = c * dt, last = (c + (n - 1)) * dt;
    if ((c + 2.0 * n) * dt >= STOP) { /* near where the time stops: sample by sample */
      for (int i = 0; i < n; i++) {
        double now = s->samples * dt;
        y[at + i] = (float)level_at(levels, lens, count, now);
        if (now < STOP) s->samples += 1.0;
      }
      continue;
    }
    s->samples = c + n;
    int k = segment_at(lens, count, &first);
    if (k == count) {
      for (int i = 0; i < n; i++) y[at + i] = (float)levels[count - 1];
    } else if (k == segment_at(lens, count, &last)) {
      line_of(levels, lens, k, c, dt, y + at, n);
    } else {
      for (int i = 0; i < n; i++) y[at + i] = (float)level_at(levels, lens, count, (c + i) * dt);
    }
  }
}

/* Whether the levels and times are all constants, the ones of the cache. */
static bool same_constants(const segments_state *s, const ph_cable *params) {
  bool same = s->cached;
  for (int p = 0; p < NKEY; p++) {
    uint32_t bits;
    memcpy(&bits, &params[p].constant, sizeof bits);
    same &= !params[p].buf && bits == s->key[p];
  }
  return same;
}

static void keep_constants(segments_state *s, const ph_cable *params, int count, const double *levels, const double *lens) {
  s->cached = true;
  for (int p = 0; p < NKEY; p++) {
    s->cached &= !params[p].buf;
    memcpy(&s->key[p], &params[p].constant, sizeof s->key[p]);
  }
  s->count = count;
  memcpy(s->levels, levels, sizeof s->levels);
  memcpy(s->lens, lens, sizeof s->lens);
}

/* Breakpoints from constants (the cache's): a block at a time, cut where the trigger rises. */
static void fixed_segments(segments_state *s, const ph_cable *trig, float *y, int frames) {
  if (!trig->buf) {
    float t = trig->constant; /* a constant trigger rises at most at the block's first sample */
    if (t > 0.5f && !(s->prev_trig > 0.5f)) s->samples = 0.0;
    s->prev_trig = t;
    constant_segments(s, y, frames);
    return;
  }
  int from = 0;
  for (int i = 0; i < frames; i++) {
    float t = trig->buf[i];
    if (t > 0.5f && !(s->prev_trig > 0.5f)) {
      if (i > from) constant_segments(s, y + from, i - from);
      s->samples = 0.0;
      from = i;
    }
    s->prev_trig = t;
  }
  constant_segments(s, y + from, frames - from);
}

static void segments_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  segments_state *s = state;
  const ph_cable *level = &in->params[0], *time = &in->params[MAX_LEVELS - 1], *trig = &in->params[2 * MAX_LEVELS - 1];
  if (frames > 0 && same_constants(s, in->params)) {
    fixed_segments(s, trig, out[0], frames);
    return;
  }
  /* time[k] leads from level[k - 1] to level[k]: time[1] is params[MAX_LEVELS]. */
  int count = 1;
  while (count < MAX_LEVELS && given(&level[count]) && given(&time[count])) count++;
  double dt = 1.0 / s->sample_rate;
  bool constant = true;
  for (int k = 0; k < count && constant; k++) constant = !level[k].buf && (k == 0 || !time[k].buf);
  if (constant) {
    /* the same arithmetic on values read once: the breakpoints where each segment starts */
    double levels[MAX_LEVELS] = {0}, lens[MAX_LEVELS] = {0};
    for (int k = 0; k < count; k++) {
      levels[k] = ph_dsp_signal(level[k].constant);
      lens[k] = k ? ph_dsp_clamp(time[k].constant, 0.0, 1e6) : 0.0;
    }
    keep_constants(s, in->params, count, levels, lens);
    if (frames > 0) fixed_segments(s, trig, out[0], frames);
    return;
  }
  for (int i = 0; i < frames; i++) {
    float t = ph_cable_at(trig, i);
    if (t > 0.5f && !(s->prev_trig > 0.5f)) s->samples = 0.0;
    s->prev_trig = t;
    double now = s->samples * dt, when = now, from = ph_dsp_signal(ph_cable_at(&level[0], i)), y = from;
    for (int k = 1; k < count; k++) {
      double to = ph_dsp_signal(ph_cable_at(&level[k], i)), len = ph_dsp_clamp(ph_cable_at(&time[k], i), 0.0, 1e6);
      if (when < len) {
        y = from + (to - from) * (when / len);
        break;
      }
      when -= len;
      y = from = to;
    }
    out[0][i] = (float)y;
    if (now < STOP) s->samples += 1.0;
  }
}

static uint32_t segments_steady(const void *state, float *const *out, int frames) { return ph_dsp_held(out[0], frames); }

#define LEVEL(name) {name, "", NAN, -1e9f, 1e9f, false, false, "a further level"}
#define TIME(name) {name, "s", NAN, 0.0f, 1e6f, false, false, "seconds to reach the level of the same place"}

static const ph_param_def segments_params[] = {
    {"levels", "list", 0.0f, -1e9f, 1e9f, false, true, "the first level; a string gives them all"},
    LEVEL("level1"), LEVEL("level2"), LEVEL("level3"), LEVEL("level4"), LEVEL("level5"), LEVEL("level6"),
    LEVEL("level7"),
    {"times", "s list", 1.0f, 0.0f, 1e6f, false, true, "seconds from the first level to the second; a string gives them all"},
    TIME("time2"), TIME("time3"), TIME("time4"), TIME("time5"), TIME("time6"), TIME("time7"),
    {"trig", "trigger", 0.0f, -1e9f, 1e9f, false, false, "starts the envelope again on each rising edge"},
};

/* Straight lines between levels, each read as ph_dsp_signal reads it (NaN: not given). */
static float segments_max_out(const float *in_max) {
  float m = 0.0f;
  for (int k = 0; k < MAX_LEVELS; k++) m = fmaxf(m, in_max[k]);
  return 2.0f * fminf(m, 1e9f);
}

const ph_unit_def ph_unit_segments = {
    .name = "segments",
    .aliases = NULL,
    .doc = "breakpoint envelope: straight lines through up to 8 levels, once or on each trigger",
    .params = segments_params,
    .nparams = PH_DSP_NPARAMS(segments_params),
    .noutputs = 1,
    .state_size = segments_size,
    .init = segments_init,
    .process = segments_process,
    .steady = segments_steady,
    .reset = segments_reset,
    .max_out = segments_max_out,
};
