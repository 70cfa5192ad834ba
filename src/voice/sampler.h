/* The sampler: `s "bd*2 [sn cp]" # n 1 # speed "1 2"` as voices. Each event of its control
 * pattern starting in a block starts a voice on its exact sample, with the parameters
 * SuperDirt users know, each taken from the event's map or, when the map lacks it, from the
 * signal given for it (read at the onset sample):
 *   s          "name" or "name:i": sample i (mod count) of the bank's name
 *   n          the sample's index (rounded), instead of name:i
 *   note, up   semitones (a note name counts from c4), playing the sample faster or slower
 *   speed      the rate, negative backwards; unit "c": speed per cycle (the whole sample
 *              lasts 1/speed cycles, a begin..end segment its share)
 *   gain, velocity   multiply the level; pan 0 (left) .. 1 (right), equal power
 *   begin, end the part of the sample, 0..1; loop > 0.5 loops it until the release
 *   legato     the voice lasts this many times its event; sustain: that many seconds;
 *              hold: attack + hold seconds; then release seconds of fade (5 ms by default)
 *   attack     seconds of fade-in; shape 0..0.99 waveshaping; coarse N holds every Nth
 *              sample; accelerate: the rate grows by this fraction over the sample
 *   cut        a group: a voice starting cuts (8 ms fade) the others of its group
 * At most PH_SAMPLER_POLYPHONY voices sound: a new one steals the oldest, faded over 8 ms. */
#ifndef PH_VOICE_SAMPLER_H
#define PH_VOICE_SAMPLER_H

#include "graph/graph.h"
#include "graph/voices.h"
#include "voice/bank.h"

#define PH_SAMPLER_POLYPHONY 128
#define PH_SAMPLER_SLOTS 1024 /* sounding and fading voices together */

extern const ph_unit_def ph_unit_sampler;
/* Sample and synth voices sounding in a graph after its last block. The audio thread's (it
 * reads the units' states). */
int ph_voices_sounding(const ph_graph *g);

/* The hooks a song needs to play `s` from `bank`. */
ph_voice_hooks ph_sampler_hooks(const ph_bank *bank);

#endif
