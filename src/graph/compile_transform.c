/* Transforms written in the language, as function values of the pattern layer. */
#include <string.h>

#include "dsp/catalog.h"
#include "graph/compile_internal.h"
#include "graph/pattern_signal.h"
#include "pattern/ops.h"

/* Whether an expression names a transform (so it is a function argument, as in every 3 rev). */
static bool is_transform_expr(ph_compiler *c, const ph_ast *a) {
  switch (a->kind) {
  case PH_AST_IDENT:
  case PH_AST_CALL: return ph_transform_find(a->text) != NULL;
  case PH_AST_TEMPLATE: return true;
  case PH_AST_APPLY: return is_transform_expr(c, a->args[0]) && is_transform_expr(c, a->args[1]);
  default: return false;
  }
}

static ph_how how_of(const char *op) {
  size_t len = strlen(op);
  if (len == 2 && op[0] == '|') return PH_HOW_IN;
  if (len == 2 && op[1] == '|') return PH_HOW_OUT;
  return PH_HOW_MIX;
}

/* A transform's argument as a pattern: a number, a mini-notation string, a transform (as a
 * function value), a continuous pattern (sine, rand, perlin...), a generator (run 4, irand 8),
 * arithmetic on those (sine * 2 + 1) or one of them under transforms (sine $ slow 4). */
/* An effect section as a transform's argument stands for "here the effect applies": on the
 * pattern that decides when, it turns events into 1. */
static ph_value one(ph_query *q, ph_value v, const void *env) { return ph_num(1); }
static ph_pat *mark_applied(ph_arena *a, const ph_func *self, ph_pat *pat, ph_error *err) {
  return ph_fmap(a, pat, one, NULL);
}
static const ph_func effect_marker = {mark_applied, NULL};

/* A bus as a pattern: continuous, one event per run of equal samples of the bus in the
 * current block, so a change of value splits the query exactly on its sample (the pattern
 * node that queries it runs after the bus). Outside the block the nearest sample holds. */
typedef struct {
  const ph_song *song;
  ph_port port;
} sampled_bus;

static void query_bus(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const sampled_bus *b = self->data;
  const ph_song *s = b->song;
  const float *buf = ph_graph_output(&s->graph, b->port);
  int frames = s->block_frames;
  if (!buf || frames <= 0) {
    ph_haps_push(q, out, (ph_hap){.part = span, .value = ph_num(0)});
    return;
  }
  int64_t first = ph_clock_sample_of(&s->clock, span.begin) - s->block_start;
  int64_t last = ph_clock_sample_of(&s->clock, span.end) - s->block_start; /* exclusive */
  if (first < 0) first = 0;
  if (first > frames - 1) first = frames - 1;
  if (last <= first) last = first + 1;
  if (last > frames) last = frames;
  ph_rat begin = span.begin;
  for (int64_t i = first; i < last;) {
    int64_t j = i + 1;
    while (j < last && buf[j] == buf[i]) j++;
    ph_rat end = j < last ? ph_clock_cycle_at(&s->clock, s->block_start + j) : span.end;
    if (ph_rat_lt(end, begin)) end = begin;
    if (ph_rat_gt(end, span.end)) end = span.end;
    ph_haps_push(q, out, (ph_hap){.part = {begin, end}, .value = ph_num(buf[i])});
    begin = end;
    i = j;
  }
}

static ph_pat *bus_pattern(ph_compiler *c, const ph_ast *a) {
  ph_bus_entry *b = ph_compile_find_bus(c, a->text);
  if (!b) {
    ph_compile_fail(c, a->offset, PH_ERR_NAME, "unknown bus '%s'", a->text);
    return NULL;
  }
  if (c->nsampled == PH_PATSIG_MAX_SOURCES) {
    ph_compile_fail(c, a->offset, PH_ERR_ARGUMENT, "a pattern may sample at most %d buses", PH_PATSIG_MAX_SOURCES);
    return NULL;
  }
  sampled_bus *env = PH_ARENA_NEW(&c->song->arena, sampled_bus);
  if (!env) {
    ph_compile_fail(c, a->offset, PH_ERR_MEMORY, "out of memory");
    return NULL;
  }
  *env = (sampled_bus){c->song, {b->node, 0}};
  c->sampled[c->nsampled++] = env->port;
  ph_graph_keep(&c->song->graph, env->port); /* query_bus reads its buffer: no reader may read through it */
  ph_pat *p = ph_pat_new(&c->song->arena, query_bus, env);
  if (!p) ph_compile_fail(c, a->offset, PH_ERR_MEMORY, "out of memory");
  return p;
}

static ph_pat *transform_arg(ph_compiler *c, const ph_ast *a) {
  ph_arena *arena = &c->song->arena;
  if (a->kind == PH_AST_SECTION) {
    if (c->section) {
      ph_compile_fail(c, a->offset, PH_ERR_ARGUMENT, "one effect section per transform");
      return NULL;
    }
    c->section = a;
    return ph_pure(arena, ph_fnval(&effect_marker));
  }
  if (is_transform_expr(c, a)) {
    const ph_func *f = ph_compile_transform(c, a);
    return f ? ph_pure(arena, ph_fnval(f)) : NULL;
  }
  switch (a->kind) {
  case PH_AST_NUM: return ph_pure(arena, ph_num(a->value));
  case PH_AST_STR: return ph_compile_pattern(c, a, false);
  case PH_AST_NEG: {
    ph_pat *inner = transform_arg(c, a->args[0]);
    return inner ? ph_op_apply(arena, PH_OP_MUL, PH_HOW_IN, inner, ph_pure(arena, ph_num(-1))) : NULL;
  }
  case PH_AST_PATVAR: {
    const ph_stmt *v = ph_compile_find_def(c, PH_STMT_PATVAR, a->text + 1);
    if (!v) {
      ph_compile_fail(c, a->offset, PH_ERR_NAME, "unknown pattern variable '%s'", a->text);
      return NULL;
    }
    return transform_arg(c, v->expr);
  }
  case PH_AST_IDENT: {
    const ph_signal_def *sig = ph_signal_find(a->text);
    if (sig) return sig->make(arena);
    break;
  }
  case PH_AST_BUS: return bus_pattern(c, a);
  case PH_AST_CALL: {
    const ph_generator_def *g = ph_generator_find(a->text);
    if (!g) break;
    if ((int)a->nargs != g->nargs) {
      ph_compile_fail(c, a->offset, PH_ERR_ARGUMENT, "%s takes %d argument(s) (%s)", g->name, g->nargs, g->params);
      return NULL;
    }
    ph_pat *args[8];
    for (int i = 0; i < g->nargs && i < 8; i++)
      if (!(args[i] = transform_arg(c, a->args[i]))) return NULL;
    ph_pat *p = g->make(arena, args, c->err);
    if (!p && !ph_error_is_set(c->err)) ph_compile_fail(c, a->offset, PH_ERR_MEMORY, "out of memory");
    if (!p) c->err->file = c->file;
    return p;
  }
  case PH_AST_BINOP: {
    char op = 0;
    for (const char *t = a->text; *t && !op; t++)
      if (strchr("+-*/", *t)) op = *t;
    if (!op) break;
    ph_pat *l = transform_arg(c, a->args[0]), *r = l ? transform_arg(c, a->args[1]) : NULL;
    if (!l || !r) return NULL;
    ph_op pop = op == '+' ? PH_OP_ADD : op == '-' ? PH_OP_SUB : op == '*' ? PH_OP_MUL : PH_OP_DIV;
    return ph_op_apply(arena, pop, how_of(a->text), l, r);
  }
  case PH_AST_APPLY: {
    const ph_func *f = ph_compile_transform(c, a->args[0]);
    ph_pat *x = f ? transform_arg(c, a->args[1]) : NULL;
    if (!x) return NULL;
    ph_pat *p = ph_func_apply(arena, f, x, c->err);
    if (!p && ph_error_is_set(c->err)) c->err->file = c->file;
    return p;
  }
  default: break;
  }
  ph_compile_fail(c, a->offset, PH_ERR_ARGUMENT,
                  "a transform's argument is a number, a pattern string, a pattern signal (sine, rand...), "
                  "a generator (run 4), a bus or a transform; other audio signals must go through a bus");
  return NULL;
}

const ph_func *ph_compile_transform(ph_compiler *c, const ph_ast *n) {
  ph_arena *arena = &c->song->arena;
  if (n->kind == PH_AST_APPLY) {
    /* (f $ g): g first, then f. */
    const ph_func *parts[2] = {ph_compile_transform(c, n->args[1]), ph_compile_transform(c, n->args[0])};
    if (!parts[0] || !parts[1]) return NULL;
    return ph_func_compose(arena, parts, 2);
  }
  if (n->kind == PH_AST_TEMPLATE) {
    const ph_stmt *t = ph_compile_find_def(c, PH_STMT_TEMPLATE, n->text + 1);
    if (!t) {
      ph_compile_fail(c, n->offset, PH_ERR_NAME, "unknown template '%s'", n->text);
      return NULL;
    }
    if (!ph_compile_enter(c, n->offset, n->text)) return NULL;
    const ph_func *f = ph_compile_transform(c, t->expr);
    ph_compile_leave(c);
    return f;
  }
  if (n->kind != PH_AST_IDENT && n->kind != PH_AST_CALL) {
    ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT, "expected a transform such as fast 2 or rev");
    return NULL;
  }
  const ph_transform_def *def = ph_transform_find(n->text);
  if (!def) {
    const char *near = ph_compile_suggest(c, n->text);
    if (near)
      ph_compile_fail(c, n->offset, PH_ERR_NAME, "unknown transform '%s' (did you mean '%s'?)", n->text, near);
    else
      ph_compile_fail(c, n->offset, PH_ERR_NAME, "unknown transform '%s'", n->text);
    return NULL;
  }
  size_t given = n->kind == PH_AST_CALL ? n->nargs : 0;
  if ((int)given != def->nargs) {
    ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT, "%s takes %d argument%s (%s), got %zu", def->name, def->nargs,
                    def->nargs == 1 ? "" : "s", def->params, given);
    return NULL;
  }
  ph_pat *args[8];
  for (size_t i = 0; i < given && i < 8; i++)
    if (!(args[i] = transform_arg(c, n->args[i]))) return NULL;
  const ph_func *f = ph_func_bind(arena, def, args);
  if (!f) ph_compile_fail(c, n->offset, PH_ERR_MEMORY, "out of memory");
  return f;
}

/* ---------------------------------------------------------------- suggestions */

/* Optimal string alignment distance: edits and swaps of neighbours ("fsat" is one from "fast"). */
static int edit_distance(const char *a, const char *b) {
  int la = (int)strlen(a), lb = (int)strlen(b);
  if (la > 63 || lb > 63) return 99;
  int d[64][64];
  for (int i = 0; i <= la; i++) d[i][0] = i;
  for (int j = 0; j <= lb; j++) d[0][j] = j;
  for (int i = 1; i <= la; i++)
    for (int j = 1; j <= lb; j++) {
      int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  return d[la][lb];
}

static void consider(const char *name, const char *candidate, const char **best, int *best_d) {
  if (!candidate) return;
  int d = edit_distance(name, candidate);
  if (d < *best_d) {
    *best_d = d;
    *best = candidate;
  }
}

const char *ph_compile_suggest(ph_compiler *c, const char *name) {
  const char *best = NULL;
  int best_d = (int)strlen(name) / 3 + 1; /* farther than this is no suggestion */
  if (best_d > 3) best_d = 3;
  best_d++;
  const ph_unit_def *u;
  for (int i = 0; (u = ph_dsp_unit_at(i)); i++) consider(name, u->name, &best, &best_d);
  const ph_transform_def *t;
  for (int i = 0; (t = ph_transform_at(i)); i++) consider(name, t->name, &best, &best_d);
  if (name[0] == '~') {
    best = NULL; /* a bus is only ever confused with another bus */
    best_d = 4;
    for (int i = 0; i < c->nbuses; i++) consider(name, c->buses[i].name, &best, &best_d);
  }
  return best;
}
