/* What prepare changes in a graph before it runs, the same samples coming out: buses read
 * through, twins merged, the mid of one signal read as it, and sums of products fused. */
#include "graph/simplify.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "graph/arith.h"

/* The readers of `node` (its output 0, its only one) read `source` instead. */
static void read_instead(ph_graph *g, int node, ph_graph_input source) {
  for (int i = 0; i < g->count; i++) {
    ph_graph_node *reader = &g->nodes[i];
    for (int p = 0; p < reader->def->nparams; p++)
      if (reader->inputs[p].from == node) reader->inputs[p] = source;
  }
}

/* refs[i]: the nodes that wait for node i (by input, gate or `after`). */
static void count_readers(const ph_graph *g, int *refs) {
  for (int i = 0; i < g->count; i++) refs[i] = 0;
  for (int i = 0; i < g->count; i++) {
    const ph_graph_node *node = &g->nodes[i];
    for (int d = 0; d < ph_graph_node_deps(node); d++)
      if (ph_graph_node_dep(node, d) >= 0) refs[ph_graph_node_dep(node, d)]++;
  }
}

/* A bus that passes a node's output on as it is: its readers read that output themselves,
 * and the bus, read by nothing, is dropped (its copy of every block with it). Not a bus read
 * from outside (kept), through `after` or as a gate (a bus heard as a pattern is read so), in
 * a loop (where, a feedback point, it gives the sample before) or gated. `pinned` is scratch. */
static void forward_buses(ph_graph *g, bool *pinned) {
  for (int i = 0; i < g->count; i++) pinned[i] = false;
  for (int i = 0; i < g->count; i++) {
    const ph_graph_node *node = &g->nodes[i];
    if (node->gate_node >= 0) pinned[node->gate_node] = true;
    for (int k = 0; k < node->nafter; k++) pinned[node->after[k]] = true;
  }
  for (int s = 0; s < g->nsteps; s++) {
    int b = g->order[g->steps[s].first];
    ph_graph_node *bus = &g->nodes[b];
    ph_graph_input from = bus->inputs[0];
    if (g->steps[s].is_loop || bus->def != &ph_unit_bus || from.from < 0 || pinned[b] || bus->kept || bus->nafter ||
        bus->gate_node >= 0 || bus->gate)
      continue;
    read_instead(g, b, from);
    bus->inputs[0] = (ph_graph_input){-1, 0, 0.0f}; /* read by nothing, it reads nothing either */
  }
}

/* Whether a node may be merged with a twin: alone in its step, running every block, reading
 * nothing but its inputs and read by nothing but inputs (a gate's or an `after`'s node is
 * pinned), of a unit whose samples follow from its inputs alone (not bound to a pattern or a
 * bank, not drawing on its seed). */
static bool mergeable(const ph_graph *g, const ph_graph_step *step, int i, const bool *pinned) {
  const ph_graph_node *n = &g->nodes[i];
  return !step->is_loop && n->gate_node < 0 && !n->gate && !n->nafter && !n->feedback_point && !pinned[i] &&
         !n->def->bound && !n->def->seeded && n->def != &ph_unit_bus;
}

static uint64_t twin_hash(const ph_graph_node *n) {
  uint64_t h = (uint64_t)(uintptr_t)n->def * 0x9e3779b97f4a7c15ull;
  for (int p = 0; p < n->def->nparams; p++) {
    const ph_graph_input *in = &n->inputs[p];
    uint32_t bits;
    memcpy(&bits, &in->constant, sizeof bits);
    uint64_t v = in->from >= 0 ? ((uint64_t)(uint32_t)in->from << 8 | (uint64_t)(uint32_t)in->output) : bits | 1ull << 63;
    h = (h ^ v) * 0x100000001b3ull;
  }
  return h ^ h >> 29;
}

static bool same_inputs(const ph_graph_node *a, const ph_graph_node *b) {
  if (a->def != b->def) return false;
  for (int p = 0; p < a->def->nparams; p++) {
    const ph_graph_input *x = &a->inputs[p], *y = &b->inputs[p];
    if (x->from != y->from || (x->from >= 0 ? x->output != y->output : memcmp(&x->constant, &y->constant, sizeof x->constant)))
      return false;
  }
  return true;
}

/* Twins: two nodes of one unit that read the same inputs give the same samples, so the later
 * one's readers read the earlier one and it runs no more. Where voices sound from the centre,
 * a stereo chain after them is two of everything, each pair reading the same samples. The
 * steps go in order, so a node's inputs are already its sources' survivors when it is looked
 * at; `canon` and the table of `nslots` (a power of two, over twice the nodes) are scratch. */
static void merge_twins(ph_graph *g, const bool *pinned, int *canon, int *slots, int nslots) {
  for (int i = 0; i < g->count; i++) canon[i] = i;
  for (int k = 0; k < nslots; k++) slots[k] = -1;
  for (int s = 0; s < g->nsteps; s++) {
    const ph_graph_step *step = &g->steps[s];
    for (int k = 0; k < step->count; k++) {
      ph_graph_node *node = &g->nodes[g->order[step->first + k]];
      for (int p = 0; p < node->def->nparams; p++)
        if (node->inputs[p].from >= 0) node->inputs[p].from = canon[node->inputs[p].from];
    }
    int i = g->order[step->first];
    ph_graph_node *node = &g->nodes[i];
    if (!mergeable(g, step, i, pinned)) continue;
    uint64_t h = twin_hash(node);
    for (int at = (int)(h & (uint64_t)(nslots - 1));; at = (at + 1) & (nslots - 1)) {
      int other = slots[at];
      if (other < 0) {
        slots[at] = i;
        break;
      }
      if (same_inputs(&g->nodes[other], node)) {
        canon[i] = other;
        node->twin = other;
        g->nodes[other].kept |= node->kept; /* its port, read from outside, is the twin's buffers */
        node->kept = false;
        for (int p = 0; p < node->def->nparams; p++) node->inputs[p] = (ph_graph_input){-1, 0, 0.0f};
        break;
      }
    }
  }
}

/* Whether an input is the constant v. */
static bool is_const(ph_graph_input in, float v) { return in.from < 0 && in.constant == v; }

/* The mid of a stereo signal whose two sides are one (their twins merged), (x + x) · 0.5, is x
 * itself: its readers read x, and the add and the mul, read by nothing then, are dropped as
 * dead. Exact: what a node reads is finite and below PH_GRAPH_BLOWUP (the guard sees to that),
 * so x + x neither overflows nor rounds. `refs` is scratch. */
static void drop_mids(ph_graph *g, int *refs) {
  count_readers(g, refs);
  for (int s = 0; s < g->nsteps; s++) {
    int m = g->order[g->steps[s].first];
    const ph_graph_node *mul = &g->nodes[m];
    if (g->steps[s].is_loop || mul->def != &ph_unit_mul || mul->kept || mul->gate_node >= 0 || mul->feedback_point) continue;
    int half = is_const(mul->inputs[1], 0.5f) ? 0 : is_const(mul->inputs[0], 0.5f) ? 1 : -1;
    int a = half < 0 ? -1 : mul->inputs[half].from;
    if (a < 0 || refs[a] != 1) continue;
    const ph_graph_node *add = &g->nodes[a];
    ph_graph_input x = add->inputs[0];
    if (add->def != &ph_unit_add || add->loop >= 0 || add->kept || add->gate_node >= 0 || add->feedback_point ||
        x.from < 0 || x.from != add->inputs[1].from || x.output != add->inputs[1].output)
      continue;
    read_instead(g, m, x);
  }
}

bool ph_graph_read_through(ph_graph *g, bool *pinned, int *canon, int *refs) {
  forward_buses(g, pinned);
  int nslots = 16;
  while (nslots < 2 * g->count) nslots *= 2;
  int *slots = PH_ARENA_ARRAY(&g->arena, int, (size_t)nslots);
  if (!slots) return false;
  merge_twins(g, pinned, canon, slots, nslots);
  drop_mids(g, refs);
  return true;
}

/* Whether node `from`, read only by `reader`, can be folded into it: both outside loops and
 * under the same gate, and `from` plain (not kept, no feedback point, not after other nodes)
 * and not watched by the guard (a blow-up is silenced where it happens, not in the sum). */
static bool foldable(const ph_graph *g, int from, const ph_graph_node *reader, const int *refs) {
  const ph_graph_node *n = &g->nodes[from];
  return refs[from] == 1 && n->loop < 0 && !n->checked && !n->kept && !n->feedback_point && !n->nafter &&
         n->gate_node == reader->gate_node && n->gate == reader->gate;
}

/* The factors of one term of a sum read through `in`: a product's two (its node folded, said
 * in *folded), or the value and 1 (a node's output is finite, so the value is the same; a
 * constant only when finite). */
static bool term_of(const ph_graph *g, const ph_graph_node *reader, ph_graph_input in, const int *refs,
                    ph_graph_input *pair, bool *folded) {
  const ph_graph_input one = {-1, 0, 1.0f};
  *folded = in.from >= 0 && g->nodes[in.from].def == &ph_unit_mul && foldable(g, in.from, reader, refs);
  if (*folded) {
    pair[0] = g->nodes[in.from].inputs[0], pair[1] = g->nodes[in.from].inputs[1];
    return true;
  }
  pair[0] = in, pair[1] = one;
  return in.from >= 0 || isfinite(in.constant);
}

/* Sums of products, a·b + c·d + …, become one node each: an add takes its operands' products
 * (muls that nothing else reads) as terms, and the terms of a sum that is its first operand
 * and that nothing else reads, as far as PH_SUM_MAX terms (see ph_unit_sum). A folded node,
 * read by nothing then, is dropped as dead. Where no node is kept every output may be read
 * from outside, so nothing is folded. `refs` is scratch. */
void ph_graph_fuse_sums(ph_graph *g, int *refs) {
  bool any_kept = false;
  for (int i = 0; i < g->count; i++) any_kept |= g->nodes[i].kept;
  if (!any_kept) return;
  count_readers(g, refs);
  for (int s = 0; s < g->nsteps; s++) {
    ph_graph_node *node = &g->nodes[g->order[g->steps[s].first]];
    if (g->steps[s].is_loop || node->def != &ph_unit_add || node->nafter) continue;
    ph_graph_input pairs[2 * PH_SUM_MAX];
    int terms = 0, left = node->inputs[0].from;
    bool left_folded, right_folded, inner;
    const ph_graph_node *first = left >= 0 ? &g->nodes[left] : NULL;
    int before = first ? ph_unit_sum_terms(first->def) : 0;
    if (before && before < PH_SUM_MAX && foldable(g, left, node, refs)) {
      memcpy(pairs, first->inputs, sizeof *pairs * 2 * (size_t)before);
      terms = before, left_folded = true;
    } else if (first && first->def == &ph_unit_add && foldable(g, left, node, refs) &&
               term_of(g, node, first->inputs[0], refs, pairs, &inner) &&
               term_of(g, node, first->inputs[1], refs, pairs + 2, &inner)) {
      terms = 2, left_folded = true; /* an add that was no sum of its own: its two terms */
    } else if (term_of(g, node, node->inputs[0], refs, pairs, &left_folded)) {
      terms = 1;
    } else {
      continue;
    }
    if (!term_of(g, node, node->inputs[1], refs, pairs + 2 * terms, &right_folded) || (!left_folded && !right_folded))
      continue;
    ph_graph_input *inputs = PH_ARENA_ARRAY(&g->arena, ph_graph_input, 2 * ((size_t)terms + 1));
    if (!inputs) return; /* unfused is as right, only slower */
    memcpy(inputs, pairs, sizeof *inputs * 2 * ((size_t)terms + 1));
    node->inputs = inputs;
    node->def = ph_unit_sum(terms + 1);
    if (node->def->nparams > g->max_params) g->max_params = node->def->nparams;
  }
}
