/* The output stage's DC blocker (graph/dc_block.h), heard: a constant offset fades away, a
 * bass note passes unchanged. */
#include <math.h>
#include <stdlib.h>

#include "graph/dc_block.h"
#include "measure.h"
#include "support.h"

#define RATE 48000

static void test_offset_is_removed_and_bass_kept(void **state) {
  /* A 40 Hz tone at 0.5 riding on a DC offset of 0.8: together they would clip. */
  int n = 2 * RATE;
  float *x = malloc(sizeof(float) * (size_t)n);
  for (int i = 0; i < n; i++) x[i] = 0.8f + 0.5f * (float)sin(PH_DSP_TWO_PI * 40.0 * i / RATE);
  ph_dc_block d;
  ph_dc_block_init(&d, RATE);
  for (int at = 0; at < n; at += 128) ph_dc_block_run(&d, x + at, n - at < 128 ? n - at : 128, 1);
  const float *last = x + n - RATE / 2; /* after 1.5 s: a dozen time constants */
  double mean = 0;
  for (int i = 0; i < RATE / 2; i++) mean += last[i];
  mean /= RATE / 2;
  assert_true(fabs(mean) < 0.005);
  assert_float_equal(measure_rms(last, RATE / 2), 0.5 / sqrt(2), 0.005);
  assert_float_equal(measure_peak_hz(last, RATE / 2, RATE), 40.0, 0.5);
  assert_true(measure_peak(last, RATE / 2) < 0.52);
  free(x);
}

static void test_one_channel_of_stereo(void **state) {
  /* Stride 2: the left channel's offset goes, the right channel is not touched. */
  float x[2 * 4096];
  for (int i = 0; i < 4096; i++) x[2 * i] = x[2 * i + 1] = 1.0f;
  ph_dc_block d;
  ph_dc_block_init(&d, 1000.0); /* a slow rate: 4096 samples are many time constants */
  ph_dc_block_run(&d, x, 4096, 2);
  assert_true(fabsf(x[2 * 4095]) < 1e-3f);
  assert_float_equal(x[2 * 4095 + 1], 1.0, 0.0);
  assert_float_equal(x[0], 1.0, 0.0); /* the step itself passes: only what stays is removed */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_offset_is_removed_and_bass_kept),
      cmocka_unit_test(test_one_channel_of_stereo),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
