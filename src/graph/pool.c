/* The threads that help run a graph's steps (parallel.h). A block is handed over by storing
 * the graph, opening it and bumping a generation number; threads that spin see it at once,
 * sleeping ones are woken by a semaphore post. A thread enters a block only while it is open
 * and says so (active), so the caller can reset the counters for the next block safely. */
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "graph/denormals.h"
#include "graph/parallel.h"

enum { SPINS = 2000 }; /* a few µs of waiting for the next block before a thread sleeps */

typedef struct {
  struct ph_graph_pool *pool;
  int index;
} worker_arg;

struct ph_graph_pool {
  int nthreads; /* the caller's included */
  pthread_t threads[PH_GRAPH_MAX_THREADS];
  int started;
  sem_t wake;
  _Atomic(ph_graph *) graph;
  atomic_int frames;
  atomic_uint generation;
  atomic_bool open, quit;
  atomic_int active, sleeping;
  bool always_split; /* tests: every block split, whether it pays or not */
  worker_arg args[PH_GRAPH_MAX_THREADS];
};

static inline void relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

static void *worker(void *arg) {
  ph_denormals_off(); /* for good: the thread is the pool's */
  ph_graph_pool *pool = ((worker_arg *)arg)->pool;
  int index = ((worker_arg *)arg)->index;
  unsigned seen = atomic_load(&pool->generation);
  while (!atomic_load_explicit(&pool->quit, memory_order_acquire)) {
    unsigned gen = seen;
    for (int i = 0; i < SPINS && (gen = atomic_load_explicit(&pool->generation, memory_order_acquire)) == seen; i++) relax();
    if (gen == seen) {
      atomic_fetch_add(&pool->sleeping, 1);
      if ((gen = atomic_load(&pool->generation)) == seen && !atomic_load(&pool->quit)) sem_wait(&pool->wake);
      atomic_fetch_sub(&pool->sleeping, 1);
      continue;
    }
    seen = gen;
    atomic_fetch_add_explicit(&pool->active, 1, memory_order_acq_rel);
    if (atomic_load_explicit(&pool->open, memory_order_acquire) && atomic_load(&pool->generation) == seen)
      ph_graph_work(atomic_load(&pool->graph), atomic_load(&pool->frames), index);
    atomic_fetch_sub_explicit(&pool->active, 1, memory_order_release);
  }
  return NULL;
}

ph_graph_pool *ph_graph_pool_create(int threads) {
  if (threads < 1) threads = 1;
  if (threads > PH_GRAPH_MAX_THREADS) threads = PH_GRAPH_MAX_THREADS;
  ph_graph_pool *pool = calloc(1, sizeof *pool);
  if (!pool || sem_init(&pool->wake, 0, 0) != 0) {
    free(pool);
    return NULL;
  }
  pool->nthreads = threads;
  for (int i = 1; i < threads; i++) {
    worker_arg *a = &pool->args[i];
    *a = (worker_arg){pool, i};
    if (pthread_create(&pool->threads[i], NULL, worker, a) != 0) break;
    pool->started = i;
  }
  pool->nthreads = pool->started + 1;
  return pool;
}

void ph_graph_pool_destroy(ph_graph_pool *pool) {
  if (!pool) return;
  atomic_store_explicit(&pool->quit, true, memory_order_release);
  atomic_fetch_add(&pool->generation, 1);
  for (int i = 1; i <= pool->started; i++) sem_post(&pool->wake);
  for (int i = 1; i <= pool->started; i++) pthread_join(pool->threads[i], NULL);
  sem_destroy(&pool->wake);
  free(pool);
}

int ph_graph_pool_threads(const ph_graph_pool *pool) { return pool ? pool->nthreads : 1; }

void ph_graph_pool_always_split(ph_graph_pool *pool, bool always) { pool->always_split = always; }

static void process_split(ph_graph *g, ph_graph_pool *pool, int frames) {
  for (int idle = 0; atomic_load_explicit(&pool->active, memory_order_acquire) > 0; idle++)
    if (idle < 64) relax();
    else sched_yield();
  ph_graph_parallel_reset(g, pool->nthreads);
  atomic_store(&pool->graph, g);
  atomic_store(&pool->frames, frames);
  atomic_store_explicit(&pool->open, true, memory_order_release);
  atomic_fetch_add_explicit(&pool->generation, 1, memory_order_acq_rel);
  for (int i = atomic_load(&pool->sleeping); i > 0; i--) sem_post(&pool->wake);
  ph_graph_work(g, frames, 0);
  ph_graph_parallel_finish(g, frames);
  atomic_store_explicit(&pool->open, false, memory_order_release);
  /* every thread out of the block before returning: the graph may be freed right after */
  for (int idle = 0; atomic_load_explicit(&pool->active, memory_order_acquire) > 0; idle++)
    if (idle < 64) relax();
    else sched_yield();
}

/* Splitting a block costs hand-overs between threads; whether that pays depends on the graph,
 * the machine and what else it runs. So it is measured: a trial of 2 x SAMPLES blocks
 * alternates the two ways (the same output either way, bit for bit) and the way whose median
 * time per frame is lower (split only below 0.9 of serial) is kept; while it is, every SAMPLES
 * blocks its median is measured again, and when it has become slower than the other way was,
 * or after CHOSEN blocks, a new trial. Medians: a block preempted now and then counts for
 * little, waiting for a busy thread block after block counts in full. */
enum { SAMPLES = PH_GRAPH_SPLIT_SAMPLES, TRIAL = 2 * SAMPLES, CHOSEN = 4096 };

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double median(double *x, int n) {
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && x[j - 1] > x[j]; j--) {
      double t = x[j];
      x[j] = x[j - 1];
      x[j - 1] = t;
    }
  return x[n / 2];
}

void ph_graph_process_on(ph_graph *g, ph_graph_pool *pool, int frames) {
  if (!pool || pool->nthreads < 2 || !g->prepared || g->nsteps < 2 || frames <= 0) {
    ph_graph_process(g, frames);
    return;
  }
  if (frames > g->cfg.max_block) frames = g->cfg.max_block;
  if (pool->always_split) {
    process_split(g, pool, frames);
    return;
  }
  int b = g->split.block++;
  bool split = b < TRIAL ? b % 2 : g->split.parallel;
  double start = now_seconds();
  if (split) process_split(g, pool, frames);
  else ph_graph_process(g, frames);
  double t = (now_seconds() - start) / frames;
  if (b < TRIAL) {
    g->split.times[split][b / 2] = t;
    if (b == TRIAL - 1) {
      double serial = median(g->split.times[0], SAMPLES), parallel = median(g->split.times[1], SAMPLES);
      g->split.parallel = parallel < 0.9 * serial;
      /* the way kept is dropped when it is slower than the other would be, by the same rule */
      g->split.other = g->split.parallel ? serial : parallel / 0.9;
    }
    return;
  }
  int k = (b - TRIAL) % SAMPLES;
  g->split.times[0][k] = t;
  bool slower = k == SAMPLES - 1 && median(g->split.times[0], SAMPLES) > g->split.other;
  if (slower || b + 1 >= TRIAL + CHOSEN) g->split.block = 0;
}
