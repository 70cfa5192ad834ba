/* Transforms written in the language, as function values of the pattern layer. */
#include <string.h>

#include "dsp/catalog.h"
#include "graph/compile_internal.h"

static ph_pat *transform_arg(ph_compiler *c, const ph_ast *a) {
  ph_arena *arena = &c->song->arena;
  switch (a->kind) {
  case PH_AST_NUM: return ph_pure(arena, ph_num(a->value));
  case PH_AST_STR: return ph_compile_pattern(c, a, false);
  case PH_AST_NEG:
    if (a->args[0]->kind == PH_AST_NUM) return ph_pure(arena, ph_num(-a->args[0]->value));
    break;
  case PH_AST_PATVAR: {
    const ph_stmt *v = ph_compile_find_def(c, PH_STMT_PATVAR, a->text + 1);
    if (!v) {
      ph_compile_fail(c, a->offset, PH_ERR_NAME, "unknown pattern variable '%s'", a->text);
      return NULL;
    }
    return transform_arg(c, v->expr);
  }
  case PH_AST_IDENT:
  case PH_AST_CALL:
  case PH_AST_APPLY: {
    const ph_func *f = ph_compile_transform(c, a);
    return f ? ph_pure(arena, ph_fnval(f)) : NULL;
  }
  default: break;
  }
  ph_compile_fail(c, a->offset, PH_ERR_ARGUMENT,
                  "a transform's argument must be a number, a pattern string or a transform (signals as "
                  "arguments are not supported yet)");
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
    return ph_compile_transform(c, t->expr);
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
