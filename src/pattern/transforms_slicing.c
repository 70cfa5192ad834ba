/* Playing samples by parts, as Strudel's slice, splice, loopAt and fit: they set the `begin`,
 * `end`, `speed` and `unit` controls the sampler reads.
 *
 * Strudel bakes the tempo into speeds with unit "c": loopAt, splice and fit multiply by the
 * cycles per second its scheduler passes in the query (loopAt assumes 0.5 without one, the
 * others 1), and its sampler plays a whole sample in 1/speed seconds. Phonon's sampler applies
 * the tempo itself (SuperDirt's unit "c": a whole sample in 1/speed cycles), so the values here
 * are Strudel's at one cycle per second, for all three. */
#include <math.h>

#include "pattern/ops.h"
#include "pattern/registry.h"

/* A value as JavaScript's arithmetic reads it: numbers, booleans, numeric words; NaN otherwise. */
static double js_arith(ph_value v) {
  double x;
  return ph_value_to_num(v, &x) ? x : NAN;
}

static const ph_value *key_of(const ph_vmap *m, const char *key) { return m ? ph_map_get(m, key) : NULL; }

static void query_oom(ph_query *q) {
  if (q->err) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
}

/* ---------------------------------------------------------------- slice */

/* Strudel's slice: n.innerBind(n => indices.outerBind(i => pat.outerBind(o => pure({begin: i/n,
 * end: (i+1)/n, _slices: n, ...o})))). The structure is the indices'; a value that is not a
 * control map is the sample name `s`; controls of the value (its own begin, end) win. */
typedef struct {
  ph_pat *indices, *sounds;
} slice_args;

typedef struct {
  ph_value n;
  ph_pat *sounds;
} slice_count;

typedef struct {
  ph_value n;
  double begin, end;
} slice_part;

static ph_value slice_of_sound(ph_query *q, ph_value o, const void *env) {
  const slice_part *p = env;
  const ph_vmap *m = ph_map_set(q->arena, NULL, "begin", ph_num(p->begin));
  if (m) m = ph_map_set(q->arena, m, "end", ph_num(p->end));
  if (m) m = ph_map_set(q->arena, m, "_slices", p->n);
  if (m) m = o.kind == PH_VAL_MAP ? ph_map_union(q->arena, m, o.as.map, NULL) : ph_map_set(q->arena, m, "s", o);
  ph_pat *part = m ? ph_pure(q->arena, ph_mapval(m)) : NULL;
  if (!part) {
    query_oom(q);
    return (ph_value){0};
  }
  return ph_patval(part);
}

static ph_value slices_at_index(ph_query *q, ph_value i, const void *env) {
  const slice_count *c = env;
  slice_part *p = PH_ARENA_NEW(q->arena, slice_part);
  ph_pat *pat = p ? ph_outer_join(q->arena, ph_fmap(q->arena, c->sounds, slice_of_sound, p)) : NULL;
  if (!pat) {
    query_oom(q);
    return (ph_value){0};
  }
  double n = js_arith(c->n), index = js_arith(i);
  *p = (slice_part){c->n, index / n, (index + 1) / n};
  return ph_patval(pat);
}

static ph_value slices_of_count(ph_query *q, ph_value n, const void *env) {
  const slice_args *s = env;
  slice_count *c = PH_ARENA_NEW(q->arena, slice_count);
  ph_pat *pat = c ? ph_outer_join(q->arena, ph_fmap(q->arena, s->indices, slices_at_index, c)) : NULL;
  if (!pat) {
    query_oom(q);
    return (ph_value){0};
  }
  *c = (slice_count){n, s->sounds};
  return ph_patval(pat);
}

static ph_pat *slice_pat(ph_arena *a, ph_pat *count, ph_pat *indices, ph_pat *pat) {
  slice_args *s = PH_ARENA_NEW(a, slice_args);
  if (!s || !count || !indices || !pat) return NULL;
  *s = (slice_args){indices, pat};
  return ph_pat_with_steps(a, ph_inner_join(a, ph_fmap(a, count, slices_of_count, s)), indices->steps);
}

static ph_pat *slice_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return slice_pat(a, args[0], args[1], pat);
}

/* ---------------------------------------------------------------- each event with its whole */

/* Changes an event's value knowing its whole; false when the query must fail. */
typedef bool (*hap_edit_fn)(ph_query *q, ph_hap *h);

typedef struct {
  ph_pat *pat;
  hap_edit_fn edit;
} edit_data;

static void query_edit(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const edit_data *d = self->data;
  size_t first = out->count;
  ph_pat_query(d->pat, q, span, out);
  for (size_t i = first; i < out->count && !ph_query_failed(q); i++)
    if (!d->edit(q, &out->items[i])) return;
}

static ph_pat *edit_haps(ph_arena *a, ph_pat *pat, hap_edit_fn edit) {
  if (!pat) return NULL;
  edit_data *d;
  ph_pat *p = ph_pat_new_with(a, query_edit, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (edit_data){pat, edit};
  p->steps = pat->steps;
  return p;
}

/* The event's whole in cycles, as Strudel's hap.whole.duration read as a number. */
static bool whole_duration(ph_query *q, const ph_hap *h, const char *who, double *out) {
  if (h->has_whole) {
    *out = ph_rat_to_double(ph_span_duration(h->whole));
    return true;
  }
  if (q->err) ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, "%s needs events with a whole, not a continuous pattern", who);
  return false;
}

static bool set_or_fail(ph_query *q, ph_hap *h, const ph_vmap *m) {
  if (!m) {
    query_oom(q);
    return false;
  }
  h->value = ph_mapval(m);
  return true;
}

/* ---------------------------------------------------------------- splice */

/* Strudel's splice: {speed: 1 / _slices / duration, unit: "c", ...value}, so a speed or unit
 * the value has already stays as it is. */
static bool splice_edit(ph_query *q, ph_hap *h) {
  double duration;
  if (!whole_duration(q, h, "splice", &duration)) return false;
  const ph_vmap *m = h->value.kind == PH_VAL_MAP ? h->value.as.map : NULL; /* slice made it a map */
  const ph_value *slices = key_of(m, "_slices");
  if (!key_of(m, "speed")) m = ph_map_set(q->arena, m, "speed", ph_num(1.0 / (slices ? js_arith(*slices) : NAN) / duration));
  if (m && !key_of(m, "unit")) m = ph_map_set(q->arena, m, "unit", ph_str("c"));
  return set_or_fail(q, h, m);
}

static ph_pat *splice_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  ph_pat *p = edit_haps(a, slice_pat(a, args[0], args[1], pat), splice_edit);
  return p ? ph_pat_with_steps(a, p, args[1]->steps) : NULL;
}

/* ---------------------------------------------------------------- fit */

/* Strudel's fit: the part of the sample from begin to end lasts the event. A value that is not
 * a control map makes Strudel's query fail (`'end' in value` throws): here it fails with why. */
static bool fit_edit(ph_query *q, ph_hap *h) {
  if (h->value.kind != PH_VAL_MAP) {
    char buf[64];
    ph_value_format(buf, sizeof buf, h->value);
    if (q->err) ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, "fit stretches control values (like s \"bd\"), got '%s'", buf);
    return false;
  }
  double duration;
  if (!whole_duration(q, h, "fit", &duration)) return false;
  const ph_vmap *m = h->value.as.map;
  const ph_value *begin = ph_map_get(m, "begin"), *end = ph_map_get(m, "end");
  double part = (end ? js_arith(*end) : 1.0) - (begin ? js_arith(*begin) : 0.0);
  m = ph_map_set(q->arena, m, "speed", ph_num(1.0 / duration * part));
  if (m) m = ph_map_set(q->arena, m, "unit", ph_str("c"));
  return set_or_fail(q, h, m);
}

static ph_pat *fit_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) { return edit_haps(a, pat, fit_edit); }

/* ---------------------------------------------------------------- loopAt */

/* Strudel's loopAt: pat.speed(1 / factor).unit("c").slow(factor): the speed replaces the
 * value's own. */
static ph_pat *loop_at_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double factor;
  ph_rat slow;
  if (!ph_arg_num(v[0], &factor, err, "loopAt's factor") || !ph_arg_rat(v[0], &slow, err, "loopAt's factor")) return NULL;
  const ph_vmap *m = ph_map_set(a, NULL, "speed", ph_num(1.0 / factor));
  if (m) m = ph_map_set(a, m, "unit", ph_str("c"));
  ph_pat *set = m ? ph_op_apply(a, PH_OP_SET, PH_HOW_IN, pat, ph_pure(a, ph_mapval(m))) : NULL;
  ph_pat *p = set ? ph_slow_c(a, slow, set) : NULL;
  if (!p || !ph_rat_ok(pat->steps)) return p;
  /* Strudel divides the steps by the factor first: 0 fails there */
  if (ph_rat_is_zero(slow)) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "loopAt's factor is 0: its steps would be divided by zero");
    return NULL;
  }
  return ph_pat_with_steps(a, p, ph_rat_div(pat->steps, slow));
}

static ph_pat *loop_at_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_patternify(a, loop_at_k, args, 1, pat, err);
}

const ph_transform_def ph_transforms_slicing[] = {
    {"slice", NULL, 2, "n indices", slice_p, "cut each sample into n parts and play the parts the indices name"},
    {"splice", NULL, 2, "n indices", splice_p, "slice, each part's speed set to fill its event (unit \"c\")"},
    {"loopAt", "loopat", 1, "factor", loop_at_p, "slow down by factor, each sample stretched over factor cycles"},
    {"fit", NULL, 0, "", fit_p, "each sample (from begin to end) stretched to fill its event"},
    {0},
};
