#include "pattern/registry.h"

#include <string.h>

static const ph_transform_def *const groups[] = {
    ph_transforms_time,
    ph_transforms_structure,
    ph_transforms_conditional,
    ph_transforms_random,
    ph_transforms_ops,
    ph_transforms_slicing,
};

static bool name_in(const char *name, const char *aliases) {
  if (!aliases) return false;
  size_t len = strlen(name);
  for (const char *p = aliases; *p;) {
    const char *end = strchr(p, ' ');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n == len && strncmp(p, name, n) == 0) return true;
    if (!end) break;
    p = end + 1;
  }
  return false;
}

const ph_transform_def *ph_transform_at(int index) {
  for (size_t g = 0; g < sizeof groups / sizeof *groups; g++)
    for (const ph_transform_def *d = groups[g]; d->name; d++)
      if (index-- == 0) return d;
  return NULL;
}

const ph_transform_def *ph_transform_find(const char *name) {
  const ph_transform_def *d;
  for (int i = 0; (d = ph_transform_at(i)); i++)
    if (strcmp(d->name, name) == 0 || name_in(name, d->aliases)) return d;
  return NULL;
}

const ph_signal_def *ph_signal_at(int index) {
  for (const ph_signal_def *s = ph_signals_builtin; s->name; s++)
    if (index-- == 0) return s;
  return NULL;
}

const ph_signal_def *ph_signal_find(const char *name) {
  for (const ph_signal_def *s = ph_signals_builtin; s->name; s++)
    if (strcmp(s->name, name) == 0) return s;
  return NULL;
}

typedef struct {
  const ph_transform_def *def;
  ph_pat **args;
} bound_env;

static ph_pat *apply_bound(ph_arena *a, const ph_func *self, ph_pat *pat, ph_error *err) {
  const bound_env *e = self->env;
  return e->def->apply(a, e->args, pat, err);
}

const ph_func *ph_func_bind(ph_arena *a, const ph_transform_def *def, ph_pat *const *args) {
  bound_env *e = PH_ARENA_NEW(a, bound_env);
  ph_func *f = PH_ARENA_NEW(a, ph_func);
  if (!e || !f) return NULL;
  e->def = def;
  e->args = PH_ARENA_ARRAY(a, ph_pat *, def->nargs > 0 ? def->nargs : 1);
  if (!e->args) return NULL;
  for (int i = 0; i < def->nargs; i++) e->args[i] = args[i];
  *f = (ph_func){apply_bound, e};
  return f;
}

typedef struct {
  int n;
  const ph_func **fns;
} compose_env;

static ph_pat *apply_composed(ph_arena *a, const ph_func *self, ph_pat *pat, ph_error *err) {
  const compose_env *e = self->env;
  for (int i = 0; i < e->n && pat; i++) pat = ph_func_apply(a, e->fns[i], pat, err);
  return pat;
}

const ph_func *ph_func_compose(ph_arena *a, const ph_func *const *fns, int n) {
  compose_env *e = PH_ARENA_NEW(a, compose_env);
  ph_func *f = PH_ARENA_NEW(a, ph_func);
  if (!e || !f) return NULL;
  e->n = n;
  e->fns = PH_ARENA_ARRAY(a, const ph_func *, n > 0 ? n : 1);
  if (!e->fns) return NULL;
  for (int i = 0; i < n; i++) e->fns[i] = fns[i];
  *f = (ph_func){apply_composed, e};
  return f;
}

ph_pat *ph_func_apply(ph_arena *a, const ph_func *f, ph_pat *pat, ph_error *err) {
  if (!f || !pat) return NULL;
  return f->apply(a, f, pat, err);
}

const ph_generator_def *ph_generator_at(int index) {
  for (const ph_generator_def *g = ph_generators_builtin; g->name; g++)
    if (index-- == 0) return g;
  return NULL;
}

const ph_generator_def *ph_generator_find(const char *name) {
  for (const ph_generator_def *g = ph_generators_builtin; g->name; g++)
    if (strcmp(g->name, name) == 0) return g;
  return NULL;
}
