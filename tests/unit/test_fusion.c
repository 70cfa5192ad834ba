/* Sums of products (graph.c, fuse_sums): a chain a·b + c·d + … runs as one node, with the
 * numbers of the chain of muls and adds it replaces; and a bus that only passes a signal on is
 * read through (forward_buses). For every example and benchmark workload the music is the
 * same, bit for bit, as with every bus, + and * a node of its own (and every twin, two nodes
 * reading the same inputs, run apart); and the chains are folded where they may be, and only
 * there. */
#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/arith.h"
#include "graph/song.h"
#include "support.h"
#include "voice/kit.h"
#include "voice/sampler.h"

#define RATE 44100
#define SECONDS 2

typedef struct {
  int steps, sums, terms, buses, twins; /* steps run; sum nodes among them and their terms; buses; nodes merged */
} shape;

/* SECONDS of the program, fused or as written; the shape of the graph that ran. */
static float *render(const char *path, const char *program, ph_bank *bank, bool unfused, shape *sh) {
  ph_song song;
  ph_error err = {0};
  ph_voice_hooks hooks = ph_sampler_hooks(bank);
  ph_song_options opt = {.rate = RATE, .voices = &hooks, .unfused = unfused};
  if (!ph_song_compile(&song, program, path, &opt, &err)) {
    ph_song_destroy(&song);
    fail_msg("%s:%d:%d: %s", path, err.line, err.column, err.message);
  }
  const ph_graph *g = &song.graph;
  *sh = (shape){g->nsteps, 0, 0, 0, 0};
  for (int i = 0; i < g->count; i++) sh->twins += g->nodes[i].twin >= 0;
  for (int s = 0; s < g->nsteps; s++) {
    const ph_unit_def *def = g->nodes[g->order[g->steps[s].first]].def;
    int terms = ph_unit_sum_terms(def);
    sh->sums += terms > 0;
    sh->terms += terms;
    sh->buses += def == &ph_unit_bus;
  }
  return t_song_render(&song, SECONDS * RATE);
}

/* Renders both ways, fails on the first sample that differs; the fused graph's shape. */
static shape compare(const char *path, const char *program, ph_bank *bank) {
  shape fused, plain;
  float *a = render(path, program, bank, false, &fused), *b = render(path, program, bank, true, &plain);
  assert_int_equal(plain.sums, 0);
  assert_int_equal(plain.twins, 0);
  for (int i = 0; i < 2 * SECONDS * RATE; i++)
    if (memcmp(&a[i], &b[i], sizeof(float)))
      fail_msg("%s: sample %d of channel %d is %g fused, %g as written", path, i / 2, i % 2, a[i], b[i]);
  print_message("%-60s %4d steps as written, %4d fused (%d sums of %d terms; buses %d of %d; %d twins)\n", path,
                plain.steps, fused.steps, fused.sums, fused.terms, fused.buses, plain.buses, fused.twins);
  assert_true(fused.buses <= plain.buses);
  assert_true(fused.sums || fused.buses < plain.buses || fused.twins ? fused.steps < plain.steps
                                                                     : fused.steps == plain.steps);
  test_free(a);
  test_free(b);
  return fused;
}

static void test_every_program_sounds_the_same_fused(void **st) {
  ph_bank *bank = ph_bank_create(RATE);
  ph_kit_add_all(bank);
  glob_t found;
  t_glob_programs(PHONON_SOURCE_DIR, &found);
  int with_sums = 0, buses = 0;
  for (size_t f = 0; f < found.gl_pathc; f++) {
    char *program = t_read_file(found.gl_pathv[f]);
    shape sh = compare(found.gl_pathv[f], program, bank);
    with_sums += sh.sums > 0;
    buses += sh.buses;
    test_free(program);
  }
  globfree(&found);
  assert_true(with_sums >= 5);
  print_message("%d buses left in all\n", buses);
  ph_bank_destroy(bank);
}

/* A chain of n products, "out $ sine 101 * 0.01 + sine 102 * 0.02 + …", then `tail`. */
static char *products(int n, double scale, const char *tail) {
  char *text = test_malloc((size_t)n * 64 + strlen(tail) + 16);
  int len = sprintf(text, "out $ ");
  for (int k = 1; k <= n; k++) len += sprintf(text + len, "%ssine %d * %g", k > 1 ? " + " : "", 100 + k, scale * k);
  sprintf(text + len, "%s\n", tail);
  return text;
}

static void test_chains_fold_where_they_may(void **st) {
  ph_bank *bank = ph_bank_create(RATE);
  /* 20 products: a sum of 16 terms, then one of 5 (the first sum and four products) */
  char *text = products(20, 0.002, "");
  shape sh = compare("20 products", text, bank);
  assert_int_equal(sh.sums, 2);
  assert_int_equal(sh.terms, 21);
  test_free(text);
  static const struct {
    const char *what, *program;
    int sums, terms, steps; /* steps 0: not counted here */
  } cases[] = {
      /* each term its value times 1 */
      {"plain terms", "out $ sine 100 + sine 200 + sine 300 + saw 50\n", 1, 4, 5},
      /* an infinite constant is no term (the add it is in makes its sums 0, and stays): that
       * add is the first term of the sum after it */
      {"an infinite term", "out $ sine 440 * 0.5 + 1e39 + sine 220 * 0.25 + sine 110 * 0.125\n", 1, 3, 0},
      /* a bus is read elsewhere: its sum stays whole, a term of the next */
      {"a bus", "~a $ sine 300 * 0.2 + sine 400 * 0.2\nout $ ~a + sine 500 * 0.2\no2 $ ~a * 0.5\n", 2, 4, 0},
      /* a product the guard watches (it can pass PH_GRAPH_BLOWUP) stays a node of its own, to
       * be silenced alone (test_blowup): three sines, that product and the sum */
      {"a watched term", "out $ sine 440 * 0.25 + sine 3 * 1e20 + sine 220 * 0.25\n", 1, 3, 5},
      /* a bus a pattern samples (fast ~speed) is read by the pattern's query, from outside the
       * graph's inputs: it stays a node (what it carries is fused as any sum) */
      {"a sampled bus", "~speed $ sine 0.5 * 0.5 + 1.5\nout $ sine \"220 330\" $ fast ~speed\n", 1, 2, 5},
      /* a sum on the right is added last, as written: a term, not spliced */
      {"a sum on the right", "out $ sine 300 * 0.2 + (sine 400 * 0.2 + sine 500 * 0.2)\n", 2, 4, 0},
  };
  for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
    sh = compare(cases[c].what, cases[c].program, bank);
    assert_int_equal(sh.sums, cases[c].sums);
    assert_int_equal(sh.terms, cases[c].terms);
    if (cases[c].steps) assert_int_equal(sh.steps, cases[c].steps);
  }
  ph_bank_destroy(bank);
}

/* The sum node's samples against the chain's, unit against units: factors that are buffers
 * and constants, products and partial sums past the largest float (0 from there, and the sum
 * goes on), 37 samples (a tile of 32 and a rest). */
static void test_the_sum_is_the_chain(void **st) {
  enum { FRAMES = 37, TERMS = 5 };
  static float a[TERMS][FRAMES], b[TERMS][FRAMES], chain[FRAMES], product[FRAMES], fused[FRAMES];
  for (int k = 0; k < TERMS; k++)
    for (int i = 0; i < FRAMES; i++) {
      a[k][i] = (float)((k + 1) * (i % 7 - 3)) * 3e37f;
      b[k][i] = 1.0f + 0.25f * (float)((i + k) % 5);
    }
  const float constants[TERMS] = {0, 0.5f, 0, 0, 2.0f}; /* terms 1 and 4: a constant second factor */
  ph_cable cables[2 * TERMS];
  for (int k = 0; k < TERMS; k++) {
    cables[2 * k] = (ph_cable){a[k], 0};
    cables[2 * k + 1] = constants[k] != 0 ? (ph_cable){NULL, constants[k]} : (ph_cable){b[k], 0};
  }
  char state[1];
  float *out = chain;
  for (int k = 0; k < TERMS; k++) {
    float *p = product;
    ph_dsp_inputs mul = {&cables[2 * k], 2};
    ph_unit_mul.process(state, &mul, &p, FRAMES);
    if (k == 0) {
      memcpy(chain, product, sizeof chain);
      continue;
    }
    ph_cable sum_cables[2] = {{chain, 0}, {product, 0}};
    ph_dsp_inputs add = {sum_cables, 2};
    ph_unit_add.process(state, &add, &out, FRAMES);
  }
  const ph_unit_def *sum = ph_unit_sum(TERMS);
  assert_int_equal(ph_unit_sum_terms(sum), TERMS);
  float *f = fused;
  ph_dsp_inputs in = {cables, 2 * TERMS};
  sum->process(state, &in, &f, FRAMES);
  int overflowed = 0;
  for (int i = 0; i < FRAMES; i++) {
    if (memcmp(&chain[i], &fused[i], sizeof(float))) fail_msg("sample %d: %g fused, %g chained", i, fused[i], chain[i]);
    volatile float plain = 0; /* the sum without the zeroing: infinite where a partial sum was */
    for (int k = 0; k < TERMS; k++) plain += a[k][i] * (constants[k] != 0 ? constants[k] : b[k][i]);
    overflowed += !isfinite(plain) && fused[i] != 0.0f;
  }
  print_message("%d of %d samples went on from a partial sum past the largest float\n", overflowed, FRAMES);
  assert_true(overflowed > 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_program_sounds_the_same_fused),
      cmocka_unit_test(test_chains_fold_where_they_may),
      cmocka_unit_test(test_the_sum_is_the_chain),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
