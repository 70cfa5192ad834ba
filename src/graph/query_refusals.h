/* Blocks whose pattern query was refused (more events than the unit's query memory holds, a
 * `..` range too long, time overflow): counted by the audio thread, read by the control side
 * (graph/song_report.h) with the first refusal's message. Each unit that queries a pattern
 * every block keeps one in its state (a pattern heard as a signal, sample voices, synth
 * voices) and gives it through its table's `refused` (dsp/unit.h). */
#ifndef PH_GRAPH_QUERY_REFUSALS_H
#define PH_GRAPH_QUERY_REFUSALS_H

#include <stdatomic.h>
#include <string.h>

#include "core/error.h"

typedef struct {
  _Atomic unsigned count;
  char first[sizeof ((ph_error *)0)->message];
} ph_query_refusals;

static inline void ph_query_refusals_init(ph_query_refusals *r) {
  atomic_store_explicit(&r->count, 0, memory_order_relaxed);
  r->first[0] = 0;
}

/* The audio thread's: the query that set err was refused. */
static inline void ph_query_refused(ph_query_refusals *r, const ph_error *err) {
  unsigned n = atomic_load_explicit(&r->count, memory_order_relaxed);
  if (!n) memcpy(r->first, err->message, sizeof r->first);
  atomic_store_explicit(&r->count, n + 1, memory_order_release);
}

/* Any thread: the blocks refused so far, *first the first one's message. */
static inline unsigned ph_query_refusals_get(const ph_query_refusals *r, const char **first) {
  unsigned n = atomic_load_explicit(&r->count, memory_order_acquire);
  *first = r->first;
  return n;
}

#endif
