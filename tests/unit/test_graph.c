/* The block graph: order, feedback loops with one-sample delay, patterns as signals at
 * exact samples. */
#include <fftw3.h>
#include <math.h>
#include <string.h>

#include "dsp/catalog.h"
#include "graph/arith.h"
#include "graph/graph.h"
#include "graph/pattern_signal.h"
#include "support.h"

#define RATE 48000
#define BLOCK 128

static ph_graph g;
static ph_dsp_config cfg = {RATE, BLOCK, 1};

static int add_node(const ph_unit_def *def) {
  ph_error err = {0};
  int n = ph_graph_add(&g, def, &err);
  assert_true(n >= 0);
  return n;
}

static void prepare(void) {
  ph_error err = {0};
  assert_true(ph_graph_prepare(&g, &err));
}

/* Renders `frames` samples of a port into buf, block by block. */
static void render(ph_port p, float *buf, int frames, int64_t *block_start) {
  for (int done = 0; done < frames; done += BLOCK) {
    int n = frames - done < BLOCK ? frames - done : BLOCK;
    if (block_start) *block_start = done;
    ph_graph_process(&g, n);
    const float *out = ph_graph_output(&g, p);
    for (int i = 0; i < n; i++) buf[done + i] = out[i];
  }
}

/* The strongest frequency of buf by FFT, refined by parabolic interpolation. */
static double peak_hz(const float *buf, int n) {
  float *in = fftwf_alloc_real((size_t)n);
  fftwf_complex *spec = fftwf_alloc_complex((size_t)n / 2 + 1);
  fftwf_plan plan = fftwf_plan_dft_r2c_1d(n, in, spec, FFTW_ESTIMATE);
  for (int i = 0; i < n; i++) in[i] = buf[i] * (float)(0.5 - 0.5 * cos(2 * 3.141592653589793 * i / (n - 1)));
  fftwf_execute(plan);
  int best = 1;
  double mags[3] = {0};
  for (int k = 1; k < n / 2; k++) {
    double m = hypot(spec[k][0], spec[k][1]);
    if (m > hypot(spec[best][0], spec[best][1])) best = k;
  }
  for (int d = -1; d <= 1; d++) mags[d + 1] = log(hypot(spec[best + d][0], spec[best + d][1]) + 1e-20);
  double shift = 0.5 * (mags[0] - mags[2]) / (mags[0] - 2 * mags[1] + mags[2]);
  fftwf_destroy_plan(plan);
  fftwf_free(in);
  fftwf_free(spec);
  return (best + shift) * RATE / n;
}

static double rms(const float *buf, int n) {
  double acc = 0;
  for (int i = 0; i < n; i++) acc += (double)buf[i] * buf[i];
  return sqrt(acc / n);
}

static int setup(void **s) {
  t_setup(s);
  ph_graph_init(&g, &cfg);
  return 0;
}

static int teardown(void **s) {
  ph_graph_destroy(&g);
  fftwf_cleanup();
  return t_teardown(s);
}

static void test_sine_times_half(void **s) {
  int osc = add_node(&ph_unit_sine);
  ph_graph_set_const(&g, osc, 0, 440);
  int gain = add_node(&ph_unit_mul);
  ph_graph_connect(&g, gain, 0, (ph_port){osc, 0});
  ph_graph_set_const(&g, gain, 1, 0.5f);
  prepare();
  static float buf[RATE / 2];
  render((ph_port){gain, 0}, buf, RATE / 2, NULL);
  assert_float_equal(peak_hz(buf, RATE / 2), 440.0, 0.5);
  assert_float_equal(rms(buf, RATE / 2), 0.5 / sqrt(2), 0.002);
}

static void test_feedback_loop_delays_one_sample(void **s) {
  /* acc = 1 + 0.5 * acc[n-1]: 1, 1.5, 1.75, ... -> 2, stable across block edges. */
  int sum = add_node(&ph_unit_add);
  int scaled = add_node(&ph_unit_mul);
  ph_graph_set_const(&g, sum, 0, 1);
  ph_graph_connect(&g, sum, 1, (ph_port){scaled, 0});
  ph_graph_connect(&g, scaled, 0, (ph_port){sum, 0});
  ph_graph_set_const(&g, scaled, 1, 0.5f);
  prepare();
  static float buf[1000];
  render((ph_port){sum, 0}, buf, 1000, NULL);
  double expect = 0;
  for (int i = 0; i < 1000; i++) {
    expect = 1 + 0.5 * expect;
    assert_float_equal(buf[i], expect, 1e-6);
  }
}

static void test_independent_nodes_run_by_block_in_dependency_order(void **s) {
  /* Added consumer first: the order must still put the oscillator before the gain. */
  int gain = add_node(&ph_unit_mul);
  int osc = add_node(&ph_unit_saw);
  ph_graph_connect(&g, gain, 0, (ph_port){osc, 0});
  ph_graph_set_const(&g, gain, 1, 2);
  ph_graph_set_const(&g, osc, 0, 100);
  prepare();
  assert_int_equal(g.nsteps, 2);
  assert_false(g.steps[0].is_loop);
  assert_int_equal(g.order[0], osc);
  static float buf[4800];
  render((ph_port){gain, 0}, buf, 4800, NULL);
  assert_true(rms(buf, 4800) > 1.0); /* a saw of amplitude 2 */
}

static ph_clock clock_;
static int64_t block_start;

/* A pattern node; `sampling` when its pattern samples signals (it then queries block by block). */
static int bind_sampling_pattern(const char *mini, ph_rat cps, ph_patsig_mode mode, bool sampling) {
  int n = add_node(&ph_unit_pattern_signal);
  ph_clock_init(&clock_, RATE, cps);
  ph_patsig_binding b = {M(mini), &clock_, &block_start, mode, sampling};
  ph_patsig_bind(ph_graph_state(&g, n), &b);
  return n;
}

static int bind_pattern(const char *mini, ph_rat cps, ph_patsig_mode mode) {
  return bind_sampling_pattern(mini, cps, mode, false);
}

static void test_pattern_frequencies_switch_at_the_exact_sample(void **s) {
  /* "110 220" at 0.5 cycles per second: 110 Hz for one second, then 220 Hz. */
  int pat = bind_pattern("110 220", ph_rat_make(1, 2), PH_PATSIG_VALUE);
  int osc = add_node(&ph_unit_sine);
  ph_graph_connect(&g, osc, 0, (ph_port){pat, 0});
  prepare();
  static float freq[2 * RATE], audio[2 * RATE];
  for (int done = 0; done < 2 * RATE; done += BLOCK) {
    block_start = done;
    ph_graph_process(&g, BLOCK);
    for (int i = 0; i < BLOCK; i++) {
      freq[done + i] = ph_graph_output(&g, (ph_port){pat, 0})[i];
      audio[done + i] = ph_graph_output(&g, (ph_port){osc, 0})[i];
    }
  }
  assert_float_equal(freq[RATE - 1], 110, 0);
  assert_float_equal(freq[RATE], 220, 0);
  assert_float_equal(peak_hz(audio, RATE), 110, 0.5);
  assert_float_equal(peak_hz(audio + RATE, RATE), 220, 0.5);
}

static void test_triggers_land_on_the_nearest_sample_without_drift(void **s) {
  /* 4 onsets per cycle at 11/20 cycles per second, over 40 cycles: onset k is at
   * k/4 / (11/20) s = k * 240000/11 samples, rounded to nearest. */
  int pat = bind_pattern("x*4", ph_rat_make(11, 20), PH_PATSIG_TRIGGER);
  prepare();
  int frames = (int)(40 * 20 * RATE / 11) + BLOCK;
  float *buf = test_malloc(sizeof(float) * (size_t)frames);
  render((ph_port){pat, 0}, buf, frames, &block_start);
  int onsets = 0;
  for (int i = 0; i < frames; i++)
    if (buf[i] != 0) {
      int64_t expect = (int64_t)floor(onsets * 240000.0 / 11.0 + 0.5);
      if (i != expect) fail_msg("onset %d at sample %d, expected %lld", onsets, i, (long long)expect);
      onsets++;
    }
  assert_int_equal(onsets, 161);
  test_free(buf);
}

/* A pattern node queries a window of blocks at a time unless its pattern samples a signal;
 * both ways give the same samples, bit for bit: every form, patterns of every kind of
 * structure, blocks of changing sizes, a tempo whose cycles do not fall on samples. */
static void test_windowed_queries_give_what_block_queries_give(void **s) {
  static const char *const patterns[] = {
      "110 220", "x ~ x*2 [~ x]", "1 [2 3]!2 <4 5 6>", "{1 2 3, 4 5}", "1(3,8) 2(5,8,2)", "[1|2|3] 4?",
      "1@3 2 . 3 4 5", "<1 [2 3]>*3", "a4 c5 e5 ~", "~ 1 ~ ~", "[1 2, 3 4 5, ~ 6]", "x*29", "t f t*3 1 0",
      "bd*2 [sn cp] <hh oh>", "1 ~ . ~ 2 . <3 ~>"};
  static const int sizes[] = {128, 37, 128, 1, 64, 128, 100}, steady[] = {128, 128, 128, 128, 128, 128, 128};
  const ph_patsig_mode modes[] = {PH_PATSIG_VALUE, PH_PATSIG_GATE, PH_PATSIG_TRIGGER};
  enum { FRAMES = 6 * RATE, NPATTERNS = sizeof patterns / sizeof patterns[0] };
  float *windowed = test_malloc(sizeof(float) * FRAMES), *alone = test_malloc(sizeof(float) * FRAMES);
  for (size_t k = 0; k <= NPATTERNS; k++)
    for (int m = 0; m < 3; m++) {
      /* and last, onsets on the first sample after every window: "x*8" with cycles of 8192
       * samples, in blocks of 128 */
      const char *pattern = k < NPATTERNS ? patterns[k] : "x*8";
      ph_rat cps = k < NPATTERNS ? ph_rat_make(11, 20) : ph_rat_make(RATE, 8192);
      const int *size = k < NPATTERNS ? sizes : steady;
      ph_graph_destroy(&g);
      ph_graph_init(&g, &cfg);
      int a = bind_pattern(pattern, cps, modes[m]);
      int b = bind_sampling_pattern(pattern, cps, modes[m], true); /* b queries block by block */
      prepare();
      int64_t done = 0;
      for (int j = 0; done < FRAMES; j++) {
        int n = size[j % 7];
        if (n > FRAMES - done) n = (int)(FRAMES - done);
        block_start = done;
        ph_graph_process(&g, n);
        memcpy(windowed + done, ph_graph_output(&g, (ph_port){a, 0}), sizeof(float) * (size_t)n);
        memcpy(alone + done, ph_graph_output(&g, (ph_port){b, 0}), sizeof(float) * (size_t)n);
        done += n;
      }
      for (int i = 0; i < FRAMES; i++)
        if (memcmp(&windowed[i], &alone[i], sizeof(float)))
          fail_msg("\"%s\", form %d: sample %d is %g in a window, %g queried alone", pattern, m, i, windowed[i],
                   alone[i]);
    }
  test_free(windowed);
  test_free(alone);
}

/* Onsets that fall within half a sample before a block's end belong to the next block's first
 * sample: none is lost and none is heard twice, however the blocks fall. 29 onsets a cycle at
 * 11/20 cycles per second are 960000/319 = 3009.4 samples apart; over 20 cycles two of them
 * fall within half a sample before a block boundary. */
static void test_no_onset_lost_at_block_boundaries(void **s) {
  int pat = bind_pattern("x*29", ph_rat_make(11, 20), PH_PATSIG_TRIGGER);
  prepare();
  int frames = (int)(20 * 20 * RATE / 11) + BLOCK;
  float *buf = test_malloc(sizeof(float) * (size_t)frames);
  render((ph_port){pat, 0}, buf, frames, &block_start);
  int onsets = 0, near_boundary = 0;
  for (int i = 0; i < frames; i++)
    if (buf[i] != 0) {
      double exact = onsets * 960000.0 / 319.0;
      int64_t expect = (int64_t)floor(exact + 0.5);
      if (i != expect) fail_msg("onset %d at sample %d, expected %lld", onsets, i, (long long)expect);
      if (expect % BLOCK == 0 && exact < (double)expect) near_boundary++;
      onsets++;
    }
  assert_int_equal(onsets, 20 * 29 + 1);
  assert_true(near_boundary > 0); /* the case this test is for did come up */
  test_free(buf);
}

/* Outputs steady over a block reach their readers as constants, and nothing heard changes: a
 * sine whose frequency is segments sweeping 160 Hz to 50 Hz in 0.1 s, times a pattern "1.5 2",
 * gives the same samples, bit for bit, as with every input a buffer. The segments and the
 * product say they are steady once the sweep is over, not during it. */
static void test_steady_outputs_change_no_sample(void **s) {
  enum { FRAMES = 188 * BLOCK, SWEEP = RATE / 10 };
  const ph_unit_def *segments = ph_dsp_unit_find("segments");
  float *heard[2] = {test_malloc(sizeof(float) * FRAMES), test_malloc(sizeof(float) * FRAMES)};
  int steady_blocks = 0;
  for (int pass = 0; pass < 2; pass++) {
    ph_graph_destroy(&g);
    ph_graph_init(&g, &cfg);
    int ratio = bind_pattern("1.5 2", ph_rat_make(3, 2), PH_PATSIG_VALUE);
    int seg = add_node(segments);
    ph_graph_set_const(&g, seg, 0, 160);
    ph_graph_set_const(&g, seg, ph_dsp_param_index(segments, "level1"), 50);
    ph_graph_set_const(&g, seg, ph_dsp_param_index(segments, "times"), 0.1f);
    int freq = add_node(&ph_unit_mul);
    ph_graph_connect(&g, freq, 0, (ph_port){seg, 0});
    ph_graph_connect(&g, freq, 1, (ph_port){ratio, 0});
    int osc = add_node(&ph_unit_sine);
    ph_graph_connect(&g, osc, 0, (ph_port){freq, 0});
    prepare();
    assert_true(g.nodes[seg].may_steady && g.nodes[freq].may_steady && g.nodes[osc].nreads == 1);
    assert_false(g.nodes[osc].may_steady);
    if (pass == 1) t_graph_without_steady(&g);
    for (int done = 0; done < FRAMES; done += BLOCK) {
      block_start = done;
      ph_graph_process(&g, BLOCK);
      memcpy(heard[pass] + done, ph_graph_output(&g, (ph_port){osc, 0}), sizeof(float) * BLOCK);
      if (pass == 1) continue;
      bool settled = done >= SWEEP;
      if (done + BLOCK <= SWEEP || settled) assert_int_equal(g.steady[seg], settled);
      /* the pattern steps at 1/3 s: not steady in the block where it does */
      bool step = done < RATE / 3 && done + BLOCK > RATE / 3;
      if (settled) assert_int_equal(g.steady[freq], !step);
      steady_blocks += g.steady[freq] == 1;
    }
  }
  assert_true(steady_blocks > (FRAMES - SWEEP) / BLOCK - 3);
  for (int i = 0; i < FRAMES; i++)
    if (memcmp(&heard[0][i], &heard[1][i], sizeof(float)))
      fail_msg("sample %d: %g with steady outputs, %g without", i, heard[0][i], heard[1][i]);
  assert_float_equal(peak_hz(heard[0] + RATE / 3, FRAMES - RATE / 3), 100, 1);
  test_free(heard[0]);
  test_free(heard[1]);
}

/* Once a port is kept, only the nodes it depends on run (through inputs and ph_graph_after);
 * one it does not depend on stays silent. */
static void test_only_what_a_kept_port_depends_on_runs(void **s) {
  int heard = add_node(&ph_unit_sine), unheard = add_node(&ph_unit_sine), sampled = add_node(&ph_unit_sine);
  ph_graph_set_const(&g, heard, 0, 440);
  ph_graph_set_const(&g, unheard, 0, 220);
  ph_graph_set_const(&g, sampled, 0, 100);
  int reader = add_node(&ph_unit_mul);
  ph_graph_connect(&g, reader, 0, (ph_port){heard, 0});
  ph_graph_set_const(&g, reader, 1, 0.5f);
  assert_true(ph_graph_after(&g, reader, sampled));
  ph_graph_keep(&g, (ph_port){reader, 0});
  prepare();
  assert_int_equal(g.norder, 3);
  assert_int_equal(g.nsteps, 3);
  ph_graph_process(&g, BLOCK);
  double heard_rms = rms(ph_graph_output(&g, (ph_port){reader, 0}), BLOCK);
  assert_true(heard_rms > 0.3 && rms(ph_graph_output(&g, (ph_port){sampled, 0}), BLOCK) > 0.1);
  assert_true(rms(ph_graph_output(&g, (ph_port){unheard, 0}), BLOCK) == 0);
}

/* Two nodes of one unit reading the same inputs run as one: two delays after one saw (as a
 * stereo chain after a centred sound has) become one, whose samples both ports give. Two
 * noises never merge, nor two delays of different times. */
static void test_twins_run_once(void **s) {
  enum { LENGTH = 4 * BLOCK };
  int saw = add_node(&ph_unit_saw), noise[2], left, right, far, mixed[2];
  ph_graph_set_const(&g, saw, 0, 220);
  int delays[3];
  for (int k = 0; k < 3; k++) {
    delays[k] = add_node(ph_dsp_unit_find("delay"));
    ph_graph_connect(&g, delays[k], 0, (ph_port){saw, 0});
    ph_graph_set_const(&g, delays[k], 1, k == 2 ? 0.002f : 0.001f);
  }
  left = delays[0], right = delays[1], far = delays[2];
  for (int k = 0; k < 2; k++) {
    noise[k] = add_node(ph_dsp_unit_find("white_noise"));
    mixed[k] = add_node(&ph_unit_add);
    ph_graph_connect(&g, mixed[k], 0, (ph_port){k ? right : left, 0});
    ph_graph_connect(&g, mixed[k], 1, (ph_port){noise[k], 0});
  }
  ph_graph_keep(&g, (ph_port){right, 0});
  ph_graph_keep(&g, (ph_port){far, 0});
  ph_graph_keep(&g, (ph_port){mixed[0], 0});
  ph_graph_keep(&g, (ph_port){mixed[1], 0});
  prepare();
  /* right, kept (read from outside), merges into left all the same: its port reads left's samples */
  assert_int_equal(g.nodes[right].twin, left);
  assert_int_equal(g.nodes[left].twin, -1);
  assert_int_equal(g.nodes[far].twin, -1);
  assert_int_equal(g.nodes[noise[1]].twin, -1);
  assert_int_equal(g.nsteps, 7); /* saw, one of the twin delays, the far one, two noises, two adds */
  float *l = test_malloc(LENGTH * sizeof(float)), *r = test_malloc(LENGTH * sizeof(float)), *f = test_malloc(LENGTH * sizeof(float));
  float *m[2] = {test_malloc(LENGTH * sizeof(float)), test_malloc(LENGTH * sizeof(float))};
  for (int done = 0; done < LENGTH; done += BLOCK) {
    ph_graph_process(&g, BLOCK);
    memcpy(l + done, ph_graph_output(&g, (ph_port){left, 0}), BLOCK * sizeof(float));
    memcpy(r + done, ph_graph_output(&g, (ph_port){right, 0}), BLOCK * sizeof(float));
    memcpy(f + done, ph_graph_output(&g, (ph_port){far, 0}), BLOCK * sizeof(float));
    for (int k = 0; k < 2; k++) memcpy(m[k] + done, ph_graph_output(&g, (ph_port){mixed[k], 0}), BLOCK * sizeof(float));
  }
  assert_memory_equal(l, r, LENGTH * sizeof(float));
  assert_true(rms(r + BLOCK, LENGTH - BLOCK) > 0.2);
  assert_memory_not_equal(r, f, LENGTH * sizeof(float));
  assert_memory_not_equal(m[0], m[1], LENGTH * sizeof(float)); /* the same delay, two noises */
  test_free(l), test_free(r), test_free(f), test_free(m[0]), test_free(m[1]);
}

/* lpf 800 of (saw 220 + saw 220) * 0.5, kept: the lpf's index. */
static int mid_of_one_saw(void) {
  int saw = add_node(&ph_unit_saw), sum = add_node(&ph_unit_add), half = add_node(&ph_unit_mul), lpf = add_node(ph_dsp_unit_find("lpf"));
  ph_graph_set_const(&g, saw, 0, 220);
  ph_graph_connect(&g, sum, 0, (ph_port){saw, 0});
  ph_graph_connect(&g, sum, 1, (ph_port){saw, 0});
  ph_graph_connect(&g, half, 0, (ph_port){sum, 0});
  ph_graph_set_const(&g, half, 1, 0.5f);
  ph_graph_connect(&g, lpf, 0, (ph_port){half, 0});
  ph_graph_set_const(&g, lpf, 1, 800);
  ph_graph_keep(&g, (ph_port){lpf, 0});
  prepare();
  return lpf;
}

/* The mid of a signal whose two sides are one, (x + x) * 0.5, is read as x: two steps fewer,
 * the same samples. */
static void test_mid_of_one_signal_is_that_signal(void **s) {
  int lpf = mid_of_one_saw();
  assert_int_equal(g.nsteps, 2);
  assert_int_equal(g.nodes[lpf].inputs[0].from, 0); /* the saw */
  float got[BLOCK];
  ph_graph_process(&g, BLOCK);
  memcpy(got, ph_graph_output(&g, (ph_port){lpf, 0}), sizeof got);
  ph_graph_destroy(&g);
  ph_graph_init(&g, &cfg);
  g.unfused = true; /* as written: the sum and the halving run */
  lpf = mid_of_one_saw();
  assert_int_equal(g.nsteps, 4);
  ph_graph_process(&g, BLOCK);
  assert_memory_equal(got, ph_graph_output(&g, (ph_port){lpf, 0}), sizeof got);
  assert_true(rms(got, BLOCK) > 0.1);
}

static void test_note_names_are_frequencies(void **s) {
  double hz;
  assert_true(ph_note_to_hz("a4", &hz));
  assert_float_equal(hz, 440, 1e-9);
  assert_true(ph_note_to_hz("c4", &hz));
  assert_float_equal(hz, 261.6255653, 1e-6);
  assert_true(ph_note_to_hz("a", &hz));
  assert_float_equal(hz, 440, 1e-9);
  assert_true(ph_note_to_hz("fs3", &hz));
  assert_float_equal(hz, 184.9972114, 1e-6);
  assert_true(ph_note_to_hz("eb3", &hz)); /* b as a flat, as Strudel reads it */
  assert_float_equal(hz, 155.5634919, 1e-6);
  assert_false(ph_note_to_hz("bd", &hz));
  assert_false(ph_note_to_hz("c-", &hz));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_sine_times_half, setup, teardown),
      cmocka_unit_test_setup_teardown(test_feedback_loop_delays_one_sample, setup, teardown),
      cmocka_unit_test_setup_teardown(test_independent_nodes_run_by_block_in_dependency_order, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pattern_frequencies_switch_at_the_exact_sample, setup, teardown),
      cmocka_unit_test_setup_teardown(test_triggers_land_on_the_nearest_sample_without_drift, setup, teardown),
      cmocka_unit_test_setup_teardown(test_no_onset_lost_at_block_boundaries, setup, teardown),
      cmocka_unit_test_setup_teardown(test_windowed_queries_give_what_block_queries_give, setup, teardown),
      cmocka_unit_test_setup_teardown(test_steady_outputs_change_no_sample, setup, teardown),
      cmocka_unit_test_setup_teardown(test_only_what_a_kept_port_depends_on_runs, setup, teardown),
      cmocka_unit_test_setup_teardown(test_twins_run_once, setup, teardown),
      cmocka_unit_test_setup_teardown(test_mid_of_one_signal_is_that_signal, setup, teardown),
      cmocka_unit_test_setup_teardown(test_note_names_are_frequencies, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
