/* Query throughput of dense patterns: events per second, one core. Not a test. */
#include <stdio.h>
#include <time.h>

#include "pattern/mini.h"
#include "pattern/registry.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const char *const workloads[] = {
    "bd*16 [sn cp]*8, hh*32",
    "[bd sn? [hh hh] <cp oh>]*8, bd(5,8,<0 2>)*4",
    "{a b c, d e f g}%16 . [0 .. 7]*2",
    "<[a b]*4 [c d e]*3, f*<5 7>>*4",
};

static void run(const char *mini, const char *transform, double factor) {
  ph_arena build, query;
  ph_arena_init(&build, 1 << 16);
  ph_arena_init(&query, 1 << 22);
  ph_error err = {0};
  ph_pat *pat = ph_mini_parse(&build, mini, &err);
  if (pat && transform) {
    ph_pat *arg = ph_pure(&build, ph_num(factor));
    pat = ph_transform_find(transform)->apply(&build, &arg, pat, &err);
  }
  if (!pat) {
    printf("%-48s  skipped: %s\n", mini, err.message);
    goto done;
  }
  long events = 0;
  int cycles = 0;
  double start = now(), elapsed = 0;
  while ((elapsed = now() - start) < 0.5) {
    /* Query a cycle in 8 blocks, as the audio thread will. */
    for (int b = 0; b < 8; b++) {
      ph_span s = {ph_rat_make(cycles * 8 + b, 8), ph_rat_make(cycles * 8 + b + 1, 8)};
      ph_haps h = ph_pat_query_span(pat, &query, s, &err);
      events += (long)h.count;
      ph_arena_reset(&query);
    }
    cycles++;
  }
  printf("%-48s %-9s %10.0f events/s  %8.0f cycles/s\n", mini, transform ? transform : "", events / elapsed,
         cycles / elapsed);
done:
  ph_arena_destroy(&build);
  ph_arena_destroy(&query);
}

int main(void) {
  printf("pattern query throughput (each cycle queried in 8 blocks)\n");
  for (size_t i = 0; i < sizeof workloads / sizeof *workloads; i++) run(workloads[i], NULL, 0);
  run(workloads[0], "fast", 4);
  run(workloads[1], "slow", 1.5);
  return 0;
}
