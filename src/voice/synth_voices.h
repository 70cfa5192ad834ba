/* Synth voices: a bus played as an instrument (`s "~lead(3,8)" # note "c3 e3"`). The graph
 * holds PH_SYNTH_VOICES copies of the bus's expression; this unit, the allocator, hands each
 * event of the control pattern to a copy and drives it through four outputs per voice k:
 *   4k     pitch ratio: the copy's oscillators run at their own frequency times this
 *   4k + 1 level: attack, held for the event (times legato, or sustain seconds), release,
 *          times gain and velocity
 *   4k + 2 pan, -1..1
 *   4k + 3 trigger: 1 on the sample the note starts (a synth's own envelopes follow it)
 * A note number transposes by semitones (n adds to it); a note name sets the pitch of the
 * bus's root (its first oscillator's frequency) to that note's; a chord takes a voice per
 * tone. More notes than voices: the oldest voice takes the new note, its level continuing
 * from where it is (no click).
 * A copy runs only while its voice sounds (the binding's `sounding` gates it): a note that
 * takes a silent voice starts its copy anew, as a new instrument (oscillators at their start,
 * filters and delays empty, noise new); between notes the copy costs nothing. */
#ifndef PH_VOICE_SYNTH_VOICES_H
#define PH_VOICE_SYNTH_VOICES_H

#include "graph/voices.h"

#define PH_SYNTH_VOICES 8
#define PH_SYNTH_OUTPUTS_PER_VOICE 4

extern const ph_unit_def ph_unit_synth_voices;
void ph_synth_voices_bind(void *state, const ph_synth_binding *b);
int ph_synth_voices_sounding(const void *state);

#endif
