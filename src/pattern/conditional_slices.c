/* Cutting samples into parts: chop and striate set the `begin` and `end` controls. */
#include <math.h>

#include "pattern/conditional.h"
#include "pattern/ops.h"

/* JavaScript's Array.from({length: n}): n truncated, nothing for n below 1 or NaN. */
static bool slice_count(double n, int *count, ph_error *err, const char *who) {
  if (isnan(n) || n < 1) {
    *count = 0;
    return true;
  }
  if (n > 4096) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s: too many parts (%g, at most 4096)", who, n);
    return false;
  }
  *count = (int)n;
  return true;
}

static ph_pat *with_steps_times(ph_arena *a, ph_pat *p, double n, const ph_pat *pat) {
  if (!p || !ph_rat_ok(pat->steps)) return p;
  return ph_pat_with_steps(a, p, ph_rat_mul(ph_rat_from_double(n), pat->steps));
}

static const ph_vmap *with_begin_end(ph_arena *a, const ph_vmap *m, double begin, double end) {
  m = ph_map_set(a, m, "begin", ph_num(begin));
  return m ? ph_map_set(a, m, "end", ph_num(end)) : NULL;
}

/* ---------------------------------------------------------------- chop */

typedef struct {
  double n;
  int count;
} chop_env;

/* The i-th of the event's parts: Strudel's merge of {begin: i/n, end: (i+1)/n} into the
 * value, relative to the value's own begin and end when it has both. */
static ph_value slice_of(ph_arena *a, const ph_vmap *m, double begin, double end) {
  const ph_value *b = ph_map_get(m, "begin"), *e = ph_map_get(m, "end");
  if (b && e && b->kind == PH_VAL_NUM && e->kind == PH_VAL_NUM) {
    double d = e->as.num - b->as.num;
    double nb = b->as.num + begin * d, ne = b->as.num + end * d;
    begin = nb;
    end = ne;
  }
  const ph_vmap *r = with_begin_end(a, m, begin, end);
  return r ? ph_mapval(r) : (ph_value){0};
}

/* Strudel's chop squeezes the sequence of parts into each event. A value that is not a
 * control map makes Strudel's query fail (`'begin' in value` throws) and play nothing: here
 * the query fails with the reason. */
static ph_value chop_parts(ph_query *q, ph_value v, const void *env) {
  const chop_env *e = env;
  if (e->count == 0) return ph_patval(ph_silence(q->arena)); /* no part to merge: no failure */
  if (v.kind != PH_VAL_MAP) {
    char buf[64];
    ph_value_format(buf, sizeof buf, v);
    if (q->err) ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, "chop cuts control values (like s \"bd\"), got '%s'", buf);
    return (ph_value){0};
  }
  ph_pat **parts = PH_ARENA_ARRAY(q->arena, ph_pat *, e->count > 0 ? e->count : 1);
  if (!parts) goto oom;
  for (int i = 0; i < e->count; i++) {
    ph_value slice = slice_of(q->arena, v.as.map, i / e->n, (i + 1) / e->n);
    if (slice.kind == PH_VAL_NONE || !(parts[i] = ph_pure(q->arena, slice))) goto oom;
  }
  ph_pat *seq = e->count ? ph_fastcat(q->arena, parts, e->count) : ph_silence(q->arena);
  if (!seq) goto oom;
  return ph_patval(seq);
oom:
  if (q->err) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
  return (ph_value){0};
}

static ph_pat *chop_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  chop_env *e = PH_ARENA_NEW(a, chop_env);
  if (!e || !ph_arg_num(v[0], &e->n, err, "chop's parts") || !slice_count(e->n, &e->count, err, "chop")) return NULL;
  return with_steps_times(a, ph_squeeze_join(a, ph_fmap(a, pat, chop_parts, e)), e->n, pat);
}

/* ---------------------------------------------------------------- striate */

/* Strudel's striate: pat.set(slowcat of the parts).fast(n): each cycle plays the whole
 * pattern n times, the i-th time with part i of every sample. */
static ph_pat *striate_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double n;
  int count;
  if (!ph_arg_num(v[0], &n, err, "striate's parts") || !slice_count(n, &count, err, "striate")) return NULL;
  if (count == 0) return ph_silence(a);
  ph_pat **parts = PH_ARENA_ARRAY(a, ph_pat *, count);
  if (!parts) return NULL;
  for (int i = 0; i < count; i++) {
    const ph_vmap *m = with_begin_end(a, NULL, i / n, (i + 1) / n);
    if (!m || !(parts[i] = ph_pure(a, ph_mapval(m)))) return NULL;
  }
  ph_pat *set = ph_op_apply(a, PH_OP_SET, PH_HOW_IN, pat, ph_slowcat(a, parts, count));
  return with_steps_times(a, ph_fast_c(a, ph_rat_from_double(n), set), n, pat);
}

PH_APPLY_DECL(ph_apply_chop) { return ph_patternify(a, chop_k, args, 1, pat, err); }
PH_APPLY_DECL(ph_apply_striate) { return ph_patternify(a, striate_k, args, 1, pat, err); }
