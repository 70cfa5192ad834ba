/* Every parameter of every unit in the catalog is a signal: for each one, a buffer holding
 * its default sounds exactly like the constant default, and a buffer that steps to another
 * value halfway changes the output from that point on (and not before). A saw at 220 Hz plus a
 * sine at 97 Hz (-1..1, with steps and slopes) feeds the chain input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dsp_measure.h"

enum { FRAMES = 48000, HALF = FRAMES / 2 };

static bool is_gate(const ph_param_def *p) { return !strcmp(p->unit, "gate") || !strcmp(p->unit, "trigger"); }

/* Where a parameter stands: its default; for one absent by default (a further level or
 * signal), a short time or a small value. */
static float base_value(const ph_param_def *p) {
  if (!strcmp(p->unit, "cycle")) return 0.5f; /* so that a step down starts a cycle */
  if (!isnan(p->def)) return p->def;
  return !strcmp(p->unit, "s") ? 0.01f : 0.25f;
}

/* Where the parameter under test stands: where the others do, but a trigger whose default
 * strikes once at the start (an instrument's 1) at 0, so that the step strikes anew. */
static float standing_value(const ph_param_def *p) {
  return !strcmp(p->unit, "trigger") && p->def > 0.5f ? 0.0f : base_value(p);
}

/* Another value in the parameter's range, clearly different from where it stands. */
static float other_value(const ph_param_def *p) {
  float d = standing_value(p);
  if (is_gate(p)) return d > 0.5f ? 0.0f : 1.0f;
  if (!strcmp(p->unit, "cycle")) return 0.25f;
  float v = d != 0.0f ? d * 1.5f : 0.25f * (p->max > 0.0f ? p->max : p->min);
  if (v > p->max || v < p->min) v = d * 0.5f;
  return v;
}

/* A buffer some parameters need for the others to be heard, or NULL: a position in the cycle
 * at 4 cycles a second, a gate opening every 100 ms, select's index running through all. */
static float *context(const ph_unit_def *d, const ph_param_def *p, float *input) {
  static float buf[8][FRAMES];
  int which = -1;
  if (!strcmp(p->unit, "cycle")) which = 0;
  else if (is_gate(p) && !p->is_input) which = 1;
  else if (!strcmp(d->name, "select") && !strcmp(p->name, "index")) which = 2;
  if (which < 0) return p->is_input ? input : NULL;
  for (int i = 0; i < FRAMES; i++)
    buf[which][i] = which == 0 ? (float)fmod(4.0 * i / SR, 1.0) : which == 1 ? (float)((i / 2400) % 2 == 0) : (float)((i / 100) % 8);
  return buf[which];
}

/* segments: times short enough for all eight levels between two triggers */
static void short_segments(const ph_unit_def *d, t_param *p) {
  if (strcmp(d->name, "segments") != 0) return;
  p[ph_dsp_param_index(d, "times")].constant = 0.01f;
  for (int j = 0; j < 8; j++) p[j].constant = (float)(j % 2); /* levels up and down */
}

static void test_every_parameter_is_a_signal(void **st) {
  float *input = malloc(FRAMES * sizeof(float)), *same = malloc(FRAMES * sizeof(float)),
        *step = malloc(FRAMES * sizeof(float));
  for (int i = 0; i < FRAMES; i++)
    input[i] = (float)(fmod(220.0 * i / SR, 1.0) - 0.5 + 0.5 * sin(PH_DSP_TWO_PI * 97.0 * i / SR));
  int checked = 0;
  for (int u = 0; u < ph_dsp_unit_count(); u++) {
    const ph_unit_def *d = ph_dsp_unit_at(u);
    for (int k = 0; k < d->nparams; k++) {
      if (d->params[k].is_input) continue;
      t_param p[32];
      for (int j = 0; j < d->nparams; j++) p[j] = (t_param){context(d, &d->params[j], input), base_value(&d->params[j])};
      short_segments(d, p);
      /* pm's MOD is silent by default, which would leave INDEX nothing to scale */
      if (strcmp(d->name, "pm") == 0 && k != 1) p[1].buf = input;
      p[k].buf = NULL; /* the parameter under test stands still, then steps */
      p[k].constant = standing_value(&d->params[k]);
      float *base = t_render(d->name, p, FRAMES);
      for (int i = 0; i < FRAMES; i++) same[i] = p[k].constant;
      p[k].buf = same;
      float *buffered = t_render(d->name, p, FRAMES);
      if (memcmp(base, buffered, FRAMES * sizeof(float)) != 0)
        fail_msg("%s: a buffer of %s's default sounds different from the constant", d->name, d->params[k].name);
      float alt = other_value(&d->params[k]);
      for (int i = 0; i < FRAMES; i++) step[i] = i < HALF ? p[k].constant : alt;
      p[k].buf = step;
      float *moved = t_render(d->name, p, FRAMES);
      int first = 0;
      while (first < FRAMES && base[first] == moved[first]) first++;
      if (first < HALF || first == FRAMES)
        fail_msg("%s: stepping %s from %g to %g at sample %d changed sample %d first", d->name,
                 d->params[k].name, p[k].constant, alt, HALF, first);
      assert_true(t_all_finite(moved, FRAMES));
      free(base);
      free(buffered);
      free(moved);
      checked++;
    }
  }
  print_message("%d parameters of %d units modulated\n", checked, ph_dsp_unit_count());
  assert_true(checked >= 20);
  free(input);
  free(same);
  free(step);
}

/* The block size never changes the sound: one sample at a time (as inside a feedback loop),
 * odd sizes and whole blocks give the same samples, every output, bit for bit. */
static void test_block_size_does_not_change_the_sound(void **st) {
  const int n = 4000, sizes[] = {1, 7, 128, 1000};
  float *input = malloc(n * sizeof(float)), *mod = malloc(n * sizeof(float));
  for (int i = 0; i < n; i++) {
    input[i] = (float)(fmod(220.0 * i / SR, 1.0) - 0.5 + 0.5 * sin(PH_DSP_TWO_PI * 97.0 * i / SR));
    mod[i] = (float)(1.0 + 0.3 * sin(PH_DSP_TWO_PI * 3.0 * i / SR));
  }
  for (int u = 0; u < ph_dsp_unit_count(); u++) {
    const ph_unit_def *d = ph_dsp_unit_at(u);
    /* the first non-input parameter modulated (default times mod), the rest constant */
    float *scaled = malloc(n * sizeof(float));
    t_param p[32];
    bool modulated = false;
    for (int j = 0; j < d->nparams; j++) {
      p[j] = (t_param){d->params[j].is_input ? input : NULL, base_value(&d->params[j])};
      if (!d->params[j].is_input && !modulated) {
        for (int i = 0; i < n; i++) scaled[i] = base_value(&d->params[j]) * mod[i];
        p[j].buf = scaled;
        modulated = true;
      }
    }
    float *ref[8], *got[8];
    for (int o = 0; o < d->noutputs; o++) ref[o] = calloc(n, sizeof(float)), got[o] = calloc(n, sizeof(float));
    t_unit a = t_unit_new(d->name, SR, 1000, 3);
    t_unit_run_outs(&a, p, ref, n, 1000);
    t_unit_free(&a);
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
      t_unit b = t_unit_new(d->name, SR, 1000, 3);
      t_unit_run_outs(&b, p, got, n, sizes[k]);
      t_unit_free(&b);
      for (int o = 0; o < d->noutputs; o++)
        if (memcmp(ref[o], got[o], n * sizeof(float)) != 0)
          fail_msg("%s: output %d in blocks of %d differs from blocks of 1000", d->name, o, sizes[k]);
    }
    for (int o = 0; o < d->noutputs; o++) free(ref[o]), free(got[o]);
    free(scaled);
  }
  free(input);
  free(mod);
}

/* A unit that calls itself pointwise (graph: constant inputs make steady outputs) has no
 * memory: each sample of a block in which every input moves is what a fresh unit gives for
 * those inputs held as constants, over eight samples alike. */
static void test_pointwise_units_hear_the_same_sample_alone(void **st) {
  enum { N = 300, HOLD = 8 };
  int tested = 0;
  uint32_t seed = 12345;
  for (int u = 0; u < ph_dsp_unit_count(); u++) {
    const ph_unit_def *d = ph_dsp_unit_at(u);
    if (!d->pointwise) continue;
    float *in[32], *whole[8];
    t_param p[32];
    for (int j = 0; j < d->nparams; j++) {
      const ph_param_def *q = &d->params[j];
      float base = base_value(q), spread = fabsf(base) > 1.0f ? fabsf(base) : 1.0f;
      in[j] = malloc(N * sizeof(float));
      for (int i = 0; i < N; i++) {
        seed = seed * 1664525u + 1013904223u;
        float x = (float)(seed >> 8) / 16777216.0f;
        float v = is_gate(q) ? (float)(x > 0.5f) : !strcmp(q->unit, "cycle") ? x : base + (x - 0.5f) * 2.0f * spread;
        in[j][i] = ph_dsp_clampf(v, q->min, q->max);
      }
      p[j] = (t_param){in[j], 0};
    }
    for (int o = 0; o < d->noutputs; o++) whole[o] = calloc(N, sizeof(float));
    t_unit a = t_unit_new(d->name, SR, N, 3);
    t_unit_run_outs(&a, p, whole, N, N);
    t_unit_free(&a);
    for (int i = 0; i < N; i++) {
      t_param k[32];
      for (int j = 0; j < d->nparams; j++) k[j] = (t_param){NULL, in[j][i]};
      float held[8][HOLD], *outs[8];
      for (int o = 0; o < d->noutputs; o++) outs[o] = held[o];
      t_unit b = t_unit_new(d->name, SR, HOLD, 3);
      t_unit_run_outs(&b, k, outs, HOLD, HOLD);
      t_unit_free(&b);
      for (int o = 0; o < d->noutputs; o++)
        for (int h = 0; h < HOLD; h++)
          if (memcmp(&held[o][h], &whole[o][i], sizeof(float)))
            fail_msg("%s: output %d at sample %d is %g; its inputs held give %g at %d", d->name, o, i, whole[o][i],
                     held[o][h], h);
    }
    for (int j = 0; j < d->nparams; j++) free(in[j]);
    for (int o = 0; o < d->noutputs; o++) free(whole[o]);
    tested++;
  }
  print_message("%d pointwise units\n", tested);
  assert_true(tested >= 12);
}

/* Only a unit that says it is seeded sounds different for another seed: the graph merges
 * two nodes of any other unit that read the same inputs, so they must sound the same bit for
 * bit. A seeded one must differ, or it would be merged and lose nothing. */
static void test_only_seeded_units_sound_their_seed(void **st) {
  const int n = 9600;
  float *input = malloc(n * sizeof(float));
  for (int i = 0; i < n; i++) input[i] = (float)(fmod(220.0 * i / SR, 1.0) - 0.5 + 0.5 * sin(PH_DSP_TWO_PI * 97.0 * i / SR));
  int seeded = 0;
  for (int u = 0; u < ph_dsp_unit_count(); u++) {
    const ph_unit_def *d = ph_dsp_unit_at(u);
    t_param p[32];
    for (int j = 0; j < d->nparams; j++) p[j] = (t_param){context(d, &d->params[j], input), base_value(&d->params[j])};
    short_segments(d, p);
    float *one[8], *other[8];
    for (int o = 0; o < d->noutputs; o++) one[o] = calloc(n, sizeof(float)), other[o] = calloc(n, sizeof(float));
    t_unit a = t_unit_new(d->name, SR, 128, 1), b = t_unit_new(d->name, SR, 128, 0x9e3779b9u);
    t_unit_run_outs(&a, p, one, n, 128);
    t_unit_run_outs(&b, p, other, n, 128);
    t_unit_free(&a);
    t_unit_free(&b);
    bool same = true;
    for (int o = 0; o < d->noutputs; o++) same &= !memcmp(one[o], other[o], n * sizeof(float));
    if (d->seeded && same) fail_msg("%s says it is seeded, but two seeds sound the same", d->name);
    if (!d->seeded && !same) fail_msg("%s sounds different for another seed: it must say it is seeded", d->name);
    seeded += d->seeded;
    for (int o = 0; o < d->noutputs; o++) free(one[o]), free(other[o]);
  }
  print_message("%d of %d units seeded\n", seeded, ph_dsp_unit_count());
  assert_true(seeded >= 9);
  free(input);
}

/* A unit that says an output was steady over a block says it only of a block that held one
 * value, bit for bit; and says it at times, where its inputs stand still. */
static void test_steady_is_said_of_held_blocks_only(void **st) {
  enum { N = 48000, BLOCK = 128 };
  float *input = malloc(N * sizeof(float));
  for (int i = 0; i < N; i++) input[i] = (float)sin(PH_DSP_TWO_PI * 97.0 * i / SR);
  int tested = 0;
  for (int u = 0; u < ph_dsp_unit_count(); u++) {
    const ph_unit_def *d = ph_dsp_unit_at(u);
    if (!d->steady) continue;
    t_param p[32];
    for (int j = 0; j < d->nparams; j++) p[j] = (t_param){context(d, &d->params[j], input), base_value(&d->params[j])};
    short_segments(d, p);
    float *outs[8];
    for (int o = 0; o < d->noutputs; o++) outs[o] = calloc(N, sizeof(float));
    t_unit a = t_unit_new(d->name, SR, BLOCK, 3);
    int said = 0, blocks = 0;
    for (int start = 0; start < N; start += BLOCK, blocks++) {
      ph_cable cables[32];
      for (int j = 0; j < d->nparams; j++) cables[j] = (ph_cable){p[j].buf ? p[j].buf + start : NULL, p[j].constant};
      ph_dsp_inputs inputs = {cables, d->nparams};
      float *at[8];
      for (int o = 0; o < d->noutputs; o++) at[o] = outs[o] + start;
      d->process(a.state, &inputs, at, BLOCK);
      uint32_t steady = d->steady(a.state, at, BLOCK);
      for (int o = 0; o < d->noutputs; o++) {
        if (!(steady >> o & 1u)) continue;
        said++;
        for (int i = 1; i < BLOCK; i++)
          if (memcmp(&at[o][i], &at[o][0], sizeof(float)))
            fail_msg("%s: output %d called steady in block %d, which moves at sample %d", d->name, o, blocks, i);
      }
    }
    print_message("%s: steady in %d of %d blocks\n", d->name, said, blocks * d->noutputs);
    assert_true(said > 0 && said < blocks * d->noutputs);
    t_unit_free(&a);
    for (int o = 0; o < d->noutputs; o++) free(outs[o]);
    tested++;
  }
  assert_true(tested >= 1);
  free(input);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_parameter_is_a_signal),
      cmocka_unit_test(test_block_size_does_not_change_the_sound),
      cmocka_unit_test(test_only_seeded_units_sound_their_seed),
      cmocka_unit_test(test_pointwise_units_hear_the_same_sample_alone),
      cmocka_unit_test(test_steady_is_said_of_held_blocks_only),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
