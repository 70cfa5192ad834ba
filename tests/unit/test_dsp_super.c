/* The SuperDirt-style instruments, judged by ear: the kick's pitch drop and decay, the saw
 * stack's spread, the PWM's moving spectrum, the chip's vibrato, FM's sidebands, the snare's
 * tone and noise, the hat's brightness, the square's sweep, the gong's modes, the piano's
 * stretched partials; strikes on the exact sample; levels and safety. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dsp_measure.h"

static const char *const instruments[] = {"superkick", "supersaw", "superpwm",    "superchip", "superfm",
                                          "supersnare", "superhat", "supersquare", "supergong", "superpiano"};
enum { NINST = 10 };

/* Decays by itself after a strike (a tone sustains until its voice lets go). */
static bool percussive(const char *name) {
  return !strcmp(name, "superkick") || !strcmp(name, "supersnare") || !strcmp(name, "superhat") ||
         !strcmp(name, "supergong") || !strcmp(name, "superpiano");
}

/* A drum whose default decay comes to rest within a second and a half. */
static bool short_drum(const char *name) {
  return !strcmp(name, "superkick") || !strcmp(name, "supersnare") || !strcmp(name, "superhat");
}

/* An instrument's parameters, every one at its default constant. */
typedef struct {
  const ph_unit_def *d;
  t_param p[8];
} setup;

static setup defaults(const char *name) {
  setup s = {ph_dsp_unit_find(name), {{0}}};
  assert_non_null(s.d);
  for (int i = 0; i < s.d->nparams; i++) s.p[i] = (t_param){NULL, s.d->params[i].def};
  return s;
}

static void set(setup *s, const char *param, float value) {
  int i = ph_dsp_param_index(s->d, param);
  if (i < 0) fail_msg("%s has no parameter %s", s->d->name, param);
  s->p[i] = (t_param){NULL, value};
}

static void set_buf(setup *s, const char *param, const float *buf) {
  int i = ph_dsp_param_index(s->d, param);
  if (i < 0) fail_msg("%s has no parameter %s", s->d->name, param);
  s->p[i] = (t_param){buf, 0.0f};
}

static float *play(const setup *s, int frames) { return t_render(s->d->name, s->p, frames); }

/* Power between lo and hi Hz in a spectrum of n points. */
static double band(const double *power, int n, double lo, double hi) {
  double sum = 0;
  for (int k = (int)ceil(lo * n / SR); k <= n / 2 && k * SR / n <= hi; k++) sum += power[k];
  return sum;
}

/* Power near hz: within ±4 bins, which holds a Hann-windowed partial. */
static double around(const double *power, int n, double hz) {
  return band(power, n, hz - 4.0 * SR / n, hz + 4.0 * SR / n);
}

static double centroid(const float *x, int n) {
  double *p = t_power_spectrum(x, n, true), num = 0, den = 0;
  for (int k = 1; k <= n / 2; k++) num += p[k] * k * SR / n, den += p[k];
  free(p);
  return num / den;
}

static double rms_db(const float *x, int n, double ref) { return t_db(t_rms(x, n) / ref); }

/* ---------------------------------------------------------------- superkick */

static void test_kick_pitch_drops_to_freq(void **st) {
  setup s = defaults("superkick");
  set(&s, "freq", 60.0f);
  set(&s, "sustain", 0.5f);
  set(&s, "noise", 0.0f);
  float *y = play(&s, 48000);
  double early = t_pitch(y, 1024, SR), late = t_pitch(y + 9600, 16384, SR);
  print_message("superkick 60 Hz: %.0f Hz in the first 21 ms, %.1f Hz from 0.2 s\n", early, late);
  assert_true(early > 1.5 * 60.0);
  assert_float_equal(late, 60.0, 2.0);
  free(y);
  set(&s, "pitchenv", 0.0f); /* no drop: the start is at FREQ too */
  y = play(&s, 48000);
  assert_true(t_pitch(y, 4096, SR) < 80.0);
  free(y);
}

static void test_kick_decays_with_sustain(void **st) {
  const float sustains[] = {0.1f, 0.3f, 0.8f};
  for (int k = 0; k < 3; k++) {
    setup s = defaults("superkick");
    double sus = sustains[k];
    set(&s, "sustain", (float)sus);
    int n = (int)(6.5 * sus * SR);
    float *y = play(&s, n);
    double start = t_rms(y, 960); /* the first 20 ms */
    double at_one = rms_db(y + (int)(sus * SR), 960, start);
    double after_five = rms_db(y + (int)(5 * sus * SR), (int)(sus * SR), start);
    print_message("superkick sustain %.1f s: %.1f dB after SUSTAIN, %.1f dB after 5·SUSTAIN\n", sus, at_one,
                  after_five);
    assert_true(at_one < -10.0 && at_one > -30.0); /* a decay, not a cut */
    assert_true(after_five < -60.0);
    free(y);
  }
}

/* ---------------------------------------------------------------- supersaw */

/* The spread of the fundamental: power-weighted deviation in Hz within a semitone of freq. */
static double spread_hz(const float *y, int n, double freq, double *centre) {
  double *p = t_power_spectrum(y, n, true), sum = 0, mean = 0, var = 0;
  int lo = (int)(freq * pow(2, -1.0 / 12) * n / SR), hi = (int)(freq * pow(2, 1.0 / 12) * n / SR);
  for (int k = lo; k <= hi; k++) sum += p[k], mean += p[k] * k * SR / n;
  mean /= sum;
  for (int k = lo; k <= hi; k++) var += p[k] * pow(k * SR / n - mean, 2);
  free(p);
  *centre = mean;
  return sqrt(var / sum);
}

static void test_supersaw_spreads_with_detune(void **st) {
  const int n = 131072; /* 0.37 Hz per bin */
  const float detunes[] = {0.05f, 0.3f, 1.0f};
  double spread[3];
  for (int k = 0; k < 3; k++) {
    setup s = defaults("supersaw");
    set(&s, "freq", 220.0f);
    set(&s, "detune", detunes[k]);
    float *y = play(&s, n);
    double centre;
    spread[k] = spread_hz(y, n, 220.0, &centre);
    print_message("supersaw 220 Hz detune %.2f: fundamental centred at %.2f Hz, spread %.2f Hz\n", detunes[k], centre,
                  spread[k]);
    assert_float_equal(centre, 220.0, 1.0);
    assert_float_equal(t_pitch(y, n, SR), 220.0, 220.0 * 0.03); /* the strongest partial */
    free(y);
  }
  assert_true(spread[1] > 2.0 * spread[0] && spread[2] > 2.0 * spread[1]);
  /* seven voices evenly across ±50·DETUNE cents: a deviation of √(8/18) times the outer offset */
  for (int k = 1; k < 3; k++) {
    double outer = 220.0 * (exp2(50.0 * detunes[k] / 1200.0) - 1.0);
    assert_float_equal(spread[k], sqrt(8.0 / 18.0) * outer, 0.25 * sqrt(8.0 / 18.0) * outer);
  }
}

static void test_supersaw_level_is_even_over_voices(void **st) {
  double levels[6];
  for (int v = 2; v <= 7; v++) {
    setup s = defaults("supersaw");
    set(&s, "voices", (float)v);
    float *y = play(&s, 48000);
    levels[v - 2] = t_rms(y, 48000);
    assert_true(t_peak(y, 48000) < 1.0f);
    free(y);
  }
  for (int v = 0; v < 6; v++) assert_float_equal(t_db(levels[v] / levels[5]), 0.0, 3.0);
}

/* ---------------------------------------------------------------- superpwm */

/* The second harmonic over the first, in dB, in 4096 samples of y centred at `at` seconds. */
static double second_over_first(const float *y, double at, double freq) {
  const int n = 4096;
  double *p = t_power_spectrum(y + (int)(at * SR) - n / 2, n, true);
  double db = 10.0 * log10(around(p, n, 2.0 * freq) / around(p, n, freq));
  free(p);
  return db;
}

static void test_superpwm_spectrum_moves(void **st) {
  setup s = defaults("superpwm"); /* RATE 0.5: the width swings widest at 0.5 s, back at 1 s */
  set(&s, "freq", 220.0f);
  float *y = play(&s, 72000);
  double wide = second_over_first(y, 0.5, 220.0), square = second_over_first(y, 1.0, 220.0);
  print_message("superpwm: 2nd harmonic %.1f dB under the 1st at 0.5 s, %.1f dB at 1 s\n", -wide, -square);
  assert_true(wide - square > 8.0);
  double mean = 0;
  for (int i = 0; i < 72000; i++) mean += y[i];
  assert_true(fabs(mean / 72000) < 0.01); /* the moving width moves no DC */
  free(y);
  set(&s, "depth", 0.0f); /* no swing, no change */
  y = play(&s, 72000);
  assert_float_equal(second_over_first(y, 0.5, 220.0), second_over_first(y, 1.0, 220.0), 1.0);
  free(y);
}

/* ---------------------------------------------------------------- superchip */

static void test_superchip_vibrato(void **st) {
  const int n = 48000, win = 2048, hop = 240;
  setup s = defaults("superchip");
  set(&s, "freq", 440.0f);
  float *y = play(&s, n);
  double lo = 1e9, hi = 0, prev = 440.0;
  int rises = 0;
  for (int at = 0; at + win <= n; at += hop) {
    double f = t_pitch(y + at, win, SR);
    lo = fmin(lo, f), hi = fmax(hi, f);
    rises += prev <= 440.0 && f > 440.0;
    prev = f;
  }
  print_message("superchip 440 Hz, vibrato 5 Hz × 0.05: pitch %.1f .. %.1f Hz, %d rises through 440\n", lo, hi, rises);
  assert_float_equal(hi, 440.0 * 1.05, 6.0);
  assert_float_equal(lo, 440.0 * 0.95, 6.0);
  assert_true(rises >= 4 && rises <= 6); /* about five swings in a second */
  free(y);
  set(&s, "vib_depth", 0.0f);
  y = play(&s, n);
  for (int at = 0; at + win <= n; at += 4800) assert_float_equal(t_pitch(y + at, win, SR), 440.0, 1.0);
  free(y);
}

/* ---------------------------------------------------------------- superfm */

static void test_superfm_sidebands(void **st) {
  const double fc = 200.0, ratio = 3.7, fm = fc * ratio;
  const int n = 32768;
  setup s = defaults("superfm");
  set(&s, "freq", (float)fc);
  set(&s, "ratio", (float)ratio);
  float *y = play(&s, 48000 + n);
  /* after the strike's brightness has settled, the index is INDEX = 1: J0 .765, J1 .440, J2 .115 */
  double *p = t_power_spectrum(y + 48000, n, true);
  double c = around(p, n, fc);
  double db[4] = {10 * log10(around(p, n, fc + fm) / c), 10 * log10(around(p, n, fabs(fc - fm)) / c),
                  10 * log10(around(p, n, fc + 2 * fm) / c), 10 * log10(around(p, n, fabs(fc - 2 * fm)) / c)};
  double stray = 10 * log10(around(p, n, 570.0) / c);
  print_message("superfm 200 Hz × 3.7: sidebands ±1 at %.1f %.1f dB, ±2 at %.1f %.1f dB, 570 Hz %.1f dB\n", db[0],
                db[1], db[2], db[3], stray);
  double j1 = 20 * log10(0.4401 / 0.7652), j2 = 20 * log10(0.1149 / 0.7652);
  for (int k = 0; k < 2; k++) assert_float_equal(db[k], j1, 1.0);
  for (int k = 2; k < 4; k++) assert_float_equal(db[k], j2, 1.0);
  assert_true(stray < -60.0);
  free(p);
  /* right after the strike the index is three times as large: the sidebands are stronger */
  p = t_power_spectrum(y, 2048, true);
  double early = 10 * log10(around(p, 2048, fc + fm) / around(p, 2048, fc));
  print_message("superfm: first sideband %.1f dB in the first 43 ms\n", early);
  assert_true(early > db[0] + 6.0);
  free(p);
  free(y);
}

/* ---------------------------------------------------------------- supersnare */

static void test_supersnare_has_tone_and_noise(void **st) {
  const int n = 8192;
  setup s = defaults("supersnare");
  float *y = play(&s, n);
  double *p = t_power_spectrum(y, n, true);
  double total = band(p, n, 0, SR / 2), high = band(p, n, 2000, 12000);
  /* the tone: the strongest partial below 1 kHz is the body, near FREQ after its drop */
  int best = 1;
  for (int k = 1; k * SR / n < 1000; k++) best = p[k] > p[best] ? k : best;
  double body = best * SR / n;
  print_message("supersnare: body at %.0f Hz, %.0f%% of the power between 2 and 12 kHz\n", body, 100 * high / total);
  assert_float_equal(body, 180.0 * 1.1, 180.0 * 0.15);
  assert_true(high / total > 0.2);
  /* the noise: no partial stands out in the wires' band */
  double most = 0;
  for (int k = (int)(2000.0 * n / SR); k * SR / n < 8000; k++) most = fmax(most, p[k]);
  assert_true(most < 0.02 * high);
  free(p);
  free(y);
  set(&s, "snappy", 0.0f); /* no wires: almost nothing up there */
  y = play(&s, n);
  p = t_power_spectrum(y, n, true);
  assert_true(band(p, n, 2000, 12000) / band(p, n, 0, SR / 2) < 0.01);
  free(p);
  free(y);
}

/* ---------------------------------------------------------------- superhat */

static void test_superhat_brightness(void **st) {
  const int n = 4800;
  double last = 0;
  for (int k = 0; k <= 4; k++) {
    setup s = defaults("superhat");
    float bright = 0.25f * k;
    set(&s, "bright", bright);
    float *y = play(&s, n);
    double c = centroid(y, n);
    print_message("superhat bright %.2f: centroid %.0f Hz, peak %.2f\n", bright, c, t_peak(y, n));
    assert_true(c > 5000.0 && c > last + 800.0);
    assert_true(t_peak(y, n) > 0.3f && t_peak(y, n) < 1.0f);
    last = c;
    free(y);
  }
  setup s = defaults("superhat");
  float *y = play(&s, 9600);
  assert_true(centroid(y, 4800) > 5000.0);
  assert_true(rms_db(y + (int)(3.2 * 0.05 * SR), 480, t_rms(y, 480)) < -55.0); /* 20 dB per SUSTAIN */
  free(y);
}

/* ---------------------------------------------------------------- supersquare */

static void test_supersquare_sub_and_sweep(void **st) {
  const int n = 16384;
  setup s = defaults("supersquare");
  set(&s, "freq", 220.0f);
  float *y = play(&s, 48000 + n);
  double *p = t_power_spectrum(y + 48000, n, true);
  double sub_db = 10 * log10(around(p, n, 110.0) / around(p, n, 220.0));
  free(p);
  double early = centroid(y, 2400), late = centroid(y + 48000, 2400);
  print_message("supersquare 220 Hz: the pulse an octave below at %.1f dB; centroid %.0f Hz after the strike, "
                "%.0f Hz at 1 s\n", sub_db, early, late);
  assert_true(sub_db > -20.0 && sub_db < 0.0);
  assert_true(early > 1.3 * late); /* the strike opens the filter, which closes again */
  free(y);
  set(&s, "semitone", 7.0f); /* a fifth below instead */
  y = play(&s, 48000 + n);
  p = t_power_spectrum(y + 48000, n, true);
  double fifth = 220.0 * exp2(-7.0 / 12.0);
  assert_true(around(p, n, fifth) > 100.0 * around(p, n, 110.0));
  free(p);
  free(y);
}

/* ---------------------------------------------------------------- supergong */

/* The strongest frequency between lo and hi Hz. */
static double strongest(const double *power, int n, double lo, double hi) {
  int best = (int)ceil(lo * n / SR);
  for (int k = best; k * SR / n <= hi; k++) best = power[k] > power[best] ? k : best;
  return best * SR / n;
}

static void test_supergong_modes_and_decay(void **st) {
  const int n = 32768;
  const double f = 200.0, sustain = 2.0;
  setup s = defaults("supergong");
  set(&s, "freq", (float)f);
  set(&s, "sustain", (float)sustain);
  float *y = play(&s, (int)((sustain + 0.2) * SR) + n);
  double *p = t_power_spectrum(y, n, true);
  double m1 = strongest(p, n, 1.3 * f, 1.7 * f), m2 = strongest(p, n, 2.2 * f, 2.7 * f);
  print_message("supergong 200 Hz: modes at %.1f and %.1f Hz (ratios %.3f, %.3f)\n", m1, m2, m1 / f, m2 / f);
  assert_float_equal(m1 / f, 1.47, 0.01); /* inharmonic: not 1.5 */
  assert_float_equal(m2 / f, 2.44, 0.01); /* nor 2.5 */
  /* the lowest mode falls 20 dB in SUSTAIN seconds */
  double *q = t_power_spectrum(y + (int)(sustain * SR), n, true);
  double fall = 10 * log10(around(q, n, f) / around(p, n, f));
  print_message("supergong: the lowest mode %.1f dB after SUSTAIN\n", fall);
  assert_float_equal(fall, -20.0, 2.0);
  free(q);
  free(p);
  free(y);
}

/* ---------------------------------------------------------------- superpiano */

static void test_superpiano_partials_and_velocity(void **st) {
  const int n = 32768;
  setup s = defaults("superpiano");
  set(&s, "freq", 220.0f);
  float *y = play(&s, n);
  double *p = t_power_spectrum(y, n, true);
  double fifth = strongest(p, n, 4.9 * 220.0, 5.1 * 220.0);
  print_message("superpiano 220 Hz: pitch %.1f Hz, 5th partial at %.1f Hz (%.3f × FREQ)\n", t_pitch(y, n, SR), fifth,
                fifth / 220.0);
  assert_float_equal(t_pitch(y, n, SR), 220.0, 1.0);
  assert_true(fifth / 220.0 > 5.01 && fifth / 220.0 < 5.05); /* a stiff string's partials run sharp */
  free(p);
  free(y);
  double last_c = 0, last_peak = 0;
  for (int k = 0; k <= 2; k++) {
    set(&s, "velocity", 0.5f * k);
    y = play(&s, 9600);
    double c = centroid(y, 9600);
    float peak = t_peak(y, 9600);
    print_message("superpiano velocity %.1f: centroid %.0f Hz, peak %.2f\n", 0.5 * k, c, peak);
    assert_true(c > last_c * 1.2 && peak > last_peak * 1.2); /* harder: brighter and louder */
    last_c = c, last_peak = peak;
    free(y);
  }
  set(&s, "velocity", 0.7f);
  y = play(&s, 3 * 48000);
  assert_true(rms_db(y + 2 * 48000, 4800, t_rms(y, 4800)) < -20.0); /* it dies away */
  free(y);
}

/* ---------------------------------------------------------------- every instrument */

/* One sample's pulse at `at` in a trigger buffer that is otherwise 0 (and 1 at sample 0). */
static float *strikes(int frames, int at) {
  float *t = calloc((size_t)frames, sizeof(float));
  t[0] = 1.0f;
  t[at] = 1.0f;
  return t;
}

static void test_a_strike_restarts_on_its_sample(void **st) {
  const int n = 30000, at = 12345, after = 4800;
  float *trig = strikes(n, at);
  for (int u = 0; u < NINST; u++) {
    setup s = defaults(instruments[u]);
    if (!strcmp(instruments[u], "superkick")) set(&s, "noise", 0.0f); /* noise alone is not the same twice */
    float *once = play(&s, n);
    set_buf(&s, "trig", trig);
    float *twice = play(&s, n);
    int first = 0;
    while (first < n && once[first] == twice[first]) first++;
    if (first < at) fail_msg("%s struck again at sample %d changes sample %d, before it", instruments[u], at, first);
    bool noisy = percussive(instruments[u]) && strcmp(instruments[u], "superkick") != 0;
    if (noisy) {
      /* their noise runs on, so: a change from the strike's sample on, and the level comes back,
       * as loud after the second strike as after the first */
      if (first != at) fail_msg("%s struck again at sample %d changes sample %d first", instruments[u], at, first);
      assert_float_equal(rms_db(twice + at, 480, t_rms(twice, 480)), 0.0, 1.5);
      if (short_drum(instruments[u])) assert_true(rms_db(twice + at - 480, 480, t_rms(twice, 480)) < -20.0);
    } else {
      /* everything restarts: the second strike sounds exactly like the first */
      for (int i = 0; i < after; i++)
        if (twice[at + i] != once[i]) fail_msg("%s: sample %d after the second strike differs", instruments[u], i);
    }
    free(once);
    free(twice);
  }
  free(trig);
}

static void test_the_default_trigger_strikes_once(void **st) {
  const int n = 120000; /* 2.5 s: the drums' default decays come to rest by 1.5 s */
  float *single = calloc(n, sizeof(float));
  single[0] = 1.0f;
  for (int u = 0; u < NINST; u++) {
    setup s = defaults(instruments[u]); /* trig: the constant 1 */
    float *y = play(&s, n);
    double start = t_rms(y, 4800), end = t_rms(y + n - 24000, 24000);
    assert_true(start > 0.05);
    if (short_drum(instruments[u])) assert_true(end == 0.0); /* at rest: no second strike */
    if (!percussive(instruments[u])) /* a tone sustains */
      assert_float_equal(t_db(end / t_rms(y + 24000, 24000)), 0.0, 1.5);
    set_buf(&s, "trig", single); /* exactly one strike, on the first sample */
    float *once = play(&s, n);
    if (memcmp(y, once, n * sizeof(float)) != 0) fail_msg("%s: the constant 1 is not one strike", instruments[u]);
    free(once);
    free(y);
    set(&s, "trig", 0.0f); /* never struck */
    y = play(&s, n);
    if (percussive(instruments[u])) assert_true(t_peak(y, n) == 0.0f);
    free(y);
  }
  free(single);
}

static void test_levels_and_no_dc(void **st) {
  for (int u = 0; u < NINST; u++) {
    setup s = defaults(instruments[u]);
    float *y = play(&s, 48000);
    double mean = 0;
    for (int i = 0; i < 48000; i++) mean += y[i];
    float peak = t_peak(y, 48000);
    print_message("%-10s peak %.2f, mean %.1e\n", instruments[u], peak, mean / 48000);
    assert_true(peak >= 0.4f && peak <= 0.9f);
    assert_true(fabs(mean / 48000) < 0.005);
    free(y);
  }
}

/* A NaN parameter plays its default; infinite and huge ones are clamped: always finite. */
static void test_hostile_parameters(void **st) {
  const int n = 9600;
  const float hostile[] = {NAN, INFINITY, -INFINITY, 1e30f, -1e30f, 0.0f};
  float *buf = malloc(n * sizeof(float));
  for (int u = 0; u < NINST; u++) {
    setup s = defaults(instruments[u]);
    float *reference = play(&s, n);
    for (int k = 0; k < s.d->nparams - 1; k++) { /* all but trig */
      setup t = s;
      for (int i = 0; i < n; i++) buf[i] = NAN;
      t.p[k] = (t_param){buf, 0.0f};
      float *y = play(&t, n);
      if (memcmp(y, reference, n * sizeof(float)) != 0)
        fail_msg("%s: a NaN %s does not play its default", instruments[u], s.d->params[k].name);
      free(y);
      for (size_t h = 0; h < sizeof hostile / sizeof *hostile; h++) {
        t.p[k] = (t_param){NULL, hostile[h]};
        y = play(&t, n);
        if (!t_all_finite(y, n) || t_peak(y, n) > 4.0f)
          fail_msg("%s: %s = %g gives a non-finite or huge output", instruments[u], s.d->params[k].name, hostile[h]);
        free(y);
      }
    }
    free(reference);
  }
  free(buf);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_kick_pitch_drops_to_freq),
      cmocka_unit_test(test_kick_decays_with_sustain),
      cmocka_unit_test(test_supersaw_spreads_with_detune),
      cmocka_unit_test(test_supersaw_level_is_even_over_voices),
      cmocka_unit_test(test_superpwm_spectrum_moves),
      cmocka_unit_test(test_superchip_vibrato),
      cmocka_unit_test(test_superfm_sidebands),
      cmocka_unit_test(test_supersnare_has_tone_and_noise),
      cmocka_unit_test(test_superhat_brightness),
      cmocka_unit_test(test_supersquare_sub_and_sweep),
      cmocka_unit_test(test_supergong_modes_and_decay),
      cmocka_unit_test(test_superpiano_partials_and_velocity),
      cmocka_unit_test(test_a_strike_restarts_on_its_sample),
      cmocka_unit_test(test_the_default_trigger_strikes_once),
      cmocka_unit_test(test_levels_and_no_dc),
      cmocka_unit_test(test_hostile_parameters),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
