/* The live engine without a sound card: what it plays is what render writes, a new program
 * continues the old one's cycle, the crossfade makes no click, what did not change keeps its
 * state across a reload, and every song comes back. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/live.h"
#include "measure.h"
#include "support.h"

#define RATE 48000
#define BLOCK 128
#define CLICK_DBFS -50.0

static ph_live_song *compile(const char *program) {
  ph_live_song *s = calloc(1, sizeof *s);
  ph_error err = {0};
  ph_song_options opt = {.rate = RATE, .block = BLOCK};
  if (!ph_song_compile(&s->song, program, "live.ph", &opt, &err)) fail_msg("compile: %s", err.message);
  return s;
}

static ph_live *engine(double fade_seconds) {
  ph_error err = {0};
  ph_live *l = ph_live_create(RATE, BLOCK, fade_seconds, &err);
  assert_non_null(l);
  return l;
}

/* Runs the engine for frames, in periods of the given sizes in turn, into mono left. */
static void play(ph_live *l, float *left, int frames, const int *periods, int nperiods) {
  float right[4096];
  for (int done = 0, k = 0; done < frames; k++) {
    int n = periods[k % nperiods];
    if (n > frames - done) n = frames - done;
    float *outs[2] = {left + done, right};
    ph_live_process(l, outs, 2, n);
    done += n;
  }
}

/* How far the largest second difference in buf exceeds that of the steady tones on either
 * side (ref): a step or a kink shows there, a smooth change of tone does not. */
static double click_excess(const float *buf, int n, double ref) {
  double worst = 0;
  for (int i = 1; i + 1 < n; i++) {
    double d2 = fabs((double)buf[i + 1] - 2.0 * buf[i] + buf[i - 1]);
    if (d2 > worst) worst = d2;
  }
  return worst - ref;
}

static double steady_d2(const float *buf, int n) { return click_excess(buf, n, 0); }

static void test_plays_what_render_writes(void **state) {
  const char *program = "tempo: 1\nout $ saw \"c3 e3 g3 [c4 g3]\" * 0.2 # lpf (sine 0.5 * 800 + 1200) 3\n";
  int frames = RATE;
  float *want = malloc(sizeof(float) * 2 * (size_t)frames), *got = malloc(sizeof(float) * (size_t)frames);
  ph_live_song *ref = compile(program);
  for (int done = 0; done < frames; done += BLOCK) ph_song_process(&ref->song, want + 2 * done, BLOCK);
  ph_live_song_free(ref);
  ph_live *l = engine(PH_LIVE_FADE_SECONDS);
  assert_true(ph_live_publish(l, compile(program)));
  const int periods[] = {100, 37, 256, 1000, 128, 5};
  play(l, got, frames, periods, 6);
  int differ = 0;
  for (int i = 0; i < frames; i++) differ += got[i] != want[2 * i];
  assert_int_equal(differ, 0);
  assert_true(measure_rms(got, frames) > 0.01);
  ph_live_destroy(l);
  free(want);
  free(got);
}

static void test_silence_until_a_song_comes(void **state) {
  ph_live *l = engine(PH_LIVE_FADE_SECONDS);
  float buf[1000];
  const int periods[] = {300};
  play(l, buf, 1000, periods, 1);
  assert_true(measure_peak(buf, 1000) == 0);
  assert_int_equal(ph_live_get_status(l).swaps, 0);
  ph_live_destroy(l);
}

/* Both programs change pitch at the middle of each cycle; swapped a quarter into a cycle,
 * the new one must change at that cycle's middle, not half a cycle after the swap. */
static void test_new_song_continues_the_cycle(void **state) {
  ph_live *l = engine(PH_LIVE_FADE_SECONDS);
  int frames = RATE * 3;
  float *buf = malloc(sizeof(float) * (size_t)frames);
  const int periods[] = {BLOCK};
  assert_true(ph_live_publish(l, compile("tempo: 1\nout $ sine \"220 440\" * 0.3\n")));
  int swap = 2 * RATE + RATE / 4; /* cycle 2.25, in the middle of a block */
  play(l, buf, swap, periods, 1);
  int taken = (swap + BLOCK - 1) / BLOCK * BLOCK; /* at the next block boundary */
  assert_true(ph_live_publish(l, compile("tempo: 1\nout $ sine \"330 660\" * 0.3\n")));
  play(l, buf + swap, frames - swap, periods, 1);
  ph_live_status st = ph_live_get_status(l);
  assert_int_equal(st.swaps, 2);
  assert_int_equal(st.swap_at, taken);
  assert_float_equal(st.swap_cycle, (double)taken / RATE, 1e-9);
  int middle = 2 * RATE + RATE / 2, n = 4096;
  assert_float_equal(measure_peak_hz(buf + middle - n - 256, n, RATE), 330, 4);
  assert_float_equal(measure_peak_hz(buf + middle + 256, n, RATE), 660, 4);
  assert_float_equal(measure_peak_hz(buf + swap - n, n, RATE), 220, 4);
  ph_live_destroy(l);
  free(buf);
}

/* Swaps a 440 Hz tone for a 660 Hz one at a block where the old tone is far from zero. */
static double swap_click(double fade_seconds, int *latency) {
  ph_live *l = engine(fade_seconds);
  int swap = 20 * BLOCK;
  while (fabs(sin(2 * 3.14159265358979 * 440.0 * swap / RATE)) < 0.8) swap += BLOCK;
  int frames = swap + RATE / 4;
  float *buf = malloc(sizeof(float) * (size_t)frames);
  const int periods[] = {BLOCK};
  assert_true(ph_live_publish(l, compile("out $ sine 440 * 0.3\n")));
  play(l, buf, swap, periods, 1);
  assert_true(ph_live_publish(l, compile("out $ sine 660 * 0.3\n")));
  play(l, buf + swap, frames - swap, periods, 1);
  /* the first sample that is no longer the old tone */
  double step = 2 * 3.14159265358979 * 440.0 / RATE;
  *latency = 0;
  while (fabs(buf[swap + *latency] - 0.3 * sin(step * (swap + *latency))) < 1e-4) (*latency)++;
  double ref = fmax(steady_d2(buf + swap - 1000, 1000), steady_d2(buf + frames - 1000, 1000));
  double excess = click_excess(buf + swap - 64, 64 + (int)(fade_seconds * RATE) + 64, ref);
  ph_live_destroy(l);
  free(buf);
  return excess;
}

static void test_crossfade_makes_no_click(void **state) {
  int latency = -1;
  double excess = swap_click(PH_LIVE_FADE_SECONDS, &latency);
  assert_true(20 * log10(fmax(excess, 1e-12)) < CLICK_DBFS);
  assert_true(latency < 4); /* the fade begins on the first sample of the next block */
  double hard = swap_click(0, &latency);
  assert_true(20 * log10(hard) > CLICK_DBFS); /* the measure hears a swap without a fade */
}

/* Songs published faster than the audio thread takes them replace each other; every song the
 * audio thread lets go comes back to be freed (ASan checks that none is lost). */
static void test_every_song_comes_back(void **state) {
  ph_live *l = engine(PH_LIVE_FADE_SECONDS);
  float buf[BLOCK];
  const int periods[] = {BLOCK};
  assert_true(ph_live_publish(l, compile("out $ sine 200 * 0.1\n")));
  assert_true(ph_live_publish(l, compile("out $ sine 300 * 0.1\n"))); /* replaces the first, unheard */
  int collected = 0;
  for (int i = 0; i < 50; i++) {
    play(l, buf, BLOCK, periods, 1);
    char program[64];
    snprintf(program, sizeof program, "out $ sine %d * 0.1\n", 300 + i);
    assert_true(ph_live_publish(l, compile(program)));
    for (int k = 0; k < 8; k++) play(l, buf, BLOCK, periods, 1); /* longer than the fade */
    collected += ph_live_collect(l);
  }
  assert_int_equal(ph_live_get_status(l).swaps, 51);
  assert_int_equal(collected, 50);
  ph_live_song *other = calloc(1, sizeof *other);
  ph_error err = {0};
  assert_true(ph_song_compile(&other->song, "out $ sine 1\n", "x", &(ph_song_options){.rate = RATE, .block = 256}, &err));
  assert_false(ph_live_publish(l, other)); /* another block size is refused */
  ph_live_song_free(other);
  ph_live_destroy(l);
}

/* ~room's reverb is not edited: its tail rings on after ~src is silenced, as loud as the tail
 * of the same program left alone; silencing ~room's own line ends it. */
static void test_an_unchanged_reverb_rings_on(void **state) {
  const char *before = "cps: 1\n~src $ sine 440 * tar \"x ~\" 0.001 0.05\n~room $ ~src # reverb 0.95 0.2 1\nout $ ~room\n";
  const char *edited = "cps: 1\n~src $ sine 440 * 0\n~room $ ~src # reverb 0.95 0.2 1\nout $ ~room\n";
  const int periods[] = {BLOCK};
  int frames = RATE / 2;
  float *alone = malloc(sizeof(float) * (size_t)frames), *reloaded = malloc(sizeof(float) * (size_t)frames);
  ph_live *a = engine(PH_LIVE_FADE_SECONDS), *b = engine(PH_LIVE_FADE_SECONDS);
  assert_true(ph_live_publish(a, compile(before)));
  assert_true(ph_live_publish(b, compile(before)));
  play(a, alone, frames / 2, periods, 1);
  play(b, reloaded, frames / 2, periods, 1);
  assert_true(ph_live_publish(b, compile(edited))); /* the source goes silent at 0.25 s */
  play(a, alone + frames / 2, frames / 2, periods, 1);
  play(b, reloaded + frames / 2, frames / 2, periods, 1);
  /* after the swap and its fade: the tail, as loud as without the edit (the source was silent
   * from 0.05 s on anyway) */
  int after = frames / 2 + RATE / 20;
  double tail = measure_rms(reloaded + after, frames - after), same = measure_rms(alone + after, frames - after);
  assert_true(same > 1e-3);
  assert_float_equal(tail, same, same * 0.01);
  ph_live_destroy(a);
  ph_live_destroy(b);
  free(alone);
  free(reloaded);
}

/* --multi: the mix on the first pair, o1 and o2 each on their own; a muted one is silent. */
static void test_numbered_outputs_on_their_own_pairs(void **state) {
  ph_error err = {0};
  ph_live *l = ph_live_create_multi(RATE, BLOCK, PH_LIVE_FADE_SECONDS, 3, &err);
  assert_non_null(l);
  assert_true(ph_live_publish(l, compile("o1 $ sine 440 * 0.3\no2 $ sine 660 * 0.3\n")));
  enum { FRAMES = 8192 };
  static float ch[6][FRAMES];
  float *outs[6] = {ch[0], ch[1], ch[2], ch[3], ch[4], ch[5]};
  ph_live_process(l, outs, 6, FRAMES);
  assert_float_equal(measure_peak_hz(ch[2], FRAMES, RATE), 440.0, 3.0);
  assert_float_equal(measure_peak_hz(ch[4], FRAMES, RATE), 660.0, 3.0);
  assert_true(measure_level_db_at(ch[2], FRAMES, RATE, 660.0) < measure_level_db_at(ch[2], FRAMES, RATE, 440.0) - 40.0);
  assert_true(measure_rms(ch[0], FRAMES) > 0.2); /* the mix holds both */
  assert_true(measure_level_db_at(ch[0], FRAMES, RATE, 660.0) > measure_level_db_at(ch[0], FRAMES, RATE, 440.0) - 3.0);
  assert_true(ph_live_publish(l, compile("o1 $ sine 440 * 0.3\no2 $ sine 660 * 0.3\nmute 2\n")));
  ph_live_process(l, outs, 6, FRAMES);
  assert_true(measure_rms(ch[4] + FRAMES / 2, FRAMES / 2) == 0.0);
  assert_true(measure_rms(ch[2] + FRAMES / 2, FRAMES / 2) > 0.1);
  ph_live_destroy(l);
}

/* Run-time mute and solo (OSC, REPL): from the next block, fading over the crossfade time on
 * the mix and on the output's own pair alike, without a click; a save clears them. */
static void test_run_time_mute_and_solo(void **state) {
  ph_error err = {0};
  ph_live *l = ph_live_create_multi(RATE, BLOCK, PH_LIVE_FADE_SECONDS, 3, &err);
  assert_non_null(l);
  assert_true(ph_live_publish(l, compile("o1 $ sine 440 * 0.3\no2 $ sine 660 * 0.3\n")));
  enum { FRAMES = 8192, FADE = (int)(PH_LIVE_FADE_SECONDS * RATE) };
  static float ch[6][FRAMES];
  float *outs[6] = {ch[0], ch[1], ch[2], ch[3], ch[4], ch[5]};
  ph_live_process(l, outs, 6, FRAMES);
  double steady = steady_d2(ch[0] + FRAMES / 2, FRAMES / 2);
  ph_live_control_output(l, PH_LIVE_HUSH, 2); /* mute 2 */
  ph_live_process(l, outs, 6, FRAMES);
  assert_true(measure_rms(ch[4] + FADE + BLOCK, FRAMES - FADE - BLOCK) == 0.0); /* o2's pair: silent after the fade */
  assert_true(measure_rms(ch[4], BLOCK) > 0.05);                          /* fading, not cut */
  assert_true(measure_level_db_at(ch[0] + FRAMES / 2, FRAMES / 2, RATE, 660.0) <
              measure_level_db_at(ch[0] + FRAMES / 2, FRAMES / 2, RATE, 440.0) - 40.0); /* gone from the mix */
  assert_float_equal(measure_rms(ch[2] + FRAMES / 2, FRAMES / 2), 0.3 / sqrt(2.0), 0.01); /* o1 untouched */
  assert_true(20 * log10(fmax(click_excess(ch[0], FRAMES, steady), 1e-12)) < CLICK_DBFS);
  assert_true(20 * log10(fmax(click_excess(ch[4], FRAMES, steady), 1e-12)) < CLICK_DBFS);
  ph_live_control_output(l, PH_LIVE_UNHUSH, 2);
  ph_live_control_output(l, PH_LIVE_SOLO, 2); /* solo 2: only o2 */
  ph_live_process(l, outs, 6, FRAMES);
  assert_true(measure_level_db_at(ch[0] + FRAMES / 2, FRAMES / 2, RATE, 440.0) <
              measure_level_db_at(ch[0] + FRAMES / 2, FRAMES / 2, RATE, 660.0) - 40.0);
  assert_true(measure_rms(ch[2] + FRAMES / 2, FRAMES / 2) == 0.0);
  ph_live_clear_controls(l);
  ph_live_process(l, outs, 6, FRAMES);
  double both = measure_level_db_at(ch[0] + FRAMES / 2, FRAMES / 2, RATE, 440.0);
  assert_float_equal(measure_level_db_at(ch[0] + FRAMES / 2, FRAMES / 2, RATE, 660.0), both, 1.0);
  ph_live_destroy(l);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_an_unchanged_reverb_rings_on),
      cmocka_unit_test(test_numbered_outputs_on_their_own_pairs),
      cmocka_unit_test(test_run_time_mute_and_solo),
      cmocka_unit_test(test_plays_what_render_writes),
      cmocka_unit_test(test_silence_until_a_song_comes),
      cmocka_unit_test(test_new_song_continues_the_cycle),
      cmocka_unit_test(test_crossfade_makes_no_click),
      cmocka_unit_test(test_every_song_comes_back),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
