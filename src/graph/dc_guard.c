#include "graph/dc_guard.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "core/vectorise.h"
#include "dsp/unit.h"

#define ONE (1 << 16)

void ph_dc_guard_init(ph_dc_guard *g, int rate) {
  *g = (ph_dc_guard){.window = rate / 4 > 1 ? rate / 4 : 1};
  g->r = exp(-PH_DSP_TWO_PI * PH_DC_GUARD_CORNER_HZ / rate);
}

/* In 32-bit parts, 8 lanes wide: 2^14 samples of at most 2^16 each fit (2^15 would not). */
PH_VECTORISED_AVX2
static int64_t fixed_sum(const float *restrict x, int frames) {
  int64_t sum = 0;
  for (int at = 0; at < frames; at += 1 << 14) {
    int n = frames - at < 1 << 14 ? frames - at : 1 << 14;
    int32_t part = 0;
    for (int i = at; i < at + n; i++) {
      /* clamped to ±1 after the conversion, as a float clamped before it does not vectorise */
      float v = x[i] * (float)ONE;
      int32_t over = v >= (float)ONE, under = v <= -(float)ONE;
      part += (int32_t)(over | under ? 0.0f : v) + (over - under) * ONE;
    }
    sum += part;
  }
  return sum;
}

static void block_dc(ph_dc_guard *g, int c, float *x, int frames) {
  double x1 = g->x1[c], y1 = g->y1[c], r = g->r;
  for (int i = 0; i < frames; i++) {
    double in = x[i];
    y1 = in - x1 + r * y1;
    x1 = in;
    x[i] = (float)(y1 > FLT_MAX ? FLT_MAX : y1 < -FLT_MAX ? -FLT_MAX : y1);
  }
  g->x1[c] = x1;
  g->y1[c] = y1;
}

/* A full window ends at sample `at` (the first after it) with the last samples `last`. */
static void window_done(ph_dc_guard *g, int64_t at, const float last[2]) {
  int64_t beyond = (int64_t)(PH_DC_GUARD_LEVEL * ONE) * g->window;
  for (int c = 0; c < 2; c++) {
    int sign = g->sum[c] > beyond ? 1 : g->sum[c] < -beyond ? -1 : 0;
    g->run[c] = sign == 0 ? 0 : g->run[c] * sign > 0 ? g->run[c] + sign : sign;
    if (abs(g->run[c]) >= PH_DC_GUARD_WINDOWS) g->on = true;
  }
  if (g->on) {
    g->on_at = at;
    for (int c = 0; c < 2; c++) {
      g->offset[c] = (float)((double)g->sum[c] / ONE / g->window);
      g->x1[c] = g->y1[c] = last[c]; /* goes on from where the output is */
    }
  }
  g->sum[0] = g->sum[1] = 0;
  g->count = 0;
}

bool ph_dc_guard_run(ph_dc_guard *g, float *left, float *right, int frames, int64_t start) {
  float *ch[2] = {left, right};
  int i = 0;
  while (i < frames && !g->on) {
    int n = frames - i < g->window - g->count ? frames - i : g->window - g->count;
    for (int c = 0; c < 2; c++) g->sum[c] += fixed_sum(ch[c] + i, n);
    g->count += n;
    i += n;
    if (g->count == g->window) window_done(g, start + i, (const float[2]){left[i - 1], right[i - 1]});
  }
  if (i == frames) return false;
  for (int c = 0; c < 2; c++) block_dc(g, c, ch[c] + i, frames - i);
  return true;
}
