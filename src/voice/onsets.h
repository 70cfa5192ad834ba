/* The onsets a voice player starts, queried a window of blocks at a time (graph/query_window.h)
 * and taken a block at a time, in time order. */
#ifndef PH_VOICE_ONSETS_H
#define PH_VOICE_ONSETS_H

#include "graph/clock.h"
#include "graph/query_refusals.h"
#include "graph/query_window.h"
#include "pattern/pattern.h"

typedef struct {
  const ph_hap *hap;
  int64_t at; /* the sample it starts on */
} ph_onset;

typedef struct {
  ph_query_window window;
  ph_onset *items; /* in time order, in the query arena */
  size_t count, next;
} ph_onsets;

static inline void ph_onsets_clear(ph_onsets *w) { ph_query_window_clear(&w->window); }

/* The window holding the block of `frames` from sample `start`, queried into `arena` (reset)
 * when the one held does not; a refusal is counted in `refused`. A pattern that samples a bus
 * is queried `per_block`. */
void ph_onsets_cover(ph_onsets *w, const ph_pat *p, bool per_block, ph_arena *arena, const ph_clock *c, int64_t start,
                     int frames, ph_error *err, ph_query_refusals *refused);

/* The block's next onset, before sample `end` (on or after the block's start), or NULL. */
static inline const ph_onset *ph_onsets_next(ph_onsets *w, int64_t start, int64_t end) {
  while (w->next < w->count && w->items[w->next].at < end) {
    const ph_onset *o = &w->items[w->next++];
    if (o->at >= start) return o;
  }
  return NULL;
}

#endif
