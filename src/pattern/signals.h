/* Strudel's signals: continuous patterns (no wholes) whose value is a function of the time
 * where a query begins, and the generators built from them. Names follow signal.mjs:
 * a `2` suffix is the bipolar (-1..1) version. The no-argument ones are also listed, by
 * name, in the catalog (ph_signals_builtin). */
#ifndef PH_PATTERN_SIGNALS_H
#define PH_PATTERN_SIGNALS_H

#include "pattern/core.h"

/* ---- waveforms (0..1, or -1..1 for the bipolar versions) ---- */
ph_pat *ph_saw(ph_arena *a);
ph_pat *ph_saw2(ph_arena *a);
ph_pat *ph_isaw(ph_arena *a);
ph_pat *ph_isaw2(ph_arena *a);
ph_pat *ph_sine(ph_arena *a);
ph_pat *ph_sine2(ph_arena *a);
ph_pat *ph_cosine(ph_arena *a); /* sine a quarter cycle earlier */
ph_pat *ph_cosine2(ph_arena *a);
ph_pat *ph_square(ph_arena *a);
ph_pat *ph_square2(ph_arena *a);
ph_pat *ph_tri(ph_arena *a); /* saw then isaw, each half a cycle */
ph_pat *ph_tri2(ph_arena *a);
ph_pat *ph_itri(ph_arena *a); /* isaw then saw */
ph_pat *ph_itri2(ph_arena *a);
ph_pat *ph_time_signal(ph_arena *a); /* the cycle time itself, as a number */

/* ---- unipolar <-> bipolar, as Strudel's toBipolar / fromBipolar ---- */
ph_pat *ph_to_bipolar(ph_arena *a, ph_pat *pat);
ph_pat *ph_from_bipolar(ph_arena *a, ph_pat *pat);

/* ---- randomness (Strudel's legacy generator, see random.h) ---- */
ph_pat *ph_rand2(ph_arena *a);
ph_pat *ph_perlin(ph_arena *a); /* smooth noise through rand at each whole cycle */
ph_pat *ph_berlin(ph_arena *a); /* sawtooth-shaped noise, in 0..1 */
ph_pat *ph_brand(ph_arena *a);  /* true with probability 1/2 */
/* The patterned generators: the argument is a pattern of numbers, joined as Strudel does
 * (reify(n).fmap(...).innerJoin()), so irand("<4 8>") changes range every cycle. */
ph_pat *ph_brand_by(ph_arena *a, ph_pat *probability); /* true where rand < probability */
ph_pat *ph_irand(ph_arena *a, ph_pat *n);              /* integers 0..n-1 */
ph_pat *ph_run(ph_arena *a, ph_pat *n, ph_error *err); /* 0 1 .. n-1 in one cycle (discrete) */
/* n events per cycle, a random permutation of 0..n-1 each cycle (Strudel's randrun); n <= 0
 * gives silence; n == 1 fails when queried (an argument error), as Strudel's does. */
ph_pat *ph_randrun(ph_arena *a, int n);

#endif
