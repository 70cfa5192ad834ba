/* The signal graph: unit generators connected output to parameter, processed a block at a
 * time in an order computed once. Nodes that reach themselves (feedback through a bus) form
 * a loop that runs sample by sample, each backward connection delayed by one sample; all
 * other nodes run a whole block per call. During a block a node writes only its own state
 * and its own output buffers. */
#ifndef PH_GRAPH_GRAPH_H
#define PH_GRAPH_GRAPH_H

#include <stdatomic.h>
#include <stdbool.h>

#include "core/arena.h"
#include "core/error.h"
#include "dsp/unit.h"

#define PH_GRAPH_MAX_OUTPUTS 32 /* at most 32: a node's steady outputs are the bits of a mask */
/* A magnitude no sound or control signal comes near (units clamp theirs to 1e9): a node whose
 * output reaches it has blown up (a feedback loop with gain, a product of huge numbers). */
#define PH_GRAPH_BLOWUP 1e15f
/* Nodes in one program's graph: more would not play in real time, and is refused when built. */
#define PH_GRAPH_MAX_NODES 8192
/* Memory of one program's graph, mostly its units' states (a sampler's is over 1 MiB, and voices
 * played inside voices copy theirs for each voice): more is refused when built. */
#define PH_GRAPH_MAX_MIB 256

typedef struct {
  int node; /* -1: no signal (silence) */
  int output;
} ph_port;

/* Where something sounds in a block: up to PH_GATE_SPANS runs of samples [begin, end), in
 * order (more are merged into the last); `fresh` when it starts anew there, from silence. */
#define PH_GATE_SPANS 8
typedef struct {
  int count;
  struct {
    int begin, end;
    bool fresh;
  } span[PH_GATE_SPANS];
} ph_gate;

typedef struct {
  int from; /* node index, or -1 for the constant */
  int output;
  float constant;
} ph_graph_input;

/* An input whose source may be steady: the reader's parameter, the source and its output. */
typedef struct ph_graph_steady_read {
  int param;
  int from, output;
  const float *buf; /* the source's output */
} ph_graph_steady_read;

typedef struct ph_graph_node {
  const ph_unit_def *def;
  void *state;
  ph_graph_input *inputs; /* def->nparams */
  float *out[PH_GRAPH_MAX_OUTPUTS];
  float last[PH_GRAPH_MAX_OUTPUTS]; /* the previous block's final sample, for loop delays */
  int loop;                         /* index of its feedback loop, -1 when in none */
  int loop_pos;                     /* its place in the loop's sample-by-sample order */
  bool feedback_point;              /* in a loop, readers of this node get its previous sample */
  int gate_node;                    /* runs after it, where `gate` says; -1: always */
  int *after;                       /* nodes it reads other than by its inputs (ph_graph_after) */
  int nafter;
  const ph_gate *gate;
  bool gated;                       /* gate_node set and the node in no loop (prepare decides) */
  bool silent;                      /* gated and its outputs all zero (max_block samples) */
  uint32_t wakes;                   /* spans it started afresh */
  /* Blocks in which it (or its loop) blew up: gave NaN, infinity or a magnitude of at least
   * PH_GRAPH_BLOWUP. Its outputs were silenced and its state reset before anything read them.
   * Written by the thread that ran it, read after. */
  _Atomic unsigned faults;
  ph_cable *cables; /* its inputs for a whole block, made by prepare (NULL: made as it runs) */
  bool may_steady; /* its outputs may be steady, and a reader takes them so (prepare decides) */
  struct ph_graph_steady_read *reads; /* its inputs from nodes that may be steady */
  int nreads;
  float max_out; /* the largest magnitude it can give (INFINITY: unknown), found by prepare */
  bool checked;  /* max_out not below PH_GRAPH_BLOWUP: the guard looks at its blocks */
  bool fault_reported; /* the control side's: it has said so */
  long origin;         /* where in the source the node was written, -1 when unknown */
  bool kept;           /* read from outside the graph (ph_graph_keep) */
  /* The node it was merged into by prepare, -1 for none: that one reads the same inputs and
   * so gives the same samples; this one runs no more, and its outputs are that one's. */
  int twin;
} ph_graph_node;

/* What a node waits for: its inputs (0 .. nparams - 1), its gate's node (-1: none), then the
 * nodes it runs after. */
static inline int ph_graph_node_deps(const ph_graph_node *n) { return n->def->nparams + 1 + n->nafter; }
static inline int ph_graph_node_dep(const ph_graph_node *n, int d) {
  return d < n->def->nparams ? n->inputs[d].from : d == n->def->nparams ? n->gate_node : n->after[d - n->def->nparams - 1];
}

typedef struct {
  int first, count; /* a run of `order` */
  bool is_loop;
  int npred;        /* steps whose outputs it reads */
  int *succ;        /* steps that read its outputs */
  int nsucc;
} ph_graph_step;

/* What a plain call does about steady outputs, kept apart from the nodes (a few cache lines
 * for a whole graph): its inputs from nodes that may be steady, and its own outputs (self,
 * the node's index, when they may be steady; else -1). */
typedef struct {
  const ph_unit_def *def;
  void *state;
  ph_cable *cables;
  float *const *out;
  const ph_graph_steady_read *reads;
  int nreads;
  int self;
} ph_graph_tend;

/* A step as the serial loop makes it: a plain node (alone in its step, in no loop, ungated, of
 * a bounded output) is one call of its unit, made ready by prepare, or (process NULL) the same
 * with its steady inputs and outputs tended where `tend` says; neither: any other step, run in
 * full by ph_graph_run_step, except a gated node's while it is silent and its gate shut (a
 * voice not playing), which has nothing to do: nor have the steps of its gate that follow it
 * (they run in the same blocks as it, so they fall silent with it). */
typedef struct {
  void (*process)(void *state, const ph_dsp_inputs *in, float *const *out, int frames);
  void *state;
  ph_dsp_inputs in;
  float *const *out;
  const ph_graph_tend *tend;
  const struct ph_graph_node *gated;
  int same_gate; /* a gated step: it and the steps right after it gated by the same gate */
} ph_graph_call;

/* A gated step with nothing to do this block: its voice is not playing and its outputs are
 * already zero. */
static inline bool ph_graph_call_idle(const ph_graph_call *c) {
  return c->gated && !c->gated->gate->count && c->gated->silent;
}

typedef struct ph_graph_parallel ph_graph_parallel;
#define PH_GRAPH_SPLIT_SAMPLES 32
typedef struct ph_graph_pool ph_graph_pool;

typedef struct {
  ph_arena arena; /* nodes, states, buffers: everything the graph owns, but... */
  /* ...the states of units bound to a pattern, which hold a query memory that a block's events
   * fill only as far as they reach: on small pages, so that what they leave is never touched
   * (the graph's own arena lies on huge pages, whole as soon as any of it is written). */
  ph_arena sparse;
  ph_dsp_config cfg;
  ph_graph_node *nodes;
  int count, cap;
  int *order; /* node indices, loops kept together: the nodes that run */
  int norder;
  ph_graph_step *steps;
  int nsteps;
  ph_graph_call *calls; /* one per step */
  /* Per node, the outputs that held their first sample's value over the last block: readers
   * get that value as a constant and take their constant paths (the control-rate fast path). */
  uint32_t *steady;
  ph_cable *cables; /* scratch for one node's inputs, a row per thread */
  int max_params;
  bool prepared;
  bool unfused; /* prepare leaves buses, twins and chains of + and * as written (forward_buses, merge_twins, fuse_sums) */
  ph_graph_parallel *par; /* the block's task state when steps run on several threads */
  /* Whether splitting its blocks over a pool's threads pays, as measured (pool.c). */
  struct {
    bool parallel;      /* the choice in force */
    int block;          /* blocks into the current trial or choice */
    double other;       /* the median time per frame, in the trial, that the choice must beat */
    double times[2][PH_GRAPH_SPLIT_SAMPLES]; /* per frame: a trial's serial and split blocks; then the kept way's, in [0] */
  } split;
} ph_graph;

void ph_graph_init(ph_graph *g, const ph_dsp_config *cfg);
void ph_graph_destroy(ph_graph *g);

/* Adds a node whose parameters start at their defaults; returns its index or -1 (err set). */
int ph_graph_add(ph_graph *g, const ph_unit_def *def, ph_error *err);
void ph_graph_set_const(ph_graph *g, int node, int param, float value);
void ph_graph_connect(ph_graph *g, int node, int param, ph_port from);
/* In a loop, the one-sample delay goes where this node is read (a bus read inside its own
 * definition hears the bus's previous sample); elsewhere it changes nothing. */
void ph_graph_mark_feedback_point(ph_graph *g, int node);
/* The node runs after gate_node, in each block only in the samples `gate` gives (which
 * gate_node writes as it runs); elsewhere its outputs are zero. Where a span is fresh the
 * node starts anew: as its init leaves it, with a seed of its own for each such start (a
 * noise plays new noise). A node in a feedback loop runs always. */
void ph_graph_gate(ph_graph *g, int node, int gate_node, const ph_gate *gate);
/* The node runs after `from`, whose outputs it reads other than through its inputs (sample
 * and synth voices whose pattern samples a bus). At most PH_GRAPH_MAX_AFTER; false if more or
 * out of memory. */
#define PH_GRAPH_MAX_AFTER 8
bool ph_graph_after(ph_graph *g, int node, int from);
/* The port is read from outside the graph (an output). Once any port is kept, only the nodes
 * a kept port depends on run (through inputs, gates and ph_graph_after); the others stay
 * silent. With none kept, every node runs. */
void ph_graph_keep(ph_graph *g, ph_port p);
/* The node's state, to bind what its table cannot carry (a pattern, a clock). */
void *ph_graph_state(ph_graph *g, int node);

/* Orders the nodes, finds the loops, allocates and initialises every state and buffer. */
bool ph_graph_prepare(ph_graph *g, ph_error *err);
/* Processes one block of `frames` <= cfg.max_block samples. Never allocates or fails. With a
 * pool, independent steps run on its threads; the output is the same, bit for bit. */
void ph_graph_process(ph_graph *g, int frames);
void ph_graph_process_on(ph_graph *g, ph_graph_pool *pool, int frames);
/* Most threads a graph runs on (the caller's included). */
#define PH_GRAPH_MAX_THREADS 16
/* Runs the steps the plan gave this thread, unless another thread has taken them (pool workers
 * and the caller). */
void ph_graph_work(ph_graph *g, int frames, int thread);
/* The buffer an output port wrote in the last block (NULL for a silent port). */
const float *ph_graph_output(const ph_graph *g, ph_port p);

#endif
