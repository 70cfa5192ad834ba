/* Strudel's randomness, reproduced bit for bit: a xorshift hash of the query time, so the
 * same cycle always gives the same numbers (no hidden state, render == live). */
#ifndef PH_PATTERN_RANDOM_H
#define PH_PATTERN_RANDOM_H

#include "pattern/core.h"

/* The random number in [0,1) Strudel's `rand` gives at time t (legacy RNG). */
double ph_rand_at(double t);
/* n numbers at time t, as Strudel's timeToRands(t, n) (n > 1: successive xorshifts). */
void ph_rands_at(double t, int n, double *out);
/* The xorshift step and the time-to-seed mapping, for transforms that iterate seeds. */
int32_t ph_rand_xorwise(int32_t x);
int32_t ph_rand_time_seed(double t);
double ph_rand_seed_to_unit(int32_t seed);

ph_pat *ph_rand(ph_arena *a); /* continuous: rand at the query's begin */
/* Keeps events of pat where with (sampled over each event's whole) is above x. */
ph_pat *ph_degrade_by_with(ph_arena *a, ph_pat *with, double x, ph_pat *pat);
/* As degrade_by_with, but keeps where with is at or below x (undegradeBy's complement). */
ph_pat *ph_undegrade_by_with(ph_arena *a, ph_pat *with, double x, ph_pat *pat);
/* Strudel's chooseInWith: with (0..1) picks which of xs plays; structure from the choice. */
ph_pat *ph_choose_in_with(ph_arena *a, ph_pat *with, ph_pat *const *xs, int n);
/* chooseWith: the structure from `with` (outer join). */
ph_pat *ph_choose_with(ph_arena *a, ph_pat *with, ph_pat *const *xs, int n);

#endif
