/* A live reload keeps the state of what did not change: a reverb's tail rings on across an
 * edit of another line; an edited line starts afresh; the same program edited only in spacing
 * and comments keeps everything, and continues sample for sample. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/song.h"
#include "measure.h"
#include "support.h"

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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_a_reverb_tail_survives_an_edit_of_another_line),
      cmocka_unit_test(test_an_unchanged_program_continues_exactly),
      cmocka_unit_test(test_an_edited_line_starts_afresh),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
