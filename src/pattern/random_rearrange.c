/* shuffle and scramble: each cycle cut into n slices, the slices played in an order given by
 * a pattern of indices (Strudel's _rearrangeWith). */
#include <math.h>

#include "pattern/ops.h"
#include "pattern/random.h"
#include "pattern/random_choose.h"
#include "pattern/signals.h"

typedef struct {
  ph_pat *pat;
  ph_rat begin, duration;
} zoom_data;

/* A span with times taken relative to the cycle of its begin (Strudel's withCycle). */
static ph_span within_cycle(ph_span s, ph_rat scale, ph_rat shift, bool inverse) {
  ph_rat sam = ph_rat_floor(s.begin);
  ph_rat t[2] = {ph_rat_sub(s.begin, sam), ph_rat_sub(s.end, sam)};
  for (int i = 0; i < 2; i++)
    t[i] = inverse ? ph_rat_div(ph_rat_sub(t[i], shift), scale) : ph_rat_add(ph_rat_mul(t[i], scale), shift);
  return (ph_span){ph_rat_add(sam, t[0]), ph_rat_add(sam, t[1])};
}

static void query_zoom_cycle(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const zoom_data *d = self->data;
  size_t first = out->count;
  ph_pat_query(d->pat, q, within_cycle(span, d->duration, d->begin, false), out);
  for (size_t i = first; i < out->count; i++) {
    ph_hap *h = &out->items[i];
    h->part = within_cycle(h->part, d->duration, d->begin, true);
    if (h->has_whole) h->whole = within_cycle(h->whole, d->duration, d->begin, true);
  }
}

/* Strudel's zoom(b, e) for b < e: the part [b, e) of every cycle stretched over the cycle. */
static ph_pat *zoom(ph_arena *a, ph_rat b, ph_rat e, ph_pat *pat) {
  zoom_data *d;
  ph_pat *p = ph_pat_new_with(a, query_zoom_cycle, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (zoom_data){pat, b, ph_rat_sub(e, b)};
  return ph_split_queries(a, p);
}

typedef struct {
  int n;
  ph_pat **slices; /* slice i: pat.zoom(i/n, (i+1)/n).repeatCycles(n).fast(n) */
} slices_env;

static ph_value slice_at(ph_query *q, ph_value v, const void *env) {
  const slices_env *s = env;
  double i;
  if (!ph_value_to_num(v, &i) || !(i >= 0) || i >= s->n) return (ph_value){0};
  return ph_patval(s->slices[(int)i]);
}

static ph_pat *rearrange_with(ph_arena *a, ph_pat *indices, int n, ph_pat *pat) {
  slices_env *s = PH_ARENA_NEW(a, slices_env);
  if (!s || !pat) return NULL;
  s->n = n;
  s->slices = PH_ARENA_ARRAY(a, ph_pat *, n > 0 ? n : 1);
  if (!s->slices) return NULL;
  ph_rat count = ph_rat_int(n);
  for (int i = 0; i < n; i++) {
    ph_pat *slice = zoom(a, ph_rat_make(i, n), ph_rat_make(i + 1, n), pat);
    slice = slice ? ph_repeat_cycles_c(a, count, slice) : NULL;
    if (!(s->slices[i] = slice ? ph_fast_c(a, count, slice) : NULL)) return NULL;
  }
  return ph_inner_join(a, ph_fmap(a, indices, slice_at, s));
}

static bool count_ok(int n, const char *name, ph_error *err) {
  if (n >= 0) return true;
  ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s needs a number of parts >= 0, got %d", name, n);
  return false;
}

ph_pat *ph_shuffle_c(ph_arena *a, int n, ph_pat *pat, ph_error *err) {
  if (!count_ok(n, "shuffle", err)) return NULL;
  return rearrange_with(a, ph_randrun(a, n), n, pat);
}

static ph_value truncated_times(ph_query *q, ph_value v, const void *env) {
  double x;
  if (!ph_value_to_num(v, &x)) return v;
  return ph_num(trunc(x * *(const int *)env));
}

ph_pat *ph_scramble_c(ph_arena *a, int n, ph_pat *pat, ph_error *err) {
  if (!count_ok(n, "scramble", err)) return NULL;
  int *count = PH_ARENA_NEW(a, int);
  if (!count) return NULL;
  *count = n;
  ph_pat *indices = ph_segment_c(a, ph_rat_int(n), ph_fmap(a, ph_rand(a), truncated_times, count));
  return rearrange_with(a, indices, n, pat);
}
