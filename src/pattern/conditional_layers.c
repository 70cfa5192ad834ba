/* Transforms stacking transformed copies of a pattern on itself: superimpose, layer, off,
 * echoWith (stutWith), echo, stut, jux, juxBy. */
#include <math.h>

#include "pattern/conditional.h"
#include "pattern/ops.h"

static ph_pat *stack2(ph_arena *a, ph_pat *x, ph_pat *y) {
  if (!x || !y) return NULL;
  ph_pat *both[2] = {x, y};
  return ph_stack(a, both, 2);
}

/* Strudel's superimpose(f): stack(pat, f(pat)). */
static ph_pat *superimpose_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  const ph_func *f = ph_arg_func(v[0], err, "superimpose's transform");
  return f ? stack2(a, pat, ph_func_apply(a, f, pat, err)) : NULL;
}

/* Strudel's layer(f, g): stack(f(pat), g(pat)); the original is not kept. */
static ph_pat *layer_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  const ph_func *f = ph_arg_func(v[0], err, "layer's first transform");
  const ph_func *g = f ? ph_arg_func(v[1], err, "layer's second transform") : NULL;
  return g ? stack2(a, ph_func_apply(a, f, pat, err), ph_func_apply(a, g, pat, err)) : NULL;
}

/* Strudel's off(t, f): stack(pat, f(pat.late(t))). */
static ph_pat *off_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat t;
  const ph_func *f;
  if (!ph_arg_rat(v[0], &t, err, "off's time") || !(f = ph_arg_func(v[1], err, "off's transform"))) return NULL;
  return stack2(a, pat, ph_func_apply(a, f, ph_late_c(a, t, pat), err));
}

/* ---------------------------------------------------------------- echoes */

typedef ph_pat *(*echo_step)(ph_arena *a, ph_pat *shifted, int i, const void *env, ph_error *err);

/* Strudel's echoWith: stack of step(pat.late(time * i), i) for i in 0 .. times-1 (JavaScript's
 * Array.from length: times truncated, nothing below 1). */
static ph_pat *echoes(ph_arena *a, ph_pat *pat, double times, ph_rat time, echo_step step, const void *env,
                      ph_error *err) {
  if (isnan(times) || times < 1) return ph_stack(a, NULL, 0);
  if (times > 4096) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "too many echoes (%g, at most 4096)", times);
    return NULL;
  }
  int n = (int)times;
  ph_pat **layers = PH_ARENA_ARRAY(a, ph_pat *, n);
  if (!layers) return NULL;
  for (int i = 0; i < n; i++) {
    ph_rat shift = ph_rat_mul(time, ph_rat_int(i));
    if (!ph_rat_ok(shift)) {
      ph_error_set(err, PH_ERR_OVERFLOW, NULL, 0, "echo time out of range");
      return NULL;
    }
    if (!(layers[i] = step(a, ph_late_c(a, shift, pat), i, env, err))) return NULL;
  }
  return ph_stack(a, layers, n);
}

typedef struct {
  const ph_func *f;
  double feedback;
} echo_env;

static ph_pat *apply_step(ph_arena *a, ph_pat *shifted, int i, const void *env, ph_error *err) {
  return ph_func_apply(a, ((const echo_env *)env)->f, shifted, err);
}

/* pat.gain(feedback^i): Strudel's gain control sets {gain: x} on every value. */
static ph_pat *gain_step(ph_arena *a, ph_pat *shifted, int i, const void *env, ph_error *err) {
  const echo_env *e = env;
  const ph_vmap *gain = ph_map_set(a, NULL, "gain", ph_num(pow(e->feedback, i)));
  if (!gain) return NULL;
  return ph_op_apply(a, PH_OP_SET, PH_HOW_IN, shifted, ph_pure(a, ph_mapval(gain)));
}

static ph_pat *echo_with_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double times;
  ph_rat time;
  echo_env *e = PH_ARENA_NEW(a, echo_env);
  if (!e || !ph_arg_num(v[0], &times, err, "echoWith's times") || !ph_arg_rat(v[1], &time, err, "echoWith's time") ||
      !(e->f = ph_arg_func(v[2], err, "echoWith's transform")))
    return NULL;
  return echoes(a, pat, times, time, apply_step, e, err);
}

/* echo times time feedback (Strudel) and stut times feedback time (Tidal's order). */
static ph_pat *gain_echoes(ph_arena *a, ph_value times_v, ph_value time_v, ph_value feedback_v, ph_pat *pat,
                           ph_error *err) {
  double times;
  ph_rat time;
  echo_env *e = PH_ARENA_NEW(a, echo_env);
  if (!e || !ph_arg_num(times_v, &times, err, "echo's times") || !ph_arg_rat(time_v, &time, err, "echo's time") ||
      !ph_arg_num(feedback_v, &e->feedback, err, "echo's feedback"))
    return NULL;
  return echoes(a, pat, times, time, gain_step, e, err);
}

static ph_pat *echo_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  return gain_echoes(a, v[0], v[1], v[2], pat, err);
}

static ph_pat *stut_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  return gain_echoes(a, v[0], v[2], v[1], pat, err);
}

/* ---------------------------------------------------------------- jux */

/* Strudel's juxBy adds or subtracts from the value's pan (0.5 when absent). A value that is
 * not a control map makes Strudel's query fail (`'pan' in value` throws) and play nothing:
 * here the query fails with the reason. */
static ph_value shift_pan(ph_query *q, ph_value v, const void *env) {
  if (v.kind != PH_VAL_MAP) {
    char buf[64];
    ph_value_format(buf, sizeof buf, v);
    if (q->err) ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, "jux pans control values (like s \"bd\"), got '%s'", buf);
    return (ph_value){0};
  }
  double by = *(const double *)env, pan = 0.5;
  const ph_value *old = ph_map_get(v.as.map, "pan");
  if (old && !ph_value_to_num(*old, &pan)) pan = NAN;
  const ph_vmap *m = ph_map_set(q->arena, v.as.map, "pan", ph_num(pan + by));
  if (!m) {
    if (q->err) ph_error_set(q->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
    return (ph_value){0};
  }
  return ph_mapval(m);
}

static ph_pat *panned(ph_arena *a, ph_pat *pat, double by) {
  double *env = PH_ARENA_NEW(a, double);
  if (!env) return NULL;
  *env = by;
  return ph_fmap(a, pat, shift_pan, env);
}

static ph_pat *jux_by(ph_arena *a, double by, const ph_func *f, ph_pat *pat, ph_error *err) {
  by /= 2;
  ph_pat *right = panned(a, pat, by);
  return stack2(a, panned(a, pat, -by), right ? ph_func_apply(a, f, right, err) : NULL);
}

static ph_pat *jux_by_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double by;
  const ph_func *f;
  if (!ph_arg_num(v[0], &by, err, "juxBy's amount") || !(f = ph_arg_func(v[1], err, "juxBy's transform"))) return NULL;
  return jux_by(a, by, f, pat, err);
}

static ph_pat *jux_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  const ph_func *f = ph_arg_func(v[0], err, "jux's transform");
  return f ? jux_by(a, 1, f, pat, err) : NULL;
}

PH_APPLY_DECL(ph_apply_superimpose) { return ph_patternify(a, superimpose_k, args, 1, pat, err); }
PH_APPLY_DECL(ph_apply_layer) { return ph_patternify(a, layer_k, args, 2, pat, err); }
PH_APPLY_DECL(ph_apply_off) { return ph_patternify(a, off_k, args, 2, pat, err); }
PH_APPLY_DECL(ph_apply_echo_with) { return ph_patternify(a, echo_with_k, args, 3, pat, err); }
PH_APPLY_DECL(ph_apply_echo) { return ph_patternify(a, echo_k, args, 3, pat, err); }
PH_APPLY_DECL(ph_apply_stut) { return ph_patternify(a, stut_k, args, 3, pat, err); }
PH_APPLY_DECL(ph_apply_jux) { return ph_patternify(a, jux_k, args, 1, pat, err); }
PH_APPLY_DECL(ph_apply_jux_by) { return ph_patternify(a, jux_by_k, args, 2, pat, err); }
