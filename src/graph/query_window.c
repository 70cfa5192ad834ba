#include "graph/query_window.h"

bool ph_query_window_cover(ph_query_window *w, bool per_block, int64_t start, int frames, ph_query_window_fn query,
                           void *ctx) {
  if (w->valid && start >= w->start && start + frames <= w->end) return false;
  int blocks = !per_block && frames > 0 && frames < PH_QUERY_WINDOW_SAMPLES && start >= w->alone_until
                   ? PH_QUERY_WINDOW_SAMPLES / frames
                   : 1;
  for (int tries = blocks > 1 ? 2 : 1;; tries--) {
    int length = frames * (tries == 2 ? blocks : 1);
    bool refused = query(ctx, start, length, tries == 1);
    if (refused && tries == 2) {
      w->refusals += w->refusals < 6;
      w->alone_until = start + ((int64_t)length << (w->refusals - 1));
      continue;
    }
    if (tries == 2) w->refusals = 0;
    w->valid = true;
    w->start = start;
    w->end = start + length;
    return refused;
  }
}
