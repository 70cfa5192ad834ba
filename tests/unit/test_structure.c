/* The structure transforms (rev, ply, iter, chunk, zoom, bite...). Every expected string is
 * Strudel 1.2.6's answer to the same query (asked with the oracle). Source patterns are built
 * without the mini-notation by P() below, so these tests depend on the core only. */
#include <stdlib.h>
#include <string.h>

#include "plain_patterns.h"
#include "support.h"

/* ---------------------------------------------------------------- nested test patterns */

/* P("a [b c] <d e> ~ 3") builds what the same mini-notation means, for words, numbers,
 * rests, [ ] groups, < > alternations and , stacks. */
static ph_pat *p_group(const char **s, char close);

static ph_pat *p_item(const char **s) {
  char c = **s;
  if (c == '[') {
    (*s)++;
    return p_group(s, ']');
  }
  if (c == '<') {
    (*s)++;
    ph_pat *items[32];
    int n = 0;
    while (**s && **s != '>') {
      if (**s == ' ') {
        (*s)++;
        continue;
      }
      items[n++] = p_item(s);
    }
    if (**s) (*s)++;
    return ph_slowcat(t_arena, items, n);
  }
  const char *start = *s;
  while (**s && !strchr(" []<>,", **s)) (*s)++;
  char *word = ph_arena_strndup(t_arena, start, (size_t)(*s - start));
  if (strcmp(word, "~") == 0) return ph_silence(t_arena);
  return ph_pure(t_arena, plain_atom(word));
}

static ph_pat *p_group(const char **s, char close) {
  ph_pat *layers[8], *items[32];
  int nl = 0, n = 0;
  for (;;) {
    char c = **s;
    if (c == ' ') {
      (*s)++;
    } else if (c == ',' || c == close || c == 0) {
      layers[nl++] = ph_fastcat(t_arena, items, n);
      n = 0;
      if (c) (*s)++;
      if (c != ',') break;
    } else {
      items[n++] = p_item(s);
    }
  }
  return nl == 1 ? layers[0] : ph_stack(t_arena, layers, nl);
}

static ph_pat *P(const char *text) { return p_group(&text, 0); }

static ph_pat *FN(const char *name) { return F(name, 0, NULL, NULL); }

/* The error a transform reports, given its arguments (at application or at query time). */
static const char *error_of(const char *name, ph_pat *pat, int nargs, ph_pat *a0, ph_pat *a1) {
  static ph_error err;
  ph_error_clear(&err);
  ph_pat *args[2] = {a0, a1};
  ph_pat *r = ph_transform_find(name)->apply(t_arena, args, pat, &err);
  if (r) ph_pat_query_span(r, t_arena, (ph_span){R(0, 1), R(1, 1)}, &err);
  (void)nargs;
  return ph_error_is_set(&err) ? err.message : NULL;
}

static void test_the_test_patterns(void **s) {
  assert_haps(P("a [b c, d] <e 3> ~"), 0, 2,
              "0 1/4 a; 1/4 3/8 b; 1/4 1/2 d; 3/8 1/2 c; 1/2 3/4 e; 1 5/4 a; 5/4 11/8 b; 5/4 3/2 d; "
              "11/8 3/2 c; 3/2 7/4 3");
}

/* ---------------------------------------------------------------- rev, palindrome */

static void test_rev(void **s) {
  assert_haps(T("rev", P("a b c"), 0), 0, 1, "0 1/3 c; 1/3 2/3 b; 2/3 1 a");
  assert_haps(T("rev", P("<a b> [c d]"), 0), -1, 1, "-1 -3/4 d; -3/4 -1/2 c; -1/2 0 b; 0 1/4 d; 1/4 1/2 c; 1/2 1 a");
  /* Events crossing the cycle's end are reflected whole, each cycle on its own. */
  ph_pat *late = T("late", P("a b c"), 1, N(1.0 / 3));
  assert_haps(T("rev", late, 0), 0, 2, "0 1/3 b; 1/3 2/3 a; 2/3 1 c; 1 4/3 b; 4/3 5/3 a; 5/3 2 c");
}

static void test_revv(void **s) {
  /* The whole timeline is mirrored around 0: cycle -1 plays cycle 0 backwards. */
  assert_haps(T("revv", P("<a b> [c d]"), 0), -2, 2,
              "-2 -7/4 d; -7/4 -3/2 c; -3/2 -1 b; -1 -3/4 d; -3/4 -1/2 c; -1/2 0 a; 0 1/4 d; 1/4 1/2 c; "
              "1/2 1 b; 1 5/4 d; 5/4 3/2 c; 3/2 2 a");
}

static void test_palindrome(void **s) {
  /* Strudel's slowcatPrime picks with JavaScript's %, so cycle -1 is silent. */
  assert_haps(T("palindrome", P("a b c"), 0), -2, 2,
              "-2 -5/3 a; -5/3 -4/3 b; -4/3 -1 c; 0 1/3 a; 1/3 2/3 b; 2/3 1 c; 1 4/3 c; 4/3 5/3 b; 5/3 2 a");
}

/* ---------------------------------------------------------------- ply, press */

static void test_ply(void **s) {
  assert_haps(T("ply", P("a b"), 1, N(2)), 0, 1, "0 1/4 a; 1/4 1/2 a; 1/2 3/4 b; 3/4 1 b");
  assert_haps(T("ply", P("a b c d"), 1, P("1 2")), 0, 1, "0 1/4 a; 1/4 1/2 b; 1/2 5/8 c; 5/8 3/4 c; 3/4 7/8 d; 7/8 1 d");
  assert_haps(T("ply", P("a b"), 1, N(1.5)), 0, 2,
              "0 1/3 a; 1/3 1/2 a; 1/2 5/6 b; 5/6 1 b; 1 7/6 a; 7/6 3/2 a; 3/2 5/3 b; 5/3 2 b");
  assert_haps(T("ply", P("a ~ b"), 1, P("<2 3>")), -2, 0,
              "-2 -11/6 a; -11/6 -5/3 a; -4/3 -7/6 b; -7/6 -1 b; -1 -8/9 a; -8/9 -7/9 a; -7/9 -2/3 a; "
              "-1/3 -2/9 b; -2/9 -1/9 b; -1/9 0 b");
  assert_haps(T("ply", P("a b"), 1, N(-1)), 0, 1, "");
  assert_non_null(strstr(error_of("ply", P("a"), 1, P("x"), NULL), "ply's factor"));
}

static void test_ply_with(void **s) {
  assert_haps(T("plyWith", P("0 [1 2]"), 2, N(3), F("add", 1, N(10), NULL)), 0, 1,
              "0 1/6 0; 1/6 1/3 10; 1/3 1/2 20; 1/2 7/12 1; 7/12 2/3 11; 2/3 3/4 21; 3/4 5/6 2; 5/6 11/12 12; "
              "11/12 1 22");
  assert_haps(T("plyWith", P("0 1"), 2, P("<2 1.5>"), F("fast", 1, N(2), NULL)), 0, 2,
              "0 1/4 0; 1/4 3/8 0; 3/8 1/2 0; 1/2 3/4 1; 3/4 7/8 1; 7/8 1 1; 1 7/6 0; 7/6 3/2 0; 3/2 5/3 1; "
              "5/3 2 1");
  assert_haps(T("plyWith", P("0 1"), 2, N(0.5), F("add", 1, N(1), NULL)), 0, 1, "");
  /* The function is applied up to factor - 1 times per event: bounded. */
  assert_non_null(strstr(error_of("plyWith", P("0"), 2, N(1000), F("add", 1, N(1), NULL)), "too large"));
}

static void test_ply_multiplies_steps(void **s) {
  assert_true(ph_rat_eq(T("ply", P("a b"), 1, N(3))->steps, ph_rat_int(6)));
}

static void test_press(void **s) {
  assert_haps(T("press", P("a b"), 0), 0, 1, "1/4 1/2 a; 3/4 1 b");
  assert_haps(T("pressBy", P("a b"), 1, P("<0.25 0.5>")), 0, 2, "1/8 1/2 a; 5/8 1 b; 5/4 3/2 a; 7/4 2 b");
  assert_haps(T("pressBy", P("a b"), 1, N(1)), 0, 1, "");
}

/* ---------------------------------------------------------------- iter */

static void test_iter(void **s) {
  assert_haps(T("iter", P("a b c d"), 1, N(4)), -1, 2,
              "-1 -3/4 d; -3/4 -1/2 a; -1/2 -1/4 b; -1/4 0 c; 0 1/4 a; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 d; "
              "1 5/4 b; 5/4 3/2 c; 3/2 7/4 d; 7/4 2 a");
  assert_haps(T("iter", P("a b c d"), 1, P("<2 4>")), 0, 4,
              "0 1/4 a; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 d; 1 5/4 b; 5/4 3/2 c; 3/2 7/4 d; 7/4 2 a; "
              "2 9/4 a; 9/4 5/2 b; 5/2 11/4 c; 11/4 3 d; 3 13/4 d; 13/4 7/2 a; 7/2 15/4 b; 15/4 4 c");
  /* 2.5 parts: two cycles in the loop, shifted by 0 and 2/5. */
  assert_haps(T("iter", P("a b c d"), 1, N(2.5)), 0, 3,
              "0 1/4 a; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 d; 17/20 11/10 (1 11/10) b; 11/10 27/20 c; "
              "27/20 8/5 d; 8/5 37/20 a; 37/20 21/10 (37/20 2) b; 2 9/4 a; 9/4 5/2 b; 5/2 11/4 c; 11/4 3 d");
  assert_haps(T("iter", P("a b"), 1, N(0)), 0, 1, "");
  assert_haps(T("iter", P("a b"), 1, N(-3)), 0, 1, "");
  assert_non_null(strstr(error_of("iter", P("a b"), 1, N(1e12), NULL), "too large"));
  /* A patterned argument fails when the query reaches it. */
  assert_non_null(strstr(error_of("iter", P("a b"), 1, P("2 x"), NULL), "iter's number of parts"));
  assert_haps(T("iterBack", P("a b c d"), 1, N(4)), 1, 3,
              "1 5/4 d; 5/4 3/2 a; 3/2 7/4 b; 7/4 2 c; 2 9/4 c; 9/4 5/2 d; 5/2 11/4 a; 11/4 3 b");
}

/* ---------------------------------------------------------------- chunk */

static void test_chunk(void **s) {
  assert_haps(T("chunk", P("a b c d"), 2, N(4), F("fast", 1, N(2), NULL)), 0, 2,
              "0 1/8 a; 1/8 1/4 b; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 d; 1 5/4 a; 5/4 11/8 c; 11/8 3/2 d; "
              "3/2 7/4 c; 7/4 2 d");
  assert_haps(T("chunk", P("0 1 2 3"), 2, P("<2 4>"), FN("rev")), 0, 4,
              "0 1/4 3; 1/4 1/2 2; 1/2 3/4 2; 3/4 1 3; 1 5/4 0; 5/4 3/2 2; 3/2 7/4 2; 7/4 2 3; "
              "2 9/4 3; 9/4 5/2 2; 5/2 11/4 2; 11/4 3 3; 3 13/4 0; 13/4 7/2 1; 7/2 15/4 2; 15/4 4 0");
  /* Each source cycle repeats for the n chunks. */
  assert_haps(T("chunk", P("<a b> c"), 2, N(2), F("fast", 1, N(2), NULL)), 0, 4,
              "0 1/4 a; 1/4 1/2 c; 1/2 1 c; 1 3/2 a; 3/2 7/4 b; 7/4 2 c; 2 9/4 a; 9/4 5/2 c; 5/2 3 c; "
              "3 7/2 b; 7/2 15/4 b; 15/4 4 c");
  assert_haps(T("slowChunk", P("a b"), 2, N(1), FN("rev")), 0, 1, "0 1/2 b; 1/2 1 a");
}

static void test_chunk_back_and_fast_chunk(void **s) {
  assert_haps(T("chunkBack", P("a b c d"), 2, N(4), F("fast", 1, N(2), NULL)), 0, 2,
              "0 1/8 a; 1/8 1/4 b; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 d; 1 5/4 a; 5/4 3/2 b; 3/2 7/4 c; "
              "7/4 15/8 c; 15/8 2 d");
  assert_haps(T("fastChunk", P("<a b> c d e"), 2, N(2), FN("rev")), 0, 4,
              "0 1/4 e; 1/4 1/2 d; 1/2 3/4 d; 3/4 1 e; 1 5/4 b; 5/4 3/2 c; 3/2 7/4 c; 7/4 2 b; "
              "2 9/4 e; 9/4 5/2 d; 5/2 11/4 d; 11/4 3 e; 3 13/4 b; 13/4 7/2 c; 7/2 15/4 c; 15/4 4 b");
}

static void test_chunk_errors(void **s) {
  /* Strudel throws "Invalid array length" for these. */
  assert_non_null(error_of("chunk", P("a b"), 2, N(0), FN("rev")));
  assert_non_null(error_of("chunk", P("a b"), 2, N(2.5), FN("rev")));
  assert_non_null(strstr(error_of("chunk", P("a b"), 2, N(2), N(3)), "must be a transform"));
}

/* ---------------------------------------------------------------- linger, zoom */

static void test_linger(void **s) {
  assert_haps(T("linger", P("a b c d"), 1, N(0.25)), 0, 1, "0 1/4 a; 1/4 1/2 a; 1/2 3/4 a; 3/4 1 a");
  assert_haps(T("linger", P("a b c d e f g h"), 1, P("<0.5 0.25>")), 0, 2,
              "0 1/8 a; 1/8 1/4 b; 1/4 3/8 c; 3/8 1/2 d; 1/2 5/8 a; 5/8 3/4 b; 3/4 7/8 c; 7/8 1 d; "
              "1 9/8 a; 9/8 5/4 b; 5/4 11/8 a; 11/8 3/2 b; 3/2 13/8 a; 13/8 7/4 b; 7/4 15/8 a; 15/8 2 b");
  assert_haps(T("linger", P("a b c d"), 1, N(0.75)), 0, 2,
              "0 1/4 a; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 a; 1 5/4 b; 5/4 3/2 c; 3/2 7/4 a; 7/4 2 b");
  assert_haps(T("linger", P("a b"), 1, N(0)), 0, 1, "");
  /* Strudel 1.2.6 throws for a negative fraction; Phonon repeats the end of the cycle. */
  assert_haps(T("linger", P("a b c d"), 1, N(-0.25)), 0, 1, "0 1/4 d; 1/4 1/2 d; 1/2 3/4 d; 3/4 1 d");
}

static void test_zoom(void **s) {
  assert_haps(T("zoom", P("a b c d"), 2, N(0.25), N(0.75)), 0, 1, "0 1/2 b; 1/2 1 c");
  assert_haps(T("zoom", P("a b c d"), 2, P("<0 0.25>"), N(0.75)), 0, 2,
              "0 1/3 a; 1/3 2/3 b; 2/3 1 c; 1 3/2 b; 3/2 2 c");
  assert_haps(T("zoom", P("<a b> c"), 2, N(1), N(2)), 0, 2, "0 1/2 b; 1/2 1 c; 1 3/2 a; 3/2 2 c");
  /* Wholes are mapped relative to their own cycle, fragments keep them. */
  assert_haps(T("zoom", P("a b c"), 2, N(0.5), N(1.5)), 0, 1,
              "-1/6 1/6 (0 1/6) b; 1/6 1/2 c; 1/2 5/6 a; 5/6 7/6 (5/6 1) b");
  assert_haps(T("zoom", P("a b"), 2, N(0.5), N(0.5)), 0, 1, "");
  assert_true(ph_rat_eq(T("zoom", P("a b c d"), 2, N(0), N(0.5))->steps, ph_rat_int(2)));
}

/* ---------------------------------------------------------------- brak, ribbon, invert, hurry */

static void test_brak(void **s) {
  assert_haps(T("brak", P("a b"), 0), -2, 2,
              "-2 -3/2 a; -3/2 -1 b; -3/4 -1/2 a; -1/2 -1/4 b; 0 1/2 a; 1/2 1 b; 5/4 3/2 a; 3/2 7/4 b");
}

static void test_ribbon(void **s) {
  assert_haps(T("ribbon", P("<a b c d>"), 2, N(1), N(2)), 0, 4, "0 1 b; 1 2 c; 2 3 b; 3 4 c");
  assert_haps(T("ribbon", P("a b"), 2, N(0.5), N(0.5)), 0, 2, "0 1/2 b; 1/2 1 b; 1 3/2 b; 3/2 2 b");
  assert_haps(T("rib", P("<a b c>"), 2, P("<0 1>"), N(1)), 0, 3, "0 1 a; 1 2 b; 2 3 a");
}

static void test_invert(void **s) {
  assert_haps(T("invert", P("1 0 ~ a"), 0), 0, 1, "0 1/4 false; 1/4 1/2 true; 3/4 1 false");
  assert_haps(T("inv", P("1 [0 1]"), 0), 0, 1, "0 1/2 false; 1/2 3/4 true; 3/4 1 false");
}

static void test_hurry(void **s) {
  assert_haps(T("hurry", P("a b"), 1, N(2)), 0, 1,
              "0 1/4 {speed: 2, value: a}; 1/4 1/2 {speed: 2, value: b}; 1/2 3/4 {speed: 2, value: a}; "
              "3/4 1 {speed: 2, value: b}");
  assert_haps(T("hurry", P("a b"), 1, P("<1 2>")), 0, 2,
              "0 1/2 {speed: 1, value: a}; 1/2 1 {speed: 1, value: b}; 1 5/4 {speed: 2, value: a}; "
              "5/4 3/2 {speed: 2, value: b}; 3/2 7/4 {speed: 2, value: a}; 7/4 2 {speed: 2, value: b}");
  /* A second hurry multiplies the speed already there. */
  ph_pat *twice = T("hurry", T("hurry", P("a"), 1, N(2)), 1, N(3));
  assert_haps(twice, 0, 1,
              "0 1/6 {speed: 6, value: a}; 1/6 1/3 {speed: 6, value: a}; 1/3 1/2 {speed: 6, value: a}; "
              "1/2 2/3 {speed: 6, value: a}; 2/3 5/6 {speed: 6, value: a}; 5/6 1 {speed: 6, value: a}");
}

/* ---------------------------------------------------------------- swing, inside, outside */

static void test_swing(void **s) {
  assert_haps(T("swingBy", P("a b c d e f g h"), 2, N(1.0 / 3), N(4)), 0, 1,
              "0 1/8 a; 1/24 1/6 (1/8 1/6) a; 1/6 7/24 (1/6 1/4) b; 1/4 3/8 c; 7/24 5/12 (3/8 5/12) c; "
              "5/12 13/24 (5/12 1/2) d; 1/2 5/8 e; 13/24 2/3 (5/8 2/3) e; 2/3 19/24 (2/3 3/4) f; 3/4 7/8 g; "
              "19/24 11/12 (7/8 11/12) g; 11/12 25/24 (11/12 1) h");
  assert_haps(T("swing", P("a b c d"), 1, N(2)), 0, 1,
              "0 1/4 a; 1/12 1/3 (1/4 1/3) a; 1/3 7/12 (1/3 1/2) b; 1/2 3/4 c; 7/12 5/6 (3/4 5/6) c; "
              "5/6 13/12 (5/6 1) d");
  assert_haps(T("swingBy", P("a b c d"), 2, P("<0 0.5>"), N(2)), 0, 2,
              "0 1/4 a; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 d; 1 5/4 a; 9/8 11/8 (5/4 11/8) a; 11/8 13/8 (11/8 3/2) b; "
              "3/2 7/4 c; 13/8 15/8 (7/4 15/8) c; 15/8 17/8 (15/8 2) d");
}

static void test_inside_outside(void **s) {
  assert_haps(T("inside", P("a b c d"), 2, N(2), FN("rev")), 0, 1, "0 1/4 b; 1/4 1/2 a; 1/2 3/4 d; 3/4 1 c");
  assert_haps(T("inside", P("a b c d"), 2, P("<2 4>"), FN("rev")), 0, 2,
              "0 1/4 b; 1/4 1/2 a; 1/2 3/4 d; 3/4 1 c; 1 5/4 a; 5/4 3/2 b; 3/2 7/4 c; 7/4 2 d");
  assert_haps(T("outside", P("<a b> c"), 2, N(2), FN("rev")), 0, 2, "0 1/2 c; 1/2 1 b; 1 3/2 c; 3/2 2 a");
  assert_non_null(strstr(error_of("inside", P("a"), 2, N(2), P("x")), "must be a transform"));
}

/* ---------------------------------------------------------------- bite */

static void test_bite(void **s) {
  assert_haps(T("bite", P("a b c d"), 2, N(4), P("0 [2 1]")), 0, 1, "0 1/2 a; 1/2 3/4 c; 3/4 1 b");
  assert_haps(T("bite", P("a b c d"), 2, N(2), P("<0 1>")), 0, 2, "0 1/2 a; 1/2 1 b; 1 3/2 c; 3/2 2 d");
  assert_haps(T("bite", P("a b c d"), 2, P("<2 4>"), P("0 1")), 0, 2,
              "0 1/4 a; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 d; 1 3/2 a; 3/2 2 b");
  /* A negative index zooms before the cycle (Fraction's mod keeps the sign): nothing plays. */
  assert_haps(T("bite", P("a b c d"), 2, N(4), P("-1 0")), 0, 1, "1/2 1 a");
  assert_non_null(strstr(error_of("bite", P("a"), 2, N(0), P("0")), "must not be 0"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_the_test_patterns, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_rev, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_revv, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_palindrome, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_ply, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_ply_with, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_ply_multiplies_steps, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_press, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_iter, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_chunk, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_chunk_back_and_fast_chunk, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_chunk_errors, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_linger, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_zoom, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_brak, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_ribbon, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_invert, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_hurry, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_swing, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_inside_outside, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_bite, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
