/* Denormal numbers are off while a block is computed, and the caller's setting comes back
 * after it: a sine scaled to 1e-40 (below the smallest normal float, 1.2e-38) is silence, not
 * a stream of denormals that cost a hundred times a normal operation each. */
#include <float.h>
#include <math.h>

#include "graph/denormals.h"
#include "support.h"
#if defined(__SSE2__)
#include <xmmintrin.h>
#endif

/* A product computed in a call of its own: the compiler does not move it past the change of
 * mode (it would move the arithmetic of an inlined one). */
__attribute__((noinline)) static float halve(volatile float *x) { return *x * 0.5f; }

/* Whether this CPU flushes when told to (valgrind's does not emulate it). */
static bool flushing_works(void) {
  volatile float tiny = 1e-38f;
  unsigned mode = ph_denormals_off();
  float product = halve(&tiny);
  ph_denormals_restore(mode);
  return product == 0.0f;
}

static void test_denormal_results_are_zero(void **st) {
  if (!flushing_works()) skip();
  int frames = 4800, nonzero = 0;
  float *l = t_play("out $ sine 440 * 0.00000000000000000000000000000000000000001\n", 48000, frames, NULL, NULL);
  for (int i = 0; i < frames; i++) nonzero += l[i] != 0.0f;
  assert_int_equal(nonzero, 0);
  test_free(l);
  /* a normal level still sounds */
  l = t_play("out $ sine 440 * 0.000000000000000000000000000000000001\n", 48000, frames, NULL, NULL);
  for (int i = 0; i < frames; i++) nonzero += fabsf(l[i]) >= FLT_MIN;
  assert_true(nonzero > frames / 2);
  test_free(l);
}

static void test_the_callers_setting_comes_back(void **st) {
#if defined(__SSE2__)
  unsigned before = _mm_getcsr();
  assert_int_equal(before & 0x8040u, 0); /* a program's default: denormals on */
  test_free(t_play("out $ saw 110 # lpf 400\n", 48000, 480, NULL, NULL));
  assert_int_equal(_mm_getcsr(), before);
  volatile float tiny = 1e-39f; /* and denormals work again here */
  assert_true(tiny * 0.5f > 0.0f);
#else
  skip();
#endif
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_denormal_results_are_zero),
      cmocka_unit_test(test_the_callers_setting_comes_back),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
