/* The k-th event of each cycle, as one event lasting the whole cycle: what a list parameter
 * (segments "0 1 <0.5 0.2>") reads from its string, so the list can change from cycle to
 * cycle. Events are counted by onset time; a cycle with fewer than k + 1 has none. */
#include <stdlib.h>

#include "pattern/core.h"

typedef struct {
  ph_pat *pat;
  int k;
} nth_data;

static int by_onset(const void *a, const void *b) {
  const ph_hap *x = a, *y = b;
  return ph_rat_cmp(x->whole.begin, y->whole.begin);
}

static void query_nth(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const nth_data *d = self->data;
  ph_span *cycles;
  int n = ph_span_cycles(q, span, &cycles);
  for (int c = 0; c < n; c++) {
    ph_span whole = ph_span_whole_cycle(cycles[c].begin);
    ph_haps all = ph_haps_empty(), onsets = ph_haps_empty();
    ph_pat_query(d->pat, q, whole, &all);
    for (size_t i = 0; i < all.count; i++)
      if (ph_hap_has_onset(&all.items[i])) ph_haps_push(q, &onsets, all.items[i]);
    if (ph_query_failed(q) || (size_t)d->k >= onsets.count) continue;
    qsort(onsets.items, onsets.count, sizeof *onsets.items, by_onset);
    ph_haps_push(q, out, (ph_hap){whole, cycles[c], true, onsets.items[d->k].value});
  }
}

ph_pat *ph_nth_in_cycle(ph_arena *a, ph_pat *pat, int k) {
  if (!pat) return NULL;
  nth_data *d;
  ph_pat *p = ph_pat_new_with(a, query_nth, sizeof *d, (void **)&d);
  if (!p) return NULL;
  d->pat = pat;
  d->k = k;
  return p;
}
