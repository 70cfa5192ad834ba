/* A live reload keeps the state of what did not change: a reverb's tail rings on across an
 * edit of another line; an edited line starts afresh; the same program edited only in spacing
 * and comments keeps everything, and continues sample for sample; a stereo effect that ran as
 * one node (voices from the centre: twins merged) hands its state to both sides when the
 * voices are panned. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/song.h"
#include "measure.h"
#include "support.h"
#include "voice/bank.h"
#include "voice/sampler.h"

#define RATE 22050

static void compile(ph_song *s, const char *program) {
  ph_error err = {0};
  ph_song_options opt = {.rate = RATE};
  if (!ph_song_compile(s, program, "test.ph", &opt, &err)) fail_msg("compile: %d:%d: %s", err.line, err.column, err.message);
}

/* frames of the left channel into out. */
static void play(ph_song *s, float *out, int frames) {
  float buf[2 * 512];
  for (int done = 0; done < frames;) {
    int n = frames - done < s->block ? frames - done : s->block;
    ph_song_process(s, buf, n);
    for (int i = 0; i < n; i++) out[done + i] = buf[2 * i];
    done += n;
  }
}

static const char *before = "cps: 1\n~src $ sine 440 * tar \"x ~\" 0.001 0.05\n~room $ ~src # reverb 0.95 0.2 1\nout $ ~room\n";
static const char *edited = "cps: 1\n~src $ sine 440 * 0\n~room $ ~src # reverb 0.95 0.2 1\nout $ ~room\n";

static void test_a_reverb_tail_survives_an_edit_of_another_line(void **st) {
  static float a[RATE], b[RATE / 2];
  ph_song old, next, fresh;
  compile(&old, before);
  play(&old, a, RATE / 4);
  compile(&next, edited);
  assert_true(ph_song_match(&next, &old));
  assert_true(next.nheirs > 0);
  ph_song_inherit(&next, &old);
  play(&next, b, RATE / 2);
  assert_true(measure_rms(b, RATE / 10) > 1e-3); /* the tail rings on */
  compile(&fresh, edited);
  play(&fresh, b, RATE / 2);
  assert_true(measure_peak(b, RATE / 2) == 0.0); /* without it: silence */
  ph_song_destroy(&old);
  ph_song_destroy(&next);
  ph_song_destroy(&fresh);
}

/* Spacing and comments are no change: the reloaded program continues the old one exactly. */
static void test_an_unchanged_program_continues_exactly(void **st) {
  static float whole[RATE], parts[RATE];
  const char *p1 = "cps: 1\n~a $ saw 110 # lpf 800 0.7 # delay 0.1 0.5 0.5\nout $ ~a * 0.3\n";
  const char *p2 = "cps: 1\n-- the same\n~a  $  saw 110 # lpf 800 0.7  # delay 0.1 0.5 0.5\nout $ ~a * 0.3\n";
  ph_song one, first, second;
  compile(&one, p1);
  play(&one, whole, RATE);
  compile(&first, p1);
  play(&first, parts, RATE / 2);
  compile(&second, p2);
  /* the clock goes on where the first left off, as the live engine does it */
  second.block_start = first.block_start;
  second.clock = first.clock;
  assert_true(ph_song_match(&second, &first));
  ph_song_inherit(&second, &first);
  play(&second, parts + RATE / 2, RATE / 2);
  for (int i = 0; i < RATE; i++)
    if (whole[i] != parts[i]) fail_msg("sample %d differs: %g vs %g", i, whole[i], parts[i]);
  ph_song_destroy(&one);
  ph_song_destroy(&first);
  ph_song_destroy(&second);
}

/* An edited statement starts afresh: its delay line is empty. */
static void test_an_edited_line_starts_afresh(void **st) {
  static float buf[RATE];
  ph_song old, next;
  compile(&old, "cps: 1\nout $ sine 440 * tar \"x ~\" 0.001 0.05 # delay 0.2 0.9 1\n");
  play(&old, buf, RATE / 4);
  compile(&next, "cps: 1\nout $ sine 440 * 0 # delay 0.2 0.9 0.9\n");
  assert_true(ph_song_match(&next, &old));
  ph_song_inherit(&next, &old);
  play(&next, buf, RATE / 2);
  assert_true(measure_peak(buf, RATE / 2) == 0.0);
  ph_song_destroy(&old);
  ph_song_destroy(&next);
}

static void compile_voiced(ph_song *s, const char *program, const ph_bank *bank) {
  ph_error err = {0};
  ph_voice_hooks hooks = ph_sampler_hooks(bank);
  ph_song_options opt = {.rate = RATE, .voices = &hooks};
  if (!ph_song_compile(s, program, "test.ph", &opt, &err)) fail_msg("compile: %d:%d: %s", err.line, err.column, err.message);
}

/* frames of both channels. */
static void play_both(ph_song *s, float *left, float *right, int frames) {
  float buf[2 * 512];
  for (int done = 0; done < frames;) {
    int n = frames - done < s->block ? frames - done : s->block;
    ph_song_process(s, buf, n);
    for (int i = 0; i < n; i++) left[done + i] = buf[2 * i], right[done + i] = buf[2 * i + 1];
    done += n;
  }
}

static int steps_of(const ph_song *s, const char *unit) {
  int n = 0;
  for (int k = 0; k < s->graph.nsteps; k++) n += !strcmp(s->graph.nodes[s->graph.order[s->graph.steps[k].first]].def->name, unit);
  return n;
}

static void test_a_merged_echo_rings_on_both_sides_once_panned(void **st) {
  static float l[RATE], r[RATE];
  const char *centred = "cps: 1\n~k $ sine 330 * 0.5\n~v $ s \"~k ~ ~ ~\" # attack 0.001 # sustain 0.05 # release 0.05\n"
                        "~e $ ~v # delay 0.2 0.6 1\nout $ ~e\n";
  const char *panned = "cps: 1\n~k $ sine 330 * 0.5\n~v $ s \"~k ~ ~ ~\" # attack 0.001 # sustain 0.05 # release 0.05 # pan -1\n"
                       "~e $ ~v # delay 0.2 0.6 1\nout $ ~e\n";
  ph_bank *bank = ph_bank_create(RATE);
  ph_song old, next, fresh;
  compile_voiced(&old, centred, bank);
  assert_int_equal(steps_of(&old, "delay"), 1); /* both sides' delays: one node */
  play_both(&old, l, r, RATE / 4);
  assert_memory_equal(l, r, sizeof(float) * (RATE / 4));
  assert_true(measure_rms(r, RATE / 4) > 0.05);
  compile_voiced(&next, panned, bank);
  assert_int_equal(steps_of(&next, "delay"), 2);
  next.block_start = old.block_start;
  next.clock = old.clock;
  assert_true(ph_song_match(&next, &old));
  ph_song_inherit(&next, &old);
  play_both(&next, l, r, RATE / 2);
  /* the voice of 0.25 s is hard left: the right side hears only the echoes of before */
  double rang = measure_rms(r, RATE / 2);
  print_message("right side after the edit: rms %.4f\n", rang);
  assert_true(rang > 0.01);
  compile_voiced(&fresh, panned, bank);
  play_both(&fresh, l, r, RATE / 2);
  assert_true(measure_peak(r, RATE / 2) < 1e-6); /* a fresh right side: silence */
  ph_song_destroy(&old);
  ph_song_destroy(&next);
  ph_song_destroy(&fresh);
  ph_bank_destroy(bank);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_a_reverb_tail_survives_an_edit_of_another_line),
      cmocka_unit_test(test_an_unchanged_program_continues_exactly),
      cmocka_unit_test(test_an_edited_line_starts_afresh),
      cmocka_unit_test(test_a_merged_echo_rings_on_both_sides_once_panned),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
