/* What prepare changes in a graph before it runs (simplify.c): the same samples, fewer steps. */
#ifndef PH_GRAPH_SIMPLIFY_H
#define PH_GRAPH_SIMPLIFY_H

#include "graph/graph.h"

/* Readers read through what only passes a signal on: a bus to its source, a twin (a node of
 * the same unit reading the same inputs as one before it) to that one, the mid of one signal
 * to the signal. `pinned`, `canon` and `refs` are scratch of a node each; false when out of
 * memory (the graph unchanged in meaning). */
bool ph_graph_read_through(ph_graph *g, bool *pinned, int *canon, int *refs);
/* Sums of products, a·b + c·d + …, become one node each (see ph_unit_sum); `refs` is scratch.
 * After the guard's nodes are known (a watched node is not folded). */
void ph_graph_fuse_sums(ph_graph *g, int *refs);

#endif
