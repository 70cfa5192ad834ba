/* Mini-notation: the little language inside pattern strings, with Strudel 1.2.6's meaning
 * (krill grammar, mini.mjs): sequences, ~ and - rests, [ ], < >, { }%n, ',' stacks, '|'
 * random choice, '.' feet, * / ! @ _ ? (k,n,r) : .. operators, '^' steps, numbers read as
 * JavaScript's Number() reads them, every other word a string ("bd:3" is one word).
 * Phonon's additions: "~name" is one word (a bus), and so is "c4'maj" (a chord name). */
#ifndef PH_PATTERN_MINI_H
#define PH_PATTERN_MINI_H

#include "pattern/pattern.h"

/* Parses src into a pattern allocated from a. On a malformed string returns NULL and sets
 * err with the offset of the problem in src (err->source = src, column = offset + 1).
 * Euclid rhythms use the catalog's "euclid" and "euclidRot" transforms. */
ph_pat *ph_mini_parse(ph_arena *a, const char *src, ph_error *err);
/* The same, for a string heard as a signal: a rest is an event valued "~" (the signal is 0
 * there), where in a pattern it is silence (a gap, where a signal holds its last value). */
ph_pat *ph_mini_parse_signal(ph_arena *a, const char *src, ph_error *err);

#endif
