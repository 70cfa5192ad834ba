/* The RBJ biquads, judged by ear: the level of sines through each filter (steady state, by
 * RMS), audio-rate cutoff on the exact sample, extreme parameters, silence after blow-ups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dsp_measure.h"

enum { N = 48000 };

static float *sine_wave(double freq, int n) {
  float *x = malloc(n * sizeof(float));
  for (int i = 0; i < n; i++) x[i] = (float)sin(PH_DSP_TWO_PI * freq * i / SR);
  return x;
}

/* Gain in dB of a filter on a sine of freq, measured after the first 10000 samples. */
static double gain_db(const char *filter, double cutoff, double q, double freq) {
  float *x = sine_wave(freq, N);
  t_param p[3] = {{x, 0.0f}, {NULL, (float)cutoff}, {NULL, (float)q}};
  float *y = t_render(filter, p, N);
  double g = t_db(t_rms(y + 10000, N - 10000) / t_rms(x + 10000, N - 10000));
  free(x);
  free(y);
  return g;
}

#define ASSERT_DB(filter, cutoff, q, freq, expected, tol)                                          \
  do {                                                                                             \
    double g_ = gain_db(filter, cutoff, q, freq);                                                  \
    print_message("%s %g Hz (q/res %g) at %g Hz: %+.2f dB (expected %+.2f)\n", filter, (double)(cutoff), \
                  (double)(q), (double)(freq), g_, (double)(expected));                            \
    if (fabs(g_ - (expected)) > (tol)) fail_msg("%s: %g dB, expected %g ± %g", filter, g_, (double)(expected), (double)(tol)); \
  } while (0)

static void test_lowpass(void **st) {
  /* a second-order Butterworth: −10·log10(1 + (f/fc)^4) = −12.3 dB one octave up */
  ASSERT_DB("lpf", 1000, 0.7071, 200, 0.0, 0.5);
  ASSERT_DB("lpf", 1000, 0.7071, 2000, -12.3, 1.0);
  ASSERT_DB("lpf", 1000, 0.7071, 1000, -3.0, 0.3);
  ASSERT_DB("lpf", 1000, 0.7071, 8000, -36.1, 2.0); /* 12 dB per octave */
  /* the default Q = 1: 20·log10(1/√((1 − r²)² + r²)) = −11.1 dB at r = 2, +0 dB (peak) at r = 1 */
  ASSERT_DB("lpf", 1000, 1.0, 2000, -11.1, 1.0);
  ASSERT_DB("lpf", 1000, 1.0, 1000, 0.0, 0.3);
  /* resonance: Q 10 peaks 20 dB at the cutoff */
  ASSERT_DB("lpf", 1000, 10.0, 1000, 20.0, 0.5);
}

static void test_highpass(void **st) {
  ASSERT_DB("hpf", 1000, 0.7071, 5000, 0.0, 0.5);
  ASSERT_DB("hpf", 1000, 0.7071, 500, -12.3, 1.0);
  ASSERT_DB("hpf", 1000, 0.7071, 125, -36.1, 2.0);
}

static void test_bandpass_and_notch(void **st) {
  ASSERT_DB("bpf", 1000, 1.0, 1000, 0.0, 0.3);
  /* |H| = 1/√(1 + Q²(r − 1/r)²): r = 1/10 or 10 → −19.9 dB */
  ASSERT_DB("bpf", 1000, 1.0, 100, -19.9, 1.0);
  ASSERT_DB("bpf", 1000, 1.0, 10000, -19.9, 1.5);
  double center = gain_db("notch", 1000, 1.0, 1000);
  print_message("notch at its centre: %+.1f dB\n", center);
  assert_true(center < -40.0);
  ASSERT_DB("notch", 1000, 1.0, 100, 0.0, 0.2);
  ASSERT_DB("notch", 1000, 1.0, 10000, 0.0, 0.3);
}

/* A cutoff buffer holding the constant sounds exactly like the constant; a step in the
 * buffer at sample k leaves samples 0..k-1 untouched and changes sample k. */
static void test_audio_rate_cutoff(void **st) {
  const char *filters[] = {"lpf", "hpf", "bpf", "notch"};
  const int k = 3001; /* inside a 128-frame block, where the input is not 0 */
  float *x = sine_wave(3000.0, N), *cut = malloc(N * sizeof(float));
  for (int f = 0; f < 4; f++) {
    for (int i = 0; i < N; i++) cut[i] = 1000.0f;
    t_param pc[3] = {{x, 0.0f}, {NULL, 1000.0f}, {NULL, 1.0f}}, pb[3] = {{x, 0.0f}, {cut, 0.0f}, {NULL, 1.0f}};
    float *a = t_render(filters[f], pc, N), *b = t_render(filters[f], pb, N);
    assert_memory_equal(a, b, N * sizeof(float));
    free(b);
    for (int i = k; i < N; i++) cut[i] = 4000.0f;
    b = t_render(filters[f], pb, N);
    int first = 0;
    while (first < N && a[first] == b[first]) first++;
    if (first != k) fail_msg("%s: first changed sample %d, the cutoff changes at %d", filters[f], first, k);
    free(a);
    free(b);
  }
  /* the lpf with its cutoff swept up: the 3 kHz sine comes through only at the end */
  for (int i = 0; i < N; i++) cut[i] = (float)(100.0 * pow(100.0, (double)i / N)); /* 100 Hz .. 10 kHz */
  t_param p[3] = {{x, 0.0f}, {cut, 0.0f}, {NULL, 0.7071f}};
  float *y = t_render("lpf", p, N);
  double early = t_rms(y + 4800, 4800), late = t_rms(y + N - 4800, 4800);
  print_message("swept lpf on 3 kHz: %.1f dB early, %.1f dB late\n", t_db(early / sqrt(0.5)), t_db(late / sqrt(0.5)));
  assert_true(t_db(early / sqrt(0.5)) < -40.0);
  assert_true(t_db(late / sqrt(0.5)) > -1.0);
  free(y);
  free(x);
  free(cut);
}

static void test_extreme_parameters_stay_finite(void **st) {
  const char *filters[] = {"lpf", "hpf", "bpf", "notch"};
  const float cutoffs[] = {0.0f, -100.0f, 1e9f, -1e9f, NAN, INFINITY, -INFINITY, 24000.0f, 1e-20f};
  const float qs[] = {0.0f, -1.0f, 1e9f, NAN, INFINITY, 1e-9f, 1.0f};
  const int n = 4096;
  float *x = sine_wave(440.0, n);
  for (int f = 0; f < 4; f++)
    for (size_t c = 0; c < sizeof cutoffs / sizeof *cutoffs; c++)
      for (size_t q = 0; q < sizeof qs / sizeof *qs; q++) {
        t_param p[3] = {{x, 0.0f}, {NULL, cutoffs[c]}, {NULL, qs[q]}};
        float *y = t_render(filters[f], p, n);
        if (!t_all_finite(y, n)) fail_msg("%s cutoff %g Q %g: not finite", filters[f], cutoffs[c], qs[q]);
        free(y);
      }
  /* cutoff 0 on a low-pass is (nearly) silence; on a high-pass it passes everything */
  double closed = gain_db("lpf", 0.0, 0.7071, 440);
  print_message("lpf with cutoff 0 on 440 Hz: %.1f dB\n", closed);
  assert_true(closed < -60.0);
  ASSERT_DB("hpf", 0.0, 0.7071, 440, 0.0, 0.1);
  free(x);
}

static void test_non_finite_input_falls_back_to_silence(void **st) {
  t_unit u = t_unit_new("lpf", SR, 128, 0);
  float x[128], y[128];
  for (int i = 0; i < 128; i++) x[i] = (float)sin(i * 0.1);
  x[50] = NAN;
  t_param p[3] = {{x, 0.0f}, {NULL, 1000.0f}, {NULL, 1.0f}};
  t_unit_run(&u, p, y, 128, 128);
  for (int i = 0; i < 128; i++) assert_true(y[i] == 0.0f);
  x[50] = 0.0f;
  t_unit_run(&u, p, y, 128, 128);
  assert_true(t_all_finite(y, 128) && t_peak(y, 128) > 0.1f);
  /* an enormous input overflows the state: silence, not infinity */
  for (int i = 0; i < 128; i++) x[i] = (i & 1) ? 3e38f : -3e38f;
  t_unit_run(&u, p, y, 128, 128);
  assert_true(t_all_finite(y, 128));
  t_unit_free(&u);
}

static void test_decays_to_exact_zero(void **st) {
  /* no denormals: after the input stops, the state is flushed and the output is exactly 0 */
  float *x = sine_wave(440.0, 3 * N);
  for (int i = N; i < 3 * N; i++) x[i] = 0.0f;
  const char *filters[] = {"lpf", "hpf", "bpf", "notch"};
  for (int f = 0; f < 4; f++) {
    t_param p[3] = {{x, 0.0f}, {NULL, 50.0f}, {NULL, 5.0f}};
    float *y = t_render(filters[f], p, 3 * N);
    for (int i = 3 * N - 128; i < 3 * N; i++)
      if (y[i] != 0.0f) fail_msg("%s: sample %d is %g after 2 s of silence", filters[f], i, y[i]);
    free(y);
  }
  free(x);
}

static void test_same_input_same_output_and_reset(void **st) {
  float *x = sine_wave(300.0, 4000);
  t_param p[3] = {{x, 0.0f}, {NULL, 500.0f}, {NULL, 3.0f}};
  float *a = t_render("bpf", p, 4000), *b = t_render("bpf", p, 4000), *c = calloc(4000, sizeof(float));
  assert_memory_equal(a, b, 4000 * sizeof(float));
  t_unit u = t_unit_new("bpf", SR, 128, 0);
  t_unit_run(&u, p, c, 1000, 128);
  u.def->reset(u.state);
  t_unit_run(&u, p, c, 4000, 128);
  assert_memory_equal(a, c, 4000 * sizeof(float));
  /* block size does not change the sound */
  t_unit u2 = t_unit_new("bpf", SR, 1000, 0);
  t_unit_run(&u2, p, c, 4000, 999);
  assert_memory_equal(a, c, 4000 * sizeof(float));
  t_unit_free(&u);
  t_unit_free(&u2);
  free(a);
  free(b);
  free(c);
  free(x);
}

/* The SVF's magnitude response equals the bilinear biquad's for the same Q (RES 0.29289 is
 * Q 0.7071; RES 0.5 is Q 1). */
static void test_state_variable_filters(void **st) {
  ASSERT_DB("svf_lp", 1000, 0.29289, 200, 0.0, 0.5);
  ASSERT_DB("svf_lp", 1000, 0.29289, 2000, -12.3, 1.0);
  ASSERT_DB("svf_lp", 1000, 0.5, 1000, 0.0, 0.3);
  ASSERT_DB("svf_hp", 1000, 0.29289, 500, -12.3, 1.0);
  ASSERT_DB("svf_hp", 1000, 0.29289, 5000, 0.0, 0.5);
  ASSERT_DB("svf_bp", 1000, 0.5, 1000, 0.0, 0.3);
  ASSERT_DB("svf_bp", 1000, 0.5, 100, -19.9, 1.0);
  ASSERT_DB("svf_notch", 1000, 0.5, 100, 0.0, 0.2);
  double center = gain_db("svf_notch", 1000, 0.5, 1000);
  assert_true(center < -40.0);
  /* each SVF agrees with the biquad of the same kind, sample for sample, once settled */
  const char *pairs[][2] = {{"svf_lp", "lpf"}, {"svf_hp", "hpf"}, {"svf_bp", "bpf"}, {"svf_notch", "notch"}};
  float *x = sine_wave(1500.0, N);
  for (int k = 0; k < 4; k++) {
    t_param ps[3] = {{x, 0.0f}, {NULL, 1000.0f}, {NULL, 0.5f}}, pb[3] = {{x, 0.0f}, {NULL, 1000.0f}, {NULL, 1.0f}};
    float *a = t_render(pairs[k][0], ps, N), *b = t_render(pairs[k][1], pb, N);
    for (int i = 10000; i < N; i++)
      if (fabsf(a[i] - b[i]) > 1e-3f) fail_msg("%s and %s differ at %d: %g vs %g", pairs[k][0], pairs[k][1], i, a[i], b[i]);
    free(a);
    free(b);
  }
  /* its frequency swept at audio rate (a 1 kHz sine between 100 Hz and 10 kHz) with high
   * resonance: bounded, finite */
  float *f = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) f[i] = (float)(100.0 * pow(100.0, 0.5 + 0.5 * sin(PH_DSP_TWO_PI * 1000.0 * i / SR)));
  const char *svfs[] = {"svf_lp", "svf_hp", "svf_bp", "svf_notch"};
  for (int k = 0; k < 4; k++) {
    t_param p[3] = {{x, 0.0f}, {f, 0.0f}, {NULL, 0.9f}};
    float *y = t_render(svfs[k], p, N);
    print_message("%s swept at 1 kHz, res 0.9: peak %.2f\n", svfs[k], t_peak(y, N));
    assert_true(t_all_finite(y, N) && t_peak(y, N) < 20.0f);
    free(y);
  }
  /* extreme parameters */
  const float bad[] = {0.0f, -1.0f, 1e9f, NAN, INFINITY, -INFINITY};
  for (int k = 0; k < 4; k++)
    for (int a = 0; a < 6; a++)
      for (int b = 0; b < 6; b++) {
        t_param p[3] = {{x, 0.0f}, {NULL, bad[a]}, {NULL, bad[b]}};
        float *y = t_render(svfs[k], p, 2048);
        assert_true(t_all_finite(y, 2048));
        free(y);
      }
  free(f);
  free(x);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lowpass),
      cmocka_unit_test(test_highpass),
      cmocka_unit_test(test_bandpass_and_notch),
      cmocka_unit_test(test_audio_rate_cutoff),
      cmocka_unit_test(test_extreme_parameters_stay_finite),
      cmocka_unit_test(test_non_finite_input_falls_back_to_silence),
      cmocka_unit_test(test_decays_to_exact_zero),
      cmocka_unit_test(test_same_input_same_output_and_reset),
      cmocka_unit_test(test_state_variable_filters),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
