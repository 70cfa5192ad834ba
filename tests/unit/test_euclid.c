/* Euclidean rhythms: Bjorklund exactly as Strudel's euclid.mjs, and the euclid transforms.
 * Expected events come from Strudel 1.2.6 (the oracle) unless marked as Tidal's. */
#include "plain_patterns.h"
#include "pattern/euclid.h"

static const struct {
  int pulses, steps;
  const char *rhythm;
} strudel_rhythms[] = {
    {1, 2, "10"}, {1, 3, "100"}, {1, 4, "1000"}, {4, 12, "100100100100"}, {2, 3, "110"}, {2, 5, "10100"},
    {3, 4, "1110"}, {3, 5, "10101"}, {3, 7, "1010100"}, {3, 8, "10010010"}, {4, 7, "1010101"},
    {4, 9, "101010100"}, {4, 11, "10010010010"}, {5, 6, "111110"}, {5, 7, "1011011"}, {5, 8, "10110110"},
    {5, 9, "101010101"}, {5, 11, "10101010100"}, {5, 12, "100101001010"}, {5, 13, "1001010010100"},
    {5, 16, "1001001001001000"}, {7, 8, "11111110"}, {7, 12, "101101011010"}, {7, 16, "1001010100101010"},
    {9, 16, "1011010101101010"}, {11, 24, "100101010101001010101010"}, {13, 24, "101101010101011010101010"},
    {0, 5, "00000"}, {5, 5, "11111"}, {-3, 8, "01101101"}, {-5, 8, "01001001"}, {-1, 4, "0111"}, {0, 0, ""},
    {1, 1, "1"}, {6, 16, "1001010010010100"}, {10, 16, "1011010110110101"},
    {13, 32, "10010100101001010010100101001010"}, {17, 23, "10111011101110111011101"},
};

static const char *rhythm_text(const int *bits, int n) {
  char *s = ph_arena_zalloc(t_arena, (size_t)n + 1);
  for (int i = 0; i < n; i++) s[i] = bits[i] ? '1' : '0';
  return s;
}

static void test_bjorklund_matches_strudel(void **s) {
  for (size_t i = 0; i < sizeof strudel_rhythms / sizeof *strudel_rhythms; i++) {
    int *bits, n;
    ph_error err;
    ph_error_clear(&err);
    assert_true(ph_bjorklund(t_arena, strudel_rhythms[i].pulses, strudel_rhythms[i].steps, &bits, &n, &err));
    assert_string_equal(rhythm_text(bits, n), strudel_rhythms[i].rhythm);
  }
}

static void test_bjorklund_rejects_what_strudel_rejects(void **s) {
  /* Strudel: "Invalid array length" for each. */
  const double bad[][2] = {{9, 8}, {-9, 8}, {3, 0}, {2.5, 8}, {3, 8.5}, {3, -8}};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    int *bits, n;
    ph_error err;
    ph_error_clear(&err);
    assert_false(ph_bjorklund(t_arena, bad[i][0], bad[i][1], &bits, &n, &err));
    assert_int_equal(err.status, PH_ERR_ARGUMENT);
  }
}

static void test_rotation_is_to_the_right_and_stops_at_the_length(void **s) {
  const struct {
    double rotation;
    const char *rhythm;
  } cases[] = {{0, "10010010"}, {2, "10100100"}, {-1, "00100101"}, {1.5, "01001001"}, {-1.5, "00100101"},
               {8, "10010010"}, {10, "10010010"}, {-10, "10010010"}, {7, "00100101"}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    int *bits, n;
    ph_error err;
    ph_error_clear(&err);
    assert_true(ph_bjorklund(t_arena, 3, 8, &bits, &n, &err));
    assert_true(ph_euclid_rotate(bits, n, cases[i].rotation, t_arena));
    assert_string_equal(rhythm_text(bits, n), cases[i].rhythm);
  }
}

static void test_euclid_keeps_the_values_under_the_onsets(void **s) {
  assert_haps(T("euclid", seq("a b c d"), 2, N(3), N(8)), 0, 1, "0 1/8 a; 3/8 1/2 b; 3/4 7/8 d");
  assert_haps(T("euclid", seq("a"), 2, N(0), N(8)), 0, 1, "");
  assert_haps(T("euclid", seq("a"), 2, N(0), N(0)), 0, 1, "");
  assert_haps(T("euclid", seq("a"), 2, N(-3), N(8)), 0, 1, "1/8 1/4 a; 1/4 3/8 a; 1/2 5/8 a; 5/8 3/4 a; 7/8 1 a");
  assert_haps(T("euclid", seq("a"), 2, N(-8), N(8)), 0, 1, "");
  assert_haps(T("euclid", seq("a"), 2, N(8), N(8)), 0, 1,
              "0 1/8 a; 1/8 1/4 a; 1/4 3/8 a; 3/8 1/2 a; 1/2 5/8 a; 5/8 3/4 a; 3/4 7/8 a; 7/8 1 a");
}

static void test_euclid_with_too_many_pulses_is_an_error(void **s) {
  const ph_transform_def *def = ph_transform_find("euclid");
  ph_pat *args[2] = {N(9), N(8)};
  ph_error err;
  ph_error_clear(&err);
  assert_null(def->apply(t_arena, args, seq("a"), &err));
  assert_int_equal(err.status, PH_ERR_ARGUMENT);
}

/* Strudel fails the whole query when one cycle's arguments do not fit ("<3 9>" in 8 steps). */
static void test_euclid_failing_in_one_cycle_fails_the_query(void **s) {
  ph_pat *p = T("euclid", seq("a"), 2, alt("3 9"), N(8));
  ph_error err;
  ph_error_clear(&err);
  ph_haps h = ph_pat_query_span(p, t_arena, (ph_span){ph_rat_int(0), ph_rat_int(2)}, &err);
  assert_int_equal(err.status, PH_ERR_ARGUMENT);
  assert_int_equal(h.count, 0);
}

static void test_euclid_with_patterned_arguments(void **s) {
  assert_haps(T("euclid", seq("a"), 2, alt("3 5"), N(8)), 0, 2,
              "0 1/8 a; 3/8 1/2 a; 3/4 7/8 a; 1 9/8 a; 5/4 11/8 a; 11/8 3/2 a; 13/8 7/4 a; 7/4 15/8 a");
  assert_haps(T("euclid", seq("a b"), 2, seq("3 5"), N(8)), 0, 1, "0 1/8 a; 3/8 1/2 a; 5/8 3/4 b; 3/4 7/8 b");
  assert_haps(T("euclid", seq("a"), 2, N(3), alt("8 4")), 0, 2,
              "0 1/8 a; 3/8 1/2 a; 3/4 7/8 a; 1 5/4 a; 5/4 3/2 a; 3/2 7/4 a");
}

static void test_euclid_rot(void **s) {
  assert_haps(T("euclidRot", seq("0 1 2 3"), 3, N(3), N(8), N(2)), 0, 1, "0 1/8 0; 1/4 3/8 1; 5/8 3/4 2");
  assert_haps(T("euclidRot", seq("a"), 3, N(5), N(8), N(-1)), 0, 1,
              "1/8 1/4 a; 1/4 3/8 a; 1/2 5/8 a; 5/8 3/4 a; 7/8 1 a");
  assert_haps(T("euclidRot", seq("a"), 3, N(3), N(8), N(10)), 0, 1, "0 1/8 a; 3/8 1/2 a; 3/4 7/8 a");
  assert_haps(T("euclidRot", seq("a"), 3, N(3), N(8), N(-10)), 0, 1, "0 1/8 a; 3/8 1/2 a; 3/4 7/8 a");
  assert_haps(T("euclidRot", seq("a"), 3, N(3), N(8), N(1.5)), 0, 1, "1/8 1/4 a; 1/2 5/8 a; 7/8 1 a");
  assert_haps(T("euclidRot", seq("a"), 3, N(3), N(8), alt("0 2")), 0, 2,
              "0 1/8 a; 3/8 1/2 a; 3/4 7/8 a; 1 9/8 a; 5/4 11/8 a; 13/8 7/4 a");
  assert_non_null(ph_transform_find("euclidrot"));
}

static void test_euclid_legato(void **s) {
  assert_haps(T("euclidLegato", seq("a b c d"), 2, N(3), N(8)), 0, 1,
              "0 3/8 (0 1/4) a; 0 3/8 (1/4 3/8) b; 3/8 3/4 (3/8 1/2) b; 3/8 3/4 (1/2 3/4) c; 3/4 1 d");
  assert_haps(T("euclidLegato", seq("a"), 2, N(-3), N(8)), 0, 1, "");
  assert_haps(T("euclidLegato", seq("a"), 2, N(1), N(8)), 0, 1, "0 1 a");
  assert_haps(T("euclidLegato", seq("a"), 2, alt("3 5"), N(8)), 0, 2,
              "0 3/8 a; 3/8 3/4 a; 3/4 1 a; 1 5/4 a; 5/4 11/8 a; 11/8 13/8 a; 13/8 7/4 a; 7/4 2 a");
  assert_haps(T("euclidLegatoRot", seq("a"), 3, N(3), N(8), N(2)), 0, 2,
              "0 1/4 a; 1/4 5/8 a; 5/8 1 a; 1 5/4 a; 5/4 13/8 a; 13/8 2 a");
  assert_haps(T("euclidLegatoRot", seq("a"), 3, N(3), N(8), alt("0 1")), 0, 2,
              "0 3/8 a; 3/8 3/4 a; 3/4 1 a; 7/8 9/8 (1 9/8) a; 9/8 3/2 a; 3/2 15/8 a; 15/8 17/8 (15/8 2) a");
}

/* Tidal's definitions (Strudel has none): euclidInv n k = euclid (-n) k; euclidOff n k s =
 * rotL (s/k) (euclid n k); the Full variants add the other pattern on the rests. */
static void test_tidal_euclid_variants(void **s) {
  assert_haps(T("euclidInv", seq("a"), 2, N(3), N(8)), 0, 1, "1/8 1/4 a; 1/4 3/8 a; 1/2 5/8 a; 5/8 3/4 a; 7/8 1 a");
  assert_haps(T("euclidFull", seq("a"), 3, N(3), N(8), seq("b")), 0, 1,
              "0 1/8 a; 1/8 1/4 b; 1/4 3/8 b; 3/8 1/2 a; 1/2 5/8 b; 5/8 3/4 b; 3/4 7/8 a; 7/8 1 b");
  assert_haps(T("euclidOff", seq("a"), 3, N(3), N(8), N(2)), 0, 1, "1/8 1/4 a; 1/2 5/8 a; 3/4 7/8 a");
  assert_haps(T("euclidOff", seq("a"), 3, N(3), N(0), N(2)), 0, 1, "");
  assert_haps(T("eoff", seq("a"), 3, N(3), N(8), alt("0 2")), 0, 2,
              "0 1/8 a; 3/8 1/2 a; 3/4 7/8 a; 9/8 5/4 a; 3/2 13/8 a; 7/4 15/8 a");
  assert_haps(T("euclidOffFull", seq("a"), 4, N(3), N(8), N(2), seq("b")), 0, 1,
              "0 1/8 b; 1/8 1/4 a; 1/4 3/8 b; 3/8 1/2 b; 1/2 5/8 a; 5/8 3/4 b; 3/4 7/8 a; 7/8 1 b");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_bjorklund_matches_strudel, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_bjorklund_rejects_what_strudel_rejects, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_rotation_is_to_the_right_and_stops_at_the_length, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_euclid_keeps_the_values_under_the_onsets, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_euclid_with_too_many_pulses_is_an_error, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_euclid_failing_in_one_cycle_fails_the_query, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_euclid_with_patterned_arguments, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_euclid_rot, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_euclid_legato, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_tidal_euclid_variants, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
