/* Onsets queried a window of blocks at a time: the same onsets, on the same samples, as a
 * query per block, whatever the blocks; a pattern that samples a bus is queried block by block
 * (its events follow the signal of the block under way). */
#include "graph/clock.h"
#include "pattern/mini.h"
#include "support.h"
#include "voice/onsets.h"

enum { RATE = 44100 };

/* A voice player's side of the onsets: its pattern, query memory (growable when `query_bytes`
 * is 0), clock and refusals. */
typedef struct {
  ph_arena patterns, queries;
  ph_pat *p;
  ph_clock c;
  ph_query_refusals refused;
  ph_onsets w;
  ph_error err;
} player;

static void player_open(player *pl, const char *text, size_t query_bytes) {
  *pl = (player){0};
  ph_arena_init(&pl->patterns, 1 << 16);
  if (query_bytes) assert_true(ph_arena_init_fixed(&pl->queries, query_bytes));
  else ph_arena_init(&pl->queries, 1 << 20);
  pl->p = ph_mini_parse(&pl->patterns, text, &pl->err);
  assert_non_null(pl->p);
  ph_clock_init(&pl->c, RATE, ph_rat_make(3, 5));
  ph_query_refusals_init(&pl->refused);
}

/* The block of `size` from `start`: its onsets appended to at[*n] (up to max). */
static void player_block(player *pl, bool per_block, int start, int size, int64_t *at, int *n, int max) {
  ph_onsets_cover(&pl->w, pl->p, per_block, &pl->queries, &pl->c, start, size, &pl->err, &pl->refused);
  for (const ph_onset *o; (o = ph_onsets_next(&pl->w, start, start + size));) {
    assert_true(o->at >= start && o->at < start + size);
    if (*n < max) at[(*n)++] = o->at;
  }
}

/* No block refused; the memory given back. */
static void player_close(player *pl) {
  const char *why;
  assert_int_equal(ph_query_refusals_get(&pl->refused, &why), 0);
  ph_arena_destroy(&pl->queries);
  ph_arena_destroy(&pl->patterns);
}

/* Every onset of `text` in [0, frames), block by block, through the windows. */
static int onsets_through_windows(const char *text, const int *sizes, int nsizes, int frames, bool per_block,
                                  int64_t *at, int max, int *longest_window) {
  player pl;
  player_open(&pl, text, 0);
  int n = 0;
  *longest_window = 0;
  for (int start = 0, k = 0; start < frames; k++) {
    int size = sizes[k % nsizes] < frames - start ? sizes[k % nsizes] : frames - start;
    player_block(&pl, per_block, start, size, at, &n, max);
    int length = (int)(pl.w.window.end - pl.w.window.start);
    if (length > *longest_window) *longest_window = length;
    start += size;
  }
  player_close(&pl);
  return n;
}

/* The onsets straight from the pattern, by the clock. */
static int onsets_by_query(const char *text, int frames, int64_t *at, int max) {
  ph_arena a;
  ph_arena_init(&a, 1 << 20);
  ph_error err = {0};
  ph_pat *p = ph_mini_parse(&a, text, &err);
  ph_clock c;
  ph_clock_init(&c, RATE, ph_rat_make(3, 5));
  ph_haps haps = ph_pat_query_span(p, &a, ph_clock_block_span(&c, 0, frames), &err);
  ph_haps_sort(&haps);
  int n = 0;
  for (size_t h = 0; h < haps.count && n < max; h++)
    if (ph_hap_has_onset(&haps.items[h])) at[n++] = ph_clock_sample_of(&c, haps.items[h].whole.begin);
  ph_arena_destroy(&a);
  return n;
}

static void test_windows_give_every_onset_once(void **st) {
  const char *text = "bd*7, [sn cp](3,8,<0 2>), hh*5?";
  static const int plain[] = {128}, odd[] = {37}, mixed[] = {128, 100, 1, 700, 128, 1024, 5};
  const int *schedules[] = {plain, odd, mixed};
  const int counts[] = {1, 1, 7};
  int frames = 10 * RATE;
  int64_t want[4096], got[4096];
  int nwant = onsets_by_query(text, frames, want, 4096), longest;
  assert_true(nwant > 50);
  for (int k = 0; k < 3; k++) {
    int n = onsets_through_windows(text, schedules[k], counts[k], frames, false, got, 4096, &longest);
    assert_int_equal(n, nwant);
    for (int i = 0; i < n; i++) assert_int_equal(got[i], want[i]);
  }
  onsets_through_windows(text, plain, 1, frames, false, got, 4096, &longest);
  assert_int_equal(longest, PH_QUERY_WINDOW_SAMPLES); /* blocks of 128 a window at once */
}

static void test_per_block_queries_each_block(void **st) {
  static const int plain[] = {128};
  int64_t got[4096];
  int longest;
  onsets_through_windows("bd*7", plain, 1, RATE, true, got, 4096, &longest);
  assert_int_equal(longest, 128);
}

/* A pattern too dense for a window of blocks in the player's query memory, though not for
 * a block: a refused window sends the next 1, 2, 4 ... windows' worth of blocks to be queried
 * alone (not a refused window every block), with every onset still there; once the pattern
 * thins out, windows come back. */
static void test_a_refused_window_backs_off(void **st) {
  const char *text = "<bd*200000 hh>";
  player pl;
  player_open(&pl, text, 256 << 10);
  int frames = 2 * RATE * 5 / 3, n = 0, longest = 0;
  int64_t *got = test_malloc(sizeof(int64_t) * 300000);
  for (int start = 0; start + 128 <= frames; start += 128) {
    player_block(&pl, false, start, 128, got, &n, 300000);
    const ph_query_window *w = &pl.w.window;
    const int W = PH_QUERY_WINDOW_SAMPLES;
    if (start == 0) assert_true(w->refusals == 1 && w->alone_until == W);
    if (start == W) assert_true(w->refusals == 2 && w->alone_until == W + 2 * W);
    if (start == 3 * W) assert_true(w->refusals == 3 && w->alone_until == 3 * W + 4 * W);
    if (start < RATE * 5 / 3 - 2048) assert_int_equal(w->end - w->start, 128);
    if (w->end - w->start > longest) longest = (int)(w->end - w->start);
  }
  assert_int_equal(pl.w.window.refusals, 0);
  assert_int_equal(longest, PH_QUERY_WINDOW_SAMPLES);
  player_close(&pl);
  int64_t *want = test_malloc(sizeof(int64_t) * 300000);
  int nwant = onsets_by_query(text, frames / 128 * 128, want, 300000);
  assert_true(nwant > 200000);
  assert_int_equal(n, nwant);
  for (int i = 0; i < n; i++) assert_int_equal(got[i], want[i]);
  test_free(got);
  test_free(want);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_windows_give_every_onset_once),
      cmocka_unit_test(test_per_block_queries_each_block),
      cmocka_unit_test(test_a_refused_window_backs_off),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
