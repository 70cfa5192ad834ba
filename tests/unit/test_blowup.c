/* Programs built to blow up, as a listener (and a speaker) would meet them: what comes out is
 * finite and within full scale, and the song says what it had to do. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/song.h"
#include "graph/song_report.h"
#include "measure.h"
#include "voice/sampler.h"
#include "support.h"

#define RATE 48000

typedef struct {
  ph_song song;
  float *left; /* test_malloc'd */
  int frames;
} played;

/* Plays `seconds` of a program and checks every sample on the way: finite, within [-1, 1]. */
static void play_with(played *p, const char *program, double seconds, const ph_voice_hooks *voices) {
  ph_error err = {0};
  ph_song_options opt = {.rate = RATE, .voices = voices};
  if (!ph_song_compile(&p->song, program, "blowup.ph", &opt, &err)) {
    ph_song_destroy(&p->song);
    fail_msg("compile: %d:%d: %s", err.line, err.column, err.message);
  }
  p->frames = (int)(seconds * RATE);
  p->left = test_malloc(sizeof(float) * (size_t)p->frames);
  float block[2 * 4096];
  for (int done = 0; done < p->frames;) {
    int n = p->frames - done < p->song.block ? p->frames - done : p->song.block;
    ph_song_process(&p->song, block, n);
    for (int i = 0; i < 2 * n; i++)
      if (!isfinite(block[i]) || fabsf(block[i]) > 1.0f) fail_msg("sample %d is %g", done + i / 2, block[i]);
    for (int i = 0; i < n; i++) p->left[done + i] = block[2 * i];
    done += n;
  }
}

static void play(played *p, const char *program, double seconds) { play_with(p, program, seconds, NULL); }

static void unplay(played *p) {
  test_free(p->left);
  ph_song_destroy(&p->song);
}

/* What ph_song_report_faults wrote, and how many warnings. */
static int report(ph_song *s, char *text, size_t size) {
  FILE *f = tmpfile();
  assert_non_null(f);
  int told = ph_song_report_faults(s, f);
  rewind(f);
  size_t n = fread(text, 1, size - 1, f);
  text[n] = 0;
  fclose(f);
  return told;
}

static void test_feedback_gain_10_is_finite_limited_and_reported(void **state) {
  /* The bus hears itself through a 10 ms delay, ten times louder each time round: it reaches
   * infinity in well under a second, unless something stops it. */
  played p;
  play(&p, "~fb $ sine 220 * 0.5 + ~fb * 10 # delay 0.01 0.5 1\nout $ ~fb\n", 3.0);
  assert_true(p.song.limited > 0); /* the limiter held it and counted its work */
  assert_true(measure_peak(p.left, p.frames) <= PH_SONG_CEILING); /* below 0 dBFS */
  assert_int_equal(p.song.nonfinite, 0); /* nothing non-finite even reached the mix */
  char text[4096];
  assert_true(report(&p.song, text, sizeof text) >= 1);
  assert_non_null(strstr(text, "blowup.ph:1:"));
  assert_non_null(strstr(text, "blew up"));
  assert_non_null(strstr(text, "^"));
  /* Once: a second report has nothing new to say. */
  assert_int_equal(report(&p.song, text, sizeof text), 0);
  /* Reset, the loop starts again from silence: the end is still heard, not stuck. */
  assert_true(measure_rms(p.left + p.frames - RATE / 10, RATE / 10) > 0.05);
  unplay(&p);
}

static void test_node_blowing_up_is_silenced_and_the_rest_heard(void **state) {
  /* The second term swings to 1e20: the limiter alone would leave a full-scale 3 Hz wave and
   * bury the tone under it. Silenced at its source, the 440 Hz tone beside it plays on, clean. */
  played p;
  play(&p, "out $ sine 440 * 0.25 + sine 3 * 1e20\n", 1.0);
  assert_int_equal(p.song.limited, 0);
  assert_float_equal(measure_rms(p.left, p.frames), 0.25 / sqrt(2), 0.01);
  assert_float_equal(measure_peak_hz(p.left, p.frames, RATE), 440.0, 1.0);
  char text[4096];
  assert_int_equal(report(&p.song, text, sizeof text), 1);
  assert_non_null(strstr(text, "blowup.ph:1:"));
  assert_int_equal(report(&p.song, text, sizeof text), 0);
  unplay(&p);
}

static void test_limiter_counts_what_it_reduces(void **state) {
  /* Three full-scale sines add up to three times full scale: limited, counted, bounded. */
  played p;
  play(&p, "out $ sine 220 + sine 330 + sine 440\n", 1.0);
  assert_true(p.song.limited > p.frames / 10);
  assert_true(p.song.peak > 2.0f);
  assert_true(measure_peak(p.left, p.frames) <= PH_SONG_CEILING);
  assert_true(measure_peak(p.left, p.frames) > 0.98);
  assert_true(measure_rms(p.left, p.frames) > 0.2);
  unplay(&p);
}

static void test_pattern_too_big_to_query_is_reported_once(void **state) {
  /* A hundred million values in one cycle: each block's query is refused at once (not after
   * minutes), the tone holds its last value (silence here), and the song says why, where. */
  played p;
  play(&p, "out $ sine \"0 .. 100000000\" * 0.5\n", 0.5);
  assert_true(measure_rms(p.left, p.frames) < 1e-6);
  char text[4096];
  assert_int_equal(report(&p.song, text, sizeof text), 1);
  assert_non_null(strstr(text, "blowup.ph:1:12: warning:"));
  assert_non_null(strstr(text, "more than 4096 values"));
  assert_int_equal(report(&p.song, text, sizeof text), 0);
  unplay(&p);
}

static int count(const char *text, const char *what) {
  int n = 0;
  for (const char *at = text; (at = strstr(at, what)); at++) n++;
  return n;
}

static void test_voices_too_many_to_query_are_reported_once_each(void **state) {
  /* A billion sample events a cycle, and a hundred million notes for an instrument: each
   * block's query is refused at once and starts no voice. Each voice player says so once, at
   * its own expression (the instrument's: its name in the string), with the count. The tone
   * beside them plays on. */
  ph_voice_hooks hooks = ph_sampler_hooks(NULL);
  played p;
  play_with(&p,
            "~lead $ saw 220 # lpf 900\n"
            "~kit $ s \"bd*1000000000\"\n"
            "~tune $ s \"~lead*100000000\" # note \"c3\"\n"
            "out $ ~kit + ~tune + sine 440 * 0.25\n",
            0.5, &hooks);
  assert_float_equal(measure_rms(p.left, p.frames), 0.25 / sqrt(2), 0.01);
  char text[8192];
  assert_int_equal(report(&p.song, text, sizeof text), 2);
  assert_non_null(strstr(text, "blowup.ph:2:8: warning: this pattern could not be played"));
  assert_non_null(strstr(text, "blowup.ph:3:12: warning: this pattern could not be played"));
  assert_int_equal(count(text, "blocks so far started no voices"), 2);
  /* in words a musician can act on: the kit is a billion cycles of "bd" in a block, the tune
   * hundreds of thousands of notes */
  assert_int_equal(count(text, "could not be played: too fast to play: more than a million of its cycles at once"), 1);
  assert_int_equal(count(text, "could not be played: too many events at once for this player's query memory"), 1);
  assert_int_equal(count(text, "^"), 2);
  /* 0.5 s in blocks of 128 at 48 kHz: every one of the 188 refused, and counted */
  assert_non_null(strstr(text, "(188 blocks"));
  assert_int_equal(report(&p.song, text, sizeof text), 0);
  unplay(&p);
}

static void test_a_player_in_every_voice_is_reported_once(void **state) {
  /* An instrument holding a sample player and a pattern that can never be queried: each of its
   * eight voices has a copy of both, and all are refused. One warning each, not eight. */
  ph_voice_hooks hooks = ph_sampler_hooks(NULL);
  played p;
  play_with(&p, "~inner $ s \"bd*1000000000\" + saw \"0 .. 100000000\"\nout $ s \"~inner*8\" # legato 2\n", 1.0, &hooks);
  char text[8192];
  assert_int_equal(report(&p.song, text, sizeof text), 2);
  assert_non_null(strstr(text, "blowup.ph:1:10: warning: this pattern could not be played"));
  assert_non_null(strstr(text, "started no voices"));
  assert_non_null(strstr(text, "blowup.ph:1:34: warning: this pattern could not be played: range '..'"));
  assert_non_null(strstr(text, "held the last value"));
  assert_int_equal(report(&p.song, text, sizeof text), 0);
  unplay(&p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_feedback_gain_10_is_finite_limited_and_reported),
      cmocka_unit_test(test_node_blowing_up_is_silenced_and_the_rest_heard),
      cmocka_unit_test(test_limiter_counts_what_it_reduces),
      cmocka_unit_test(test_pattern_too_big_to_query_is_reported_once),
      cmocka_unit_test(test_voices_too_many_to_query_are_reported_once_each),
      cmocka_unit_test(test_a_player_in_every_voice_is_reported_once),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
