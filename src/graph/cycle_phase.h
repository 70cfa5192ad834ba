/* The position inside the current cycle, 0 ≤ phase < 1, sample by sample: the default of every
 * parameter whose unit is "cycle" (line, ad and adsr restart with each cycle through it).
 * A cycle begins on the sample nearest its time, the same sample a pattern event at the
 * cycle's start lands on, so a per-cycle envelope and a pattern stay together. */
#ifndef PH_GRAPH_CYCLE_PHASE_H
#define PH_GRAPH_CYCLE_PHASE_H

#include "dsp/unit.h"
#include "graph/clock.h"

extern const ph_unit_def ph_unit_cycle_phase;

void ph_cycle_phase_bind(void *state, const ph_clock *clock, const int64_t *block_start);

#endif
