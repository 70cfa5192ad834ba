/* The envelopes and ramps: ad, tar, adsr, tadsr, env, env_trig, asr/ar, gate, trig, segments,
 * line, xline, curve, timer, the followers.
 * Onsets at the exact sample of a trigger, segment lengths to the sample, sustain, release
 * from wherever the level is, retrigger without a jump, no NaN from bad times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dsp_measure.h"

enum { N = 48000 };

/* A buffer of N zeros with a 1 at each of the given samples (a list ending in -1). */
static float *pulses(const int *at) {
  float *x = calloc(N, sizeof(float));
  for (; *at >= 0; at++) x[*at] = 1.0f;
  return x;
}

/* A buffer of N samples, 1 on [from, to), 0 elsewhere. */
static float *held(int from, int to) {
  float *x = calloc(N, sizeof(float));
  for (int i = from; i < to; i++) x[i] = 1.0f;
  return x;
}

/* The first sample at or after `from` where y equals v (within tol), or -1. */
static int first_at(const float *y, int from, float v, float tol) {
  for (int i = from; i < N; i++)
    if (fabsf(y[i] - v) <= tol) return i;
  return -1;
}

/* The largest step between neighbouring samples in [from, to). */
static float biggest_step(const float *y, int from, int to) {
  float m = 0.0f;
  for (int i = from + 1; i < to; i++) m = fmaxf(m, fabsf(y[i] - y[i - 1]));
  return m;
}

static void test_tar_rises_at_the_trigger_sample(void **st) {
  /* 1 ms attack = 48 samples, 10 ms decay = 480 samples */
  float *trig = pulses((const int[]){1000, 13000, 30000, -1});
  t_param p[3] = {{trig, 0}, {NULL, 0.001f}, {NULL, 0.01f}};
  float *y = t_render("tar", p, N);
  const int onsets[] = {1000, 13000, 30000};
  for (int k = 0; k < 3; k++) {
    int t = onsets[k];
    assert_true(y[t - 1] == 0.0f);
    assert_float_equal(y[t], 1.0 / 48, 1e-6);
    int peak = first_at(y, t, 1.0f, 1e-6f);
    assert_int_equal(peak, t + 47); /* the 48th sample of the attack reaches 1 */
    int end = first_at(y, peak, 0.0f, 0.0f);
    if (end < peak + 480 || end > peak + 481) fail_msg("decay ends %d samples after the peak, expected 480", end - peak);
    assert_float_equal(y[peak + 240], 0.5, 1.0 / 480);
  }
  assert_true(biggest_step(y, 0, N) <= 1.0f / 48 + 1e-6f);
  free(y);
  free(trig);
}

static void test_retrigger_starts_from_the_current_level(void **st) {
  float *trig = pulses((const int[]){0, 300, -1});
  t_param p[3] = {{trig, 0}, {NULL, 0.001f}, {NULL, 0.01f}};
  float *y = t_render("tar", p, N);
  /* the peak is at 47, so at 299 the decay is 252 samples in */
  assert_float_equal(y[299], 1.0 - 252.0 / 480, 1e-4);
  assert_float_equal(y[300], y[299] + 1.0 / 48, 1e-4);
  int peak = first_at(y, 300, 1.0f, 1e-6f);
  assert_in_range(peak, 300 + 24, 300 + 25); /* the remaining 0.525 at the attack's rate: 25 samples */
  /* no jump: at most the attack's step and a half (a segment ends on its nearest sample) */
  assert_true(biggest_step(y, 0, N) <= 1.5f / 48);
  free(y);
  free(trig);
}

static void test_tar_is_attack_then_release(void **st) {
  float *trig = pulses((const int[]){500, -1});
  t_param p[3] = {{trig, 0}, {NULL, 0.01f}, {NULL, 0.1f}};
  float *y = t_render("tar", p, N);
  assert_true(y[499] == 0.0f && y[500] > 0.0f);
  int peak = first_at(y, 500, 1.0f, 1e-6f);
  assert_int_equal(peak, 500 + 479);
  int end = first_at(y, peak, 0.0f, 0.0f);
  assert_in_range(end, peak + 4800, peak + 4801);
  free(y);
  free(trig);
}

/* env: A D S R in gate */
static void test_env_sustains_while_the_gate_is_on(void **st) {
  float *gate = held(100, 10000);
  t_param p[6] = {{NULL, 0.01f}, {NULL, 0.01f}, {NULL, 0.6f}, {NULL, 0.1f}, {NULL, 1.0f}, {gate, 0}};
  float *y = t_render("env", p, N);
  assert_true(y[99] == 0.0f && y[100] > 0.0f);
  int peak = first_at(y, 100, 1.0f, 1e-6f);
  assert_int_equal(peak, 100 + 479);
  int sus = first_at(y, peak, 0.6f, 1e-6f);
  assert_in_range(sus, peak + 480, peak + 481);
  for (int i = sus; i < 10000; i++) assert_float_equal(y[i], 0.6, 1e-6);
  /* release: 0.6 to 0 in 4800 samples from the gate's fall */
  assert_true(y[10000] < 0.6f);
  int end = first_at(y, 10000, 0.0f, 0.0f);
  assert_in_range(end, 10000 + 4799, 10000 + 4800);
  assert_float_equal(y[10000 + 2400], 0.3, 1e-3);
  free(y);
  free(gate);
}

static void test_env_releases_from_the_current_level(void **st) {
  /* the gate falls halfway up the attack: the release starts at 0.5, no jump, and still
   * takes RELEASE seconds */
  float *gate = held(0, 240);
  t_param p[6] = {{NULL, 0.01f}, {NULL, 0.01f}, {NULL, 0.6f}, {NULL, 0.1f}, {NULL, 1.0f}, {gate, 0}};
  float *y = t_render("env", p, N);
  assert_float_equal(y[239], 0.5, 1e-4);
  assert_float_equal(y[240], 0.5 - 0.5 / 4800, 1e-4);
  int end = first_at(y, 240, 0.0f, 0.0f);
  assert_in_range(end, 240 + 4799, 240 + 4800);
  assert_true(biggest_step(y, 0, N) <= 1.0f / 480 + 1e-6f);
  /* a new gate during the release rises from there */
  free(y);
  free(gate);
  gate = held(0, 240);
  for (int i = 2000; i < 3000; i++) gate[i] = 1.0f;
  p[5].buf = gate;
  y = t_render("env", p, N);
  assert_true(y[2000] > y[1999] && y[1999] > 0.2f);
  assert_true(biggest_step(y, 0, N) <= 1.0f / 480 + 1e-6f);
  free(y);
  free(gate);
}

static void test_tadsr_decays_to_sustain_then_releases(void **st) {
  float *trig = pulses((const int[]){0, -1});
  t_param p[5] = {{trig, 0}, {NULL, 0.001f}, {NULL, 0.01f}, {NULL, 0.5f}, {NULL, 0.1f}};
  float *y = t_render("tadsr", p, N);
  int peak = first_at(y, 0, 1.0f, 1e-6f);
  assert_int_equal(peak, 47);
  int knee = first_at(y, peak, 0.5f, 1e-6f);
  assert_in_range(knee, peak + 480, peak + 481);
  assert_true(y[knee + 1] < 0.5f);
  int end = first_at(y, knee, 0.0f, 0.0f);
  assert_in_range(end, knee + 4800, knee + 4801);
  free(y);
  free(trig);
}

static void test_asr_and_its_alias_ar(void **st) {
  assert_ptr_equal(ph_dsp_unit_find("ar"), ph_dsp_unit_find("asr"));
  assert_string_equal(ph_dsp_unit_find("asr")->params[0].unit, "gate");
  assert_string_equal(ph_dsp_unit_find("env_trig")->params[0].unit, "gate");
  assert_string_equal(ph_dsp_unit_find("adsr")->params[5].unit, "cycle");
  assert_string_equal(ph_dsp_unit_find("ad")->params[3].unit, "cycle");
  assert_string_equal(ph_dsp_unit_find("tar")->params[0].unit, "trigger");
  assert_string_equal(ph_dsp_unit_find("tadsr")->params[0].unit, "trigger");
  float *gate = held(0, 1000);
  t_param p[3] = {{gate, 0}, {NULL, 0.001f}, {NULL, 0.01f}};
  float *y = t_render("ar", p, N);
  assert_float_equal(y[47], 1.0, 1e-6);
  assert_float_equal(y[999], 1.0, 1e-6);
  assert_int_equal(first_at(y, 1000, 0.0f, 0.0f), 1000 + 479);
  free(y);
  free(gate);
}

static void test_zero_negative_and_nan_times_jump(void **st) {
  float *trig = pulses((const int[]){10, 20, -1});
  const char *units[] = {"env_trig", "tar", "tadsr"};
  const float bad[] = {0.0f, -1.0f, NAN, INFINITY};
  for (int u = 0; u < 3; u++)
    for (int b = 0; b < 4; b++) {
      t_param p[6] = {{trig, 0}, {NULL, bad[b]}, {NULL, bad[b]}, {NULL, bad[b]}, {NULL, bad[b]}, {NULL, 1.0f}};
      float *y = t_render(units[u], p, N);
      assert_true(t_all_finite(y, N));
      for (int i = 0; i < N; i++) assert_in_range(y[i] * 1000, 0, 1000);
      if (b < 3) assert_float_equal(y[10], 1.0, 0.0); /* a zero attack jumps */
      free(y);
    }
  free(trig);
}

static void test_every_parameter_as_a_buffer(void **st) {
  /* attack 1 ms until 12000, then 10 ms: the second strike rises in 480 samples */
  float *trig = pulses((const int[]){0, 24000, -1});
  float *attack = malloc(N * sizeof(float)), *decay = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) {
    attack[i] = i < 12000 ? 0.001f : 0.01f;
    decay[i] = i < 12000 ? 0.01f : 0.02f;
  }
  t_param p[5] = {{trig, 0}, {attack, 0}, {decay, 0}, {NULL, 0.5f}, {NULL, 0.1f}};
  float *y = t_render("tar", p, N);
  assert_int_equal(first_at(y, 0, 1.0f, 1e-6f), 47);
  int peak = first_at(y, 24000, 1.0f, 1e-6f);
  assert_int_equal(peak, 24000 + 479);
  assert_in_range(first_at(y, peak, 0.0f, 0.0f), peak + 960, peak + 961);
  free(y);
  /* sustain as a buffer moves the held level */
  float *gate = held(0, N), *sus = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) sus[i] = i < 10000 ? 0.5f : 0.25f;
  t_param q[6] = {{NULL, 0.001f}, {NULL, 0.001f}, {sus, 0}, {NULL, 0.1f}, {NULL, 1.0f}, {gate, 0}};
  y = t_render("env", q, N);
  assert_float_equal(y[9999], 0.5, 1e-6);
  assert_float_equal(y[10000], 0.25, 1e-6);
  free(y);
  free(sus);
  free(gate);
  free(attack);
  free(decay);
  free(trig);
}

static void test_gate_and_trig(void **st) {
  float *x = calloc(N, sizeof(float));
  for (int i = 100; i < 200; i++) x[i] = 0.8f;
  for (int i = 300; i < 400; i++) x[i] = 0.5f; /* not above 0.5: off */
  t_param p[1] = {{x, 0}};
  float *g = t_render("gate", p, N), *t = t_render("trig", p, N);
  for (int i = 0; i < N; i++) {
    assert_true(g[i] == (i >= 100 && i < 200 ? 1.0f : 0.0f));
    assert_true(t[i] == (i == 100 ? 1.0f : 0.0f));
  }
  free(g);
  free(t);
  free(x);
}

static void test_line_follows_the_phase(void **st) {
  float *phase = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) phase[i] = (float)(i % 480) / 480.0f;
  t_param l[3] = {{NULL, 100.0f}, {NULL, 200.0f}, {phase, 0}};
  float *y = t_render("line", l, N);
  for (int i = 0; i < N; i += 97) assert_float_equal(y[i], 100.0 + 100.0 * (i % 480) / 480.0, 1e-3);
  free(y);
  free(phase);
}

static void test_xline_curve(void **st) {
  t_param p[4] = {{NULL, 0.0f}, {NULL, 1.0f}, {NULL, 0.01f}, {NULL, -4.0f}};
  float *y = t_render("curve", p, N);
  assert_float_equal(y[240], (1 - exp(-2.0)) / (1 - exp(-4.0)), 1e-5);
  assert_float_equal(y[480], 1.0, 1e-6);
  free(y);
  p[0].constant = 1.0f;
  p[1].constant = 0.001f;
  y = t_render("xline", p, N);
  assert_true(y[0] == 1.0f);
  assert_float_equal(y[240], sqrt(0.001), 1e-5);
  assert_float_equal(y[480], 0.001, 1e-7);
  free(y);
  /* zero, negative and NaN durations are at END at once; signs that differ go linearly */
  const float bad[] = {0.0f, -1.0f, NAN};
  for (int b = 0; b < 3; b++) {
    p[2].constant = bad[b];
    y = t_render("xline", p, N);
    assert_float_equal(y[0], 0.001, 1e-9);
    free(y);
  }
  p[0].constant = -1.0f;
  p[1].constant = 1.0f;
  p[2].constant = 0.01f;
  y = t_render("xline", p, N);
  assert_float_equal(y[240], 0.0, 1e-6);
  assert_true(t_all_finite(y, N));
  free(y);
}

/* A 100 Hz sine of amplitude 0.5: its peaks read 0.5 (ripple within the release), its RMS
 * 0.354; when it stops both fall with the release time. */
static void test_followers(void **st) {
  float *x = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) x[i] = i < N / 2 ? (float)(0.5 * sin(PH_DSP_TWO_PI * 100.0 * i / SR)) : 0.0f;
  t_param p[4] = {{x, 0}, {NULL, 0.001f}, {NULL, 0.1f}, {NULL, 0.01f}};
  float *peak = t_render("peak_follower", p, N), *amp = t_render("amp_follower", p, N);
  for (int i = N / 4; i < N / 2; i += 7) {
    assert_in_range(peak[i] * 1000, 450, 501);
    assert_float_equal(amp[i], 0.5 / sqrt(2.0), 0.02);
  }
  /* one release time constant after the end: e^-1 of the level */
  assert_float_equal(peak[N / 2 + 4800], 0.5 * exp(-1.0), 0.02);
  assert_true(amp[N - 1] < 0.02f);
  free(peak);
  free(amp);
  free(x);
}

/* segments from constants with a trigger signal runs a block at a time, cut where the trigger
 * rises; the sample-by-sample form (a level given as a signal) gives the same bits: rises on
 * a block's first sample, mid-block, right before its end, a trigger held high (one rise), a
 * rise while the envelope still moves. */
static void test_segments_retriggered_block_by_block(void **st) {
  const int n = 4096;
  float *trig = calloc((size_t)n, sizeof(float)), *zero = calloc((size_t)n, sizeof(float));
  const int rises[] = {0, 128, 300, 383, 1100, 1101, 2047, 2048, 3000};
  for (size_t k = 0; k < sizeof rises / sizeof rises[0]; k++) trig[rises[k]] = 1.0f;
  for (int i = 1200; i < 1500; i++) trig[i] = 1.0f;
  t_param p[16];
  for (int k = 0; k < 16; k++) p[k] = (t_param){NULL, NAN};
  p[0].constant = 0.0f, p[1].constant = 1.0f, p[2].constant = 0.3f, p[3].constant = 0.0f;
  p[8].constant = 0.001f, p[9].constant = 0.002f, p[10].constant = 0.004f;
  p[15].buf = trig;
  t_unit a = t_unit_new("segments", SR, 128, 1), b = t_unit_new("segments", SR, 128, 1);
  float *fixed = calloc((size_t)n, sizeof(float)), *sampled = calloc((size_t)n, sizeof(float));
  t_unit_run(&a, p, fixed, n, 128);
  p[0].buf = zero; /* the first level as a signal of its value: sample by sample */
  t_unit_run(&b, p, sampled, n, 128);
  assert_memory_equal(fixed, sampled, sizeof(float) * (size_t)n);
  assert_float_equal(fixed[1100 + 48], 1.0f, 1e-6); /* the rise at 1100 heard: at 1 after 1 ms */
  assert_float_equal(fixed[1099], 0.0f, 1e-6);
  t_unit_free(&a);
  t_unit_free(&b);
  free(trig);
  free(zero);
  free(fixed);
  free(sampled);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_tar_rises_at_the_trigger_sample),
      cmocka_unit_test(test_retrigger_starts_from_the_current_level),
      cmocka_unit_test(test_tar_is_attack_then_release),
      cmocka_unit_test(test_env_sustains_while_the_gate_is_on),
      cmocka_unit_test(test_env_releases_from_the_current_level),
      cmocka_unit_test(test_tadsr_decays_to_sustain_then_releases),
      cmocka_unit_test(test_asr_and_its_alias_ar),
      cmocka_unit_test(test_zero_negative_and_nan_times_jump),
      cmocka_unit_test(test_every_parameter_as_a_buffer),
      cmocka_unit_test(test_segments_retriggered_block_by_block),
      cmocka_unit_test(test_gate_and_trig),
      cmocka_unit_test(test_line_follows_the_phase),
      cmocka_unit_test(test_xline_curve),
      cmocka_unit_test(test_followers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
