/* Random choices among patterns and random rearrangements of a pattern, as Strudel's
 * choose, chooseIn, chooseCycles (randcat), wchoose, wchooseCycles (wrandcat), shuffle and
 * scramble. Lists of patterns are not patterns, so the choosers are plain functions for the
 * language to call; shuffle and scramble are also in the catalog (transforms_random.c). */
#ifndef PH_PATTERN_RANDOM_CHOOSE_H
#define PH_PATTERN_RANDOM_CHOOSE_H

#include "pattern/core.h"

/* A continuous choice: at each query rand picks one of xs, whose events play (choose). */
ph_pat *ph_choose(ph_arena *a, ph_pat *const *xs, int n);
/* As choose, with the structure of the chosen patterns (chooseIn). */
ph_pat *ph_choose_in(ph_arena *a, ph_pat *const *xs, int n);
/* One of xs, chosen afresh every cycle (chooseCycles, randcat). */
ph_pat *ph_choose_cycles(ph_arena *a, ph_pat *const *xs, int n);
/* As choose and chooseCycles, each x with a relative weight (wchoose, wchooseCycles). The
 * weights are numbers (Strudel also accepts patterns of weights: not supported here). */
ph_pat *ph_wchoose(ph_arena *a, ph_pat *const *xs, const double *weights, int n);
ph_pat *ph_wchoose_cycles(ph_arena *a, ph_pat *const *xs, const double *weights, int n);

/* Each cycle cut into n parts played in a random order, each part once (shuffle), or n
 * parts each picked at random, repeats allowed (scramble). n < 0 gives NULL with err set;
 * shuffle 1 fails when queried, as in Strudel. */
ph_pat *ph_shuffle_c(ph_arena *a, int n, ph_pat *pat, ph_error *err);
ph_pat *ph_scramble_c(ph_arena *a, int n, ph_pat *pat, ph_error *err);

#endif
