/* Programs rendered as a listener hears them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/song.h"
#include "measure.h"
#include "support.h"
#include "voice/sampler.h"

#define RATE 48000

/* Renders `seconds` of a program into interleaved stereo; fails the test on a compile error. */
static float *render_stereo(const char *program, double seconds, int *frames_out) {
  ph_song song;
  ph_error err = {0};
  ph_song_options opt = {.rate = RATE};
  if (!ph_song_compile(&song, program, "test.ph", &opt, &err)) {
    ph_song_destroy(&song);
    fail_msg("compile: %d:%d: %s", err.line, err.column, err.message);
  }
  *frames_out = (int)(seconds * RATE);
  return t_song_render(&song, *frames_out);
}

static void split(const float *stereo, int frames, float *left, float *right) {
  for (int i = 0; i < frames; i++) {
    left[i] = stereo[2 * i];
    right[i] = stereo[2 * i + 1];
  }
}

/* Renders the left channel of `seconds` of a program (which must be centred: both channels
 * the same); fails the test on a compile error. */
static float *render(const char *program, double seconds, int *frames_out) {
  float *both = render_stereo(program, seconds, frames_out);
  float *left = test_malloc(sizeof(float) * (size_t)*frames_out);
  for (int i = 0; i < *frames_out; i++) {
    if (!isfinite(both[2 * i]) || both[2 * i] != both[2 * i + 1]) fail_msg("bad sample at %d", i);
    left[i] = both[2 * i];
  }
  test_free(both);
  return left;
}

static void assert_same_samples(const float *a, const float *b, int n) {
  for (int i = 0; i < n; i++)
    if (a[i] != b[i]) fail_msg("sample %d differs: %g vs %g", i, a[i], b[i]);
}

static void test_pitch_of_each_half_cycle(void **s) {
  int n;
  float *y = render("tempo: 0.5\nout $ sine \"110 220\" * 0.5\n", 2.0, &n);
  assert_float_equal(measure_peak_hz(y, RATE, RATE), 110, 0.5);
  assert_float_equal(measure_peak_hz(y + RATE, RATE, RATE), 220, 0.5);
  assert_float_equal(measure_rms(y, n), 0.5 / sqrt(2), 0.005);
  test_free(y);
}

static void test_note_names_and_transforms_reach_the_oscillator(void **s) {
  /* fast 2 on the oscillator's pattern: a4 then e5 in each half cycle (cps 1: 0.25 s each). */
  int n;
  float *y = render("cps: 1\nout $ fast 2 $ sine \"a4 e5\"\n", 1.0, &n);
  assert_float_equal(measure_peak_hz(y, RATE / 4, RATE), 440, 2);
  assert_float_equal(measure_peak_hz(y + RATE / 4, RATE / 4, RATE), 659.255, 2);
  assert_float_equal(measure_peak_hz(y + RATE / 2, RATE / 4, RATE), 440, 2);
  test_free(y);
}

static void test_pattern_arithmetic_on_midi_numbers(void **s) {
  /* "c4" + 12 at pattern level is MIDI 72, read as a number: 72, not a frequency. */
  int n;
  float *y = render("out $ (\"c4\" + 12) * 0.01\n", 0.1, &n);
  assert_float_equal(y[100], 0.72, 1e-6);
  test_free(y);
}

static void test_rests_are_zero_and_gaps_hold(void **s) {
  /* cps 1, 48000 samples per cycle: "1 ~ 0.5 ~" is 1, 0, 0.5, 0 by quarters. */
  int n;
  float *y = render("cps: 1\nout $ \"1 ~ 0.5 ~\" * 0.5\n", 1.0, &n);
  assert_float_equal(y[6000], 0.5, 0);
  assert_float_equal(y[18000], 0, 0);
  assert_float_equal(y[30000], 0.25, 0);
  assert_float_equal(y[42000], 0, 0);
  /* fastGap 2 leaves the second half without events: the last value holds there. */
  float *z = render("cps: 1\nout $ fastGap 2 $ \"1 0.5\" * 0.5\n", 1.0, &n);
  assert_float_equal(z[6000], 0.5, 0);
  assert_float_equal(z[18000], 0.25, 0);
  assert_float_equal(z[40000], 0.25, 0);
  test_free(y);
  test_free(z);
}

static void test_lowpass_cuts_an_octave_above_cutoff(void **s) {
  int n;
  float *dry = render("out $ sine 2000 * 0.5\n", 1.0, &n);
  float *wet = render("out $ sine 2000 * 0.5 # lpf 1000 0.707\n", 1.0, &n);
  double drop = measure_level_db_at(dry, RATE, RATE, 2000) - measure_level_db_at(wet, RATE, RATE, 2000);
  /* A 2-pole Butterworth low-pass: about 12 dB down one octave above its cutoff. */
  assert_true(drop > 10.5 && drop < 13.5);
  float *pass = render("out $ sine 200 * 0.5 # lpf 1000 0.707\n", 1.0, &n);
  assert_float_equal(measure_rms(pass + RATE / 2, RATE / 2), 0.5 / sqrt(2), 0.01);
  test_free(dry);
  test_free(wet);
  test_free(pass);
}

static void test_feedback_bus_is_stable_and_delayed_one_sample(void **s) {
  /* ~acc = 0.1 + 0.5 * ~acc[n-1]: converges to 0.2 and stays there. */
  int n;
  float *y = render("~acc $ 0.1 + ~acc * 0.5\nout $ ~acc\n", 0.5, &n);
  assert_float_equal(y[0], 0.1, 1e-7);
  assert_float_equal(y[1], 0.15, 1e-7);
  assert_float_equal(y[n - 1], 0.2, 1e-6);
  test_free(y);
}

static void test_forward_reference_and_outputs_mix(void **s) {
  int n;
  float *y = render("out $ ~later * 0.25\no2 $ 0.25\n~later $ 1\n", 0.1, &n);
  assert_float_equal(y[10], 0.5, 1e-7);
  test_free(y);
}

static void test_hushed_output_is_silent(void **s) {
  int n;
  float *y = render("out $ sine 440\no2 $ saw 110\nhush\n", 0.5, &n);
  assert_float_equal(measure_peak(y, n), 0, 0);
  float *z = render("out $ sine 440 * 0.5\no2 $ saw 110\nhush2\n", 0.5, &n);
  assert_float_equal(measure_peak_hz(z, RATE / 2, RATE), 440, 1);
  test_free(y);
  test_free(z);
}

static void test_transform_arguments_are_patterns_of_any_kind(void **s) {
  int n;
  /* run 2 + 1 is the pattern "1 2": fast by it equals fast "1 2", sample for sample. */
  float *a = render("cps: 1\nout $ sine \"220 330 440\" $ fast (run 2 + 1)\n", 1.0, &n);
  float *b = render("cps: 1\nout $ sine \"220 330 440\" $ fast \"1 2\"\n", 1.0, &n);
  assert_same_samples(a, b, n);
  /* A continuous pattern as an argument is sampled where each query begins, as in Tidal. */
  float *c = render("cps: 1\nout $ sine \"220 330\" $ fast (saw * 0 + 2)\n", 1.0, &n);
  float *d = render("cps: 1\nout $ sine \"220 330\" $ fast 2\n", 1.0, &n);
  assert_same_samples(c, d, n);
  test_free(a);
  test_free(b);
  test_free(c);
  test_free(d);
}

static void test_two_noises_are_different_noises(void **s) {
  int n;
  float *y = render("out $ (white_noise - white_noise) * 0.3\n", 0.25, &n);
  assert_true(measure_rms(y, n) > 0.1);
  float *z = render("out $ (white_noise - white_noise) * 0.3\n", 0.25, &n);
  for (int i = 0; i < n; i++)
    if (y[i] != z[i]) fail_msg("renders differ at sample %d", i);
  test_free(y);
  test_free(z);
}

static void test_effect_sections_switch_by_cycle(void **s) {
  /* every 2 (# lpf 300): cycle 0 through the low-pass, cycle 1 dry (cps 1). */
  int n;
  float *y = render("cps: 1\nout $ every 2 (# lpf 300 0.7) $ sine 3000 * 0.5\n", 2.0, &n);
  double filtered = measure_rms(y + RATE / 4, RATE / 2), dry = measure_rms(y + RATE + RATE / 4, RATE / 2);
  assert_float_equal(dry, 0.5 / sqrt(2), 0.01);
  assert_true(filtered < dry * 0.03); /* 3000 Hz is over 3 octaves above 300 Hz: below -30 dB */
  test_free(y);
}

static void test_a_bus_as_a_transform_argument(void **s) {
  /* fast ~speed with a bus that is 2 everywhere equals fast 2, sample for sample; a bus that
   * is 1 in the first half cycle and 2 in the second changes speed there. */
  int n;
  float *a = render("cps: 1\n~speed $ sine 0.5 * 0 + 2\nout $ sine \"220 330\" $ fast ~speed\n", 1.0, &n);
  float *b = render("cps: 1\nout $ sine \"220 330\" $ fast 2\n", 1.0, &n);
  assert_same_samples(a, b, n);
  float *c = render("cps: 1\n~speed $ \"1 2\"\nout $ sine \"220 330\" $ fast ~speed\n", 1.0, &n);
  float *d = render("cps: 1\nout $ sine \"220 330\" $ fast \"1 2\"\n", 1.0, &n);
  assert_same_samples(c, d, n);
  test_free(a);
  test_free(b);
  test_free(c);
  test_free(d);
}

static bool runs(const ph_graph *g, int node) {
  for (int k = 0; k < g->norder; k++)
    if (g->order[k] == node) return true;
  return false;
}

/* What no output hears does not run: an unused bus, and a bus played only as voices (its
 * copies run, itself not); a bus heard only as a transform's argument does. */
static void test_what_no_output_hears_does_not_run(void **s) {
  const char *program = "cps: 1\n~unused $ saw 110 # lpf 800\n~k $ sine 300\n~speed $ \"1 2\"\n"
                        "out $ s \"~k*4\" # attack 0 # release 0.05 # pan 0\no1 $ sine \"220 330\" $ fast ~speed\n";
  ph_song song;
  ph_error err = {0};
  ph_voice_hooks hooks = ph_sampler_hooks(NULL);
  ph_song_options opt = {.rate = RATE, .voices = &hooks};
  if (!ph_song_compile(&song, program, "test.ph", &opt, &err)) fail_msg("compile: %s", err.message);
  const ph_graph *g = &song.graph;
  int sines = 0, sines_run = 0, patterns = 0, patterns_run = 0;
  for (int k = 0; k < g->count; k++) {
    const char *name = g->nodes[k].def->name;
    if (!strcmp(name, "saw") || !strcmp(name, "lpf")) assert_false(runs(g, k));
    sines += !strcmp(name, "sine");
    sines_run += !strcmp(name, "sine") && runs(g, k);
    patterns += !strcmp(name, "pattern");
    patterns_run += !strcmp(name, "pattern") && runs(g, k);
  }
  assert_int_equal(sines_run, sines - 1); /* the voices' copies and o1's, not ~k's own */
  assert_true(sines >= 3);
  assert_int_equal(patterns_run, patterns); /* ~speed and o1's notes */
  ph_song_destroy(&song);
  float *heard = t_play(program, RATE, RATE, NULL, NULL);
  assert_true(measure_rms(heard, RATE) > 0.05);
  test_free(heard);
}

static void test_a_bus_as_a_voice_players_transform_argument(void **s) {
  /* Voices whose pattern samples a bus hear the bus's value in the block under way, wherever
   * the bus is defined: fast ~f with ~f "1 4" is fast "1 4", sample for sample (onsets at 0,
   * 1/2 and 3/4). A bus defined after the player was once read a block late, or refused as a
   * loop when a second bus came after it. The effects after the voices are not tied to it. */
  const char *voices = "cps: 1\n~k $ sine 1000\n";
  const char *player = "$ s \"~k\" # attack 0 # sustain 0.01 # release 0 # lpf \"<3000 2000>\"\n";
  char literal[512], before[512], after[512];
  snprintf(literal, sizeof literal, "%sout $ fast \"1 4\" %so1 $ fast \"4 1\" %s", voices, player, player);
  snprintf(before, sizeof before, "%s~f $ \"1 4\"\n~g $ \"4 1\"\nout $ fast ~f %so1 $ fast ~g %s", voices, player, player);
  snprintf(after, sizeof after, "%sout $ fast ~f %so1 $ fast ~g %s~f $ \"1 4\"\n~g $ \"4 1\"\n", voices, player, player);
  int n = 2 * RATE;
  float *a = t_play(literal, RATE, n, NULL, NULL), *b = t_play(before, RATE, n, NULL, NULL),
        *c = t_play(after, RATE, n, NULL, NULL);
  assert_true(measure_rms(a, n) > 0.01);
  assert_same_samples(a, b, n);
  assert_same_samples(a, c, n);
  test_free(a);
  test_free(b);
  test_free(c);
}

static void test_solo_mute_and_set_cycle(void **s) {
  int n;
  float *y = render("o1 $ sine 440 * 0.3\no2 $ sine 660 * 0.3\nsolo 2\n", 0.5, &n);
  assert_float_equal(measure_peak_hz(y, n, RATE), 660, 1);
  assert_float_equal(measure_rms(y, n), 0.3 / sqrt(2), 0.005);
  test_free(y);
  y = render("o1 $ sine 440 * 0.3\no2 $ sine 660 * 0.3\nmute 1\n", 0.5, &n);
  assert_float_equal(measure_peak_hz(y, n, RATE), 660, 1);
  test_free(y);
  /* setCycle 1: the music starts at cycle 1, so <110 220> opens on 220. */
  y = render("cps: 1\nsetCycle 1\nout $ sine \"<110 220>\"\n", 1.0, &n);
  assert_float_equal(measure_peak_hz(y, n, RATE), 220, 0.5);
  test_free(y);
}

static void test_loud_programs_are_limited_not_clipped_to_garbage(void **s) {
  int n;
  float *y = render("out $ sine 440 * 8\n", 0.5, &n);
  assert_true(measure_peak(y, n) <= 1.0 + 1e-6);
  assert_true(measure_rms(y + RATE / 4, RATE / 4) > 0.3);
  test_free(y);
}

static void test_pan2_and_stereo_through_buses_and_filters(void **s) {
  int n;
  static float l[RATE / 2], r[RATE / 2];
  float *y = render_stereo("~left $ sine 440 * 0.5 # pan2 -1\nout $ ~left # lpf 2000 0.7\n", 0.5, &n);
  split(y, n, l, r);
  assert_float_equal(measure_rms(l, n), 0.5 / sqrt(2), 0.01);
  assert_true(measure_rms(r, n) < 1e-6);
  test_free(y);
  /* Centre: equal power, each side -3 dB. */
  y = render_stereo("out $ sine 440 * 0.5 # pan2 0\n", 0.5, &n);
  split(y, n, l, r);
  assert_float_equal(measure_rms(l, n), 0.5 / sqrt(2) / sqrt(2), 0.01);
  assert_float_equal(measure_rms(r, n), measure_rms(l, n), 1e-6);
  test_free(y);
  /* A pan that moves with a pattern: right in the first half cycle, left in the second. */
  y = render_stereo("cps: 1\nout $ sine 440 * 0.5 # pan2 \"1 -1\"\n", 1.0, &n);
  assert_true(fabs(y[2 * 100]) < 1e-6 && fabs(y[2 * (RATE / 2 + 100) + 1]) < 1e-6);
  test_free(y);
}

static void test_user_functions_templates_modifier_buses(void **s) {
  int n;
  /* fn: two saws around 110 Hz, 2 Hz apart: the strongest component is still near 110. */
  float *y = render("fn doublesaw f d = saw (f - d) + saw (f + d)\nout $ doublesaw 110 1 * 0.1\n", 1.0, &n);
  assert_float_equal(measure_peak_hz(y, RATE, RATE), 110, 1.5);
  test_free(y);
  /* A modifier bus spliced after #, a template as a transform, a pattern variable as an
   * argument: the same as writing them out. */
  float *a = render("~fx # lpf 500 0.7\n@twice: fast 2\n%f: 2\nout $ sine \"220 440\" $ @twice # ~fx\no2 $ sine 330 $ fast %f\n", 1.0, &n);
  float *b = render("out $ sine \"220 440\" $ fast 2 # lpf 500 0.7\no2 $ sine 330\n", 1.0, &n);
  assert_same_samples(a, b, n);
  test_free(a);
  test_free(b);
}

static void compile_error(const char *program, int line, int column, const char *text) {
  ph_song song;
  ph_error err = {0};
  ph_song_options opt = {.rate = RATE};
  bool ok = ph_song_compile(&song, program, "bad.ph", &opt, &err);
  ph_song_destroy(&song);
  if (ok) fail_msg("'%s' compiled", program);
  if (err.line != line || err.column != column || !strstr(err.message, text))
    fail_msg("'%s': got %d:%d %s, expected %d:%d ...%s...", program, err.line, err.column, err.message, line, column, text);
}

static void test_compile_errors_point_at_the_problem(void **s) {
  compile_error("out $ sine 440 # lpff 300\n", 1, 18, "did you mean 'lpf'");
  compile_error("out $ ~nope\n", 1, 7, "unknown bus '~nope'");
  compile_error("out $ sine \"110 [220\"\n", 1, 21, "expected ']'");
  compile_error("out $ fast 2 3 $ sine \"110\"\n", 1, 7, "fast takes 1 argument");
  compile_error("out $ lpf :cutof 300\n", 1, 11, "no parameter 'cutof'");
  compile_error("fn f x = f x\nout $ f 1\n", 1, 10, "more than 64 deep");
  compile_error("fn f a b = a + b\nout $ f 1\n", 2, 7, "takes 2 arguments, got 1");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_pitch_of_each_half_cycle, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_note_names_and_transforms_reach_the_oscillator, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_pattern_arithmetic_on_midi_numbers, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_rests_are_zero_and_gaps_hold, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_lowpass_cuts_an_octave_above_cutoff, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_feedback_bus_is_stable_and_delayed_one_sample, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_forward_reference_and_outputs_mix, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_hushed_output_is_silent, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_transform_arguments_are_patterns_of_any_kind, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_two_noises_are_different_noises, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_effect_sections_switch_by_cycle, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_a_bus_as_a_transform_argument, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_a_bus_as_a_voice_players_transform_argument, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_what_no_output_hears_does_not_run, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_solo_mute_and_set_cycle, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_loud_programs_are_limited_not_clipped_to_garbage, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_pan2_and_stereo_through_buses_and_filters, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_user_functions_templates_modifier_buses, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_compile_errors_point_at_the_problem, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
