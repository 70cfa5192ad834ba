/* Queries a window of blocks at a time. A pattern gives the same events however its time is
 * cut into queries, and a query's cost is mostly its own, not its events' (a sparse pattern's
 * query of 32 blocks costs about what one of one does), so a pattern player (voice onsets, a
 * pattern heard as a signal) queries about PH_QUERY_WINDOW_SAMPLES at once (a tenth of a
 * second: the block that queries does the work of 32, and a dense pattern's window is refused
 * and falls back, below), in whole blocks, and takes each block's events from the window. A block that does not fit the window starts a new one. A pattern that samples a
 * signal is queried a block at a time: its events depend on the signal of the block under way.
 * A window refused as too many events falls back to the block alone, as when every block was
 * queried, and the next windows' worth of blocks (1, 2, 4 ... up to 64 after refusals in a
 * row) are queried alone too, so that a pattern too dense for a window does not pay for a
 * refused window every block. */
#ifndef PH_GRAPH_QUERY_WINDOW_H
#define PH_GRAPH_QUERY_WINDOW_H

#include <stdbool.h>
#include <stdint.h>

#define PH_QUERY_WINDOW_SAMPLES 4096

typedef struct {
  bool valid;
  int64_t start, end;  /* samples queried: [start, end) */
  int64_t alone_until; /* blocks before it are queried alone, after a refused window */
  int refusals;        /* windows refused in a row */
} ph_query_window;

static inline void ph_query_window_clear(ph_query_window *w) { w->valid = false; }

/* Queries `length` samples from `start` into the caller's state; true when it was refused (too
 * many events, or more than the caller could keep). `last`: no smaller query follows, so what
 * it got is kept even when refused; otherwise a refused query need keep nothing. */
typedef bool (*ph_query_window_fn)(void *ctx, int64_t start, int length, bool last);

/* Makes sure the window holds the block of `frames` from `start`, calling `query` for a new
 * window (and for the block alone if the window was refused). True when the query it kept
 * was refused: the caller counts that block as one that played nothing new. */
bool ph_query_window_cover(ph_query_window *w, bool per_block, int64_t start, int frames, ph_query_window_fn query,
                           void *ctx);

#endif
