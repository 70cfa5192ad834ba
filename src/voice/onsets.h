/* The onsets a voice player starts, queried for a window of blocks at a time. A pattern gives
 * the same onsets however its time is cut into queries, and one query of eight blocks costs
 * little more than one of one, so a player queries about WINDOW_SAMPLES at once (whole
 * blocks) and takes each block's onsets from the window in order. A block that does not fit
 * the window starts a new one; a window refused as too many events falls back to the block
 * alone, as when every block was queried, and the next windows' worth of blocks (1, 2, 4 ...
 * up to 64 after refusals in a row) are queried alone too, so that a pattern too dense for a
 * window does not pay for a refused window every block. */
#ifndef PH_VOICE_ONSETS_H
#define PH_VOICE_ONSETS_H

#include "graph/clock.h"
#include "graph/query_refusals.h"
#include "pattern/pattern.h"

typedef struct {
  const ph_hap *hap;
  int64_t at; /* the sample it starts on */
} ph_onset;

typedef struct {
  bool valid;
  int64_t start, end; /* samples queried: [start, end) */
  ph_onset *items;    /* in time order, in the query arena */
  size_t count, next;
  int64_t alone_until; /* blocks before it are queried alone, after a refused window */
  int refusals;        /* windows refused in a row */
} ph_onsets;

static inline void ph_onsets_clear(ph_onsets *w) { w->valid = false; }

/* The window holding the block of `frames` from sample `start`, queried into `arena` (reset)
 * when the one held does not; a refusal is counted in `refused`. A pattern that samples a bus
 * is queried `per_block`: its events depend on the signal of the block under way. */
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
