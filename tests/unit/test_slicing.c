/* slice, splice, loopAt, fit and hurry, heard: which part of a sample sounds when, at what
 * pitch and for how long. The sample "steps" is four quarters of a second at four pitches, so
 * the pitch heard tells the part played and the rate it plays at. Strudel's exact events are
 * checked by tests/conformance/local/slicing; here are what those events sound like, and the
 * failures the conformance format cannot show. */
#include <math.h>
#include <string.h>

#include "graph/song.h"
#include "measure.h"
#include "support.h"
#include "voice/sampler.h"

#define RATE 48000
#define TWO_PI 6.283185307179586

static const double part_hz[4] = {300.0, 500.0, 700.0, 900.0};
static ph_bank *bank;

static ph_sample *steps_sample(void) {
  ph_sample *s = ph_sample_create("steps", RATE, 1, RATE);
  for (size_t i = 0; i < RATE; i++) s->data[i] = (float)(0.5 * sin(TWO_PI * part_hz[i / (RATE / 4)] * (double)i / RATE));
  return s;
}

static int setup(void **st) {
  bank = ph_bank_create(RATE);
  ph_bank_add(bank, "steps", steps_sample());
  return t_setup(st);
}

static int teardown(void **st) {
  ph_bank_destroy(bank);
  return t_teardown(st);
}

static float *render(const char *program, int frames) { return t_play(program, RATE, frames, bank, NULL); }

/* The pitch heard in [from, to) seconds, leaving out 20 ms at each end (onsets, joins). */
static double pitch_between(const float *x, double from, double to) {
  int b = (int)((from + 0.02) * RATE), e = (int)((to - 0.02) * RATE);
  return measure_peak_hz(x + b, e - b, RATE);
}

static double rms_between(const float *x, double from, double to) {
  int b = (int)(from * RATE), e = (int)(to * RATE);
  return measure_rms(x + b, e - b);
}

static void assert_pitch(const float *x, double from, double to, double hz) {
  double got = pitch_between(x, from, to);
  if (!(fabs(got - hz) < 0.02 * hz)) fail_msg("%.3f..%.3f s: %.1f Hz heard, %.1f Hz expected", from, to, got, hz);
}

static void assert_silent(const float *x, double from, double to) {
  double level = rms_between(x, from, to);
  if (!(level < 1e-4)) fail_msg("%.3f..%.3f s: sounds (rms %g), expected silence", from, to, level);
}

/* ---------------------------------------------------------------- slice */

static void test_slice_plays_the_parts_the_indices_name(void **st) {
  float *x = render("cps: 1\nout $ slice 4 \"3 0 2 1\" $ s \"steps\"\n", RATE);
  const int order[4] = {3, 0, 2, 1};
  for (int k = 0; k < 4; k++) assert_pitch(x, k * 0.25, (k + 1) * 0.25, part_hz[order[k]]);
  test_free(x);
  /* a rest plays nothing; each part keeps its own length (the event does not stretch it) */
  x = render("cps: 0.5\nout $ slice 4 \"~ 2\" $ s \"steps\"\n", RATE * 2);
  assert_silent(x, 0.0, 1.0);
  assert_pitch(x, 1.0, 1.25, part_hz[2]);
  assert_silent(x, 1.27, 2.0);
  test_free(x);
}

/* The number of parts is a pattern too: a quarter in cycle 0, a half in cycle 1. */
static void test_slice_count_is_a_pattern(void **st) {
  float *x = render("cps: 1\nout $ slice \"<4 2>\" \"1\" $ s \"steps\"\n", RATE * 2);
  assert_pitch(x, 0.0, 0.25, part_hz[1]);
  assert_silent(x, 0.27, 1.0);
  assert_pitch(x, 1.0, 1.25, part_hz[2]);
  assert_pitch(x, 1.25, 1.5, part_hz[3]);
  assert_silent(x, 1.52, 2.0);
  test_free(x);
}

/* ---------------------------------------------------------------- loopAt, fit, hurry */

/* loopAt 2: the sample spans two cycles whatever the tempo, then starts again; an octave
 * down at 1 cycle per second, at its own pitch at 2. */
static void test_loop_at_spans_n_cycles(void **st) {
  for (int c = 1; c <= 2; c++) {
    char program[96];
    snprintf(program, sizeof program, "cps: %d\nout $ loopAt 2 $ s \"steps\"\n", c);
    double cycle = 1.0 / c, rate = 0.5 * c;
    float *x = render(program, (int)(RATE * 2.5 * cycle));
    for (int k = 0; k < 5; k++) assert_pitch(x, k * cycle / 2, (k + 1) * cycle / 2, part_hz[k % 4] * rate);
    test_free(x);
  }
  /* the sample's own speed is replaced, as Strudel's loopAt sets it */
  float *x = render("cps: 1\nout $ loopAt 2 $ (s \"steps\" # speed 3)\n", RATE);
  assert_pitch(x, 0.0, 0.5, part_hz[0] / 2);
  test_free(x);
}

/* fit: each event plays the whole sample: a cycle of 2 s stretches the 1 s sample to fill it. */
static void test_fit_fills_the_event(void **st) {
  float *x = render("cps: 0.5\nout $ fit $ s \"steps\"\n", RATE * 2);
  for (int k = 0; k < 4; k++) assert_pitch(x, k * 0.5, (k + 1) * 0.5, part_hz[k] / 2);
  test_free(x);
  x = render("cps: 1\nout $ fit $ s \"steps*2\"\n", RATE);
  for (int k = 0; k < 8; k++) assert_pitch(x, k * 0.125, (k + 1) * 0.125, part_hz[k % 4] * 2);
  test_free(x);
}

/* hurry 2: twice the events, each an octave up and half as long. */
static void test_hurry_speeds_events_and_samples(void **st) {
  float *x = render("cps: 0.5\nout $ hurry 2 $ s \"steps\"\n", RATE * 2);
  for (int half = 0; half < 2; half++) {
    for (int k = 0; k < 4; k++) assert_pitch(x, half + k * 0.125, half + (k + 1) * 0.125, part_hz[k] * 2);
    assert_silent(x, half + 0.52, half + 1.0);
  }
  test_free(x);
  /* patterned: cycle 0 at its own pitch, cycle 1 an octave up */
  x = render("cps: 1\nout $ hurry \"<1 2>\" $ s \"steps\"\n", RATE * 2);
  assert_pitch(x, 0.0, 0.25, part_hz[0]);
  assert_pitch(x, 0.75, 1.0, part_hz[3]);
  assert_pitch(x, 1.0, 1.125, part_hz[0] * 2);
  assert_pitch(x, 1.5, 1.625, part_hz[0] * 2);
  test_free(x);
}

/* ---------------------------------------------------------------- parts stretched with unit "c" */

/* Whether the sampler plays unit "c" as SuperDirt and Strudel do: the whole sample in 1/speed
 * cycles, so that part of it (begin, end) lasts its share of that. */
static bool unit_c_times_whole_samples(void) {
  float *x = render("cps: 1\nout $ s \"steps\" # begin 0.5 # speed 1 # unit \"c\"\n", RATE);
  double hz = pitch_between(x, 0.0, 0.25);
  test_free(x);
  return fabs(hz - part_hz[2]) < 0.02 * part_hz[2];
}

/* splice 4 "0 [1 2] 3": each part lasts its event: a third of a second (0.75 times the
 * rate), a sixth (1.5 times), a sixth, a third. */
static void test_splice_parts_fill_their_events(void **st) {
  if (!unit_c_times_whole_samples()) {
    print_message("skipped: the sampler times a part of a sample, not the whole, with unit \"c\"\n");
    skip();
  }
  float *x = render("cps: 1\nout $ splice 4 \"0 [1 2] 3\" $ s \"steps\"\n", RATE);
  assert_pitch(x, 0.0, 1 / 3.0, part_hz[0] * 0.75);
  assert_pitch(x, 1 / 3.0, 0.5, part_hz[1] * 1.5);
  assert_pitch(x, 0.5, 2 / 3.0, part_hz[2] * 1.5);
  assert_pitch(x, 2 / 3.0, 1.0, part_hz[3] * 0.75);
  test_free(x);
  /* loopAt 2 $ chop 4: the quarters in turn over two cycles, an octave down */
  x = render("cps: 1\nout $ loopAt 2 $ chop 4 $ s \"steps\"\n", RATE * 2);
  for (int k = 0; k < 4; k++) assert_pitch(x, k * 0.5, (k + 1) * 0.5, part_hz[k] / 2);
  test_free(x);
  /* fit $ chop 2: each half of the sample fills its half cycle of 2 s */
  x = render("cps: 0.25\nout $ fit $ chop 2 $ s \"steps\"\n", RATE * 4);
  for (int k = 0; k < 4; k++) assert_pitch(x, k, k + 1.0, part_hz[k] / 4);
  test_free(x);
}

/* ---------------------------------------------------------------- failures */

static const char *query_error(ph_pat *p, char *buf, size_t size) {
  ph_error err;
  ph_error_clear(&err);
  ph_pat_query_span(p, t_arena, (ph_span){ph_rat_int(0), ph_rat_int(1)}, &err);
  snprintf(buf, size, "%s", ph_error_is_set(&err) ? err.message : "");
  return buf;
}

/* Where Strudel's query throws, Phonon's fails, saying why. */
static void test_failures_say_why(void **st) {
  char buf[256];
  /* fit needs control maps */
  assert_non_null(strstr(query_error(T("fit", M("a b"), 0), buf, sizeof buf), "fit stretches control values"));
  /* splice and fit need wholes: a continuous pattern has none */
  ph_pat *sine = ph_signal_find("sine")->make(t_arena);
  assert_non_null(strstr(query_error(T("splice", M("a"), 2, N(4), sine), buf, sizeof buf), "needs events with a whole"));
  /* loopAt 0 divides the steps by zero, as in Strudel */
  const ph_transform_def *loop_at = ph_transform_find("loopAt");
  ph_pat *zero = N(0);
  ph_error err;
  ph_error_clear(&err);
  assert_null(loop_at->apply(t_arena, &zero, M("a b"), &err));
  assert_non_null(strstr(err.message, "divided by zero"));
  /* slice keeps the indices' steps, loopAt divides the source's */
  assert_true(ph_rat_eq(T("slice", M("a"), 2, N(4), M("0 1 2"))->steps, ph_rat_int(3)));
  assert_true(ph_rat_eq(T("loopAt", M("a b c d"), 1, N(2))->steps, ph_rat_int(2)));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_slice_plays_the_parts_the_indices_name),
      cmocka_unit_test(test_slice_count_is_a_pattern),
      cmocka_unit_test(test_loop_at_spans_n_cycles),
      cmocka_unit_test(test_fit_fills_the_event),
      cmocka_unit_test(test_hurry_speeds_events_and_samples),
      cmocka_unit_test(test_splice_parts_fill_their_events),
      cmocka_unit_test(test_failures_say_why),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
