/* The random signals and generators of Strudel's signal.mjs built on rand: rand2, brand,
 * brandBy, irand, perlin, berlin and run. */
#include <math.h>

#include "pattern/ops.h"
#include "pattern/random.h"
#include "pattern/registry.h"
#include "pattern/signals.h"

ph_pat *ph_rand2(ph_arena *a) { return ph_to_bipolar(a, ph_rand(a)); }

/* ---------------------------------------------------------------- noise */

static double smoother_step(double x) { return 6.0 * pow(x, 5) - 15.0 * pow(x, 4) + 10.0 * pow(x, 3); }

static ph_value perlin_at(ph_rat t, const void *env) {
  double x = ph_rat_to_double(t), ta = floor(x);
  double ra = ph_rand_at(ta), rb = ph_rand_at(ta + 1);
  return ph_num(ra + smoother_step(x - ta) * (rb - ra));
}

static ph_value berlin_at(ph_rat t, const void *env) {
  double x = ph_rat_to_double(t), prev = floor(x), next = prev + 1;
  double bottom = ph_rand_at(prev), top = bottom + ph_rand_at(next);
  double percent = (x - prev) / (next - prev);
  return ph_num((bottom + percent * (top - bottom)) / 2);
}

ph_pat *ph_perlin(ph_arena *a) { return ph_signal(a, perlin_at, NULL); }
ph_pat *ph_berlin(ph_arena *a) { return ph_signal(a, berlin_at, NULL); }

/* ---------------------------------------------------------------- patterned generators */

static double number_or_nan(ph_value v) {
  double x;
  return ph_value_to_num(v, &x) ? x : NAN;
}

static ph_value below(ph_query *q, ph_value v, const void *env) {
  return ph_bool(number_or_nan(v) < *(const double *)env);
}

static ph_value scaled_trunc(ph_query *q, ph_value v, const void *env) {
  return ph_num(trunc(number_or_nan(v) * *(const double *)env));
}

typedef struct {
  ph_map_fn fn;
} rand_map;

/* v => rand.fmap(x => fn(x, v)), a pattern value for the inner join. */
static ph_value rand_mapped_by(ph_query *q, ph_value v, const void *env) {
  const rand_map *m = env;
  double *param = PH_ARENA_NEW(q->arena, double);
  if (!param) return (ph_value){0};
  *param = number_or_nan(v);
  ph_pat *p = ph_fmap(q->arena, ph_rand(q->arena), m->fn, param);
  return p ? ph_patval(p) : (ph_value){0};
}

static const rand_map brand_map = {below};
static const rand_map irand_map = {scaled_trunc};

ph_pat *ph_brand_by(ph_arena *a, ph_pat *probability) {
  return ph_inner_join(a, ph_fmap(a, probability, rand_mapped_by, &brand_map));
}

ph_pat *ph_brand(ph_arena *a) {
  double *half = PH_ARENA_NEW(a, double);
  if (!half) return NULL;
  *half = 0.5;
  return ph_fmap(a, ph_rand(a), below, half);
}

ph_pat *ph_irand(ph_arena *a, ph_pat *n) { return ph_inner_join(a, ph_fmap(a, n, rand_mapped_by, &irand_map)); }

/* JavaScript's Math.round: the nearest integer, halves rounded up. */
static ph_value js_round(ph_query *q, ph_value v, const void *env) {
  double x;
  if (!ph_value_to_num(v, &x)) return v;
  double r = floor(x);
  return ph_num(x - r >= 0.5 ? r + 1 : r);
}

/* saw.range(0, n).round().segment(n), with range and segment patterned as in the catalog. */
ph_pat *ph_run(ph_arena *a, ph_pat *n, ph_error *err) {
  const ph_transform_def *range = ph_transform_find("range"), *segment = ph_transform_find("segment");
  if (!range || !segment) {
    ph_error_set(err, PH_ERR_NAME, NULL, 0, "run needs the range and segment transforms");
    return NULL;
  }
  ph_pat *bounds[2] = {ph_pure(a, ph_num(0)), n};
  if (!n || !bounds[0]) return NULL;
  ph_pat *p = range->apply(a, bounds, ph_saw(a), err);
  p = p ? ph_fmap(a, p, js_round, NULL) : NULL;
  return p ? segment->apply(a, &n, p, err) : NULL;
}
