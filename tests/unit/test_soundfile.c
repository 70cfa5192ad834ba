/* Sound files round-trip through libsndfile with their rate, channels and samples. */
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "io/soundfile.h"
#include "support.h"

#define PI 3.14159265358979323846

static void temp_path(char *buf, size_t size, const char *ext) {
  snprintf(buf, size, "/tmp/phonon-test-%ld%s", (long)getpid(), ext);
}

static void write_sine(const char *path, int rate, int channels, size_t frames) {
  ph_error err = {0};
  ph_sound_writer *w = ph_sound_writer_open(path, rate, channels, &err);
  assert_non_null(w);
  float block[256 * 2];
  for (size_t done = 0; done < frames;) {
    size_t n = frames - done < 256 ? frames - done : 256;
    for (size_t i = 0; i < n; i++)
      for (int c = 0; c < channels; c++)
        block[i * channels + c] = (float)(0.5 * sin(2 * PI * 440.0 * (double)(done + i) / rate)) * (c ? -1 : 1);
    assert_true(ph_sound_writer_write(w, block, n, &err));
    done += n;
  }
  assert_true(ph_sound_writer_close(w, &err));
}

static void test_wav_round_trip_is_exact(void **s) {
  char path[64];
  temp_path(path, sizeof path, ".wav");
  write_sine(path, 48000, 2, 1000);
  ph_sound snd;
  ph_error err = {0};
  assert_true(ph_sound_read(path, &snd, &err));
  assert_int_equal(snd.frames, 1000);
  assert_int_equal(snd.channels, 2);
  assert_int_equal(snd.sample_rate, 48000);
  for (size_t i = 0; i < 1000; i++) {
    float want = (float)(0.5 * sin(2 * PI * 440.0 * (double)i / 48000));
    assert_float_equal(snd.samples[2 * i], want, 0);
    assert_float_equal(snd.samples[2 * i + 1], -want, 0);
  }
  ph_sound_free(&snd);
  unlink(path);
}

static void test_flac_is_24_bit_close(void **s) {
  char path[64];
  temp_path(path, sizeof path, ".flac");
  write_sine(path, 44100, 1, 4410);
  ph_sound snd;
  ph_error err = {0};
  assert_true(ph_sound_read(path, &snd, &err));
  assert_int_equal(snd.frames, 4410);
  for (size_t i = 0; i < snd.frames; i++)
    assert_float_equal(snd.samples[i], 0.5 * sin(2 * PI * 440.0 * (double)i / 44100), 1e-6);
  ph_sound_free(&snd);
  unlink(path);
}

static void test_unknown_extension_and_missing_file_are_errors(void **s) {
  ph_error err = {0};
  assert_null(ph_sound_writer_open("/tmp/x.mp9", 44100, 2, &err));
  assert_int_equal(err.status, PH_ERR_IO);
  ph_error_clear(&err);
  ph_sound snd;
  assert_false(ph_sound_read("/nonexistent/phonon.wav", &snd, &err));
  assert_int_equal(err.status, PH_ERR_IO);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_wav_round_trip_is_exact),
      cmocka_unit_test(test_flac_is_24_bit_close),
      cmocka_unit_test(test_unknown_extension_and_missing_file_are_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
