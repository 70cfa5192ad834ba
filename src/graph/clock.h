/* The mapping between samples and cycles, exact: cycle(n) = c0 + (n - n0) * cps / rate.
 * Everything is rational, so an event at cycle p lands on the sample nearest p / cps seconds
 * at any tempo, however long the piece runs: nothing accumulates. */
#ifndef PH_GRAPH_CLOCK_H
#define PH_GRAPH_CLOCK_H

#include <stdint.h>

#include "core/rational.h"
#include "pattern/pattern.h"

typedef struct {
  int64_t rate;        /* samples per second */
  ph_rat cps;          /* cycles per second, > 0 */
  ph_rat origin_cycle; /* the cycle at origin_sample (changes with tempo) */
  int64_t origin_sample;
} ph_clock;

void ph_clock_init(ph_clock *c, int64_t rate, ph_rat cps);
/* A tempo change at sample n keeps the cycle position at n. */
void ph_clock_set_cps(ph_clock *c, int64_t n, ph_rat cps);
ph_rat ph_clock_cycle_at(const ph_clock *c, int64_t n);
/* The sample nearest to cycle position p (halves round up). */
int64_t ph_clock_sample_of(const ph_clock *c, ph_rat p);
/* The cycles whose nearest samples are n .. n + frames - 1: each event onset belongs to
 * exactly one block, however the blocks fall (the span is shifted back by half a sample). */
ph_span ph_clock_block_span(const ph_clock *c, int64_t n, int frames);

#endif
