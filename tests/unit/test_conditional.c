/* Conditional and layering transforms. Expected events come from Strudel 1.2.6 (the oracle),
 * except where marked as Tidal's (names Strudel lacks) or Phonon's choice. */
#include "plain_patterns.h"

static ph_pat *REV(void) { return F("rev", 0, NULL, NULL); }
static ph_pat *FAST(ph_pat *by) { return F("fast", 1, by, NULL); }
static ph_pat *ADD(ph_pat *x) { return F("add", 1, x, NULL); }
static ph_pat *LATE(ph_pat *t) { return F("late", 1, t, NULL); }

static void expect_error(const char *name, int nargs, ph_pat *const *args, ph_pat *pat, int64_t b, int64_t e) {
  const ph_transform_def *def = ph_transform_find(name);
  assert_non_null(def);
  assert_int_equal(def->nargs, nargs);
  ph_error err;
  ph_error_clear(&err);
  ph_pat *p = def->apply(t_arena, args, pat, &err);
  if (p) {
    ph_pat_query_span(p, t_arena, (ph_span){ph_rat_int(b), ph_rat_int(e)}, &err);
  }
  assert_int_equal(err.status, PH_ERR_ARGUMENT);
}

/* ---------------------------------------------------------------- every and friends */

static void test_every_transforms_cycles_divisible_by_n(void **s) {
  assert_haps(T("every", M("a b c d"), 2, N(3), REV()), 0, 4,
              "0 1/4 d; 1/4 1/2 c; 1/2 3/4 b; 3/4 1 a; 1 5/4 a; 5/4 3/2 b; 3/2 7/4 c; 7/4 2 d; "
              "2 9/4 a; 9/4 5/2 b; 5/2 11/4 c; 11/4 3 d; 3 13/4 d; 13/4 7/2 c; 7/2 15/4 b; 15/4 4 a");
  assert_haps(T("every", M("a b"), 2, N(1), REV()), 0, 2, "0 1/2 b; 1/2 1 a; 1 3/2 b; 3/2 2 a");
  assert_haps(T("every", M("a b"), 2, N(3), REV()), 3, 4, "3 7/2 b; 7/2 4 a");
}

static void test_every_with_patterned_n(void **s) {
  assert_haps(T("every", M("a b"), 2, M("<2 3>"), REV()), 0, 6,
              "0 1/2 b; 1/2 1 a; 1 3/2 a; 3/2 2 b; 2 5/2 b; 5/2 3 a; 3 7/2 b; 7/2 4 a; 4 9/2 b; 9/2 5 a; "
              "5 11/2 a; 11/2 6 b");
  assert_haps(T("every", M("a b"), 2, M("2 3"), FAST(N(2))), 0, 3,
              "0 1/4 a; 1/4 1/2 b; 1/2 3/4 a; 3/4 1 b; 1 3/2 a; 3/2 2 b; 2 9/4 a; 9/4 5/2 b; 5/2 3 b");
}

/* every 0 leaves the pattern alone (Tidal). Negative cycles follow Strudel's slowcatPrime,
 * which indexes with JavaScript's %: only the multiples of n play (transformed). */
static void test_every_edge_cases(void **s) {
  assert_haps(T("every", M("a b"), 2, N(0), REV()), 0, 1, "0 1/2 a; 1/2 1 b");
  assert_haps(T("every", M("a b"), 2, N(3), REV()), -4, 0, "-3 -5/2 b; -5/2 -2 a");
  assert_haps(T("every", M("a b"), 2, N(1), REV()), -1, 0, "-1 -1/2 b; -1/2 0 a");
  /* Strudel: silent before 0, so the echoes reaching back from cycle 0 are missing. */
  assert_haps(T("late", T("every", M("a b"), 2, N(2), REV()), 1, N(0.25)), 0, 1,
              "1/4 3/4 b; 3/4 5/4 (3/4 1) a");
  ph_pat *fractional[2] = {N(1.5), REV()};
  expect_error("every", 2, fractional, M("a"), 0, 1);
  ph_pat *negative[2] = {N(-2), REV()};
  expect_error("every", 2, negative, M("a"), 0, 1);
  ph_pat *not_a_transform[2] = {N(2), N(3)};
  expect_error("every", 2, not_a_transform, M("a"), 0, 1);
}

static void test_first_of_and_last_of(void **s) {
  assert_haps(T("firstOf", M("a b"), 2, N(3), REV()), 0, 4,
              "0 1/2 b; 1/2 1 a; 1 3/2 a; 3/2 2 b; 2 5/2 a; 5/2 3 b; 3 7/2 b; 7/2 4 a");
  assert_haps(T("lastOf", M("a b"), 2, N(3), REV()), 0, 4,
              "0 1/2 a; 1/2 1 b; 1 3/2 a; 3/2 2 b; 2 5/2 b; 5/2 3 a; 3 7/2 a; 7/2 4 b");
  assert_haps(T("lastOf", M("a b"), 2, N(3), REV()), -3, 0, "-3 -5/2 a; -5/2 -2 b");
  ph_pat *zero[2] = {N(0), REV()};
  expect_error("firstOf", 2, zero, M("a"), 0, 1);
  expect_error("lastOf", 2, zero, M("a"), 0, 1);
}

/* Tidal's every' n o: cycle mod n == o. */
static void test_every_offset_is_tidals(void **s) {
  ph_pat *p = T("every'", M("a b"), 3, N(3), N(1), REV());
  assert_haps(p, 0, 4, "0 1/2 a; 1/2 1 b; 1 3/2 b; 3/2 2 a; 2 5/2 a; 5/2 3 b; 3 7/2 a; 7/2 4 b");
  assert_haps(T("every'", M("a b"), 3, N(3), N(5), REV()), 0, 3, "0 1/2 a; 1/2 1 b; 1 3/2 a; 3/2 2 b; 2 5/2 a; 5/2 3 b");
}

/* Tidal's whenmod a b: cycle mod a >= b. */
static void test_whenmod_is_tidals(void **s) {
  assert_haps(T("whenmod", M("a b"), 3, N(4), N(2), REV()), 0, 5,
              "0 1/2 a; 1/2 1 b; 1 3/2 a; 3/2 2 b; 2 5/2 b; 5/2 3 a; 3 7/2 b; 7/2 4 a; 4 9/2 a; 9/2 5 b");
  assert_haps(T("whenmod", M("a b"), 3, N(4), N(2.5), REV()), 2, 4, "2 5/2 a; 5/2 3 b; 3 7/2 b; 7/2 4 a");
  assert_haps(T("whenmod", M("a b"), 3, N(4), M("<3 2>"), REV()), 0, 4,
              "0 1/2 a; 1/2 1 b; 1 3/2 a; 3/2 2 b; 2 5/2 a; 5/2 3 b; 3 7/2 b; 7/2 4 a");
}

/* ---------------------------------------------------------------- when, within */

static void test_when_follows_the_boolean_pattern(void **s) {
  assert_haps(T("when", M("0 1 2 3"), 2, M("1 0"), REV()), 0, 1, "0 1/4 3; 1/4 1/2 2; 1/2 3/4 2; 3/4 1 3");
  assert_haps(T("when", M("a b"), 2, M("<1 0>"), FAST(N(2))), 0, 2,
              "0 1/4 a; 1/4 1/2 b; 1/2 3/4 a; 3/4 1 b; 1 3/2 a; 3/2 2 b");
  assert_haps(T("when", M("a b c d"), 2, M("0 1 1 0"), REV()), 0, 1, "0 1/4 a; 1/4 1/2 c; 1/2 3/4 b; 3/4 1 d");
  assert_haps(T("when", M("a b"), 2, M("1 0 1"), LATE(N(0.25))), 0, 1,
              "-1/4 1/4 (0 1/4) b; 1/4 3/4 (1/4 1/3) a; 0 1/2 (1/3 1/2) a; 1/2 1 (1/2 2/3) b; "
              "1/4 3/4 (2/3 3/4) a; 3/4 5/4 (3/4 1) b");
  assert_haps(T("when", M("a*4"), 2, M("<1 0>/2"), ADD(N(1))), 0, 4,
              "0 1/4 58; 1/4 1/2 58; 1/2 3/4 58; 3/4 1 58; 1 5/4 58; 5/4 3/2 58; 3/2 7/4 58; 7/4 2 58; "
              "2 9/4 a; 9/4 5/2 a; 5/2 11/4 a; 11/4 3 a; 3 13/4 a; 13/4 7/2 a; 7/2 15/4 a; 15/4 4 a");
  /* Tidal's while is the same as Strudel's when. */
  assert_haps(T("while", M("0 1 2 3"), 2, M("1 0"), REV()), 0, 1, "0 1/4 3; 1/4 1/2 2; 1/2 3/4 2; 3/4 1 3");
}

static void test_within_transforms_the_events_starting_inside(void **s) {
  assert_haps(T("within", M("a b c d"), 3, N(0), N(0.5), FAST(N(2))), 0, 1,
              "0 1/8 a; 1/8 1/4 b; 1/4 3/8 c; 1/2 5/8 a; 5/8 3/4 b; 3/4 7/8 c; 3/4 1 d");
  assert_haps(T("within", M("<a b> c [d e]"), 3, N(0), N(0.5), FAST(N(2))), 0, 2,
              "0 1/6 a; 1/6 1/3 c; 1/2 2/3 b; 2/3 5/6 c; 2/3 5/6 d; 5/6 1 e; 1 7/6 a; 7/6 4/3 c; 3/2 5/3 b; "
              "5/3 11/6 c; 5/3 11/6 d; 11/6 2 e");
  assert_haps(T("within", M("a b c d"), 3, N(0.25), N(0.75), REV()), 0, 1, "0 1/4 a; 0 1/4 d; 1/4 1/2 c; 1/2 3/4 b");
  assert_haps(T("within", M("a b c d"), 3, M("<0 0.5>"), N(1), FAST(N(2))), 0, 2,
              "0 1/8 a; 1/8 1/4 b; 1/4 3/8 c; 3/8 1/2 d; 1/2 5/8 a; 5/8 3/4 b; 3/4 7/8 c; 7/8 1 d; 1 5/4 a; "
              "5/4 3/2 b; 5/4 11/8 c; 11/8 3/2 d; 7/4 15/8 c; 15/8 2 d");
  assert_haps(T("within", M("[a b c]*2"), 3, N(0), N(0.5), REV()), 0, 1,
              "1/3 1/2 a; 1/2 2/3 c; 2/3 5/6 b; 2/3 5/6 b; 5/6 1 a; 5/6 1 c");
}

/* Strudel's filterWhen reads the onset, which continuous events lack: its query fails. */
static void test_within_a_continuous_pattern_is_an_error(void **s) {
  const ph_signal_def *sine = ph_signal_find("sine");
  assert_non_null(sine);
  ph_pat *args[3] = {N(0), N(0.5), REV()};
  expect_error("within", 3, args, sine->make(t_arena), 0, 1);
}

/* ---------------------------------------------------------------- layering */

static void test_superimpose_layer_and_off(void **s) {
  assert_haps(T("superimpose", M("a b"), 1, LATE(N(0.5))), 0, 1, "0 1/2 a; 0 1/2 b; 1/2 1 a; 1/2 1 b");
  assert_haps(T("superimpose", M("a b"), 1, FAST(M("<1 2>"))), 0, 2,
              "0 1/2 a; 0 1/2 a; 1/2 1 b; 1/2 1 b; 1 3/2 a; 1 5/4 a; 5/4 3/2 b; 3/2 7/4 a; 3/2 2 b; 7/4 2 b");
  assert_haps(T("layer", M("a b"), 2, REV(), FAST(N(2))), 0, 1,
              "0 1/4 a; 0 1/2 b; 1/4 1/2 b; 1/2 1 a; 1/2 3/4 a; 3/4 1 b");
  assert_haps(T("off", M("a b"), 2, N(0.25), FAST(N(2))), 0, 1,
              "-1/8 1/8 (0 1/8) b; 0 1/2 a; 1/8 3/8 a; 3/8 5/8 b; 1/2 1 b; 5/8 7/8 a; 7/8 9/8 (7/8 1) b");
  assert_haps(T("off", M("0 1"), 2, N(0.125), ADD(N(7))), 0, 1,
              "-3/8 1/8 (0 1/8) 8; 0 1/2 0; 1/8 5/8 7; 1/2 1 1; 5/8 9/8 (5/8 1) 8");
  assert_haps(T("off", M("a b"), 2, M("<0.25 0.5>"), ADD(N(1))), 0, 2,
              "-1/4 1/4 (0 1/4) 60; 0 1/2 a; 1/4 3/4 58; 1/2 1 b; 3/4 5/4 (3/4 1) 60; 1 3/2 60; 1 3/2 a; "
              "3/2 2 58; 3/2 2 b");
}

static void test_echo_and_stut_multiply_the_gain(void **s) {
  assert_haps_unordered(T("echo", M("0 1 2 3"), 3, N(3), N(0.2), N(0.5)), 0, 1,
              "-1/10 3/20 (0 3/20) {gain: 0.25, value: 2}; -1/20 1/5 (0 1/5) {gain: 0.5, value: 3}; "
              "0 1/4 {gain: 1, value: 0}; 3/20 2/5 {gain: 0.25, value: 3}; 1/5 9/20 {gain: 0.5, value: 0}; "
              "1/4 1/2 {gain: 1, value: 1}; 2/5 13/20 {gain: 0.25, value: 0}; 9/20 7/10 {gain: 0.5, value: 1}; "
              "1/2 3/4 {gain: 1, value: 2}; 13/20 9/10 {gain: 0.25, value: 1}; 7/10 19/20 {gain: 0.5, value: 2}; "
              "3/4 1 {gain: 1, value: 3}; 9/10 23/20 (9/10 1) {gain: 0.25, value: 2}; "
              "19/20 6/5 (19/20 1) {gain: 0.5, value: 3}");
  /* An echo crossing a cycle boundary is cut there, as Strudel's gain (set.in) does. */
  assert_haps_unordered(T("echo", M("a"), 3, M("<2 3>"), N(0.25), N(0.5)), 0, 2,
              "-3/4 1/4 (0 1/4) {gain: 0.5, value: a}; 0 1 {gain: 1, value: a}; "
              "1/4 5/4 (1/4 1) {gain: 0.5, value: a}; 1/4 5/4 (1 5/4) {gain: 0.5, value: a}; "
              "1/2 3/2 (1 3/2) {gain: 0.25, value: a}; 1 2 {gain: 1, value: a}; "
              "5/4 9/4 (5/4 2) {gain: 0.5, value: a}; 3/2 5/2 (3/2 2) {gain: 0.25, value: a}");
  assert_haps_unordered(T("echo", M("a b"), 3, N(0), N(0.25), N(0.5)), 0, 1, "");
  assert_haps_unordered(T("echo", M("a b"), 3, N(2.7), N(0.25), N(0.5)), 0, 1,
              "-1/4 1/4 (0 1/4) {gain: 0.5, value: b}; 0 1/2 {gain: 1, value: a}; 1/4 3/4 {gain: 0.5, value: a}; "
              "1/2 1 {gain: 1, value: b}; 3/4 5/4 (3/4 1) {gain: 0.5, value: b}");
  assert_haps_unordered(T("stut", M("a b"), 3, N(2), N(0.5), M("<0.25 0.5>")), 0, 2,
              "-1/4 1/4 (0 1/4) {gain: 0.5, value: b}; 0 1/2 {gain: 1, value: a}; 1/4 3/4 {gain: 0.5, value: a}; "
              "1/2 1 {gain: 1, value: b}; 3/4 5/4 (3/4 1) {gain: 0.5, value: b}; 1 3/2 {gain: 0.5, value: b}; "
              "1 3/2 {gain: 1, value: a}; 3/2 2 {gain: 0.5, value: a}; 3/2 2 {gain: 1, value: b}");
}

static void test_echo_of_echo_overrides_the_gain(void **s) {
  ph_pat *once = T("echo", M("a"), 3, N(2), N(0.5), N(0.5));
  assert_haps_unordered(T("echo", once, 3, N(2), N(0.25), N(0.5)), 0, 1,
                        "-3/4 1/4 (0 1/4) {gain: 0.5, value: a}; -1/2 1/2 (0 1/2) {gain: 1, value: a}; "
                        "-1/4 3/4 (0 1/4) {gain: 0.5, value: a}; 0 1 {gain: 1, value: a}; "
                        "-1/4 3/4 (1/4 3/4) {gain: 0.5, value: a}; 1/4 5/4 (1/4 1) {gain: 0.5, value: a}; "
                        "1/2 3/2 (1/2 1) {gain: 1, value: a}; 3/4 7/4 (3/4 1) {gain: 0.5, value: a}");
}

static void test_echo_with_applies_the_transform_to_each_copy(void **s) {
  assert_haps(T("echoWith", M("a b"), 3, N(3), N(0.125), FAST(N(2))), 0, 1,
              "-3/16 1/16 (0 1/16) b; -1/8 1/8 (0 1/8) b; 0 1/4 a; 1/16 5/16 a; 1/8 3/8 a; 1/4 1/2 b; "
              "5/16 9/16 b; 3/8 5/8 b; 1/2 3/4 a; 9/16 13/16 a; 5/8 7/8 a; 3/4 1 b; 13/16 17/16 (13/16 1) b; "
              "7/8 9/8 (7/8 1) b");
  assert_haps(T("stutWith", M("0"), 3, N(3), M("1/3"), ADD(N(2))), 0, 1, "0 1 2; 0 1 2; 0 1 2");
}

/* ---------------------------------------------------------------- slices */

static void test_striate_interlaces_parts(void **s) {
  assert_haps_unordered(T("striate", M("0 1 2 3"), 1, N(2)), 0, 1,
              "0 1/8 {begin: 0, end: 0.5, value: 0}; 1/8 1/4 {begin: 0, end: 0.5, value: 1}; "
              "1/4 3/8 {begin: 0, end: 0.5, value: 2}; 3/8 1/2 {begin: 0, end: 0.5, value: 3}; "
              "1/2 5/8 {begin: 0.5, end: 1, value: 0}; 5/8 3/4 {begin: 0.5, end: 1, value: 1}; "
              "3/4 7/8 {begin: 0.5, end: 1, value: 2}; 7/8 1 {begin: 0.5, end: 1, value: 3}");
  assert_haps_unordered(T("striate", M("a b"), 1, N(3)), 0, 1,
              "0 1/6 {begin: 0, end: 0.3333333333333333, value: a}; 1/6 1/3 {begin: 0, end: 0.3333333333333333, value: b}; "
              "1/3 1/2 {begin: 0.3333333333333333, end: 0.6666666666666666, value: a}; "
              "1/2 2/3 {begin: 0.3333333333333333, end: 0.6666666666666666, value: b}; "
              "2/3 5/6 {begin: 0.6666666666666666, end: 1, value: a}; 5/6 1 {begin: 0.6666666666666666, end: 1, value: b}");
  assert_haps_unordered(T("striate", M("a b"), 1, M("<1 2>")), 0, 2,
              "0 1/2 {begin: 0, end: 1, value: a}; 1/2 1 {begin: 0, end: 1, value: b}; "
              "1 5/4 {begin: 0, end: 0.5, value: a}; 5/4 3/2 {begin: 0, end: 0.5, value: b}; "
              "3/2 7/4 {begin: 0.5, end: 1, value: a}; 7/4 2 {begin: 0.5, end: 1, value: b}");
  assert_haps_unordered(T("striate", M("a b"), 1, N(0)), 0, 1, "");
  assert_haps_unordered(T("striate", M("a b c"), 1, N(2.5)), 0, 1,
              "0 2/15 {begin: 0, end: 0.4, value: a}; 2/15 4/15 {begin: 0, end: 0.4, value: b}; "
              "4/15 2/5 {begin: 0, end: 0.4, value: c}; 2/5 8/15 {begin: 0.4, end: 0.8, value: a}; "
              "8/15 2/3 {begin: 0.4, end: 0.8, value: b}; 2/3 4/5 {begin: 0.4, end: 0.8, value: c}; "
              "4/5 14/15 {begin: 0, end: 0.4, value: a}; 14/15 16/15 (14/15 1) {begin: 0, end: 0.4, value: b}");
}

static void test_chop_cuts_each_event(void **s) {
  ph_pat *maps = T("striate", M("a b"), 1, N(1));
  assert_haps_unordered(T("chop", maps, 1, N(2)), 0, 1,
              "0 1/4 {begin: 0, end: 0.5, value: a}; 1/4 1/2 {begin: 0.5, end: 1, value: a}; "
              "1/2 3/4 {begin: 0, end: 0.5, value: b}; 3/4 1 {begin: 0.5, end: 1, value: b}");
  /* Parts of parts: relative to the event's own begin and end. */
  assert_haps_unordered(T("chop", T("striate", M("a b"), 1, N(2)), 1, N(2)), 0, 1,
              "0 1/8 {begin: 0, end: 0.25, value: a}; 1/8 1/4 {begin: 0.25, end: 0.5, value: a}; "
              "1/4 3/8 {begin: 0, end: 0.25, value: b}; 3/8 1/2 {begin: 0.25, end: 0.5, value: b}; "
              "1/2 5/8 {begin: 0.5, end: 0.75, value: a}; 5/8 3/4 {begin: 0.75, end: 1, value: a}; "
              "3/4 7/8 {begin: 0.5, end: 0.75, value: b}; 7/8 1 {begin: 0.75, end: 1, value: b}");
  assert_haps_unordered(T("chop", maps, 1, M("<1 3>")), 0, 2,
              "0 1/2 {begin: 0, end: 1, value: a}; 1/2 1 {begin: 0, end: 1, value: b}; "
              "1 7/6 {begin: 0, end: 0.3333333333333333, value: a}; "
              "7/6 4/3 {begin: 0.3333333333333333, end: 0.6666666666666666, value: a}; "
              "4/3 3/2 {begin: 0.6666666666666666, end: 1, value: a}; "
              "3/2 5/3 {begin: 0, end: 0.3333333333333333, value: b}; "
              "5/3 11/6 {begin: 0.3333333333333333, end: 0.6666666666666666, value: b}; "
              "11/6 2 {begin: 0.6666666666666666, end: 1, value: b}");
  assert_haps_unordered(T("chop", maps, 1, N(0)), 0, 1, "");
  assert_haps_unordered(T("chop", M("a b"), 1, N(0)), 0, 1, "");
  /* Strudel's chop fails on plain values ('begin' in "a" throws): a query error here. */
  ph_pat *two[1] = {N(2)};
  expect_error("chop", 1, two, M("a b"), 0, 1);
}

/* ---------------------------------------------------------------- jux */

static void test_jux_pans_the_copies(void **s) {
  ph_pat *maps = T("striate", M("a b"), 1, N(1));
  assert_haps_unordered(T("jux", maps, 1, REV()), 0, 1,
                        "0 1/2 {begin: 0, end: 1, pan: 0, value: a}; 0 1/2 {begin: 0, end: 1, pan: 1, value: b}; "
                        "1/2 1 {begin: 0, end: 1, pan: 1, value: a}; 1/2 1 {begin: 0, end: 1, pan: 0, value: b}");
  assert_haps_unordered(T("juxBy", maps, 2, N(0.5), FAST(N(2))), 0, 1,
                        "0 1/2 {begin: 0, end: 1, pan: 0.25, value: a}; 0 1/4 {begin: 0, end: 1, pan: 0.75, value: a}; "
                        "1/4 1/2 {begin: 0, end: 1, pan: 0.75, value: b}; 1/2 3/4 {begin: 0, end: 1, pan: 0.75, value: a}; "
                        "1/2 1 {begin: 0, end: 1, pan: 0.25, value: b}; 3/4 1 {begin: 0, end: 1, pan: 0.75, value: b}");
  ph_pat *gains = T("echo", M("a b"), 3, N(1), N(0), N(1));
  assert_haps_unordered(T("juxBy", gains, 2, M("<0 1>"), REV()), 0, 2,
                        "0 1/2 {gain: 1, pan: 0.5, value: a}; 0 1/2 {gain: 1, pan: 0.5, value: b}; "
                        "1/2 1 {gain: 1, pan: 0.5, value: a}; 1/2 1 {gain: 1, pan: 0.5, value: b}; "
                        "1 3/2 {gain: 1, pan: 0, value: a}; 1 3/2 {gain: 1, pan: 1, value: b}; "
                        "3/2 2 {gain: 1, pan: 1, value: a}; 3/2 2 {gain: 1, pan: 0, value: b}");
  /* Strudel's jux fails on plain values ('pan' in "a" throws): a query error here. */
  ph_pat *rev[1] = {REV()};
  expect_error("jux", 1, rev, M("a b"), 0, 1);
  expect_error("jux", 1, rev, M("0 1 2 3"), 3, 7);
}

static void test_jux_keeps_an_existing_pan(void **s) {
  ph_pat *panned = T("jux", T("striate", M("a"), 1, N(1)), 1, LATE(N(0)));
  assert_haps_unordered(T("juxBy", panned, 2, N(0.5), REV()), 0, 1,
                        "0 1 {begin: 0, end: 1, pan: -0.25, value: a}; 0 1 {begin: 0, end: 1, pan: 0.25, value: a}; "
                        "0 1 {begin: 0, end: 1, pan: 0.75, value: a}; 0 1 {begin: 0, end: 1, pan: 1.25, value: a}");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_every_transforms_cycles_divisible_by_n, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_every_with_patterned_n, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_every_edge_cases, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_first_of_and_last_of, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_every_offset_is_tidals, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_whenmod_is_tidals, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_when_follows_the_boolean_pattern, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_within_transforms_the_events_starting_inside, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_within_a_continuous_pattern_is_an_error, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_superimpose_layer_and_off, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_echo_and_stut_multiply_the_gain, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_echo_of_echo_overrides_the_gain, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_echo_with_applies_the_transform_to_each_copy, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_striate_interlaces_parts, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_chop_cuts_each_event, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_jux_pans_the_copies, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_jux_keeps_an_existing_pan, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
