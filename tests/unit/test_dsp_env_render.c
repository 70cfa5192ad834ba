/* Envelopes through the language: a trigger pattern strikes `ad` on the exact samples of its
 * onsets, and a gate pattern opens and closes `asr` with its events. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/song.h"
#include "support.h"

#define RATE 48000

/* The left channel of `frames` samples of a program; fails the test on a compile error. */
static float *render(const char *program, int frames) {
  ph_song song;
  ph_error err = {0};
  ph_song_options opt = {RATE, 0};
  if (!ph_song_compile(&song, program, "test.ph", &opt, &err)) {
    ph_song_destroy(&song);
    fail_msg("compile: %d:%d: %s", err.line, err.column, err.message);
  }
  float *both = test_malloc(sizeof(float) * 2 * (size_t)frames), *left = test_malloc(sizeof(float) * (size_t)frames);
  for (int done = 0; done < frames;) {
    int n = frames - done < song.block ? frames - done : song.block;
    ph_song_process(&song, both + 2 * done, n);
    done += n;
  }
  ph_song_destroy(&song);
  for (int i = 0; i < frames; i++) left[i] = both[2 * i];
  test_free(both);
  return left;
}

/* The envelope alone: its onsets are where it leaves 0. */
static void test_ad_strikes_on_the_onset_samples(void **st) {
  float *y = render("cps: 1\nout $ ad \"x*4\" 0.001 0.1\n", RATE);
  int found = 0, onsets[8];
  for (int i = 0; i < RATE && found < 8; i++)
    if (y[i] > 1e-6f && (i == 0 || y[i - 1] <= 1e-6f)) onsets[found++] = i;
  assert_int_equal(found, 4);
  for (int k = 0; k < 4; k++) assert_int_equal(onsets[k], k * 12000);
  /* peak after the 1 ms attack, silent again 100 ms later */
  assert_float_equal(y[47], 1.0, 1e-3);
  assert_float_equal(y[12047], 1.0, 1e-3);
  assert_true(y[48 + 4800 + 10] == 0.0f);
  test_free(y);
}

/* Multiplying a sine: the first audible sample after each silence is the onset. */
static void test_sine_times_ad_onsets(void **st) {
  float *y = render("cps: 1\nout $ sine 440 * ad \"x*4\" 0.001 0.1\n", RATE);
  for (int k = 0; k < 4; k++) {
    int t = k * 12000;
    for (int i = t - 100; i < t; i++)
      if (i >= 0 && fabsf(y[i]) > 1e-6f) fail_msg("sound at %d, before the onset at %d", i, t);
    float peak = 0.0f;
    for (int i = t; i < t + 200; i++) peak = fmaxf(peak, fabsf(y[i]));
    assert_true(peak > 0.5f);
    /* within the first samples it is already sounding (the sine starts at phase 0) */
    float early = 0.0f;
    for (int i = t; i < t + 10; i++) early = fmaxf(early, fabsf(y[i]));
    assert_true(early > 1e-4f);
  }
  test_free(y);
}

static void test_asr_gate_pattern_is_silent_in_the_second_half(void **st) {
  float *y = render("cps: 1\nout $ sine 440 * asr \"t ~\" 0.01 0.01\n", RATE);
  double first = 0.0, second = 0.0;
  for (int i = 0; i < RATE / 2; i++) first = fmax(first, fabs(y[i]));
  /* the release takes 10 ms after the gate closes at 24000 */
  for (int i = RATE / 2 + 480 + 1; i < RATE; i++) second = fmax(second, fabs(y[i]));
  assert_true(first > 0.5);
  assert_true(second == 0.0);
  assert_true(fabs(y[RATE / 2 - 200]) + fabs(y[RATE / 2 - 150]) > 0.0); /* still sounding just before */
  test_free(y);
}

/* gate and trig as units: a pattern's true events as 0/1 over their length, or one-sample
 * pulses at their onsets. */
static void test_gate_and_trig_patterns(void **st) {
  float *g = render("cps: 1\nout $ gate \"t ~ t t\"\n", RATE);
  for (int i = 0; i < RATE; i++) {
    float want = (i < 12000 || i >= 24000) ? 1.0f : 0.0f;
    if (g[i] != want) fail_msg("gate at %d: %g, expected %g", i, g[i], want);
  }
  test_free(g);
  float *t = render("cps: 1\nout $ trig \"t ~ t t\"\n", RATE);
  for (int i = 0; i < RATE; i++) {
    float want = (i == 0 || i == 24000 || i == 36000) ? 1.0f : 0.0f;
    if (t[i] != want) fail_msg("trig at %d: %g, expected %g", i, t[i], want);
  }
  test_free(t);
}

/* tar and tadsr strike on the onsets of true events; adsr follows a gate pattern. */
static void test_tar_tadsr_adsr_patterns(void **st) {
  float *y = render("cps: 1\nout $ tar \"~ t\" 0.001 0.01\n", RATE);
  assert_true(y[23999] == 0.0f && y[24000] > 0.0f);
  assert_float_equal(y[24047], 1.0, 1e-3);
  assert_true(y[24000 + 48 + 480 + 1] == 0.0f);
  test_free(y);
  y = render("cps: 1\nout $ tadsr \"t\" 0.001 0.01 0.5 0.01\n", RATE);
  assert_float_equal(y[47], 1.0, 1e-3);
  assert_float_equal(y[47 + 480], 0.5, 1e-3);
  assert_true(y[47 + 480 + 480 + 1] == 0.0f);
  test_free(y);
  y = render("cps: 1\nout $ adsr \"t ~\" 0.001 0.01 0.5 0.01\n", RATE);
  assert_float_equal(y[20000], 0.5, 1e-3);
  assert_true(y[24000 + 480 + 1] == 0.0f);
  test_free(y);
}

/* gain after '#' multiplies, and chorus and rlpf chain. */
static void test_gain_chorus_rlpf_chain(void **st) {
  float *a = render("cps: 1\nout $ sine 440 * 0.5\n", 4800);
  float *b = render("cps: 1\nout $ sine 440 # gain 0.5\n", 4800);
  for (int i = 0; i < 4800; i++) assert_float_equal(a[i], b[i], 1e-6);
  test_free(b);
  b = render("cps: 1\nout $ sine 440 * 0.5 # chorus 1 0.5 :mix 0\n", 4800);
  for (int i = 0; i < 4800; i++) assert_float_equal(a[i], b[i], 1e-6);
  test_free(b);
  b = render("cps: 1\nout $ sine 440 * 0.5 # rlpf 20000 0\n", 4800);
  double d = 0.0;
  for (int i = 480; i < 4800; i++) d = fmax(d, fabs(a[i] - b[i]));
  assert_true(d < 0.01);
  test_free(b);
  test_free(a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ad_strikes_on_the_onset_samples),
      cmocka_unit_test(test_sine_times_ad_onsets),
      cmocka_unit_test(test_asr_gate_pattern_is_silent_in_the_second_half),
      cmocka_unit_test(test_gate_and_trig_patterns),
      cmocka_unit_test(test_tar_tadsr_adsr_patterns),
      cmocka_unit_test(test_gain_chorus_rlpf_chain),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
