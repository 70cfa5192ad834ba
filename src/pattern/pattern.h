/* Tidal's model: a pattern is a query from a time span to the events active in it.
 * Each event (hap) has a value, the part of it inside the query, and its whole span
 * (none for continuous patterns). Queries allocate from the query's arena only. */
#ifndef PH_PATTERN_PATTERN_H
#define PH_PATTERN_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/error.h"
#include "core/rational.h"
#include "pattern/value.h"

typedef struct {
  ph_rat begin, end;
} ph_span;

typedef struct {
  ph_span whole; /* meaningful only when has_whole */
  ph_span part;
  bool has_whole;
  ph_value value;
} ph_hap;

typedef struct {
  ph_hap *items;
  size_t count, cap;
} ph_haps;

typedef struct {
  ph_arena *arena; /* every allocation of a query, including patterns built on the fly */
  ph_error *err;   /* first failure (memory, overflow); queries stop adding once set */
} ph_query;

/* What a query that ran out of its memory says (the player's arena: see docs/limits.md). */
#define PH_QUERY_FULL "too many events at once for this player's query memory"

typedef void (*ph_query_fn)(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out);

struct ph_pat {
  ph_query_fn query;
  const void *data; /* the node's own parameters */
  /* Strudel's fast path: a pattern that is pure(value) lets patterned transforms call their
   * constant version directly instead of joining over the argument's cycles. */
  bool is_pure;
  ph_value pure;
  /* Strudel's steps per cycle (tactus), used by polymeter `{}`; den == 0 when unknown. */
  ph_rat steps;
};

/* ---- spans ---- */
static inline ph_span ph_span_make(ph_rat b, ph_rat e) { return (ph_span){b, e}; }
/* Strudel's intersection: false when the spans do not meet (zero-width at an end excluded). */
bool ph_span_intersect(ph_span a, ph_span b, ph_span *out);
/* The span split at cycle boundaries; a zero-width span stays one span. Returns the count
 * written to q's arena in *out, or -1 on error. */
int ph_span_cycles(ph_query *q, ph_span s, ph_span **out);
static inline ph_span ph_span_whole_cycle(ph_rat t) { return (ph_span){ph_rat_floor(t), ph_rat_next_sam(t)}; }
static inline bool ph_span_eq(ph_span a, ph_span b) {
  return ph_rat_eq(a.begin, b.begin) && ph_rat_eq(a.end, b.end);
}
static inline ph_rat ph_span_duration(ph_span s) { return ph_rat_sub(s.end, s.begin); }
static inline ph_rat ph_span_midpoint(ph_span s) {
  return ph_rat_add(s.begin, ph_rat_div(ph_span_duration(s), ph_rat_int(2)));
}
bool ph_span_ok(ph_span s);

/* ---- haps ---- */
static inline ph_span ph_hap_whole_or_part(const ph_hap *h) { return h->has_whole ? h->whole : h->part; }
static inline bool ph_hap_has_onset(const ph_hap *h) {
  return h->has_whole && ph_rat_eq(h->whole.begin, h->part.begin);
}
void ph_haps_push(ph_query *q, ph_haps *list, ph_hap h);
static inline ph_haps ph_haps_empty(void) { return (ph_haps){0}; }

/* ---- querying ---- */
static inline bool ph_query_failed(const ph_query *q) { return q->err && q->err->status != PH_OK; }
/* Appends the events of p in span to out. Invalid spans set an overflow error instead. */
void ph_pat_query(const ph_pat *p, ph_query *q, ph_span span, ph_haps *out);
/* Convenience for callers outside queries: a fresh list, checked for overflowed times. */
ph_haps ph_pat_query_span(const ph_pat *p, ph_arena *a, ph_span span, ph_error *err);
/* Sorts haps by part begin, then whole begin, then value, like the conformance oracle. */
void ph_haps_sort(ph_haps *haps);

/* ---- building patterns ---- */
ph_pat *ph_pat_new(ph_arena *a, ph_query_fn query, const void *data);
/* Allocates the node data and the pattern together; data is zero-filled. */
ph_pat *ph_pat_new_with(ph_arena *a, ph_query_fn query, size_t data_size, void **data);
ph_pat *ph_pat_copy(ph_arena *a, const ph_pat *p); /* a shallow copy, to change steps */
ph_pat *ph_pat_with_steps(ph_arena *a, ph_pat *p, ph_rat steps);

#endif
