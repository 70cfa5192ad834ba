/* Structure transforms with constant arguments, each meaning what Strudel's function of the
 * same name means (the `_name` versions of pattern.mjs). The catalog entries in
 * transforms_structure.c patternify them. All return NULL when the arena is exhausted or,
 * with err set, when an argument is unusable. */
#ifndef PH_PATTERN_STRUCTURE_H
#define PH_PATTERN_STRUCTURE_H

#include "pattern/core.h"

/* The most parts iter and chunk build, and repetitions plyWith applies its function for
 * (Strudel runs out of memory or time well before a real limit). */
#define PH_STRUCTURE_MAX_PARTS (1 << 20)
#define PH_STRUCTURE_MAX_PLY_WITH 256

/* ---- time (structure_time.c) ---- */
ph_pat *ph_rev_c(ph_arena *a, ph_pat *pat);  /* each cycle backwards */
ph_pat *ph_revv_c(ph_arena *a, ph_pat *pat); /* the whole timeline backwards, around 0 */
/* Plays [s, e) of each cycle stretched over the cycle; s >= e gives silence. */
ph_pat *ph_zoom_c(ph_arena *a, ph_rat s, ph_rat e, ph_pat *pat);
/* Repeats the first t of each cycle (the last -t when t is negative). */
ph_pat *ph_linger_c(ph_arena *a, ph_rat t, ph_pat *pat);
/* Cycle k starts k/times further in (back: further back); floor(times) cycles in a loop. */
ph_pat *ph_iter_c(ph_arena *a, ph_rat times, bool back, ph_pat *pat, ph_error *err);
/* Cycles alternate forwards and backwards (negative odd cycles are silent, as in Strudel). */
ph_pat *ph_palindrome_c(ph_arena *a, ph_pat *pat);
/* Loops `cycles` cycles starting at cycle `offset`. */
ph_pat *ph_ribbon_c(ph_arena *a, ph_rat offset, ph_rat cycles, ph_pat *pat);
/* f applied to the pattern slowed (inside) or sped up (outside) by factor, then undone. */
ph_pat *ph_inside_c(ph_arena *a, ph_rat factor, const ph_func *f, ph_pat *pat, ph_error *err);
ph_pat *ph_outside_c(ph_arena *a, ph_rat factor, const ph_func *f, ph_pat *pat, ph_error *err);
/* Delays the second half of each of the n slices of a cycle by swing/2 of a slice. */
ph_pat *ph_swing_by_c(ph_arena *a, double swing, ph_rat n, ph_pat *pat, ph_error *err);

/* ---- events (structure_events.c) ---- */
ph_pat *ph_ply_c(ph_arena *a, ph_rat factor, ph_pat *pat);     /* each event repeated factor times */
/* ply, the i-th repetition of each event transformed i times by f. */
ph_pat *ph_ply_with_c(ph_arena *a, ph_rat factor, const ph_func *f, ph_pat *pat, ph_error *err);
ph_pat *ph_press_by_c(ph_arena *a, ph_rat r, ph_pat *pat);     /* each event shifted r into its span */
/* fast r, with speed multiplied by r ({value: x, speed: r} for plain values). */
ph_pat *ph_hurry_c(ph_arena *a, ph_rat r, double speed, ph_pat *pat);
ph_pat *ph_invert_c(ph_arena *a, ph_pat *pat); /* values become booleans, negated */
ph_pat *ph_brak_c(ph_arena *a, ph_pat *pat);
/* f applied to one of n parts per cycle in turn; n must be a whole number >= 1. */
ph_pat *ph_chunk_c(ph_arena *a, ph_rat n, const ph_func *f, bool back, bool fast, ph_pat *pat, ph_error *err);
/* Slices cycles into npat parts and plays the slices ipat names (not patternified). */
ph_pat *ph_bite_c(ph_arena *a, ph_pat *npat, ph_pat *ipat, ph_pat *pat);

/* Tidal's rot: values shifted n events along each cycle, structure kept. */
ph_pat *ph_rot_c(ph_arena *a, int64_t n, ph_pat *pat);

#endif
