/* The graph on several threads: the same samples as on one, bit for bit, for programs with
 * many independent branches, feedback loops, patterns and voices; pools made and destroyed
 * again and again leave nothing behind. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/parallel.h"
#include "graph/song.h"
#include "support.h"
#include "voice/kit.h"
#include "voice/sampler.h"

#define RATE 22050

static float *render(const char *program, int frames, ph_graph_pool *pool, ph_bank *bank) {
  ph_song song;
  ph_error err = {0};
  ph_voice_hooks hooks = ph_sampler_hooks(bank);
  ph_song_options opt = {.rate = RATE, .voices = &hooks, .pool = pool};
  if (!ph_song_compile(&song, program, "test.ph", &opt, &err)) {
    ph_song_destroy(&song);
    fail_msg("compile: %d:%d: %s", err.line, err.column, err.message);
  }
  return t_song_render(&song, frames);
}

static const char *programs[] = {
    /* many independent branches summed */
    "out $ (saw 110 + saw 111 + saw 112 + saw 113 + sine 220 + sine 221 + square 55 + tri 330) * 0.1 # lpf 2000 0.7\n",
    /* feedback loops next to plain branches */
    "~a $ sine 220 * 0.3 + ~a * 0.5 # lpf 800\n~b $ saw 110 * 0.2 + ~b * 0.4 # delay 0.01 0.3 0.5\nout $ ~a + ~b + noise * 0.01\n",
    /* patterns, envelopes, samples and synth voices */
    ("cps: 2\n~lead $ saw 110 # lpf 1500\n~drums $ s \"bd*4 sn hh*3\" # gain 0.5\n~synth $ s \"~lead(3,8)\" # note \"c3 e3 g3\" # gain 0.2\n"
     "out $ ~drums + ~synth + sine \"<a4 c5>*4\" * tar \"x*8\" 0.01 0.1 * 0.2\n"),
};

static void test_threads_give_the_same_samples(void **st) {
  ph_bank *bank = ph_bank_create(RATE);
  ph_kit_add_all(bank);
  int frames = 2 * RATE;
  for (size_t k = 0; k < sizeof programs / sizeof *programs; k++) {
    float *one = render(programs[k], frames, NULL, bank);
    for (int threads = 2; threads <= 5; threads++) {
      /* 5: the 4 threads of the pool as it chooses (split only where it measured a gain) */
      ph_graph_pool *pool = ph_graph_pool_create(threads < 5 ? threads : 4);
      assert_non_null(pool);
      assert_int_equal(ph_graph_pool_threads(pool), threads < 5 ? threads : 4);
      if (threads < 5) ph_graph_pool_always_split(pool, true);
      float *many = render(programs[k], frames, pool, bank);
      if (memcmp(one, many, sizeof(float) * 2 * (size_t)frames) != 0) fail_msg("program %zu on %d threads differs", k, threads);
      test_free(many);
      ph_graph_pool_destroy(pool);
    }
    test_free(one);
  }
  ph_bank_destroy(bank);
}

static void test_pools_come_and_go(void **st) {
  for (int i = 0; i < 50; i++) ph_graph_pool_destroy(ph_graph_pool_create(1 + i % 4));
  ph_graph_pool_destroy(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_threads_give_the_same_samples),
      cmocka_unit_test(test_pools_come_and_go),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
