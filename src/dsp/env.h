/* The envelope engine behind ad, tar, adsr and tadsr: linear segments, one state machine.
 *   ATTACK   rises by 1/(A·sr) per sample to 1 (from 0 it takes exactly A seconds);
 *   DECAY    falls by (1−S)/(D·sr) per sample to S (from 1 it takes D seconds);
 *   SUSTAIN  holds S (follows S when it moves) while the gate is on;
 *   RELEASE  falls by L/(R·sr) per sample, L the level it started from: R seconds to 0.
 * A segment shorter than one sample jumps. A (re)trigger starts the attack from the current
 * level, so a retrigger never clicks; the sample of the trigger is the first that rises.
 * A segment ends on the sample nearest its length (within half a step of its target). */
#ifndef PH_DSP_ENV_H
#define PH_DSP_ENV_H

#include "dsp/unit.h"

typedef enum { PH_ENV_IDLE, PH_ENV_ATTACK, PH_ENV_DECAY, PH_ENV_SUSTAIN, PH_ENV_RELEASE } ph_env_stage;

typedef struct {
  double level, release_from, sample_rate;
  float prev; /* last sample of the trigger or gate input */
  int stage;
} ph_env;

static inline void ph_env_init(ph_env *e, double sample_rate) {
  *e = (ph_env){0};
  e->sample_rate = sample_rate;
}

/* Samples a segment of `seconds` lasts; below one sample it jumps. */
static inline double ph_env_samples(float seconds, double sr) {
  double n = ph_dsp_clamp(seconds, 0.0, 3600.0) * sr;
  return n < 1.0 ? 1.0 : n;
}

/* A rising edge: the previous sample at or below 0.5, this one above. */
static inline bool ph_env_edge(ph_env *e, float x) {
  bool rise = !(e->prev > 0.5f) && x > 0.5f;
  e->prev = x;
  return rise;
}

static inline void ph_env_release(ph_env *e) {
  e->stage = PH_ENV_RELEASE;
  e->release_from = e->level;
}

/* One sample of the envelope. hold: sustain while the gate is on; otherwise the decay ends in
 * the release at once. */
static inline double ph_env_tick(ph_env *e, float a, float d, float s, float r, bool hold) {
  double sr = e->sample_rate, sus = ph_dsp_clamp(s, 0.0, 1.0), step;
  switch (e->stage) {
  case PH_ENV_ATTACK:
    step = 1.0 / ph_env_samples(a, sr);
    e->level += step;
    if (e->level >= 1.0 - 0.5 * step) {
      e->level = 1.0;
      e->stage = PH_ENV_DECAY;
    }
    break;
  case PH_ENV_DECAY:
    step = (1.0 - sus) / ph_env_samples(d, sr);
    e->level -= step;
    if (e->level <= sus + 0.5 * step) {
      e->level = sus;
      if (hold) {
        e->stage = PH_ENV_SUSTAIN;
      } else {
        ph_env_release(e);
        if (sus <= 0.0) e->stage = PH_ENV_IDLE;
      }
    }
    break;
  case PH_ENV_SUSTAIN: e->level = sus; break;
  case PH_ENV_RELEASE:
    step = e->release_from / ph_env_samples(r, sr);
    e->level -= step;
    if (e->level <= 0.5 * step) {
      e->level = 0.0;
      e->stage = PH_ENV_IDLE;
    }
    break;
  default: e->level = 0.0; break;
  }
  return e->level;
}

/* Trigger-driven: a rising edge restarts the attack; the envelope then runs its course. */
static inline double ph_env_triggered(ph_env *e, float trig, float a, float d, float s, float r) {
  if (ph_env_edge(e, trig)) e->stage = PH_ENV_ATTACK;
  return ph_env_tick(e, a, d, s, r, false);
}

/* Gate-driven: the gate's rising edge starts the attack, its fall starts the release. */
static inline double ph_env_gated(ph_env *e, float gate, float a, float d, float s, float r) {
  if (ph_env_edge(e, gate)) e->stage = PH_ENV_ATTACK;
  else if (!(gate > 0.5f) && e->stage != PH_ENV_IDLE && e->stage != PH_ENV_RELEASE) ph_env_release(e);
  return ph_env_tick(e, a, d, s, r, true);
}

/* A block of a gate-driven ADSR multiplied onto x (env, env_trig); adsr holds the A D S R cables. */
static inline void ph_env_gated_run(ph_env *e, const ph_cable *gate, const ph_cable *adsr, const ph_cable *x, float *y, int frames) {
  for (int i = 0; i < frames; i++) {
    double level = ph_env_gated(e, ph_cable_at(gate, i), ph_cable_at(&adsr[0], i), ph_cable_at(&adsr[1], i),
                                ph_cable_at(&adsr[2], i), ph_cable_at(&adsr[3], i));
    y[i] = (float)(level * ph_dsp_signal(ph_cable_at(x, i)));
  }
}

/* Per cycle (ad, adsr): `phase` is the position in the cycle; where it falls, a cycle has
 * begun and the attack starts. The envelope's `prev` holds the last phase; it starts above
 * any phase, so the first sample begins a cycle. */
static inline bool ph_env_cycle_begins(ph_env *e, float phase) {
  bool begins = phase < e->prev;
  e->prev = phase;
  return begins;
}

size_t ph_env_state_size(const ph_dsp_config *cfg);
void ph_env_unit_init(void *state, const ph_dsp_config *cfg);
void ph_env_unit_reset(void *state);
void ph_env_cycle_unit_init(void *state, const ph_dsp_config *cfg);
void ph_env_cycle_unit_reset(void *state);

/* The chain input an envelope multiplies (1 when standalone) and the cycle position. */
#define PH_ENV_IN_PARAM {"in", "", 1.0f, -1e9f, 1e9f, true, false, "the signal the envelope multiplies (the envelope itself when alone)"}
#define PH_ENV_PHASE_PARAM {"phase", "cycle", 0.0f, 0.0f, 1.0f, false, false, "position in the cycle (the song's own when omitted); a fall restarts the envelope"}

#endif
