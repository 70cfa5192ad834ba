#include "voice/onsets.h"

typedef struct {
  ph_onsets *w;
  const ph_pat *p;
  ph_arena *arena;
  const ph_clock *c;
  ph_error *err;
} onsets_query;

static bool query(void *ctx, int64_t start, int length, bool last) {
  onsets_query *q = ctx;
  ph_onsets *w = q->w;
  ph_arena_reset(q->arena);
  ph_error_clear(q->err);
  ph_haps haps = ph_pat_query_span(q->p, q->arena, ph_clock_block_span(q->c, start, length), q->err);
  if (ph_error_is_set(q->err) && !last) return true;
  ph_haps_sort(&haps);
  w->items = PH_ARENA_ARRAY(q->arena, ph_onset, haps.count ? haps.count : 1);
  w->count = w->next = 0;
  for (size_t h = 0; w->items && h < haps.count; h++) {
    const ph_hap *e = &haps.items[h];
    if (!ph_hap_has_onset(e)) continue;
    int64_t at = ph_clock_sample_of(q->c, e->whole.begin);
    if (at >= start && at < start + length) w->items[w->count++] = (ph_onset){e, at};
  }
  return ph_error_is_set(q->err);
}

void ph_onsets_cover(ph_onsets *w, const ph_pat *p, bool per_block, ph_arena *arena, const ph_clock *c, int64_t start,
                     int frames, ph_error *err, ph_query_refusals *refused) {
  onsets_query q = {w, p, arena, c, err};
  if (ph_query_window_cover(&w->window, per_block, start, frames, query, &q)) ph_query_refused(refused, err);
}
