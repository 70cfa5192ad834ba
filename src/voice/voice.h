/* One sample voice: plays a segment of a sample at a rate (negative: backwards), with an
 * attack, a length after which it releases, a fade for when it is stolen or cut, equal-power
 * panning, waveshaping and sample-rate reduction. Rendering adds into the block's buffers;
 * it never allocates. */
#ifndef PH_VOICE_VOICE_H
#define PH_VOICE_VOICE_H

#include <stdbool.h>
#include <stdint.h>

#include "voice/bank.h"

typedef struct {
  const ph_sample *sample;
  double rate;            /* sample frames per output sample; negative plays backwards */
  double begin, end;      /* the segment, in frames, begin < end */
  bool loop;              /* from one end of the segment to the other until the release */
  float gain;             /* linear */
  float pan;              /* 0 left, 0.5 centre, 1 right */
  double length;          /* output samples before the release begins; < 0: to the segment's end */
  double attack, release; /* output samples */
  double decay;           /* output samples from the attack's peak down to `level` */
  float level;            /* the sustain level, 0..1 (1: no decay) */
  float shape;            /* waveshaping amount, 0 (none) .. 0.99 */
  int coarse;             /* hold each output value this many samples (1: none) */
  double accelerate;      /* the rate grows by this fraction of itself over the segment */
  int cut;                /* cut group, 0 for none */
  int orbit;              /* the output pair it sounds on, 0..PH_VOICE_ORBITS-1 */
} ph_voice_params;

#define PH_VOICE_ORBITS 4

typedef enum { PH_VOICE_FREE, PH_VOICE_ON, PH_VOICE_FADING } ph_voice_state;

typedef struct {
  ph_voice_params p;
  int state;
  uint64_t serial; /* start order: the oldest is stolen first */
  double pos;      /* read position, frames */
  double elapsed;  /* output samples played */
  double nominal;  /* output samples the segment lasts at the starting rate */
  double level;    /* release and fade multiplier, 1 → 0 */
  double fall;     /* what level loses per sample once falling, 0 before */
  float gain_l, gain_r;
  float held_l, held_r;
  int held_for;
} ph_voice;

void ph_voice_start(ph_voice *v, const ph_voice_params *p, uint64_t serial);
/* Adds the voice's next `frames` samples into l and r; it becomes FREE when it ends. */
void ph_voice_render(ph_voice *v, float *restrict l, float *restrict r, int frames);
/* Fades it out over `samples` from where its level is (a steal or a cut): FADING, then FREE. */
void ph_voice_fade(ph_voice *v, double samples);

#endif
