/* The sample loader: Dirt-Samples folders in byte order, the first root with readable files
 * wins, user folders beat the built-in kit, rates are converted without changing pitch, bad
 * files are skipped with a warning. Every test runs in its own temporary HOME and working
 * directory, with $PHONON_SAMPLES set by the test. */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/samples.h"
#include "io/soundfile.h"
#include "measure.h"
#include "support.h"

#define PI 3.14159265358979323846
#define RATE 44100.0

static char top[64];   /* this test's temporary folder: top/home, top/cwd, top/a, ... */
static char start_cwd[4096];

static const char *at(const char *rel) {
  static char paths[8][512];
  static int next;
  char *p = paths[next++ % 8];
  snprintf(p, sizeof paths[0], "%s/%s", top, rel);
  return p;
}

static void mkdirs(const char *path) {
  char buf[512];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++)
    if (*p == '/') {
      *p = '\0';
      mkdir(buf, 0755);
      *p = '/';
    }
  mkdir(buf, 0755);
}

static void rm_rf(const char *path) {
  DIR *d = opendir(path);
  if (d) {
    struct dirent *e;
    while ((e = readdir(d)))
      if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
        char child[512];
        snprintf(child, sizeof child, "%s/%s", path, e->d_name);
        rm_rf(child);
      }
    closedir(d);
    rmdir(path);
  } else {
    unlink(path);
  }
}

/* A sine of hz in every channel (the second channel at half the level), in the format the
 * extension names. */
static void write_sine(const char *path, int rate, int channels, double seconds, double hz) {
  char dir[512];
  snprintf(dir, sizeof dir, "%s", path);
  *strrchr(dir, '/') = '\0';
  mkdirs(dir);
  ph_error err = {0};
  ph_sound_writer *w = ph_sound_writer_open(path, rate, channels, &err);
  assert_non_null(w);
  size_t frames = (size_t)lround(seconds * rate);
  float *buf = test_malloc(frames * (size_t)channels * sizeof(float));
  for (size_t i = 0; i < frames; i++)
    for (int c = 0; c < channels; c++)
      buf[i * (size_t)channels + c] = (float)((c ? 0.25 : 0.5) * sin(2 * PI * hz * (double)i / rate));
  assert_true(ph_sound_writer_write(w, buf, frames, &err));
  assert_true(ph_sound_writer_close(w, &err));
  test_free(buf);
}

static void write_text(const char *path, const char *text) {
  char dir[512];
  snprintf(dir, sizeof dir, "%s", path);
  *strrchr(dir, '/') = '\0';
  mkdirs(dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static int setup(void **state) {
  assert_non_null(getcwd(start_cwd, sizeof start_cwd));
  snprintf(top, sizeof top, "/tmp/phonon-samples-XXXXXX");
  assert_non_null(mkdtemp(top));
  mkdirs(at("home"));
  mkdirs(at("cwd"));
  setenv("HOME", at("home"), 1);
  setenv("PHONON_SAMPLES", "", 1);
  unsetenv("XDG_DATA_HOME");
  assert_int_equal(chdir(at("cwd")), 0);
  return 0;
}

static int teardown(void **state) {
  assert_int_equal(chdir(start_cwd), 0);
  rm_rf(top);
  return 0;
}

typedef struct {
  int count;
  char last[512];
} warnings;

static void collect(void *ctx, const char *message) {
  warnings *w = ctx;
  w->count++;
  snprintf(w->last, sizeof w->last, "%s", message);
}

/* The pitch of channel 0. */
static double pitch(const ph_sample *s) {
  assert_non_null(s);
  float *mono = test_malloc(s->frames * sizeof(float));
  for (size_t i = 0; i < s->frames; i++) mono[i] = s->data[i * (size_t)s->channels];
  double hz = measure_peak_hz(mono, (int)s->frames, s->sample_rate);
  test_free(mono);
  return hz;
}

static void assert_pitch(const ph_sample *s, double hz) {
  double got = pitch(s);
  if (fabs(got - hz) > 2.0) fail_msg("%s: %.2f Hz, expected %.0f", s->name, got, hz);
}

static ph_bank *load(const ph_samples_options *opt, const char *const *names, int n) {
  ph_error err = {0};
  ph_bank *b = ph_samples_load_names(opt, RATE, names, n, &err);
  if (!b) fail_msg("%s", err.message);
  return b;
}

static void test_files_are_sorted_in_byte_order(void **state) {
  write_sine(at("a/bd/a.wav"), 48000, 1, 0.3, 500);
  write_sine(at("a/bd/B.flac"), 22050, 1, 0.3, 400);
  write_sine(at("a/bd/2.wav"), 22050, 2, 0.3, 300);
  write_sine(at("a/bd/10.wav"), 48000, 1, 0.3, 200);
  write_sine(at("a/bd/.hidden.wav"), 44100, 1, 0.3, 900);
  write_sine(at("a/bd/sub/c.wav"), 44100, 1, 0.3, 900);
  const char *dirs[] = {at("a")};
  ph_samples_options opt = {.dirs = dirs, .ndirs = 1};
  const char *names[] = {"bd"};
  ph_bank *b = load(&opt, names, 1);
  assert_int_equal(ph_bank_count(b, "bd"), 4);
  const double expected[] = {200, 300, 400, 500}; /* "10.wav" < "2.wav" < "B.flac" < "a.wav" */
  for (int i = 0; i < 6; i++) assert_pitch(ph_bank_get(b, "bd", i), expected[i % 4]);
  assert_int_equal(ph_bank_get(b, "bd", 1)->channels, 2);
  assert_int_equal(ph_bank_get(b, "bd", 0)->channels, 1);
  assert_string_equal(ph_bank_get(b, "bd", 0)->name, at("a/bd/10.wav"));
  assert_string_equal(ph_bank_origin(b, "bd"), at("a/bd"));
  ph_bank_destroy(b);
}

static void test_first_root_with_a_readable_file_wins(void **state) {
  write_sine(at("a/sn/1.wav"), 44100, 1, 0.2, 300);
  write_sine(at("b/sn/1.wav"), 44100, 1, 0.2, 310);
  write_sine(at("b/sn/2.wav"), 44100, 1, 0.2, 320);
  write_sine(at("b/hh/1.wav"), 44100, 1, 0.2, 700);
  write_sine(at("c/hh/1.wav"), 44100, 1, 0.2, 710);
  write_text(at("a/cp/x.wav"), "not a sound");
  write_sine(at("c/cp/1.wav"), 44100, 1, 0.2, 900);
  char env[1100];
  snprintf(env, sizeof env, "%s::%s:/nonexistent/phonon", at("b"), at("c"));
  setenv("PHONON_SAMPLES", env, 1);
  const char *dirs[] = {at("a")};
  warnings w = {0};
  ph_samples_options opt = {.dirs = dirs, .ndirs = 1, .warn = collect, .warn_ctx = &w};
  const char *names[] = {"sn", "hh", "cp"};
  ph_bank *b = load(&opt, names, 3);
  assert_int_equal(ph_bank_count(b, "sn"), 1);
  assert_pitch(ph_bank_lookup(b, "sn:1"), 300);
  assert_int_equal(ph_bank_count(b, "hh"), 1);
  assert_pitch(ph_bank_lookup(b, "hh"), 700);
  assert_string_equal(ph_bank_origin(b, "hh"), at("b/hh"));
  assert_int_equal(ph_bank_count(b, "cp"), 1); /* a's cp has nothing readable: c's wins */
  assert_pitch(ph_bank_lookup(b, "cp"), 900);
  assert_int_equal(w.count, 1);
  assert_non_null(strstr(w.last, at("a/cp/x.wav")));
  ph_bank_destroy(b);

  /* an explicit folder that does not exist is an error */
  const char *missing[] = {at("nowhere")};
  ph_samples_options bad = {.dirs = missing, .ndirs = 1};
  ph_error err = {0};
  assert_null(ph_samples_load_names(&bad, RATE, names, 3, &err));
  assert_int_equal(err.status, PH_ERR_IO);
  assert_non_null(strstr(err.message, "nowhere"));
}

static void test_standard_roots_in_priority_order(void **state) {
  const char *order[] = {"env", "cwd/samples", "home/.local/share/phonon/samples", "home/phonon/samples",
                         "home/phonon/dirt-samples", "home/dirt-samples", "cwd/dirt-samples",
                         "home/.local/share/SuperCollider/downloaded-quarks/Dirt-Samples"};
  int n = sizeof order / sizeof *order;
  /* each root has its own folder rK and a shared folder `lt` whose pitch says which root it is */
  for (int k = 0; k < n; k++) {
    char rel[256];
    snprintf(rel, sizeof rel, "%s/lt/1.wav", order[k]);
    write_sine(at(rel), 44100, 1, 0.2, 200 + 100 * k);
    snprintf(rel, sizeof rel, "%s/r%d/1.wav", order[k], k);
    write_sine(at(rel), 44100, 1, 0.2, 200 + 100 * k);
  }
  setenv("PHONON_SAMPLES", at("env"), 1);
  ph_error err = {0};
  char **roots = ph_samples_roots(NULL, &err);
  assert_non_null(roots);
  int count = 0;
  while (roots[count]) count++;
  assert_int_equal(count, n);
  ph_bank *b = ph_samples_load(NULL, RATE, &err);
  assert_non_null(b);
  for (int k = 0; k < n; k++) {
    char name[8];
    snprintf(name, sizeof name, "r%d", k);
    const ph_sample *s = ph_bank_get(b, name, 0);
    assert_pitch(s, 200 + 100 * k);
    /* the roots are listed in the same order */
    char folder[600];
    snprintf(folder, sizeof folder, "%s/%s", roots[k], name);
    assert_string_equal(ph_bank_origin(b, name), folder);
  }
  assert_pitch(ph_bank_get(b, "lt", 0), 200);
  ph_bank_destroy(b);
  ph_samples_roots_free(roots);

  /* without the environment, ./samples comes first; $XDG_DATA_HOME replaces ~/.local/share */
  setenv("PHONON_SAMPLES", "", 1);
  write_sine(at("xdg/phonon/samples/r2/1.wav"), 44100, 1, 0.2, 1500);
  setenv("XDG_DATA_HOME", at("xdg"), 1);
  const char *names[] = {"lt", "r2"};
  b = load(NULL, names, 2);
  assert_pitch(ph_bank_get(b, "lt", 0), 300);
  assert_pitch(ph_bank_get(b, "r2", 0), 1500);
  ph_bank_destroy(b);
  unsetenv("XDG_DATA_HOME");

  /* only_dirs: nothing but the explicit folders */
  const char *dirs[] = {at("home/dirt-samples")};
  ph_samples_options only = {.dirs = dirs, .ndirs = 1, .only_dirs = true};
  b = load(&only, names, 2);
  assert_pitch(ph_bank_get(b, "lt", 0), 200 + 100 * 5);
  assert_null(ph_bank_get(b, "r2", 0));
  ph_bank_destroy(b);
}

static void test_user_folder_overrides_the_kit(void **state) {
  write_sine(at("cwd/samples/bd/kick.wav"), 44100, 1, 0.3, 1000);
  const char *names[] = {"bd", "sn:2", "nope"};
  ph_bank *b = load(NULL, names, 3);
  assert_int_equal(ph_bank_count(b, "bd"), 1);
  assert_pitch(ph_bank_lookup(b, "bd:3"), 1000);
  assert_string_equal(ph_bank_origin(b, "bd"), "./samples/bd");
  assert_int_equal(ph_bank_count(b, "sn"), 4);
  assert_string_equal(ph_bank_origin(b, "sn"), "built-in");
  /* a missing name: NULL, recorded once */
  assert_null(ph_bank_lookup(b, "nope:1"));
  assert_null(ph_bank_lookup(b, "nope"));
  char name[PH_BANK_MISSING_NAME_MAX];
  assert_true(ph_bank_take_missing(b, name, sizeof name));
  assert_string_equal(name, "nope");
  assert_false(ph_bank_take_missing(b, name, sizeof name));
  ph_bank_destroy(b);

  ph_error err = {0};
  b = ph_samples_load(NULL, RATE, &err);
  assert_non_null(b);
  assert_int_equal(ph_bank_count(b, "bd"), 1);
  assert_int_equal(ph_bank_count(b, "cr"), 4);
  assert_int_equal(ph_bank_name_count(b), 12);
  ph_bank_destroy(b);

  ph_samples_options no_kit = {.no_kit = true};
  b = load(&no_kit, names, 3);
  assert_int_equal(ph_bank_count(b, "bd"), 1);
  assert_null(ph_bank_get(b, "sn", 0));
  ph_bank_destroy(b);
}

static void test_rates_are_converted_keeping_pitch_and_length(void **state) {
  write_sine(at("a/low/1.wav"), 22050, 1, 0.5, 1000);
  write_sine(at("a/high/1.flac"), 48000, 2, 0.5, 1000);
  const char *dirs[] = {at("a")};
  ph_samples_options opt = {.dirs = dirs, .ndirs = 1, .only_dirs = true};
  const char *names[] = {"low", "high"};
  ph_bank *b = load(&opt, names, 2);
  const ph_sample *low = ph_bank_get(b, "low", 0), *high = ph_bank_get(b, "high", 0);
  assert_true(low->sample_rate == RATE && high->sample_rate == RATE);
  if (labs((long)low->frames - 2 * 11025) > 1)
    fail_msg("22050 → 44100: %zu frames from 11025", low->frames);
  if (labs((long)high->frames - 22050) > 1) fail_msg("48000 → 44100: %zu frames from 24000", high->frames);
  assert_pitch(low, 1000);
  assert_pitch(high, 1000);
  /* the level is kept (a 0.5 sine: RMS 0.354), away from the filter's edges */
  int mid = (int)(0.1 * RATE), len = (int)(0.3 * RATE);
  assert_float_equal(measure_rms(low->data + mid, len), 0.5 / sqrt(2), 0.01);
  assert_int_equal(high->channels, 2);
  float left[13230], right[13230];
  for (int i = 0; i < len; i++) {
    left[i] = high->data[2 * (mid + i)];
    right[i] = high->data[2 * (mid + i) + 1];
  }
  assert_float_equal(measure_rms(left, len), 0.5 / sqrt(2), 0.01);
  assert_float_equal(measure_rms(right, len), 0.25 / sqrt(2), 0.01);
  ph_bank_destroy(b);
}

static void test_bad_and_oversized_files_are_skipped_with_a_warning(void **state) {
  write_text(at("a/hh/0-garbage.wav"), "RIFF....WAVEjunk");
  write_text(at("a/hh/1-empty.wav"), "");
  write_text(at("a/hh/2-notes.txt"), "a text file among the samples\n");
  write_sine(at("a/hh/3-good.wav"), 44100, 1, 0.2, 800);
  write_sine(at("a/hh/4-long.wav"), 44100, 1, 3.0, 600);
  write_sine(at("a/hh/5-good.aiff"), 22050, 1, 0.2, 900);
  const char *dirs[] = {at("a")};
  warnings w = {0};
  ph_samples_options opt = {.dirs = dirs, .ndirs = 1, .max_seconds = 2.0, .warn = collect, .warn_ctx = &w};
  const char *names[] = {"hh"};
  ph_bank *b = load(&opt, names, 1);
  assert_int_equal(ph_bank_count(b, "hh"), 2);
  assert_pitch(ph_bank_get(b, "hh", 0), 800);
  assert_pitch(ph_bank_get(b, "hh", 1), 900);
  assert_int_equal(w.count, 4);
  assert_non_null(strstr(w.last, "4-long.wav"));
  assert_non_null(strstr(w.last, "3.0 s long, over the limit of 2 s"));
  ph_bank_destroy(b);

  /* a memory limit: 0.2 s at 44.1 kHz is 35 kB of floats */
  w.count = 0;
  ph_samples_options small = {.dirs = dirs, .ndirs = 1, .max_bytes = 20000, .no_kit = true, .warn = collect,
                              .warn_ctx = &w};
  b = load(&small, names, 1);
  assert_int_equal(ph_bank_count(b, "hh"), 0);
  assert_int_equal(w.count, 6);
  assert_non_null(strstr(w.last, "MiB of samples, over the limit"));
  ph_bank_destroy(b);
}

static void test_load_names_loads_only_what_is_asked(void **state) {
  write_sine(at("a/bd/1.wav"), 44100, 1, 0.2, 200);
  write_sine(at("a/sn/1.wav"), 44100, 1, 0.2, 300);
  write_sine(at("a/hh/1.wav"), 44100, 1, 0.2, 400);
  const char *dirs[] = {at("a")};
  ph_samples_options opt = {.dirs = dirs, .ndirs = 1};
  const char *names[] = {"bd:3", "~kick", "", "bd", "sn", "../a/sn", ".", "sn:1"};
  ph_bank *b = load(&opt, names, 8);
  assert_int_equal(ph_bank_name_count(b), 2);
  assert_string_equal(ph_bank_name_at(b, 0), "bd");
  assert_string_equal(ph_bank_name_at(b, 1), "sn");
  assert_int_equal(ph_bank_count(b, "hh"), 0);
  ph_bank_destroy(b);
}

typedef struct {
  char lines[32][600];
  int n;
} listing;

static void list_line(void *ctx, const char *name, const char *origin, int files) {
  listing *l = ctx;
  assert_true(l->n < 32);
  snprintf(l->lines[l->n++], sizeof l->lines[0], "%s %d %s", name, files, origin);
}

static void test_listing_names_origins_and_counts(void **state) {
  write_sine(at("a/bd/1.wav"), 44100, 1, 0.2, 200);
  write_sine(at("a/bd/2.wav"), 44100, 1, 0.2, 200);
  write_text(at("a/bd/3.wav"), "broken");
  write_sine(at("a/808/1.wav"), 44100, 1, 0.2, 200);
  write_text(at("a/sn/1.wav"), "broken");
  const char *dirs[] = {at("a")};
  ph_samples_options opt = {.dirs = dirs, .ndirs = 1};
  listing l = {0};
  ph_error err = {0};
  assert_true(ph_samples_list(&opt, list_line, &l, &err));
  assert_int_equal(l.n, 13);
  char want[600];
  snprintf(want, sizeof want, "808 1 %s/808", at("a"));
  assert_string_equal(l.lines[0], want);
  snprintf(want, sizeof want, "bd 2 %s/bd", at("a"));
  assert_string_equal(l.lines[1], want);
  assert_string_equal(l.lines[2], "cb 4 built-in");
  bool sn_built_in = false;
  for (int i = 0; i < l.n; i++) sn_built_in |= !strcmp(l.lines[i], "sn 4 built-in");
  assert_true(sn_built_in);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_files_are_sorted_in_byte_order, setup, teardown),
      cmocka_unit_test_setup_teardown(test_first_root_with_a_readable_file_wins, setup, teardown),
      cmocka_unit_test_setup_teardown(test_standard_roots_in_priority_order, setup, teardown),
      cmocka_unit_test_setup_teardown(test_user_folder_overrides_the_kit, setup, teardown),
      cmocka_unit_test_setup_teardown(test_rates_are_converted_keeping_pitch_and_length, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_and_oversized_files_are_skipped_with_a_warning, setup, teardown),
      cmocka_unit_test_setup_teardown(test_load_names_loads_only_what_is_asked, setup, teardown),
      cmocka_unit_test_setup_teardown(test_listing_names_origins_and_counts, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
