/* Transforms that move time around within or across cycles: rev, revv, zoom, linger, iter,
 * palindrome, ribbon, inside, outside, swingBy. */
#include "pattern/ops.h"
#include "pattern/registry.h"
#include "pattern/structure.h"

static ph_rat steps_scaled(ph_rat steps, ph_rat factor) {
  return ph_rat_ok(steps) ? ph_rat_mul(steps, factor) : steps;
}

/* ---------------------------------------------------------------- rev */

/* Mirror image of s within [cycle, cycle + 1). */
static ph_span reflect(ph_rat cycle, ph_span s) {
  ph_rat both = ph_rat_add(cycle, ph_rat_add(cycle, ph_rat_int(1)));
  return (ph_span){ph_rat_sub(both, s.end), ph_rat_sub(both, s.begin)};
}

static void query_rev(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  ph_rat cycle = ph_rat_floor(span.begin);
  size_t first = out->count;
  ph_pat_query(self->data, q, reflect(cycle, span), out);
  for (size_t i = first; i < out->count; i++) {
    ph_hap *h = &out->items[i];
    h->part = reflect(cycle, h->part);
    if (h->has_whole) h->whole = reflect(cycle, h->whole);
  }
}

ph_pat *ph_rev_c(ph_arena *a, ph_pat *pat) {
  if (!pat) return NULL;
  ph_pat *p = ph_split_queries(a, ph_pat_new(a, query_rev, pat));
  return ph_pat_with_steps(a, p, pat->steps);
}

static ph_span negated(ph_span s) { return (ph_span){ph_rat_neg(s.end), ph_rat_neg(s.begin)}; }

static void query_revv(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  size_t first = out->count;
  ph_pat_query(self->data, q, negated(span), out);
  for (size_t i = first; i < out->count; i++) {
    ph_hap *h = &out->items[i];
    h->part = negated(h->part);
    if (h->has_whole) h->whole = negated(h->whole);
  }
}

ph_pat *ph_revv_c(ph_arena *a, ph_pat *pat) { return pat ? ph_pat_new(a, query_revv, pat) : NULL; }

/* ---------------------------------------------------------------- zoom */

typedef struct {
  ph_pat *pat;
  ph_rat s, d; /* start and duration of the zoomed window */
} zoom_data;

/* Strudel's span.withCycle(t => (t - s) / d): relative to the cycle of the span's own begin. */
static ph_span unzoom(const zoom_data *z, ph_span sp) {
  ph_rat sam = ph_rat_floor(sp.begin);
  ph_rat b = ph_rat_div(ph_rat_sub(ph_rat_sub(sp.begin, sam), z->s), z->d);
  ph_rat e = ph_rat_div(ph_rat_sub(ph_rat_sub(sp.end, sam), z->s), z->d);
  return (ph_span){ph_rat_add(sam, b), ph_rat_add(sam, e)};
}

static void query_zoom(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const zoom_data *z = self->data;
  ph_rat sam = ph_rat_floor(span.begin);
  ph_span inner = {ph_rat_add(sam, ph_rat_add(ph_rat_mul(ph_rat_sub(span.begin, sam), z->d), z->s)),
                   ph_rat_add(sam, ph_rat_add(ph_rat_mul(ph_rat_sub(span.end, sam), z->d), z->s))};
  size_t first = out->count;
  ph_pat_query(z->pat, q, inner, out);
  for (size_t i = first; i < out->count; i++) {
    ph_hap *h = &out->items[i];
    h->part = unzoom(z, h->part);
    if (h->has_whole) h->whole = unzoom(z, h->whole);
  }
}

ph_pat *ph_zoom_c(ph_arena *a, ph_rat s, ph_rat e, ph_pat *pat) {
  if (!pat) return NULL;
  if (ph_rat_ge(s, e)) return ph_pat_with_steps(a, ph_silence(a), ph_rat_int(0));
  zoom_data *z;
  ph_pat *p = ph_pat_new_with(a, query_zoom, sizeof *z, (void **)&z);
  if (!p) return NULL;
  *z = (zoom_data){pat, s, ph_rat_sub(e, s)};
  p = ph_split_queries(a, p);
  return ph_pat_with_steps(a, p, steps_scaled(pat->steps, z->d));
}

/* ---------------------------------------------------------------- linger */

ph_pat *ph_linger_c(ph_arena *a, ph_rat t, ph_pat *pat) {
  if (!pat) return NULL;
  ph_pat *p;
  if (ph_rat_is_zero(t))
    p = ph_silence(a);
  else if (ph_rat_lt(t, ph_rat_int(0))) /* Strudel 1.2.6 throws here; Tidal takes the cycle's end */
    p = ph_slow_c(a, ph_rat_neg(t), ph_zoom_c(a, ph_rat_add(t, ph_rat_int(1)), ph_rat_int(1), pat));
  else
    p = ph_slow_c(a, t, ph_zoom_c(a, ph_rat_int(0), t, pat));
  return ph_pat_with_steps(a, p, pat->steps);
}

/* ---------------------------------------------------------------- iter, palindrome */

ph_pat *ph_iter_c(ph_arena *a, ph_rat times, bool back, ph_pat *pat, ph_error *err) {
  if (!pat) return NULL;
  /* Strudel lists i = 0 .. times-1 with an array of length floor(times). */
  int64_t n = ph_rat_ge(times, ph_rat_int(1)) ? ph_rat_floor_int(times) : 0;
  if (n > PH_STRUCTURE_MAX_PARTS) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "iter's number of parts is too large (at most %d)",
                 PH_STRUCTURE_MAX_PARTS);
    return NULL;
  }
  ph_pat **pats = PH_ARENA_ARRAY(a, ph_pat *, n > 0 ? (size_t)n : 1);
  if (!pats) return NULL;
  for (int64_t i = 0; i < n; i++) {
    ph_rat shift = ph_rat_div(ph_rat_int(i), times);
    pats[i] = back ? ph_late_c(a, shift, pat) : ph_early_c(a, shift, pat);
    if (!pats[i]) return NULL;
  }
  return ph_pat_with_steps(a, ph_slowcat(a, pats, (int)n), pat->steps);
}

typedef struct {
  ph_pat *pats[2];
} prime_data;

/* Strudel's slowcatPrime: cycle c plays pats[c % n] unshifted; a negative remainder (odd
 * negative cycles, as JavaScript's %) plays nothing. */
static void query_slowcat_prime(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const prime_data *d = self->data;
  int64_t idx = ph_rat_floor_int(span.begin) % 2;
  if (idx >= 0) ph_pat_query(d->pats[idx], q, span, out);
}

ph_pat *ph_palindrome_c(ph_arena *a, ph_pat *pat) {
  if (!pat) return NULL;
  prime_data *d;
  ph_pat *p = ph_pat_new_with(a, query_slowcat_prime, sizeof *d, (void **)&d);
  if (!p) return NULL;
  d->pats[0] = pat;
  d->pats[1] = ph_rev_c(a, pat);
  if (!d->pats[1]) return NULL;
  return ph_pat_with_steps(a, ph_split_queries(a, p), pat->steps);
}

/* ---------------------------------------------------------------- ribbon */

ph_pat *ph_ribbon_c(ph_arena *a, ph_rat offset, ph_rat cycles, ph_pat *pat) {
  ph_pat *loop = ph_slow_c(a, cycles, ph_pure(a, ph_num(1)));
  ph_pat *shifted = ph_early_c(a, offset, pat);
  if (!loop || !shifted) return NULL;
  return ph_op_apply(a, PH_OP_KEEPIF, PH_HOW_RESTART, shifted, loop);
}

/* ---------------------------------------------------------------- inside, outside, swingBy */

ph_pat *ph_inside_c(ph_arena *a, ph_rat factor, const ph_func *f, ph_pat *pat, ph_error *err) {
  ph_pat *slowed = ph_slow_c(a, factor, pat);
  ph_pat *done = slowed ? ph_func_apply(a, f, slowed, err) : NULL;
  return done ? ph_fast_c(a, factor, done) : NULL;
}

ph_pat *ph_outside_c(ph_arena *a, ph_rat factor, const ph_func *f, ph_pat *pat, ph_error *err) {
  ph_pat *fast = ph_fast_c(a, factor, pat);
  ph_pat *done = fast ? ph_func_apply(a, f, fast, err) : NULL;
  return done ? ph_slow_c(a, factor, done) : NULL;
}

ph_pat *ph_swing_by_c(ph_arena *a, double swing, ph_rat n, ph_pat *pat, ph_error *err) {
  const ph_transform_def *late = ph_transform_find("late");
  if (!late) {
    ph_error_set(err, PH_ERR_NAME, NULL, 0, "swingBy needs the transform 'late'");
    return NULL;
  }
  /* inside(n, late("0 swing/2")): the second half of each slice is delayed. */
  ph_pat *halves[2] = {ph_pure(a, ph_num(0)), ph_pure(a, ph_num(swing / 2))};
  if (!halves[0] || !halves[1]) return NULL;
  ph_pat *offsets = ph_fastcat(a, halves, 2);
  ph_pat *slowed = ph_slow_c(a, n, pat);
  ph_pat *delayed = offsets && slowed ? late->apply(a, &offsets, slowed, err) : NULL;
  return delayed ? ph_fast_c(a, n, delayed) : NULL;
}
