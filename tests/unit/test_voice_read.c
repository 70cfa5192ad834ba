/* A sample voice reading between frames: Catmull-Rom through the four frames around each
 * position, positions one rate apart, mono and stereo, at rates above and below 1, in blocks
 * of any size: every sample what the formula gives, bit for bit. */
#include <math.h>
#include <stdlib.h>

#include "support.h"
#include "voice/voice.h"

enum { FRAMES = 6000 };

static float cr(float y0, float y1, float y2, float y3, float t) {
  float a = 0.5f * (y3 - y0) + 1.5f * (y1 - y2), b = y0 - 2.5f * y1 + 2.0f * y2 - 0.5f * y3, c = 0.5f * (y2 - y0);
  return ((a * t + b) * t + c) * t + y1;
}

static void check(int channels, double rate, int block) {
  ph_sample *s = ph_sample_create("test", FRAMES, channels, 48000);
  uint32_t x = 12345;
  for (size_t i = 0; i < (size_t)FRAMES * (size_t)channels; i++) {
    x = x * 1664525u + 1013904223u;
    s->data[i] = (float)(int32_t)x / 2147483648.0f;
  }
  ph_voice_params p = {.sample = s, .rate = rate, .begin = 1, .end = FRAMES, .gain = 0.7f, .pan = 0.3f,
                       .length = -1, .level = 1, .coarse = 1};
  ph_voice v;
  ph_voice_start(&v, &p, 1);
  int n = (int)((FRAMES - 4) / rate) - 2; /* positions inside the sample, before its last frames */
  float *l = calloc((size_t)n, sizeof(float)), *r = calloc((size_t)n, sizeof(float));
  for (int at = 0; at < n; at += block) ph_voice_render(&v, l + at, r + at, n - at < block ? n - at : block);
  double pos = 1;
  for (int i = 0; i < n; i++, pos += rate) {
    int64_t frame = (int64_t)pos;
    float t = (float)(pos - (double)frame);
    const float *f = s->data + (frame - 1) * channels;
    float yl = cr(f[0], f[channels], f[2 * channels], f[3 * channels], t);
    float yr = channels == 2 ? cr(f[1], f[3], f[5], f[7], t) : yl;
    if (l[i] != yl * v.gain_l || r[i] != yr * v.gain_r)
      fail_msg("%d channel(s), rate %g, blocks of %d: sample %d is %.9g %.9g, not %.9g %.9g", channels, rate, block, i,
               l[i], r[i], yl * v.gain_l, yr * v.gain_r);
  }
  free(l);
  free(r);
  ph_sample_destroy(s);
}

static void test_reads_between_frames(void **st) {
  const double rates[] = {1.1, 0.73, 2.5, 1.0000001, 0.25};
  const int blocks[] = {128, 37, 1, 1000};
  for (int c = 1; c <= 2; c++)
    for (int k = 0; k < 5; k++)
      for (int b = 0; b < 4; b++) check(c, rates[k], blocks[b]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_reads_between_frames),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
