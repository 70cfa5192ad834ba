#include "voice/onsets.h"

enum { WINDOW_SAMPLES = 1024 };

void ph_onsets_cover(ph_onsets *w, const ph_pat *p, bool per_block, ph_arena *arena, const ph_clock *c, int64_t start,
                     int frames, ph_error *err, ph_query_refusals *refused) {
  if (w->valid && start >= w->start && start + frames <= w->end) return;
  int blocks = !per_block && frames > 0 && frames < WINDOW_SAMPLES && start >= w->alone_until ? WINDOW_SAMPLES / frames : 1;
  for (int tries = blocks > 1 ? 2 : 1; tries > 0; tries--) {
    int length = frames * (tries == 2 ? blocks : 1);
    ph_arena_reset(arena);
    ph_error_clear(err);
    ph_haps haps = ph_pat_query_span(p, arena, ph_clock_block_span(c, start, length), err);
    if (ph_error_is_set(err) && tries == 2) {
      w->refusals += w->refusals < 6;
      w->alone_until = start + ((int64_t)length << (w->refusals - 1));
      continue;
    }
    if (tries == 2) w->refusals = 0;
    if (ph_error_is_set(err)) ph_query_refused(refused, err);
    ph_haps_sort(&haps);
    w->items = PH_ARENA_ARRAY(arena, ph_onset, haps.count ? haps.count : 1);
    w->count = w->next = 0;
    for (size_t h = 0; w->items && h < haps.count; h++) {
      const ph_hap *e = &haps.items[h];
      if (!ph_hap_has_onset(e)) continue;
      int64_t at = ph_clock_sample_of(c, e->whole.begin);
      if (at >= start && at < start + length) w->items[w->count++] = (ph_onset){e, at};
    }
    w->valid = true;
    w->start = start;
    w->end = start + length;
    return;
  }
}
