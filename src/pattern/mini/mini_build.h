/* Building patterns from the mini-notation's tree (mini_build.c, mini_ops.c). Private. */
#ifndef PH_PATTERN_MINI_BUILD_H
#define PH_PATTERN_MINI_BUILD_H

#include "pattern/core.h"
#include "pattern/mini/mini_ast.h"

typedef struct {
  ph_arena *a;
  const char *src;
  ph_error *err;
  bool rests_as_events; /* "~" and "-" become events valued "~" (a signal's rest = 0) */
} mn_builder;

/* A built node: the pattern plus what mini.mjs keeps beside it. */
typedef struct {
  ph_pat *pat;        /* NULL when building failed (err set, or out of memory) */
  bool steps_source;  /* __steps_source: a '^' sequence inside sets the steps */
  bool has_weight;    /* __weight, a sequence's total weight, used by "< >" and "{ }" */
  ph_rat weight;
} mn_built;

/* Builds the pattern the tree means, as Strudel's patternifyAST does. */
ph_pat *mn_build_root(ph_arena *a, const char *src, const mn_node *root, bool rests_as_events, ph_error *err);
mn_built mn_build(mn_builder *b, const mn_node *n);
/* An element: its slice with the operators applied in order (mini.mjs's applyOptions). */
mn_built mn_build_element(mn_builder *b, const mn_element *e);
/* "{a b, c d e}%n": kids are the built sequences of n. */
ph_pat *mn_polymeter(mn_builder *b, const mn_node *n, const mn_built *kids);

/* `rand` shifted earlier by krill's seed (seed * 0.0003 cycles). */
ph_pat *mn_seeded_rand(ph_arena *a, int seed);
/* A double as the fraction fraction.js makes of it. */
ph_rat mn_rat_of(double x);

#endif
