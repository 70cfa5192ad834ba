#include "voice/controls.h"

#include <math.h>
#include <string.h>

#include "pattern/ops.h"

const ph_param_def ph_voice_controls[PH_CONTROL_COUNT] = {
    [PH_CTL_N] = {"n", "", NAN, 0.0f, 1e6f, false, false, "the sample's index in its folder"},
    [PH_CTL_NOTE] = {"note", "semitones", NAN, -128.0f, 128.0f, false, false, "pitch: faster or slower by semitones"},
    [PH_CTL_SPEED] = {"speed", "", NAN, -100.0f, 100.0f, false, false, "playback rate, negative backwards"},
    [PH_CTL_GAIN] = {"gain", "", NAN, 0.0f, 10.0f, false, false, "level"},
    [PH_CTL_VELOCITY] = {"velocity", "", NAN, 0.0f, 10.0f, false, false, "level, multiplied with gain"},
    [PH_CTL_PAN] = {"pan", "", NAN, -1.0f, 1.0f, false, false, "-1 left .. 1 right, equal power"},
    [PH_CTL_BEGIN] = {"begin", "", NAN, 0.0f, 1.0f, false, false, "where in the sample to start, 0..1"},
    [PH_CTL_END] = {"end", "", NAN, 0.0f, 1.0f, false, false, "where in the sample to stop, 0..1"},
    [PH_CTL_LOOP] = {"loop", "", NAN, 0.0f, 1.0f, false, false, "above 0.5: loop until the release"},
    [PH_CTL_CUT] = {"cut", "", NAN, 0.0f, 1e6f, false, false, "cut group: a new voice cuts the others of its group"},
    [PH_CTL_LEGATO] = {"legato", "", NAN, 0.0f, 1e3f, false, false, "length as a multiple of the event's"},
    [PH_CTL_SUSTAIN] = {"sustain", "s", NAN, 0.0f, 3600.0f, false, false, "length in seconds"},
    [PH_CTL_UNIT] = {"unit", "", NAN, 0.0f, 1.0f, false, false, "\"c\" (or above 0.5): speed in cycles"},
    [PH_CTL_ATTACK] = {"attack", "s", NAN, 0.0f, 60.0f, false, false, "fade-in time"},
    [PH_CTL_RELEASE] = {"release", "s", NAN, 0.0f, 60.0f, false, false, "fade-out time after the length"},
    [PH_CTL_HOLD] = {"hold", "s", NAN, 0.0f, 3600.0f, false, false, "time between attack and release"},
    [PH_CTL_SHAPE] = {"shape", "", NAN, 0.0f, 0.99f, false, false, "waveshaping amount"},
    [PH_CTL_COARSE] = {"coarse", "", NAN, 0.0f, 1024.0f, false, false, "keep every Nth sample (sample-rate reduction)"},
    [PH_CTL_ACCELERATE] = {"accelerate", "", NAN, -100.0f, 100.0f, false, false, "rate change over the sample"},
    [PH_CTL_DECAY] = {"decay", "s", NAN, 0.0f, 60.0f, false, false, "time from the attack's peak down to the sustain level"},
    [PH_CTL_ORBIT] = {"orbit", "", NAN, 0.0f, 3.0f, false, false, "0: the chain after s; N: output oN, past the chain's effects"},
};

static bool number_of(ph_value v, double *out) {
  if (v.kind == PH_VAL_NUM) {
    *out = v.as.num;
    return true;
  }
  if (v.kind == PH_VAL_STR) {
    if (ph_value_to_num(v, out)) return true;
    double midi;
    if (ph_note_midi(v.as.str, 4, &midi)) {
      *out = midi - 60.0; /* a note name counts from c4 */
      return true;
    }
  }
  if (v.kind == PH_VAL_BOOL) {
    *out = v.as.b;
    return true;
  }
  return false;
}

/* A control: the event's value, else the signal's at the onset, else NaN. */
double ph_control(const ph_vmap *m, const ph_dsp_inputs *in, int p, int at, const char *alias) {
  double x;
  const ph_value *v = m ? ph_map_get(m, ph_voice_controls[p].name) : NULL;
  if (!v && alias && m) v = ph_map_get(m, alias);
  if (v && number_of(*v, &x)) return x;
  float c = ph_cable_at(&in->params[p], at);
  if (isnan(c)) return NAN;
  return p == PH_CTL_PAN ? (c + 1.0) * 0.5 : c; /* a signal pans -1..1 */
}



double ph_control_sustain_level(const ph_vmap *m) {
  double x;
  const ph_value *v = m ? ph_map_get(m, "adsr_sustain") : NULL;
  return v && number_of(*v, &x) ? ph_dsp_clamp(x, 0.0, 1.0) : 1.0;
}
