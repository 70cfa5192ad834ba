#include "graph/parallel.h"

#include <limits.h>
#include <sched.h>
#include <stdatomic.h>

enum { LINE = 64 / sizeof(atomic_uint) }; /* flags a cache line holds */
/* Pauses before a thread waiting within a block yields its core: the step it waits for is
 * being run by another thread, so it comes soon, and a yield costs more than it saves. */
enum { SPIN = 4096 };

struct ph_graph_parallel {
  int nthreads;    /* the threads the plan deals to; 0: no plan yet */
  int *pred;       /* per step, pred[pred_at[s] .. pred_at[s + 1]): the steps it reads */
  int *pred_at;
  int *list;       /* thread t's steps, in order: list[list_at[t] .. list_at[t + 1]) */
  int *list_at;
  int *owner;      /* per step: its thread */
  int *flag_of;    /* per step: its flag in `done` (each thread's flags on lines of their own) */
  atomic_uint *done; /* the block in which the step last ran */
  atomic_uint *claim;    /* per thread, a line apart: the block whose list is taken */
  atomic_uint *finished; /* per thread, a line apart: the block whose list has run */
  unsigned block;
};

ph_graph_parallel *ph_graph_parallel_new(ph_graph *g) {
  ph_arena *a = &g->arena;
  ph_graph_parallel *p = ph_arena_zalloc(a, sizeof *p);
  if (!p) return NULL;
  size_t n = (size_t)(g->nsteps ? g->nsteps : 1), edges = 0;
  for (int s = 0; s < g->nsteps; s++) edges += (size_t)g->steps[s].nsucc;
  p->pred = PH_ARENA_ARRAY(a, int, edges ? edges : 1);
  p->pred_at = ph_arena_zalloc(a, (n + 1) * sizeof(int));
  p->list = PH_ARENA_ARRAY(a, int, n);
  p->list_at = PH_ARENA_ARRAY(a, int, PH_GRAPH_MAX_THREADS + 1);
  p->owner = PH_ARENA_ARRAY(a, int, n);
  p->flag_of = PH_ARENA_ARRAY(a, int, n);
  p->done = ph_arena_zalloc(a, (n + (size_t)PH_GRAPH_MAX_THREADS * LINE + LINE) * sizeof(atomic_uint));
  p->claim = ph_arena_zalloc(a, (size_t)PH_GRAPH_MAX_THREADS * LINE * sizeof(atomic_uint));
  p->finished = ph_arena_zalloc(a, (size_t)PH_GRAPH_MAX_THREADS * LINE * sizeof(atomic_uint));
  if (!p->pred || !p->pred_at || !p->list || !p->list_at || !p->owner || !p->flag_of || !p->done || !p->claim ||
      !p->finished)
    return NULL;
  for (int s = 0; s < g->nsteps; s++)
    for (int k = 0; k < g->steps[s].nsucc; k++) p->pred_at[g->steps[s].succ[k] + 1]++;
  for (int s = 0; s < g->nsteps; s++) p->pred_at[s + 1] += p->pred_at[s];
  int *fill = p->owner; /* scratch until the plan */
  for (int s = 0; s < g->nsteps; s++) fill[s] = p->pred_at[s];
  for (int s = 0; s < g->nsteps; s++)
    for (int k = 0; k < g->steps[s].nsucc; k++) p->pred[fill[g->steps[s].succ[k]]++] = s;
  return p;
}

/* Deals the steps to threads so that what a step reads is mostly made on its own thread: a
 * buffer read from another core crosses between caches, which can cost more than computing it.
 * Each step belongs to the first step that reads it, which makes trees, each step weighing one
 * plus what belongs to it. From the last step back, a step goes where the step it belongs to
 * went, unless that one is heavy (more than a share of the graph: a mix of many voices or
 * oscillators, a chain of sums) and the step is a branch worth moving (a voice, a sum of
 * oscillators, not one oscillator) that the least loaded thread can take without ending up
 * the heavier: then it goes there, with everything that belongs to it. No allocation: it may
 * run on the audio thread, once per pool size. */
static void plan(ph_graph *g, int nthreads) {
  ph_graph_parallel *p = g->par;
  int load[PH_GRAPH_MAX_THREADS] = {0}, count[PH_GRAPH_MAX_THREADS] = {0};
  int *parent = p->list, *weight = p->flag_of; /* scratch until the lists are made */
  int share = g->nsteps / (2 * nthreads), branch = g->nsteps / (8 * nthreads);
  if (branch < 2) branch = 2;
  for (int s = 0; s < g->nsteps; s++) {
    parent[s] = g->steps[s].nsucc ? g->steps[s].succ[0] : -1; /* succ is in the graph's order */
    weight[s] = 1;
  }
  for (int s = 0; s < g->nsteps; s++)
    if (parent[s] >= 0) weight[parent[s]] += weight[s];
  for (int s = g->nsteps - 1; s >= 0; s--) {
    int up = parent[s], t = up >= 0 ? p->owner[up] : 0, least = 0;
    for (int u = 1; u < nthreads; u++)
      if (load[u] < load[least]) least = u;
    if (up < 0) {
      t = least;
      load[t] += weight[s];
    } else if (weight[up] > share && weight[s] >= branch && load[least] + weight[s] < load[t]) {
      load[t] -= weight[s];
      load[t = least] += weight[s];
    }
    p->owner[s] = t;
    count[t]++;
  }
  p->list_at[0] = 0;
  for (int t = 0; t < nthreads; t++) p->list_at[t + 1] = p->list_at[t] + count[t];
  int at[PH_GRAPH_MAX_THREADS];
  for (int t = 0; t < nthreads; t++) at[t] = p->list_at[t];
  for (int s = 0; s < g->nsteps; s++) {
    int t = p->owner[s];
    p->list[at[t]] = s;
    /* thread t's flags start on a line of their own */
    p->flag_of[s] = at[t]++ + (t + 1) * LINE;
  }
  for (int k = 0; k < g->nsteps + (nthreads + 1) * LINE; k++)
    atomic_store_explicit(&p->done[k], 0, memory_order_relaxed);
  for (int t = 0; t < nthreads; t++) {
    atomic_store_explicit(&p->claim[t * LINE], 0, memory_order_relaxed);
    atomic_store_explicit(&p->finished[t * LINE], 0, memory_order_relaxed);
  }
  p->block = 0;
  p->nthreads = nthreads;
}

static inline void relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

void ph_graph_parallel_reset(ph_graph *g, int nthreads) {
  /* a new plan clears the flags: also before the block number would come round again */
  if (g->par->nthreads != nthreads || g->par->block == UINT_MAX) plan(g, nthreads);
  g->par->block++;
}

static bool take_list(ph_graph_parallel *p, int t, unsigned block) {
  unsigned was = atomic_load_explicit(&p->claim[t * LINE], memory_order_relaxed);
  return was != block && atomic_compare_exchange_strong_explicit(&p->claim[t * LINE], &was, block,
                                                                 memory_order_acq_rel, memory_order_relaxed);
}

/* Runs the lists in `owned` (a bit per thread, taken by `runner`, whose scratch it uses) as one
 * list in the graph's order. A step whose input comes from a list nobody has taken (its
 * thread asleep, or not yet at the block) takes that list too, and runs its earlier steps
 * first; otherwise it waits for the flag. No two runners can wait for each other: each has run
 * every step of its own lists before the one it waits at, so each waits for a later step than
 * the other has reached. With `all`, every list not yet taken is taken first. */
static void run_lists(ph_graph *g, int frames, int runner, unsigned block, unsigned owned, bool all) {
  ph_graph_parallel *p = g->par;
  int next[PH_GRAPH_MAX_THREADS];
  unsigned marked = 0;
  for (int t = 0; t < p->nthreads; t++) {
    if (all && !(owned >> t & 1u) && take_list(p, t, block)) owned |= 1u << t;
    next[t] = p->list_at[t];
  }
  for (;;) {
    int best = -1, s = g->nsteps;
    for (int t = 0; t < p->nthreads; t++) {
      if (!(owned >> t & 1u)) continue;
      if (next[t] < p->list_at[t + 1]) {
        if (p->list[next[t]] < s) best = t, s = p->list[next[t]];
      } else if (!(marked >> t & 1u)) {
        marked |= 1u << t;
        atomic_store_explicit(&p->finished[t * LINE], block, memory_order_release);
      }
    }
    if (best < 0) return;
    bool took = false;
    for (int e = p->pred_at[s]; e < p->pred_at[s + 1] && !took; e++) {
      int q = p->pred[e], u = p->owner[q];
      if (owned >> u & 1u) continue; /* run already: earlier in this order */
      for (int idle = 0; atomic_load_explicit(&p->done[p->flag_of[q]], memory_order_acquire) != block; idle++) {
        if (take_list(p, u, block)) {
          owned |= 1u << u;
          took = true;
          break;
        }
        if (idle < SPIN) relax();
        else sched_yield();
      }
    }
    if (took) continue; /* the list taken has earlier steps */
    if (!ph_graph_call_idle(&g->calls[s])) ph_graph_run_step(g, s, frames, runner);
    atomic_store_explicit(&p->done[p->flag_of[s]], block, memory_order_release);
    next[best]++;
  }
}

void ph_graph_work(ph_graph *g, int frames, int thread) {
  ph_graph_parallel *p = g->par;
  unsigned block = p->block;
  if (thread < p->nthreads && take_list(p, thread, block)) run_lists(g, frames, thread, block, 1u << thread, false);
}

void ph_graph_parallel_finish(ph_graph *g, int frames) {
  ph_graph_parallel *p = g->par;
  unsigned block = p->block;
  run_lists(g, frames, 0, block, 0, true);
  for (int t = 0; t < p->nthreads; t++)
    for (int idle = 0; atomic_load_explicit(&p->finished[t * LINE], memory_order_acquire) != block; idle++)
      if (idle < SPIN) relax();
      else sched_yield();
}
