/* Mini-notation: the bytes as a pattern string, parsed as a pattern and as a signal, each
 * result queried over cycles 0..4. Every event must lie inside the query, and inside its whole. */
#include <stdlib.h>

#include "fuzz.h"
#include "pattern/mini.h"

/* Queries get a fixed arena of the largest size the audio thread gives one (the sampler's): a
 * string asking for millions of events ("bd*99999999") fails with a memory error instead of
 * exhausting the machine, and no input costs more than a block's worth of events. */
#define QUERY_BYTES (1u << 20)

static void check_event(const ph_hap *h, ph_span span) {
  if (!ph_rat_ok(h->part.begin) || !ph_rat_ok(h->part.end)) abort();
  if (ph_rat_gt(h->part.begin, h->part.end)) abort();
  if (ph_rat_lt(h->part.begin, span.begin) || ph_rat_gt(h->part.end, span.end)) abort();
  if (h->has_whole && (ph_rat_lt(h->part.begin, h->whole.begin) || ph_rat_gt(h->part.end, h->whole.end))) abort();
}

static void query(const ph_pat *p, ph_arena *queries) {
  ph_arena_reset(queries);
  ph_error err;
  ph_error_clear(&err);
  ph_span span = {ph_rat_int(0), ph_rat_int(4)};
  ph_haps haps = ph_pat_query_span(p, queries, span, &err);
  if (ph_error_is_set(&err)) return;
  ph_haps_sort(&haps);
  char text[128];
  for (size_t i = 0; i < haps.count; i++) {
    check_event(&haps.items[i], span);
    ph_value_format(text, sizeof text, haps.items[i].value);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static ph_arena queries;
  static bool ready;
  if (!ready && !(ready = ph_arena_init_fixed(&queries, QUERY_BYTES))) abort();
  char *src = fuzz_cstring(data, size);
  if (!src) return 0;
  ph_arena patterns;
  ph_arena_init(&patterns, 1 << 16);
  ph_error err;
  ph_error_clear(&err);
  ph_pat *p = ph_mini_parse(&patterns, src, &err);
  if (p) query(p, &queries);
  else if (!ph_error_is_set(&err)) abort(); /* a refusal always says why */
  ph_error_clear(&err);
  ph_pat *sig = ph_mini_parse_signal(&patterns, src, &err);
  if (sig) query(sig, &queries);
  ph_arena_destroy(&patterns);
  free(src);
  return 0;
}
