#include <math.h>
/* The structure transforms of the catalog: argument checking and patternifying around the
 * constant versions of structure_time.c and structure_events.c. Each is registered as in
 * Strudel 1.2.6: patterned arguments through an inner join, bite unpatternified, and the
 * steps of the source kept where Strudel's register() is told to preserve them. */
#include "pattern/registry.h"
#include "pattern/structure.h"

static bool arg_func(ph_value v, const ph_func **out, ph_error *err, const char *what) {
  if (v.kind == PH_VAL_FUNC && v.as.fn) {
    *out = v.as.fn;
    return true;
  }
  ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s must be a transform", what);
  return false;
}

/* ---------------------------------------------------------------- constant versions */

static ph_pat *ply_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat f;
  return ph_arg_rat(v[0], &f, err, "ply's factor") ? ph_ply_c(a, f, pat) : NULL;
}

static ph_pat *ply_with_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat f;
  const ph_func *fn;
  if (!ph_arg_rat(v[0], &f, err, "plyWith's factor") || !arg_func(v[1], &fn, err, "plyWith's second argument"))
    return NULL;
  return ph_ply_with_c(a, f, fn, pat, err);
}

static ph_pat *press_by_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat r;
  return ph_arg_rat(v[0], &r, err, "pressBy's amount") ? ph_press_by_c(a, r, pat) : NULL;
}

static ph_pat *hurry_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat r;
  double speed;
  if (!ph_arg_rat(v[0], &r, err, "hurry's factor") || !ph_arg_num(v[0], &speed, err, "hurry's factor")) return NULL;
  return ph_hurry_c(a, r, speed, pat);
}

static ph_pat *iter_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat n;
  return ph_arg_rat(v[0], &n, err, "iter's number of parts") ? ph_iter_c(a, n, false, pat, err) : NULL;
}

static ph_pat *iter_back_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat n;
  return ph_arg_rat(v[0], &n, err, "iterBack's number of parts") ? ph_iter_c(a, n, true, pat, err) : NULL;
}

static ph_pat *chunk_any(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err, bool back, bool fast) {
  ph_rat n;
  const ph_func *f;
  if (!ph_arg_rat(v[0], &n, err, "chunk's number of parts") || !arg_func(v[1], &f, err, "chunk's second argument"))
    return NULL;
  return ph_chunk_c(a, n, f, back, fast, pat, err);
}

static ph_pat *chunk_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  return chunk_any(a, v, pat, err, false, false);
}
static ph_pat *chunk_back_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  return chunk_any(a, v, pat, err, true, false);
}
static ph_pat *fast_chunk_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  return chunk_any(a, v, pat, err, false, true);
}

static ph_pat *linger_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat t;
  return ph_arg_rat(v[0], &t, err, "linger's fraction") ? ph_linger_c(a, t, pat) : NULL;
}

static ph_pat *zoom_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat s, e;
  if (!ph_arg_rat(v[0], &s, err, "zoom's begin") || !ph_arg_rat(v[1], &e, err, "zoom's end")) return NULL;
  return ph_zoom_c(a, s, e, pat);
}

static ph_pat *ribbon_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat offset, cycles;
  if (!ph_arg_rat(v[0], &offset, err, "ribbon's offset") || !ph_arg_rat(v[1], &cycles, err, "ribbon's cycles"))
    return NULL;
  return ph_ribbon_c(a, offset, cycles, pat);
}

static ph_pat *inside_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat factor;
  const ph_func *f;
  if (!ph_arg_rat(v[0], &factor, err, "inside's factor") || !arg_func(v[1], &f, err, "inside's second argument"))
    return NULL;
  return ph_inside_c(a, factor, f, pat, err);
}

static ph_pat *outside_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat factor;
  const ph_func *f;
  if (!ph_arg_rat(v[0], &factor, err, "outside's factor") || !arg_func(v[1], &f, err, "outside's second argument"))
    return NULL;
  return ph_outside_c(a, factor, f, pat, err);
}

static ph_pat *swing_by_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double swing;
  ph_rat n;
  if (!ph_arg_num(v[0], &swing, err, "swingBy's amount") || !ph_arg_rat(v[1], &n, err, "swingBy's slices"))
    return NULL;
  return ph_swing_by_c(a, swing, n, pat, err);
}

static ph_pat *swing_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat n;
  return ph_arg_rat(v[0], &n, err, "swing's slices") ? ph_swing_by_c(a, 1.0 / 3, n, pat, err) : NULL;
}

/* ---------------------------------------------------------------- catalog entries */

#define PATTERNIFIED(name, k, n)                                                        \
  static ph_pat *name(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) { \
    return ph_patternify(a, k, args, n, pat, err);                                     \
  }
/* register(..., preserveSteps = true): the result keeps the source's steps. */
#define PATTERNIFIED_STEPS(name, k, n)                                                  \
  static ph_pat *name(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) { \
    ph_pat *p = ph_patternify(a, k, args, n, pat, err);                                \
    return p ? ph_pat_with_steps(a, p, pat->steps) : NULL;                             \
  }

PATTERNIFIED(ply_p, ply_k, 1)
PATTERNIFIED(ply_with_p, ply_with_k, 2)
PATTERNIFIED(press_by_p, press_by_k, 1)
PATTERNIFIED(hurry_p, hurry_k, 1)
PATTERNIFIED_STEPS(iter_p, iter_k, 1)
PATTERNIFIED_STEPS(iter_back_p, iter_back_k, 1)
PATTERNIFIED_STEPS(chunk_p, chunk_k, 2)
PATTERNIFIED_STEPS(chunk_back_p, chunk_back_k, 2)
PATTERNIFIED_STEPS(fast_chunk_p, fast_chunk_k, 2)
PATTERNIFIED_STEPS(linger_p, linger_k, 1)
PATTERNIFIED(zoom_p, zoom_k, 2)
PATTERNIFIED(ribbon_p, ribbon_k, 2)
PATTERNIFIED(inside_p, inside_k, 2)
PATTERNIFIED(outside_p, outside_k, 2)
PATTERNIFIED(swing_by_p, swing_by_k, 2)
PATTERNIFIED(swing_p, swing_k, 1)

static ph_pat *rev_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) { return ph_rev_c(a, pat); }
static ph_pat *revv_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) { return ph_revv_c(a, pat); }
static ph_pat *palindrome_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_palindrome_c(a, pat);
}
static ph_pat *invert_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return pat ? ph_pat_with_steps(a, ph_invert_c(a, pat), pat->steps) : NULL;
}
static ph_pat *brak_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) { return ph_brak_c(a, pat); }
static ph_pat *press_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_press_by_c(a, ph_rat_make(1, 2), pat);
}
static ph_pat *bite_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_bite_c(a, args[0], args[1], pat);
}

static ph_pat *rot_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double n;
  if (!ph_arg_num(v[0], &n, err, "rot's count")) return NULL;
  return ph_rot_c(a, (int64_t)floor(n), pat);
}

static ph_pat *rot_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_patternify(a, rot_k, args, 1, pat, err);
}

const ph_transform_def ph_transforms_structure[] = {
    {"rev", NULL, 0, "", rev_p, "play each cycle backwards"},
    {"revv", NULL, 0, "", revv_p, "play the whole pattern backwards in time (cycle 1 becomes cycle -2)"},
    {"palindrome", NULL, 0, "", palindrome_p, "every other cycle backwards"},
    {"iter", NULL, 1, "n", iter_p, "each cycle starts one of n parts later in the pattern"},
    {"iterBack", "iterback", 1, "n", iter_back_p, "like iter, moving backwards"},
    {"ply", NULL, 1, "factor", ply_p, "repeat each event factor times within its span"},
    {"plyWith", "plywith", 2, "factor transform", ply_with_p, "ply, each repetition transformed once more"},
    {"pressBy", NULL, 1, "amount", press_by_p, "shift each event the amount into its span, shortened"},
    {"press", NULL, 0, "", press_p, "shift each event halfway into its span (syncopation)"},
    {"hurry", NULL, 1, "factor", hurry_p, "fast, with the sample speed multiplied by factor"},
    {"invert", "inv", 0, "", invert_p, "negate boolean values (1 0 becomes false true)"},
    {"brak", NULL, 0, "", brak_p, "every other cycle squashed into half a cycle, a quarter late"},
    {"chunk", "slowchunk slowChunk", 2, "n transform", chunk_p, "apply the transform to each of n parts in turn"},
    {"chunkBack", "chunkback", 2, "n transform", chunk_back_p, "like chunk, the parts in reverse order"},
    {"fastChunk", "fastchunk", 2, "n transform", fast_chunk_p, "like chunk, without repeating source cycles"},
    {"linger", NULL, 1, "fraction", linger_p, "repeat the first fraction of each cycle (negative: the last)"},
    {"zoom", NULL, 2, "begin end", zoom_p, "play the part [begin, end) of each cycle over the whole cycle"},
    {"ribbon", "rib", 2, "offset cycles", ribbon_p, "loop the given number of cycles from offset"},
    {"inside", NULL, 2, "factor transform", inside_p, "apply the transform with time slowed by factor"},
    {"outside", NULL, 2, "factor transform", outside_p, "apply the transform with time sped up by factor"},
    {"swingBy", NULL, 2, "amount n", swing_by_p, "delay the second half of each of n slices by amount/2"},
    {"swing", NULL, 1, "n", swing_p, "swingBy 1/3 over n slices"},
    {"rot", NULL, 1, "n", rot_p, "shift the values n events along each cycle, keeping the structure (Tidal)"},
    {"bite", NULL, 2, "n indices", bite_p, "slice cycles in n parts and play the parts the indices name"},
    {0},
};
