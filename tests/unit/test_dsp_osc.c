/* Oscillators and noises, judged by ear: pitch by FFT, level by RMS, aliasing by the energy
 * between the harmonics, audio-rate frequency landing on the exact sample, determinism. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dsp_measure.h"

static const char *const oscillators[] = {"sine", "saw", "square", "tri", "pulse"};
enum { NOSC = 5 };

/* Constant params for an oscillator: freq, then defaults (width 0.5, offset 0). */
static void osc_params(const char *name, double freq, t_param *p) {
  const ph_unit_def *d = ph_dsp_unit_find(name);
  for (int i = 0; i < d->nparams; i++) p[i] = (t_param){NULL, d->params[i].def};
  p[0].constant = (float)freq;
}

static float *render_osc(const char *name, double freq, int frames) {
  t_param p[4];
  osc_params(name, freq, p);
  return t_render(name, p, frames);
}

static void test_pitch_of_each_oscillator(void **st) {
  const double freqs[] = {55.0, 110.0, 440.0, 1234.5, 5000.0, 12000.0};
  const int n = 32768;
  double worst = 0;
  for (int o = 0; o < NOSC; o++)
    for (size_t k = 0; k < sizeof freqs / sizeof *freqs; k++) {
      float *y = render_osc(oscillators[o], freqs[k], n);
      double f = t_pitch(y, n, SR);
      if (fabs(f - freqs[k]) > 0.005 * freqs[k])
        fail_msg("%s at %g Hz measures %g Hz", oscillators[o], freqs[k], f);
      worst = fmax(worst, fabs(f - freqs[k]) / freqs[k]);
      assert_true(t_all_finite(y, n));
      free(y);
    }
  print_message("pitch of 5 oscillators at 55 Hz .. 12 kHz: worst error %.4f%%\n", 100 * worst);
}

static void test_offset_transposes_by_semitones(void **st) {
  const int n = 32768;
  t_param p[2] = {{NULL, 440.0f}, {NULL, 12.0f}};
  float *y = t_render("saw", p, n);
  assert_float_equal(t_pitch(y, n, SR), 880.0, 880.0 * 0.005);
  free(y);
  p[1].constant = -7.0f; /* a fifth down */
  y = t_render("square", p, n);
  assert_float_equal(t_pitch(y, n, SR), 440.0 * pow(2.0, -7.0 / 12.0), 2.0);
  free(y);
  /* the offset as a buffer: +12 in the second half */
  float *semi = calloc(n, sizeof(float));
  for (int i = n / 2; i < n; i++) semi[i] = 12.0f;
  p[1] = (t_param){semi, 0.0f};
  y = t_render("sine", p, n);
  assert_float_equal(t_pitch(y, n / 2, SR), 440.0, 2.2);
  assert_float_equal(t_pitch(y + n / 2, n / 2, SR), 880.0, 4.4);
  free(y);
  free(semi);
}

static void test_rms_levels(void **st) {
  const int n = 48000; /* 100 whole cycles at 100 Hz */
  const struct {
    const char *name;
    double rms;
  } cases[] = {{"sine", sqrt(0.5)}, {"saw", sqrt(1.0 / 3.0)}, {"square", 1.0}, {"tri", sqrt(1.0 / 3.0)}, {"pulse", 1.0}};
  for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
    float *y = render_osc(cases[c].name, 100.0, n);
    double r = t_rms(y, n);
    if (fabs(r - cases[c].rms) > 0.01 * cases[c].rms) fail_msg("%s: RMS %g, expected %g", cases[c].name, r, cases[c].rms);
    assert_true(t_peak(y, n) <= 1.01f);
    free(y);
  }
}

static void test_oscillators_start_at_zero_rising(void **st) {
  const char *names[] = {"sine", "saw", "tri"};
  for (int k = 0; k < 3; k++) {
    float *y = render_osc(names[k], 100.0, 16);
    assert_float_equal(y[0], 0.0, 1e-6);
    assert_true(y[1] > 0.0f && y[2] > y[1]);
    free(y);
  }
}

static void test_pulse_width(void **st) {
  const int n = 48000;
  t_param p[3] = {{NULL, 100.0f}, {NULL, 0.25f}, {NULL, 0.0f}};
  float *y = t_render("pulse", p, n);
  double mean = 0;
  for (int i = 0; i < n; i++) mean += y[i];
  mean /= n;
  assert_float_equal(mean, 2 * 0.25 - 1, 0.01); /* high a quarter of the time */
  assert_float_equal(t_pitch(y, n, SR), 100.0, 0.5);
  free(y);
  /* width as an audio-rate buffer: 0.1 then 0.9 */
  float *w = malloc(n * sizeof(float));
  for (int i = 0; i < n; i++) w[i] = i < n / 2 ? 0.1f : 0.9f;
  p[1] = (t_param){w, 0.0f};
  y = t_render("pulse", p, n);
  double m1 = 0, m2 = 0;
  for (int i = 0; i < n / 2; i++) m1 += y[i], m2 += y[n / 2 + i];
  assert_float_equal(m1 / (n / 2), -0.8, 0.01);
  assert_float_equal(m2 / (n / 2), 0.8, 0.01);
  free(y);
  free(w);
}

/* Power at bins that are not harmonics of f0, over all power (rectangular window on a whole
 * number of cycles, 1 Hz per bin, so every partial and alias sits on an exact bin). */
static double inharmonic_ratio_db(const float *y, int n, int f0) {
  double *p = t_power_spectrum(y, n, false);
  double all = 0, off = 0;
  for (int k = 1; k <= n / 2; k++) {
    all += p[k];
    if (k % f0 != 0) off += p[k];
  }
  free(p);
  return 10.0 * log10(off / all);
}

static void test_saw_aliasing_far_below_the_naive_saw(void **st) {
  const int n = 48000;
  float *y = render_osc("saw", 5000.0, n);
  float *naive = malloc(n * sizeof(float));
  double phase = 0.0;
  for (int i = 0; i < n; i++) {
    double q = phase + 0.5 - floor(phase + 0.5);
    naive[i] = (float)(2.0 * q - 1.0);
    phase += 5000.0 / SR;
    phase -= floor(phase);
  }
  double blep = inharmonic_ratio_db(y, n, 5000), raw = inharmonic_ratio_db(naive, n, 5000);
  print_message("saw 5 kHz @ 48 kHz: inharmonic energy %.1f dB (naive %.1f dB)\n", blep, raw);
  assert_true(raw > -16.0); /* the naive saw really aliases */
  assert_true(blep < raw - 10.0 && blep < -20.0);
  free(y);
  /* square too */
  y = render_osc("square", 5000.0, n);
  for (int i = 0; i < n; i++) naive[i] = fmod(i * 5000.0 / SR, 1.0) < 0.5 ? 1.0f : -1.0f;
  double sq = inharmonic_ratio_db(y, n, 5000), sq_raw = inharmonic_ratio_db(naive, n, 5000);
  print_message("square 5 kHz: inharmonic energy %.1f dB (naive %.1f dB)\n", sq, sq_raw);
  assert_true(sq < sq_raw - 10.0);
  free(y);
  free(naive);
}

/* The frequency at sample i sets the step from i to i + 1: a change at sample k leaves
 * samples 0..k identical and changes sample k + 1 on. */
static void test_audio_rate_frequency_changes_on_the_exact_sample(void **st) {
  const int n = 16384, k = 5000; /* 5000 = 39 blocks of 128 + 8: inside a block */
  float *freq = malloc(n * sizeof(float));
  for (int i = 0; i < n; i++) freq[i] = i < k ? 440.0f : 880.0f;
  for (int o = 0; o < NOSC; o++) {
    t_param pc[3], pb[3];
    osc_params(oscillators[o], 440.0, pc);
    osc_params(oscillators[o], 0.0, pb);
    pb[0].buf = freq;
    float *steady = t_render(oscillators[o], pc, n), *moved = t_render(oscillators[o], pb, n);
    int first = 0;
    while (first < n && steady[first] == moved[first]) first++;
    /* square and pulse are flat between their steps: the change shows at the next step */
    bool flat = strcmp(oscillators[o], "square") == 0 || strcmp(oscillators[o], "pulse") == 0;
    if (first <= k || (!flat && first != k + 1) || first > k + 60)
      fail_msg("%s: first changed sample %d, the frequency changes at %d", oscillators[o], first, k);
    assert_float_equal(t_pitch(moved, 4096, SR), 440.0, 2.2);
    assert_float_equal(t_pitch(moved + k + 1, 8192, SR), 880.0, 4.4);
    free(steady);
    free(moved);
  }
  /* sine against its definition: y[i] = sin(2π Σ_{j<i} f[j] / sr) */
  t_param p[2] = {{freq, 0.0f}, {NULL, 0.0f}};
  float *y = t_render("sine", p, n);
  double phase = 0.0;
  for (int i = 0; i < n; i++) {
    assert_float_equal(y[i], sin(PH_DSP_TWO_PI * phase), 1e-6);
    phase += freq[i] / SR;
    phase -= floor(phase);
  }
  free(y);
  free(freq);
}

static void test_a_buffer_of_a_constant_sounds_like_the_constant(void **st) {
  const int n = 4096;
  float *freq = malloc(n * sizeof(float));
  for (int i = 0; i < n; i++) freq[i] = 330.0f;
  for (int o = 0; o < NOSC; o++) {
    t_param pc[3], pb[3];
    osc_params(oscillators[o], 330.0, pc);
    osc_params(oscillators[o], 0.0, pb);
    pb[0].buf = freq;
    float *a = t_render(oscillators[o], pc, n), *b = t_render(oscillators[o], pb, n);
    assert_memory_equal(a, b, n * sizeof(float));
    free(a);
    free(b);
  }
  free(freq);
}

static void test_negative_frequency_runs_backwards(void **st) {
  const int n = 8192;
  float *up = render_osc("sine", 440.0, n), *down = render_osc("sine", -440.0, n);
  for (int i = 0; i < n; i++) assert_float_equal(down[i], -up[i], 1e-5);
  free(up);
  free(down);
  float *saw = render_osc("saw", -440.0, n);
  assert_float_equal(t_pitch(saw, n, SR), 440.0, 2.2);
  free(saw);
}

static void test_extreme_parameters_stay_finite(void **st) {
  const float bad[] = {0.0f, -0.0f, 1e9f, -1e9f, INFINITY, -INFINITY, NAN, 24000.0f, 23999.0f, 1e-30f};
  const float offsets[] = {0.0f, 1000.0f, -1000.0f, NAN, INFINITY};
  const int n = 1024;
  for (int o = 0; o < NOSC; o++)
    for (size_t b = 0; b < sizeof bad / sizeof *bad; b++)
      for (size_t s = 0; s < sizeof offsets / sizeof *offsets; s++) {
        t_param p[3];
        osc_params(oscillators[o], bad[b], p);
        p[ph_dsp_param_index(ph_dsp_unit_find(oscillators[o]), "offset")].constant = offsets[s];
        if (strcmp(oscillators[o], "pulse") == 0) p[1].constant = bad[b];
        float *y = t_render(oscillators[o], p, n);
        if (!t_all_finite(y, n) || t_peak(y, n) > 1.5f)
          fail_msg("%s freq %g offset %g: peak %g", oscillators[o], bad[b], offsets[s], t_peak(y, n));
        free(y);
      }
}

static void test_same_input_same_output_and_reset(void **st) {
  const char *names[] = {"sine", "saw", "square", "tri", "pulse", "white_noise", "pink_noise", "brown_noise"};
  const int n = 3000;
  for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
    t_param p[3] = {{NULL, 220.0f}, {NULL, 0.5f}, {NULL, 0.0f}};
    if (strcmp(names[k], "pulse") != 0) p[1].constant = 0.0f;
    float *a = t_render(names[k], p, n), *b = t_render(names[k], p, n);
    assert_memory_equal(a, b, n * sizeof(float));
    /* reset brings the unit back to where init left it */
    t_unit u = t_unit_new(names[k], SR, 128, 1);
    float *c = calloc(n, sizeof(float));
    t_unit_run(&u, p, c, 777, 128);
    u.def->reset(u.state);
    t_unit_run(&u, p, c, n, 128);
    assert_memory_equal(a, c, n * sizeof(float));
    t_unit_free(&u);
    free(a);
    free(b);
    free(c);
  }
}

/* Mean power in [lo, hi) Hz, averaged over 4096-sample Hann segments (Welch). */
static double band_power(const float *x, int n, double lo, double hi) {
  const int seg = 4096;
  double sum = 0;
  int segs = 0;
  for (int start = 0; start + seg <= n; start += seg / 2, segs++) {
    double *p = t_power_spectrum(x + start, seg, true);
    for (int k = (int)(lo * seg / SR); k < (int)(hi * seg / SR); k++) sum += p[k];
    free(p);
  }
  return sum / segs;
}

static void test_noises(void **st) {
  const int n = 480000;
  float *white = t_render("white_noise", NULL, n), *pink = t_render("pink_noise", NULL, n),
        *brown = t_render("brown_noise", NULL, n);
  double mean = 0;
  for (int i = 0; i < n; i++) mean += white[i];
  assert_float_equal(mean / n, 0.0, 0.01);
  assert_float_equal(t_rms(white, n), sqrt(1.0 / 3.0), 0.01);
  assert_true(t_peak(white, n) <= 1.0f && t_peak(pink, n) <= 1.0f && t_peak(brown, n) <= 1.0f);
  const double bands[] = {100, 400, 1600, 6400};
  for (int b = 0; b < 3; b++) {
    double w = 10 * log10(band_power(white, n, bands[b + 1], 2 * bands[b + 1]) / band_power(white, n, bands[b], 2 * bands[b]));
    double p = 10 * log10(band_power(pink, n, bands[b + 1], 2 * bands[b + 1]) / band_power(pink, n, bands[b], 2 * bands[b]));
    double r = 10 * log10(band_power(brown, n, bands[b + 1], 2 * bands[b + 1]) / band_power(brown, n, bands[b], 2 * bands[b]));
    print_message("octave band %g -> %g Hz: white %+.2f dB, pink %+.2f dB, brown %+.2f dB (two octaves)\n", bands[b], bands[b + 1], w, p, r);
    assert_float_equal(w, 6.02, 1.0);  /* flat density: 4x the bins, +6 dB */
    assert_float_equal(p, 0.0, 1.0);   /* equal power per octave */
    assert_float_equal(r, -6.02, 1.5); /* -6 dB per octave density: -6 dB per two octaves of band power */
  }
  print_message("RMS white %.3f pink %.3f brown %.3f\n", t_rms(white, n), t_rms(pink, n), t_rms(brown, n));
  assert_true(t_rms(pink, n) > 0.05 && t_rms(brown, n) > 0.05);
  free(white);
  free(pink);
  free(brown);
  /* another seed, other noise */
  t_unit u1 = t_unit_new("white_noise", SR, 128, 1), u2 = t_unit_new("white_noise", SR, 128, 2);
  float a[256], b[256];
  t_unit_run(&u1, NULL, a, 256, 128);
  t_unit_run(&u2, NULL, b, 256, 128);
  assert_memory_not_equal(a, b, sizeof a);
  t_unit_free(&u1);
  t_unit_free(&u2);
}

static void test_catalog(void **st) {
  assert_ptr_equal(ph_dsp_unit_find("noise"), ph_dsp_unit_find("white_noise"));
  assert_ptr_equal(ph_dsp_unit_find("triangle"), ph_dsp_unit_find("tri"));
  assert_ptr_equal(ph_dsp_unit_find("pink"), ph_dsp_unit_find("pink_noise"));
  assert_null(ph_dsp_unit_find("sin"));
  assert_null(ph_dsp_unit_find(""));
  assert_null(ph_dsp_unit_at(ph_dsp_unit_count()));
  ph_dsp_config cfg = {SR, 128, 0};
  for (int i = 0; i < ph_dsp_unit_count(); i++) {
    const ph_unit_def *d = ph_dsp_unit_at(i);
    assert_ptr_equal(ph_dsp_unit_find(d->name), d);
    assert_true(d->noutputs >= 1 && d->state_size(&cfg) < (1u << 24) && d->init && d->process && d->doc);
    for (int j = 0; j < i; j++) assert_string_not_equal(ph_dsp_unit_at(j)->name, d->name);
    for (int p = 0; p < d->nparams; p++) {
      const ph_param_def *q = &d->params[p];
      assert_true(isnan(q->def) ? !q->required : (q->min <= q->def && q->def <= q->max)); /* NaN: absent */
      assert_int_equal(ph_dsp_param_index(d, q->name), p);
    }
  }
  assert_int_equal(ph_dsp_param_index(ph_dsp_unit_find("pulse"), "width"), 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pitch_of_each_oscillator),
      cmocka_unit_test(test_offset_transposes_by_semitones),
      cmocka_unit_test(test_rms_levels),
      cmocka_unit_test(test_oscillators_start_at_zero_rising),
      cmocka_unit_test(test_pulse_width),
      cmocka_unit_test(test_saw_aliasing_far_below_the_naive_saw),
      cmocka_unit_test(test_audio_rate_frequency_changes_on_the_exact_sample),
      cmocka_unit_test(test_a_buffer_of_a_constant_sounds_like_the_constant),
      cmocka_unit_test(test_negative_frequency_runs_backwards),
      cmocka_unit_test(test_extreme_parameters_stay_finite),
      cmocka_unit_test(test_same_input_same_output_and_reset),
      cmocka_unit_test(test_noises),
      cmocka_unit_test(test_catalog),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
