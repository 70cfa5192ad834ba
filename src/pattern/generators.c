/* Generators with arguments: patterns made from numbers, like `run 8` or `irand "<4 8>"`. */
#include <math.h>

#include "pattern/registry.h"
#include "pattern/signals.h"

static ph_pat *make_run(ph_arena *a, ph_pat *const *args, ph_error *err) { return ph_run(a, args[0], err); }
static ph_pat *make_irand(ph_arena *a, ph_pat *const *args, ph_error *err) { return ph_irand(a, args[0]); }
static ph_pat *make_brand_by(ph_arena *a, ph_pat *const *args, ph_error *err) { return ph_brand_by(a, args[0]); }

static ph_pat *make_randrun(ph_arena *a, ph_pat *const *args, ph_error *err) {
  double n;
  if (!args[0]->is_pure || !ph_arg_num(args[0]->pure, &n, err, "randrun's count")) {
    if (!ph_error_is_set(err)) ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "randrun's count must be a number");
    return NULL;
  }
  return ph_randrun(a, (int)floor(n));
}

/* scan n (Tidal): cycle k plays run (k mod n) + 1, so the runs grow and start again. */
static ph_pat *scan_k(ph_arena *a, const ph_value *v, ph_pat *unused, ph_error *err) {
  double n;
  if (!ph_arg_num(v[0], &n, err, "scan's count")) return NULL;
  int count = (int)floor(n);
  if (count < 1) return ph_silence(a);
  if (count > 4096) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "scan's count is at most 4096, got %d", count);
    return NULL;
  }
  ph_pat **runs = PH_ARENA_ARRAY(a, ph_pat *, count);
  if (!runs) return NULL;
  for (int i = 0; i < count; i++)
    if (!(runs[i] = ph_run(a, ph_pure(a, ph_num(i + 1)), err))) return NULL;
  return ph_slowcat(a, runs, count);
}

static ph_pat *make_scan(ph_arena *a, ph_pat *const *args, ph_error *err) {
  return ph_patternify(a, scan_k, args, 1, ph_silence(a), err);
}

const ph_generator_def ph_generators_builtin[] = {
    {"run", 1, "n", make_run, "0 1 .. n-1 in one cycle"},
    {"irand", 1, "n", make_irand, "random integers 0..n-1 (continuous)"},
    {"brandBy", 1, "probability", make_brand_by, "random booleans, true with the given probability"},
    {"randrun", 1, "n", make_randrun, "a random permutation of 0..n-1 every cycle"},
    {"scan", 1, "n", make_scan, "run 1, run 2 ... run n, one per cycle, then again (Tidal)"},
    {0},
};
