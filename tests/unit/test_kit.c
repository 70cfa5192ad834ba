/* The built-in kit sounds like the drum machine it names: every instrument has 4 audible,
 * clearly different variations that start loud, peak near -3 dBFS, carry no DC and end in
 * silence; kicks are low, hats bright and short, open hats longer, toms ordered by pitch. */
#include <fftw3.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "measure.h"
#include "support.h"
#include "voice/kit.h"

#define RATE 44100.0

static double db(double x) { return 20.0 * log10(x + 1e-30); }

static ph_sample *render(const char *name, int v) {
  ph_sample *s = ph_kit_render(name, v, RATE);
  assert_non_null(s);
  assert_int_equal(s->channels, 1);
  assert_true(s->sample_rate == RATE);
  return s;
}

/* Magnitude spectrum of the whole sound, bins k = k·rate/n Hz. No window: the sounds start at
 * their loudest and end faded to 0, and a window would hide their attack. */
static double *spectrum(const float *buf, int n) {
  float *in = fftwf_alloc_real((size_t)n);
  fftwf_complex *out = fftwf_alloc_complex((size_t)n / 2 + 1);
  fftwf_plan plan = fftwf_plan_dft_r2c_1d(n, in, out, FFTW_ESTIMATE);
  for (int i = 0; i < n; i++) in[i] = buf[i];
  fftwf_execute(plan);
  double *mag = test_malloc(sizeof(double) * (size_t)(n / 2 + 1));
  for (int k = 0; k <= n / 2; k++) mag[k] = hypot(out[k][0], out[k][1]);
  fftwf_destroy_plan(plan);
  fftwf_free(in);
  fftwf_free(out);
  return mag;
}

static double centroid_hz(const ph_sample *s) {
  int n = (int)s->frames;
  double *mag = spectrum(s->data, n), num = 0, den = 0;
  for (int k = 1; k <= n / 2; k++) {
    num += mag[k] * k * RATE / n;
    den += mag[k];
  }
  test_free(mag);
  return num / den;
}

/* Share of the spectrum's energy between lo and hi Hz. */
static double energy_share(const ph_sample *s, double lo, double hi) {
  int n = (int)s->frames;
  double *mag = spectrum(s->data, n), part = 0, all = 0;
  for (int k = 1; k <= n / 2; k++) {
    double hz = k * RATE / n, e = mag[k] * mag[k];
    all += e;
    if (hz >= lo && hz < hi) part += e;
  }
  test_free(mag);
  return part / all;
}

static double peak_hz(const ph_sample *s) { return measure_peak_hz(s->data, (int)s->frames, RATE); }

/* How long the sound lasts: the end of the last 10 ms window within 40 dB of the loudest. */
static double duration_s(const ph_sample *s) {
  int w = (int)(0.01 * RATE), nw = (int)s->frames / w;
  double loudest = 0;
  for (int k = 0; k < nw; k++) loudest = fmax(loudest, measure_rms(s->data + k * w, w));
  int last = 0;
  for (int k = 0; k < nw; k++)
    if (measure_rms(s->data + k * w, w) > loudest * 0.01) last = k;
  return (last + 1) * 0.01;
}

static double rms_first_100ms(const ph_sample *s) {
  size_t n = (size_t)(0.1 * RATE), have = s->frames < n ? s->frames : n;
  double acc = 0;
  for (size_t i = 0; i < have; i++) acc += (double)s->data[i] * s->data[i];
  return sqrt(acc / (double)n);
}

static void test_every_instrument_is_there_with_four_variations(void **state) {
  const char *expected[] = {"bd", "sn", "hh", "oh", "cp", "rim", "lt", "mt", "ht", "cb", "cr", "sd"};
  assert_int_equal(ph_kit_count(), 12);
  for (int i = 0; i < 12; i++) {
    assert_true(ph_kit_has(expected[i]));
    assert_string_equal(ph_kit_name(i), expected[i]);
  }
  assert_false(ph_kit_has("808bd"));
  assert_null(ph_kit_name(12));
  assert_null(ph_kit_render("nope", 0, RATE));
  ph_bank *b = ph_bank_create(RATE);
  assert_int_equal(ph_kit_add_all(b), 12);
  for (int i = 0; i < 12; i++) {
    assert_int_equal(ph_bank_count(b, expected[i]), PH_KIT_VARIATIONS);
    assert_string_equal(ph_bank_origin(b, expected[i]), "built-in");
  }
  assert_int_equal(ph_kit_add_all(b), 0); /* nothing twice */
  ph_bank_destroy(b);
}

/* An offline render's bank: each variation made on its first lookup, the same samples bit for
 * bit as one made at once. */
static void test_a_deferred_kit_makes_what_is_played(void **state) {
  ph_bank *now = ph_bank_create(RATE), *later = ph_bank_create(RATE);
  assert_int_equal(ph_kit_add(now, "oh", false), PH_KIT_VARIATIONS);
  assert_int_equal(ph_kit_add(later, "oh", true), PH_KIT_VARIATIONS);
  assert_int_equal(ph_bank_count(later, "oh"), PH_KIT_VARIATIONS);
  assert_string_equal(ph_bank_origin(later, "oh"), "built-in");
  const ph_sample *a = ph_bank_get(now, "oh", 2), *b = ph_bank_get(later, "oh", 2);
  assert_non_null(b);
  assert_int_equal(a->frames, b->frames);
  assert_memory_equal(a->data, b->data, sizeof(float) * a->frames);
  assert_string_equal(b->name, "built-in oh:2");
  assert_ptr_equal(ph_bank_get(later, "oh", 6), b); /* the same one, made once */
  ph_bank_destroy(now);
  ph_bank_destroy(later); /* with three variations never made */
}

static atomic_int makes;

static void slow_maker(float *data, size_t frames, double rate, const void *ctx, int arg) {
  atomic_fetch_add(&makes, 1);
  struct timespec pause = {0, 20 * 1000 * 1000};
  nanosleep(&pause, NULL); /* long enough that the other thread asks meanwhile */
  for (size_t i = 0; i < frames; i++) data[i] = (float)arg;
}

static void *look_up(void *bank) { return (void *)ph_bank_get(bank, "x", 0); }

static void count_maker(float *data, size_t frames, double rate, const void *ctx, int arg) {
  atomic_fetch_add(&makes, 1);
  for (size_t i = 0; i < frames; i++) data[i] = (float)arg;
}

/* Of three deferred samples under a name, a lookup makes the one it asks for, once. */
static void test_only_what_is_looked_up_is_made(void **state) {
  ph_bank *b = ph_bank_create(RATE);
  for (int k = 0; k < 3; k++) assert_true(ph_bank_add(b, "y", ph_sample_deferred("y", 64, 1, RATE, count_maker, NULL, k)));
  atomic_store(&makes, 0);
  const ph_sample *s = ph_bank_get(b, "y", 1);
  assert_int_equal(atomic_load(&makes), 1);
  assert_true(s->data[0] == 1.0f && s->data[63] == 1.0f);
  assert_ptr_equal(ph_bank_get(b, "y", 4), s);
  assert_int_equal(atomic_load(&makes), 1);
  ph_bank_destroy(b);
}

/* Two threads that look up a deferred sample at once: it is made once, both get it made. */
static void test_a_deferred_sample_is_made_once(void **state) {
  ph_bank *b = ph_bank_create(RATE);
  assert_true(ph_bank_add(b, "x", ph_sample_deferred("made", 1000, 1, RATE, slow_maker, NULL, 7)));
  atomic_store(&makes, 0);
  pthread_t t[2];
  void *got[2];
  for (int k = 0; k < 2; k++) assert_int_equal(pthread_create(&t[k], NULL, look_up, b), 0);
  for (int k = 0; k < 2; k++) assert_int_equal(pthread_join(t[k], &got[k]), 0);
  assert_int_equal(atomic_load(&makes), 1);
  assert_non_null(got[0]);
  assert_ptr_equal(got[0], got[1]);
  const ph_sample *s = got[0];
  for (size_t i = 0; i < s->frames; i++) assert_true(s->data[i] == 7.0f);
  ph_bank_destroy(b);
}

static void test_levels_start_and_end(void **state) {
  for (int i = 0; i < ph_kit_count(); i++)
    for (int v = 0; v < PH_KIT_VARIATIONS; v++) {
      const char *name = ph_kit_name(i);
      ph_sample *s = render(name, v);
      int n = (int)s->frames;
      double peak = measure_peak(s->data, n), start = rms_first_100ms(s);
      int tail = (int)(0.01 * RATE);
      double end = measure_rms(s->data + n - tail, tail);
      double mean = 0;
      for (int k = 0; k < n; k++) mean += s->data[k];
      mean /= n;
      if (db(start) < -30 || db(peak) > -2 || db(peak) < -4 || db(end) > -45 || fabs(mean) > 1e-3 ||
          s->data[n - 1] != 0.0f)
        fail_msg("%s:%d: first 100 ms %.1f dBFS, peak %.2f dBFS, last 10 ms %.1f dBFS, mean %.5f, last %g",
                 name, v, db(start), db(peak), db(end), mean, s->data[n - 1]);
      ph_sample_destroy(s);
    }
}

/* Two variations differ audibly when their length, brightness or pitch differ. */
static void test_variations_are_clearly_different(void **state) {
  for (int i = 0; i < ph_kit_count(); i++) {
    const char *name = ph_kit_name(i);
    double dur[PH_KIT_VARIATIONS], cen[PH_KIT_VARIATIONS], hz[PH_KIT_VARIATIONS];
    for (int v = 0; v < PH_KIT_VARIATIONS; v++) {
      ph_sample *s = render(name, v);
      dur[v] = duration_s(s);
      cen[v] = centroid_hz(s);
      hz[v] = peak_hz(s);
      ph_sample_destroy(s);
    }
    for (int a = 0; a < PH_KIT_VARIATIONS; a++)
      for (int b = a + 1; b < PH_KIT_VARIATIONS; b++) {
        double ddur = fabs(dur[a] / dur[b] - 1), dcen = fabs(cen[a] / cen[b] - 1);
        double dhz = fabs(hz[a] / hz[b] - 1);
        if (ddur < 0.15 && dcen < 0.08 && dhz < 0.08)
          fail_msg("%s:%d and %s:%d sound alike: %.2f/%.2f s, centroid %.0f/%.0f Hz, peak %.0f/%.0f Hz", name,
                   a, name, b, dur[a], dur[b], cen[a], cen[b], hz[a], hz[b]);
      }
  }
}

static void test_same_rate_same_samples(void **state) {
  for (int i = 0; i < ph_kit_count(); i++) {
    ph_sample *a = render(ph_kit_name(i), 1), *b = render(ph_kit_name(i), 1);
    assert_int_equal(a->frames, b->frames);
    assert_memory_equal(a->data, b->data, a->frames * sizeof(float));
    ph_sample_destroy(a);
    ph_sample_destroy(b);
  }
  ph_sample *wrapped = render("sn", 5), *one = render("sn", 1);
  assert_int_equal(wrapped->frames, one->frames);
  assert_memory_equal(wrapped->data, one->data, one->frames * sizeof(float));
  ph_sample_destroy(wrapped);
  ph_sample_destroy(one);
}

static void test_kick_is_low(void **state) {
  for (int v = 0; v < PH_KIT_VARIATIONS; v++) {
    ph_sample *s = render("bd", v);
    double hz = peak_hz(s);
    if (!(hz > 30 && hz < 150)) fail_msg("bd:%d peaks at %.1f Hz", v, hz);
    ph_sample_destroy(s);
  }
}

static void test_hats_are_bright_and_open_ones_longer(void **state) {
  for (int v = 0; v < PH_KIT_VARIATIONS; v++) {
    ph_sample *hh = render("hh", v), *oh = render("oh", v), *cr = render("cr", v);
    double c_hh = centroid_hz(hh), c_oh = centroid_hz(oh), c_cr = centroid_hz(cr);
    double d_hh = duration_s(hh), d_oh = duration_s(oh), d_cr = duration_s(cr);
    if (c_hh < 5000 || c_oh < 5000 || c_cr < 4000)
      fail_msg("variation %d: centroids hh %.0f, oh %.0f, cr %.0f Hz", v, c_hh, c_oh, c_cr);
    if (!(d_oh > 2.5 * d_hh && d_cr > 1.5 * d_oh && d_hh < 0.5))
      fail_msg("variation %d: durations hh %.2f, oh %.2f, cr %.2f s", v, d_hh, d_oh, d_cr);
    ph_sample_destroy(hh);
    ph_sample_destroy(oh);
    ph_sample_destroy(cr);
  }
}

static void test_toms_rise_low_to_high(void **state) {
  for (int v = 0; v < PH_KIT_VARIATIONS; v++) {
    ph_sample *lt = render("lt", v), *mt = render("mt", v), *ht = render("ht", v);
    double l = peak_hz(lt), m = peak_hz(mt), h = peak_hz(ht);
    if (!(l > 60 && l * 1.2 < m && m * 1.2 < h && h < 300))
      fail_msg("variation %d: lt %.0f, mt %.0f, ht %.0f Hz", v, l, m, h);
    ph_sample_destroy(lt);
    ph_sample_destroy(mt);
    ph_sample_destroy(ht);
  }
}

static void test_snares_are_tone_and_noise(void **state) {
  const char *names[] = {"sn", "sd"};
  for (int i = 0; i < 2; i++)
    for (int v = 0; v < PH_KIT_VARIATIONS; v++) {
      ph_sample *s = render(names[i], v);
      double tone = energy_share(s, 100, 700), noise = energy_share(s, 1500, RATE / 2);
      if (tone < 0.05 || noise < 0.05)
        fail_msg("%s:%d: tone %.2f, noise %.2f of the energy", names[i], v, tone, noise);
      ph_sample_destroy(s);
    }
}

static void test_cowbell_rim_and_clap(void **state) {
  for (int v = 0; v < PH_KIT_VARIATIONS; v++) {
    ph_sample *cb = render("cb", v), *rim = render("rim", v), *cp = render("cp", v);
    double hz = peak_hz(cb);
    if (hz < 450 || hz > 950) fail_msg("cb:%d peaks at %.0f Hz", v, hz);
    if (duration_s(rim) > 0.08) fail_msg("rim:%d lasts %.2f s", v, duration_s(rim));
    /* the clap's hands: separate attacks, each at least 6 dB over the 2 ms before it */
    int w = (int)(0.002 * RATE), attacks = 0, last = -10;
    double prev = 1e-9;
    for (int k = 0; k < 40; k++) {
      double e = measure_rms(cp->data + k * w, w);
      if (e > 2 * prev && k - last >= 2) {
        attacks++;
        last = k;
      }
      prev = e;
    }
    if (attacks < 3 || attacks > 6) fail_msg("cp:%d has %d attacks in 80 ms", v, attacks);
    ph_sample_destroy(cb);
    ph_sample_destroy(rim);
    ph_sample_destroy(cp);
  }
}

static void test_other_rates_keep_the_sound(void **state) {
  ph_sample *a = ph_kit_render("bd", 0, 48000.0), *b = ph_kit_render("hh", 0, 22050.0);
  assert_non_null(a);
  assert_non_null(b);
  assert_true(a->sample_rate == 48000.0);
  assert_int_equal(a->frames, (size_t)ceil(1.8 * 48000.0));
  double hz = measure_peak_hz(a->data, (int)a->frames, 48000.0);
  if (!(hz > 30 && hz < 150)) fail_msg("bd at 48 kHz peaks at %.1f Hz", hz);
  assert_true(db(measure_peak(b->data, (int)b->frames)) < -2);
  ph_sample_destroy(a);
  ph_sample_destroy(b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_instrument_is_there_with_four_variations),
      cmocka_unit_test(test_levels_start_and_end),
      cmocka_unit_test(test_variations_are_clearly_different),
      cmocka_unit_test(test_same_rate_same_samples),
      cmocka_unit_test(test_kick_is_low),
      cmocka_unit_test(test_hats_are_bright_and_open_ones_longer),
      cmocka_unit_test(test_toms_rise_low_to_high),
      cmocka_unit_test(test_snares_are_tone_and_noise),
      cmocka_unit_test(test_cowbell_rim_and_clap),
      cmocka_unit_test(test_other_rates_keep_the_sound),
      cmocka_unit_test(test_a_deferred_kit_makes_what_is_played),
      cmocka_unit_test(test_a_deferred_sample_is_made_once),
      cmocka_unit_test(test_only_what_is_looked_up_is_made),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
