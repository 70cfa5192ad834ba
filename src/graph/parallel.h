/* Steps of a graph on several threads within one block. A step is ready when every step it
 * reads has run; threads take ready steps in the order they became ready, through atomic
 * counters only (no locks, no allocation), and run them with their own scratch. Every node
 * still computes from complete inputs, so the output is the single-threaded one, bit for bit.
 *
 * The pool's threads wait for a block spinning briefly, then asleep on a semaphore; the caller
 * of ph_graph_process_on works too and returns when every step has run. Splitting pays only
 * where the steps' work outweighs the hand-overs between cores, so ph_graph_process_on times
 * both ways on each graph and keeps the faster (pool.c). */
#ifndef PH_GRAPH_PARALLEL_H
#define PH_GRAPH_PARALLEL_H

#include "graph/graph.h"

ph_graph_parallel *ph_graph_parallel_new(ph_arena *a, int nsteps);
void ph_graph_run_step(ph_graph *g, int step, int frames, int thread);
/* Before a block opens, with no thread inside: every count back to its start. */
void ph_graph_parallel_reset(ph_graph *g);
/* Waits until every step of the block has run. */
void ph_graph_parallel_finish(ph_graph *g);

/* threads counts the caller: 1 runs everything on the caller. NULL when threads cannot start. */
ph_graph_pool *ph_graph_pool_create(int threads);
void ph_graph_pool_destroy(ph_graph_pool *pool);
int ph_graph_pool_threads(const ph_graph_pool *pool);
/* Whether a graph's blocks are split over the threads is measured as it runs (a trial of both
 * ways, then the faster for a few thousand blocks, then a trial again); this splits every
 * block instead (before the pool is used). */
void ph_graph_pool_always_split(ph_graph_pool *pool, bool always);

#endif
