/* Saves are seen however the editor writes: in place, or a temporary file renamed over the
 * original; other files in the folder are not saves; a burst of writes is one save. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "io/watch.h"
#include "support.h"

static char dir[64], path[128];

static int make_dir(void **state) {
  snprintf(dir, sizeof dir, "/tmp/phonon-watch-XXXXXX");
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/track.ph", dir);
  return 0;
}

static int remove_dir(void **state) {
  char cmd[160];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  return system(cmd);
}

static void write_file(const char *p, const char *text) {
  FILE *f = fopen(p, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

static ph_watch *watch(void) {
  ph_error err = {0};
  write_file(path, "out $ sine 440\n");
  ph_watch *w = ph_watch_open(path, &err);
  assert_non_null(w);
  assert_false(ph_watch_wait(w, 20)); /* writing before the watch began is not a save */
  return w;
}

static void test_save_in_place(void **state) {
  ph_watch *w = watch();
  double t0 = now_ms();
  write_file(path, "out $ sine 660\n");
  assert_true(ph_watch_wait(w, 1000));
  assert_true(now_ms() - t0 < PH_WATCH_OPEN_MS); /* reported when the file is closed */
  assert_false(ph_watch_wait(w, 50));
  ph_watch_close(w);
}

static void test_save_by_rename(void **state) {
  ph_watch *w = watch();
  char tmp[160];
  snprintf(tmp, sizeof tmp, "%s/.track.ph.swp", dir);
  write_file(tmp, "out $ sine 880\n");
  assert_false(ph_watch_wait(w, 30)); /* the temporary file is not the program */
  assert_int_equal(rename(tmp, path), 0);
  assert_true(ph_watch_wait(w, 1000));
  assert_false(ph_watch_wait(w, 50));
  ph_watch_close(w);
}

static void test_other_files_are_not_saves(void **state) {
  ph_watch *w = watch();
  char other[160];
  snprintf(other, sizeof other, "%s/other.ph", dir);
  write_file(other, "out $ saw 110\n");
  assert_false(ph_watch_wait(w, 50));
  ph_watch_close(w);
}

static void test_a_burst_is_one_save(void **state) {
  ph_watch *w = watch();
  for (int i = 0; i < 5; i++) write_file(path, "out $ sine 550\n");
  assert_true(ph_watch_wait(w, 1000));
  assert_false(ph_watch_wait(w, 50));
  ph_watch_close(w);
}

/* Written and left open: reported once the writing has stopped for a while. */
static void test_a_file_left_open(void **state) {
  ph_watch *w = watch();
  FILE *f = fopen(path, "w");
  fputs("out $ sine 330\n", f);
  fflush(f);
  double t0 = now_ms();
  assert_true(ph_watch_wait(w, 1000));
  assert_true(now_ms() - t0 >= PH_WATCH_OPEN_MS - 5);
  fclose(f);
  assert_true(ph_watch_wait(w, 1000)); /* the close completes the save */
  ph_watch_close(w);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_save_in_place, make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(test_save_by_rename, make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(test_other_files_are_not_saves, make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(test_a_burst_is_one_save, make_dir, remove_dir),
      cmocka_unit_test_setup_teardown(test_a_file_left_open, make_dir, remove_dir),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
