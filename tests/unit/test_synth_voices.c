/* Buses played as voices, heard: `note` retunes every oscillator on the voice's audio path
 * (behind a filter, inside arithmetic, inside FM) and only those; chords are a voice per tone;
 * notes start on their samples and release after their events; `~trig` is the voice's own
 * trigger; `saw # note "..."` is the inline form. Voices sound from the centre unless an event
 * may say otherwise (pan, jux): then both sides through a stereo effect are the same samples,
 * else they differ. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/song.h"
#include "measure.h"
#include "support.h"
#include "voice/sampler.h"

#define RATE 48000

static ph_bank *bank;

static int setup(void **st) {
  bank = ph_bank_create(RATE);
  return t_setup(st);
}

static int teardown(void **st) {
  ph_bank_destroy(bank);
  return t_teardown(st);
}

static float *render(const char *program, int frames) { return t_play(program, RATE, frames, bank, NULL); }

static void test_note_name_sets_the_pitch_behind_a_filter(void **st) {
  float *y = render("cps: 1\n~lead $ saw 110 # lpf 3000\nout $ s \"~lead\" # note \"a4\" # gain 0.3\n", RATE);
  assert_float_equal(measure_peak_hz(y + RATE / 4, RATE / 2, RATE), 440.0, 2.0);
  test_free(y);
  y = render("cps: 1\n~lead $ saw 110 # lpf 3000\nout $ s \"~lead\" # note 12 # gain 0.3\n", RATE);
  assert_float_equal(measure_peak_hz(y + RATE / 4, RATE / 2, RATE), 220.0, 2.0);
  test_free(y);
}

static void test_arithmetic_and_fm_follow_the_note(void **st) {
  float *y = render("cps: 1\n~pad $ (sine 220 + sine 330 * 0.5) * 0.5\nout $ s \"~pad\" # note 12\n", RATE);
  double at440 = measure_level_db_at(y + RATE / 4, RATE / 2, RATE, 440.0);
  double at660 = measure_level_db_at(y + RATE / 4, RATE / 2, RATE, 660.0);
  double at220 = measure_level_db_at(y + RATE / 4, RATE / 2, RATE, 220.0);
  assert_true(at440 > at220 + 40.0 && at660 > at220 + 30.0);
  assert_float_equal(at440 - at660, 6.0, 1.0);
  test_free(y);
  /* fm: carrier and modulator both an octave up, so the sidebands keep their spacing ratio */
  y = render("cps: 1\n~bell $ fm 200 400 1 * 0.3\nout $ s \"~bell\" # note 12\n", RATE);
  double carrier = measure_level_db_at(y + RATE / 4, RATE / 2, RATE, 400.0);
  double side = measure_level_db_at(y + RATE / 4, RATE / 2, RATE, 1200.0);
  double old = measure_level_db_at(y + RATE / 4, RATE / 2, RATE, 200.0);
  assert_true(carrier > old + 40.0 && side > old + 20.0);
  test_free(y);
}

/* An LFO in a filter's cutoff is not a pitch: a note leaves it alone, so the voice sounds
 * the same as with the LFO's rate written in by hand. */
static void test_modulation_is_not_retuned(void **st) {
  float *a = render("cps: 1\n~v $ saw 110 # lpf (sine 3 * 400 + 800)\nout $ s \"~v\" # note 12 # gain 0.3\n", RATE);
  float *b = render("cps: 1\n~v $ saw 220 # lpf (sine 3 * 400 + 800)\nout $ s \"~v\" # gain 0.3\n", RATE);
  for (int i = 0; i < RATE; i++) assert_float_equal(a[i], b[i], 1e-4);
  test_free(a);
  test_free(b);
}

static void test_chord_is_a_voice_per_tone(void **st) {
  float *y = render("cps: 0.5\n~s $ sine 261.6255653\nout $ s \"~s\" # note \"c4'min\" # gain 0.5\n", RATE);
  const double hz[] = {261.63, 311.13, 392.0};
  double level[3];
  for (int k = 0; k < 3; k++) level[k] = measure_level_db_at(y + RATE / 4, RATE / 2, RATE, hz[k]);
  for (int k = 1; k < 3; k++) assert_float_equal(level[k], level[0], 1.0);
  assert_true(measure_level_db_at(y + RATE / 4, RATE / 2, RATE, 329.63) < level[0] - 20.0); /* no major third */
  test_free(y);
}

/* Notes start on their samples (10 ms attack) and release 0.3 s after their events end. */
static void test_notes_start_and_release(void **st) {
  float *y = render("cps: 1\n~s $ sine 440\nout $ s \"~ ~s ~ ~\"\n", RATE);
  for (int i = 0; i < RATE / 4; i++) assert_true(y[i] == 0.0f);
  assert_true(fabsf(y[RATE / 4 + 24]) > 0.0f);
  assert_true(measure_rms(y + RATE / 4 + 1000, 4800) > 0.3); /* sounding */
  assert_true(measure_rms(y + RATE / 2 + 4800, 2400) > 0.1); /* releasing */
  for (int i = RATE / 2 + 14400 + 10; i < RATE; i++) assert_true(y[i] == 0.0f); /* released */
  test_free(y);
}

/* ~trig strikes each voice's own envelope: two short blips a cycle, silence between. */
static void test_trig_drives_the_voice(void **st) {
  float *y = render("cps: 1\n~pluck $ sine 440 * tar ~trig 0.001 0.05\nout $ s \"~pluck*2\" # release 0.01\n", RATE);
  assert_true(measure_rms(y + 100, 1000) > 0.2);
  assert_true(measure_rms(y + RATE / 2 + 100, 1000) > 0.2);
  assert_true(measure_rms(y + RATE / 4, 1000) < 1e-4);
  test_free(y);
}

static void test_inline_oscillator_with_notes(void **st) {
  float *y = render("cps: 1\nout $ saw # note \"a4 e5\" # gain 0.3 # lpf 4000\n", RATE);
  assert_float_equal(measure_peak_hz(y + 2400, RATE / 2 - 4800, RATE), 440.0, 3.0);
  assert_float_equal(measure_peak_hz(y + RATE / 2 + 2400, RATE / 2 - 4800, RATE), 659.26, 3.0);
  test_free(y);
}

/* Note names in an oscillator's frequency: a voice per note, chords included, held for the
 * note; numbers stay a stepped frequency. */
static void test_oscillator_given_notes(void **st) {
  float *y = render("cps: 1\nout $ sine \"a4 e5\" * 0.5\n", RATE);
  assert_float_equal(measure_peak_hz(y + 2400, RATE / 2 - 4800, RATE), 440.0, 2.0);
  assert_float_equal(measure_peak_hz(y + RATE / 2 + 2400, RATE / 2 - 4800, RATE), 659.26, 2.0);
  assert_true(measure_rms(y + RATE / 2 - 4800, 4800) > 0.2); /* held to the end of the note */
  test_free(y);
  y = render("cps: 0.5\nout $ tri \"c4'maj\" * 0.5\n", RATE);
  const double hz[] = {261.63, 329.63, 392.0};
  double first = measure_level_db_at(y + RATE / 4, RATE / 2, RATE, hz[0]);
  for (int k = 1; k < 3; k++) assert_float_equal(measure_level_db_at(y + RATE / 4, RATE / 2, RATE, hz[k]), first, 1.0);
  test_free(y);
  /* a bus holding the notes */
  y = render("cps: 1\n~notes $ \"a4\"\nout $ saw ~notes * 0.3 # lpf 3000\n", RATE);
  assert_float_equal(measure_peak_hz(y + 2400, RATE / 2, RATE), 440.0, 2.0);
  test_free(y);
}

/* saw_trig plucks: attack 1 ms, decay 0.1 s to 0. */
static void test_trig_oscillators_pluck(void **st) {
  float *y = render("cps: 1\nout $ sine_trig \"a4 ~\" * 0.5\n", RATE);
  assert_true(measure_rms(y + 480, 2400) > 0.1);
  assert_true(measure_rms(y + RATE / 4, 2400) < 1e-4); /* decayed long before the note's end */
  assert_float_equal(measure_peak_hz(y, 4800, RATE), 440.0, 10.0);
  test_free(y);
  y = render("cps: 1\nout $ saw_trig \"a3\" 0.001 0.1 0.5 0.1 * 0.3\n", RATE);
  assert_true(measure_rms(y + RATE / 2, 2400) > 0.05); /* a sustain level keeps it sounding */
  test_free(y);
}

static void test_voices_from_the_centre_unless_panned(void **st) {
  static const char *const voices[] = {
      "s \"~k*4\" # release 0.05",         "s \"~k*4\" # release 0.05 # pan \"-1 1\"",
      "s \"~k*4\" # release 0.05 # pan sine", "jux (fast 2) $ s \"~k*4\" # release 0.05",
      "juxBy 0.5 (fast 2) $ s \"~k*4\" # release 0.05", "fast 2 $ s \"~k*4\" # release 0.05"};
  for (size_t k = 0; k < sizeof voices / sizeof *voices; k++) {
    char program[256];
    snprintf(program, sizeof program, "cps: 1\n~k $ saw 110 * 0.3\n~v $ %s\nout $ ~v # delay 0.1 0.5 0.5 # lpf 2000\n", voices[k]);
    float *right = NULL, *left = t_play(program, RATE, RATE, bank, &right);
    bool same = !memcmp(left, right, sizeof(float) * RATE);
    print_message("%-50s sides %s (rms %.3f, %.3f)\n", voices[k], same ? "the same" : "differ", measure_rms(left, RATE),
                  measure_rms(right, RATE));
    assert_true(measure_rms(left, RATE) > 0.01 || measure_rms(right, RATE) > 0.01);
    if (strstr(voices[k], "pan") || strstr(voices[k], "jux")) assert_false(same);
    else assert_true(same);
    test_free(left);
    test_free(right);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_note_name_sets_the_pitch_behind_a_filter),
      cmocka_unit_test(test_arithmetic_and_fm_follow_the_note),
      cmocka_unit_test(test_modulation_is_not_retuned),
      cmocka_unit_test(test_chord_is_a_voice_per_tone),
      cmocka_unit_test(test_notes_start_and_release),
      cmocka_unit_test(test_trig_drives_the_voice),
      cmocka_unit_test(test_inline_oscillator_with_notes),
      cmocka_unit_test(test_oscillator_given_notes),
      cmocka_unit_test(test_trig_oscillators_pluck),
      cmocka_unit_test(test_voices_from_the_centre_unless_panned),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
