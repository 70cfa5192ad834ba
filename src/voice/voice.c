#include "voice/voice.h"

#include <math.h>

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

/* Catmull-Rom between frames, zero outside the sample. */
static inline float frame_at(const ph_sample *s, int64_t i, int ch) {
  if (i < 0 || (size_t)i >= s->frames) return 0.0f;
  return s->data[(size_t)i * (size_t)s->channels + (size_t)ch];
}

static inline float read_at(const ph_sample *s, double pos, int ch) {
  double fl = floor(pos);
  int64_t i = (int64_t)fl;
  float t = (float)(pos - fl);
  float y0 = frame_at(s, i - 1, ch), y1 = frame_at(s, i, ch), y2 = frame_at(s, i + 1, ch), y3 = frame_at(s, i + 2, ch);
  float a = 0.5f * (y3 - y0) + 1.5f * (y1 - y2), b = y0 - 2.5f * y1 + 2.0f * y2 - 0.5f * y3, c = 0.5f * (y2 - y0);
  return ((a * t + b) * t + c) * t + y1;
}

static inline float shaped(float x, float k) { return k > 0.0f ? x * (1.0f + k) / (1.0f + k * fabsf(x)) : x; }

void ph_voice_render(ph_voice *v, float *restrict l, float *restrict r, int frames) {
  const ph_voice_params *p = &v->p;
  const ph_sample *s = p->sample;
  double span = p->end - p->begin;
  float k = p->shape > 0.0f ? 2.0f * p->shape / (1.0f - p->shape) : 0.0f;
  int right = s->channels == 2 ? 1 : 0;
  for (int i = 0; i < frames && v->state != PH_VOICE_FREE; i++) {
    if (v->fall == 0.0 && p->length >= 0.0 && v->elapsed >= p->length)
      v->fall = v->level / (p->release < 1.0 ? 1.0 : p->release);
    if (v->fall > 0.0) {
      v->level -= v->fall;
      if (v->level <= 0.0) {
        v->state = PH_VOICE_FREE;
        break;
      }
    }
    if (p->rate >= 0 ? v->pos >= p->end : v->pos < p->begin) {
      if (!p->loop || span <= 0.0) {
        v->state = PH_VOICE_FREE;
        break;
      }
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
    l[i] += (float)(v->held_l * v->gain_l * env);
    r[i] += (float)(v->held_r * v->gain_r * env);
    double progress = v->elapsed < v->nominal ? v->elapsed / v->nominal : 1.0;
    v->pos += p->rate * (1.0 + p->accelerate * progress);
    v->elapsed += 1.0;
  }
}
