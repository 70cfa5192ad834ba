/* From the syntax tree to a pattern, following Strudel's patternifyAST (mini.mjs): which
 * combinator each node becomes, which patterns stay "pure", and the steps and weights that
 * "< >" and "{ }" rely on. The element operators live in mini_ops.c. */
#include <math.h>
#include <string.h>

#include "pattern/mini/mini_build.h"
#include "pattern/ops.h"
#include "pattern/random.h"

static const double RAND_OFFSET = 0.0003; /* krill seeds shift `rand` by seed * 0.0003 cycles */

/* The lcm of the steps of the children that carry a steps source ('^'); false if none do.
 * mini.mjs reads each through Fraction(), which makes unknown steps 0 (and so the lcm 0). */
static bool source_steps(const mn_built *kids, int n, ph_rat *out) {
  bool any = false;
  for (int i = 0; i < n; i++) {
    if (!kids[i].steps_source) continue;
    ph_rat s = ph_rat_ok(kids[i].pat->steps) ? kids[i].pat->steps : ph_rat_int(0);
    *out = any ? ph_rat_lcm(*out, s) : s;
    any = true;
  }
  return any;
}

ph_rat mn_rat_of(double x) { return ph_rat_from_double(x); }

ph_pat *mn_seeded_rand(ph_arena *a, int seed) {
  return ph_early_c(a, mn_rat_of(RAND_OFFSET * seed), ph_rand(a));
}

/* A new pattern with the same query and the given steps, no longer pure (Strudel's withSteps). */
static ph_pat *restepped(ph_arena *a, ph_pat *p, ph_rat steps, bool keep_pure) {
  if (!p) return NULL;
  ph_pat *c = ph_pat_copy(a, p);
  if (!c) return NULL;
  c->steps = steps;
  if (!keep_pure) c->is_pure = false;
  return c;
}

static mn_built atom(mn_builder *b, const mn_node *n) {
  mn_built r = {0};
  if (strcmp(n->text, "~") == 0 || strcmp(n->text, "-") == 0) {
    r.pat = b->rests_as_events ? ph_pure(b->a, ph_str("~")) : ph_silence(b->a);
    return r;
  }
  double x;
  ph_value v = mn_js_number(n->text, &x) ? ph_num(x) : ph_str(n->text);
  /* Every atom is pure, "0" too: Strudel 1.2.6's withContext keeps __pure when it is defined. */
  r.pat = ph_pure(b->a, v);
  return r;
}

static bool truthy_weight(double w) { return w != 0 && !isnan(w); }

static mn_built sequence(mn_builder *b, const mn_node *n) {
  mn_built r = {0};
  mn_built *kids = PH_ARENA_ARRAY(b->a, mn_built, n->nelems);
  ph_pat **pats = PH_ARENA_ARRAY(b->a, ph_pat *, n->nelems);
  ph_rat *weights = PH_ARENA_ARRAY(b->a, ph_rat, n->nelems);
  if (!kids || !pats || !weights) return r;
  bool weighted = false;
  ph_rat total = ph_rat_int(0);
  for (int i = 0; i < n->nelems; i++) {
    kids[i] = mn_build_element(b, &n->elems[i]);
    if (!(pats[i] = kids[i].pat)) return r;
    double w = n->elems[i].weight;
    weighted = weighted || truthy_weight(w);
    weights[i] = truthy_weight(w) ? mn_rat_of(w) : ph_rat_int(1);
    total = ph_rat_add(total, weights[i]);
  }
  ph_rat with_steps;
  bool has_sources = source_steps(kids, n->nelems, &with_steps);
  if (!ph_rat_ok(total)) {
    ph_error_set(b->err, PH_ERR_ARGUMENT, b->src, n->pos, "the weights of this sequence are out of range");
    return r;
  }
  if (weighted && ph_rat_is_zero(total)) {
    ph_error_set(b->err, PH_ERR_ARGUMENT, b->src, n->pos, "the weights of this sequence add up to zero");
    return r;
  }
  if (weighted) {
    ph_rat steps = has_sources ? ph_rat_mul(total, with_steps) : total;
    ph_pat *p = n->nelems == 1 ? pats[0] : ph_timecat(b->a, weights, pats, n->nelems);
    r.pat = restepped(b->a, p, steps, false);
    r.has_weight = true;
    r.weight = total;
  } else {
    /* Every weight is zero ("a@0"): a plain sequence; one child stays itself. */
    ph_pat *p = n->nelems == 1 ? pats[0] : ph_fastcat(b->a, pats, n->nelems);
    r.pat = restepped(b->a, p, ph_rat_int(n->nelems), true);
  }
  r.steps_source = n->steps_marker || has_sources;
  return r;
}

/* Builds the children of a group; false when one fails. */
static bool children(mn_builder *b, const mn_node *n, mn_built **kids, ph_pat ***pats) {
  *kids = PH_ARENA_ARRAY(b->a, mn_built, n->nkids);
  *pats = PH_ARENA_ARRAY(b->a, ph_pat *, n->nkids);
  if (!*kids || !*pats) return false;
  for (int i = 0; i < n->nkids; i++) {
    (*kids)[i] = mn_build(b, n->kids[i]);
    if (!((*pats)[i] = (*kids)[i].pat)) return false;
  }
  return true;
}

/* stack, alternation, random choice and feet; polymeter is in mini_ops.c. */
static mn_built group(mn_builder *b, const mn_node *n) {
  mn_built r = {0}, *kids;
  ph_pat **pats;
  if (!children(b, n, &kids, &pats)) return r;
  switch (n->kind) {
  case MN_STACK: r.pat = ph_stack(b->a, pats, n->nkids); break;
  case MN_ALT:
    /* "<a b c>": each sequence slowed down by its total weight, so one step per cycle. */
    for (int i = 0; i < n->nkids; i++) {
      if (!kids[i].has_weight) {
        ph_error_set(b->err, PH_ERR_ARGUMENT, b->src, n->kids[i]->pos, "every step of this sequence has weight zero");
        return r;
      }
      pats[i] = ph_slow_c(b->a, kids[i].weight, pats[i]);
    }
    r.pat = ph_stack(b->a, pats, n->nkids);
    break;
  case MN_RAND:
    r.pat = ph_choose_in_with(b->a, ph_segment_c(b->a, ph_rat_int(1), mn_seeded_rand(b->a, n->seed)), pats,
                              n->nkids);
    break;
  case MN_FEET: r.pat = ph_fastcat(b->a, pats, n->nkids); break;
  case MN_POLY: r.pat = mn_polymeter(b, n, kids); break;
  default: break;
  }
  ph_rat with_steps;
  r.steps_source = source_steps(kids, n->nkids, &with_steps);
  if (r.pat && r.steps_source && n->kind != MN_FEET && n->kind != MN_POLY)
    r.pat = restepped(b->a, r.pat, with_steps, false);
  return r;
}

mn_built mn_build(mn_builder *b, const mn_node *n) {
  switch (n->kind) {
  case MN_ATOM: return atom(b, n);
  case MN_SEQ: return sequence(b, n);
  default: return group(b, n);
  }
}

ph_pat *mn_build_root(ph_arena *a, const char *src, const mn_node *root, bool rests_as_events, ph_error *err) {
  mn_builder b = {a, src, err, rests_as_events};
  ph_pat *p = mn_build(&b, root).pat;
  if (!p && !ph_error_is_set(err)) ph_error_set(err, PH_ERR_MEMORY, src, 0, "out of memory while building the pattern");
  return ph_error_is_set(err) ? NULL : p;
}
