/* The kernel's constructors and combinators, built without mini-notation. */
#include "support.h"

static ph_pat *S(const char *s) { return ph_pure(t_arena, ph_str(s)); }

static ph_pat *seq2(ph_pat *x, ph_pat *y) {
  ph_pat *ps[] = {x, y};
  return ph_fastcat(t_arena, ps, 2);
}

static void test_pure_gives_one_event_per_cycle(void **s) {
  assert_haps(S("a"), 0, 3, "0 1 a; 1 2 a; 2 3 a");
  /* A query inside a cycle gives a fragment of the whole cycle. */
  ph_error err = {0};
  ph_haps h = ph_pat_query_span(S("a"), t_arena, (ph_span){R(1, 4), R(3, 2)}, &err);
  assert_int_equal(h.count, 2);
  assert_true(ph_span_eq(h.items[0].part, (ph_span){R(1, 4), R(1, 1)}));
  assert_true(ph_span_eq(h.items[0].whole, (ph_span){R(0, 1), R(1, 1)}));
  assert_true(ph_span_eq(h.items[1].part, (ph_span){R(1, 1), R(3, 2)}));
}

static void test_zero_width_query_gives_the_event_there(void **s) {
  ph_error err = {0};
  ph_haps h = ph_pat_query_span(S("a"), t_arena, (ph_span){R(1, 2), R(1, 2)}, &err);
  assert_int_equal(h.count, 1);
  assert_true(ph_span_eq(h.items[0].part, (ph_span){R(1, 2), R(1, 2)}));
}

static void test_fastcat_and_slowcat(void **s) {
  assert_haps(seq2(S("a"), S("b")), 0, 1, "0 1/2 a; 1/2 1 b");
  ph_pat *ps[] = {S("a"), S("b"), S("c")};
  assert_haps(ph_slowcat(t_arena, ps, 3), 0, 4, "0 1 a; 1 2 b; 2 3 c; 3 4 a");
  /* Negative cycles continue the rotation backwards. */
  assert_haps(ph_slowcat(t_arena, ps, 3), -2, 0, "-2 -1 b; -1 0 c");
  /* Each pattern in a slowcat advances only on its own turns: <[a a2] b> plays cycle 1 of
   * the first pattern at cycle 2. */
  ph_pat *inner[] = {S("x"), S("y")};
  ph_pat *alt = ph_slowcat(t_arena, inner, 2);
  ph_pat *outer[] = {alt, S("b")};
  assert_haps(ph_slowcat(t_arena, outer, 2), 0, 4, "0 1 x; 1 2 b; 2 3 y; 3 4 b");
}

static void test_stack_and_timecat(void **s) {
  ph_pat *ps[] = {S("a"), seq2(S("b"), S("c"))};
  assert_haps(ph_stack(t_arena, ps, 2), 0, 1, "0 1 a; 0 1/2 b; 1/2 1 c");
  ph_rat w[] = {ph_rat_int(3), ph_rat_int(1)};
  assert_haps(ph_timecat(t_arena, w, ps, 2), 0, 1, "0 3/4 a; 3/4 7/8 b; 7/8 1 c");
}

static void test_fast_slow_early_late(void **s) {
  ph_pat *ab = seq2(S("a"), S("b"));
  assert_haps(ph_fast_c(t_arena, ph_rat_int(2), ab), 0, 1, "0 1/4 a; 1/4 1/2 b; 1/2 3/4 a; 3/4 1 b");
  assert_haps(ph_slow_c(t_arena, ph_rat_int(2), ab), 0, 2, "0 1 a; 1 2 b");
  assert_haps(ph_late_c(t_arena, R(1, 4), ab), 0, 1, "-1/4 1/4 (0 1/4) b; 1/4 3/4 a; 3/4 5/4 (3/4 1) b");
  assert_haps(ph_early_c(t_arena, R(1, 2), ab), 0, 1, "0 1/2 b; 1/2 1 a");
  assert_haps(ph_fast_c(t_arena, ph_rat_int(0), ab), 0, 2, "");
  /* slow 1.5 leaves fragments that keep their whole. */
  assert_haps(ph_slow_c(t_arena, R(3, 2), S("a")), 0, 2, "0 3/2 a; 3/2 3 (3/2 2) a");
}

static void test_patterned_fast_joins_per_argument_event(void **s) {
  /* fast "1 2" $ "a b": fast 1 in the first half (a), fast 2 in the second (a b). */
  ph_pat *factor = seq2(N(1), N(2));
  ph_pat *p = T("fast", seq2(S("a"), S("b")), 1, factor);
  assert_haps(p, 0, 1, "0 1/2 a; 1/2 3/4 a; 3/4 1 b");
  /* A pure argument takes the direct path: no fragmentation at cycle boundaries. */
  assert_haps(T("slow", S("a"), 1, N(2)), 0, 2, "0 2 a");
  /* The same factor as a pattern (<2 2>) is joined cycle by cycle, as in Strudel. */
  ph_pat *twos[] = {N(2), N(2)};
  assert_haps(T("slow", S("a"), 1, ph_slowcat(t_arena, twos, 2)), 0, 2, "0 2 (0 1) a; 0 2 (1 2) a");
}

static void test_compress_and_fastgap(void **s) {
  ph_pat *ab = seq2(S("a"), S("b"));
  assert_haps(ph_compress_c(t_arena, R(1, 4), R(3, 4), ab), 0, 1, "1/4 1/2 a; 1/2 3/4 b");
  assert_haps(ph_compress_c(t_arena, R(3, 4), R(1, 4), ab), 0, 1, "");
  assert_haps(ph_fastgap_c(t_arena, ph_rat_int(2), ab), 0, 2, "0 1/4 a; 1/4 1/2 b; 1 5/4 a; 5/4 3/2 b");
}

static ph_value cat_values(ph_query *q, ph_value l, ph_value r, const void *env) {
  char buf[64];
  snprintf(buf, sizeof buf, "%s%s", l.as.str, r.as.str);
  return ph_str(ph_arena_strdup(q->arena, buf));
}

static void test_app_left_right_both(void **s) {
  ph_pat *ab = seq2(S("a"), S("b"));
  ph_pat *xyz_items[] = {S("x"), S("y"), S("z")};
  ph_pat *xyz = ph_fastcat(t_arena, xyz_items, 3);
  assert_haps(ph_app_left(t_arena, ab, xyz, cat_values, NULL), 0, 1,
              "0 1/2 (0 1/3) ax; 0 1/2 (1/3 1/2) ay; 1/2 1 (1/2 2/3) by; 1/2 1 (2/3 1) bz");
  assert_haps(ph_app_right(t_arena, ab, xyz, cat_values, NULL), 0, 1,
              "0 1/3 ax; 1/3 2/3 (1/3 1/2) ay; 1/3 2/3 (1/2 2/3) by; 2/3 1 bz");
  assert_haps(ph_app_both(t_arena, ab, xyz, cat_values, NULL), 0, 1,
              "0 1/3 ax; 1/3 1/2 ay; 1/2 2/3 by; 2/3 1 bz");
}

static ph_value to_pattern(ph_query *q, ph_value v, const void *env) {
  ph_pat *items[] = {ph_pure(q->arena, v), ph_pure(q->arena, ph_str("o"))};
  return ph_patval(ph_fastcat(q->arena, items, 2));
}

static void test_joins(void **s) {
  ph_pat *outer = ph_fmap(t_arena, seq2(S("a"), S("b")), to_pattern, NULL);
  /* squeeze: each inner cycle fits into its outer event. */
  assert_haps(ph_squeeze_join(t_arena, outer), 0, 1, "0 1/4 a; 1/4 1/2 o; 1/2 3/4 b; 3/4 1 o");
  /* inner: the inner pattern's own structure, cut to the outer parts. */
  assert_haps(ph_inner_join(t_arena, outer), 0, 1, "0 1/2 a; 1/2 1 o");
  /* outer: the outer structure, the inner values at each fragment. */
  assert_haps(ph_outer_join(t_arena, outer), 0, 1, "0 1/2 a; 1/2 1 o");
}

static void test_overflow_is_an_error(void **s) {
  ph_pat *p = ph_fast_c(t_arena, ph_rat_int(INT64_MAX / 4), S("a"));
  p = ph_fast_c(t_arena, ph_rat_int(INT64_MAX / 4), p);
  ph_error err = {0};
  ph_haps h = ph_pat_query_span(p, t_arena, (ph_span){R(1, 1), R(2, 1)}, &err);
  assert_int_equal(h.count, 0);
  assert_int_equal(err.status, PH_ERR_OVERFLOW);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_pure_gives_one_event_per_cycle, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_zero_width_query_gives_the_event_there, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_fastcat_and_slowcat, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_stack_and_timecat, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_fast_slow_early_late, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_patterned_fast_joins_per_argument_event, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_compress_and_fastgap, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_app_left_right_both, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_joins, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_overflow_is_an_error, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
