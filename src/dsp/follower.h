/* The smoothing behind peak_follower and amp_follower: a one-pole follower that moves toward
 * its target with the ATTACK time constant when the target is above it and the RELEASE one
 * when below: y += (x − y)·(1 − e^(−1/(T·sr))). */
#ifndef PH_DSP_FOLLOWER_H
#define PH_DSP_FOLLOWER_H

#include <math.h>

#include "dsp/unit.h"

typedef struct {
  double y, sample_rate;
  double ms; /* amp_follower's mean square */
  float last_attack, last_release, last_window;
  double attack_coef, release_coef, window_coef;
} ph_follower;

/* 1 − e^(−1/(seconds·sr)), cached with the time it was computed for. */
static inline double ph_follower_coef(float seconds, float *last, double *coef, double sr) {
  if (!(seconds == *last)) {
    *last = seconds;
    double n = ph_dsp_clamp(seconds, 0.0, 3600.0) * sr;
    *coef = n < 1e-6 ? 1.0 : 1.0 - exp(-1.0 / n);
  }
  return *coef;
}

static inline double ph_follower_step(ph_follower *f, double target, float attack, float release) {
  double coef = target > f->y ? ph_follower_coef(attack, &f->last_attack, &f->attack_coef, f->sample_rate)
                              : ph_follower_coef(release, &f->last_release, &f->release_coef, f->sample_rate);
  f->y += (target - f->y) * coef;
  return f->y;
}

size_t ph_follower_size(const ph_dsp_config *cfg);
void ph_follower_init(void *state, const ph_dsp_config *cfg);
void ph_follower_reset(void *state);

#endif
