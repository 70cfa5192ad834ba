/* Sample voices through the language, heard: onsets on their exact samples, n choosing files,
 * speed and note changing pitch and length, reverse, cut groups, chords, panning, transforms
 * setting controls, and stealing without clicks. The bank holds test sounds made here (an
 * impulse, tones, a ramp, three levels) and the built-in kit. A player's query memory stays
 * out of memory beyond what its events use. */
#define _DEFAULT_SOURCE /* mincore */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "graph/song.h"
#include "measure.h"
#include "support.h"
#include "voice/kit.h"
#include "voice/sampler.h"

#define RATE 48000
#define TWO_PI 6.283185307179586

static ph_bank *bank;

static ph_sample *made(const char *name, size_t frames, double (*fn)(size_t i, size_t n, int which), int which) {
  ph_sample *s = ph_sample_create(name, frames, 1, RATE);
  for (size_t i = 0; i < frames; i++) s->data[i] = (float)fn(i, frames, which);
  return s;
}

static double impulse(size_t i, size_t n, int which) { return i == 0 ? 1.0 : 0.0; }
static double tone(size_t i, size_t n, int hz) { return 0.5 * sin(TWO_PI * hz * (double)i / RATE); }
/* 440 Hz with 10 ms raised-cosine ends: starts and stops without a click of its own */
static double soft(size_t i, size_t n, int which) {
  double edge = 0.01 * RATE, t = (double)(i < n - i ? i : n - 1 - i);
  double w = t < edge ? 0.5 - 0.5 * cos(TWO_PI / 2 * t / edge) : 1.0;
  return w * tone(i, n, 440);
}
static double ramp(size_t i, size_t n, int which) { return (double)i / (double)n; }
static double level(size_t i, size_t n, int which) { return 0.1 * (which + 1); }

static int setup(void **st) {
  bank = ph_bank_create(RATE);
  ph_bank_add(bank, "imp", made("imp", 64, impulse, 0));
  ph_bank_add(bank, "tone", made("tone", RATE, tone, 440));
  ph_bank_add(bank, "low", made("low", RATE, tone, 220));
  ph_bank_add(bank, "soft", made("soft", RATE, soft, 0));
  ph_bank_add(bank, "ramp", made("ramp", 4800, ramp, 0));
  for (int k = 0; k < 3; k++) ph_bank_add(bank, "lvl", made("lvl", 4800, level, k));
  ph_kit_add_all(bank);
  return t_setup(st);
}

static int teardown(void **st) {
  ph_bank_destroy(bank);
  return t_teardown(st);
}

static void render(const char *program, int frames, float **l, float **r) { *l = t_play(program, RATE, frames, bank, r); }

static void done(float *l, float *r) {
  test_free(l);
  test_free(r);
}

static void test_onsets_on_the_exact_samples(void **st) {
  float *l, *r;
  render("cps: 0.5\nout $ s \"imp*4\"\n", 2 * RATE, &l, &r);
  int found = 0;
  for (int i = 0; i < 2 * RATE; i++)
    if (fabsf(l[i]) > 1e-6f) {
      if (found >= 4 || i != found * RATE / 2) fail_msg("sound at sample %d (onset %d)", i, found);
      assert_float_equal(l[i], cos(TWO_PI / 8), 1e-5); /* equal power, centred: -3 dB */
      found++;
    }
  assert_int_equal(found, 4);
  done(l, r);
  /* at 11/20 cycles per second the onsets fall between samples: the nearest one sounds */
  render("cps: 0.55\nout $ s \"imp*7\"\n", 3 * RATE, &l, &r);
  found = 0;
  for (int i = 0; i < 3 * RATE; i++)
    if (fabsf(l[i]) > 1e-6f) {
      int want = (int)floor(found * RATE / (7 * 0.55) + 0.5);
      if (i != want) fail_msg("onset %d at %d, expected %d", found, i, want);
      found++;
    }
  assert_int_equal(found, (int)(3 * 0.55 * 7) + 1);
  done(l, r);
}

/* Renders with blocks of the sizes given in turn (at most the program's buffer). */
static float *render_in_blocks(const char *program, int frames, const int *sizes, int nsizes) {
  ph_song song;
  ph_error err = {0};
  ph_voice_hooks hooks = ph_sampler_hooks(bank);
  ph_song_options opt = {.rate = RATE, .voices = &hooks};
  if (!ph_song_compile(&song, program, "test.ph", &opt, &err)) fail_msg("compile: %s", err.message);
  float *out = test_malloc(sizeof(float) * 2 * (size_t)frames);
  for (int done = 0, k = 0; done < frames; k++) {
    int n = sizes[k % nsizes] < frames - done ? sizes[k % nsizes] : frames - done;
    ph_song_process(&song, out + 2 * done, n);
    done += n;
  }
  ph_song_destroy(&song);
  return out;
}

/* A sample player's query memory (1 MiB) is touched only as far as its events reach: a
 * render leaves most of its pages out of memory (the graph's other states lie on huge pages,
 * whole once written; a pattern's player does not). */
static void test_query_memory_stays_untouched(void **st) {
  ph_song song;
  ph_error err = {0};
  ph_voice_hooks hooks = ph_sampler_hooks(bank);
  ph_song_options opt = {.rate = RATE, .voices = &hooks};
  if (!ph_song_compile(&song, "cps: 1\nout $ s \"imp*16\"\n", "test.ph", &opt, &err)) fail_msg("compile: %s", err.message);
  float *out = test_malloc(sizeof(float) * 2 * RATE);
  for (int done = 0; done < RATE; done += song.block) ph_song_process(&song, out + 2 * done, song.block);
  int found = 0;
  long page = sysconf(_SC_PAGESIZE);
  for (int i = 0; i < song.graph.count; i++) {
    const ph_graph_node *n = &song.graph.nodes[i];
    if (n->def != hooks.sampler) continue;
    size_t size = n->def->state_size(&song.graph.cfg);
    uintptr_t from = ((uintptr_t)n->state + (uintptr_t)page - 1) & ~(uintptr_t)(page - 1), to = (uintptr_t)n->state + size;
    size_t pages = (to - from) / (size_t)page;
    unsigned char *in = test_malloc(pages);
    assert_int_equal(mincore((void *)from, pages * (size_t)page, in), 0);
    size_t resident = 0;
    for (size_t k = 0; k < pages; k++) resident += in[k] & 1;
    print_message("sample player's state: %zu KiB, %zu of %zu pages in memory\n", size >> 10, resident, pages);
    assert_true(size >= 512 << 10 && resident < pages / 4);
    test_free(in);
    found++;
  }
  assert_int_equal(found, 1);
  test_free(out);
  ph_song_destroy(&song);
}

static void check_schedules(const char *program);

/* Events are queried a window of blocks at a time: however the time is cut into blocks, every
 * onset sounds once, on its sample (the same samples as blocks of 128). */
static void test_onsets_whatever_the_blocks(void **st) {
  static const char *programs[] = {
      "buffer: 1024\ncps: 0.55\nout $ s \"imp*7 lvl(3,8,<0 2>) [imp lvl:2]*5?\" # gain 0.5\n",
      /* synth voices: a bus played as a voice per event */
      "buffer: 1024\ncps: 0.55\n~k $ sine 440 * 0.3\nout $ s \"~k*7 ~k(3,8,<0 2>)\" # attack 0.001 # release 0.02\n",
  };
  for (size_t p = 0; p < sizeof programs / sizeof *programs; p++) check_schedules(programs[p]);
}

static void check_schedules(const char *program) {
  int frames = 4 * RATE;
  static const int plain[] = {128}, small[] = {37}, big[] = {1024}, mixed[] = {128, 100, 128, 1, 700, 128, 128, 1024, 5};
  float *want = render_in_blocks(program, frames, plain, 1);
  int onsets = 0;
  for (int i = 0; i < frames; i++) onsets += want[2 * i] != 0.0f && (i == 0 || want[2 * i - 2] == 0.0f);
  assert_true(onsets > 20);
  const int *schedules[] = {small, big, mixed};
  const int counts[] = {1, 1, sizeof mixed / sizeof *mixed};
  for (int k = 0; k < 3; k++) {
    float *got = render_in_blocks(program, frames, schedules[k], counts[k]);
    for (int i = 0; i < 2 * frames; i++)
      if (got[i] != want[i]) fail_msg("schedule %d: sample %d is %g, blocks of 128 give %g", k, i / 2, got[i], want[i]);
    test_free(got);
  }
  test_free(want);
}

/* n, and name:i, pick a file by index, wrapping: each file here is a different level. */
static void test_n_chooses_the_file(void **st) {
  float *l, *r;
  render("cps: 1\nout $ s \"lvl\" # n \"<0 1 2 3>\"\n", 4 * RATE, &l, &r);
  const double want[] = {0.1, 0.2, 0.3, 0.1};
  for (int k = 0; k < 4; k++) assert_float_equal(l[k * RATE + 100], want[k] * cos(TWO_PI / 8), 1e-5);
  done(l, r);
  render("cps: 1\nout $ s \"lvl:2 lvl:1\"\n", RATE, &l, &r);
  assert_float_equal(l[100], 0.3 * cos(TWO_PI / 8), 1e-5);
  assert_float_equal(l[RATE / 2 + 100], 0.2 * cos(TWO_PI / 8), 1e-5);
  done(l, r);
}

static int sounding_length(const float *x, int n) {
  int last = 0;
  for (int i = 0; i < n; i++)
    if (fabsf(x[i]) > 1e-4f) last = i;
  return last + 1;
}

static void test_speed_and_note_change_pitch_and_length(void **st) {
  float *l, *r;
  render("cps: 0.25\nout $ s \"tone\"\n", 2 * RATE, &l, &r);
  assert_float_equal(measure_peak_hz(l, RATE / 2, RATE), 440.0, 1.0);
  assert_in_range(sounding_length(l, 2 * RATE), RATE - 2, RATE);
  done(l, r);
  render("cps: 0.25\nout $ s \"tone\" # speed 2\n", 2 * RATE, &l, &r);
  assert_float_equal(measure_peak_hz(l, RATE / 4, RATE), 880.0, 2.0);
  assert_in_range(sounding_length(l, 2 * RATE), RATE / 2 - 2, RATE / 2);
  done(l, r);
  render("cps: 0.25\nout $ s \"tone\" # note 7\n", 2 * RATE, &l, &r);
  assert_float_equal(measure_peak_hz(l, RATE / 4, RATE), 440.0 * pow(2.0, 7.0 / 12.0), 2.0);
  done(l, r);
  /* a note name counts from c4 */
  render("cps: 0.25\nout $ s \"tone\" # note \"c5\"\n", 2 * RATE, &l, &r);
  assert_float_equal(measure_peak_hz(l, RATE / 4, RATE), 880.0, 2.0);
  done(l, r);
}

/* Backwards, the ramp falls: it correlates with the ramp reversed. */
static void test_negative_speed_plays_backwards(void **st) {
  float *l, *r;
  render("cps: 1\nout $ s \"ramp\" # speed (-1)\n", 6000, &l, &r);
  double xy = 0, xx = 0, yy = 0;
  for (int i = 0; i < 4800; i++) {
    double want = (4799.0 - i) / 4800.0, got = l[i];
    xy += want * got, xx += want * want, yy += got * got;
  }
  assert_true(xy / sqrt(xx * yy) > 0.999);
  assert_true(l[10] > l[4000]);
  done(l, r);
}

/* The second tone cuts the first: 10 ms after it starts, only it is heard. */
static void test_cut_group_stops_the_previous_voice(void **st) {
  float *l, *r, *l2, *r2;
  render("cps: 1\nout $ s \"[tone, ~ low]\" # cut 1\n", RATE, &l, &r);
  render("cps: 1\nout $ s \"[~, ~ low]\"\n", RATE, &l2, &r2);
  double diff = 0;
  for (int i = RATE / 2 + RATE / 100; i < RATE; i++) diff = fmax(diff, fabs(l[i] - l2[i]));
  assert_true(diff < 1e-6);
  /* without the group both sound */
  done(l, r);
  render("cps: 1\nout $ s \"[tone, ~ low]\"\n", RATE, &l, &r);
  diff = 0;
  for (int i = RATE / 2 + RATE / 100; i < RATE; i++) diff = fmax(diff, fabs(l[i] - l2[i]));
  assert_true(diff > 0.1);
  done(l, r);
  done(l2, r2);
}

static void test_chord_gives_its_partials(void **st) {
  float *l, *r;
  render("cps: 0.5\nout $ s \"low\" # note \"c4'maj\"\n", RATE, &l, &r);
  const double hz[] = {220.0, 220.0 * pow(2.0, 4.0 / 12.0), 220.0 * pow(2.0, 7.0 / 12.0)};
  double at[3];
  for (int k = 0; k < 3; k++) at[k] = measure_level_db_at(l, RATE / 2, RATE, hz[k]);
  for (int k = 0; k < 3; k++) assert_true(fabs(at[k] - at[0]) < 1.0);
  assert_true(measure_level_db_at(l, RATE / 2, RATE, 300.0) < at[0] - 30.0);
  done(l, r);
}

static void test_pan(void **st) {
  float *l, *r;
  render("cps: 1\nout $ s \"tone\" # pan (-1)\n", RATE / 2, &l, &r);
  assert_true(measure_peak(r, RATE / 2) == 0.0);
  assert_float_equal(measure_peak(l, RATE / 2), 0.5, 0.01);
  done(l, r);
  render("cps: 1\nout $ s \"tone\" # pan \"1\"\n", RATE / 2, &l, &r);
  assert_true(measure_peak(l, RATE / 2) < 1e-6);
  done(l, r);
  /* jux rev: the original on the left, the reversed on the right */
  render("cps: 1\nout $ jux rev $ s \"imp lvl:2\"\n", RATE, &l, &r);
  assert_float_equal(l[0], 1.0, 1e-5); /* imp first on the left, */
  assert_float_equal(r[0], 0.3, 1e-5); /* lvl:2 first on the right */
  assert_float_equal(r[RATE / 2], 1.0, 1e-5);
  assert_float_equal(l[RATE / 2], 0.3, 1e-5);
  done(l, r);
}

/* chop 4 plays each quarter of the ramp in turn: four onsets, each its quarter's level. */
static void test_chop_sets_begin_and_end(void **st) {
  float *l, *r;
  render("cps: 10\nout $ chop 4 $ s \"ramp\" # legato 1\n", 4800, &l, &r);
  for (int k = 0; k < 4; k++) assert_float_equal(l[k * 1200 + 1] / cos(TWO_PI / 8), (k * 1200.0 + 1) / 4800.0, 2e-3);
  done(l, r);
}

/* A signal gives a control, read at each onset. */
static void test_signal_controls(void **st) {
  float *l, *r;
  render("cps: 1\nout $ s \"lvl*2\" # gain (line 1 3)\n", RATE, &l, &r);
  assert_float_equal(l[100] / (0.1 * cos(TWO_PI / 8)), 1.0, 1e-3);
  assert_float_equal(l[RATE / 2 + 100] / (0.1 * cos(TWO_PI / 8)), 2.0, 1e-3);
  done(l, r);
}

/* 1000 voices, 125 starting together at each eighth of a cycle while the earlier ones still
 * sound: all but PH_SAMPLER_POLYPHONY are stolen mid-tone, faded, never cut. The tone has
 * soft ends of its own, so a click can only come from a steal. A click is broadband: the
 * second difference of the output, which 440 Hz tones keep under (2π·440/48000)² = 0.0033 of
 * their level (here about 0.05), stays below -60 dBFS (it is about -76); cutting the stolen
 * voices instead of fading them shows about -52. */
static void test_stealing_does_not_click(void **st) {
  char *program = test_malloc(16 * 125 + 64);
  size_t len = (size_t)sprintf(program, "cps: 1\nout $ s \"");
  for (int k = 0; k < 125; k++) len += (size_t)sprintf(program + len, "%ssoft*8", k ? ", " : "");
  sprintf(program + len, "\" # gain 0.001\n");
  float *l, *r;
  render(program, RATE, &l, &r);
  test_free(program);
  double worst = 0;
  int at = 0;
  for (int i = 2; i < RATE; i++) {
    double e = fabs(l[i] - 2 * l[i - 1] + l[i - 2]);
    if (e > worst) worst = e, at = i;
  }
  if (!(worst < pow(10.0, -60.0 / 20.0))) fail_msg("second difference %g (%.1f dBFS) at sample %d", worst, 20 * log10(worst), at);
  print_message("stealing: rms %g, worst second difference %g\n", measure_rms(l, RATE), worst);
  assert_true(measure_rms(l, RATE) > 0.01); /* and it does sound */
  done(l, r);
}

/* orbit 1: the voice goes to o1, past the chain's filter; orbit 0 stays in the chain. */
static void test_orbit_routes_voices_to_outputs(void **st) {
  float *l, *r, *l2, *r2;
  render("cps: 1\nout $ s \"tone\" # orbit 1 # lpf 100\n", RATE / 2, &l, &r);
  assert_float_equal(measure_peak_hz(l, RATE / 2, RATE), 440.0, 2.0);
  assert_true(measure_rms(l, RATE / 2) > 0.2); /* unfiltered: the 440 Hz tone is there */
  render("cps: 1\nout $ s \"tone\" # orbit 0 # lpf 100\n", RATE / 2, &l2, &r2);
  assert_true(measure_rms(l2 + RATE / 8, RATE / 4) < 0.05); /* through the filter */
  done(l, r);
  done(l2, r2);
  /* an existing o1 gets them added */
  render("cps: 1\no1 $ sine 220 * 0.2\nout $ s \"tone\" # orbit 1 # lpf 100\n", RATE / 2, &l, &r);
  assert_true(measure_level_db_at(l, RATE / 2, RATE, 440.0) > measure_level_db_at(l, RATE / 2, RATE, 220.0) - 6.0);
  assert_true(measure_level_db_at(l, RATE / 2, RATE, 220.0) > -40.0);
  done(l, r);
}

static void test_built_in_kit_plays(void **st) {
  float *l, *r;
  render("cps: 1\nout $ s \"bd sn hh cp\"\n", RATE, &l, &r);
  for (int k = 0; k < 4; k++) assert_true(measure_rms(l + k * RATE / 4, RATE / 8) > 0.01);
  done(l, r);
}

static void test_unknown_names_are_silent(void **st) {
  float *l, *r;
  render("cps: 1\nout $ s \"nosuchsound*4\"\n", RATE / 4, &l, &r);
  assert_true(measure_peak(l, RATE / 4) == 0.0);
  done(l, r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_onsets_on_the_exact_samples),
      cmocka_unit_test(test_query_memory_stays_untouched),
      cmocka_unit_test(test_onsets_whatever_the_blocks),
      cmocka_unit_test(test_n_chooses_the_file),
      cmocka_unit_test(test_speed_and_note_change_pitch_and_length),
      cmocka_unit_test(test_negative_speed_plays_backwards),
      cmocka_unit_test(test_cut_group_stops_the_previous_voice),
      cmocka_unit_test(test_chord_gives_its_partials),
      cmocka_unit_test(test_pan),
      cmocka_unit_test(test_chop_sets_begin_and_end),
      cmocka_unit_test(test_signal_controls),
      cmocka_unit_test(test_stealing_does_not_click),
      cmocka_unit_test(test_orbit_routes_voices_to_outputs),
      cmocka_unit_test(test_built_in_kit_plays),
      cmocka_unit_test(test_unknown_names_are_silent),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
