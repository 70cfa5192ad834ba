/* Libraries opened when first needed: functions found by name, and a clear error naming what
 * is missing; `phonon render` loads neither JACK nor ALSA (tests/cli/render.sh). */
#include <math.h>
#include <string.h>

#include "io/library.h"
#include "support.h"

static void test_functions_are_found_by_name(void **s) {
  const char *const names[] = {"cos", "sqrt"};
  void *found[2] = {NULL, NULL};
  ph_error err = {0};
  assert_true(ph_library_load("libm.so.6", names, 2, found, &err));
  double (*cosine)(double), (*root)(double);
  memcpy(&cosine, &found[0], sizeof cosine);
  memcpy(&root, &found[1], sizeof root);
  assert_float_equal(cosine(0.0), 1.0, 0);
  assert_float_equal(root(2.25), 1.5, 0);
}

static void test_what_is_missing_is_named(void **s) {
  const char *const names[] = {"cos", "no_such_function"};
  void *found[2] = {NULL, NULL};
  ph_error err = {0};
  assert_false(ph_library_load("libm.so.6", names, 2, found, &err));
  assert_non_null(strstr(err.message, "libm.so.6 has no no_such_function"));
  assert_null(found[1]);
  ph_error_clear(&err);
  assert_false(ph_library_load("libphonon-absent.so.9", names, 1, found, &err));
  assert_non_null(strstr(err.message, "cannot load libphonon-absent.so.9"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_functions_are_found_by_name),
      cmocka_unit_test(test_what_is_missing_is_named),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
