#include "pattern/pattern.h"

#include <stdlib.h>
#include <string.h>

bool ph_span_ok(ph_span s) { return ph_rat_ok(s.begin) && ph_rat_ok(s.end); }

bool ph_span_intersect(ph_span a, ph_span b, ph_span *out) {
  ph_rat begin = ph_rat_max(a.begin, b.begin);
  ph_rat end = ph_rat_min(a.end, b.end);
  if (ph_rat_gt(begin, end)) return false;
  if (ph_rat_eq(begin, end)) {
    if (ph_rat_eq(begin, a.end) && ph_rat_lt(a.begin, a.end)) return false;
    if (ph_rat_eq(begin, b.end) && ph_rat_lt(b.begin, b.end)) return false;
  }
  *out = (ph_span){begin, end};
  return true;
}

static void fail(ph_query *q, ph_status status, const char *msg) {
  if (q->err) ph_error_set(q->err, status, NULL, 0, "%s", msg);
}

int ph_span_cycles(ph_query *q, ph_span s, ph_span **out) {
  if (!ph_span_ok(s)) {
    fail(q, PH_ERR_OVERFLOW, "time left the range of 64-bit rationals");
    return -1;
  }
  if (ph_rat_gt(s.begin, s.end)) return 0;
  int64_t first = ph_rat_floor_int(s.begin);
  int64_t last = ph_rat_floor_int(s.end);
  int64_t n = ph_rat_eq(s.begin, s.end) ? 1 : (last - first + 1);
  if (n > 1 && ph_rat_eq(s.end, ph_rat_int(last))) n--; /* the end is exclusive */
  if (n < 1) n = 0;
  if (n > 1 << 20) {
    fail(q, PH_ERR_ARGUMENT, "too fast to play: more than a million of its cycles at once");
    return -1;
  }
  ph_span *spans = PH_ARENA_ARRAY(q->arena, ph_span, n ? n : 1);
  if (!spans) {
    fail(q, PH_ERR_MEMORY, PH_QUERY_FULL);
    return -1;
  }
  if (ph_rat_eq(s.begin, s.end)) {
    spans[0] = s;
    *out = spans;
    return 1;
  }
  ph_rat b = s.begin;
  for (int64_t i = 0; i < n; i++) {
    ph_rat next = ph_rat_next_sam(b);
    spans[i] = (ph_span){b, i == n - 1 ? s.end : next};
    b = next;
  }
  *out = spans;
  return (int)n;
}

void ph_haps_push(ph_query *q, ph_haps *list, ph_hap h) {
  if (list->count == list->cap) {
    size_t cap = list->cap ? list->cap * 2 : 8;
    ph_hap *items = ph_arena_realloc(q->arena, list->items, list->cap * sizeof *items, cap * sizeof *items);
    if (!items) {
      fail(q, PH_ERR_MEMORY, PH_QUERY_FULL);
      return;
    }
    list->items = items;
    list->cap = cap;
  }
  list->items[list->count++] = h;
}

void ph_pat_query(const ph_pat *p, ph_query *q, ph_span span, ph_haps *out) {
  if (ph_query_failed(q)) return;
  if (!p) { /* a pattern built during the query, when the query's arena ran out */
    fail(q, PH_ERR_MEMORY, PH_QUERY_FULL);
    return;
  }
  if (!ph_span_ok(span)) {
    fail(q, PH_ERR_OVERFLOW, "time left the range of 64-bit rationals");
    return;
  }
  p->query(p, q, span, out);
}

ph_haps ph_pat_query_span(const ph_pat *p, ph_arena *a, ph_span span, ph_error *err) {
  ph_query q = {a, err};
  ph_haps out = ph_haps_empty();
  ph_pat_query(p, &q, span, &out);
  for (size_t i = 0; i < out.count && !ph_query_failed(&q); i++) {
    const ph_hap *h = &out.items[i];
    if (!ph_span_ok(h->part) || (h->has_whole && !ph_span_ok(h->whole)))
      fail(&q, PH_ERR_OVERFLOW, "an event time left the range of 64-bit rationals");
  }
  if (ph_query_failed(&q)) out = ph_haps_empty();
  return out;
}

static int value_order(ph_value a, ph_value b) {
  if (a.kind != b.kind) return (int)a.kind - (int)b.kind;
  if (a.kind == PH_VAL_NUM) return a.as.num < b.as.num ? -1 : a.as.num > b.as.num;
  if (a.kind == PH_VAL_STR) return strcmp(a.as.str, b.as.str);
  if (a.kind == PH_VAL_BOOL) return (int)a.as.b - (int)b.as.b;
  return 0;
}

static int hap_order(const void *pa, const void *pb) {
  const ph_hap *a = pa, *b = pb;
  int c = ph_rat_cmp(a->part.begin, b->part.begin);
  if (c) return c;
  if (a->has_whole && b->has_whole && (c = ph_rat_cmp(a->whole.begin, b->whole.begin))) return c;
  return value_order(a->value, b->value);
}

void ph_haps_sort(ph_haps *haps) {
  if (haps->count > 1) qsort(haps->items, haps->count, sizeof *haps->items, hap_order);
}

ph_pat *ph_pat_new(ph_arena *a, ph_query_fn query, const void *data) {
  ph_pat *p = PH_ARENA_NEW(a, ph_pat);
  if (!p) return NULL;
  p->query = query;
  p->data = data;
  p->steps = PH_RAT_INVALID;
  return p;
}

ph_pat *ph_pat_new_with(ph_arena *a, ph_query_fn query, size_t data_size, void **data) {
  void *d = ph_arena_zalloc(a, data_size);
  if (!d) return NULL;
  *data = d;
  return ph_pat_new(a, query, d);
}

ph_pat *ph_pat_copy(ph_arena *a, const ph_pat *p) {
  ph_pat *c = PH_ARENA_NEW(a, ph_pat);
  if (c) *c = *p;
  return c;
}

ph_pat *ph_pat_with_steps(ph_arena *a, ph_pat *p, ph_rat steps) {
  if (!p) return NULL;
  if (ph_rat_eq(p->steps, steps) && ph_rat_ok(steps) == ph_rat_ok(p->steps)) return p;
  ph_pat *c = ph_pat_copy(a, p);
  if (c) c->steps = steps;
  return c;
}
