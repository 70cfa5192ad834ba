/* Strudel's register(): how a transform with patterned arguments is applied. */
#include <math.h>

#include "pattern/core.h"

#define MAX_ARGS 8

typedef struct {
  ph_const_fn fn;
  int nargs;
  ph_pat *args[MAX_ARGS];
  ph_pat *pat;
  ph_join_kind join;
} patternify_data;

/* An event of the combined arguments: the structure of the first, the values of all. */
typedef struct {
  ph_hap hap;
  ph_value values[MAX_ARGS];
} arg_hap;

static void query_patternified(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const patternify_data *d = self->data;
  ph_haps first = ph_haps_empty();
  ph_pat_query(d->args[0], q, span, &first);
  size_t n = first.count, cap = n ? n : 1;
  arg_hap *cur = PH_ARENA_ARRAY(q->arena, arg_hap, cap);
  if (!cur) goto oom;
  for (size_t i = 0; i < n; i++) {
    cur[i].hap = first.items[i];
    cur[i].values[0] = first.items[i].value;
  }
  /* appLeft with each further argument: query it over each event's whole, keep the
   * intersections of the parts, the left whole and all values. */
  for (int k = 1; k < d->nargs && !ph_query_failed(q); k++) {
    size_t next_n = 0, next_cap = n ? n : 1;
    arg_hap *next = PH_ARENA_ARRAY(q->arena, arg_hap, next_cap);
    if (!next) goto oom;
    for (size_t i = 0; i < n; i++) {
      ph_haps vals = ph_haps_empty();
      ph_pat_query(d->args[k], q, ph_hap_whole_or_part(&cur[i].hap), &vals);
      for (size_t j = 0; j < vals.count; j++) {
        ph_span part;
        if (!ph_span_intersect(cur[i].hap.part, vals.items[j].part, &part)) continue;
        if (next_n == next_cap) {
          arg_hap *grown = ph_arena_realloc(q->arena, next, next_cap * sizeof *next, 2 * next_cap * sizeof *next);
          if (!grown) goto oom;
          next = grown;
          next_cap *= 2;
        }
        next[next_n] = cur[i];
        next[next_n].hap.part = part;
        next[next_n].values[k] = vals.items[j].value;
        next_n++;
      }
    }
    cur = next;
    n = next_n;
  }
  /* The join: the transform with these values, queried over the event's part. */
  for (size_t i = 0; i < n && !ph_query_failed(q); i++) {
    const ph_hap *o = &cur[i].hap;
    ph_pat *inner = d->fn(q->arena, cur[i].values, d->pat, q->err);
    if (!inner) {
      if (!ph_query_failed(q)) goto oom;
      return;
    }
    if (d->join == PH_JOIN_SQUEEZE) {
      if (!o->has_whole) continue;
      inner = ph_focus_span_c(q->arena, o->whole, inner);
      if (!inner) goto oom;
    }
    ph_haps got = ph_haps_empty();
    ph_pat_query(inner, q, o->part, &got);
    for (size_t j = 0; j < got.count; j++) {
      ph_hap h = got.items[j];
      if (d->join == PH_JOIN_OUTER) {
        h.whole = o->whole;
        h.has_whole = o->has_whole;
      } else if (d->join == PH_JOIN_SQUEEZE) {
        ph_span whole = {0}, part;
        bool has_whole = h.has_whole && o->has_whole;
        if (has_whole && !ph_span_intersect(h.whole, o->whole, &whole)) continue;
        if (!ph_span_intersect(h.part, o->part, &part)) continue;
        h.whole = whole;
        h.has_whole = has_whole;
        h.part = part;
      }
      ph_haps_push(q, out, h);
    }
  }
  return;
oom:
  if (q->err) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
}

ph_pat *ph_patternify_join(ph_arena *a, ph_const_fn fn, ph_pat *const *args, int nargs, ph_pat *pat,
                           ph_join_kind join, ph_error *err) {
  if (!pat) return NULL;
  if (nargs > MAX_ARGS) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "too many arguments (%d, at most %d)", nargs, MAX_ARGS);
    return NULL;
  }
  bool all_pure = true;
  ph_value values[MAX_ARGS];
  for (int i = 0; i < nargs; i++) {
    if (!args[i]) return NULL;
    /* Strudel's test is `arg.__pure != undefined`: pure(value), whatever the value. */
    if (!args[i]->is_pure) all_pure = false;
    values[i] = args[i]->pure;
  }
  if (all_pure) return fn(a, values, pat, err);
  patternify_data *d;
  ph_pat *p = ph_pat_new_with(a, query_patternified, sizeof *d, (void **)&d);
  if (!p) return NULL;
  d->fn = fn;
  d->nargs = nargs;
  for (int i = 0; i < nargs; i++) d->args[i] = args[i];
  d->pat = pat;
  d->join = join;
  return p;
}

ph_pat *ph_patternify(ph_arena *a, ph_const_fn fn, ph_pat *const *args, int nargs, ph_pat *pat, ph_error *err) {
  return ph_patternify_join(a, fn, args, nargs, pat, PH_JOIN_INNER, err);
}

bool ph_arg_num(ph_value v, double *out, ph_error *err, const char *what) {
  if (ph_value_to_num(v, out) && !isnan(*out)) return true;
  char buf[64];
  ph_value_format(buf, sizeof buf, v);
  ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s must be a number, got '%s'", what, buf);
  return false;
}

bool ph_arg_rat(ph_value v, ph_rat *out, ph_error *err, const char *what) {
  double x;
  if (!ph_arg_num(v, &x, err, what)) return false;
  *out = ph_rat_from_double(x);
  if (ph_rat_ok(*out)) return true;
  ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s is out of range (%g)", what, x);
  return false;
}
