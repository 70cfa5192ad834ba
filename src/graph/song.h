/* A compiled program ready to play: its graph, clock, outputs and how they are mixed.
 * Built on the control side from source text; processing never allocates. */
#ifndef PH_GRAPH_SONG_H
#define PH_GRAPH_SONG_H

#include <stdint.h>

#include "core/error.h"
#include "graph/clock.h"
#include "graph/dc_guard.h"
#include "graph/graph.h"
#include "lang/parser.h"

#define PH_SONG_MAX_OUTPUTS 64

/* The output limiter: signals up to full scale pass untouched; louder ones are brought down
 * to this ceiling (-0.1 dBFS), so what it limits never reaches full scale. */
#define PH_SONG_CEILING 0.98855309f

typedef enum { PH_OUTMIX_NONE, PH_OUTMIX_GAIN, PH_OUTMIX_SQRT, PH_OUTMIX_TANH, PH_OUTMIX_HARD } ph_outmix;

typedef struct {
  int channel; /* 0 = out, N = oN */
  ph_port left, right; /* the same port for a mono output (centred) */
  bool hushed;         /* hush / mute */
  bool solo;
  float level_was, level; /* its gain at the start and at the end of the last block */
} ph_song_output;

/* The nodes one statement made (a bus's or an output's), and a key saying what it was: the
 * statement's kind, name and width, and its expression's shape (offsets, spacing and
 * comments aside). Two programs' parts with the same key made the same nodes. */
typedef struct {
  uint64_t key;
  int first, count;
} ph_song_part;

typedef struct {
  int to, from;  /* node in this program, node in the one it inherits from */
  size_t bytes;  /* its state's size */
} ph_song_heir;

typedef struct ph_song_s {
  ph_arena arena;       /* the parsed program, patterns, names */
  ph_graph graph;
  ph_clock clock;
  int64_t block_start;  /* the first sample of the block being processed */
  int block_frames;     /* its length */
  int rate, block;
  ph_song_output outputs[PH_SONG_MAX_OUTPUTS];
  int noutputs;
  ph_outmix outmix;
  /* Set between blocks by whoever plays the song (live mode's run-time hush, mute and solo):
   * outputs (bit N = output N, for N < 64) silenced or soloed on top of the program's own
   * statements. An output whose audibility changes moves its level by fade_step a block (1:
   * at once) and is ramped within each block. */
  uint64_t held_silent, held_solo;
  float *mix_left, *mix_right; /* a block each: the outputs summed */
  float fade_step;
  bool levels_set;
  /* the safety limiter: samples it had to reduce, non-finite samples replaced, peak seen */
  int64_t limited, nonfinite;
  float peak;
  float limiter_env; /* the limiter's peak follower */
  ph_dc_guard dc_guard; /* before the limiter; a live reload passes it on once it is on */
  ph_program *program;
  ph_graph_pool *pool; /* borrowed */
  ph_song_part *parts;
  int nparts, parts_cap;
  /* What a live reload keeps (ph_song_match): states to copy from `heirs_of` at the swap. */
  ph_song_heir *heirs; /* room for every node, made at compile time */
  int *parts_used;     /* room for every part */
  int nheirs;
  const struct ph_song_s *heirs_of;
} ph_song;

struct ph_voice_hooks_s;

typedef struct {
  int rate;  /* samples per second */
  int block; /* frames per block; 0: the program's `buffer:` or 128 */
  /* Sample playback (voice/sampler.h: ph_sampler_hooks(bank)); NULL: `s` is an error. */
  const struct ph_voice_hooks_s *voices;
  /* Threads to run the graph's independent steps on (graph/parallel.h); NULL: the caller's. */
  ph_graph_pool *pool;
  bool unfused; /* every bus, + and * its own node, as written (tests compare with the optimised graph) */
} ph_song_options;

/* Parses and compiles source. On any error returns false with err set (file:line:col). */
bool ph_song_compile(ph_song *s, const char *source, const char *file, const ph_song_options *opt, ph_error *err);
/* Writes frames (<= s->block) of interleaved stereo and advances the clock. */
void ph_song_process(ph_song *s, float *stereo, int frames);
/* For a song an audio thread will play: all its memory in RAM now (core/arena.h), so that the
 * audio thread never waits for a page. */
void ph_song_make_resident(ph_song *s);
void ph_song_destroy(ph_song *s);
/* The last block of output `channel` (0 = out, N = oN) before its level and the limiter, and
 * its level at the block's start and end (ramped linearly in between, as in the mix); false
 * when there is no such output or it is silent throughout (hushed, muted or not soloed). */
bool ph_song_channel(const ph_song *s, int channel, const float **left, const float **right, float level[2]);

/* Live reloads, both on the audio thread at the swap, before `next` processes a block, with
 * `current` the song it replaces (neither allocates; match is quick, inherit copies states):
 * ph_song_match finds the nodes of statements that did not change (same key, same nodes);
 * ph_song_inherit copies their states (delay lines, reverb tails, filter memories, phases),
 * and the DC guard once it is on (so that the offset it took out does not step back in).
 * Units bound to patterns, clocks or banks start afresh. */
bool ph_song_match(ph_song *next, const ph_song *current);
void ph_song_inherit(ph_song *next, const ph_song *current);

#endif
