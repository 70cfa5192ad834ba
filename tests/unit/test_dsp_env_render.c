/* Envelopes through the language: a trigger pattern strikes `tar` on the exact samples of its
 * onsets, a gate pattern opens and closes `asr` with its events, and the per-cycle envelopes
 * (ad, adsr, line) restart on the sample each cycle begins. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/song.h"
#include "support.h"

#define RATE 48000

/* The envelopes' own values, as the graph computes them: a second of an envelope on `out` is a
 * steady offset that the output's DC guard would take out. */
static float *render(const char *program, int frames) { return t_signal(program, RATE, frames); }

/* The samples where y leaves 0, at most max of them. */
static int onsets(const float *y, int frames, int *at, int max) {
  int found = 0;
  for (int i = 0; i < frames && found < max; i++)
    if (y[i] > 1e-6f && (i == 0 || y[i - 1] <= 1e-6f)) at[found++] = i;
  return found;
}

/* The envelope alone: its onsets are where it leaves 0. */
static void test_ad_strikes_on_the_onset_samples(void **st) {
  float *y = render("cps: 1\nout $ tar \"x*4\" 0.001 0.1\n", RATE);
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
  float *y = render("cps: 1\nout $ sine 440 * tar \"x*4\" 0.001 0.1\n", RATE);
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
    /* touching events (the last two, and the last with the next cycle's first): the gate
     * drops for the one sample before the later one */
    float want = (i < 12000 || i >= 24000) && i != 35999 && i != 47999 ? 1.0f : 0.0f;
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

/* tar and tadsr strike on the onsets of true events; env follows a gate pattern. */
static void test_tar_tadsr_env_patterns(void **st) {
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
  /* the trigger pattern may come through a bus */
  int at[8];
  y = render("cps: 1\n~g $ \"x ~ x x\"\nout $ tar ~g 0.001 0.01\n", RATE);
  assert_int_equal(onsets(y, RATE, at, 8), 3);
  assert_true(at[0] == 0 && at[1] == 24000 && at[2] == 36000);
  test_free(y);
  y = render("cps: 1\nout $ env 0.001 0.01 0.5 0.01 :gate \"t ~\"\n", RATE);
  assert_float_equal(y[20000], 0.5, 1e-3);
  assert_true(y[24000 + 480 + 1] == 0.0f);
  test_free(y);
}

/* At 11/20 cycles per second a cycle lasts 87272.73 samples: cycle k begins on the sample
 * nearest k·87272.73, wherever the blocks fall. */
static void test_ad_restarts_on_each_cycle_sample(void **st) {
  int frames = 5 * RATE, at[16];
  float *y = render("cps: 0.55\nout $ ad 0.001 0.1\n", frames);
  assert_int_equal(onsets(y, frames, at, 16), 3);
  for (int k = 0; k < 3; k++) assert_int_equal(at[k], (int)floor(k * RATE / 0.55 + 0.5));
  assert_float_equal(y[at[1] + 47], 1.0, 1e-3);
  assert_true(y[at[1] + 48 + 4800 + 2] == 0.0f);
  test_free(y);
  /* after '#' it multiplies: silence before each cycle's onset, sound right after */
  y = render("cps: 4\nout $ sine 440 # ad 0.001 0.01\n", RATE);
  for (int k = 1; k < 4; k++) {
    int t = k * 12000;
    assert_true(fabsf(y[t - 1]) < 1e-6f);
    float peak = 0.0f;
    for (int i = t; i < t + 200; i++) peak = fmaxf(peak, fabsf(y[i]));
    assert_true(peak > 0.5f);
  }
  test_free(y);
}

static void test_adsr_releases_to_end_with_the_cycle(void **st) {
  float *y = render("cps: 1\nout $ adsr 0.001 0.01 0.5 0.1\n", 2 * RATE);
  assert_float_equal(y[20000], 0.5, 1e-3);
  /* 0.1 s of release ends at the cycle's last sample: starts 4800 samples before */
  assert_float_equal(y[RATE - 4800 - 10], 0.5, 1e-3);
  assert_float_equal(y[RATE - 2400], 0.25, 2e-3);
  assert_true(y[RATE - 1] < 1e-3f);
  /* the next cycle attacks from there */
  assert_true(y[RATE] > y[RATE - 1]);
  assert_float_equal(y[RATE + 47], 1.0, 1e-3);
  test_free(y);
}

static void test_line_ramps_every_cycle(void **st) {
  float *y = render("cps: 2\nout $ line 100 200 * 0.001\n", RATE);
  for (int k = 0; k < 2; k++) {
    assert_float_equal(y[k * 24000], 0.1, 1e-6);
    assert_float_equal(y[k * 24000 + 12000], 0.15, 1e-5);
    assert_float_equal(y[k * 24000 + 23999], 0.2, 1e-5);
  }
  test_free(y);
}

/* "x*4" is four events end to end: each opens the gate anew. */
static void test_env_trig_strikes_back_to_back_events(void **st) {
  int at[8];
  float *y = render("cps: 1\nout $ env_trig \"x*4\" 0.001 0.01\n", RATE);
  assert_int_equal(onsets(y, RATE, at, 8), 4);
  for (int k = 0; k < 4; k++) assert_int_equal(at[k], k * 12000);
  assert_float_equal(y[12047], 1.0, 1e-3);
  test_free(y);
  /* as an effect it multiplies */
  y = render("cps: 1\nout $ sine 440 # env_trig \"~ x\" 0.001 0.01\n", RATE);
  for (int i = 0; i < 24000; i++) assert_true(y[i] == 0.0f);
  float peak = 0.0f;
  for (int i = 24000; i < 24500; i++) peak = fmaxf(peak, fabsf(y[i]));
  assert_true(peak > 0.5f);
  test_free(y);
}

static void test_segments_from_strings(void **st) {
  float *y = render("cps: 1\nout $ segments \"0 1 0.5\" \"0.01 0.02\"\n", RATE);
  assert_float_equal(y[240], 0.5, 1e-3);
  assert_float_equal(y[480], 1.0, 1e-3);
  assert_float_equal(y[480 + 480], 0.75, 1e-3);
  assert_float_equal(y[RATE - 1], 0.5, 1e-6);
  test_free(y);
  /* restarted by a trigger pattern */
  y = render("cps: 1\nout $ segments \"0 1 0\" \"0.01 0.01\" :trig \"~ x\"\n", RATE);
  assert_float_equal(y[24000 + 480], 1.0, 1e-3);
  assert_float_equal(y[24000 + 240], 0.5, 1e-3);
  test_free(y);
}

static void test_select_and_timer(void **st) {
  float *y = render("cps: 1\nout $ select \"0 1 2 3\" 0.1 0.2 0.3\n", RATE);
  assert_float_equal(y[100], 0.1, 1e-6);
  assert_float_equal(y[12100], 0.2, 1e-6);
  assert_float_equal(y[24100], 0.3, 1e-6);
  assert_float_equal(y[36100], 0.1, 1e-6); /* 3 wraps to 0 */
  test_free(y);
  y = render("cps: 1\nout $ timer \"x*2\"\n", RATE);
  assert_float_equal(y[23999], 23999.0 / RATE, 1e-4);
  assert_true(y[24000] == 0.0f);
  assert_float_equal(y[36000], 0.25, 1e-4);
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
      cmocka_unit_test(test_tar_tadsr_env_patterns),
      cmocka_unit_test(test_ad_restarts_on_each_cycle_sample),
      cmocka_unit_test(test_adsr_releases_to_end_with_the_cycle),
      cmocka_unit_test(test_line_ramps_every_cycle),
      cmocka_unit_test(test_env_trig_strikes_back_to_back_events),
      cmocka_unit_test(test_segments_from_strings),
      cmocka_unit_test(test_select_and_timer),
      cmocka_unit_test(test_gain_chorus_rlpf_chain),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
