/* Steady outputs (graph.h): a node whose output held one value over a block hands it to its
 * readers as a constant. For every example and benchmark workload, every such claim is true
 * (the block held that value, bit for bit), and the music is the same, bit for bit, as when no
 * output is ever steady. */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/song.h"
#include "support.h"
#include "voice/kit.h"
#include "voice/sampler.h"

#define RATE 44100
#define SECONDS 3

/* Every output a node calls steady held its first sample over the block's n samples. */
static int check_claims(const ph_graph *g, int n, const char *path, int block) {
  int claims = 0;
  for (int k = 0; k < g->count; k++) {
    const ph_graph_node *node = &g->nodes[k];
    for (int o = 0; o < node->def->noutputs; o++) {
      if (!(g->steady[k] >> o & 1u)) continue;
      claims++;
      for (int i = 1; i < n; i++)
        if (memcmp(&node->out[o][i], &node->out[o][0], sizeof(float)))
          fail_msg("%s: %s (node %d) output %d called steady in block %d moves at sample %d", path, node->def->name,
                   k, o, block, i);
    }
  }
  return claims;
}

/* SECONDS of the program; with `steady` false no node may be steady (as before they could). */
static float *render(const char *path, const char *program, ph_bank *bank, bool steady, long *claims) {
  ph_song song;
  ph_error err = {0};
  ph_voice_hooks hooks = ph_sampler_hooks(bank);
  ph_song_options opt = {.rate = RATE, .voices = &hooks};
  if (!ph_song_compile(&song, program, path, &opt, &err)) {
    ph_song_destroy(&song);
    fail_msg("%s:%d:%d: %s", path, err.line, err.column, err.message);
  }
  if (!steady) t_graph_without_steady(&song.graph);
  int frames = SECONDS * RATE;
  float *out = test_malloc(sizeof(float) * 2 * (size_t)frames);
  for (int done = 0, block = 0; done < frames; block++) {
    int n = frames - done < song.block ? frames - done : song.block;
    ph_song_process(&song, out + 2 * done, n);
    *claims += check_claims(&song.graph, n, path, block);
    done += n;
  }
  ph_song_destroy(&song);
  return out;
}

static void test_steady_claims_are_true_and_change_nothing(void **st) {
  ph_bank *bank = ph_bank_create(RATE);
  ph_kit_add_all(bank);
  glob_t found;
  t_glob_programs(PHONON_SOURCE_DIR, &found);
  long total = 0;
  int with_claims = 0;
  for (size_t f = 0; f < found.gl_pathc; f++) {
    const char *path = found.gl_pathv[f];
    char *program = t_read_file(path);
    long claims = 0, none = 0;
    float *a = render(path, program, bank, true, &claims), *b = render(path, program, bank, false, &none);
    assert_int_equal(none, 0);
    for (int i = 0; i < 2 * SECONDS * RATE; i++)
      if (memcmp(&a[i], &b[i], sizeof(float)))
        fail_msg("%s: sample %d of channel %d is %g with steady outputs, %g without", path, i / 2, i % 2, a[i], b[i]);
    print_message("%-60s %8ld outputs steady over a block\n", path, claims);
    total += claims;
    with_claims += claims > 0;
    test_free(a);
    test_free(b);
    test_free(program);
  }
  globfree(&found);
  print_message("%ld in all, in %d programs\n", total, with_claims);
  assert_true(with_claims >= 5);
  ph_bank_destroy(bank);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_steady_claims_are_true_and_change_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
