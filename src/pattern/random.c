#include "pattern/random.h"

#include <math.h>
#include <stdlib.h>

#include "pattern/ops.h"

/* Strudel's legacy generator: 300 cycles are stretched over [0, 2^29), then one xorshift.
 * Shifts are done on unsigned bits to keep JavaScript's 32-bit wrap-around without UB. */
int32_t ph_rand_xorwise(int32_t x) {
  int32_t a = (int32_t)((uint32_t)x << 13) ^ x;
  int32_t b = (a >> 17) ^ a;
  return (int32_t)((uint32_t)b << 5) ^ b;
}

int32_t ph_rand_time_seed(double t) {
  double x = t / 300;
  double frac = x - trunc(x);
  return ph_rand_xorwise((int32_t)trunc(frac * 536870912.0));
}

double ph_rand_seed_to_unit(int32_t seed) { return (double)(seed % 536870912) / 536870912.0; }

void ph_rands_at(double t, int n, double *out) {
  int32_t seed = ph_rand_time_seed(t);
  if (n == 1) {
    out[0] = fabs(ph_rand_seed_to_unit(seed));
    return;
  }
  for (int i = 0; i < n; i++) {
    out[i] = ph_rand_seed_to_unit(seed);
    seed = ph_rand_xorwise(seed);
  }
}

double ph_rand_at(double t) {
  double r;
  ph_rands_at(t, 1, &r);
  return r;
}

static ph_value rand_value(ph_rat t, const void *env) { return ph_num(ph_rand_at(ph_rat_to_double(t))); }

ph_pat *ph_rand(ph_arena *a) { return ph_signal(a, rand_value, NULL); }

static bool above(const ph_hap *h, const void *env) {
  return h->value.kind == PH_VAL_NUM && h->value.as.num > *(const double *)env;
}

static ph_value keep_left(ph_query *q, ph_value l, ph_value r, const void *env) { return l; }

ph_pat *ph_degrade_by_with(ph_arena *a, ph_pat *with, double x, ph_pat *pat) {
  double *threshold = PH_ARENA_NEW(a, double);
  if (!threshold) return NULL;
  *threshold = x;
  ph_pat *p = ph_app_left(a, pat, ph_filter_haps(a, with, above, threshold), keep_left, NULL);
  if (p && pat) p->steps = pat->steps;
  return p;
}

static ph_value one_minus(ph_query *q, ph_value v, const void *env) {
  return v.kind == PH_VAL_NUM ? ph_num(1 - v.as.num) : v;
}

ph_pat *ph_undegrade_by_with(ph_arena *a, ph_pat *with, double x, ph_pat *pat) {
  return ph_degrade_by_with(a, ph_fmap(a, with, one_minus, NULL), x, pat);
}

typedef struct {
  int n;
  ph_pat **xs;
} choices;

static ph_value pick(ph_query *q, ph_value v, const void *env) {
  const choices *c = env;
  double i = v.kind == PH_VAL_NUM ? floor(v.as.num) : 0;
  if (!(i >= 0)) i = 0;
  if (i > c->n - 1) i = c->n - 1;
  return ph_patval(c->xs[(int)i]);
}

static ph_pat *choose_values(ph_arena *a, ph_pat *with, ph_pat *const *xs, int n) {
  choices *c = PH_ARENA_NEW(a, choices);
  if (!c) return NULL;
  c->n = n;
  c->xs = PH_ARENA_ARRAY(a, ph_pat *, n);
  if (!c->xs) return NULL;
  for (int i = 0; i < n; i++) c->xs[i] = xs[i];
  /* with.range(0, n): mul then add, each joined with a pure number from the left. */
  ph_pat *scaled = ph_op_apply(a, PH_OP_MUL, PH_HOW_IN, with, ph_pure(a, ph_num(n)));
  scaled = ph_op_apply(a, PH_OP_ADD, PH_HOW_IN, scaled, ph_pure(a, ph_num(0)));
  return ph_fmap(a, scaled, pick, c);
}

ph_pat *ph_choose_in_with(ph_arena *a, ph_pat *with, ph_pat *const *xs, int n) {
  if (n == 0) return ph_silence(a);
  return ph_inner_join(a, choose_values(a, with, xs, n));
}

ph_pat *ph_choose_with(ph_arena *a, ph_pat *with, ph_pat *const *xs, int n) {
  if (n == 0) return ph_silence(a);
  return ph_outer_join(a, choose_values(a, with, xs, n));
}
