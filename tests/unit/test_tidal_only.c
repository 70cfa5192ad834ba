/* Transforms Strudel lacks, from Tidal's definitions: rot and scan. */
#include "support.h"

static void test_rot_moves_values_keeping_structure(void **s) {
  /* Tidal's doc: rot 1 "a ~ b c" is "b ~ c a". */
  assert_haps(T("rot", M("a ~ b c"), 1, N(1)), 0, 1, "0 1/4 b; 1/2 3/4 c; 3/4 1 a");
  assert_haps(T("rot", M("a ~ b c"), 1, N(-1)), 0, 1, "0 1/4 c; 1/2 3/4 a; 3/4 1 b");
  assert_haps(T("rot", M("a ~ b c"), 1, N(3)), 0, 1, "0 1/4 a; 1/2 3/4 b; 3/4 1 c");
  /* Patterned: 1 in cycle 0, -1 in cycle 1; each cycle rotates its own events. */
  assert_haps(T("rot", M("a [b c] <d e>"), 1, M("<1 -1>")), 0, 2,
              "0 1/3 b; 1/3 1/2 c; 1/2 2/3 d; 2/3 1 a; 1 4/3 e; 4/3 3/2 a; 3/2 5/3 b; 5/3 2 c");
  /* A query inside the cycle still rotates over the whole cycle. */
  ph_error err = {0};
  ph_haps h = ph_pat_query_span(T("rot", M("a b c d"), 1, N(1)), t_arena, (ph_span){R(1, 2), R(3, 4)}, &err);
  assert_int_equal(h.count, 1);
  assert_string_equal(h.items[0].value.as.str, "d");
}

static void test_scan_grows_runs(void **s) {
  const ph_generator_def *g = ph_generator_find("scan");
  assert_non_null(g);
  ph_pat *n = N(3);
  ph_error err = {0};
  ph_pat *p = g->make(t_arena, &n, &err);
  assert_non_null(p);
  assert_haps(p, 0, 4, "0 1 0; 1 3/2 0; 3/2 2 1; 2 7/3 0; 7/3 8/3 1; 8/3 3 2; 3 4 0");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_rot_moves_values_keeping_structure, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_scan_grows_runs, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
