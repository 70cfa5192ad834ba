/* choose, chooseIn, chooseCycles and their weighted versions, on Strudel's rand. */
#include "pattern/random_choose.h"

#include "pattern/ops.h"
#include "pattern/random.h"

ph_pat *ph_choose(ph_arena *a, ph_pat *const *xs, int n) { return ph_choose_with(a, ph_rand(a), xs, n); }

ph_pat *ph_choose_in(ph_arena *a, ph_pat *const *xs, int n) { return ph_choose_in_with(a, ph_rand(a), xs, n); }

ph_pat *ph_choose_cycles(ph_arena *a, ph_pat *const *xs, int n) {
  return ph_choose_in_with(a, ph_segment_c(a, ph_rat_int(1), ph_rand(a)), xs, n);
}

typedef struct {
  int n;
  ph_pat **xs;
  double *running; /* the running totals of the weights, summed left to right */
} weighted;

/* r => the first x whose running total exceeds total * r, as one event per cycle (Strudel's
 * match(r) on constant weights). */
static ph_value weighted_pick(ph_query *q, ph_value v, const void *env) {
  const weighted *w = env;
  double r;
  if (!ph_value_to_num(v, &r)) return (ph_value){0};
  double find = w->running[w->n - 1] * r;
  for (int i = 0; i < w->n; i++)
    if (w->running[i] > find) {
      ph_pat *chosen = ph_pure(q->arena, ph_patval(w->xs[i]));
      return chosen ? ph_patval(chosen) : (ph_value){0};
    }
  ph_pat *none = ph_silence(q->arena); /* all weights zero: Strudel finds no value */
  return none ? ph_patval(ph_pure(q->arena, ph_patval(none))) : (ph_value){0};
}

/* with.bind(match): a pattern of the chosen patterns. */
static ph_pat *weighted_choices(ph_arena *a, ph_pat *with, ph_pat *const *xs, const double *weights, int n) {
  weighted *w = PH_ARENA_NEW(a, weighted);
  if (!w) return NULL;
  w->n = n;
  w->xs = PH_ARENA_ARRAY(a, ph_pat *, n);
  w->running = PH_ARENA_ARRAY(a, double, n);
  if (!w->xs || !w->running) return NULL;
  double total = 0;
  for (int i = 0; i < n; i++) {
    w->xs[i] = xs[i];
    w->running[i] = total += weights[i];
  }
  return ph_join(a, ph_fmap(a, with, weighted_pick, w));
}

ph_pat *ph_wchoose(ph_arena *a, ph_pat *const *xs, const double *weights, int n) {
  if (n <= 0) return ph_silence(a);
  return ph_outer_join(a, weighted_choices(a, ph_rand(a), xs, weights, n));
}

ph_pat *ph_wchoose_cycles(ph_arena *a, ph_pat *const *xs, const double *weights, int n) {
  if (n <= 0) return ph_silence(a);
  ph_pat *per_cycle = ph_segment_c(a, ph_rat_int(1), ph_rand(a));
  return ph_inner_join(a, weighted_choices(a, per_cycle, xs, weights, n));
}
