#include "graph/parallel.h"

#include <sched.h>
#include <stdatomic.h>

struct ph_graph_parallel {
  atomic_int *pending; /* per step: predecessors still to run this block */
  atomic_int *slot;    /* the ready steps in the order they became ready; -1: not yet */
  atomic_int head;     /* the next slot to take */
  atomic_int tail;     /* the next slot to fill */
  atomic_int done;     /* steps run this block */
};

ph_graph_parallel *ph_graph_parallel_new(ph_arena *a, int nsteps) {
  ph_graph_parallel *p = ph_arena_zalloc(a, sizeof *p);
  size_t n = (size_t)(nsteps ? nsteps : 1);
  if (!p) return NULL;
  p->pending = ph_arena_zalloc(a, n * sizeof(atomic_int));
  p->slot = ph_arena_zalloc(a, n * sizeof(atomic_int));
  return p->pending && p->slot ? p : NULL;
}

static inline void relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

static void make_ready(ph_graph_parallel *p, int step) {
  int at = atomic_fetch_add_explicit(&p->tail, 1, memory_order_relaxed);
  atomic_store_explicit(&p->slot[at], step, memory_order_release);
}

/* Before the block opens (no thread inside): every count back to its start. */
void ph_graph_parallel_reset(ph_graph *g) {
  ph_graph_parallel *p = g->par;
  for (int s = 0; s < g->nsteps; s++) {
    atomic_store_explicit(&p->pending[s], g->steps[s].npred, memory_order_relaxed);
    atomic_store_explicit(&p->slot[s], -1, memory_order_relaxed);
  }
  atomic_store_explicit(&p->head, 0, memory_order_relaxed);
  atomic_store_explicit(&p->tail, 0, memory_order_relaxed);
  atomic_store_explicit(&p->done, 0, memory_order_relaxed);
  for (int s = 0; s < g->nsteps; s++)
    if (g->steps[s].npred == 0) make_ready(p, s);
}

/* Takes the next ready step: a slot already filled, never one still waiting for its inputs,
 * so no thread holds a step it cannot run. -1 when every step has been taken. */
static int take(ph_graph *g) {
  ph_graph_parallel *p = g->par;
  for (int idle = 0;; idle++) {
    int at = atomic_load_explicit(&p->head, memory_order_relaxed);
    if (at >= g->nsteps) return -1;
    int s = atomic_load_explicit(&p->slot[at], memory_order_acquire);
    if (s >= 0) {
      if (atomic_compare_exchange_weak_explicit(&p->head, &at, at + 1, memory_order_acq_rel, memory_order_relaxed)) return s;
      continue;
    }
    /* nothing ready yet: another thread is running what it waits for */
    if (idle < 64) relax();
    else sched_yield();
  }
}

void ph_graph_work(ph_graph *g, int frames, int thread) {
  ph_graph_parallel *p = g->par;
  for (int s; (s = take(g)) >= 0;) {
    ph_graph_run_step(g, s, frames, thread);
    const ph_graph_step *step = &g->steps[s];
    for (int k = 0; k < step->nsucc; k++)
      if (atomic_fetch_sub_explicit(&p->pending[step->succ[k]], 1, memory_order_acq_rel) == 1) make_ready(p, step->succ[k]);
    atomic_fetch_add_explicit(&p->done, 1, memory_order_release);
  }
}

/* Waits until every step of the block has run (the caller has taken its last). */
void ph_graph_parallel_finish(ph_graph *g) {
  for (int idle = 0; atomic_load_explicit(&g->par->done, memory_order_acquire) < g->nsteps; idle++)
    if (idle < 64) relax();
    else sched_yield();
}
