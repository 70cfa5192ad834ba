/* Euclidean rhythms as Strudel's euclid.mjs makes them: Bjorklund's algorithm (as in Rohan
 * Drape's Haskell port), negative pulses meaning the inverted rhythm, rotation to the right. */
#ifndef PH_PATTERN_EUCLID_H
#define PH_PATTERN_EUCLID_H

#include "pattern/core.h"

/* The largest step count accepted (Strudel has no limit short of memory). */
#define PH_EUCLID_MAX_STEPS 65536

/* Writes `steps` onsets (1) and rests (0) to a fresh array in *out. Pulses and steps must be
 * integers with |pulses| <= steps (Strudel fails with "Invalid array length" otherwise);
 * negative pulses give the complement of the rhythm for |pulses|. */
bool ph_bjorklund(ph_arena *a, double pulses, double steps, int **out, int *count, ph_error *err);
/* Strudel's rotate(bits, -rotation): the last trunc(rotation) steps move to the front;
 * a rotation at or past the length (either sign) leaves the rhythm as it is. False when the
 * arena is exhausted. */
bool ph_euclid_rotate(int *bits, int count, double rotation, ph_arena *a);

/* pat restructured by the rhythm: pat.struct(bjorklund rotated), Strudel's _euclidRot. */
ph_pat *ph_euclid_c(ph_arena *a, double pulses, double steps, double rotation, ph_pat *pat, ph_error *err);
/* Strudel's _euclidLegato: each onset lasts until the next; silence for pulses < 1. */
ph_pat *ph_euclid_legato_c(ph_arena *a, double pulses, double steps, double rotation, ph_pat *pat, ph_error *err);

#endif
