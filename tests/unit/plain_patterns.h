/* Test patterns built without the mini-notation, so these tests depend on the pattern core
 * only: seq("a b 3") is fastcat of words and numbers, alt("3 5") is slowcat (Strudel's <3 5>). */
#ifndef PH_TEST_PLAIN_PATTERNS_H
#define PH_TEST_PLAIN_PATTERNS_H

#include <stdlib.h>
#include <string.h>

#include "support.h"

static inline ph_value plain_atom(const char *word) {
  char *end;
  double x = strtod(word, &end);
  if (*word && !*end) return ph_num(x);
  return ph_str(word);
}

static inline int plain_atoms(const char *text, ph_pat **out, int max) {
  char *copy = ph_arena_strdup(t_arena, text);
  int n = 0;
  for (char *tok = strtok(copy, " "); tok && n < max; tok = strtok(NULL, " "))
    out[n++] = ph_pure(t_arena, plain_atom(tok));
  return n;
}

static inline ph_pat *seq(const char *text) {
  ph_pat *atoms[64];
  int n = plain_atoms(text, atoms, 64);
  return ph_fastcat(t_arena, atoms, n);
}

static inline ph_pat *alt(const char *text) {
  ph_pat *atoms[64];
  int n = plain_atoms(text, atoms, 64);
  return ph_slowcat(t_arena, atoms, n);
}

/* A transform as an argument: pure(function value) of a catalog transform with its args. */
static inline ph_pat *F(const char *name, int nargs, ph_pat *arg0, ph_pat *arg1) {
  const ph_transform_def *def = ph_transform_find(name);
  if (!def) fail_msg("no transform '%s'", name);
  ph_pat *args[2] = {arg0, arg1};
  return ph_pure(t_arena, ph_fnval(ph_func_bind(t_arena, def, args)));
}

#endif
