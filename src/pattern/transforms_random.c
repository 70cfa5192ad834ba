/* Random transforms: degrade, sometimes, someCycles and their probabilities, always, never,
 * shuffle, scramble. Random choices come from Strudel's rand, so they are the same at the
 * same time: sometimesBy x f applies f exactly to the events degradeBy x removes. */
#include <math.h>

#include "pattern/ops.h"
#include "pattern/random.h"
#include "pattern/random_choose.h"
#include "pattern/registry.h"

/* ---------------------------------------------------------------- degrade */

static ph_pat *degrade_by(ph_arena *a, double x, ph_pat *pat) { return ph_degrade_by_with(a, ph_rand(a), x, pat); }
static ph_pat *undegrade_by(ph_arena *a, double x, ph_pat *pat) {
  return ph_undegrade_by_with(a, ph_rand(a), x, pat);
}

static ph_pat *degrade_by_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double x;
  return ph_arg_num(v[0], &x, err, "degradeBy's amount") ? degrade_by(a, x, pat) : NULL;
}

static ph_pat *undegrade_by_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double x;
  return ph_arg_num(v[0], &x, err, "undegradeBy's amount") ? undegrade_by(a, x, pat) : NULL;
}

/* Strudel registers these keeping the pattern's steps, whatever the argument. */
static ph_pat *keeping_steps(ph_arena *a, ph_pat *result, const ph_pat *pat) {
  return result ? ph_pat_with_steps(a, result, pat->steps) : NULL;
}

static ph_pat *degrade_by_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return keeping_steps(a, ph_patternify(a, degrade_by_k, args, 1, pat, err), pat);
}

static ph_pat *undegrade_by_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return keeping_steps(a, ph_patternify(a, undegrade_by_k, args, 1, pat, err), pat);
}

static ph_pat *degrade_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return pat ? keeping_steps(a, degrade_by(a, 0.5, pat), pat) : NULL;
}

static ph_pat *undegrade_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return pat ? keeping_steps(a, undegrade_by(a, 0.5, pat), pat) : NULL;
}

/* ---------------------------------------------------------------- sometimes */

static const ph_func *arg_func(ph_value v, ph_error *err, const char *what) {
  if (v.kind == PH_VAL_FUNC && v.as.fn) return v.as.fn;
  ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s must be a transform", what);
  return NULL;
}

/* reify(x).fmap(x => stack(kept, changed)).innerJoin(): with a constant x the join only
 * cuts queries at cycle boundaries, but events then come in per-cycle fragments as in Strudel. */
static ph_pat *joined_per_cycle(ph_arena *a, ph_pat *kept, ph_pat *changed) {
  if (!kept || !changed) return NULL;
  ph_pat *both[] = {kept, changed};
  ph_pat *stacked = ph_stack(a, both, 2);
  ph_pat *outer = stacked ? ph_pure(a, ph_patval(stacked)) : NULL;
  return outer ? ph_inner_join(a, outer) : NULL;
}

static ph_pat *sometimes_by(ph_arena *a, double x, const ph_func *f, ph_pat *pat, ph_error *err) {
  ph_pat *changed = ph_func_apply(a, f, undegrade_by(a, 1 - x, pat), err);
  return changed ? joined_per_cycle(a, degrade_by(a, x, pat), changed) : NULL;
}

/* Per cycle: rand sampled at the start of each cycle decides for the whole cycle. */
static ph_pat *some_cycles_by(ph_arena *a, double x, const ph_func *f, ph_pat *pat, ph_error *err) {
  ph_pat *per_cycle = ph_segment_c(a, ph_rat_int(1), ph_rand(a));
  ph_pat *changed = ph_func_apply(a, f, ph_undegrade_by_with(a, per_cycle, 1 - x, pat), err);
  return changed ? joined_per_cycle(a, ph_degrade_by_with(a, per_cycle, x, pat), changed) : NULL;
}

typedef ph_pat *(*by_fn)(ph_arena *a, double x, const ph_func *f, ph_pat *pat, ph_error *err);

static ph_pat *by_k(by_fn by, const char *name, ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double x;
  if (!ph_arg_num(v[0], &x, err, name)) return NULL;
  const ph_func *f = arg_func(v[1], err, name);
  return f ? by(a, x, f, pat, err) : NULL;
}

static ph_pat *sometimes_by_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  return by_k(sometimes_by, "sometimesBy's arguments", a, v, pat, err);
}

static ph_pat *some_cycles_by_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  return by_k(some_cycles_by, "someCyclesBy's arguments", a, v, pat, err);
}

static ph_pat *sometimes_by_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_patternify(a, sometimes_by_k, args, 2, pat, err);
}

static ph_pat *some_cycles_by_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_patternify(a, some_cycles_by_k, args, 2, pat, err);
}

/* The fixed-probability shorthands: one function argument each. */
#define WITH_PROBABILITY(name, by, x, label)                                                   \
  static ph_pat *name##_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {         \
    const ph_func *f = arg_func(v[0], err, label);                                              \
    return f ? by(a, x, f, pat, err) : NULL;                                                    \
  }                                                                                             \
  static ph_pat *name##_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {       \
    return ph_patternify(a, name##_k, args, 1, pat, err);                                       \
  }

WITH_PROBABILITY(sometimes, sometimes_by, 0.5, "sometimes's argument")
WITH_PROBABILITY(often, sometimes_by, 0.75, "often's argument")
WITH_PROBABILITY(rarely, sometimes_by, 0.25, "rarely's argument")
WITH_PROBABILITY(almost_never, sometimes_by, 0.1, "almostNever's argument")
WITH_PROBABILITY(almost_always, sometimes_by, 0.9, "almostAlways's argument")
WITH_PROBABILITY(some_cycles, some_cycles_by, 0.5, "someCycles's argument")

static ph_pat *always_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  const ph_func *f = arg_func(v[0], err, "always's argument");
  return f ? ph_func_apply(a, f, pat, err) : NULL;
}

static ph_pat *never_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  return arg_func(v[0], err, "never's argument") ? pat : NULL;
}

static ph_pat *always_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_patternify(a, always_k, args, 1, pat, err);
}

static ph_pat *never_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_patternify(a, never_k, args, 1, pat, err);
}

/* ---------------------------------------------------------------- shuffle, scramble */

/* Each part is a few pattern nodes built up front: the bound keeps that memory small. */
enum { MAX_PARTS = 4096 };

static bool arg_count(ph_value v, int *out, ph_error *err, const char *what) {
  double x;
  if (!ph_arg_num(v, &x, err, what)) return false;
  if (x != floor(x) || x < 0 || x > MAX_PARTS) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s must be a whole number from 0 to %d, got %g", what, MAX_PARTS, x);
    return false;
  }
  *out = (int)x;
  return true;
}

static ph_pat *shuffle_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  int n;
  return arg_count(v[0], &n, err, "shuffle's number of parts") ? ph_shuffle_c(a, n, pat, err) : NULL;
}

static ph_pat *scramble_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  int n;
  return arg_count(v[0], &n, err, "scramble's number of parts") ? ph_scramble_c(a, n, pat, err) : NULL;
}

static ph_pat *shuffle_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_patternify(a, shuffle_k, args, 1, pat, err);
}

static ph_pat *scramble_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_patternify(a, scramble_k, args, 1, pat, err);
}

const ph_transform_def ph_transforms_random[] = {
    {"degradeBy", NULL, 1, "amount", degrade_by_p, "randomly remove events: amount 0 keeps all, 1 removes all"},
    {"degrade", NULL, 0, "", degrade_p, "randomly remove half of the events (degradeBy 0.5)"},
    {"undegradeBy", NULL, 1, "amount", undegrade_by_p,
     "randomly remove events, the opposite ones to degradeBy: keeps what degradeBy (1 - amount) removes"},
    {"undegrade", NULL, 0, "", undegrade_p, "the half of the events degrade removes"},
    {"sometimesBy", NULL, 2, "probability transform", sometimes_by_p,
     "apply the transform to each event with the probability, the others stay as they are"},
    {"sometimes", NULL, 1, "transform", sometimes_p, "apply the transform to about half of the events"},
    {"often", NULL, 1, "transform", often_p, "apply the transform to about 3/4 of the events"},
    {"rarely", NULL, 1, "transform", rarely_p, "apply the transform to about 1/4 of the events"},
    {"almostNever", NULL, 1, "transform", almost_never_p, "apply the transform to about 1/10 of the events"},
    {"almostAlways", NULL, 1, "transform", almost_always_p, "apply the transform to about 9/10 of the events"},
    {"always", NULL, 1, "transform", always_p, "apply the transform (sometimesBy 1)"},
    {"never", NULL, 1, "transform", never_p, "leave the pattern as it is (sometimesBy 0)"},
    {"someCyclesBy", "somecyclesBy", 2, "probability transform", some_cycles_by_p,
     "apply the transform to whole cycles, each with the probability"},
    {"someCycles", "somecycles", 1, "transform", some_cycles_p, "apply the transform to about half of the cycles"},
    {"shuffle", NULL, 1, "parts", shuffle_p, "cut each cycle into parts played in a random order, each once"},
    {"scramble", NULL, 1, "parts", scramble_p, "cut each cycle into parts and play parts picked at random"},
    {0},
};
