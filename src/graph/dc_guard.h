/* The DC guard: a steady offset on its way to the speakers (DC that a feedback loop builds up,
 * a unipolar signal sent out as audio) is taken out, and nothing else is touched.
 *
 * It measures each channel's mean over windows of a quarter second. When four windows in a row
 * on one channel have a mean beyond ±PH_DC_GUARD_LEVEL of one sign, a DC blocker goes in on both
 * channels, from the next sample on, for the rest of the song:
 *
 *   y[n] = x[n] − x[n−1] + R·y[n−1],   R = e^(−2π·5 Hz/sr)
 *
 * (0.05 dB down at 40 Hz). It starts from the last sample as it was, so the offset fades out
 * over ~30 ms instead of stepping away. Music does not hold a mean of −20 dBFS for a second, so
 * until then the output is the mix exactly. The windows are counted in samples and summed in
 * fixed point, so the decision is the same however the song's blocks split them (render and
 * live alike). No allocation; a vector pass per block, a multiply-add per sample once on. */
#ifndef PH_GRAPH_DC_GUARD_H
#define PH_GRAPH_DC_GUARD_H

#include <stdbool.h>
#include <stdint.h>

#define PH_DC_GUARD_LEVEL 0.1  /* -20 dBFS */
#define PH_DC_GUARD_WINDOWS 4  /* of a quarter second each */
#define PH_DC_GUARD_CORNER_HZ 5.0

typedef struct {
  int64_t sum[2];     /* this window's samples, clamped to ±1, in units of 2^-16 */
  int count, window;  /* samples in the window so far, and in a window */
  int run[2];         /* windows in a row beyond the level, with their sign */
  bool on;
  int64_t on_at;      /* the song's sample it went in at */
  float offset[2];    /* each channel's mean over the window that put it in */
  double x1[2], y1[2], r;
} ph_dc_guard;

void ph_dc_guard_init(ph_dc_guard *g, int rate);
/* One block of each channel, in place; `start` is its first sample in song time. True when
 * the blocker changed it (it is on). */
bool ph_dc_guard_run(ph_dc_guard *g, float *left, float *right, int frames, int64_t start);

#endif
