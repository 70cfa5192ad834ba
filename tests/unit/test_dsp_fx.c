/* impulse, fm, pm, distort, bitcrush, lag, moog_ladder, reverb, pan2, asr, ring, tremolo,
 * comb and allpass, judged by ear: where the
 * clicks fall, which partials FM makes (Bessel amplitudes), how hard a curve clips, how many
 * levels a crushed signal has, how fast a lag settles, how steep a ladder is, how a room
 * decays. */
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

static void test_impulse_clicks_on_the_beat(void **st) {
  t_param p[2] = {{NULL, 4.0f}, {NULL, 0.0f}}; /* every 12000 samples */
  float *y = t_render("impulse", p, N);
  for (int i = 0; i < N; i++) {
    float expected = i % 12000 == 0 ? 1.0f : 0.0f;
    if (y[i] != expected) fail_msg("sample %d: %g", i, y[i]);
  }
  free(y);
  /* 1 Hz: the second click exactly one second in */
  p[0].constant = 1.0f;
  y = t_render("impulse", p, 2 * N + 1);
  int clicks = 0;
  for (int i = 0; i <= 2 * N; i++) clicks += y[i] != 0.0f;
  assert_int_equal(clicks, 3);
  assert_true(y[0] == 1.0f && y[N] == 1.0f && y[2 * N] == 1.0f);
  free(y);
  /* an audio-rate frequency: 1000 Hz (every 48) until sample 480, then 2000 Hz (every 24) */
  float *f = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) f[i] = i < 480 ? 1000.0f : 2000.0f;
  p[0] = (t_param){f, 0.0f};
  y = t_render("impulse", p, 1000);
  for (int i = 0; i < 1000; i++) {
    bool click = i <= 480 ? i % 48 == 0 : (i - 480) % 24 == 0;
    if ((y[i] == 1.0f) != click) fail_msg("sample %d: %g", i, y[i]);
  }
  free(y);
  free(f);
}

/* Amplitude of the partial at freq (rectangular window, whole cycles, 1 Hz bins). */
static double partial(const float *y, int n, int freq) {
  double *p = t_power_spectrum(y, n, false);
  double a = 2.0 * sqrt(p[freq]) / n;
  free(p);
  return a;
}

static void test_fm_partials_follow_bessel(void **st) {
  /* index 0: a plain sine at the carrier */
  t_param p[3] = {{NULL, 1000.0f}, {NULL, 100.0f}, {NULL, 0.0f}};
  float *y = t_render("fm", p, N);
  assert_float_equal(partial(y, N, 1000), 1.0, 1e-3);
  free(y);
  /* index 2.4048, the first zero of J0: the carrier vanishes; J1 = 0.5191, J2 = 0.4318 */
  p[2].constant = 2.4048f;
  y = t_render("fm", p, N);
  print_message("fm index 2.4048: carrier %.4f, first sidebands %.4f %.4f, second %.4f\n", partial(y, N, 1000),
                partial(y, N, 900), partial(y, N, 1100), partial(y, N, 1200));
  assert_true(partial(y, N, 1000) < 1e-3);
  assert_float_equal(partial(y, N, 900), 0.5191, 2e-3);
  assert_float_equal(partial(y, N, 1100), 0.5191, 2e-3);
  assert_float_equal(partial(y, N, 1200), 0.4318, 2e-3);
  free(y);
  /* pm with a 100 Hz sine as MOD is the same sound as fm */
  float *mod = sine_wave(100.0, N);
  t_param q[3] = {{NULL, 1000.0f}, {mod, 0.0f}, {NULL, 2.4048f}};
  float *a = t_render("fm", p, N), *b = t_render("pm", q, N);
  for (int i = 0; i < N; i++) assert_float_equal(a[i], b[i], 1e-4);
  free(a);
  free(b);
  free(mod);
}

static void test_distort_clips_softly(void **st) {
  float *x = sine_wave(100.0, N);
  t_param p[3] = {{x, 0.0f}, {NULL, 10.0f}, {NULL, 1.0f}};
  float *y = t_render("distort", p, N);
  /* drive 10: nearly square (RMS near 1), never beyond ±1, odd harmonics appear */
  print_message("distort drive 10: RMS %.3f, 3rd harmonic %.3f\n", t_rms(y, N), partial(y, N, 300));
  assert_true(t_rms(y, N) > 0.9 && t_peak(y, N) <= 1.0f);
  assert_true(partial(y, N, 300) > 0.2);
  assert_true(partial(y, N, 200) < 1e-3); /* symmetric curve: no even harmonics */
  free(y);
  /* mix 0 is the input */
  p[2].constant = 0.0f;
  y = t_render("distort", p, N);
  assert_memory_equal(x, y, N * sizeof(float));
  free(y);
  free(x);
}

static void test_bitcrush_levels_and_hold(void **st) {
  float *x = sine_wave(100.0, N);
  t_param p[3] = {{x, 0.0f}, {NULL, 3.0f}, {NULL, 1.0f}}; /* steps of 1/4: 9 levels in -1..1 */
  float *y = t_render("bitcrush", p, N);
  for (int i = 0; i < N; i++) {
    float q = y[i] * 4.0f;
    if (q != roundf(q) || fabsf(y[i] - x[i]) > 0.125f + 1e-6f) fail_msg("sample %d: %g from %g", i, y[i], x[i]);
  }
  free(y);
  /* rate 4: each taken sample held for four */
  p[1].constant = 24.0f;
  p[2].constant = 4.0f;
  y = t_render("bitcrush", p, N);
  for (int i = 0; i < N; i++) assert_float_equal(y[i], x[i - i % 4], 1e-6);
  free(y);
  /* rate 2.5: samples taken at 0, 3, 5, 8, 10 ... (every 2.5 on average) */
  p[2].constant = 2.5f;
  y = t_render("bitcrush", p, 20);
  const int taken[] = {0, 0, 0, 3, 3, 5, 5, 5, 8, 8, 10, 10, 10, 13, 13, 15, 15, 15, 18, 18};
  for (int i = 0; i < 20; i++) assert_float_equal(y[i], x[taken[i]], 1e-6);
  free(y);
  free(x);
}

static void test_lag_settles_in_its_time(void **st) {
  float *x = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) x[i] = 1.0f; /* a step at 0 */
  t_param p[2] = {{x, 0.0f}, {NULL, 0.1f}};
  float *y = t_render("lag", p, N);
  /* 60 dB closer after 0.1 s: 1 − 0.001 */
  assert_float_equal(y[4800 - 1], 0.999, 1e-4);
  assert_true(y[2400] > 0.9 && y[2400] < 0.99); /* halfway in time: 30 dB closer */
  for (int i = 1; i < N; i++) assert_true(y[i] >= y[i - 1]);
  free(y);
  p[1].constant = 0.0f; /* no lag: the input */
  y = t_render("lag", p, N);
  assert_memory_equal(x, y, N * sizeof(float));
  free(y);
  free(x);
}

static double gain_db(const char *unit, const t_param *params_without_input, int nparams, double freq) {
  float *x = sine_wave(freq, N);
  t_param p[4];
  p[0] = (t_param){x, 0.0f};
  for (int i = 1; i < nparams; i++) p[i] = params_without_input[i - 1];
  float *y = t_render(unit, p, N);
  double g = t_db(t_rms(y + 10000, N - 10000) / t_rms(x + 10000, N - 10000));
  free(x);
  free(y);
  return g;
}

static void test_moog_ladder_is_24_db_per_octave(void **st) {
  const t_param flat[2] = {{NULL, 1000.0f}, {NULL, 0.0f}};
  /* four one-poles at 1 kHz: each 1/√(1 + r²), together (1 + r²)^-2 */
  const double r[] = {0.2, 1.0, 2.0, 4.0};
  for (int k = 0; k < 4; k++) {
    double g = gain_db("moog_ladder", flat, 3, 1000.0 * r[k]), expected = -40.0 * log10(1.0 + r[k] * r[k]);
    print_message("moog 1 kHz, res 0, at %g Hz: %+.2f dB (expected %+.2f)\n", 1000.0 * r[k], g, expected);
    assert_float_equal(g, expected, 1.0);
  }
  /* res 0.9 (k = 3.6): at the cutoff |H| = 1/(4 − k) = +8 dB, while the bass drops by 1/(1 + k) */
  const t_param res[2] = {{NULL, 1000.0f}, {NULL, 0.9f}};
  assert_float_equal(gain_db("moog_ladder", res, 3, 1000.0), 20 * log10(1 / 0.4), 0.5);
  assert_float_equal(gain_db("moog_ladder", res, 3, 50.0), -20 * log10(4.6), 0.5);
  /* swept at audio rate with high resonance, and with absurd parameters: finite */
  float *x = sine_wave(220.0, N), *cut = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) cut[i] = (float)(100.0 * pow(100.0, 0.5 + 0.5 * sin(PH_DSP_TWO_PI * 500.0 * i / SR)));
  t_param p[3] = {{x, 0.0f}, {cut, 0.0f}, {NULL, 0.99f}};
  float *y = t_render("moog_ladder", p, N);
  assert_true(t_all_finite(y, N) && t_peak(y, N) < 20.0f);
  free(y);
  const float bad[] = {0.0f, -5.0f, 1e9f, NAN, INFINITY};
  for (int a = 0; a < 5; a++)
    for (int b = 0; b < 5; b++) {
      t_param q[3] = {{x, 0.0f}, {NULL, bad[a]}, {NULL, bad[b]}};
      y = t_render("moog_ladder", q, 4096);
      assert_true(t_all_finite(y, 4096));
      free(y);
    }
  free(cut);
  free(x);
}

/* Energy of output ch over [from, to) samples. */
static double energy(const float *y, int from, int to) {
  double e = 0;
  for (int i = from; i < to; i++) e += (double)y[i] * y[i];
  return e;
}

static void render_reverb(float room, float damp, float mix, const float *x, float *l, float *r, int n) {
  t_unit u = t_unit_new("reverb", SR, 128, 0);
  t_param p[4] = {{x, 0.0f}, {NULL, room}, {NULL, damp}, {NULL, mix}};
  float *outs[2] = {l, r};
  t_unit_run_outs(&u, p, outs, n, 128);
  t_unit_free(&u);
}

static void test_reverb_decays_in_stereo(void **st) {
  const int n = 3 * N;
  float *x = calloc(n, sizeof(float)), *l = malloc(n * sizeof(float)), *r = malloc(n * sizeof(float));
  x[0] = 1.0f;
  render_reverb(0.5f, 0.5f, 1.0f, x, l, r, n);
  /* the first echo comes after the shortest comb (1116 samples at 44.1 kHz), none before */
  assert_true(energy(l, 1, 1100) == 0.0);
  double early = energy(l, 0, N / 2), late = energy(l, 2 * N, 3 * N);
  print_message("reverb room 0.5: late/early energy %.1f dB\n", 10 * log10(late / early));
  assert_true(late < early * 1e-3);
  /* left and right are different rooms, not a copy */
  double lr = 0;
  for (int i = 0; i < N; i++) lr += (double)l[i] * r[i];
  assert_true(fabs(lr) < 0.5 * sqrt(energy(l, 0, N) * energy(r, 0, N)));
  /* a larger room rings longer */
  float *l2 = malloc(n * sizeof(float)), *r2 = malloc(n * sizeof(float));
  render_reverb(0.95f, 0.5f, 1.0f, x, l2, r2, n);
  print_message("reverb room 0.95: late/early energy %.1f dB\n", 10 * log10(energy(l2, 2 * N, 3 * N) / energy(l2, 0, N / 2)));
  assert_true(energy(l2, 2 * N, 3 * N) / energy(l2, 0, N / 2) > 100 * late / early);
  /* damping darkens the tail: less energy above 5 kHz in the second second */
  render_reverb(0.8f, 1.0f, 1.0f, x, l2, r2, n);
  render_reverb(0.8f, 0.0f, 1.0f, x, l, r, n);
  double *dark = t_power_spectrum(l2 + N, 32768, true), *bright = t_power_spectrum(l + N, 32768, true);
  double hd = 0, hb = 0, ld = 0, lb = 0;
  for (int k = 0; k < 16384; k++) {
    if (k * SR / 32768 > 5000) hd += dark[k], hb += bright[k];
    else ld += dark[k], lb += bright[k];
  }
  print_message("damping 1 vs 0: high/low energy %.1f dB vs %.1f dB\n", 10 * log10(hd / ld), 10 * log10(hb / lb));
  assert_true(hd / ld < 0.1 * (hb / lb));
  free(dark);
  free(bright);
  /* mix 0: the dry input on both sides */
  render_reverb(0.5f, 0.5f, 0.0f, x, l, r, n);
  assert_memory_equal(l, x, n * sizeof(float));
  assert_memory_equal(r, x, n * sizeof(float));
  /* room 1 stays bounded; a NaN input is silence and clears the room */
  for (int i = 0; i < n; i++) x[i] = (float)sin(i * 0.01);
  render_reverb(1.0f, 0.0f, 1.0f, x, l, r, n);
  assert_true(t_all_finite(l, n) && t_all_finite(r, n) && t_peak(l, n) < 50.0f);
  x[5] = NAN;
  render_reverb(0.5f, 0.5f, 1.0f, x, l, r, 128);
  for (int i = 0; i < 128; i++) assert_true(l[i] == 0.0f && r[i] == 0.0f);
  /* the lines grow with the sample rate */
  const ph_unit_def *d = ph_dsp_unit_find("reverb");
  ph_dsp_config c44 = {44100, 128, 0}, c96 = {96000, 128, 0};
  assert_true(d->state_size(&c96) > 2 * d->state_size(&c44) - 1024);
  free(l2);
  free(r2);
  free(x);
  free(l);
  free(r);
}

/* Freeverb as written, one sample at a time in double precision, ROOM and DAMP moving. */
static void reference_reverb(const float *x, const float *room, const float *damp, float mix, double *out[2], int n) {
  static const int comb_tuning[8] = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617}, ap_tuning[4] = {556, 441, 341, 225};
  for (int ch = 0; ch < 2; ch++) {
    double *comb[8], *ap[4], f[8] = {0};
    int clen[8], alen[4], cpos[8] = {0}, apos[4] = {0};
    for (int c = 0; c < 8; c++) clen[c] = (int)floor((comb_tuning[c] + 23 * ch) * SR / 44100.0 + 0.5), comb[c] = calloc(clen[c], sizeof(double));
    for (int a = 0; a < 4; a++) alen[a] = (int)floor((ap_tuning[a] + 23 * ch) * SR / 44100.0 + 0.5), ap[a] = calloc(alen[a], sizeof(double));
    for (int i = 0; i < n; i++) {
      double in = x[i] * 0.03, fb = 0.7 + 0.28 * room[i], d = 0.4 * damp[i], wet = 0;
      for (int c = 0; c < 8; c++) {
        double y = comb[c][cpos[c]];
        f[c] = y * (1 - d) + f[c] * d;
        comb[c][cpos[c]] = in + f[c] * fb;
        cpos[c] = (cpos[c] + 1) % clen[c];
        wet += y;
      }
      for (int a = 0; a < 4; a++) {
        double b = ap[a][apos[a]];
        ap[a][apos[a]] = wet + b * 0.5;
        apos[a] = (apos[a] + 1) % alen[a];
        wet = b - wet;
      }
      out[ch][i] = (1 - mix) * x[i] + mix * 3 * wet;
    }
    for (int c = 0; c < 8; c++) free(comb[c]);
    for (int a = 0; a < 4; a++) free(ap[a]);
  }
}

/* The unit is Freeverb: within float rounding of the reference with its room and damping
 * moving (its damping filters step a pair of samples at a time, rounding otherwise), and the
 * same samples in blocks of any size. */
static void test_reverb_is_freeverb(void **st) {
  const int n = 2 * N;
  float *x = malloc(n * sizeof(float)), *room = malloc(n * sizeof(float)), *damp = malloc(n * sizeof(float));
  uint32_t seed = 7;
  for (int i = 0; i < n; i++) {
    seed = seed * 1664525u + 1013904223u;
    x[i] = (i % 12000) < 2400 ? (float)(seed >> 8) / 8388608.0f - 1.0f : 0.0f; /* noise bursts */
    room[i] = (float)(0.6 + 0.35 * sin(i * 2e-4));
    damp[i] = (float)(0.5 + 0.45 * sin(i * 3e-4 + 1.0));
  }
  double *ref[2] = {malloc(n * sizeof(double)), malloc(n * sizeof(double))};
  reference_reverb(x, room, damp, 0.7f, ref, n);
  float *got[2] = {malloc(n * sizeof(float)), malloc(n * sizeof(float))}, *again[2] = {malloc(n * sizeof(float)), malloc(n * sizeof(float))};
  t_param p[4] = {{x, 0.0f}, {room, 0.0f}, {damp, 0.0f}, {NULL, 0.7f}};
  t_unit u = t_unit_new("reverb", SR, 128, 0);
  t_unit_run_outs(&u, p, got, n, 128);
  t_unit_free(&u);
  for (int ch = 0; ch < 2; ch++) {
    double err = 0, peak = 0;
    for (int i = 0; i < n; i++) err = fmax(err, fabs(got[ch][i] - ref[ch][i])), peak = fmax(peak, fabs(ref[ch][i]));
    print_message("reverb side %d: peak %.3f, largest difference from Freeverb in double %.1f dB below it\n", ch, peak,
                  20 * log10(peak / err));
    assert_true(peak > 0.1 && err < peak * 1e-5);
  }
  static const int sizes[] = {1, 7, 100};
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    t_unit b = t_unit_new("reverb", SR, 128, 0);
    t_unit_run_outs(&b, p, again, n, sizes[k]);
    t_unit_free(&b);
    for (int ch = 0; ch < 2; ch++)
      if (memcmp(got[ch], again[ch], n * sizeof(float))) fail_msg("reverb in blocks of %d differs from blocks of 128", sizes[k]);
  }
  for (int ch = 0; ch < 2; ch++) free(ref[ch]), free(got[ch]), free(again[ch]);
  free(x);
  free(room);
  free(damp);
}

/* The tail ends in exact silence, never passing through denormals (the unit runs here
 * without the graph's flush-to-zero mode). */
static void test_reverb_tail_ends_in_silence(void **st) {
  const int n = (int)(6 * SR);
  float *x = calloc(n, sizeof(float)), *l = malloc(n * sizeof(float)), *r = malloc(n * sizeof(float));
  x[0] = 1.0f;
  render_reverb(0.0f, 0.5f, 1.0f, x, l, r, n);
  int subnormal = 0, last = -1;
  for (int i = 0; i < n; i++) {
    subnormal += fpclassify(l[i]) == FP_SUBNORMAL || fpclassify(r[i]) == FP_SUBNORMAL;
    if (l[i] != 0.0f || r[i] != 0.0f) last = i;
  }
  print_message("reverb room 0: last sound at %.2f s, %d subnormal samples\n", (double)last / SR, subnormal);
  assert_int_equal(subnormal, 0);
  assert_true(last > SR / 2 && last < 5 * SR);
  free(x);
  free(l);
  free(r);
}

static void test_pan2_keeps_the_power(void **st) {
  const float positions[] = {-1.0f, -0.5f, 0.0f, 0.3f, 1.0f, -7.0f, 7.0f, NAN};
  float *x = sine_wave(440.0, 1000), *l = malloc(1000 * sizeof(float)), *r = malloc(1000 * sizeof(float));
  for (size_t k = 0; k < sizeof positions / sizeof *positions; k++) {
    t_unit u = t_unit_new("pan2", SR, 128, 0);
    t_param p[2] = {{x, 0.0f}, {NULL, positions[k]}};
    float *outs[2] = {l, r};
    t_unit_run_outs(&u, p, outs, 1000, 128);
    for (int i = 0; i < 1000; i++) assert_float_equal((double)l[i] * l[i] + (double)r[i] * r[i], (double)x[i] * x[i], 1e-6);
    if (positions[k] <= -1.0f || positions[k] != positions[k]) assert_true(t_peak(r, 1000) == 0.0f);
    if (positions[k] >= 1.0f) assert_true(t_peak(l, 1000) == 0.0f);
    if (positions[k] == 0.0f) assert_memory_equal(l, r, 1000 * sizeof(float));
    t_unit_free(&u);
  }
  /* an audio-rate position: left then right, switching on the sample */
  float *pos = malloc(1000 * sizeof(float));
  for (int i = 0; i < 1000; i++) pos[i] = i < 500 ? -1.0f : 1.0f;
  t_unit u = t_unit_new("pan2", SR, 128, 0);
  t_param p[2] = {{x, 0.0f}, {pos, 0.0f}};
  float *outs[2] = {l, r};
  t_unit_run_outs(&u, p, outs, 1000, 128);
  assert_true(t_peak(r, 500) == 0.0f && t_peak(l + 500, 500) == 0.0f);
  assert_memory_equal(l, x, 500 * sizeof(float));
  assert_memory_equal(r + 500, x + 500, 500 * sizeof(float));
  t_unit_free(&u);
  free(pos);
  free(x);
  free(l);
  free(r);
}

static void test_asr_follows_its_gate(void **st) {
  /* gate on for 0.5 s, off after; attack 0.1 s (4800 samples), release 0.2 s (9600) */
  float *gate = calloc(N, sizeof(float));
  for (int i = 0; i < N / 2; i++) gate[i] = 1.0f;
  t_param p[3] = {{gate, 0.0f}, {NULL, 0.1f}, {NULL, 0.2f}};
  float *y = t_render("asr", p, N);
  assert_float_equal(y[0], 1.0 / 4800, 1e-7);
  assert_float_equal(y[2399], 0.5, 1e-5);
  assert_float_equal(y[4798], 1.0 - 1.0 / 4800, 1e-6);
  assert_float_equal(y[4799], 1.0, 1e-6);
  assert_true(y[4800] == 1.0f && y[N / 2 - 1] == 1.0f);
  assert_float_equal(y[N / 2 + 4799], 0.5, 1e-5);
  assert_true(y[N / 2 + 9600] == 0.0f && y[N - 1] == 0.0f);
  for (int i = 1; i < N / 2; i++) assert_true(y[i] >= y[i - 1]);
  for (int i = N / 2 + 1; i < N; i++) assert_true(y[i] <= y[i - 1]);
  free(y);
  /* times of 0 jump; a gate back on during the release rises from where it is */
  p[1].constant = 0.0f;
  y = t_render("asr", p, N);
  assert_true(y[0] == 1.0f);
  free(y);
  for (int i = N / 2 + 2400; i < N; i++) gate[i] = 1.0f; /* back on a quarter into the release */
  p[1].constant = 0.1f;
  y = t_render("asr", p, N);
  assert_float_equal(y[N / 2 + 2399], 0.75, 1e-4);
  assert_float_equal(y[N / 2 + 2400], 0.75 + 1.0 / 4800, 1e-4);
  free(y);
  free(gate);
}

static void test_ring_and_tremolo(void **st) {
  /* ring: 1000 Hz by 300 Hz = 700 Hz and 1300 Hz at half amplitude, nothing at 1000 Hz */
  float *x = sine_wave(1000.0, N);
  t_param p[3] = {{x, 0.0f}, {NULL, 300.0f}, {NULL, 0.0f}};
  float *y = t_render("ring", p, N);
  assert_float_equal(partial(y, N, 700), 0.5, 1e-3);
  assert_float_equal(partial(y, N, 1300), 0.5, 1e-3);
  assert_true(partial(y, N, 1000) < 1e-3);
  free(y);
  /* tremolo: sidebands at ±RATE of DEPTH/4, the carrier at 1 − DEPTH/2 */
  p[1].constant = 5.0f;
  p[2].constant = 0.8f;
  y = t_render("tremolo", p, N);
  assert_float_equal(partial(y, N, 1000), 0.6, 1e-3);
  assert_float_equal(partial(y, N, 995), 0.2, 1e-3);
  assert_float_equal(partial(y, N, 1005), 0.2, 1e-3);
  free(y);
  assert_ptr_equal(ph_dsp_unit_find("trem"), ph_dsp_unit_find("tremolo"));
  free(x);
}

static void test_comb_and_allpass(void **st) {
  /* comb at 480 Hz (100 samples), feedback 0.5: an impulse returns every 100 samples, halved */
  float *x = calloc(N, sizeof(float));
  x[0] = 1.0f;
  t_param p[3] = {{x, 0.0f}, {NULL, 480.0f}, {NULL, 0.5f}};
  float *y = t_render("comb", p, 1000);
  for (int i = 0; i < 1000; i++) assert_float_equal(y[i], (i % 100 == 0 ? pow(0.5, i / 100) : 0.0), 1e-7);
  free(y);
  free(x);
  /* steady sines: a resonance (1 / (1 − g)) at 480 Hz, a dip (1 / (1 + g)) at 720 Hz */
  const t_param comb_at[2] = {{NULL, 480.0f}, {NULL, 0.5f}};
  assert_float_equal(gain_db("comb", comb_at, 3, 480.0), 20 * log10(2.0), 0.1);
  assert_float_equal(gain_db("comb", comb_at, 3, 720.0), 20 * log10(1 / 1.5), 0.1);
  /* allpass: unit gain everywhere */
  const t_param ap[1] = {{NULL, 0.7f}};
  const double freqs[] = {50, 500, 5000, 15000};
  for (int k = 0; k < 4; k++) assert_float_equal(gain_db("allpass", ap, 2, freqs[k]), 0.0, 0.05);
  /* ...but not the same signal: the phase turns */
  float *s = sine_wave(5000.0, 1000);
  t_param q[2] = {{s, 0.0f}, {NULL, 0.7f}};
  y = t_render("allpass", q, 1000);
  double diff = 0;
  for (int i = 500; i < 1000; i++) diff += fabs(y[i] - s[i]);
  assert_true(diff / 500 > 0.1);
  free(y);
  free(s);
}

static void test_determinism_and_reset(void **st) {
  const char *names[] = {"impulse", "fm",  "pm",   "distort", "bitcrush", "lag",     "moog_ladder",
                         "reverb",  "asr", "ring", "tremolo", "comb",     "allpass"};
  float *x = sine_wave(330.0, 5000);
  for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
    const ph_unit_def *d = ph_dsp_unit_find(names[k]);
    t_param p[4];
    for (int j = 0; j < d->nparams; j++) p[j] = (t_param){j == 0 && d->params[0].is_input ? x : NULL, d->params[j].def};
    if (strcmp(names[k], "pm") == 0) p[1].buf = x;
    float *a = t_render(names[k], p, 5000), *b = t_render(names[k], p, 5000), *c = calloc(5000, sizeof(float));
    assert_memory_equal(a, b, 5000 * sizeof(float));
    t_unit u = t_unit_new(names[k], SR, 128, 1);
    t_unit_run(&u, p, c, 1234, 128);
    if (d->reset) {
      d->reset(u.state);
      t_unit_run(&u, p, c, 5000, 128);
      assert_memory_equal(a, c, 5000 * sizeof(float));
    }
    t_unit_free(&u);
    free(a);
    free(b);
    free(c);
  }
  free(x);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_impulse_clicks_on_the_beat),
      cmocka_unit_test(test_fm_partials_follow_bessel),
      cmocka_unit_test(test_distort_clips_softly),
      cmocka_unit_test(test_bitcrush_levels_and_hold),
      cmocka_unit_test(test_lag_settles_in_its_time),
      cmocka_unit_test(test_moog_ladder_is_24_db_per_octave),
      cmocka_unit_test(test_reverb_decays_in_stereo),
      cmocka_unit_test(test_reverb_tail_ends_in_silence),
      cmocka_unit_test(test_reverb_is_freeverb),
      cmocka_unit_test(test_pan2_keeps_the_power),
      cmocka_unit_test(test_asr_follows_its_gate),
      cmocka_unit_test(test_ring_and_tremolo),
      cmocka_unit_test(test_comb_and_allpass),
      cmocka_unit_test(test_determinism_and_reset),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
