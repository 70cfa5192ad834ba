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

const ph_generator_def ph_generators_builtin[] = {
    {"run", 1, "n", make_run, "0 1 .. n-1 in one cycle"},
    {"irand", 1, "n", make_irand, "random integers 0..n-1 (continuous)"},
    {"brandBy", 1, "probability", make_brand_by, "random booleans, true with the given probability"},
    {"randrun", 1, "n", make_randrun, "a random permutation of 0..n-1 every cycle"},
    {0},
};
