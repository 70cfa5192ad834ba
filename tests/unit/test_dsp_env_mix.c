/* amp (gain), mix, rlpf, rhpf and chorus: each against its definition. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dsp_measure.h"

enum { N = 48000 };

static float *sine(double hz, float amp) {
  float *x = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) x[i] = amp * (float)sin(PH_DSP_TWO_PI * hz * i / SR);
  return x;
}

static void test_amp_and_gain_multiply_linearly(void **st) {
  assert_ptr_equal(ph_dsp_unit_find("gain"), ph_dsp_unit_find("amp"));
  float *x = sine(440, 0.8f), *k = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) k[i] = i < N / 2 ? 0.5f : 2.0f;
  t_param p[2] = {{x, 0}, {k, 0}};
  float *y = t_render("gain", p, N);
  for (int i = 0; i < N; i++) assert_true(y[i] == x[i] * k[i]);
  free(y);
  p[1] = (t_param){NULL, NAN};
  y = t_render("amp", p, N);
  assert_true(t_all_finite(y, N));
  free(y);
  free(k);
  free(x);
}

static void test_mix_sums(void **st) {
  float *a = sine(440, 0.5f), *b = sine(97, 0.25f);
  t_param p[4] = {{a, 0}, {b, 0}, {NULL, 0.125f}, {NULL, 0.0f}};
  float *y = t_render("mix", p, N);
  for (int i = 0; i < N; i++) assert_true(y[i] == a[i] + b[i] + 0.125f);
  free(y);
  free(a);
  free(b);
}

/* The level, in dB, of a sine at hz through a unit with cutoff 1000 Hz and resonance res
 * (after the first 0.1 s). */
static double level_db(const char *unit, double hz, float res) {
  float *x = sine(hz, 0.1f);
  t_param p[3] = {{x, 0}, {NULL, 1000.0f}, {NULL, res}};
  float *y = t_render(unit, p, N);
  double db = t_db(t_rms(y + 4800, N - 4800) / t_rms(x + 4800, N - 4800));
  free(y);
  free(x);
  return db;
}

static void test_rlpf_rhpf_peak_at_cutoff_by_res(void **st) {
  /* at the cutoff an RBJ low- or high-pass gains exactly Q */
  const float res[] = {0.0f, 0.5f, 1.0f};
  for (int k = 0; k < 3; k++) {
    double q_db = t_db(0.70710678 * pow(30.0, res[k]));
    assert_float_equal(level_db("rlpf", 1000, res[k]), q_db, 0.1);
    assert_float_equal(level_db("rhpf", 1000, res[k]), q_db, 0.1);
  }
  /* and they are a low-pass and a high-pass: 12 dB/octave far from the cutoff */
  assert_true(level_db("rlpf", 8000, 0.0f) < -34.0);
  assert_true(level_db("rhpf", 125, 0.0f) < -34.0);
  assert_float_equal(level_db("rlpf", 100, 0.5f), 0.0, 0.2);
  assert_float_equal(level_db("rhpf", 10000, 0.5f), 0.0, 0.5);
}

static void test_rlpf_res_as_a_buffer(void **st) {
  float *x = sine(1000, 0.1f), *res = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) res[i] = i < N / 2 ? 0.0f : 1.0f;
  t_param p[3] = {{x, 0}, {NULL, 1000.0f}, {res, 0}};
  float *y = t_render("rlpf", p, N);
  double first = t_db(t_rms(y + 4800, 19200) / t_rms(x, 19200));
  double second = t_db(t_rms(y + N - 12000, 12000) / t_rms(x, 12000));
  assert_float_equal(first, -3.01, 0.1);
  assert_float_equal(second, t_db(0.70710678 * 30.0), 0.2);
  free(y);
  free(res);
  free(x);
}

static void test_chorus(void **st) {
  float *x = sine(440, 0.5f);
  /* dry only: the input unchanged */
  t_param p[4] = {{x, 0}, {NULL, 1.0f}, {NULL, 0.5f}, {NULL, 0.0f}};
  float *y = t_render("chorus", p, N);
  for (int i = 0; i < N; i++) assert_true(y[i] == x[i]);
  free(y);
  /* wet only, no swing: the input 15 ms (720 samples) late */
  p[2].constant = 0.0f;
  p[3].constant = 1.0f;
  y = t_render("chorus", p, N);
  for (int i = 0; i < 720; i++) assert_true(y[i] == 0.0f);
  for (int i = 720; i < N; i++) assert_float_equal(y[i], x[i - 720], 1e-6);
  free(y);
  /* with swing the delay moves between 5 and 25 ms: the wet pitch wobbles around 440 Hz and
   * its level stays */
  p[2].constant = 1.0f;
  p[1].constant = 2.0f;
  y = t_render("chorus", p, N);
  assert_true(t_all_finite(y, N));
  assert_float_equal(t_rms(y + 2400, N - 2400), t_rms(x, N), 0.01);
  double maxdiff = 0.0;
  for (int i = 1200; i < N; i++) maxdiff = fmax(maxdiff, fabs(y[i] - x[i - 720]));
  assert_true(maxdiff > 0.3);
  free(y);
  /* a NaN input falls back to silence, never NaN out */
  x[100] = NAN;
  y = t_render("chorus", p, N);
  assert_true(t_all_finite(y, N));
  free(y);
  free(x);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_amp_and_gain_multiply_linearly),
      cmocka_unit_test(test_mix_sums),
      cmocka_unit_test(test_rlpf_rhpf_peak_at_cutoff_by_res),
      cmocka_unit_test(test_rlpf_res_as_a_buffer),
      cmocka_unit_test(test_chorus),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
