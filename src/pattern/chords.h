/* Chord names as the mini-notation writes them: a root note, a quote, a quality ("c4'maj",
 * "e3'min7", "a'sus4"). The notes come out as MIDI numbers, root first. Qualities follow
 * Tidal's chord table names (maj major M, min minor m, 7 dom7, maj7, m7 min7, dim, aug, sus2,
 * sus4, 6, m6, 9, maj9, m9, add9, 11, m11, 13, dim7, m7b5 (m7f5), 5 (power), 1 ...). */
#ifndef PH_PATTERN_CHORDS_H
#define PH_PATTERN_CHORDS_H

#include <stdbool.h>

#define PH_CHORD_MAX_NOTES 8

/* Whether text is a chord name; its notes (count written to *n) with the root in
 * default_octave when the name gives none. */
bool ph_chord_notes(const char *text, int default_octave, double *midi, int *n);

#endif
