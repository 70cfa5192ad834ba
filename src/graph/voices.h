/* What the graph knows of sample playback: a unit that turns a pattern of control maps
 * ({s: "bd", n: 3, speed: 2, ...}) into voices, and how to hand it that pattern. The voice
 * layer, above this one, provides it (voice/sampler.h); a song compiles `s "..."` only when
 * its options carry one. */
#ifndef PH_GRAPH_VOICES_H
#define PH_GRAPH_VOICES_H

#include "dsp/unit.h"
#include "graph/clock.h"
#include "graph/graph.h"
#include "pattern/pattern.h"

typedef struct {
  const ph_pat *controls;     /* events whose values are control maps */
  const ph_clock *clock;
  const int64_t *block_start; /* the first sample of the block being processed */
  bool per_block;             /* it samples a bus: its events follow the block's signal */
} ph_sampler_binding;

/* A synth allocator's share of the controls: the events whose `s` is its name (NULL: all),
 * the frequency a note name replaces (the bus's root), and where it writes, each block, the
 * samples in which each voice sounded (NULL: nowhere), the gate of that voice's copy. */
typedef struct {
  ph_sampler_binding controls;
  const char *name;
  double root_hz;
  ph_gate *sounding; /* one per voice */
} ph_synth_binding;

typedef struct ph_voice_hooks_s {
  /* Stereo, no chain input; each parameter is a control a signal may give (`# speed (sine 1)`),
   * read at each event's onset sample when the event's own map lacks it. Defaults of NaN. */
  const ph_unit_def *sampler;
  void (*bind)(void *state, const ph_sampler_binding *b, const void *bank);
  const void *bank; /* what the sampler plays from */
  /* Synth voices: outputs per voice (pitch ratio, level, pan, trigger) for `voices` copies of
   * a bus; its parameters are the sampler's controls. */
  const ph_unit_def *synth;
  void (*bind_synth)(void *state, const ph_synth_binding *b);
  int voices;
} ph_voice_hooks;

#endif
