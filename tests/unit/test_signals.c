/* Signals and random generators give Strudel 1.2.6's values: each expected string is the
 * oracle's answer to the Strudel expression in the comment. Numbers compare within 1e-12
 * (sin and pow may differ from JavaScript's in the last bit); times exactly. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pattern/ops.h"
#include "pattern/random.h"
#include "pattern/random_choose.h"
#include "pattern/signals.h"
#include "support.h"

static ph_pat *S(const char *s) { return ph_pure(t_arena, ph_str(s)); }

static ph_pat *seq2(ph_pat *x, ph_pat *y) {
  ph_pat *ps[] = {x, y};
  return ph_fastcat(t_arena, ps, 2);
}

static ph_pat *alt2(ph_pat *x, ph_pat *y) {
  ph_pat *ps[] = {x, y};
  return ph_slowcat(t_arena, ps, 2);
}

static ph_pat *sig(const char *name) {
  const ph_signal_def *d = ph_signal_find(name);
  if (!d) fail_msg("no signal '%s'", name);
  return d->make(t_arena);
}

static ph_pat *seg(int n, ph_pat *p) { return ph_segment_c(t_arena, ph_rat_int(n), p); }

/* Like support's describe, for any rational span. */
static const char *describe_span(ph_pat *p, ph_rat b, ph_rat e) {
  ph_error err;
  ph_error_clear(&err);
  ph_haps h = ph_pat_query_span(p, t_arena, (ph_span){b, e}, &err);
  if (ph_error_is_set(&err)) fail_msg("query failed: %s", err.message);
  ph_haps_sort(&h);
  size_t size = 64 + h.count * 128, len = 0;
  char *buf = ph_arena_zalloc(t_arena, size);
  for (size_t i = 0; i < h.count; i++) {
    const ph_hap *x = &h.items[i];
    char t[4][48], v[64];
    ph_rat_format(t[0], 48, x->whole.begin);
    ph_rat_format(t[1], 48, x->whole.end);
    ph_rat_format(t[2], 48, x->part.begin);
    ph_rat_format(t[3], 48, x->part.end);
    ph_value_format(v, sizeof v, x->value);
    const char *sep = i ? "; " : "";
    if (!x->has_whole)
      len += (size_t)snprintf(buf + len, size - len, "%s~ %s %s %s", sep, t[2], t[3], v);
    else if (ph_span_eq(x->whole, x->part))
      len += (size_t)snprintf(buf + len, size - len, "%s%s %s %s", sep, t[0], t[1], v);
    else
      len += (size_t)snprintf(buf + len, size - len, "%s%s %s (%s %s) %s", sep, t[0], t[1], t[2], t[3], v);
  }
  return buf;
}

static bool number_token(const char *tok, size_t n, double *x) {
  char tmp[64];
  if (n == 0 || n >= sizeof tmp) return false;
  memcpy(tmp, tok, n);
  tmp[n] = '\0';
  char *end;
  *x = strtod(tmp, &end);
  return *end == '\0';
}

/* Token by token; tokens that are both plain numbers may differ by 1e-12 (relative). */
static bool near_equal(const char *got, const char *want) {
  while (*got || *want) {
    size_t ng = strcspn(got, " ;"), nw = strcspn(want, " ;");
    double x, y;
    if (number_token(got, ng, &x) && number_token(want, nw, &y)) {
      if (fabs(x - y) > 1e-12 * fmax(1, fabs(y))) return false;
    } else if (ng != nw || strncmp(got, want, ng) != 0) {
      return false;
    }
    got += ng;
    want += nw;
    size_t sg = strspn(got, " ;"), sw = strspn(want, " ;");
    if (sg != sw || strncmp(got, want, sg) != 0) return false;
    got += sg;
    want += sw;
  }
  return true;
}

static void assert_near(ph_pat *p, ph_rat b, ph_rat e, const char *want) {
  const char *got = describe_span(p, b, e);
  if (!near_equal(got, want)) fail_msg("\nexpected: %s\n     got: %s", want, got);
}

#define CYCLES(b, e) ph_rat_int(b), ph_rat_int(e)

/* ---------------------------------------------------------------- waveforms */

static void test_unipolar_waveforms(void **s) {
  /* sine.segment(4), cosine.segment(4)... over cycles 0-2 */
  assert_near(seg(4, sig("sine")), CYCLES(0, 2),
              "0 1/4 0.5; 1/4 1/2 1; 1/2 3/4 0.5000000000000001; 3/4 1 0; 1 5/4 0.4999999999999999; "
              "5/4 3/2 1; 3/2 7/4 0.5000000000000002; 7/4 2 0");
  assert_near(seg(4, sig("cosine")), CYCLES(0, 2),
              "0 1/4 1; 1/4 1/2 0.5000000000000001; 1/2 3/4 0; 3/4 1 0.4999999999999999; 1 5/4 1; "
              "5/4 3/2 0.5000000000000002; 3/2 7/4 0; 7/4 2 0.4999999999999998");
  assert_near(seg(4, sig("saw")), CYCLES(0, 2),
              "0 1/4 0; 1/4 1/2 0.25; 1/2 3/4 0.5; 3/4 1 0.75; 1 5/4 0; 5/4 3/2 0.25; 3/2 7/4 0.5; 7/4 2 0.75");
  assert_near(seg(4, sig("isaw")), CYCLES(0, 2),
              "0 1/4 1; 1/4 1/2 0.75; 1/2 3/4 0.5; 3/4 1 0.25; 1 5/4 1; 5/4 3/2 0.75; 3/2 7/4 0.5; 7/4 2 0.25");
  assert_near(seg(4, sig("tri")), CYCLES(0, 2),
              "0 1/4 0; 1/4 1/2 0.5; 1/2 3/4 1; 3/4 1 0.5; 1 5/4 0; 5/4 3/2 0.5; 3/2 7/4 1; 7/4 2 0.5");
  assert_near(seg(4, sig("itri")), CYCLES(0, 2),
              "0 1/4 1; 1/4 1/2 0.5; 1/2 3/4 0; 3/4 1 0.5; 1 5/4 1; 5/4 3/2 0.5; 3/2 7/4 0; 7/4 2 0.5");
  assert_near(seg(4, sig("square")), CYCLES(0, 2),
              "0 1/4 0; 1/4 1/2 0; 1/2 3/4 1; 3/4 1 1; 1 5/4 0; 5/4 3/2 0; 3/2 7/4 1; 7/4 2 1");
  assert_near(seg(4, sig("time")), CYCLES(0, 1), "0 1/4 0; 1/4 1/2 0.25; 1/2 3/4 0.5; 3/4 1 0.75");
}

static void test_bipolar_waveforms(void **s) {
  assert_near(seg(4, sig("sine2")), CYCLES(0, 1), "0 1/4 0; 1/4 1/2 1; 1/2 3/4 1.2246467991473532e-16; 3/4 1 -1");
  assert_near(seg(4, sig("cosine2")), CYCLES(0, 1),
              "0 1/4 1; 1/4 1/2 1.2246467991473532e-16; 1/2 3/4 -1; 3/4 1 -2.4492935982947064e-16");
  assert_near(seg(4, sig("saw2")), CYCLES(0, 1), "0 1/4 -1; 1/4 1/2 -0.5; 1/2 3/4 0; 3/4 1 0.5");
  assert_near(seg(4, sig("isaw2")), CYCLES(0, 1), "0 1/4 1; 1/4 1/2 0.5; 1/2 3/4 0; 3/4 1 -0.5");
  assert_near(seg(4, sig("tri2")), CYCLES(0, 1), "0 1/4 -1; 1/4 1/2 0; 1/2 3/4 1; 3/4 1 0");
  assert_near(seg(4, sig("itri2")), CYCLES(0, 1), "0 1/4 1; 1/4 1/2 0; 1/2 3/4 -1; 3/4 1 0");
  assert_near(seg(4, sig("square2")), CYCLES(0, 1), "0 1/4 -1; 1/4 1/2 -1; 1/2 3/4 1; 3/4 1 1");
}

static void test_signals_are_sampled_at_the_query_begin(void **s) {
  /* saw over [1/4, 3/4): one continuous event, the value at 1/4 */
  assert_near(sig("saw"), R(1, 4), R(3, 4), "~ 1/4 3/4 0.25");
  /* tri is a fastcat: its queries split at half cycles */
  assert_near(sig("tri"), R(1, 4), R(5, 4), "~ 1/4 1/2 0.5; ~ 1/2 1 1; ~ 1 5/4 0");
  assert_near(sig("cosine"), R(1, 4), R(3, 4), "~ 1/4 3/4 0.5000000000000001");
  /* Negative time: JavaScript's % keeps the sign */
  assert_near(seg(4, sig("saw")), CYCLES(-1, 0), "-1 -3/4 0; -3/4 -1/2 -0.75; -1/2 -1/4 -0.5; -1/4 0 -0.25");
  assert_near(seg(3, sig("sine")), CYCLES(-1, 0),
              "-1 -2/3 0.5000000000000001; -2/3 -1/3 0.9330127018922192; -1/3 0 0.06698729810778065");
}

/* ---------------------------------------------------------------- randomness */

static void test_rand_values(void **s) {
  /* rand.segment(8) */
  assert_near(seg(8, sig("rand")), CYCLES(0, 2),
              "0 1/8 0; 1/8 1/4 0.6852155700325966; 1/4 3/8 0.36975969187915325; 3/8 1/2 0.40139251574873924; "
              "1/2 5/8 0.2604806162416935; 5/8 3/4 0.1356358677148819; 3/4 7/8 0.19582648016512394; "
              "7/8 1 0.3976310808211565; 1 9/8 0.5195421651005745; 9/8 5/4 0.6724895145744085; "
              "5/4 11/8 0.7287282031029463; 11/8 3/2 0.18280375190079212; 3/2 13/8 0.6084080748260021; "
              "13/8 7/4 0.49675471149384975; 7/4 15/8 0.20473789609968662; 15/8 2 0.5945571791380644");
  assert_near(sig("rand"), R(1, 3), R(7, 3), "~ 1/3 7/3 0.336072051897645");
  assert_near(seg(4, sig("rand2")), CYCLES(0, 1),
              "0 1/4 -1; 1/4 1/2 -0.2604806162416935; 1/2 3/4 -0.479038767516613; 3/4 1 -0.6083470396697521");
  assert_near(seg(8, sig("brand")), CYCLES(0, 1),
              "0 1/8 true; 1/8 1/4 false; 1/4 3/8 true; 3/8 1/2 true; 1/2 5/8 true; 5/8 3/4 true; "
              "3/4 7/8 true; 7/8 1 true");
}

static void test_noise(void **s) {
  assert_near(seg(4, sig("perlin")), CYCLES(0, 2),
              "0 1/4 0; 1/4 1/2 0.05378073193423916; 1/2 3/4 0.25977108255028725; 3/4 1 0.46576143316633534; "
              "1 5/4 0.5195421651005745; 5/4 3/2 0.5650874826969812; 3/2 7/4 0.739534642547369; "
              "7/4 2 0.9139818023977568");
  assert_near(seg(2, sig("perlin")), CYCLES(-2, 0),
              "-2 -3/2 0.9594354815781116; -3/2 -1 0.7399618364870548; -1 -1/2 0.520488191395998; "
              "-1/2 0 0.260244095697999");
  assert_near(seg(4, sig("berlin")), CYCLES(0, 2),
              "0 1/4 0; 1/4 1/2 0.06494277063757181; 1/2 3/4 0.12988554127514362; 3/4 1 0.19482831191271544; "
              "1 5/4 0.25977108255028725; 5/4 3/2 0.3797119725495577; 3/2 7/4 0.4996528625488281; "
              "7/4 2 0.6195937525480986");
}

static void test_patterned_generators(void **s) {
  /* irand(8).segment(4) */
  assert_near(seg(4, ph_irand(t_arena, N(8))), CYCLES(0, 2),
              "0 1/4 0; 1/4 1/2 2; 1/2 3/4 2; 3/4 1 1; 1 5/4 4; 5/4 3/2 5; 3/2 7/4 4; 7/4 2 1");
  /* irand("<4 100>").segment(4) */
  assert_near(seg(4, ph_irand(t_arena, alt2(N(4), N(100)))), CYCLES(0, 2),
              "0 1/4 0; 1/4 1/2 1; 1/2 3/4 1; 3/4 1 0; 1 5/4 51; 5/4 3/2 72; 3/2 7/4 60; 7/4 2 20");
  /* irand(8) is joined with pure(8): a continuous query splits at cycles */
  assert_near(ph_irand(t_arena, N(8)), R(1, 2), R(3, 2), "~ 1/2 1 2; ~ 1 3/2 4");
  /* brandBy(0.3).segment(8) */
  assert_near(seg(8, ph_brand_by(t_arena, N(0.3))), CYCLES(0, 2),
              "0 1/8 true; 1/8 1/4 false; 1/4 3/8 false; 3/8 1/2 false; 1/2 5/8 true; 5/8 3/4 true; "
              "3/4 7/8 true; 7/8 1 false; 1 9/8 false; 9/8 5/4 false; 5/4 11/8 false; 11/8 3/2 true; "
              "3/2 13/8 false; 13/8 7/4 false; 7/4 15/8 true; 15/8 2 false");
  ph_error err;
  ph_error_clear(&err);
  /* run(4), run("<2 4>") */
  assert_near(ph_run(t_arena, N(4), &err), CYCLES(0, 2),
              "0 1/4 0; 1/4 1/2 1; 1/2 3/4 2; 3/4 1 3; 1 5/4 0; 5/4 3/2 1; 3/2 7/4 2; 7/4 2 3");
  assert_near(ph_run(t_arena, alt2(N(2), N(4)), &err), CYCLES(0, 2),
              "0 1/2 0; 1/2 1 1; 1 5/4 0; 5/4 3/2 1; 3/2 7/4 2; 7/4 2 3");
  /* randrun(5) */
  assert_near(ph_randrun(t_arena, 5), CYCLES(0, 3),
              "0 1/5 2; 1/5 2/5 1; 2/5 3/5 3; 3/5 4/5 0; 4/5 1 4; 1 6/5 2; 6/5 7/5 0; 7/5 8/5 3; 8/5 9/5 4; "
              "9/5 2 1; 2 11/5 1; 11/5 12/5 0; 12/5 13/5 4; 13/5 14/5 2; 14/5 3 3");
  assert_near(ph_randrun(t_arena, 0), CYCLES(0, 3), "");
  /* Fragments, negative cycles and zero-width queries, as randrun(5) and randrun(3) */
  assert_near(ph_randrun(t_arena, 5), R(1, 3), R(7, 3),
              "1/5 2/5 (1/3 2/5) 1; 2/5 3/5 3; 3/5 4/5 0; 4/5 1 4; 1 6/5 2; 6/5 7/5 0; 7/5 8/5 3; 8/5 9/5 4; "
              "9/5 2 1; 2 11/5 1; 11/5 12/5 (11/5 7/3) 0");
  assert_near(ph_randrun(t_arena, 5), CYCLES(-2, 0),
              "-2 -9/5 0; -9/5 -8/5 2; -8/5 -7/5 3; -7/5 -6/5 1; -6/5 -1 4; -1 -4/5 1; -4/5 -3/5 2; "
              "-3/5 -2/5 0; -2/5 -1/5 3; -1/5 0 4");
  assert_near(ph_randrun(t_arena, 5), R(2, 5), R(2, 5), "2/5 3/5 (2/5 2/5) 3");
  assert_near(ph_randrun(t_arena, 3), R(7, 10), R(7, 10), "2/3 1 (7/10 7/10) 0");
}

/* ---------------------------------------------------------------- choices */

static void test_choose(void **s) {
  ph_pat *abc[] = {S("a"), S("b"), S("c")};
  /* choose("a","b","c").segment(4) */
  assert_near(seg(4, ph_choose(t_arena, abc, 3)), CYCLES(0, 2),
              "0 1/4 a; 1/4 1/2 b; 1/2 3/4 a; 3/4 1 a; 1 5/4 b; 5/4 3/2 c; 3/2 7/4 b; 7/4 2 a");
  ph_pat *a_bc[] = {S("a"), seq2(S("b"), S("c"))};
  /* choose("a", "b c") over [1/2, 5/2): rand at 1/2 picks for the whole query */
  assert_near(ph_choose(t_arena, a_bc, 2), R(1, 2), R(5, 2), "~ 1/2 1 a; ~ 1 2 a; ~ 2 5/2 a");
  /* chooseIn("a", "b c").segment(4) */
  assert_near(seg(4, ph_choose_in(t_arena, a_bc, 2)), CYCLES(0, 2),
              "0 1/4 a; 1/4 1/2 a; 1/2 3/4 a; 3/4 1 a; 1 5/4 b; 5/4 3/2 b; 3/2 7/4 c; 7/4 2 a");
  ph_pat *a_bc_d[] = {S("a"), seq2(S("b"), S("c")), S("d")};
  /* chooseCycles("a", "b c", "d") */
  assert_near(ph_choose_cycles(t_arena, a_bc_d, 3), CYCLES(0, 6),
              "0 1 a; 1 3/2 b; 3/2 2 c; 2 3 d; 3 4 a; 4 5 a; 5 6 a");
  assert_near(ph_choose_cycles(t_arena, a_bc_d, 0), CYCLES(0, 6), "");
}

static void test_wchoose(void **s) {
  ph_pat *a_bc[] = {S("a"), seq2(S("b"), S("c"))};
  double w12[] = {1, 2};
  /* wchooseCycles(["a", 1], ["b c", 2]) */
  assert_near(ph_wchoose_cycles(t_arena, a_bc, w12, 2), CYCLES(0, 6),
              "0 1 a; 1 3/2 b; 3/2 2 c; 2 5/2 b; 5/2 3 c; 3 4 a; 4 5 a; 5 6 a");
  ph_pat *ab[] = {S("a"), S("b")};
  double w11[] = {1, 1};
  /* wchoose(["a", 1], ["b", 1]) over [1/2, 5/2) */
  assert_near(ph_wchoose(t_arena, ab, w11, 2), R(1, 2), R(5, 2), "~ 1/2 1 a; ~ 1 2 a; ~ 2 5/2 a");
  /* Weights decide the share: with 3 to 1, about three quarters are a. */
  double w31[] = {3, 1};
  ph_haps h = Q(seg(8, ph_wchoose(t_arena, ab, w31, 2)), 0, 100);
  int as = 0;
  for (size_t i = 0; i < h.count; i++) as += strcmp(h.items[i].value.as.str, "a") == 0;
  assert_int_equal(h.count, 800);
  assert_true(as > 540 && as < 660);
  /* A zero weight is never chosen. */
  double w10[] = {1, 0};
  h = Q(seg(8, ph_wchoose(t_arena, ab, w10, 2)), 0, 20);
  for (size_t i = 0; i < h.count; i++) assert_string_equal(h.items[i].value.as.str, "a");
}

static void test_catalog_lists_the_signals(void **s) {
  const char *names[] = {"sine", "cosine", "saw", "isaw", "tri", "itri", "square", "rand", "perlin",
                         "sine2", "cosine2", "saw2", "isaw2", "tri2", "itri2", "square2", "rand2",
                         "brand", "berlin", "time"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    const ph_signal_def *d = ph_signal_find(names[i]);
    assert_non_null(d);
    assert_non_null(d->make(t_arena));
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_unipolar_waveforms, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_bipolar_waveforms, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_signals_are_sampled_at_the_query_begin, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_rand_values, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_noise, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_patterned_generators, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_choose, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_wchoose, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_catalog_lists_the_signals, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
