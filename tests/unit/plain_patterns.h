/* Test patterns built without the mini-notation, so these tests depend on the pattern core
 * only: seq("a b 3") is fastcat of words and numbers, alt("3 5") is slowcat (Strudel's <3 5>). */
#ifndef PH_TEST_PLAIN_PATTERNS_H
#define PH_TEST_PLAIN_PATTERNS_H

#include <stdio.h>
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

/* One event as describe() writes it: "wb we (pb pe) value" or "~ pb pe value". */
static inline void hap_text(char *buf, size_t size, const ph_hap *h) {
  char wb[48], we[48], pb[48], pe[48], v[512];
  ph_rat_format(wb, sizeof wb, h->whole.begin);
  ph_rat_format(we, sizeof we, h->whole.end);
  ph_rat_format(pb, sizeof pb, h->part.begin);
  ph_rat_format(pe, sizeof pe, h->part.end);
  ph_value_format(v, sizeof v, h->value);
  int n;
  if (!h->has_whole) n = snprintf(buf, size, "~ %s %s %s", pb, pe, v);
  else if (ph_span_eq(h->whole, h->part)) n = snprintf(buf, size, "%s %s %s", wb, we, v);
  else n = snprintf(buf, size, "%s %s (%s %s) %s", wb, we, pb, pe, v);
  if (n < 0 || (size_t)n >= size) fail_msg("event text longer than %zu bytes", size);
}

static inline int compare_texts(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* As assert_haps, but the order of the events does not matter (events with equal times and
 * map values have no defined order). */
static inline void assert_haps_unordered(ph_pat *p, int64_t b, int64_t e, const char *expected) {
  ph_haps h = Q(p, b, e);
  char **got = ph_arena_zalloc(t_arena, sizeof(char *) * (h.count + 1));
  for (size_t i = 0; i < h.count; i++) {
    got[i] = ph_arena_zalloc(t_arena, 640);
    hap_text(got[i], 640, &h.items[i]);
  }
  char *copy = ph_arena_strdup(t_arena, expected);
  char **want = ph_arena_zalloc(t_arena, sizeof(char *) * (strlen(expected) / 2 + 2));
  size_t n = 0;
  for (char *item = copy; *copy && item; n++) {
    char *sep = strstr(item, "; ");
    if (sep) *sep = 0;
    want[n] = item;
    item = sep ? sep + 2 : NULL;
  }
  qsort(got, h.count, sizeof *got, compare_texts);
  qsort(want, n, sizeof *want, compare_texts);
  bool same = n == h.count;
  for (size_t i = 0; same && i < n; i++) same = strcmp(got[i], want[i]) == 0;
  if (!same) fail_msg("\nexpected: %s\n     got: %s", expected, describe(p, b, e));
}

#endif
