/* The DC guard (graph/dc_guard.h), heard: DC a feedback loop builds up is taken out of the
 * output smoothly and the music on it kept; music, bass and slow sweeps are left exactly as they
 * are; the decision is the same however blocks split the samples; a live reload keeps it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dsp/unit.h"
#include "graph/song.h"
#include "measure.h"
#include "support.h"

#define RATE 48000

/* `seconds` of a program's left channel, in blocks of `block` frames (0: the song's own, at most). */
static float *play(ph_song *song, const char *program, double seconds, int block) {
  ph_error err = {0};
  ph_song_options opt = {.rate = RATE};
  if (!ph_song_compile(song, program, "dc.ph", &opt, &err)) {
    ph_song_destroy(song);
    fail_msg("compile: %d:%d: %s", err.line, err.column, err.message);
  }
  int frames = (int)(seconds * RATE);
  float *left = test_malloc(sizeof(float) * (size_t)frames);
  float out[2 * 4096];
  for (int done = 0; done < frames;) {
    int n = block > 0 ? block : song->block;
    if (n > frames - done) n = frames - done;
    ph_song_process(song, out, n);
    for (int i = 0; i < n; i++) left[done + i] = out[2 * i];
    done += n;
  }
  return left;
}

static double mean(const float *x, int n) {
  double sum = 0;
  for (int i = 0; i < n; i++) sum += x[i];
  return sum / n;
}

static double largest_step(const float *x, int n) {
  double most = 0;
  for (int i = 1; i < n; i++) most = fmax(most, fabs((double)x[i] - x[i - 1]));
  return most;
}

/* A bus feeding itself with a little offset each sample: its DC climbs to 0.5, and a quarter of
 * full scale of it reaches the output under a 220 Hz tone. */
static const char *const BUILDS_DC = "~fb: ~fb * 0.98 + 0.01\nout: ~fb * 0.5 + sine 220 * 0.3\n";

static void test_dc_from_feedback_is_taken_out_and_the_tone_kept(void **state) {
  ph_song song;
  float *x = play(&song, BUILDS_DC, 3.0, 0);
  assert_true(song.dc_guard.on);
  assert_int_equal(song.dc_guard.on_at, PH_DC_GUARD_WINDOWS * RATE / 4); /* after a second of it */
  assert_float_equal(song.dc_guard.offset[0], 0.25, 1e-3);
  assert_float_equal(song.dc_guard.offset[1], 0.25, 1e-3);
  assert_float_equal(mean(x + RATE / 2, RATE / 2), 0.25, 1e-3); /* untouched before */
  const float *last = x + 2 * RATE;
  assert_true(fabs(mean(last, RATE)) < 1e-3);
  assert_float_equal(measure_rms(last, RATE), 0.3 / sqrt(2), 2e-3);
  assert_float_equal(measure_peak_hz(last, RATE, RATE), 220.0, 1.0);
  /* The offset fades out: no step larger than the tone's own (2π·220·0.3/48000 ≈ 0.0086) and the
   * fade's (0.25·2π·5/48000 ≈ 0.00016); stepping it away would be a click of 0.25. */
  assert_true(largest_step(x + RATE - 64, RATE / 2) < 0.0089);
  test_free(x);
  ph_song_destroy(&song);
}

static void test_negative_offset_too(void **state) {
  ph_song song;
  float *x = play(&song, "~fb: ~fb * 0.98 - 0.01\nout: ~fb * 0.5 + sine 220 * 0.3\n", 2.5, 0);
  assert_true(song.dc_guard.on);
  assert_float_equal(song.dc_guard.offset[0], -0.25, 1e-3);
  assert_true(fabs(mean(x + 2 * RATE, RATE / 2)) < 1e-3);
  test_free(x);
  ph_song_destroy(&song);
}

/* Music with weight below: a 40 Hz bass at 0.9, kicks, a slow full-scale sweep, a square wave
 * and a saw an octave apart, an offset just under the level. None of them is touched. */
static void test_music_is_left_exactly_as_it_is(void **state) {
  const char *const programs[] = {
      "out: sine 40 * 0.9\n",
      "out: sine 1 * 0.9\n",
      "out: square 55 * 0.8 + saw 110 * 0.2\n",
      "out: superkick 50 3 0.4 0.2 \"1*4\"\n",
      "out: sine 330 * 0.5 + 0.09\n",
      "out: (sine 0.2 + 1) * 0.4 * sine 440\n",
  };
  for (size_t k = 0; k < sizeof programs / sizeof *programs; k++) {
    ph_song song;
    float *x = play(&song, programs[k], 6.0, 0);
    if (song.dc_guard.on) fail_msg("the guard went in on %s", programs[k]);
    test_free(x);
    ph_song_destroy(&song);
  }
}

static void test_same_decision_for_any_blocks(void **state) {
  ph_song a, b, c;
  float *x = play(&a, BUILDS_DC, 2.0, 128), *y = play(&b, BUILDS_DC, 2.0, 37), *z = play(&c, BUILDS_DC, 2.0, 1);
  assert_true(a.dc_guard.on && b.dc_guard.on && c.dc_guard.on);
  assert_int_equal(a.dc_guard.on_at, b.dc_guard.on_at);
  assert_int_equal(a.dc_guard.on_at, c.dc_guard.on_at);
  assert_memory_equal(x, y, sizeof(float) * 2 * RATE);
  assert_memory_equal(x, z, sizeof(float) * 2 * RATE);
  test_free(x), test_free(y), test_free(z);
  ph_song_destroy(&a), ph_song_destroy(&b), ph_song_destroy(&c);
}

/* Fed directly: a window's samples clamp to ±1 (a huge value counts as full scale, not as an
 * offset of 1e30), and three windows of offset then one without it start the count again. */
static void test_windows_count_in_a_row(void **state) {
  ph_dc_guard g;
  ph_dc_guard_init(&g, 400); /* windows of 100 samples */
  float l[100], r[100];
  for (int w = 0; w < 3; w++) {
    for (int i = 0; i < 100; i++) l[i] = 0.2f, r[i] = 0;
    assert_false(ph_dc_guard_run(&g, l, r, 100, w * 100));
  }
  for (int i = 0; i < 100; i++) l[i] = i % 2 ? 0.3f : -0.3f, r[i] = 0; /* mean 0 */
  ph_dc_guard_run(&g, l, r, 100, 300);
  for (int w = 4; w < 7; w++) {
    for (int i = 0; i < 100; i++) l[i] = i == 0 ? 1e30f : -0.05f, r[i] = 0; /* mean (1 − 99·0.05)/100 */
    ph_dc_guard_run(&g, l, r, 100, w * 100);
    assert_false(g.on);
  }
  for (int w = 7; w < 11; w++) {
    for (int i = 0; i < 100; i++) l[i] = 0, r[i] = -0.2f; /* the right channel alone */
    ph_dc_guard_run(&g, l, r, 100, w * 100);
  }
  assert_true(g.on);
  assert_int_equal(g.on_at, 1100);
  for (int i = 0; i < 100; i++) l[i] = 0, r[i] = -0.2f;
  assert_true(ph_dc_guard_run(&g, l, r, 100, 1100));
  /* It goes on from where the output was and fades: y[n] = −0.2·R^(n+1) for a constant −0.2. */
  double R = exp(-PH_DSP_TWO_PI * PH_DC_GUARD_CORNER_HZ / 400);
  assert_float_equal(r[0], -0.2 * R, 1e-6);
  assert_float_equal(r[20], -0.2 * pow(R, 21), 1e-6);
  assert_true(fabsf(r[99]) < 1e-4f);
}

/* Full scale held over a window that is one call (192 kHz: 48000 samples) sums exactly. */
static void test_full_scale_in_one_long_block(void **state) {
  ph_dc_guard g;
  ph_dc_guard_init(&g, 192000);
  float *l = test_malloc(sizeof(float) * 48000), *r = test_malloc(sizeof(float) * 48000);
  for (int w = 0; w < 4; w++) {
    for (int i = 0; i < 48000; i++) l[i] = 1.0f, r[i] = -1.0f;
    ph_dc_guard_run(&g, l, r, 48000, w * 48000);
  }
  assert_true(g.on);
  assert_int_equal(g.on_at, 192000);
  assert_float_equal(g.offset[0], 1.0, 0.0);
  assert_float_equal(g.offset[1], -1.0, 0.0);
  test_free(l);
  test_free(r);
}

/* A reload that keeps the offset's source: the new song starts with the guard on, so the DC
 * does not come back for a second. */
static void test_reload_keeps_it(void **state) {
  ph_song first, second;
  float *x = play(&first, BUILDS_DC, 1.5, 0);
  assert_true(first.dc_guard.on);
  float *y = play(&second, "~fb: ~fb * 0.98 + 0.01\nout: ~fb * 0.5 + sine 330 * 0.3\n", 0.0, 0);
  assert_false(second.dc_guard.on);
  ph_song_match(&second, &first);
  ph_song_inherit(&second, &first);
  assert_true(second.dc_guard.on);
  test_free(y);
  float out[2 * 128];
  double sum = 0;
  for (int b = 0; b < RATE / 128; b++) {
    ph_song_process(&second, out, 128);
    for (int i = 0; i < 128; i++) sum += out[2 * i];
  }
  assert_true(fabs(sum / (RATE / 128 * 128)) < 2e-3);
  test_free(x);
  ph_song_destroy(&first), ph_song_destroy(&second);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dc_from_feedback_is_taken_out_and_the_tone_kept),
      cmocka_unit_test(test_negative_offset_too),
      cmocka_unit_test(test_music_is_left_exactly_as_it_is),
      cmocka_unit_test(test_same_decision_for_any_blocks),
      cmocka_unit_test(test_windows_count_in_a_row),
      cmocka_unit_test(test_full_scale_in_one_long_block),
      cmocka_unit_test(test_reload_keeps_it),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
