/* The controls of a voice (SuperDirt's names), shared by sample and synth voices: the table
 * the units declare as their parameters, and how a value is read at an event's onset. */
#ifndef PH_VOICE_CONTROLS_H
#define PH_VOICE_CONTROLS_H

#include "dsp/unit.h"
#include "pattern/value.h"

enum {
  PH_CTL_N, PH_CTL_NOTE, PH_CTL_SPEED, PH_CTL_GAIN, PH_CTL_VELOCITY, PH_CTL_PAN, PH_CTL_BEGIN, PH_CTL_END, PH_CTL_LOOP, PH_CTL_CUT, PH_CTL_LEGATO, PH_CTL_SUSTAIN, PH_CTL_UNIT,
  PH_CTL_ATTACK, PH_CTL_RELEASE, PH_CTL_HOLD, PH_CTL_SHAPE, PH_CTL_COARSE, PH_CTL_ACCELERATE, PH_CTL_DECAY, PH_CTL_ORBIT, PH_CONTROL_COUNT
};

extern const ph_param_def ph_voice_controls[PH_CONTROL_COUNT];

/* A control: the event's map value (numbers; note names count from c4), else the signal's
 * value at sample `at` (pan from -1..1 to the map's 0..1), else NaN. alias: a second key. */
double ph_control(const ph_vmap *m, const ph_dsp_inputs *in, int p, int at, const char *alias);
/* The level an ADSR decays to (`adsr A D S R` sets it; 1 when absent), 0..1. */
double ph_control_sustain_level(const ph_vmap *m);
static inline double ph_control_or(double x, double def) { return x != x ? def : x; }

#endif
