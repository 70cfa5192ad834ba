/* Strudel's randrun n: n events per cycle, a random permutation of 0..n-1 each cycle. In
 * Strudel a signal sorts n random numbers at every sample and is segmented; here the
 * permutation is computed once per cycle of a query, with the same events and values. */
#include <stdlib.h>

#include "pattern/random.h"
#include "pattern/signals.h"

typedef struct {
  double r;
  int index;
} ranked;

/* Ascending, ties in index order: the order of JavaScript's stable sort. */
static int by_value_then_index(const void *x, const void *y) {
  const ranked *a = x, *b = y;
  if (a->r != b->r) return a->r < b->r ? -1 : 1;
  return (a->index > b->index) - (a->index < b->index);
}

/* The order of cycle c: the positions of the n numbers drawn at c + 1/2, smallest first. */
static void cycle_order(int64_t c, int n, ranked *order, double *rands) {
  ph_rands_at(ph_rat_to_double(ph_rat_add(ph_rat_int(c), ph_rat_make(1, 2))), n, rands);
  for (int i = 0; i < n; i++) order[i] = (ranked){rands[i], i};
  qsort(order, (size_t)n, sizeof *order, by_value_then_index);
}

typedef struct {
  int n;
} randrun_data;

/* As segment(n): the query, scaled by n, cut at whole numbers k; event k of the scaled time
 * is slot k mod n of cycle floor(k / n). */
static void query_randrun(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  int n = ((const randrun_data *)self->data)->n;
  if (n == 1) { /* Strudel's randrun(1) throws (one random number is not a list): no events */
    if (q->err) ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, "randrun and shuffle need 2 or more parts, got 1");
    return;
  }
  ph_rat scale = ph_rat_int(n);
  ph_span *pieces;
  int count = ph_span_cycles(q, (ph_span){ph_rat_mul(span.begin, scale), ph_rat_mul(span.end, scale)}, &pieces);
  ranked *order = count > 0 ? PH_ARENA_ARRAY(q->arena, ranked, n) : NULL;
  double *rands = count > 0 ? PH_ARENA_ARRAY(q->arena, double, n) : NULL;
  if (count > 0 && (!order || !rands)) {
    if (q->err) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
    return;
  }
  bool have = false;
  int64_t have_cycle = 0;
  for (int i = 0; i < count; i++) {
    int64_t k = ph_rat_floor_int(pieces[i].begin);
    int64_t cycle = k >= 0 ? k / n : -((-k + n - 1) / n), slot = k - cycle * n;
    if (!have || cycle != have_cycle) {
      cycle_order(cycle, n, order, rands);
      have = true;
      have_cycle = cycle;
    }
    ph_span whole = {ph_rat_make(k, n), ph_rat_make(k + 1, n)};
    ph_span part = {ph_rat_div(pieces[i].begin, scale), ph_rat_div(pieces[i].end, scale)};
    ph_haps_push(q, out, (ph_hap){whole, part, true, ph_num(order[slot].index)});
  }
}

ph_pat *ph_randrun(ph_arena *a, int n) {
  if (n <= 0) return ph_silence(a);
  randrun_data *d;
  ph_pat *p = ph_pat_new_with(a, query_randrun, sizeof *d, (void **)&d);
  if (!p) return NULL;
  d->n = n;
  p->steps = ph_rat_int(n);
  return p;
}
