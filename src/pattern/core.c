#include "pattern/core.h"

#include <string.h>

static void oom(ph_query *q) {
  if (q->err) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
}

/* ---------------------------------------------------------------- constructors */

static void query_silence(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {}

ph_pat *ph_silence(ph_arena *a) {
  ph_pat *p = ph_pat_new(a, query_silence, NULL);
  if (p) p->steps = ph_rat_int(1);
  return p;
}

static void query_pure(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  ph_span *cycles;
  int n = ph_span_cycles(q, span, &cycles);
  for (int i = 0; i < n; i++)
    ph_haps_push(q, out, (ph_hap){ph_span_whole_cycle(cycles[i].begin), cycles[i], true, self->pure});
}

ph_pat *ph_pure(ph_arena *a, ph_value v) {
  ph_pat *p = ph_pat_new(a, query_pure, NULL);
  if (!p) return NULL;
  p->is_pure = true;
  p->pure = v;
  p->steps = ph_rat_int(1);
  return p;
}

static void query_steady(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  ph_haps_push(q, out, (ph_hap){.part = span, .value = *(const ph_value *)self->data});
}

ph_pat *ph_steady(ph_arena *a, ph_value v) {
  ph_value *d;
  ph_pat *p = ph_pat_new_with(a, query_steady, sizeof *d, (void **)&d);
  if (p) *d = v;
  return p;
}

typedef struct {
  ph_signal_fn fn;
  const void *env;
} signal_data;

static void query_signal(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const signal_data *d = self->data;
  ph_haps_push(q, out, (ph_hap){.part = span, .value = d->fn(span.begin, d->env)});
}

ph_pat *ph_signal(ph_arena *a, ph_signal_fn fn, const void *env) {
  signal_data *d;
  ph_pat *p = ph_pat_new_with(a, query_signal, sizeof *d, (void **)&d);
  if (p) *d = (signal_data){fn, env};
  return p;
}

typedef struct {
  int n;
  ph_pat **pats;
  ph_rat *weights; /* timecat only */
} list_data;

static list_data *list_new(ph_arena *a, ph_pat *const *pats, int n) {
  list_data *d = PH_ARENA_NEW(a, list_data);
  if (!d) return NULL;
  d->n = n;
  d->pats = PH_ARENA_ARRAY(a, ph_pat *, n > 0 ? n : 1);
  if (!d->pats) return NULL;
  for (int i = 0; i < n; i++) {
    if (!pats[i]) return NULL;
    d->pats[i] = pats[i];
  }
  return d;
}

/* Strudel's lcm of the patterns' steps, unknown if any is unknown. */
static ph_rat steps_lcm(ph_pat *const *pats, int n) {
  if (n == 0) return PH_RAT_INVALID;
  ph_rat acc = pats[0]->steps;
  for (int i = 1; i < n && ph_rat_ok(acc); i++) acc = ph_rat_lcm(acc, pats[i]->steps);
  return acc;
}

static void query_stack(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const list_data *d = self->data;
  for (int i = 0; i < d->n; i++) ph_pat_query(d->pats[i], q, span, out);
}

ph_pat *ph_stack(ph_arena *a, ph_pat *const *pats, int n) {
  list_data *d = list_new(a, pats, n);
  if (!d) return NULL;
  ph_pat *p = ph_pat_new(a, query_stack, d);
  if (p) p->steps = steps_lcm(pats, n);
  return p;
}

static void query_slowcat(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const list_data *d = self->data;
  if (d->n == 0) return;
  int64_t cycle = ph_rat_floor_int(span.begin);
  int64_t idx = ((cycle % d->n) + d->n) % d->n;
  /* Cycle c plays cycle floor(c/n) of its pattern: shift time by c - floor(c/n). */
  int64_t down = cycle >= 0 ? cycle / d->n : -((-cycle + d->n - 1) / d->n);
  ph_rat offset = ph_rat_int(cycle - down);
  ph_haps inner = ph_haps_empty();
  ph_pat_query(d->pats[idx], q, (ph_span){ph_rat_sub(span.begin, offset), ph_rat_sub(span.end, offset)}, &inner);
  for (size_t i = 0; i < inner.count; i++) {
    ph_hap h = inner.items[i];
    h.part = (ph_span){ph_rat_add(h.part.begin, offset), ph_rat_add(h.part.end, offset)};
    if (h.has_whole) h.whole = (ph_span){ph_rat_add(h.whole.begin, offset), ph_rat_add(h.whole.end, offset)};
    ph_haps_push(q, out, h);
  }
}

ph_pat *ph_slowcat(ph_arena *a, ph_pat *const *pats, int n) {
  if (n == 0) return ph_silence(a);
  if (n == 1) return pats[0];
  list_data *d = list_new(a, pats, n);
  if (!d) return NULL;
  ph_pat *p = ph_split_queries(a, ph_pat_new(a, query_slowcat, d));
  if (p) p->steps = steps_lcm(pats, n);
  return p;
}

ph_pat *ph_fastcat(ph_arena *a, ph_pat *const *pats, int n) {
  ph_pat *p = ph_slowcat(a, pats, n);
  if (!p || n <= 1) return p;
  return ph_pat_with_steps(a, ph_fast_c(a, ph_rat_int(n), p), ph_rat_int(n));
}

/* A sequence's parts, each squeezed into its place in the cycle, [starts[i], starts[i + 1]). */
typedef struct {
  list_data parts;
  ph_rat *starts; /* parts.n + 1 of them, increasing, from 0 to 1 */
} timecat_data;

/* The first part whose place ends at or after t (a position in the cycle, closed intervals). */
static int first_ending_from(const timecat_data *d, ph_rat t) {
  int lo = 0, hi = d->parts.n;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (ph_rat_lt(d->starts[mid + 1], t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* One past the last part whose place starts at or before t. */
static int last_starting_by(const timecat_data *d, ph_rat t) {
  int lo = 0, hi = d->parts.n;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (ph_rat_le(d->starts[mid], t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* The same events in the same order as stacking the squeezed parts, but a span shorter than
 * a cycle asks only the parts whose places it touches (found by bisection), so a sequence of
 * 100000 steps costs what a short one does. */
static void query_timecat(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const timecat_data *d = self->data;
  ph_rat cycle = ph_rat_floor(span.begin);
  ph_rat from = ph_rat_sub(span.begin, cycle), to = ph_rat_sub(span.end, cycle);
  if (!ph_rat_ok(to) || ph_rat_ge(ph_rat_sub(to, from), ph_rat_int(1))) {
    for (int i = 0; i < d->parts.n; i++) ph_pat_query(d->parts.pats[i], q, span, out);
    return;
  }
  /* Parts touched in this cycle ([from, to]) and in the next one ([from - 1, to - 1]). */
  ph_rat one = ph_rat_int(1);
  int ranges[2][2] = {{first_ending_from(d, ph_rat_sub(from, one)), last_starting_by(d, ph_rat_sub(to, one))},
                      {first_ending_from(d, from), last_starting_by(d, to)}};
  int next = ranges[0][0];
  for (int r = 0; r < 2; r++)
    for (int i = ranges[r][0] > next ? ranges[r][0] : next; i < ranges[r][1]; i++, next = i)
      ph_pat_query(d->parts.pats[i], q, span, out);
}

ph_pat *ph_timecat(ph_arena *a, const ph_rat *weights, ph_pat *const *pats, int n) {
  ph_rat total = ph_rat_int(0);
  int kept = 0;
  bool increasing = true;
  for (int i = 0; i < n; i++) {
    total = ph_rat_add(total, weights[i]);
    increasing = increasing && !ph_rat_lt(weights[i], ph_rat_int(0));
  }
  if (!ph_rat_ok(total)) return NULL;
  if (n == 1) return pats[0];
  ph_pat **parts = PH_ARENA_ARRAY(a, ph_pat *, n > 0 ? n : 1);
  ph_rat *starts = PH_ARENA_ARRAY(a, ph_rat, n + 1);
  if (!parts || !starts) return NULL;
  ph_rat begin = ph_rat_int(0);
  starts[0] = begin;
  for (int i = 0; i < n; i++) {
    if (ph_rat_is_zero(weights[i])) continue;
    ph_rat end = ph_rat_add(begin, weights[i]);
    parts[kept++] = ph_compress_c(a, ph_rat_div(begin, total), ph_rat_div(end, total), pats[i]);
    if (!parts[kept - 1]) return NULL;
    starts[kept] = ph_rat_div(end, total);
    begin = end;
  }
  if (!increasing || !ph_rat_gt(total, ph_rat_int(0))) return ph_pat_with_steps(a, ph_stack(a, parts, kept), total);
  timecat_data *d;
  ph_pat *p = ph_pat_new_with(a, query_timecat, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (timecat_data){{kept, parts, NULL}, starts};
  p->steps = steps_lcm(parts, kept);
  return ph_pat_with_steps(a, p, total);
}

/* ---------------------------------------------------------------- time */

static void query_split(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  ph_span *cycles;
  int n = ph_span_cycles(q, span, &cycles);
  for (int i = 0; i < n; i++) ph_pat_query(self->data, q, cycles[i], out);
}

ph_pat *ph_split_queries(ph_arena *a, ph_pat *pat) {
  if (!pat) return NULL;
  ph_pat *p = ph_pat_new(a, query_split, pat);
  if (p) p->steps = pat->steps;
  return p;
}

typedef struct {
  ph_pat *pat;
  ph_rat scale, shift;
} time_data;

static ph_rat to_outer(const time_data *d, ph_rat t) {
  return ph_rat_div(ph_rat_sub(t, d->shift), d->scale);
}

static void query_time(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const time_data *d = self->data;
  ph_span inner_span = {ph_rat_add(ph_rat_mul(span.begin, d->scale), d->shift),
                        ph_rat_add(ph_rat_mul(span.end, d->scale), d->shift)};
  size_t first = out->count;
  ph_pat_query(d->pat, q, inner_span, out);
  for (size_t i = first; i < out->count; i++) {
    ph_hap *h = &out->items[i];
    h->part = (ph_span){to_outer(d, h->part.begin), to_outer(d, h->part.end)};
    if (h->has_whole) h->whole = (ph_span){to_outer(d, h->whole.begin), to_outer(d, h->whole.end)};
  }
}

ph_pat *ph_with_time(ph_arena *a, ph_pat *pat, ph_rat scale, ph_rat shift) {
  if (!pat) return NULL;
  time_data *d;
  ph_pat *p = ph_pat_new_with(a, query_time, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (time_data){pat, scale, shift};
  p->steps = pat->steps;
  return p;
}

ph_pat *ph_fast_c(ph_arena *a, ph_rat factor, ph_pat *pat) {
  if (ph_rat_is_zero(factor)) return ph_silence(a);
  return ph_with_time(a, pat, factor, ph_rat_int(0));
}

ph_pat *ph_slow_c(ph_arena *a, ph_rat factor, ph_pat *pat) {
  if (ph_rat_is_zero(factor)) return ph_silence(a);
  return ph_fast_c(a, ph_rat_div(ph_rat_int(1), factor), pat);
}

ph_pat *ph_early_c(ph_arena *a, ph_rat offset, ph_pat *pat) {
  return ph_with_time(a, pat, ph_rat_int(1), offset);
}

ph_pat *ph_late_c(ph_arena *a, ph_rat offset, ph_pat *pat) { return ph_early_c(a, ph_rat_neg(offset), pat); }

typedef struct {
  ph_pat *pat;
  ph_rat factor;
} fastgap_data;

static void query_fastgap(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const fastgap_data *d = self->data;
  ph_rat one = ph_rat_int(1);
  ph_rat cycle = ph_rat_floor(span.begin);
  ph_rat bpos = ph_rat_min(ph_rat_mul(ph_rat_sub(span.begin, cycle), d->factor), one);
  ph_rat epos = ph_rat_min(ph_rat_mul(ph_rat_sub(span.end, cycle), d->factor), one);
  if (ph_rat_ge(bpos, one)) return;
  size_t first = out->count;
  ph_pat_query(d->pat, q, (ph_span){ph_rat_add(cycle, bpos), ph_rat_add(cycle, epos)}, out);
  for (size_t i = first; i < out->count; i++) {
    ph_hap *h = &out->items[i];
    ph_rat begin = h->part.begin, end = h->part.end;
    ph_rat c = ph_rat_floor(begin);
    ph_rat bp = ph_rat_min(ph_rat_div(ph_rat_sub(begin, c), d->factor), one);
    ph_rat ep = ph_rat_min(ph_rat_div(ph_rat_sub(end, c), d->factor), one);
    ph_span part = {ph_rat_add(c, bp), ph_rat_add(c, ep)};
    if (h->has_whole)
      h->whole = (ph_span){ph_rat_sub(part.begin, ph_rat_div(ph_rat_sub(begin, h->whole.begin), d->factor)),
                           ph_rat_add(part.end, ph_rat_div(ph_rat_sub(h->whole.end, end), d->factor))};
    h->part = part;
  }
}

ph_pat *ph_fastgap_c(ph_arena *a, ph_rat factor, ph_pat *pat) {
  if (!pat) return NULL;
  if (!ph_rat_gt(factor, ph_rat_int(0))) return ph_silence(a);
  fastgap_data *d;
  ph_pat *p = ph_pat_new_with(a, query_fastgap, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (fastgap_data){pat, factor};
  return ph_split_queries(a, p);
}

ph_pat *ph_compress_c(ph_arena *a, ph_rat b, ph_rat e, ph_pat *pat) {
  ph_rat zero = ph_rat_int(0), one = ph_rat_int(1);
  if (ph_rat_gt(b, e) || ph_rat_gt(b, one) || ph_rat_gt(e, one) || ph_rat_lt(b, zero) || ph_rat_lt(e, zero) ||
      ph_rat_eq(b, e))
    return ph_silence(a);
  return ph_late_c(a, b, ph_fastgap_c(a, ph_rat_div(one, ph_rat_sub(e, b)), pat));
}

/* ---------------------------------------------------------------- values and structure */

typedef struct {
  ph_pat *pat;
  ph_map_fn fn;
  const void *env;
} fmap_data;

static void query_fmap(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const fmap_data *d = self->data;
  size_t first = out->count;
  ph_pat_query(d->pat, q, span, out);
  for (size_t i = first; i < out->count; i++) out->items[i].value = d->fn(q, out->items[i].value, d->env);
}

ph_pat *ph_fmap(ph_arena *a, ph_pat *pat, ph_map_fn fn, const void *env) {
  if (!pat) return NULL;
  fmap_data *d;
  ph_pat *p = ph_pat_new_with(a, query_fmap, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (fmap_data){pat, fn, env};
  p->steps = pat->steps;
  return p;
}

typedef struct {
  ph_pat *pat;
  ph_hap_pred pred;
  const void *env;
} filter_data;

static void query_filter(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const filter_data *d = self->data;
  size_t first = out->count, kept = first;
  ph_pat_query(d->pat, q, span, out);
  for (size_t i = first; i < out->count; i++)
    if (d->pred(&out->items[i], d->env)) out->items[kept++] = out->items[i];
  out->count = kept;
}

ph_pat *ph_filter_haps(ph_arena *a, ph_pat *pat, ph_hap_pred pred, const void *env) {
  if (!pat) return NULL;
  filter_data *d;
  ph_pat *p = ph_pat_new_with(a, query_filter, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (filter_data){pat, pred, env};
  p->steps = pat->steps;
  return p;
}

static bool has_onset(const ph_hap *h, const void *env) { return ph_hap_has_onset(h); }
static bool is_discrete(const ph_hap *h, const void *env) { return h->has_whole; }

ph_pat *ph_filter_onsets(ph_arena *a, ph_pat *pat) { return ph_filter_haps(a, pat, has_onset, NULL); }
ph_pat *ph_discrete_only(ph_arena *a, ph_pat *pat) { return ph_filter_haps(a, pat, is_discrete, NULL); }

typedef enum { APP_LEFT, APP_RIGHT, APP_BOTH } app_kind;

typedef struct {
  ph_pat *left, *right;
  ph_combine_fn fn;
  const void *env;
  app_kind kind;
} app_data;

static void query_app_side(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const app_data *d = self->data;
  bool left_leads = d->kind == APP_LEFT;
  ph_haps outer = ph_haps_empty();
  ph_pat_query(left_leads ? d->left : d->right, q, span, &outer);
  for (size_t i = 0; i < outer.count; i++) {
    const ph_hap *o = &outer.items[i];
    ph_haps inner = ph_haps_empty();
    ph_pat_query(left_leads ? d->right : d->left, q, ph_hap_whole_or_part(o), &inner);
    for (size_t j = 0; j < inner.count; j++) {
      const ph_hap *in = &inner.items[j];
      ph_span part;
      if (!ph_span_intersect(in->part, o->part, &part)) continue;
      ph_value v = left_leads ? d->fn(q, o->value, in->value, d->env) : d->fn(q, in->value, o->value, d->env);
      ph_haps_push(q, out, (ph_hap){o->whole, part, o->has_whole, v});
    }
  }
}

static void query_app_both(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const app_data *d = self->data;
  ph_haps left = ph_haps_empty(), right = ph_haps_empty();
  ph_pat_query(d->left, q, span, &left);
  ph_pat_query(d->right, q, span, &right);
  for (size_t i = 0; i < left.count; i++)
    for (size_t j = 0; j < right.count; j++) {
      const ph_hap *l = &left.items[i], *r = &right.items[j];
      ph_span part, whole = {0};
      if (!ph_span_intersect(l->part, r->part, &part)) continue;
      bool has_whole = l->has_whole && r->has_whole;
      if (has_whole && !ph_span_intersect(l->whole, r->whole, &whole)) continue;
      ph_haps_push(q, out, (ph_hap){whole, part, has_whole, d->fn(q, l->value, r->value, d->env)});
    }
}

static ph_pat *app_new(ph_arena *a, ph_pat *left, ph_pat *right, ph_combine_fn fn, const void *env, app_kind k) {
  if (!left || !right) return NULL;
  app_data *d;
  ph_pat *p = ph_pat_new_with(a, k == APP_BOTH ? query_app_both : query_app_side, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (app_data){left, right, fn, env, k};
  p->steps = k == APP_RIGHT ? right->steps : left->steps;
  return p;
}

ph_pat *ph_app_left(ph_arena *a, ph_pat *l, ph_pat *r, ph_combine_fn fn, const void *env) {
  return app_new(a, l, r, fn, env, APP_LEFT);
}
ph_pat *ph_app_right(ph_arena *a, ph_pat *l, ph_pat *r, ph_combine_fn fn, const void *env) {
  return app_new(a, l, r, fn, env, APP_RIGHT);
}
ph_pat *ph_app_both(ph_arena *a, ph_pat *l, ph_pat *r, ph_combine_fn fn, const void *env) {
  return app_new(a, l, r, fn, env, APP_BOTH);
}

/* ---------------------------------------------------------------- joins */

typedef enum { JOIN_INNER, JOIN_OUTER, JOIN_BOTH, JOIN_SQUEEZE, JOIN_RESET, JOIN_RESTART } join_kind;

typedef struct {
  ph_pat *pat;
  join_kind kind;
} join_data;

static void query_join(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const join_data *d = self->data;
  ph_haps outer = ph_haps_empty();
  ph_pat_query(d->pat, q, span, &outer);
  for (size_t i = 0; i < outer.count && !ph_query_failed(q); i++) {
    const ph_hap *o = &outer.items[i];
    if (o->value.kind != PH_VAL_PAT) continue;
    ph_haps inner = ph_haps_empty();
    ph_pat_query(o->value.as.pat, q, o->part, &inner);
    for (size_t j = 0; j < inner.count; j++) {
      ph_hap h = inner.items[j];
      if (d->kind == JOIN_OUTER) {
        h.whole = o->whole;
        h.has_whole = o->has_whole;
      } else if (d->kind == JOIN_BOTH) {
        if (!o->has_whole || !h.has_whole) {
          h.has_whole = false;
        } else if (!ph_span_intersect(o->whole, h.whole, &h.whole)) {
          if (q->err) ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, "TimeSpans do not intersect");
          return;
        }
      }
      ph_haps_push(q, out, h);
    }
  }
}

/* Strudel's squeezeJoin: each inner pattern's cycle is compressed into its outer event. */
static void query_squeeze(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const join_data *d = self->data;
  ph_haps outer = ph_haps_empty();
  ph_pat_query(ph_discrete_only(q->arena, d->pat), q, span, &outer);
  for (size_t i = 0; i < outer.count && !ph_query_failed(q); i++) {
    const ph_hap *o = &outer.items[i];
    if (o->value.kind != PH_VAL_PAT) continue;
    ph_pat *inner_pat = ph_focus_span_c(q->arena, o->whole, o->value.as.pat);
    if (!inner_pat) {
      oom(q);
      return;
    }
    ph_haps inner = ph_haps_empty();
    ph_pat_query(inner_pat, q, o->part, &inner);
    for (size_t j = 0; j < inner.count; j++) {
      const ph_hap *h = &inner.items[j];
      ph_span whole = {0}, part;
      bool has_whole = o->has_whole && h->has_whole;
      if (has_whole && !ph_span_intersect(h->whole, o->whole, &whole)) continue;
      if (!ph_span_intersect(h->part, o->part, &part)) continue;
      ph_haps_push(q, out, (ph_hap){whole, part, has_whole, h->value});
    }
  }
}

static void query_reset(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const join_data *d = self->data;
  ph_haps outer = ph_haps_empty();
  ph_pat_query(d->pat, q, span, &outer);
  for (size_t i = 0; i < outer.count && !ph_query_failed(q); i++) {
    const ph_hap *o = &outer.items[i];
    if (!o->has_whole || o->value.kind != PH_VAL_PAT) continue;
    ph_rat shift = d->kind == JOIN_RESTART ? o->whole.begin : ph_rat_cycle_pos(o->whole.begin);
    ph_pat *inner_pat = ph_late_c(q->arena, shift, o->value.as.pat);
    if (!inner_pat) {
      oom(q);
      return;
    }
    ph_haps inner = ph_haps_empty();
    ph_pat_query(inner_pat, q, span, &inner);
    for (size_t j = 0; j < inner.count; j++) {
      const ph_hap *h = &inner.items[j];
      ph_span whole = {0}, part;
      bool has_whole = h->has_whole && ph_span_intersect(h->whole, o->whole, &whole);
      if (!ph_span_intersect(h->part, o->part, &part)) continue;
      ph_haps_push(q, out, (ph_hap){whole, part, has_whole, h->value});
    }
  }
}

static ph_pat *join_new(ph_arena *a, ph_pat *pat, join_kind kind, ph_query_fn fn) {
  if (!pat) return NULL;
  join_data *d;
  ph_pat *p = ph_pat_new_with(a, fn, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (join_data){pat, kind};
  if (kind == JOIN_OUTER) p->steps = pat->steps;
  return p;
}

ph_pat *ph_inner_join(ph_arena *a, ph_pat *p) { return join_new(a, p, JOIN_INNER, query_join); }
ph_pat *ph_outer_join(ph_arena *a, ph_pat *p) { return join_new(a, p, JOIN_OUTER, query_join); }
ph_pat *ph_join(ph_arena *a, ph_pat *p) { return join_new(a, p, JOIN_BOTH, query_join); }
ph_pat *ph_squeeze_join(ph_arena *a, ph_pat *p) { return join_new(a, p, JOIN_SQUEEZE, query_squeeze); }
ph_pat *ph_reset_join(ph_arena *a, ph_pat *p, bool restart) {
  return join_new(a, p, restart ? JOIN_RESTART : JOIN_RESET, query_reset);
}

/* Strudel's focus: the cycle starting at b's cycle is stretched to fill [b, e). */
ph_pat *ph_focus_c(ph_arena *a, ph_rat b, ph_rat e, ph_pat *pat) {
  ph_pat *p = ph_early_c(a, ph_rat_floor(b), pat);
  p = ph_fast_c(a, ph_rat_div(ph_rat_int(1), ph_rat_sub(e, b)), p);
  return ph_late_c(a, b, p);
}

ph_pat *ph_focus_span_c(ph_arena *a, ph_span s, ph_pat *pat) { return ph_focus_c(a, s.begin, s.end, pat); }
