/* The delay, judged by ear: an impulse comes back after TIME, each echo FB times the one
 * before; MIX blends; TIME modulated at audio rate; nothing blows up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dsp_measure.h"

enum { N = 48000 };

static float *impulse(int n) {
  float *x = calloc(n, sizeof(float));
  x[0] = 1.0f;
  return x;
}

static void test_echoes_at_time_decaying_by_feedback(void **st) {
  float *x = impulse(N);
  t_param p[4] = {{x, 0.0f}, {NULL, 0.1f}, {NULL, 0.5f}, {NULL, 1.0f}}; /* 4800 samples, wet only */
  float *y = t_render("delay", p, N);
  for (int i = 0; i < N; i++) {
    float expected = 0.0f;
    if (i > 0 && i % 4800 == 0) expected = powf(0.5f, (float)(i / 4800 - 1));
    if (fabsf(y[i] - expected) > 1e-6f) fail_msg("sample %d: %g, expected %g", i, y[i], expected);
  }
  free(y);
  /* mix 0.5: half the dry impulse now, half the echo later */
  p[3].constant = 0.5f;
  y = t_render("delay", p, N);
  assert_float_equal(y[0], 0.5, 1e-6);
  assert_float_equal(y[4800], 0.5, 1e-6);
  assert_float_equal(y[9600], 0.25, 1e-6);
  free(y);
  /* mix 0: the input unchanged */
  p[3].constant = 0.0f;
  y = t_render("delay", p, N);
  assert_memory_equal(x, y, N * sizeof(float));
  free(y);
  free(x);
}

static void test_fractional_time_interpolates(void **st) {
  /* a 1 kHz sine delayed by 10.5 samples: the same sine, phase-shifted by 10.5 samples */
  float *x = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) x[i] = (float)sin(PH_DSP_TWO_PI * 1000.0 * i / SR);
  t_param p[4] = {{x, 0.0f}, {NULL, (float)(10.5 / SR)}, {NULL, 0.0f}, {NULL, 1.0f}};
  float *y = t_render("delay", p, N);
  for (int i = 100; i < N; i++) assert_float_equal(y[i], sin(PH_DSP_TWO_PI * 1000.0 * (i - 10.5) / SR), 2e-3);
  free(y);
  free(x);
}

static void test_audio_rate_time_bends_the_pitch(void **st) {
  /* a delay growing by 0.1 ms per ms reads 10% slower: 1 kHz comes out at 900 Hz */
  const int n = 32768;
  float *x = malloc(n * sizeof(float)), *time = malloc(n * sizeof(float));
  for (int i = 0; i < n; i++) {
    x[i] = (float)sin(PH_DSP_TWO_PI * 1000.0 * i / SR);
    time[i] = (float)(0.001 + 0.1 * i / SR);
  }
  t_param p[4] = {{x, 0.0f}, {time, 0.0f}, {NULL, 0.0f}, {NULL, 1.0f}};
  float *y = t_render("delay", p, n);
  double f = t_pitch(y + 8192, 16384, SR);
  print_message("1 kHz through a delay growing 0.1 s per s: %.1f Hz\n", f);
  assert_float_equal(f, 900.0, 4.5);
  free(y);
  free(x);
  free(time);
}

static void test_extreme_parameters_stay_finite(void **st) {
  const float bad[] = {0.0f, -1.0f, 100.0f, 1e9f, NAN, INFINITY, -INFINITY};
  const int n = 4096;
  float *x = malloc(n * sizeof(float));
  for (int i = 0; i < n; i++) x[i] = (float)sin(i * 0.05);
  for (int a = 0; a < 7; a++)
    for (int b = 0; b < 7; b++)
      for (int c = 0; c < 7; c++) {
        t_param p[4] = {{x, 0.0f}, {NULL, bad[a]}, {NULL, bad[b]}, {NULL, bad[c]}};
        float *y = t_render("delay", p, n);
        if (!t_all_finite(y, n) || t_peak(y, n) > 200.0f)
          fail_msg("time %g fb %g mix %g: peak %g", bad[a], bad[b], bad[c], t_peak(y, n));
        free(y);
      }
  /* feedback at its limit decays rather than grows */
  t_param p[4] = {{NULL, 0.0f}, {NULL, 0.01f}, {NULL, 5.0f}, {NULL, 1.0f}};
  float *imp = impulse(N);
  p[0].buf = imp;
  float *y = t_render("delay", p, N);
  assert_true(t_peak(y + N - 4800, 4800) < 1.0f);
  free(y);
  /* a NaN input is silence, and the line is cleared */
  t_unit u = t_unit_new("delay", SR, 128, 0);
  float in[128] = {0}, out[128];
  in[3] = NAN;
  p[0].buf = in;
  t_unit_run(&u, p, out, 128, 128);
  for (int i = 0; i < 128; i++) assert_true(out[i] == 0.0f);
  in[3] = 0.0f;
  for (int k = 0; k < 20; k++) {
    t_unit_run(&u, p, out, 128, 128);
    assert_true(t_all_finite(out, 128));
  }
  t_unit_free(&u);
  free(imp);
  free(x);
}

static void test_same_input_same_output_reset_and_memory(void **st) {
  float *x = impulse(N);
  t_param p[4] = {{x, 0.0f}, {NULL, 0.03f}, {NULL, 0.7f}, {NULL, 0.5f}};
  float *a = t_render("delay", p, N), *b = t_render("delay", p, N), *c = calloc(N, sizeof(float));
  assert_memory_equal(a, b, N * sizeof(float));
  t_unit u = t_unit_new("delay", SR, 128, 0);
  t_unit_run(&u, p, c, 5000, 128);
  u.def->reset(u.state);
  t_unit_run(&u, p, c, N, 128);
  assert_memory_equal(a, c, N * sizeof(float));
  t_unit_free(&u);
  /* init clears memory it is given dirty, and the line grows with the sample rate */
  const ph_unit_def *d = ph_dsp_unit_find("delay");
  ph_dsp_config c48 = {48000, 128, 0}, c96 = {96000, 128, 0};
  assert_true(d->state_size(&c96) > d->state_size(&c48));
  assert_true(d->state_size(&c48) >= 48000 * sizeof(float));
  void *dirty = malloc(d->state_size(&c48));
  memset(dirty, 0x7f, d->state_size(&c48));
  d->init(dirty, &c48);
  t_unit v = {d, dirty, c48};
  t_unit_run(&v, p, c, N, 128);
  assert_memory_equal(a, c, N * sizeof(float));
  free(dirty);
  free(a);
  free(b);
  free(c);
  free(x);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_echoes_at_time_decaying_by_feedback),
      cmocka_unit_test(test_fractional_time_interpolates),
      cmocka_unit_test(test_audio_rate_time_bends_the_pitch),
      cmocka_unit_test(test_extreme_parameters_stay_finite),
      cmocka_unit_test(test_same_input_same_output_reset_and_memory),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
