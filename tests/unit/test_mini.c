/* The mini-notation, feature by feature. Expected events come from Strudel 1.2.6 (the oracle,
 * `node oracle.mjs`), except for Phonon's own additions (~bus, c4'maj), marked as such. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

/* Parses src expecting an error; returns it. */
static ph_error parse_error(const char *src) {
  ph_error err;
  ph_error_clear(&err);
  ph_pat *p = ph_mini_parse(t_arena, src, &err);
  if (p) fail_msg("'%s' parsed, expected an error", src);
  return err;
}

static void test_sequences_and_rests(void **state) {
  /* Steps share the cycle equally; ~ and - are rests; [ ] subdivides a step. */
  assert_haps(M("bd sn hh"), 0, 1, "0 1/3 bd; 1/3 2/3 sn; 2/3 1 hh");
  assert_haps(M("bd ~ sn -"), 0, 1, "0 1/4 bd; 1/2 3/4 sn");
  assert_haps(M("  bd   sn  "), 0, 1, "0 1/2 bd; 1/2 1 sn");
  assert_haps(M("bd [sn [hh cp]]"), 0, 1, "0 1/2 bd; 1/2 3/4 sn; 3/4 7/8 hh; 7/8 1 cp");
  assert_haps(M("[bd sn] [hh]"), 0, 1, "0 1/4 bd; 1/4 1/2 sn; 1/2 1 hh");
}

static void test_alternation_one_step_per_cycle(void **state) {
  /* < > plays one step per cycle; with ',' each sequence keeps its own pace; @ stretches over cycles. */
  assert_haps(M("<a b c>"), 0, 3, "0 1 a; 1 2 b; 2 3 c");
  assert_haps(M("<a b c>"), -3, -1, "-3 -2 a; -2 -1 b");
  assert_haps(M("<a <b c>>"), 0, 4, "0 1 a; 1 2 b; 2 3 a; 3 4 c");
  assert_haps(M("<a b, c d e>"), 0, 3, "0 1 a; 0 1 c; 1 2 b; 1 2 d; 2 3 a; 2 3 e");
  assert_haps(M("<a b@2>"), 0, 3, "0 1 a; 1 3 b");
}

static void test_stacks(void **state) {
  /* ',' plays sequences together, at the top level too. */
  assert_haps(M("a b, c"), 0, 1, "0 1/2 a; 0 1 c; 1/2 1 b");
  assert_haps(M("[a, b c]"), 0, 1, "0 1 a; 0 1/2 b; 1/2 1 c");
}

static void test_fast_and_slow(void **state) {
  /* * and / with whole, fractional and patterned factors; a patterned factor (even [2]) joins per
   * cycle, so an event spanning cycles comes in fragments. */
  assert_haps(M("a*2 b"), 0, 1, "0 1/4 a; 1/4 1/2 a; 1/2 1 b");
  assert_haps(M("a*1.5"), 0, 2, "0 2/3 a; 2/3 4/3 a; 4/3 2 a");
  assert_haps(M("a*<2 3>"), 0, 2, "0 1/2 a; 1/2 1 a; 1 4/3 a; 4/3 5/3 a; 5/3 2 a");
  assert_haps(M("a*[2 3]"), 0, 1, "0 1/2 a; 1/3 2/3 (1/2 2/3) a; 2/3 1 a");
  assert_haps(M("[a b]/1.5"), 0, 3, "0 3/4 a; 3/4 3/2 b; 3/2 9/4 a; 9/4 3 b");
  assert_haps(M("a/2"), 0, 2, "0 2 a");
  assert_haps(M("a/[2]"), 0, 2, "0 2 (0 1) a; 0 2 (1 2) a");
}

static void test_replicate(void **state) {
  /* ! repeats a step (bare ! repeats the previous one); !n with other operators, in order. */
  assert_haps(M("a!3 b"), 0, 1, "0 1/4 a; 1/4 1/2 a; 1/2 3/4 a; 3/4 1 b");
  assert_haps(M("a ! ! b"), 0, 1, "0 1/4 a; 1/4 1/2 a; 1/2 3/4 a; 3/4 1 b");
  assert_haps(M("a! b"), 0, 1, "0 1/3 a; 1/3 2/3 a; 2/3 1 b");
  assert_haps(M("a <b c>!2"), 0, 2, "0 1/3 a; 1/3 2/3 b; 2/3 1 b; 1 4/3 a; 4/3 5/3 c; 5/3 2 c");
  assert_haps(M("[a b]!"), 0, 1, "0 1/4 a; 1/4 1/2 b; 1/2 3/4 a; 3/4 1 b");
  assert_haps(M("a!2*2"), 0, 1, "0 1/4 a; 1/4 1/2 a; 1/2 3/4 a; 3/4 1 a");
  assert_haps(M("a*2!2"), 0, 1, "0 1/4 a; 1/4 1/2 a; 1/2 3/4 a; 3/4 1 a");
  assert_haps(M("a!1.5 b"), 0, 2, "0 2/5 a; 2/5 4/5 (2/5 3/5) a; 3/5 1 b; 4/5 6/5 (1 6/5) a; 6/5 8/5 a; 8/5 2 b");
}

static void test_weights_and_elongation(void **state) {
  /* @ and _ give a step more of the cycle; @ and ! combine as in krill (the last ! sets the weight). */
  assert_haps(M("a@3 b"), 0, 1, "0 3/4 a; 3/4 1 b");
  assert_haps(M("a _ _ b"), 0, 1, "0 3/4 a; 3/4 1 b");
  assert_haps(M("a@0.5 b"), 0, 1, "0 1/3 a; 1/3 1 b");
  assert_haps(M("a@1.5@2 b"), 0, 1, "0 5/7 a; 5/7 1 b");
  assert_haps(M("a _2 b"), 0, 1, "0 2/3 a; 2/3 1 b");
  assert_haps(M("a@0 b"), 0, 1, "0 1/2 a; 1/2 1 b");
  assert_haps(M("<a@3 b>"), 0, 4, "0 3 a; 3 4 b");
  assert_haps(M("a!2@3 b"), 0, 1, "0 2/5 a; 2/5 4/5 a; 4/5 1 b");
  assert_haps(M("a@3!2 b"), 0, 1, "0 1/3 a; 1/3 2/3 a; 2/3 1 b");
  assert_haps(M("a*8?"), 0, 1, "1/8 1/4 a");
}

static void test_degrade_is_seeded_like_strudel(void **state) {
  /* ? drops events with Strudel's seeded randomness: each ? in the string has its own seed. */
  assert_haps(M("a*8?0.2"), 0, 1, "1/8 1/4 a; 1/4 3/8 a; 3/8 1/2 a; 1/2 5/8 a; 7/8 1 a");
  assert_haps(M("a? b? c? d?"), 0, 2, "1/2 3/4 c; 3/4 1 d; 1 5/4 a; 7/4 2 d");
  assert_haps(M("a*4?0.7"), 3, 4, "13/4 7/2 a; 15/4 4 a");
}

static void test_random_choice(void **state) {
  /* | picks one sequence per cycle; the seed counter is shared with ?. */
  assert_haps(M("[a | b | c]*4"), 0, 2, "0 1/4 a; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 a; 1 5/4 a; 5/4 3/2 a; 3/2 7/4 b; 7/4 2 a");
  assert_haps(M("a? | b?"), 0, 4, "1 2 a; 2 3 b; 3 4 b");
  assert_haps(M("[a? | b]*2 c?"), 0, 2, "1/4 1/2 a; 1/2 1 c; 1 5/4 b; 5/4 3/2 b");
}

static void test_feet(void **state) {
  /* . separates groups like [ ] would. */
  assert_haps(M("a . b c"), 0, 1, "0 1/2 a; 1/2 3/4 b; 3/4 1 c");
  assert_haps(M("a b . c d e"), 0, 1, "0 1/4 a; 1/4 1/2 b; 1/2 2/3 c; 2/3 5/6 d; 5/6 1 e");
}

static void test_euclid(void **state) {
  /* (k,n,r) as Strudel's euclid/euclidRot, with patterned arguments; an argument's own
   * operators are ignored, as in mini.mjs. */
  assert_haps(M("a(3,8)"), 0, 1, "0 1/8 a; 3/8 1/2 a; 3/4 7/8 a");
  assert_haps(M("a(3,8,2)"), 0, 1, "0 1/8 a; 1/4 3/8 a; 5/8 3/4 a");
  assert_haps(M("a(<3 5>,8)"), 0, 2, "0 1/8 a; 3/8 1/2 a; 3/4 7/8 a; 1 9/8 a; 5/4 11/8 a; 11/8 3/2 a; 13/8 7/4 a; 7/4 15/8 a");
  assert_haps(M("[a b](3,8)"), 0, 1, "0 1/8 a; 3/8 1/2 a; 3/4 7/8 b");
  assert_haps(M("a(3?,8)"), 0, 1, "0 1/8 a; 3/8 1/2 a; 3/4 7/8 a");
}

static void test_polymeter(void **state) {
  /* { } aligns steps: every sequence at the first one's rate, or at %n steps per cycle. */
  assert_haps(M("{a b c, d e}"), 0, 1, "0 1/3 a; 0 1/3 d; 1/3 2/3 b; 1/3 2/3 e; 2/3 1 c; 2/3 1 d");
  assert_haps(M("{a b c}%4"), 0, 1, "0 1/4 a; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 a");
  assert_haps(M("{a b c}%<2 4>"), 0, 2, "0 1/2 a; 1/2 1 b; 1 5/4 b; 5/4 3/2 c; 3/2 7/4 a; 7/4 2 b");
  assert_haps(M("{a b@2, c d e}"), 0, 1, "0 1/3 a; 0 1/3 c; 1/3 1 b; 1/3 2/3 d; 2/3 1 e");
  assert_haps(M("{a b, c d e}%[2 4]"), 0, 1, "0 1/2 a; 0 1/2 c; 1/2 3/4 a; 1/2 3/4 e; 3/4 1 b; 3/4 1 c");
  assert_haps(M("{a@3 b}%1"), 0, 3, "0 3 (0 1) a; 0 3 (1 2) a; 0 3 (2 3) a");
}

static void test_tail_makes_one_word(void **state) {
  /* bd:3 is one word, "bd:3"; the part after ':' may be patterned. */
  assert_haps(M("bd:3 sn:<1 2>"), 0, 2, "0 1/2 bd:3; 1/2 1 sn:1; 1 3/2 bd:3; 3/2 2 sn:2");
  assert_haps(M("bd:3:4 0:0.5"), 0, 1, "0 1/2 bd:3:4; 1/2 1 0:0.5");
}

static void test_numbers_and_words(void **state) {
  /* A word is a number when JavaScript's Number() reads it as one. */
  assert_haps(M("0 0.5 -1 1e3"), 0, 1, "0 1/4 0; 1/4 1/2 0.5; 1/2 3/4 -1; 3/4 1 1000");
  assert_haps(M("0x10 .5 1. Infinity"), 0, 1, "0 1/4 16; 1/4 1/2 0.5; 1/2 3/4 1; 3/4 1 inf");
  assert_haps(M("c4 e4 c#4 eb3"), 0, 1, "0 1/4 c4; 1/4 1/2 e4; 1/2 3/4 c#4; 3/4 1 eb3");
}

static void test_ranges(void **state) {
  /* a .. b is the run of numbers from a to b, squeezed into the step; 0..3 is one word. */
  assert_haps(M("0 .. 3"), 0, 1, "0 1/4 0; 1/4 1/2 1; 1/2 3/4 2; 3/4 1 3");
  assert_haps(M("3 .. 0"), 0, 1, "0 1/4 3; 1/4 1/2 2; 1/2 3/4 1; 3/4 1 0");
  assert_haps(M("[0 1] .. 3"), 0, 1, "0 1/8 0; 1/8 1/4 1; 1/4 3/8 2; 3/8 1/2 3; 1/2 2/3 1; 2/3 5/6 2; 5/6 1 3");
  assert_haps(M("0.5 .. 3"), 0, 1, "0 1/3 0.5; 1/3 2/3 1.5; 2/3 1 2.5");
  assert_haps(M("0..3"), 0, 1, "0 1 0..3");
  assert_haps(M("a .. 3"), 0, 1, "");
}

static void test_corner_cases_of_the_grammar(void **state) {
  /* Corners where krill's grammar decides: word characters, bare '^', '_b', '@05', '?.5'. */
  assert_haps(M("a ... b"), 0, 1, "0 1/3 a; 1/3 2/3 ...; 2/3 1 b");
  assert_haps(M("~a a~ -- ^a"), 0, 1, "0 1/4 ~a; 1/4 1/2 a~; 1/2 3/4 --; 3/4 1 ^a");
  assert_haps(M("^a b"), 0, 1, "0 1/2 a; 1/2 1 b");
  assert_haps(M("a _b"), 0, 1, "0 2/3 a; 2/3 1 b");
  assert_haps(M("a@05"), 0, 1, "0 1/2 a; 1/2 1 5");
  assert_haps(M("a?.5"), 0, 1, "1/2 1 0.5");
  assert_haps(M("a [b c]@2 d"), 0, 1, "0 1/4 a; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 d");
  assert_haps(M("<a b>*3"), 0, 2, "0 1/3 a; 1/3 2/3 b; 2/3 1 a; 1 4/3 b; 4/3 5/3 a; 5/3 2 b");
  assert_haps(M("[<a b> c]*2"), 0, 1, "0 1/4 a; 1/4 1/2 c; 1/2 3/4 b; 3/4 1 c");
}

static void test_values_are_numbers_or_words(void **state) {
  ph_haps h = Q(M("0 -1.5 bd bd:3 c#4"), 0, 1);
  assert_int_equal(h.count, 5);
  assert_int_equal(h.items[0].value.kind, PH_VAL_NUM);
  assert_true(h.items[0].value.as.num == 0);
  assert_int_equal(h.items[1].value.kind, PH_VAL_NUM);
  assert_true(h.items[1].value.as.num == -1.5);
  for (int i = 2; i < 5; i++) assert_int_equal(h.items[i].value.kind, PH_VAL_STR);
  assert_string_equal(h.items[3].value.as.str, "bd:3");
}

static void test_phonon_bus_and_chord_words(void **state) {
  /* Phonon's additions: ~name is one word (a bus), and so is root'chord. */
  assert_haps(M("~bus a ~"), 0, 1, "0 1/3 ~bus; 1/3 2/3 a");
  assert_haps(M("c4'maj e'min7 c#'dim"), 0, 1, "0 1/3 c4'maj; 1/3 2/3 e'min7; 2/3 1 c#'dim");
  assert_haps(M("<c'maj f'maj>*2"), 0, 1, "0 1/2 c'maj; 1/2 1 f'maj");
  /* The apostrophe joins only a root and a name. */
  assert_int_equal(parse_error("c4'").column, 3);
  assert_int_equal(parse_error("'maj").column, 1);
  assert_int_equal(parse_error("~'maj").column, 2);
}

static void test_whitespace(void **state) {
  assert_haps(M("\ta\n b \r\n"), 0, 1, "0 1/2 a; 1/2 1 b");
  assert_haps(M("a\xC2\xA0" "b"), 0, 1, "0 1/2 a; 1/2 1 b"); /* a no-break space separates too */
  assert_haps(M("[ a , b ]  *  2"), 0, 1, "0 1/2 a; 0 1/2 b; 1/2 1 a; 1/2 1 b");
}

static void test_purity_follows_strudel(void **state) {
  /* The whole string is a sequence, which is never pure, even of one word ... */
  assert_false(M("a")->is_pure);
  assert_false(M("2")->is_pure);
  /* ... except when every weight is zero: then the single child is the pattern itself. */
  assert_true(M("a@0")->is_pure);
  assert_true(M("0@0")->is_pure);
  assert_false(M("~@0")->is_pure);
  /* So a one-word string as a transform argument is joined per cycle, as in Strudel. */
  assert_haps(T("slow", M("a"), 1, M("2")), 0, 2, "0 2 (0 1) a; 0 2 (1 2) a");
  assert_haps(T("slow", M("a"), 1, N(2)), 0, 2, "0 2 a");
}

static void test_steps_follow_strudel(void **state) {
  struct {
    const char *src;
    int64_t num, den;
  } cases[] = {
      {"a b c", 3, 1}, {"a@3 b", 4, 1}, {"a b, c d e", 6, 1}, {"<a b c>", 1, 1},  {"[a b]*2", 1, 1},
      {"a . b c", 2, 1}, {"^[a b] c", 2, 1}, {"[^a b, c d e] f", 4, 1}, {"a!3 b", 4, 1}, {"a@0.5 b", 3, 2},
      {"[^a b]/2 c", 4, 1}, {"[^a b]*[2 3] c", 4, 1},
      /* A '^' child whose steps are unknown (patterned slow, a range) makes them 0, as in Strudel. */
      {"[^a b]/[2 3] c", 0, 1}, {"[^a b] .. 3", 0, 1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    ph_rat s = M(cases[i].src)->steps;
    if (!ph_rat_eq(s, R(cases[i].num, cases[i].den)))
      fail_msg("steps of '%s': %lld/%lld", cases[i].src, (long long)s.num, (long long)s.den);
  }
}

static void test_syntax_errors_point_at_the_problem(void **state) {
  struct {
    const char *src;
    int column;
  } cases[] = {
      {"a [b", 5},   {"a <b c", 7}, {"a b]", 4},    {"(3,8)", 1},  {"a*", 3},     {"[a, b", 6},
      {"", 1},       {"a $ b", 3},  {"{a b", 5},    {"a(3,8", 6},  {"a b)", 4},   {"^", 2},
      {"a b\"", 4},  {"a@3 *2", 5}, {"<a | b>", 4}, {". a", 1},    {"_ a", 1},    {"a . . b", 5},
      {"a,", 3},     {",a", 1},     {"a |", 4},     {"[]", 2},     {"<>", 2},     {"{}", 2},
      {"a:", 3},     {"a b(", 5},   {"a %2", 3},    {"a(3)", 4},   {"a(3,)", 5},  {"a b ]c", 5},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    ph_error err = parse_error(cases[i].src);
    assert_int_equal(err.status, PH_ERR_SYNTAX);
    assert_ptr_equal(err.source, cases[i].src);
    if (err.column != cases[i].column)
      fail_msg("'%s': column %d, expected %d (%s)", cases[i].src, err.column, cases[i].column, err.message);
    assert_true(strlen(err.message) > 0);
  }
  assert_string_equal(parse_error("a [b").message, "expected ']' after '[b', found the end of the pattern");
  assert_string_equal(parse_error("a b]").message, "unexpected ']' after 'b': no bracket to close");
}

static void test_meaningless_weights_and_steps_are_errors(void **state) {
  /* Strudel divides by zero here and fails. */
  assert_int_equal(parse_error("<a@0 b@0>").status, PH_ERR_ARGUMENT);
  assert_int_equal(parse_error("a@2 b@-2").status, PH_ERR_ARGUMENT);
  assert_int_equal(parse_error("a@1e300 b").status, PH_ERR_ARGUMENT); /* beyond 64-bit rationals */
  /* Strudel fails on every query of this one; Phonon says so at once. */
  assert_int_equal(parse_error("{a b}%x").column, 7);
}

static void test_nesting_is_limited_not_crashing(void **state) {
  char deep[1024];
  int n = 150;
  for (int i = 0; i < n; i++) deep[i] = '[';
  deep[n] = 'a';
  for (int i = 0; i < n; i++) deep[n + 1 + i] = ']';
  deep[2 * n + 1] = '\0';
  assert_haps(M(deep), 0, 1, "0 1 a");
  n = 400;
  for (int i = 0; i < n; i++) deep[i] = '<';
  deep[n] = '\0';
  ph_error err = parse_error(deep);
  assert_int_equal(err.status, PH_ERR_SYNTAX);
  assert_non_null(strstr(err.message, "nested"));
}

/* Random strings over the grammar's characters: each parses into a queryable pattern or fails
 * with a syntax error inside the string; never a crash (run under the sanitizers). */
static void test_fuzz_never_crashes(void **state) {
  static const char *pieces[] = {"a", "b", "0", "1", "3", "0.5", "-", "~", " ", " ", "[", "]", "<", ">", "{", "}",
                                 "(", ")", ",", "|", ".", "..", "*", "/", "!", "@", "_", "?", ":", "%", "^",
                                 "'", "#", "bd", "1e3", "\xC3\xA9", "$", "\t"};
  const int npieces = (int)(sizeof pieces / sizeof *pieces);
  unsigned seed = 12345;
  int parsed = 0;
  for (int iter = 0; iter < 3000; iter++) {
    char src[128] = "";
    int len = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 16;
    for (int i = 0; i < len; i++) {
      seed = seed * 1103515245u + 12345u;
      strcat(src, pieces[(seed >> 16) % (unsigned)npieces]);
    }
    ph_error err;
    ph_error_clear(&err);
    ph_pat *p = ph_mini_parse(t_arena, src, &err);
    if (p) {
      parsed++;
      ph_error qerr;
      ph_error_clear(&qerr);
      ph_pat_query_span(p, t_arena, (ph_span){ph_rat_int(-1), ph_rat_make(7, 3)}, &qerr);
    } else {
      assert_true(ph_error_is_set(&err));
      if (err.column < 1 || err.column > (int)strlen(src) + 1) fail_msg("'%s': column %d (%s)", src, err.column, err.message);
    }
    ph_arena_reset(t_arena);
  }
  assert_true(parsed > 100);
}

#define T_(name) cmocka_unit_test_setup_teardown(test_##name, t_setup, t_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T_(sequences_and_rests),
      T_(alternation_one_step_per_cycle),
      T_(stacks),
      T_(fast_and_slow),
      T_(replicate),
      T_(weights_and_elongation),
      T_(degrade_is_seeded_like_strudel),
      T_(random_choice),
      T_(feet),
      T_(euclid),
      T_(polymeter),
      T_(tail_makes_one_word),
      T_(numbers_and_words),
      T_(ranges),
      T_(corner_cases_of_the_grammar),
      T_(values_are_numbers_or_words),
      T_(phonon_bus_and_chord_words),
      T_(whitespace),
      T_(purity_follows_strudel),
      T_(steps_follow_strudel),
      T_(syntax_errors_point_at_the_problem),
      T_(meaningless_weights_and_steps_are_errors),
      T_(nesting_is_limited_not_crashing),
      T_(fuzz_never_crashes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
