/* The control and math units: sample_hold, schmidt, rms, mtof, min, wrap, xfade, if, range.
 * Each is checked against its definition sample by sample, and with non-finite inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dsp_measure.h"

enum { N = 4800 };

static float *ramp(int n, float from, float to) {
  float *x = malloc(n * sizeof(float));
  for (int i = 0; i < n; i++) x[i] = from + (to - from) * i / (n - 1);
  return x;
}

static void test_sample_hold_on_rising_edges(void **st) {
  float *x = ramp(N, 0.0f, 1.0f), *trig = calloc(N, sizeof(float));
  for (int i = 100; i < N; i += 1000) trig[i] = 1.0f; /* single-sample triggers at 100, 1100, ... */
  t_param p[2] = {{x, 0.0f}, {trig, 0.0f}};
  float *y = t_render("sample_hold", p, N);
  for (int i = 0; i < N; i++) {
    float expected = i < 100 ? 0.0f : x[100 + (i - 100) / 1000 * 1000];
    if (y[i] != expected) fail_msg("sample %d: %g, expected %g", i, y[i], expected);
  }
  free(y);
  assert_ptr_equal(ph_dsp_unit_find("latch"), ph_dsp_unit_find("sample_hold"));
  /* a trigger held high samples once, at its rise (here the first sample) */
  p[1] = (t_param){NULL, 1.0f};
  y = t_render("sample_hold", p, N);
  for (int i = 0; i < N; i++) assert_true(y[i] == x[0]);
  free(y);
  free(trig);
  free(x);
}

static void test_schmidt_hysteresis(void **st) {
  /* a sine: on above 0.5, off below -0.5, so on from 30° to 210° */
  float *x = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) x[i] = (float)sin(PH_DSP_TWO_PI * i / 1200.0);
  t_param p[3] = {{x, 0.0f}, {NULL, 0.5f}, {NULL, -0.5f}};
  float *y = t_render("schmidt", p, N);
  for (int i = 0; i < N; i++) {
    double deg = (i % 1200) * 360.0 / 1200.0;
    if (fabs(deg - 30) < 0.5 || fabs(deg - 210) < 0.5) continue; /* on the thresholds */
    bool on = deg > 30 && deg < 210;
    if (y[i] != (on ? 1.0f : 0.0f)) fail_msg("sample %d (%g degrees): %g", i, deg, y[i]);
  }
  free(y);
  free(x);
}

static void test_rms_reads_the_level(void **st) {
  const int n = 48000;
  float *x = malloc(n * sizeof(float));
  for (int i = 0; i < n; i++) x[i] = (float)(0.5 * sin(PH_DSP_TWO_PI * 440.0 * i / SR));
  t_param p[2] = {{x, 0.0f}, {NULL, 0.05f}};
  float *y = t_render("rms", p, n);
  assert_float_equal(y[n - 1], 0.5 / sqrt(2.0), 0.01);
  assert_true(y[100] < 0.2f); /* it takes a few windows to settle */
  free(y);
  x[n / 2] = NAN;
  y = t_render("rms", p, n);
  assert_true(t_all_finite(y, n));
  free(y);
  free(x);
}

static void test_math_units(void **st) {
  float *a = ramp(N, -3.0f, 3.0f), *b = ramp(N, 2.0f, -2.0f);
  /* mtof */
  float *m = ramp(N, 0.0f, 127.0f);
  t_param pm[1] = {{m, 0.0f}};
  float *y = t_render("mtof", pm, N);
  for (int i = 0; i < N; i++) assert_float_equal(y[i], 440.0 * pow(2.0, (m[i] - 69.0) / 12.0), 1e-4 * y[i]);
  free(y);
  pm[0] = (t_param){NULL, 69.0f};
  y = t_render("mtof", pm, 1);
  assert_true(y[0] == 440.0f);
  free(y);
  /* min */
  t_param p2[2] = {{a, 0.0f}, {b, 0.0f}};
  y = t_render("min", p2, N);
  for (int i = 0; i < N; i++) assert_true(y[i] == fminf(a[i], b[i]));
  free(y);
  /* wrap into [0, 1) */
  t_param pw[3] = {{a, 0.0f}, {NULL, 0.0f}, {NULL, 1.0f}};
  y = t_render("wrap", pw, N);
  for (int i = 0; i < N; i++) {
    assert_true(y[i] >= 0.0f && y[i] < 1.0f);
    assert_float_equal(y[i], a[i] - floor(a[i]), 1e-6);
  }
  free(y);
  /* xfade */
  float *pos = ramp(N, 0.0f, 1.0f);
  t_param px[3] = {{a, 0.0f}, {b, 0.0f}, {pos, 0.0f}};
  y = t_render("xfade", px, N);
  assert_true(y[0] == a[0] && y[N - 1] == b[N - 1]);
  for (int i = 0; i < N; i++) assert_float_equal(y[i], a[i] * (1 - pos[i]) + b[i] * pos[i], 1e-5);
  free(y);
  /* if: THEN where COND > 0.5 */
  t_param pi_[3] = {{pos, 0.0f}, {a, 0.0f}, {b, 0.0f}};
  y = t_render("if", pi_, N);
  for (int i = 0; i < N; i++) assert_true(y[i] == (pos[i] > 0.5f ? a[i] : b[i]));
  free(y);
  /* range: -1..1 to 100..300 */
  float *s = ramp(N, -1.0f, 1.0f);
  t_param pr[3] = {{NULL, 100.0f}, {NULL, 300.0f}, {s, 0.0f}};
  y = t_render("range", pr, N);
  assert_float_equal(y[0], 100.0, 1e-4);
  assert_float_equal(y[N - 1], 300.0, 1e-4);
  for (int i = 0; i < N; i++) assert_float_equal(y[i], 200.0 + 100.0 * s[i], 1e-3);
  free(y);
  free(s);
  free(pos);
  free(m);
  free(a);
  free(b);
}

static void test_non_finite_inputs_stay_finite(void **st) {
  const char *names[] = {"sample_hold", "schmidt", "rms", "mtof", "min", "wrap", "xfade", "if", "range"};
  const float bad[] = {NAN, INFINITY, -INFINITY, 1e30f, -1e30f, 0.0f};
  for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
    const ph_unit_def *d = ph_dsp_unit_find(names[k]);
    for (int v = 0; v < 6; v++) {
      t_param p[4];
      for (int j = 0; j < d->nparams; j++) p[j] = (t_param){NULL, bad[(v + j) % 6]};
      float *y = t_render(names[k], p, 256);
      if (!t_all_finite(y, 256)) fail_msg("%s with %g...: %g", names[k], bad[v], y[0]);
      free(y);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sample_hold_on_rising_edges),
      cmocka_unit_test(test_schmidt_hysteresis),
      cmocka_unit_test(test_rms_reads_the_level),
      cmocka_unit_test(test_math_units),
      cmocka_unit_test(test_non_finite_inputs_stay_finite),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
