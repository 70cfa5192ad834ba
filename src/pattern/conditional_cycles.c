/* Transforms applied on some cycles or some events only: every, firstOf, lastOf, every',
 * whenmod, when (while), within. */
#include <math.h>

#include "pattern/conditional.h"

const ph_func *ph_arg_func(ph_value v, ph_error *err, const char *what) {
  if (v.kind == PH_VAL_FUNC && v.as.fn) return v.as.fn;
  ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s must be a transform", what);
  return NULL;
}

bool ph_arg_whole(ph_value v, int64_t *out, ph_error *err, const char *what) {
  double x;
  if (!ph_arg_num(v, &x, err, what)) return false;
  if (x != floor(x) || fabs(x) > 1e15) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s must be a whole number, got %g", what, x);
    return false;
  }
  *out = (int64_t)x;
  return true;
}

/* ---------------------------------------------------------------- choosing per cycle */

typedef bool (*cycle_test)(int64_t cycle, const void *env);

typedef struct {
  ph_pat *plain, *changed;
  cycle_test test;
  const void *env;
} cycle_choice;

static void query_cycle_choice(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const cycle_choice *d = self->data;
  ph_pat *p = d->test(ph_rat_floor_int(span.begin), d->env) ? d->changed : d->plain;
  ph_pat_query(p, q, span, out);
}

/* Plays `changed` on the cycles passing the test, `plain` on the others; no time shift. */
static ph_pat *choose_by_cycle(ph_arena *a, ph_pat *plain, ph_pat *changed, cycle_test test, const void *env) {
  if (!plain || !changed) return NULL;
  cycle_choice *d;
  ph_pat *p = ph_pat_new_with(a, query_cycle_choice, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (cycle_choice){plain, changed, test, env};
  return ph_split_queries(a, p);
}

static int64_t mod64(int64_t x, int64_t n) {
  int64_t r = x % n;
  return (r != 0 && (r < 0) != (n < 0)) ? r + n : r; /* Haskell's mod: the sign of n */
}

typedef struct {
  int64_t n, offset;
} mod_env;

static bool mod_equals(int64_t cycle, const void *env) {
  const mod_env *e = env;
  return e->n != 0 && mod64(cycle, e->n) == e->offset;
}

static ph_pat *on_cycles_mod(ph_arena *a, int64_t n, int64_t offset, const ph_func *f, ph_pat *pat, ph_error *err) {
  mod_env *e = PH_ARENA_NEW(a, mod_env);
  if (!e) return NULL;
  *e = (mod_env){n, offset};
  return choose_by_cycle(a, pat, ph_func_apply(a, f, pat, err), mod_equals, e);
}

/* Strudel's slowcatPrime of n patterns, all pat but the one at `changed`, which is f pat: the
 * cycle's index is JavaScript's cycle % n, so the negative cycles that are not multiples of n
 * index nothing and are silent. */
typedef struct {
  int64_t n, changed;
} prime_env;

static void query_prime(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const cycle_choice *d = self->data;
  const prime_env *e = d->env;
  int64_t index = ph_rat_floor_int(span.begin) % e->n; /* C's % truncates like JavaScript's */
  if (index < 0) return;
  ph_pat_query(index == e->changed ? d->changed : d->plain, q, span, out);
}

static ph_pat *slowcat_prime(ph_arena *a, int64_t n, int64_t changed, const ph_func *f, ph_pat *pat, ph_error *err) {
  ph_pat *fpat = ph_func_apply(a, f, pat, err);
  prime_env *e = PH_ARENA_NEW(a, prime_env);
  cycle_choice *d;
  if (!fpat || !e) return NULL;
  *e = (prime_env){n, changed};
  ph_pat *p = ph_pat_new_with(a, query_prime, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (cycle_choice){pat, fpat, NULL, e};
  return ph_split_queries(a, p);
}

static bool cycle_count(ph_value v, int64_t *n, ph_error *err, const char *what) {
  if (!ph_arg_whole(v, n, err, what)) return false;
  if (*n >= 1) return true;
  ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s must be at least 1, got %lld", what, (long long)*n);
  return false;
}

/* Strudel's firstOf (alias every): f on the first of every n cycles. */
static ph_pat *first_of_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  int64_t n;
  const ph_func *f;
  if (!cycle_count(v[0], &n, err, "firstOf's n") || !(f = ph_arg_func(v[1], err, "firstOf's transform"))) return NULL;
  return slowcat_prime(a, n, 0, f, pat, err);
}

static ph_pat *last_of_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  int64_t n;
  const ph_func *f;
  if (!cycle_count(v[0], &n, err, "lastOf's n") || !(f = ph_arg_func(v[1], err, "lastOf's transform"))) return NULL;
  return slowcat_prime(a, n, n - 1, f, pat, err);
}

/* every is Strudel's firstOf, except that every 0 leaves the pattern alone (Tidal's rule;
 * Strudel fails). */
static ph_pat *every_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  int64_t n;
  const ph_func *f;
  if (!ph_arg_whole(v[0], &n, err, "every's n") || !(f = ph_arg_func(v[1], err, "every's transform"))) return NULL;
  if (n == 0) return pat;
  if (!cycle_count(v[0], &n, err, "every's n")) return NULL;
  return slowcat_prime(a, n, 0, f, pat, err);
}

/* Tidal's every' n o: cycle mod n == o (never when n is 0). */
static ph_pat *every_offset_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  int64_t n, o;
  const ph_func *f;
  if (!ph_arg_whole(v[0], &n, err, "every''s n") || !ph_arg_whole(v[1], &o, err, "every''s offset") ||
      !(f = ph_arg_func(v[2], err, "every''s transform")))
    return NULL;
  return on_cycles_mod(a, n, o, f, pat, err);
}

typedef struct {
  ph_rat period, from;
} whenmod_env;

static bool whenmod_test(int64_t cycle, const void *env) {
  const whenmod_env *e = env;
  return !ph_rat_is_zero(e->period) && ph_rat_ge(ph_rat_mod(ph_rat_int(cycle), e->period), e->from);
}

/* Tidal's whenmod a b: f on the cycles c with c mod a >= b. */
static ph_pat *whenmod_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  whenmod_env *e = PH_ARENA_NEW(a, whenmod_env);
  const ph_func *f;
  if (!e || !ph_arg_rat(v[0], &e->period, err, "whenmod's period") || !ph_arg_rat(v[1], &e->from, err, "whenmod's start") ||
      !(f = ph_arg_func(v[2], err, "whenmod's transform")))
    return NULL;
  return choose_by_cycle(a, pat, ph_func_apply(a, f, pat, err), whenmod_test, e);
}

/* Strudel's when: per event of the (boolean) pattern, f pat where it is true, pat elsewhere. */
static ph_pat *when_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  const ph_func *f = ph_arg_func(v[1], err, "when's transform");
  if (!f) return NULL;
  return ph_value_truthy(v[0]) ? ph_func_apply(a, f, pat, err) : pat;
}

/* ---------------------------------------------------------------- within */

typedef struct {
  ph_pat *pat;
  double begin, end;
  bool inside;
} within_data;

/* Strudel's filterWhen on the onset's position in its cycle. A continuous event has no onset
 * to test: Strudel's query fails on it, and so does this one. */
static void query_within(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const within_data *d = self->data;
  size_t first = out->count, kept = first;
  ph_pat_query(d->pat, q, span, out);
  for (size_t i = first; i < out->count; i++) {
    const ph_hap *h = &out->items[i];
    if (!h->has_whole) {
      if (q->err) ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, "within needs events with onsets, not a continuous pattern");
      out->count = first;
      return;
    }
    double pos = ph_rat_to_double(ph_rat_cycle_pos(h->whole.begin));
    if ((pos >= d->begin && pos <= d->end) == d->inside) out->items[kept++] = *h;
  }
  out->count = kept;
}

static ph_pat *onsets_within(ph_arena *a, ph_pat *pat, double begin, double end, bool inside) {
  within_data *d;
  ph_pat *p = ph_pat_new_with(a, query_within, sizeof *d, (void **)&d);
  if (p) *d = (within_data){pat, begin, end, inside};
  return p;
}

/* Strudel's within: f applied to the events starting in [b, e] of their cycle (f sees only
 * those), stacked with the other events untouched. */
static ph_pat *within_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double b, e;
  const ph_func *f;
  if (!ph_arg_num(v[0], &b, err, "within's begin") || !ph_arg_num(v[1], &e, err, "within's end") ||
      !(f = ph_arg_func(v[2], err, "within's transform")))
    return NULL;
  ph_pat *parts[2] = {ph_func_apply(a, f, onsets_within(a, pat, b, e, true), err), onsets_within(a, pat, b, e, false)};
  if (!parts[0] || !parts[1]) return NULL;
  return ph_stack(a, parts, 2);
}

PH_APPLY_DECL(ph_apply_every) { return ph_patternify(a, every_k, args, 2, pat, err); }
PH_APPLY_DECL(ph_apply_first_of) { return ph_patternify(a, first_of_k, args, 2, pat, err); }
PH_APPLY_DECL(ph_apply_last_of) { return ph_patternify(a, last_of_k, args, 2, pat, err); }
PH_APPLY_DECL(ph_apply_every_offset) { return ph_patternify(a, every_offset_k, args, 3, pat, err); }
PH_APPLY_DECL(ph_apply_whenmod) { return ph_patternify(a, whenmod_k, args, 3, pat, err); }
PH_APPLY_DECL(ph_apply_when) { return ph_patternify(a, when_k, args, 2, pat, err); }
PH_APPLY_DECL(ph_apply_within) { return ph_patternify(a, within_k, args, 3, pat, err); }
