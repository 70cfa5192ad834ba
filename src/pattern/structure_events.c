/* Transforms that reshape events: ply, plyWith, pressBy, hurry, invert, brak, chunk, bite. */
#include <math.h>

#include "pattern/ops.h"
#include "pattern/registry.h"
#include "pattern/structure.h"

static void oom(ph_query *q) {
  if (q->err && !ph_query_failed(q)) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
}

/* A pattern value, or nothing (and an error) when the arena ran out. */
static ph_value pat_value(ph_query *q, ph_pat *p) {
  if (p) return ph_patval(p);
  oom(q);
  return (ph_value){0};
}

/* ---------------------------------------------------------------- ply, pressBy */

static ph_value ply_one(ph_query *q, ph_value v, const void *env) {
  return pat_value(q, ph_fast_c(q->arena, *(const ph_rat *)env, ph_pure(q->arena, v)));
}

static ph_rat *rat_env(ph_arena *a, ph_rat r) {
  ph_rat *p = PH_ARENA_NEW(a, ph_rat);
  if (p) *p = r;
  return p;
}

ph_pat *ph_ply_c(ph_arena *a, ph_rat factor, ph_pat *pat) {
  if (!pat) return NULL;
  /* A negative factor reverses time, where pure has no events: nothing plays. */
  if (!ph_rat_gt(factor, ph_rat_int(0))) return ph_silence(a);
  ph_rat *env = rat_env(a, factor);
  if (!env) return NULL;
  ph_pat *p = ph_squeeze_join(a, ph_fmap(a, pat, ply_one, env));
  if (p && ph_rat_ok(pat->steps)) p->steps = ph_rat_mul(factor, pat->steps);
  return p;
}

typedef struct {
  ph_rat factor;
  int64_t count;
  const ph_func *f;
} ply_with_env;

/* The i-th repetition has f applied i times (Strudel's applyN on pure(value)). */
static ph_value ply_with_one(ph_query *q, ph_value v, const void *env) {
  const ply_with_env *e = env;
  ph_pat **reps = PH_ARENA_ARRAY(q->arena, ph_pat *, (size_t)e->count);
  if (!reps) return pat_value(q, NULL);
  for (int64_t i = 0; i < e->count; i++) {
    ph_pat *p = i == 0 ? ph_pure(q->arena, v) : ph_func_apply(q->arena, e->f, reps[i - 1], q->err);
    if (!p) return ph_query_failed(q) ? (ph_value){0} : pat_value(q, NULL);
    reps[i] = p;
  }
  return pat_value(q, ph_fast_c(q->arena, e->factor, ph_slowcat(q->arena, reps, (int)e->count)));
}

ph_pat *ph_ply_with_c(ph_arena *a, ph_rat factor, const ph_func *f, ph_pat *pat, ph_error *err) {
  if (!pat) return NULL;
  /* Strudel lists the repetitions 0 .. factor-1: floor(factor) of them. */
  if (!ph_rat_ge(factor, ph_rat_int(1))) return ph_silence(a);
  if (ph_rat_gt(factor, ph_rat_int(PH_STRUCTURE_MAX_PLY_WITH))) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "plyWith's factor is too large (at most %d)", PH_STRUCTURE_MAX_PLY_WITH);
    return NULL;
  }
  ply_with_env *env = PH_ARENA_NEW(a, ply_with_env);
  if (!env) return NULL;
  *env = (ply_with_env){factor, ph_rat_floor_int(factor), f};
  ph_pat *p = ph_squeeze_join(a, ph_fmap(a, pat, ply_with_one, env));
  if (p && ph_rat_ok(pat->steps)) p->steps = ph_rat_mul(factor, pat->steps);
  return p;
}

static ph_value press_one(ph_query *q, ph_value v, const void *env) {
  return pat_value(q, ph_compress_c(q->arena, *(const ph_rat *)env, ph_rat_int(1), ph_pure(q->arena, v)));
}

ph_pat *ph_press_by_c(ph_arena *a, ph_rat r, ph_pat *pat) {
  if (!pat) return NULL;
  ph_rat *env = rat_env(a, r);
  if (!env) return NULL;
  return ph_squeeze_join(a, ph_fmap(a, pat, press_one, env));
}

/* ---------------------------------------------------------------- hurry, invert */

ph_pat *ph_hurry_c(ph_arena *a, ph_rat r, double speed, ph_pat *pat) {
  if (!pat) return NULL;
  const ph_vmap *m = ph_map_set(a, NULL, "speed", ph_num(speed));
  ph_pat *fast = ph_fast_c(a, r, pat);
  if (!m || !fast) return NULL;
  return ph_op_apply(a, PH_OP_MUL, PH_HOW_IN, fast, ph_pure(a, ph_mapval(m)));
}

static ph_value negate(ph_query *q, ph_value v, const void *env) { return ph_bool(!ph_value_truthy(v)); }

ph_pat *ph_invert_c(ph_arena *a, ph_pat *pat) { return ph_fmap(a, pat, negate, NULL); }

/* ---------------------------------------------------------------- brak, chunk */

/* Strudel's pat.when(binary, f) with a patterned binary: each event of the binary
 * pattern plays f(pat) when true, pat otherwise (inner join). */
typedef struct {
  ph_pat *on, *off;
} choice;

static ph_value choose(ph_query *q, ph_value v, const void *env) {
  const choice *c = env;
  return ph_patval(ph_value_truthy(v) ? c->on : c->off);
}

static ph_pat *when_binary(ph_arena *a, ph_pat *binary, ph_pat *on, ph_pat *off) {
  choice *c = PH_ARENA_NEW(a, choice);
  if (!c || !binary || !on || !off) return NULL;
  *c = (choice){on, off};
  return ph_inner_join(a, ph_fmap(a, binary, choose, c));
}

ph_pat *ph_brak_c(ph_arena *a, ph_pat *pat) {
  if (!pat) return NULL;
  ph_pat *cycles[2] = {ph_pure(a, ph_bool(false)), ph_pure(a, ph_bool(true))};
  ph_pat *halves[2] = {pat, ph_silence(a)};
  if (!cycles[0] || !cycles[1] || !halves[1]) return NULL;
  ph_pat *squashed = ph_late_c(a, ph_rat_make(1, 4), ph_fastcat(a, halves, 2));
  return when_binary(a, ph_slowcat(a, cycles, 2), squashed, pat);
}

ph_pat *ph_chunk_c(ph_arena *a, ph_rat n, const ph_func *f, bool back, bool fast, ph_pat *pat, ph_error *err) {
  if (!pat) return NULL;
  /* Strudel builds an array of n - 1 falses: n must be a whole number from 1. */
  if (n.den != 1 || n.num < 1 || n.num > PH_STRUCTURE_MAX_PARTS) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "chunk's number of parts must be a whole number from 1");
    return NULL;
  }
  ph_pat **parts = PH_ARENA_ARRAY(a, ph_pat *, (size_t)n.num);
  if (!parts) return NULL;
  for (int64_t i = 0; i < n.num; i++)
    if (!(parts[i] = ph_pure(a, ph_bool(i == 0)))) return NULL;
  /* The true part moves forwards each cycle, so the binary pattern moves backwards. */
  ph_pat *binary = ph_iter_c(a, n, !back, ph_fastcat(a, parts, (int)n.num), err);
  ph_pat *source = fast ? pat : ph_repeat_cycles_c(a, n, pat);
  ph_pat *changed = source ? ph_func_apply(a, f, source, err) : NULL;
  if (!changed) return NULL;
  return ph_pat_with_steps(a, when_binary(a, binary, changed, source), pat->steps);
}

/* ---------------------------------------------------------------- bite */

/* Strudel's Fraction.mod: the remainder takes the sign of the dividend. */
static ph_rat rat_rem_one(ph_rat x) {
  ph_rat r = ph_rat_cycle_pos(x);
  return ph_rat_lt(x, ph_rat_int(0)) && !ph_rat_is_zero(r) ? ph_rat_sub(r, ph_rat_int(1)) : r;
}

static bool value_rat(ph_query *q, ph_value v, ph_rat *out) {
  double x;
  if (ph_value_to_num(v, &x) && isfinite(x)) {
    *out = ph_rat_from_double(x);
    if (ph_rat_ok(*out)) return true;
  }
  char buf[64];
  ph_value_format(buf, sizeof buf, v);
  if (q->err && !ph_query_failed(q))
    ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, "bite needs numbers, got '%s'", buf);
  return false;
}

static ph_value bite_slice(ph_query *q, ph_value index, ph_value parts, const void *env) {
  ph_rat i, n;
  if (!value_rat(q, index, &i) || !value_rat(q, parts, &n)) return (ph_value){0};
  if (ph_rat_is_zero(n)) {
    if (q->err && !ph_query_failed(q))
      ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, "bite's number of slices must not be 0");
    return (ph_value){0};
  }
  ph_rat b = rat_rem_one(ph_rat_div(i, n));
  ph_pat *pat = (ph_pat *)env;
  return pat_value(q, ph_zoom_c(q->arena, b, ph_rat_add(b, ph_rat_div(ph_rat_int(1), n)), pat));
}

ph_pat *ph_bite_c(ph_arena *a, ph_pat *npat, ph_pat *ipat, ph_pat *pat) {
  if (!npat || !ipat || !pat) return NULL;
  return ph_squeeze_join(a, ph_app_left(a, ipat, npat, bite_slice, pat));
}
