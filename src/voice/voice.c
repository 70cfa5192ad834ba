#include "voice/voice.h"

#include <math.h>

#include "core/vectorise.h"

void ph_voice_start(ph_voice *v, const ph_voice_params *p, uint64_t serial) {
  *v = (ph_voice){.p = *p, .state = PH_VOICE_ON, .serial = serial, .level = 1.0, .held_for = 0};
  double span = p->end - p->begin;
  v->pos = p->rate >= 0 ? p->begin : p->end - 1e-9;
  v->nominal = fabs(p->rate) > 1e-9 ? span / fabs(p->rate) : INFINITY;
  /* equal power: a mono sample is -3 dB in each channel at the centre; a stereo one keeps its
   * level there */
  double angle = p->pan * 1.57079632679489661923, boost = p->sample->channels == 2 ? sqrt(2.0) : 1.0;
  v->gain_l = (float)(cos(angle) * boost * p->gain);
  v->gain_r = (float)(sin(angle) * boost * p->gain);
}

void ph_voice_fade(ph_voice *v, double samples) {
  if (v->state == PH_VOICE_FREE) return;
  double fall = v->level / (samples < 1.0 ? 1.0 : samples);
  if (fall > v->fall) v->fall = fall;
  v->state = PH_VOICE_FADING;
}

/* Catmull-Rom through y0..y3 at t in [0, 1) between y1 and y2. */
static inline float catmull_rom(float y0, float y1, float y2, float y3, float t) {
  float a = 0.5f * (y3 - y0) + 1.5f * (y1 - y2), b = y0 - 2.5f * y1 + 2.0f * y2 - 0.5f * y3, c = 0.5f * (y2 - y0);
  return ((a * t + b) * t + c) * t + y1;
}

/* Zero outside the sample. */
static inline float frame_at(const ph_sample *s, int64_t i, int ch) {
  if (i < 0 || (size_t)i >= s->frames) return 0.0f;
  return s->data[(size_t)i * (size_t)s->channels + (size_t)ch];
}

static inline float read_at(const ph_sample *s, double pos, int ch) {
  double fl = floor(pos);
  int64_t i = (int64_t)fl;
  float t = (float)(pos - fl);
  return catmull_rom(frame_at(s, i - 1, ch), frame_at(s, i, ch), frame_at(s, i + 1, ch), frame_at(s, i + 2, ch), t);
}

static inline float shaped(float x, float k) { return k > 0.0f ? x * (1.0f + k) / (1.0f + k * fabsf(x)) : x; }

/* One sample with everything a voice can do; false when the voice ended instead. */
static bool render_sample(ph_voice *v, float *l, float *r, float k, int right) {
  const ph_voice_params *p = &v->p;
  const ph_sample *s = p->sample;
  if (v->fall == 0.0 && p->length >= 0.0 && v->elapsed >= p->length)
    v->fall = v->level / (p->release < 1.0 ? 1.0 : p->release);
  if (v->fall > 0.0) {
    v->level -= v->fall;
    if (v->level <= 0.0) return false;
  }
  if (p->rate >= 0 ? v->pos >= p->end : v->pos < p->begin) {
    double span = p->end - p->begin;
    if (!p->loop || span <= 0.0) return false;
    double into = p->rate >= 0 ? v->pos - p->end : p->begin - v->pos;
    into = fmod(into, span);
    v->pos = p->rate >= 0 ? p->begin + into : p->end - into - 1e-9;
  }
  if (v->held_for <= 0) {
    v->held_l = shaped(read_at(s, v->pos, 0), k);
    v->held_r = right ? shaped(read_at(s, v->pos, 1), k) : v->held_l;
    v->held_for = p->coarse;
  }
  v->held_for--;
  double env = v->level;
  if (p->attack > 0.0 && v->elapsed < p->attack) {
    env *= (v->elapsed + 1.0) / (p->attack + 1.0);
  } else if (p->level < 1.0f) {
    double into = v->elapsed - p->attack;
    env *= into < p->decay ? 1.0 - (1.0 - p->level) * (into + 1.0) / (p->decay + 1.0) : p->level;
  }
  *l += (float)(v->held_l * v->gain_l * env);
  *r += (float)(v->held_r * v->gain_r * env);
  double progress = v->elapsed < v->nominal ? v->elapsed / v->nominal : 1.0;
  v->pos += p->rate * (1.0 + p->accelerate * progress);
  v->elapsed += 1.0;
  return true;
}

/* The frames themselves, at rate 1 from a whole frame (where the interpolation gives them
 * exactly), at most n, before the segment's end; how many. */
PH_VECTORISED
static int copy_frames(ph_voice *v, float *restrict l, float *restrict r, int n) {
  const ph_sample *s = v->p.sample;
  double last = v->p.end < (double)s->frames ? v->p.end : (double)s->frames;
  double room = ceil(last - v->pos);
  if (!(v->pos >= 0.0) || room < 1.0) return 0;
  if (room < n) n = (int)room;
  float gl = v->gain_l, gr = v->gain_r;
  size_t at = (size_t)v->pos;
  if (s->channels == 2) {
    const float *restrict f = s->data + 2 * at;
    for (int i = 0; i < n; i++) {
      l[i] += f[2 * i] * gl;
      r[i] += f[2 * i + 1] * gr;
    }
    v->held_l = f[2 * n - 2];
    v->held_r = f[2 * n - 1];
  } else {
    const float *restrict f = s->data + at;
    for (int i = 0; i < n; i++) {
      l[i] += f[i] * gl;
      r[i] += f[i] * gr;
    }
    v->held_l = v->held_r = f[n - 1];
  }
  v->pos += n;
  return n;
}

/* The interpolated frames whose first frames (the one before each position) are at data[at[i]]
 * and whose fractions are t[i], added to l and r: side by side, the reads gathered. */
PH_VECTORISED
static void add_interpolated(const float *restrict data, int ch, const int64_t *restrict at, const float *restrict t,
                             float gl, float gr, float *restrict l, float *restrict r, int n) {
  if (ch == 2)
    for (int i = 0; i < n; i++) {
      int64_t a = at[i];
      l[i] += catmull_rom(data[a], data[a + 2], data[a + 4], data[a + 6], t[i]) * gl;
      r[i] += catmull_rom(data[a + 1], data[a + 3], data[a + 5], data[a + 7], t[i]) * gr;
    }
  else
    for (int i = 0; i < n; i++) {
      int64_t a = at[i];
      float y = catmull_rom(data[a], data[a + 1], data[a + 2], data[a + 3], t[i]);
      l[i] += y * gl;
      r[i] += y * gr;
    }
}

/* Interpolated frames at any forward rate, at most n, while the position is before the
 * segment's end and its four frames inside the sample; how many. The positions one after
 * the other (an addition a frame), then the frames side by side. */
static int interpolate_frames(ph_voice *v, float *restrict l, float *restrict r, int n) {
  enum { CHUNK = 256 };
  const ph_sample *s = v->p.sample;
  double pos = v->pos, rate = v->p.rate, hi = (double)s->frames - 2.0;
  if (v->p.end < hi) hi = v->p.end;
  if (!(pos >= 1.0)) return 0;
  int ch = s->channels, i = 0;
  int64_t at[CHUNK];
  float t[CHUNK];
  while (i < n && pos < hi) {
    int m = 0;
    for (; m < CHUNK && i + m < n && pos < hi; m++) {
      int64_t frame = (int64_t)pos; /* floor: pos >= 1 */
      t[m] = (float)(pos - (double)frame);
      at[m] = (frame - 1) * ch;
      pos += rate;
    }
    add_interpolated(s->data, ch, at, t, v->gain_l, v->gain_r, l + i, r + i, m);
    const float *f = s->data + at[m - 1]; /* the last frame, held for what follows */
    v->held_l = catmull_rom(f[0], f[ch], f[2 * ch], f[3 * ch], t[m - 1]);
    v->held_r = ch == 2 ? catmull_rom(f[1], f[3], f[5], f[7], t[m - 1]) : v->held_l;
    i += m;
  }
  v->pos = pos;
  return i;
}

/* Renders what it can of the next n samples while the voice needs nothing but reading
 * forwards at full level (no attack, decay, release, fade, acceleration, shaping or coarse
 * holds: render_sample would multiply by 1 and add 0); how many. */
static int render_plain(ph_voice *v, float *restrict l, float *restrict r, int n) {
  const ph_voice_params *p = &v->p;
  if (v->fall != 0.0 || v->level != 1.0 || v->held_for > 0 || v->elapsed < p->attack) return 0;
  if (p->length >= 0.0) {
    double room = p->length - v->elapsed; /* the release starts when elapsed reaches length */
    if (room < n + 1.0) n = room > 1.0 ? (int)room - 1 : 0;
  }
  if (n <= 0) return 0;
  bool whole = v->pos == (double)(int64_t)v->pos; /* pos >= 0: reading forwards from begin */
  n = p->rate == 1.0 && whole ? copy_frames(v, l, r, n) : interpolate_frames(v, l, r, n);
  v->elapsed += n;
  return n;
}

void ph_voice_render(ph_voice *v, float *restrict l, float *restrict r, int frames) {
  const ph_voice_params *p = &v->p;
  float k = p->shape > 0.0f ? 2.0f * p->shape / (1.0f - p->shape) : 0.0f;
  int right = p->sample->channels == 2 ? 1 : 0;
  bool may_be_plain = p->rate > 0.0 && p->accelerate == 0.0 && p->coarse == 1 && !(p->shape > 0.0f) && !(p->level < 1.0f);
  int i = 0;
  while (i < frames) {
    if (may_be_plain) i += render_plain(v, l + i, r + i, frames - i);
    if (i == frames) break;
    if (!render_sample(v, l + i, r + i, k, right)) {
      v->state = PH_VOICE_FREE;
      break;
    }
    i++;
  }
}
