/* A pattern heard as a signal. Each block takes the pattern's events over the block's cycles
 * (queried a window of blocks at a time, see pattern_signal.c) and writes, sample by sample,
 * the value of the first event active there: numbers as they are,
 * note names as their frequency in Hz; where no event is active (or a word has no number)
 * the last value holds. Event starts land on the sample nearest their time (graph/clock.h).
 * The `trigger` form writes 1 at each event onset and 0 elsewhere; `gate` writes 1 while an
 * event with a true value is active, except the sample just before each true onset, so that
 * back-to-back events ("x*4") each open the gate anew. */
#ifndef PH_GRAPH_PATTERN_SIGNAL_H
#define PH_GRAPH_PATTERN_SIGNAL_H

#include "dsp/unit.h"
#include "graph/clock.h"
#include "pattern/pattern.h"

typedef enum { PH_PATSIG_VALUE, PH_PATSIG_TRIGGER, PH_PATSIG_GATE } ph_patsig_mode;

extern const ph_unit_def ph_unit_pattern_signal;
#define PH_PATSIG_MAX_SOURCES 4 /* signals a pattern node may sample (its "after" inputs) */

/* What the table cannot carry: the pattern, the shared clock and the block's first sample
 * (read through a pointer the graph's owner advances). Queries use an arena inside the
 * node's own state: no allocation on the audio thread, nothing shared between nodes. */
typedef struct {
  const ph_pat *pat;
  const ph_clock *clock;
  const int64_t *block_start;
  ph_patsig_mode mode;
  bool samples_signals; /* it samples signals (its "after" inputs): queried a block at a time */
} ph_patsig_binding;

#define PH_PATSIG_QUERY_BYTES (256u << 10) /* each pattern node's query memory */

void ph_patsig_bind(void *state, const ph_patsig_binding *b);
/* Blocks whose query failed (too many events for the node's query memory, a range too long,
 * time overflow): they played the held value. *first is the first failure's message. Safe to
 * call from another thread while the node plays. */
unsigned ph_patsig_failures(const void *state, const char **first);

/* Hz of a note name (c4 = 261.63, a4 = 440, octave 4 when missing; s/# sharp, b/f flat). */
bool ph_note_to_hz(const char *name, double *hz);

#endif
