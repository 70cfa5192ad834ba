/* The public header alone: compile, play in periods of any size (the same samples as whole
 * blocks), samples from the built-in kit, errors with position and caret. */
#include <math.h>
#include <string.h>

#include "phonon.h"
#include "support.h"

static void test_periods_of_any_size_give_the_same_samples(void **st) {
  const char *program = "cps: 1\nout $ s \"bd*2 sn\" * 0.5 + sine 440 * tar \"x*4\" 0.001 0.1 * 0.2\n";
  phonon_options opt = {.rate = 22050};
  phonon_error err;
  phonon_program *a = phonon_compile(program, "api.ph", &opt, &err), *b = phonon_compile(program, "api.ph", &opt, &err);
  assert_non_null(a);
  assert_non_null(b);
  assert_int_equal(phonon_rate(a), 22050);
  static float whole[2 * 22050], pieces[2 * 22050];
  phonon_process(a, whole, 22050);
  for (int done = 0, k = 0; done < 22050; k++) {
    int n = 1 + (k * 37) % 300;
    if (n > 22050 - done) n = 22050 - done;
    phonon_process(b, pieces + 2 * done, n);
    done += n;
  }
  assert_memory_equal(whole, pieces, sizeof whole);
  double energy = 0;
  for (int i = 0; i < 2 * 22050; i++) {
    assert_true(isfinite(whole[i]) && fabsf(whole[i]) <= 1.0f);
    energy += whole[i] * whole[i];
  }
  assert_true(energy > 10.0); /* the kit's bd and sn and the tone sound */
  assert_float_equal(phonon_cycle(a), 1.0, 1e-9);
  phonon_free(a);
  phonon_free(b);
}

static void test_errors_say_where(void **st) {
  phonon_error err;
  assert_null(phonon_compile("out $ sine 440\nout $ lpff 300\n", "bad.ph", NULL, &err));
  assert_int_equal(err.line, 2);
  assert_int_equal(err.column, 7);
  assert_non_null(strstr(err.message, "lpff"));
  assert_non_null(strstr(err.text, "bad.ph:2:7"));
  assert_non_null(strstr(err.text, "^"));
}

static void test_threads(void **st) {
  const char *program = "out $ (saw 110 + saw 111 + saw 112) * 0.1 # lpf 900\n";
  phonon_options one = {.rate = 22050}, two = {.rate = 22050, .threads = 2};
  phonon_program *a = phonon_compile(program, NULL, &one, NULL), *b = phonon_compile(program, NULL, &two, NULL);
  static float x[2 * 4096], y[2 * 4096];
  phonon_process(a, x, 4096);
  phonon_process(b, y, 4096);
  assert_memory_equal(x, y, sizeof x);
  phonon_free(a);
  phonon_free(b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_periods_of_any_size_give_the_same_samples),
      cmocka_unit_test(test_errors_say_where),
      cmocka_unit_test(test_threads),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
