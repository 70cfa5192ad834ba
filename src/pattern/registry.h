/* The catalog of pattern transforms: one table per source file, joined here. The language
 * compiler, `phonon query --jsonl` and `phonon functions` all look names up in it. */
#ifndef PH_PATTERN_REGISTRY_H
#define PH_PATTERN_REGISTRY_H

#include "pattern/core.h"

/* Applies the transform to pat; args has exactly nargs patterns (numbers, strings and
 * transforms all arrive as patterns: a transform as pure(function value)). */
typedef ph_pat *(*ph_apply_fn)(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err);

typedef struct {
  const char *name;
  const char *aliases; /* space-separated, or NULL */
  int nargs;
  const char *params;  /* space-separated parameter names, e.g. "factor" or "n transform" */
  ph_apply_fn apply;
  const char *doc;     /* one line */
} ph_transform_def;

/* A signal (continuous or generated pattern) taking no arguments: sine, rand, perlin... */
typedef struct {
  const char *name;
  ph_pat *(*make)(ph_arena *a);
  const char *doc;
} ph_signal_def;

/* A generator: a pattern made from argument patterns, without an input (run 8, irand 4). */
typedef struct {
  const char *name;
  int nargs;
  const char *params;
  ph_pat *(*make)(ph_arena *a, ph_pat *const *args, ph_error *err);
  const char *doc;
} ph_generator_def;

const ph_transform_def *ph_transform_find(const char *name);
const ph_generator_def *ph_generator_find(const char *name);
const ph_generator_def *ph_generator_at(int index);
const ph_signal_def *ph_signal_find(const char *name);
/* Iterates the whole catalog: returns NULL past the end. */
const ph_transform_def *ph_transform_at(int index);
const ph_signal_def *ph_signal_at(int index);

/* A transform with its arguments bound, as a function value (`every 3 (fast 2)`). */
const ph_func *ph_func_bind(ph_arena *a, const ph_transform_def *def, ph_pat *const *args);
/* Functions applied one after the other (the first innermost). */
const ph_func *ph_func_compose(ph_arena *a, const ph_func *const *fns, int n);
/* Applies a function value to a pattern. */
ph_pat *ph_func_apply(ph_arena *a, const ph_func *f, ph_pat *pat, ph_error *err);

/* Each group of transforms lives in its own file, ending its table with {0}. */
extern const ph_transform_def ph_transforms_time[];
extern const ph_transform_def ph_transforms_structure[];
extern const ph_transform_def ph_transforms_conditional[];
extern const ph_transform_def ph_transforms_random[];
extern const ph_transform_def ph_transforms_ops[];
extern const ph_transform_def ph_transforms_slicing[];
extern const ph_signal_def ph_signals_builtin[];
extern const ph_generator_def ph_generators_builtin[];

#endif
