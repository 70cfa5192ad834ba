/* The element operators of the mini-notation (* / ! (k,n,r) ? : ..) and the polymeter "{ }",
 * each with the Strudel function mini.mjs gives it. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pattern/mini/mini_build.h"
#include "pattern/ops.h"
#include "pattern/random.h"
#include "pattern/registry.h"

#define MAX_RANGE 4096 /* ".." longer than this is refused rather than exhausting memory */

static ph_pat *fast_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat f;
  if (!ph_arg_rat(v[0], &f, err, "'*' factor")) return NULL;
  return ph_fast_c(a, f, pat);
}

static ph_pat *slow_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat f;
  if (!ph_arg_rat(v[0], &f, err, "'/' factor")) return NULL;
  return ph_slow_c(a, f, pat);
}

/* ---------------------------------------------------------------- ":" */

static int value_text(char *buf, size_t size, ph_value v) {
  if (v.kind == PH_VAL_NUM) return mn_js_number_string(buf, size, v.as.num);
  return ph_value_format(buf, size, v);
}

/* "bd:3": the values joined by ':' into one word (Strudel makes the list ["bd", 3]). */
static ph_value tail_join(ph_query *q, ph_value left, ph_value right, const void *env) {
  char l[256], r[256];
  value_text(l, sizeof l, left);
  value_text(r, sizeof r, right);
  size_t n = strlen(l) + 1 + strlen(r) + 1;
  char *s = ph_arena_alloc(q->arena, n);
  if (!s) {
    if (q->err) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
    return left;
  }
  snprintf(s, n, "%s:%s", l, r);
  return ph_str(s);
}

/* ---------------------------------------------------------------- ".." */

/* JavaScript's a - b on pattern values: NaN unless both are numbers. */
static double js_number_of(ph_value v) { return v.kind == PH_VAL_NUM ? v.as.num : NAN; }

/* fastcat(start, start±1, ...) up to |stop - start| + 1 numbers, as mini.mjs's arrayRange. */
static ph_value range_inner(ph_query *q, ph_value stop_v, const void *env) {
  double start = js_number_of(*(const ph_value *)env), stop = js_number_of(stop_v);
  double len = floor(fabs(stop - start) + 1);
  if (isnan(len)) len = 0;
  if (len > MAX_RANGE) {
    if (q->err) ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, "range '..' of more than %d values", MAX_RANGE);
    len = 0;
  }
  int n = (int)len;
  ph_pat **items = PH_ARENA_ARRAY(q->arena, ph_pat *, n > 0 ? n : 1);
  ph_pat *seq = NULL;
  if (items) {
    for (int i = 0; items && i < n; i++)
      if (!(items[i] = ph_pure(q->arena, ph_num(start < stop ? start + i : start - i)))) items = NULL;
    if (items) seq = ph_fastcat(q->arena, items, n);
  }
  if (!seq && q->err) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
  return seq ? ph_patval(seq) : ph_patval(ph_silence(q->arena));
}

static ph_value range_outer(ph_query *q, ph_value start, const void *env) {
  ph_value *copy = PH_ARENA_NEW(q->arena, ph_value);
  ph_pat *inner = copy ? ph_fmap(q->arena, (ph_pat *)env, range_inner, copy) : NULL;
  if (copy) *copy = start;
  ph_pat *joined = ph_join(q->arena, inner);
  if (!joined) {
    if (q->err) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
    joined = ph_silence(q->arena);
  }
  return ph_patval(joined);
}

/* ---------------------------------------------------------------- (k,n,r) */

static ph_pat *euclid(mn_builder *b, const mn_op *op, ph_pat *pat) {
  bool rotated = op->euclid[2] != NULL;
  const char *name = rotated ? "euclidRot" : "euclid";
  const ph_transform_def *def = ph_transform_find(name);
  if (!def) {
    ph_error_set(b->err, PH_ERR_NAME, b->src, op->pos, "'(k,n)' needs the transform %s, which is not available", name);
    return NULL;
  }
  ph_pat *args[3];
  for (int i = 0; i < (rotated ? 3 : 2); i++) {
    /* mini.mjs builds each argument from its slice alone: "(3*2,8)" ignores the "*2". */
    if (!(args[i] = mn_build(b, op->euclid[i]->slice).pat)) return NULL;
  }
  return def->apply(b->a, args, pat, b->err);
}

/* ---------------------------------------------------------------- elements */

static ph_pat *apply_op(mn_builder *b, const mn_op *op, ph_pat *pat) {
  ph_arena *a = b->a;
  ph_rat steps = pat->steps;
  ph_pat *r = NULL, *arg;
  switch (op->kind) {
  case MN_OP_FAST: /* Strudel's fast keeps the steps; slow only when its factor is pure */
    if (!(arg = mn_build(b, op->arg).pat)) return NULL;
    r = ph_patternify(a, fast_k, &arg, 1, pat, b->err);
    break;
  case MN_OP_SLOW:
    if (!(arg = mn_build(b, op->arg).pat)) return NULL;
    return ph_patternify(a, slow_k, &arg, 1, pat, b->err);
  case MN_OP_REPLICATE: {
    ph_rat n = mn_rat_of(op->amount);
    r = ph_fast_c(a, n, ph_repeat_cycles_c(a, n, pat));
    break;
  }
  case MN_OP_EUCLID: return euclid(b, op, pat);
  case MN_OP_DEGRADE: r = ph_degrade_by_with(a, mn_seeded_rand(a, op->seed), op->amount, pat); break;
  case MN_OP_TAIL:
    if (!(arg = mn_build(b, op->arg).pat)) return NULL;
    return ph_app_left(a, pat, arg, tail_join, NULL);
  case MN_OP_RANGE:
    if (!(arg = mn_build(b, op->arg).pat)) return NULL;
    return ph_squeeze_join(a, ph_fmap(a, pat, range_outer, arg));
  }
  return r ? ph_pat_with_steps(a, r, steps) : NULL;
}

/* Gives an error raised by a transform (which knows no source) the operator's position. */
static void locate(mn_builder *b, size_t pos) {
  if (!ph_error_is_set(b->err) || b->err->source) return;
  ph_error copy = *b->err;
  ph_error_clear(b->err);
  ph_error_set(b->err, copy.status, b->src, pos, "%s", copy.message);
}

mn_built mn_build_element(mn_builder *b, const mn_element *e) {
  mn_built r = mn_build(b, e->slice);
  for (int i = 0; i < e->nops && r.pat; i++) {
    r.pat = apply_op(b, &e->ops[i], r.pat);
    r.has_weight = false;
    if (!r.pat) locate(b, e->ops[i].pos);
  }
  return r;
}

/* ---------------------------------------------------------------- { } */

typedef struct {
  ph_pat *kid;
  bool kid_weighted; /* a sequence whose weights are all zero has no __weight */
  ph_rat kid_weight;
  bool fixed;        /* no "%": the steps are the first sequence's weight */
  ph_rat fixed_steps;
} poly_env;

/* Each cycle, the sequence sped up to play steps/weight of its cycles. */
static ph_value poly_fast(ph_query *q, ph_value steps_v, const void *env) {
  const poly_env *e = env;
  ph_rat steps = PH_RAT_INVALID;
  if (e->fixed)
    steps = e->fixed_steps;
  else if (steps_v.kind == PH_VAL_NUM)
    steps = mn_rat_of(steps_v.as.num);
  else if (q->err) {
    char text[64];
    ph_value_format(text, sizeof text, steps_v);
    ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, "the steps of '{ }%%' must be numbers, got '%s'", text);
  }
  ph_pat *p = NULL;
  /* A sequence of weight zero plays nothing, as in Strudel. */
  if (ph_rat_ok(steps) && e->kid_weighted && !ph_rat_is_zero(e->kid_weight))
    p = ph_fast_c(q->arena, ph_rat_div(steps, e->kid_weight), e->kid);
  else
    p = ph_silence(q->arena);
  if (!p && q->err) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
  return p ? ph_patval(p) : ph_patval(ph_silence(q->arena));
}

ph_pat *mn_polymeter(mn_builder *b, const mn_node *n, const mn_built *kids) {
  ph_arena *a = b->a;
  ph_pat *steps_pat;
  const mn_node *spc = n->steps_per_cycle;
  double x;
  if (spc && spc->kind == MN_ATOM && !mn_js_number(spc->text, &x) && strcmp(spc->text, "~") && strcmp(spc->text, "-")) {
    ph_error_set(b->err, PH_ERR_ARGUMENT, b->src, spc->pos, "the steps of '{ }%%' must be a number, not '%s'", spc->text);
    return NULL;
  }
  if (spc) {
    if (!(steps_pat = mn_build(b, n->steps_per_cycle).pat)) return NULL;
  } else {
    steps_pat = ph_pure(a, ph_num(0)); /* the value is ignored: fixed_steps holds it exactly */
  }
  ph_pat **aligned = PH_ARENA_ARRAY(a, ph_pat *, n->nkids);
  if (!aligned || !steps_pat) return NULL;
  for (int i = 0; i < n->nkids; i++) {
    poly_env *e = PH_ARENA_NEW(a, poly_env);
    if (!e) return NULL;
    *e = (poly_env){kids[i].pat, kids[i].has_weight, kids[i].weight, !n->steps_per_cycle,
                    kids[0].has_weight ? kids[0].weight : ph_rat_int(0)};
    /* Strudel's fast with a patterned factor: an inner join, even when the factor is fixed. */
    if (!(aligned[i] = ph_inner_join(a, ph_fmap(a, steps_pat, poly_fast, e)))) return NULL;
    aligned[i]->steps = kids[i].pat->steps;
  }
  return ph_stack(a, aligned, n->nkids);
}
