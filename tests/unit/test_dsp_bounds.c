/* Every unit that declares max_out keeps to it. The graph skips the blow-up check on a node
 * whose bound is below PH_GRAPH_BLOWUP, so a bound that is wrong lets NaN or a blow-up
 * through. Each unit is driven with inputs of random magnitudes (a constant or a buffer,
 * values up to and at that magnitude, NaN and infinity where the magnitude is unbounded),
 * and every output sample must lie within the bound its inputs' magnitudes give. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dsp/catalog.h"
#include "graph/arith.h"
#include "graph/voice_mix.h"

enum { BLOCK = 128, BLOCKS = 40, TRIALS = 400, MAX_PARAMS = 64 };

static uint32_t rng = 12345;
static uint32_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return rng;
}
static float unit_random(void) { return (float)(next() >> 8) / 16777216.0f; } /* [0, 1) */

/* A magnitude for one of `n` inputs; NaN stands for a NaN constant (a parameter not given).
 * Where a unit has many inputs, an unbounded one comes rarely enough that some trials have
 * none. */
static float pick_magnitude(int n) {
  static const float choices[] = {0.0f, 0.25f, 1.0f, 3.0f, 1e3f, 1e9f, 1e14f, INFINITY, NAN};
  int count = sizeof choices / sizeof choices[0];
  if (n > 8 && next() % (4u * (unsigned)n) != 0) count -= 2;
  return choices[next() % (unsigned)count];
}

/* A value of at most `m` in magnitude: often the extremes, sometimes anything at all when m
 * is unbounded. */
static float value_within(float m) {
  if (isinf(m)) {
    static const float wild[] = {NAN, INFINITY, -INFINITY, FLT_MAX, -FLT_MAX, 1e30f, -1e20f, 0.5f, 440.0f};
    return wild[next() % (sizeof wild / sizeof wild[0])];
  }
  switch (next() % 4) {
  case 0: return m;
  case 1: return -m;
  case 2: return 0.0f;
  default: return (2.0f * unit_random() - 1.0f) * m;
  }
}

/* Runs one trial of `def` (its state bound by `bind` when not NULL); returns 1 when its bound
 * was finite (and so checked). */
static int trial(const ph_unit_def *def, double rate, void (*bind)(void *state)) {
  float in_max[MAX_PARAMS];
  ph_cable cables[MAX_PARAMS];
  static float bufs[MAX_PARAMS][BLOCK];
  bool buffered[MAX_PARAMS];
  for (int p = 0; p < def->nparams; p++) {
    in_max[p] = pick_magnitude(def->nparams);
    buffered[p] = !isnan(in_max[p]) && next() % 2;
    cables[p] = (ph_cable){buffered[p] ? bufs[p] : NULL, isnan(in_max[p]) ? NAN : value_within(in_max[p])};
  }
  float bound = def->max_out(in_max);
  if (!(bound < INFINITY)) return 0;
  ph_dsp_config cfg = {rate, BLOCK, next()};
  void *state = calloc(1, def->state_size(&cfg) + 1);
  def->init(state, &cfg);
  if (bind) bind(state);
  float out_bufs[4][BLOCK];
  float *outs[4] = {out_bufs[0], out_bufs[1], out_bufs[2], out_bufs[3]};
  for (int b = 0; b < BLOCKS; b++) {
    for (int p = 0; p < def->nparams; p++)
      if (buffered[p]) {
        /* Held values and jumps alike: a run of one value, then another. */
        float v = value_within(in_max[p]);
        for (int i = 0; i < BLOCK; i++) {
          if (next() % 16 == 0) v = value_within(in_max[p]);
          bufs[p][i] = v;
        }
      }
    int frames = b % 5 == 4 ? 1 + (int)(next() % BLOCK) : BLOCK;
    ph_dsp_inputs inputs = {cables, def->nparams};
    def->process(state, &inputs, outs, frames);
    for (int o = 0; o < def->noutputs; o++)
      for (int i = 0; i < frames; i++)
        if (!(fabsf(outs[o][i]) <= bound)) {
          char inputs_text[512] = "";
          for (int p = 0; p < def->nparams && strlen(inputs_text) < 400; p++)
            snprintf(inputs_text + strlen(inputs_text), sizeof inputs_text - strlen(inputs_text), " %s%s=%g",
                     def->params[p].name, buffered[p] ? "[buf]" : "", buffered[p] ? (double)in_max[p] : (double)cables[p].constant);
          fail_msg("%s at %g Hz, block %d sample %d: %g beyond its bound %g; inputs%s", def->name, rate, b, i,
                   (double)outs[o][i], (double)bound, inputs_text);
        }
  }
  free(state);
  return 1;
}

static void check_bound_unit(const ph_unit_def *def, void (*bind)(void *state)) {
  if (!def->max_out) return;
  assert_true(def->nparams <= MAX_PARAMS && def->noutputs <= 4);
  int checked = 0;
  for (int t = 0; t < TRIALS; t++) checked += trial(def, t % 3 ? 44100.0 : 8000.0, bind);
  if (checked < TRIALS / 20) fail_msg("%s: only %d of %d trials had a finite bound", def->name, checked, TRIALS);
}

static void check_unit(const ph_unit_def *def) { check_bound_unit(def, NULL); }

static void test_catalog_units_keep_their_bounds(void **st) {
  (void)st;
  int declared = 0;
  for (int i = 0; i < ph_dsp_unit_count(); i++) {
    const ph_unit_def *def = ph_dsp_unit_at(i);
    declared += def->max_out != NULL;
    check_unit(def);
  }
  assert_true(declared >= 7); /* the oscillators, noise and segments at least */
}

static void test_arithmetic_keeps_its_bounds(void **st) {
  (void)st;
  const ph_unit_def *defs[] = {&ph_unit_add, &ph_unit_sub, &ph_unit_mul, &ph_unit_div, &ph_unit_bus};
  for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
    assert_non_null(defs[i]->max_out);
    check_unit(defs[i]);
  }
}

/* A synth's voices summed: every copy sounding in runs that start and stop within the block. */
static void bind_voices(void *state) {
  static ph_gate sounding[PH_VOICE_MIX_MAX];
  for (int k = 0; k < PH_VOICE_MIX_MAX; k++)
    sounding[k] = (ph_gate){2, {{0, 5 * k + 1, true}, {5 * k + 9, BLOCK, false}}};
  ph_voice_mix_bind(state, sounding, PH_VOICE_MIX_MAX, true);
}

static void test_voice_mix_keeps_its_bound(void **st) {
  (void)st;
  assert_non_null(ph_unit_voice_mix.max_out);
  check_bound_unit(&ph_unit_voice_mix, bind_voices);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_catalog_units_keep_their_bounds),
      cmocka_unit_test(test_arithmetic_keeps_its_bounds),
      cmocka_unit_test(test_voice_mix_keeps_its_bound),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
