#include "graph/graph.h"
#include "graph/arith.h"
#include "graph/parallel.h"
#include "graph/simplify.h"

#include <math.h>
#include <string.h>

#include "core/vectorise.h"

void ph_graph_init(ph_graph *g, const ph_dsp_config *cfg) {
  memset(g, 0, sizeof *g);
  ph_arena_init(&g->arena, PH_ARENA_HUGE_CHUNK);
  ph_arena_init(&g->sparse, 0);
  g->cfg = *cfg;
}

void ph_graph_destroy(ph_graph *g) {
  ph_arena_destroy(&g->arena);
  ph_arena_destroy(&g->sparse);
  memset(g, 0, sizeof *g);
}

/* Each node its own seed, so two noise sources are two different noises, the same in every
 * render of the program. */
static ph_dsp_config node_config(const ph_graph *g, int index) {
  ph_dsp_config cfg = g->cfg;
  cfg.seed = g->cfg.seed ^ (uint32_t)((uint32_t)(index + 1) * 2654435761u);
  return cfg;
}

int ph_graph_add(ph_graph *g, const ph_unit_def *def, ph_error *err) {
  if (g->count >= PH_GRAPH_MAX_NODES) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "the program needs more than %d unit generators", PH_GRAPH_MAX_NODES);
    return -1;
  }
  size_t size = def->state_size(&g->cfg);
  if (g->arena.used_total + g->sparse.used_total + size > (size_t)PH_GRAPH_MAX_MIB << 20) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "the program's unit generators need more than %d MiB", PH_GRAPH_MAX_MIB);
    return -1;
  }
  if (g->count == g->cap) {
    int cap = g->cap ? g->cap * 2 : 16;
    ph_graph_node *nodes = ph_arena_realloc(&g->arena, g->nodes, (size_t)g->cap * sizeof *nodes,
                                            (size_t)cap * sizeof *nodes);
    if (!nodes) goto oom;
    g->nodes = nodes;
    g->cap = cap;
  }
  if (def->noutputs > PH_GRAPH_MAX_OUTPUTS) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s has %d outputs, at most %d are supported", def->name,
                 def->noutputs, PH_GRAPH_MAX_OUTPUTS);
    return -1;
  }
  ph_graph_node *n = &g->nodes[g->count];
  memset(n, 0, sizeof *n);
  n->def = def;
  n->loop = -1;
  n->gate_node = -1;
  n->origin = -1;
  n->twin = -1;
  n->inputs = PH_ARENA_ARRAY(&g->arena, ph_graph_input, def->nparams ? def->nparams : 1);
  if (!n->inputs) goto oom;
  for (int i = 0; i < def->nparams; i++) n->inputs[i] = (ph_graph_input){-1, 0, def->params[i].def};
  n->state = ph_arena_zalloc(def->bound ? &g->sparse : &g->arena, size ? size : 1);
  if (!n->state) goto oom;
  ph_dsp_config cfg = node_config(g, g->count);
  def->init(n->state, &cfg);
  if (def->nparams > g->max_params) g->max_params = def->nparams;
  g->prepared = false;
  return g->count++;
oom:
  ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory building the graph");
  return -1;
}

void ph_graph_set_const(ph_graph *g, int node, int param, float value) {
  g->nodes[node].inputs[param] = (ph_graph_input){-1, 0, value};
}

void ph_graph_connect(ph_graph *g, int node, int param, ph_port from) {
  if (from.node < 0) {
    ph_graph_set_const(g, node, param, 0);
    return;
  }
  g->nodes[node].inputs[param] = (ph_graph_input){from.node, from.output, 0};
  g->prepared = false;
}

void *ph_graph_state(ph_graph *g, int node) { return g->nodes[node].state; }

void ph_graph_gate(ph_graph *g, int node, int gate_node, const ph_gate *gate) {
  g->nodes[node].gate_node = gate_node;
  g->nodes[node].gate = gate;
  g->prepared = false;
}

bool ph_graph_after(ph_graph *g, int node, int from) {
  ph_graph_node *n = &g->nodes[node];
  for (int k = 0; k < n->nafter; k++)
    if (n->after[k] == from) return true;
  if (!n->after) n->after = PH_ARENA_ARRAY(&g->arena, int, PH_GRAPH_MAX_AFTER);
  if (!n->after || n->nafter == PH_GRAPH_MAX_AFTER) return false;
  n->after[n->nafter++] = from;
  g->prepared = false;
  return true;
}

void ph_graph_keep(ph_graph *g, ph_port p) {
  if (p.node < 0 || p.node >= g->count) return;
  g->nodes[p.node].kept = true;
  g->prepared = false;
}

void ph_graph_mark_feedback_point(ph_graph *g, int node) {
  g->nodes[node].feedback_point = true;
  g->prepared = false;
}

/* ---------------------------------------------------------------- ordering */

/* Tarjan's strongly connected components over "input depends on node" edges. Components
 * come out sources first, which is the processing order. Iterative, so deep graphs cannot
 * overflow the stack. */
typedef struct {
  int *index, *low, *stack, *comp, *frame_node, *frame_param;
  bool *on_stack;
  int next_index, sp, ncomp;
} tarjan;

static void strongconnect(ph_graph *g, tarjan *t, int root, int *out_order, int *out_count) {
  int depth = 0;
  t->frame_node[0] = root;
  t->frame_param[0] = 0;
  t->index[root] = t->low[root] = t->next_index++;
  t->stack[t->sp++] = root;
  t->on_stack[root] = true;
  while (depth >= 0) {
    int v = t->frame_node[depth];
    ph_graph_node *n = &g->nodes[v];
    if (t->frame_param[depth] < ph_graph_node_deps(n)) {
      int w = ph_graph_node_dep(n, t->frame_param[depth]++);
      if (w < 0) continue;
      if (t->index[w] < 0) {
        t->index[w] = t->low[w] = t->next_index++;
        t->stack[t->sp++] = w;
        t->on_stack[w] = true;
        depth++;
        t->frame_node[depth] = w;
        t->frame_param[depth] = 0;
      } else if (t->on_stack[w] && t->index[w] < t->low[v]) {
        t->low[v] = t->index[w];
      }
      continue;
    }
    if (t->low[v] == t->index[v]) {
      int w;
      do {
        w = t->stack[--t->sp];
        t->on_stack[w] = false;
        t->comp[w] = t->ncomp;
        out_order[(*out_count)++] = w;
      } while (w != v);
      t->ncomp++;
    }
    depth--;
    if (depth >= 0) {
      int parent = t->frame_node[depth];
      if (t->low[v] < t->low[parent]) t->low[parent] = t->low[v];
    }
  }
}

/* Orders a loop's members so that every in-loop input comes from a member run earlier in
 * the same sample, except inputs from feedback points (and whatever a loop without one
 * forces): those are the delayed ones. Kahn's algorithm over the loop's own edges. */
static bool order_loop(ph_graph *g, int *members, int count, const int *comp) {
  int *indegree = PH_ARENA_ARRAY(&g->arena, int, count);
  int *sorted = PH_ARENA_ARRAY(&g->arena, int, count);
  bool *done = ph_arena_zalloc(&g->arena, (size_t)count * sizeof(bool));
  if (!indegree || !sorted || !done) return false;
  int loop_comp = comp[members[0]];
  for (int k = 0; k < count; k++) {
    const ph_graph_node *n = &g->nodes[members[k]];
    indegree[k] = 0;
    for (int p = 0; p < n->def->nparams; p++) {
      int from = n->inputs[p].from;
      if (from >= 0 && from != members[k] && comp[from] == loop_comp && !g->nodes[from].feedback_point) indegree[k]++;
    }
  }
  for (int placed = 0; placed < count; placed++) {
    int pick = -1;
    for (int k = 0; k < count && pick < 0; k++)
      if (!done[k] && indegree[k] == 0) pick = k;
    for (int k = 0; k < count && pick < 0; k++)
      if (!done[k]) pick = k; /* a loop with no feedback point: break it anywhere */
    done[pick] = true;
    sorted[placed] = members[pick];
    if (g->nodes[members[pick]].feedback_point) continue;
    for (int k = 0; k < count; k++) {
      const ph_graph_node *n = &g->nodes[members[k]];
      for (int p = 0; p < n->def->nparams; p++)
        if (n->inputs[p].from == members[pick] && members[k] != members[pick]) indegree[k]--;
    }
  }
  for (int k = 0; k < count; k++) members[k] = sorted[k];
  return true;
}

/* live[i]: a kept port depends on node i (none kept: every node but a twin's, which writes
 * into its twin's outputs). */
static void mark_live(const ph_graph *g, bool *live, int *stack) {
  int top = 0;
  for (int i = 0; i < g->count; i++) {
    live[i] = g->nodes[i].kept;
    if (live[i]) stack[top++] = i;
  }
  if (top == 0)
    for (int i = 0; i < g->count; i++) live[i] = g->nodes[i].twin < 0;
  while (top > 0) {
    const ph_graph_node *node = &g->nodes[stack[--top]];
    for (int d = 0; d < ph_graph_node_deps(node); d++) {
      int from = ph_graph_node_dep(node, d);
      if (from >= 0 && !live[from]) {
        live[from] = true;
        stack[top++] = from;
      }
    }
  }
}

/* Only the steps of live nodes stay, in order (a step is all live or all not: a loop's
 * members depend on each other). A loop that does not run keeps an index no step has. */
static void drop_dead_steps(ph_graph *g, const bool *live) {
  int nsteps = 0, norder = 0;
  for (int s = 0; s < g->nsteps; s++) {
    ph_graph_step step = g->steps[s];
    bool runs = live[g->order[step.first]];
    for (int k = 0; k < step.count; k++) {
      int node = g->order[step.first + k];
      if (step.is_loop) g->nodes[node].loop = runs ? nsteps : g->count + s;
      if (runs) g->order[norder + k] = node;
    }
    if (!runs) continue;
    step.first = norder;
    norder += step.count;
    g->steps[nsteps++] = step;
  }
  g->nsteps = nsteps;
  g->norder = norder;
}

/* Which steps read which: each step's predecessors counted and successors listed, once each. */
static bool link_steps(ph_graph *g) {
  int *step_of = PH_ARENA_ARRAY(&g->arena, int, (size_t)(g->count ? g->count : 1));
  int *mark = PH_ARENA_ARRAY(&g->arena, int, (size_t)(g->nsteps ? g->nsteps : 1));
  int *count = ph_arena_zalloc(&g->arena, sizeof(int) * (size_t)(g->nsteps ? g->nsteps : 1));
  if (!step_of || !mark || !count) return false;
  for (int s = 0; s < g->nsteps; s++)
    for (int k = 0; k < g->steps[s].count; k++) step_of[g->order[g->steps[s].first + k]] = s;
  /* two passes: count the edges, then list them */
  for (int pass = 0; pass < 2; pass++) {
    for (int s = 0; s < g->nsteps; s++) mark[s] = -1;
    for (int s = 0; s < g->nsteps; s++) {
      g->steps[s].npred = 0;
      for (int k = 0; k < g->steps[s].count; k++) {
        const ph_graph_node *node = &g->nodes[g->order[g->steps[s].first + k]];
        for (int p = 0; p < ph_graph_node_deps(node); p++) {
          int from = ph_graph_node_dep(node, p);
          if (from < 0 || step_of[from] == s || mark[step_of[from]] == s) continue;
          int t = step_of[from];
          mark[t] = s;
          g->steps[s].npred++;
          if (pass == 0) count[t]++;
          else g->steps[t].succ[g->steps[t].nsucc++] = s;
        }
      }
    }
    for (int s = 0; pass == 0 && s < g->nsteps; s++) {
      g->steps[s].succ = PH_ARENA_ARRAY(&g->arena, int, (size_t)(count[s] ? count[s] : 1));
      g->steps[s].nsucc = 0;
      if (!g->steps[s].succ) return false;
    }
  }
  return true;
}

/* Each node's largest output from its unit's max_out and its inputs', sources first; a node in
 * a loop, or of a unit that knows no bound, may give anything. What a checked node gives its
 * readers is below PH_GRAPH_BLOWUP (the guard sees to it before they run): so much for them. */
static void find_bounds(ph_graph *g) {
  enum { MAX_KNOWN = 64 };
  const float sane = nextafterf(PH_GRAPH_BLOWUP, 0.0f);
  for (int k = 0; k < g->norder; k++) {
    ph_graph_node *node = &g->nodes[g->order[k]];
    float bound = INFINITY;
    if (node->loop < 0 && node->def->max_out && node->def->nparams <= MAX_KNOWN) {
      float in[MAX_KNOWN];
      for (int p = 0; p < node->def->nparams; p++) {
        const ph_graph_input *input = &node->inputs[p];
        in[p] = input->from < 0 ? fabsf(input->constant) : fminf(g->nodes[input->from].max_out, sane);
      }
      bound = node->def->max_out(in);
    }
    node->max_out = bound;
    node->checked = !(bound < PH_GRAPH_BLOWUP);
  }
}

/* Which nodes' outputs may be steady and are read as such. Sources first: a node may be
 * steady when its unit says so, or when it is pointwise and each input may be (a node in a
 * loop runs sample by sample: never). Then readers first: a node takes its inputs from such
 * nodes as constants, and those nodes are wanted, unless it is pointwise and not itself
 * wanted steady (a pointwise unit's constant paths pay only in making its output steady). A
 * node tells its steady outputs only when wanted. After the buffers are made. */
static bool find_steady(ph_graph *g) {
  bool *may = ph_arena_zalloc(&g->arena, sizeof(bool) * (size_t)(g->count ? g->count : 1));
  g->steady = ph_arena_zalloc(&g->arena, sizeof(uint32_t) * (size_t)(g->count ? g->count : 1));
  if (!may || !g->steady) return false;
  for (int k = 0; k < g->norder; k++) {
    int self = g->order[k];
    const ph_graph_node *node = &g->nodes[self];
    bool all = node->def->pointwise;
    for (int p = 0; p < node->def->nparams; p++) all &= node->inputs[p].from < 0 || may[node->inputs[p].from];
    may[self] = node->loop < 0 && (node->def->steady || all);
  }
  for (int k = 0; k < g->count; k++) g->nodes[k].may_steady = false; /* from here on: wanted */
  for (int k = g->norder - 1; k >= 0; k--) {
    ph_graph_node *node = &g->nodes[g->order[k]];
    node->may_steady &= may[g->order[k]];
    node->nreads = 0;
    int any = 0;
    for (int p = 0; p < node->def->nparams; p++) any += node->inputs[p].from >= 0 && may[node->inputs[p].from];
    if (node->loop >= 0 || !any || (node->def->pointwise && !node->may_steady)) continue;
    if (!(node->reads = PH_ARENA_ARRAY(&g->arena, ph_graph_steady_read, (size_t)any))) return false;
    for (int p = 0; p < node->def->nparams; p++) {
      const ph_graph_input *in = &node->inputs[p];
      if (in->from < 0 || !may[in->from]) continue;
      node->reads[node->nreads++] = (ph_graph_steady_read){p, in->from, in->output, g->nodes[in->from].out[in->output]};
      g->nodes[in->from].may_steady = true;
    }
  }
  return true;
}

bool ph_graph_prepare(ph_graph *g, ph_error *err) {
  int n = g->count;
  size_t ints = (size_t)(n ? n : 1);
  tarjan t = {0};
  t.index = PH_ARENA_ARRAY(&g->arena, int, ints);
  t.low = PH_ARENA_ARRAY(&g->arena, int, ints);
  t.stack = PH_ARENA_ARRAY(&g->arena, int, ints);
  t.comp = PH_ARENA_ARRAY(&g->arena, int, ints);
  t.frame_node = PH_ARENA_ARRAY(&g->arena, int, ints + 1);
  t.frame_param = PH_ARENA_ARRAY(&g->arena, int, ints + 1);
  t.on_stack = ph_arena_zalloc(&g->arena, ints * sizeof(bool));
  g->order = PH_ARENA_ARRAY(&g->arena, int, ints);
  g->steps = PH_ARENA_ARRAY(&g->arena, ph_graph_step, ints);
  if (!t.index || !t.low || !t.stack || !t.comp || !t.frame_node || !t.frame_param || !t.on_stack || !g->order ||
      !g->steps)
    goto oom;
  for (int i = 0; i < n; i++) t.index[i] = -1;
  int count = 0;
  for (int i = 0; i < n; i++)
    if (t.index[i] < 0) strongconnect(g, &t, i, g->order, &count);
  /* Group the order into steps: one per component; a component is a loop when it has more
   * than one node or a node feeds itself. Within a loop, the order Tarjan popped them in is
   * reversed so that a node's in-loop sources mostly come before it. */
  g->nsteps = 0;
  for (int i = 0; i < n;) {
    int j = i;
    while (j < n && t.comp[g->order[j]] == t.comp[g->order[i]]) j++;
    bool loop = j - i > 1;
    if (!loop) {
      ph_graph_node *node = &g->nodes[g->order[i]];
      for (int p = 0; p < node->def->nparams; p++)
        if (node->inputs[p].from == g->order[i]) loop = true;
    }
    if (loop && !order_loop(g, g->order + i, j - i, t.comp)) goto oom;
    for (int k = i; k < j; k++) {
      ph_graph_node *member = &g->nodes[g->order[k]];
      member->loop = loop ? g->nsteps : -1;
      member->loop_pos = k - i;
      member->gated = !loop && member->gate_node >= 0 && member->gate;
      member->silent = true; /* its buffers are made zeroed below */
    }
    g->steps[g->nsteps++] = (ph_graph_step){.first = i, .count = j - i, .is_loop = loop};
    i = j;
  }
  if (!g->unfused) {
    if (!ph_graph_read_through(g, t.on_stack, t.low, t.index)) goto oom;
    g->norder = n;
    find_bounds(g); /* which nodes the guard watches: they are not folded */
    ph_graph_fuse_sums(g, t.index);
  }
  mark_live(g, t.on_stack, t.stack);
  drop_dead_steps(g, t.on_stack);
  g->cables = PH_ARENA_ARRAY(&g->arena, ph_cable, (size_t)PH_GRAPH_MAX_THREADS * (g->max_params ? g->max_params : 1));
  if (!g->cables) goto oom;
  if (!link_steps(g) || !(g->par = ph_graph_parallel_new(g))) goto oom;
  find_bounds(g);
  for (int i = 0; i < n; i++) {
    ph_graph_node *node = &g->nodes[i];
    for (int o = 0; o < node->def->noutputs && node->twin < 0; o++) {
      node->out[o] = ph_arena_zalloc(&g->arena, (size_t)g->cfg.max_block * sizeof(float));
      if (!node->out[o]) goto oom;
    }
  }
  for (int i = 0; i < n; i++)
    for (int o = 0; g->nodes[i].twin >= 0 && o < g->nodes[i].def->noutputs; o++)
      g->nodes[i].out[o] = g->nodes[g->nodes[i].twin].out[o];
  if (!find_steady(g)) goto oom;
  for (int i = 0; i < n; i++) {
    ph_graph_node *node = &g->nodes[i];
    if (node->loop >= 0 || node->twin >= 0) continue;
    node->cables = PH_ARENA_ARRAY(&g->arena, ph_cable, (size_t)(node->def->nparams ? node->def->nparams : 1));
    if (!node->cables) goto oom;
    for (int p = 0; p < node->def->nparams; p++) {
      const ph_graph_input *in = &node->inputs[p];
      node->cables[p] = in->from < 0 ? (ph_cable){NULL, in->constant} : (ph_cable){g->nodes[in->from].out[in->output], 0};
    }
  }
  g->calls = PH_ARENA_ARRAY(&g->arena, ph_graph_call, (size_t)(g->nsteps ? g->nsteps : 1));
  if (!g->calls) goto oom;
  for (int s = 0; s < g->nsteps; s++) {
    ph_graph_node *node = &g->nodes[g->order[g->steps[s].first]];
    bool plain = !g->steps[s].is_loop && !node->gated && !node->checked;
    ph_graph_tend *tend = NULL;
    if (plain && (node->may_steady || node->nreads)) {
      if (!(tend = ph_arena_alloc(&g->arena, sizeof *tend))) goto oom;
      *tend = (ph_graph_tend){node->def, node->state, node->cables, node->out, node->reads, node->nreads,
                              node->may_steady ? g->order[g->steps[s].first] : -1};
    }
    g->calls[s] = plain && !tend ? (ph_graph_call){.process = node->def->process, .state = node->state,
                                                   .in = {node->cables, node->def->nparams}, .out = node->out}
                                 : (ph_graph_call){.tend = tend, .gated = !g->steps[s].is_loop && node->gated ? node : NULL};
  }
  for (int s = g->nsteps - 1; s >= 0; s--) {
    ph_graph_call *c = &g->calls[s], *next = s + 1 < g->nsteps ? &g->calls[s + 1] : NULL;
    if (c->gated) c->same_gate = 1 + (next && next->gated && next->gated->gate == c->gated->gate ? next->same_gate : 0);
  }
  g->prepared = true;
  return true;
oom:
  ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory preparing the graph");
  return false;
}

/* ---------------------------------------------------------------- processing */

static void zero_outputs(ph_graph_node *node, int from, int to) {
  if (to <= from) return; /* the usual case: a voice sounding through the block */
  for (int o = 0; o < node->def->noutputs; o++) memset(node->out[o] + from, 0, sizeof(float) * (size_t)(to - from));
}

/* A gated node starting anew: initialised again, with a seed of its own for this start. */
static void wake(ph_graph *g, ph_graph_node *node) {
  ph_dsp_config cfg = g->cfg;
  uint32_t index = (uint32_t)(node - g->nodes), n = ++node->wakes;
  cfg.seed = g->cfg.seed ^ ((index + 1u) * 2654435761u) ^ (n * 0x9E3779B9u);
  node->def->init(node->state, &cfg);
}

/* Inputs from nodes that may be steady, for samples from `begin` on: the value as a constant
 * where the source was steady over the block (unless NaN, which as a constant parameter
 * means "not given"), else the buffer. */
static inline void read_steady(const ph_graph *g, ph_cable *cables, const ph_graph_steady_read *reads, int n, int begin) {
  for (int k = 0; k < n; k++) {
    const ph_graph_steady_read *r = &reads[k];
    float v = r->buf[0];
    bool steady = g->steady[r->from] >> r->output & 1u;
    cables[r->param] = steady && v == v ? (ph_cable){NULL, v} : (ph_cable){r->buf + begin, 0};
  }
}

static inline uint32_t all_outputs(const ph_unit_def *def) {
  return def->noutputs >= 32 ? ~0u : (1u << def->noutputs) - 1u;
}

/* The outputs of a unit just run on a whole block with these inputs that held one value. */
static uint32_t steady_outputs(const ph_unit_def *def, const void *state, const ph_cable *cables, float *const *out,
                               int frames) {
  if (def->steady) return def->steady(state, out, frames) & all_outputs(def);
  for (int p = 0; p < def->nparams; p++)
    if (cables[p].buf) return 0;
  return all_outputs(def);
}

static inline int index_of(const ph_graph *g, const ph_graph_node *node) { return (int)(node - g->nodes); }

/* A gated node: run on each span of its gate, its outputs zero between them. */
static void run_gated(ph_graph *g, ph_cable *cables, ph_graph_node *node, int frames) {
  const ph_gate *gate = node->gate;
  if (gate->count == 0) {
    if (!node->silent) zero_outputs(node, 0, g->cfg.max_block);
    node->silent = true;
    g->steady[index_of(g, node)] = node->may_steady ? all_outputs(node->def) : 0;
    return;
  }
  node->silent = false;
  int at = 0;
  ph_cable *used = cables;
  for (int s = 0; s < gate->count; s++) {
    int begin = gate->span[s].begin, end = gate->span[s].end < frames ? gate->span[s].end : frames;
    if (begin < at || end <= begin) continue;
    zero_outputs(node, at, begin);
    if (gate->span[s].fresh) wake(g, node);
    /* from the block's start the inputs prepare made serve (a voice sounding all through) */
    used = begin == 0 ? node->cables : cables;
    for (int p = 0; begin > 0 && p < node->def->nparams; p++) {
      const ph_graph_input *in = &node->inputs[p];
      cables[p] = in->from < 0 ? (ph_cable){NULL, in->constant} : (ph_cable){g->nodes[in->from].out[in->output] + begin, 0};
    }
    read_steady(g, used, node->reads, node->nreads, begin);
    ph_dsp_inputs inputs = {used, node->def->nparams};
    if (begin == 0) {
      node->def->process(node->state, &inputs, node->out, end);
    } else {
      float *outs[PH_GRAPH_MAX_OUTPUTS];
      for (int o = 0; o < node->def->noutputs; o++) outs[o] = node->out[o] + begin;
      node->def->process(node->state, &inputs, outs, end - begin);
    }
    at = end;
  }
  zero_outputs(node, at, frames);
  bool whole = gate->count == 1 && gate->span[0].begin == 0 && gate->span[0].end >= frames;
  g->steady[index_of(g, node)] = node->may_steady && whole ? steady_outputs(node->def, node->state, used, node->out, frames) : 0;
}

static void run_block(ph_graph *g, ph_cable *cables, ph_graph_node *node, int frames) {
  if (node->gated) {
    run_gated(g, cables, node, frames);
    return;
  }
  read_steady(g, node->cables, node->reads, node->nreads, 0);
  ph_dsp_inputs inputs = {node->cables, node->def->nparams};
  node->def->process(node->state, &inputs, node->out, frames);
  if (node->may_steady) g->steady[index_of(g, node)] = steady_outputs(node->def, node->state, node->cables, node->out, frames);
}

/* A loop runs one sample at a time. An input from a node already run this sample reads its
 * new value; any other in-loop input reads the value one sample back. */
static void run_loop(ph_graph *g, ph_cable *cables, const ph_graph_step *step, int frames) {
  for (int i = 0; i < frames; i++) {
    for (int k = 0; k < step->count; k++) {
      int self = g->order[step->first + k];
      ph_graph_node *node = &g->nodes[self];
      for (int p = 0; p < node->def->nparams; p++) {
        const ph_graph_input *in = &node->inputs[p];
        if (in->from < 0) {
          cables[p] = (ph_cable){NULL, in->constant};
          continue;
        }
        ph_graph_node *src = &g->nodes[in->from];
        if (src->loop != node->loop) {
          cables[p] = (ph_cable){src->out[in->output] + i, 0};
          continue;
        }
        bool fresh = src->loop_pos < k;
        float v = fresh ? src->out[in->output][i] : (i > 0 ? src->out[in->output][i - 1] : src->last[in->output]);
        cables[p] = (ph_cable){NULL, v};
      }
      float *outs[PH_GRAPH_MAX_OUTPUTS];
      for (int o = 0; o < node->def->noutputs; o++) outs[o] = node->out[o] + i;
      ph_dsp_inputs inputs = {cables, node->def->nparams};
      node->def->process(node->state, &inputs, outs, 1);
    }
  }
  for (int k = 0; k < step->count; k++) {
    ph_graph_node *node = &g->nodes[g->order[step->first + k]];
    for (int o = 0; o < node->def->noutputs; o++) node->last[o] = node->out[o][frames - 1];
  }
}

/* Whether every sample is below PH_GRAPH_BLOWUP in magnitude (NaN and infinity are not: the
 * bits of a float's magnitude, as an integer, order the same way as it, NaN above all). */
PH_VECTORISED
static bool block_sane(const float *x, int frames) {
  static const float blowup = PH_GRAPH_BLOWUP;
  int32_t limit, over = 0;
  memcpy(&limit, &blowup, sizeof limit);
  for (int i = 0; i < frames; i++) {
    int32_t bits;
    memcpy(&bits, &x[i], sizeof bits);
    over |= (bits & 0x7fffffff) >= limit; /* signed compares vectorise (SSE2 has no unsigned max) */
  }
  return !over;
}

static bool node_sane(const ph_graph_node *node, int frames) {
  for (int o = 0; o < node->def->noutputs; o++)
    if (!block_sane(node->out[o], frames)) return false;
  return true;
}

/* Back to silence: its block zeroed, its state as init left it (a unit bound to a pattern or a
 * bank keeps its binding: only its own reset may touch it). */
static void reset_node(ph_graph *g, int index, int frames) {
  ph_graph_node *node = &g->nodes[index];
  for (int o = 0; o < node->def->noutputs; o++) {
    memset(node->out[o], 0, sizeof(float) * (size_t)frames);
    node->last[o] = 0;
  }
  g->steady[index] = 0;
  if (node->def->reset) {
    node->def->reset(node->state);
  } else if (!node->def->bound) {
    ph_dsp_config cfg = node_config(g, index);
    node->def->init(node->state, &cfg);
  }
}

/* A blow-up stops where it appears: a node that gave NaN, infinity or PH_GRAPH_BLOWUP is
 * silenced and reset before any other reads it (a loop as a whole, its states being
 * entangled), and counted. */
static void guard_step(ph_graph *g, const ph_graph_step *step, int frames) {
  bool faulty = false;
  for (int k = 0; k < step->count; k++) {
    ph_graph_node *node = &g->nodes[g->order[step->first + k]];
    if (!node->checked || (node->gated && node->silent) || node_sane(node, frames)) continue;
    faulty = true;
    atomic_store_explicit(&node->faults, atomic_load_explicit(&node->faults, memory_order_relaxed) + 1,
                          memory_order_relaxed);
  }
  if (faulty)
    for (int k = 0; k < step->count; k++) reset_node(g, g->order[step->first + k], frames);
}

void ph_graph_run_step(ph_graph *g, int s, int frames, int thread) {
  const ph_graph_step *step = &g->steps[s];
  ph_cable *cables = g->cables + (size_t)thread * (size_t)(g->max_params ? g->max_params : 1);
  if (step->is_loop)
    run_loop(g, cables, step, frames);
  else
    run_block(g, cables, &g->nodes[g->order[step->first]], frames);
  guard_step(g, step, frames);
}

/* A plain call whose steady inputs or outputs are tended. */
static void run_tended(ph_graph *g, const ph_graph_tend *t, int frames) {
  read_steady(g, t->cables, t->reads, t->nreads, 0);
  ph_dsp_inputs inputs = {t->cables, t->def->nparams};
  t->def->process(t->state, &inputs, t->out, frames);
  if (t->self >= 0) g->steady[t->self] = steady_outputs(t->def, t->state, t->cables, t->out, frames);
}

void ph_graph_process(ph_graph *g, int frames) {
  if (!g->prepared || frames <= 0) return;
  if (frames > g->cfg.max_block) frames = g->cfg.max_block;
  for (int s = 0; s < g->nsteps; s++) {
    const ph_graph_call *c = &g->calls[s];
    if (c->process) c->process(c->state, &c->in, c->out, frames);
    else if (c->tend) run_tended(g, c->tend, frames);
    else if (!ph_graph_call_idle(c)) ph_graph_run_step(g, s, frames, 0);
    else s += c->same_gate - 1;
  }
}

const float *ph_graph_output(const ph_graph *g, ph_port p) {
  if (p.node < 0 || p.node >= g->count) return NULL;
  return g->nodes[p.node].out[p.output];
}
