/* Tidal's rot (Strudel has none): the values move n events along each cycle, the structure
 * stays. Tidal's definition: query the whole cycle, order the events, rotate the values,
 * then cut each event back to the query. */
#include <stdlib.h>

#include "pattern/structure.h"

typedef struct {
  ph_pat *pat;
  int64_t n;
} rot_data;

static int by_onset(const void *pa, const void *pb) {
  const ph_hap *a = pa, *b = pb;
  ph_span wa = ph_hap_whole_or_part(a), wb = ph_hap_whole_or_part(b);
  int c = ph_rat_cmp(wa.begin, wb.begin);
  if (!c) c = ph_rat_cmp(a->part.begin, b->part.begin);
  if (!c) c = ph_rat_cmp(wa.end, wb.end);
  return c;
}

static void query_rot(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const rot_data *d = self->data;
  ph_haps all = ph_haps_empty();
  ph_pat_query(d->pat, q, ph_span_whole_cycle(span.begin), &all);
  if (ph_query_failed(q) || all.count == 0) return;
  qsort(all.items, all.count, sizeof *all.items, by_onset);
  ph_value *values = PH_ARENA_ARRAY(q->arena, ph_value, all.count);
  if (!values) {
    if (q->err) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
    return;
  }
  int64_t count = (int64_t)all.count;
  int64_t shift = ((d->n % count) + count) % count;
  for (int64_t i = 0; i < count; i++) values[i] = all.items[(i + shift) % count].value;
  for (int64_t i = 0; i < count; i++) {
    ph_hap h = all.items[i];
    if (!ph_span_intersect(h.part, span, &h.part)) continue;
    h.value = values[i];
    ph_haps_push(q, out, h);
  }
}

ph_pat *ph_rot_c(ph_arena *a, int64_t n, ph_pat *pat) {
  if (!pat) return NULL;
  rot_data *d;
  ph_pat *p = ph_pat_new_with(a, query_rot, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (rot_data){pat, n};
  p = ph_split_queries(a, p);
  if (p) p->steps = pat->steps;
  return p;
}
