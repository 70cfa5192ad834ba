/* Speed and shift: fast, slow, early, late, compress, fastGap, focus. */
#include "pattern/registry.h"

static ph_pat *fast_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat f;
  if (!ph_arg_rat(v[0], &f, err, "fast's factor")) return NULL;
  return ph_fast_c(a, f, pat);
}

static ph_pat *slow_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat f;
  if (!ph_arg_rat(v[0], &f, err, "slow's factor")) return NULL;
  return ph_slow_c(a, f, pat);
}

static ph_pat *early_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat t;
  if (!ph_arg_rat(v[0], &t, err, "early's offset")) return NULL;
  return ph_early_c(a, t, pat);
}

static ph_pat *late_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat t;
  if (!ph_arg_rat(v[0], &t, err, "late's offset")) return NULL;
  return ph_late_c(a, t, pat);
}

static ph_pat *compress_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat b, e;
  if (!ph_arg_rat(v[0], &b, err, "compress's begin") || !ph_arg_rat(v[1], &e, err, "compress's end")) return NULL;
  return ph_compress_c(a, b, e, pat);
}

static ph_pat *fastgap_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat f;
  if (!ph_arg_rat(v[0], &f, err, "fastGap's factor")) return NULL;
  return ph_fastgap_c(a, f, pat);
}

static ph_pat *focus_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat b, e;
  if (!ph_arg_rat(v[0], &b, err, "focus's begin") || !ph_arg_rat(v[1], &e, err, "focus's end")) return NULL;
  return ph_focus_c(a, b, e, pat);
}

#define PATTERNIFIED(name, k, n)                                                  \
  static ph_pat *name(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) { \
    return ph_patternify(a, k, args, n, pat, err);                                 \
  }

PATTERNIFIED(fast_p, fast_k, 1)
PATTERNIFIED(slow_p, slow_k, 1)
PATTERNIFIED(early_p, early_k, 1)
PATTERNIFIED(late_p, late_k, 1)
PATTERNIFIED(compress_p, compress_k, 2)
PATTERNIFIED(fastgap_p, fastgap_k, 1)
PATTERNIFIED(focus_p, focus_k, 2)

const ph_transform_def ph_transforms_time[] = {
    {"fast", "density", 1, "factor", fast_p, "speed up by factor"},
    {"slow", "sparsity", 1, "factor", slow_p, "slow down by factor"},
    {"early", "rotL", 1, "cycles", early_p, "shift earlier by a number of cycles (Tidal <~)"},
    {"late", "rotR", 1, "cycles", late_p, "shift later by a number of cycles (Tidal ~>)"},
    {"compress", NULL, 2, "begin end", compress_p, "squeeze each cycle into [begin, end), silence elsewhere"},
    {"fastGap", "fastgap", 1, "factor", fastgap_p, "squeeze each cycle into its first 1/factor, silence after"},
    {"focus", NULL, 2, "begin end", focus_p, "like compress, but without a gap: the pattern continues"},
    {0},
};
