/* Sound files round-trip through libsndfile with their rate, channels and samples. */
#include <math.h>
#include <stdio.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
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

/* Writes `frames` of a stereo signal (left: a sine of amplitude `amp`, right: its negation
 * plus `offset`) as `format` asks. */
static void write_stereo_as(const char *path, const ph_sound_format *format, size_t frames, double amp, float offset) {
  ph_error err = {0};
  ph_sound_writer *w = ph_sound_writer_open_as(path, 44100, 2, format, &err);
  assert_non_null(w);
  float *x = malloc(sizeof(float) * 2 * frames);
  for (size_t i = 0; i < frames; i++) {
    float v = (float)(amp * sin(2 * PI * 440.0 * (double)i / 44100));
    x[2 * i] = v;
    x[2 * i + 1] = v + offset;
  }
  assert_true(ph_sound_writer_write(w, x, frames, &err));
  assert_true(ph_sound_writer_close(w, &err));
  free(x);
}

static void test_pcm16_mono_is_the_dithered_mean(void **s) {
  char path[64];
  temp_path(path, sizeof path, "-16.wav");
  ph_sound_format format = {"pcm16", 1};
  write_stereo_as(path, &format, 44100, 0.5, 0.25f);
  SF_INFO info = {0};
  SNDFILE *f = sf_open(path, SFM_READ, &info);
  assert_non_null(f);
  assert_int_equal(info.channels, 1);
  assert_int_equal(info.format & SF_FORMAT_SUBMASK, SF_FORMAT_PCM_16);
  assert_int_equal(info.frames, 44100);
  short *q = malloc(sizeof(short) * 44100);
  assert_int_equal(sf_readf_short(f, q, 44100), 44100);
  sf_close(f);
  double error_power = 0.0, lag1 = 0.0, previous = 0.0;
  for (size_t i = 0; i < 44100; i++) {
    double want = 0.5 * sin(2 * PI * 440.0 * (double)i / 44100) + 0.125, e = q[i] - want * 32767.0;
    assert_true(fabs(e) < 1.6); /* the mean, within rounding and one step of dither */
    error_power += e * e;
    lag1 += e * previous;
    previous = e;
  }
  free(q);
  /* Dither: rounding alone leaves 1/12 of a step squared; adding triangular noise, 1/4. And
   * the error is white: one sample's says nothing of the next's. */
  double error_rms = sqrt(error_power / 44100.0);
  assert_true(error_rms > 0.45 && error_rms < 0.65);
  assert_true(fabs(lag1 / error_power) < 0.03);
  unlink(path);
}

static void test_pcm16_dither_is_the_same_every_time(void **s) {
  char a[64], b[64];
  temp_path(a, sizeof a, "-a.wav");
  temp_path(b, sizeof b, "-b.wav");
  ph_sound_format format = {"pcm16", 0};
  write_stereo_as(a, &format, 5000, 0.0, 0.0f);
  write_stereo_as(b, &format, 5000, 0.0, 0.0f);
  ph_sound x, y;
  ph_error err = {0};
  assert_true(ph_sound_read(a, &x, &err) && ph_sound_read(b, &y, &err));
  assert_int_equal(x.channels, 2);
  int nonzero = 0;
  for (size_t i = 0; i < 2 * x.frames; i++) {
    assert_float_equal(x.samples[i], y.samples[i], 0);
    assert_true(fabsf(x.samples[i]) * 32767.0f < 1.01f); /* silence dithered: a step at most */
    nonzero += x.samples[i] != 0.0f;
  }
  assert_true(nonzero > 1000 && nonzero < 9000);
  ph_sound_free(&x);
  ph_sound_free(&y);
  unlink(a);
  unlink(b);
}

static void test_bad_encodings_are_errors(void **s) {
  ph_error err = {0};
  assert_null(ph_sound_writer_open_as("/tmp/x.wav", 44100, 2, &(ph_sound_format){"pcm12", 0}, &err));
  assert_int_equal(err.status, PH_ERR_IO);
  assert_non_null(strstr(err.message, "pcm12"));
  ph_error_clear(&err);
  assert_null(ph_sound_writer_open_as("/tmp/x.flac", 44100, 2, &(ph_sound_format){"float", 0}, &err));
  assert_int_equal(err.status, PH_ERR_IO);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_wav_round_trip_is_exact),
      cmocka_unit_test(test_flac_is_24_bit_close),
      cmocka_unit_test(test_unknown_extension_and_missing_file_are_errors),
      cmocka_unit_test(test_pcm16_mono_is_the_dithered_mean),
      cmocka_unit_test(test_pcm16_dither_is_the_same_every_time),
      cmocka_unit_test(test_bad_encodings_are_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
