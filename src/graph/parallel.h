/* Steps of a graph on several threads within one block. A plan deals each thread a list of
 * steps (parallel.c: the branches of a heavy mix spread over the threads, each with what it
 * reads, so that few buffers cross between cores). A thread runs its list in order, each step
 * once the steps it reads on other lists have run in this block, told by one flag per step
 * (atomic stores and loads only: no locks, no allocation), with its own scratch. A list that
 * no thread has taken when a step needs it (its thread asleep) is taken and run by the thread
 * that needs it, and the caller takes every list left at the end: a block never waits for a
 * thread to wake. Every node still computes from complete inputs, so the output is the
 * single-threaded one, bit for bit.
 *
 * The pool's threads wait for a block spinning briefly, then asleep on a semaphore; the caller
 * of ph_graph_process_on works too and returns when every step has run. Splitting pays only
 * where the steps' work outweighs the hand-overs between cores, so ph_graph_process_on times
 * both ways on each graph and keeps the faster (pool.c). */
#ifndef PH_GRAPH_PARALLEL_H
#define PH_GRAPH_PARALLEL_H

#include "graph/graph.h"

/* After the steps are linked: their readers' lists turned round, memory for any plan. */
ph_graph_parallel *ph_graph_parallel_new(ph_graph *g);
void ph_graph_run_step(ph_graph *g, int step, int frames, int thread);
/* Before a block opens, with no thread inside: the next block's number, and a plan for
 * nthreads when the last was for another number. */
void ph_graph_parallel_reset(ph_graph *g, int nthreads);
/* After the caller's own list (ph_graph_work, thread 0): runs the lists no thread has taken,
 * then waits until every list has run. */
void ph_graph_parallel_finish(ph_graph *g, int frames);

/* threads counts the caller: 1 runs everything on the caller. NULL when threads cannot start. */
ph_graph_pool *ph_graph_pool_create(int threads);
void ph_graph_pool_destroy(ph_graph_pool *pool);
int ph_graph_pool_threads(const ph_graph_pool *pool);
/* Whether a graph's blocks are split over the threads is measured as it runs (a trial of both
 * ways, then the faster for a few thousand blocks, then a trial again); this splits every
 * block instead (before the pool is used). */
void ph_graph_pool_always_split(ph_graph_pool *pool, bool always);

#endif
