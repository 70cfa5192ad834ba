/* The random transforms give exactly Strudel 1.2.6's events: every expected string below is
 * Strudel's answer to the same pattern (the mini-notation in each comment), obtained from
 * the oracle. Patterns are built without mini-notation so these tests stand on their own. */
#include <stdlib.h>
#include <string.h>

#include "pattern/random_choose.h"
#include "support.h"

static ph_pat *S(const char *s) { return ph_pure(t_arena, ph_str(s)); }

/* A sequence of words ("a b c" or "0 1 2"): numbers become numbers, as in mini-notation. */
static ph_pat *W(const char *words) {
  ph_pat *items[32];
  int n = 0;
  char *copy = ph_arena_strdup(t_arena, words), *save = NULL;
  for (char *w = strtok_r(copy, " ", &save); w && n < 32; w = strtok_r(NULL, " ", &save)) {
    char *end;
    double x = strtod(w, &end);
    items[n++] = *end == '\0' ? N(x) : S(w);
  }
  return n == 1 ? items[0] : ph_fastcat(t_arena, items, n);
}

static ph_pat *seq(ph_pat *x, ph_pat *y, ph_pat *z) {
  ph_pat *ps[] = {x, y, z};
  return ph_fastcat(t_arena, ps, z ? 3 : 2);
}

static ph_pat *alt(ph_pat *x, ph_pat *y) {
  ph_pat *ps[] = {x, y};
  return ph_slowcat(t_arena, ps, 2);
}

/* A transform with its arguments, as the function argument of another transform. */
static ph_pat *F(const char *name, ph_pat *arg) {
  const ph_transform_def *def = ph_transform_find(name);
  assert_non_null(def);
  ph_pat *args[] = {arg};
  return ph_pure(t_arena, ph_fnval(ph_func_bind(t_arena, def, args)));
}

static ph_pat *a_to_h(void) { return W("a b c d e f g h"); }
static ph_pat *alt_ab_c_de(void) { return seq(alt(S("a"), S("b")), S("c"), W("d e")); } /* "<a b> c [d e]" */
static ph_pat *bd_sn_cp(void) { return seq(W("bd bd"), W("sn cp"), NULL); }             /* "[bd bd] [sn cp]" */

/* Events are compared as sets: ties in the sort order (same onset, same value) are free. */
static int cmp_str(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

static const char *canonical(const char *events) {
  char *copy = ph_arena_strdup(t_arena, events);
  char *items[512];
  size_t n = 0;
  for (char *s = copy; s && *s && n < 512;) {
    items[n++] = s;
    char *sep = strstr(s, "; ");
    if (sep) *sep = '\0';
    s = sep ? sep + 2 : NULL;
  }
  qsort(items, n, sizeof *items, cmp_str);
  char *out = ph_arena_zalloc(t_arena, strlen(events) + 3);
  for (size_t i = 0; i < n; i++) {
    if (i) strcat(out, "; ");
    strcat(out, items[i]);
  }
  return out;
}

static void assert_events(ph_pat *p, int64_t b, int64_t e, const char *expected) {
  const char *got = describe(p, b, e);
  if (strcmp(canonical(got), canonical(expected)) != 0) fail_msg("\nexpected: %s\n     got: %s", expected, got);
}

/* ---------------------------------------------------------------- degrade */

static void test_degrade_by_matches_strudel(void **s) {
  /* "a b c d e f g h".degradeBy(0.3) */
  assert_events(T("degradeBy", a_to_h(), 1, N(0.3)), 0, 2,
                "1/8 1/4 b; 1/4 3/8 c; 3/8 1/2 d; 7/8 1 h; 1 9/8 a; 9/8 5/4 b; 5/4 11/8 c; 3/2 13/8 e; "
                "13/8 7/4 f; 15/8 2 h");
  /* "<a b> c [d e]".degrade() */
  assert_events(T("degrade", alt_ab_c_de(), 0), 0, 4,
                "1 4/3 b; 11/6 2 e; 2 7/3 a; 8/3 17/6 d; 10/3 11/3 c; 23/6 4 e");
  /* "a b".slow(4).degradeBy(0.5): rand is sampled at each event's whole begin */
  assert_events(T("degradeBy", ph_slow_c(t_arena, ph_rat_int(4), W("a b")), 1, N(0.5)), 0, 8, "2 4 b; 6 8 b");
}

static void test_undegrade_matches_strudel(void **s) {
  /* "a b c d e f g h".undegradeBy(0.3) */
  assert_events(T("undegradeBy", a_to_h(), 1, N(0.3)), 0, 2,
                "0 1/8 a; 1/8 1/4 b; 1/4 3/8 c; 3/8 1/2 d; 1/2 5/8 e; 5/8 3/4 f; 3/4 7/8 g; 7/8 1 h; "
                "1 9/8 a; 9/8 5/4 b; 11/8 3/2 d; 3/2 13/8 e; 13/8 7/4 f; 7/4 15/8 g; 15/8 2 h");
  /* "<a b> c [d e]".undegrade() */
  assert_events(T("undegrade", alt_ab_c_de(), 0), 0, 4,
                "0 1/3 a; 1/3 2/3 c; 2/3 5/6 d; 5/6 1 e; 4/3 5/3 c; 5/3 11/6 d; 7/3 8/3 c; 17/6 3 e; "
                "3 10/3 b; 11/3 23/6 d");
}

static void test_degrade_by_patterned_amount(void **s) {
  /* "a b c d e f g h".degradeBy("<0.2 0.8>") */
  assert_events(T("degradeBy", a_to_h(), 1, alt(N(0.2), N(0.8))), 0, 2,
                "1/8 1/4 b; 1/4 3/8 c; 3/8 1/2 d; 1/2 5/8 e; 7/8 1 h");
}

static size_t count(ph_pat *p, int64_t b, int64_t e) { return Q(p, b, e).count; }

static void test_degrade_limits_and_complement(void **s) {
  ph_pat *p = W("a b c d e f g h");
  /* Strudel keeps an event when rand is above the amount: rand is exactly 0 at time 0, so
   * degradeBy 0 drops that one event, and undegradeBy 1 (keeping 1 - rand > 1) drops all. */
  assert_int_equal(count(T("degradeBy", p, 1, N(0)), 1, 51), 400);
  assert_events(T("degradeBy", p, 1, N(0)), 0, 1, "1/8 1/4 b; 1/4 3/8 c; 3/8 1/2 d; 1/2 5/8 e; 5/8 3/4 f; 3/4 7/8 g; 7/8 1 h");
  assert_int_equal(count(T("degradeBy", p, 1, N(1)), 0, 50), 0);
  assert_int_equal(count(T("undegradeBy", p, 1, N(0)), 0, 50), 400);
  assert_int_equal(count(T("undegradeBy", p, 1, N(1)), 0, 50), 0);
  /* degrade and undegrade split the events between them: together, each event once. */
  size_t kept = count(T("degrade", p, 0), 0, 50), other = count(T("undegrade", p, 0), 0, 50);
  assert_int_equal(kept + other, 400);
  assert_true(kept > 150 && kept < 250);
  ph_pat *both[] = {T("degradeBy", p, 1, N(0.3)), T("undegradeBy", p, 1, N(0.7))};
  assert_events(ph_stack(t_arena, both, 2), 0, 3, describe(p, 0, 3));
}

static void test_degrade_keeps_steps(void **s) {
  ph_pat *p = a_to_h();
  assert_true(ph_rat_eq(T("degradeBy", p, 1, alt(N(0.2), N(0.8)))->steps, ph_rat_int(8)));
  assert_true(ph_rat_eq(T("undegrade", p, 0)->steps, ph_rat_int(8)));
}

/* ---------------------------------------------------------------- sometimes */

static void test_sometimes_by_matches_strudel(void **s) {
  /* "a b c d".sometimesBy(0.5, x => x.fast(2)) */
  assert_events(T("sometimesBy", W("a b c d"), 2, N(0.5), F("fast", N(2))), 0, 4,
                "0 1/8 a; 1/8 1/4 b; 1/4 3/8 c; 3/8 1/2 d; 7/8 1 d; 1 5/4 a; 9/8 5/4 b; 5/4 3/2 b; "
                "5/4 11/8 c; 3/2 13/8 a; 3/2 7/4 c; 7/4 15/8 c; 2 9/4 a; 2 17/8 a; 17/8 9/4 b; "
                "9/4 19/8 c; 19/8 5/2 d; 5/2 21/8 a; 11/4 23/8 c; 11/4 3 d; 23/8 3 d; 13/4 7/2 b; "
                "7/2 29/8 a; 29/8 15/4 b; 15/4 31/8 c; 15/4 4 d");
  /* "a b c d".sometimesBy("<0.1 0.9>", x => x.fast(2)) */
  assert_events(T("sometimesBy", W("a b c d"), 2, alt(N(0.1), N(0.9)), F("fast", N(2))), 0, 2,
                "0 1/8 a; 1/4 1/2 b; 1/2 3/4 c; 3/4 1 d; 9/8 5/4 b; 5/4 11/8 c; 11/8 3/2 d; "
                "3/2 13/8 a; 7/4 15/8 c; 15/8 2 d");
}

static void test_sometimes_cuts_events_at_cycles(void **s) {
  /* "a b".slow(2).sometimesBy(0.5, x => x.fast(2)): the join splits long events per cycle */
  assert_events(T("sometimesBy", ph_slow_c(t_arena, ph_rat_int(2), W("a b")), 2, N(0.5), F("fast", N(2))), 0, 4,
                "0 1/2 a; 1 2 b; 3/2 2 b; 2 3 a; 2 5/2 a; 5/2 3 b; 7/2 4 b");
}

static void test_sometimes_shorthands_match_strudel(void **s) {
  /* "a b c d".sometimes(x => x.late(0.125)) */
  assert_events(T("sometimes", W("a b c d"), 1, F("late", N(0.125))), 0, 3,
                "-1/8 1/8 (0 1/8) d; 1/8 3/8 a; 3/8 5/8 b; 5/8 7/8 c; 7/8 9/8 (7/8 1) d; "
                "7/8 9/8 (1 9/8) d; 1 5/4 a; 5/4 3/2 b; 3/2 7/4 c; 15/8 17/8 (15/8 2) d; "
                "15/8 17/8 (2 17/8) d; 2 9/4 a; 19/8 21/8 b; 21/8 23/8 c; 11/4 3 d");
  /* "0 1 2 3".often(x => x.fast(2)) */
  assert_events(T("often", W("0 1 2 3"), 1, F("fast", N(2))), 0, 2,
                "0 1/8 0; 1/8 1/4 1; 1/4 3/8 2; 3/8 1/2 3; 1/2 5/8 0; 5/8 3/4 1; 3/4 7/8 2; 7/8 1 3; "
                "9/8 5/4 1; 5/4 11/8 2; 11/8 3/2 3; 3/2 13/8 0; 7/4 15/8 2");
  /* "[bd bd] [sn cp]".rarely(x => x.early(0.25)) */
  assert_events(T("rarely", bd_sn_cp(), 1, F("early", N(0.25))), 0, 4,
                "1/4 1/2 bd; 1/2 3/4 cp; 1/2 3/4 sn; 1 5/4 bd; 5/4 3/2 bd; 3/2 7/4 cp; 3/2 7/4 sn; "
                "2 9/4 bd; 9/4 5/2 bd; 5/2 11/4 sn; 11/4 3 bd; 11/4 3 cp; 13/4 7/2 bd; 7/2 15/4 sn; "
                "15/4 4 bd; 15/4 4 cp");
  /* "a b c d e f g h".almostNever(x => x.fast(2)) */
  assert_events(T("almostNever", a_to_h(), 1, F("fast", N(2))), 0, 2,
                "0 1/16 a; 1/8 1/4 b; 1/4 3/8 c; 3/8 1/2 d; 1/2 5/8 e; 5/8 3/4 f; 3/4 7/8 g; 7/8 1 h; "
                "1 9/8 a; 9/8 5/4 b; 5/4 11/8 c; 11/8 3/2 d; 23/16 3/2 h; 3/2 13/8 e; 13/8 7/4 f; "
                "7/4 15/8 g; 15/8 2 h");
  /* "a b c d".almostAlways(x => x.late(0.125)) */
  assert_events(T("almostAlways", W("a b c d"), 1, F("late", N(0.125))), 0, 2,
                "-1/8 1/8 (0 1/8) d; 1/8 3/8 a; 3/8 5/8 b; 5/8 7/8 c; 7/8 9/8 (7/8 1) d; "
                "7/8 9/8 (1 9/8) d; 9/8 11/8 a; 11/8 13/8 b; 13/8 15/8 c; 15/8 17/8 (15/8 2) d");
  assert_events(T("always", W("a b"), 1, F("fast", N(2))), 0, 1, "0 1/4 a; 1/4 1/2 b; 1/2 3/4 a; 3/4 1 b");
  assert_events(T("never", W("a b"), 1, F("fast", N(2))), 0, 1, "0 1/2 a; 1/2 1 b");
}

static void test_sometimes_by_limits(void **s) {
  ph_pat *p = a_to_h();
  /* Probability 0: nothing changes; 1: everything does (time 0 aside, where rand is 0). */
  assert_events(T("sometimesBy", p, 2, N(0), F("fast", N(2))), 1, 4, describe(p, 1, 4));
  assert_events(T("sometimesBy", p, 2, N(1), F("fast", N(2))), 1, 4, describe(ph_fast_c(t_arena, ph_rat_int(2), p), 1, 4));
  /* With the identity (fast 1) the kept and changed halves are exactly the pattern. */
  assert_events(T("sometimesBy", p, 2, N(0.37), F("fast", N(1))), 0, 20, describe(p, 0, 20));
}

static void test_sometimes_by_changes_what_degrade_by_removes(void **s) {
  /* Tidal's definition: sometimesBy x f p = overlay (degradeBy x p) (f (unDegradeBy x p)). */
  ph_pat *p = a_to_h();
  ph_pat *kept = T("degradeBy", p, 1, N(0.4));
  ph_pat *changed = T("late", T("undegradeBy", p, 1, N(0.6)), 1, N(0.5));
  ph_pat *both[] = {kept, changed};
  assert_events(T("sometimesBy", p, 2, N(0.4), F("late", N(0.5))), 0, 1, describe(ph_stack(t_arena, both, 2), 0, 1));
}

/* ---------------------------------------------------------------- someCycles */

static void test_some_cycles_matches_strudel(void **s) {
  /* "<a b> c [d e]".someCyclesBy(0.5, x => x.fast(2)) */
  assert_events(T("someCyclesBy", alt_ab_c_de(), 2, N(0.5), F("fast", N(2))), 0, 4,
                "0 1/6 a; 1/6 1/3 c; 1/3 5/12 d; 5/12 1/2 e; 1 4/3 b; 4/3 5/3 c; 3/2 5/3 b; 5/3 11/6 c; "
                "5/3 11/6 d; 11/6 23/12 d; 11/6 2 e; 23/12 2 e; 2 7/3 a; 2 13/6 a; 13/6 7/3 c; "
                "7/3 8/3 c; 7/3 29/12 d; 29/12 5/2 e; 5/2 8/3 b; 8/3 17/6 c; 8/3 17/6 d; 17/6 35/12 d; "
                "17/6 3 e; 35/12 3 e; 7/2 11/3 b; 11/3 23/6 c; 23/6 47/12 d; 47/12 4 e");
  /* "a b".someCycles(x => x.late(0.25)) */
  assert_events(T("someCycles", W("a b"), 1, F("late", N(0.25))), 0, 6,
                "1/4 3/4 a; 3/4 5/4 (3/4 1) b; 3/4 5/4 (1 5/4) b; 1 3/2 a; 3/2 2 b; 2 5/2 a; 5/2 3 b; "
                "13/4 15/4 a; 15/4 17/4 (15/4 4) b; 15/4 17/4 (4 17/4) b; 17/4 19/4 a; "
                "19/4 21/4 (19/4 5) b; 19/4 21/4 (5 21/4) b; 21/4 23/4 a; 23/4 25/4 (23/4 6) b");
  /* "a".slow(2).someCyclesBy(0.3, x => x.fast(2)): one decision per cycle, also mid-event */
  assert_events(T("somecyclesBy", ph_slow_c(t_arena, ph_rat_int(2), S("a")), 2, N(0.3), F("fast", N(2))), 0, 6,
                "0 1 (0 1/2) a; 0 2 (1 2) a; 1 2 (3/2 2) a; 2 4 (2 3) a; 2 3 (2 5/2) a; 2 3 (5/2 3) a; "
                "3 4 (7/2 4) a; 5 6 (5 11/2) a");
}

static void test_some_cycles_decides_whole_cycles(void **s) {
  /* Each cycle is either all kept or all changed (here: all moved by an eighth). */
  ph_pat *p = a_to_h();
  ph_pat *q = T("someCyclesBy", p, 2, N(0.5), F("late", N(1.0 / 64)));
  int changed_cycles = 0;
  for (int c = 0; c < 40; c++) {
    ph_haps h = Q(q, c, c + 1);
    int moved = 0, onsets = 0;
    for (size_t i = 0; i < h.count; i++) {
      if (!ph_hap_has_onset(&h.items[i])) continue;
      onsets++;
      ph_rat eighths = ph_rat_mul(h.items[i].whole.begin, ph_rat_int(8));
      moved += !ph_rat_eq(eighths, ph_rat_floor(eighths));
    }
    assert_int_equal(onsets, 8);
    assert_true(moved == 0 || moved == 8);
    changed_cycles += moved == 8;
  }
  assert_true(changed_cycles > 10 && changed_cycles < 30);
}

/* ---------------------------------------------------------------- shuffle, scramble */

static void test_shuffle_matches_strudel(void **s) {
  /* "a b c d e f g h".shuffle(8) */
  assert_events(T("shuffle", a_to_h(), 1, N(8)), 0, 2,
                "0 1/8 c; 1/8 1/4 f; 1/4 3/8 b; 3/8 1/2 d; 1/2 5/8 a; 5/8 3/4 g; 3/4 7/8 h; 7/8 1 e; "
                "1 9/8 g; 9/8 5/4 c; 5/4 11/8 a; 11/8 3/2 f; 3/2 13/8 d; 13/8 7/4 e; 7/4 15/8 h; 15/8 2 b");
  /* "<a b> c [d e]".shuffle(4): slices cut through events, zoom keeps their wholes */
  assert_events(T("shuffle", alt_ab_c_de(), 1, N(4)), 0, 4,
                "-1/6 1/6 (0 1/6) c; 1/6 1/3 (1/6 1/4) d; 0 1/3 (1/4 1/3) a; 1/3 2/3 (1/3 1/2) c; "
                "5/12 7/12 (1/2 7/12) d; 7/12 3/4 e; 3/4 13/12 (3/4 1) a; 5/6 7/6 (1 7/6) c; "
                "7/6 4/3 (7/6 5/4) d; 5/4 19/12 (5/4 3/2) b; 17/12 19/12 (3/2 19/12) d; 19/12 7/4 e; "
                "3/2 11/6 (7/4 11/6) b; 11/6 13/6 (11/6 2) c; 7/4 25/12 (2 25/12) a; "
                "25/12 29/12 (25/12 9/4) c; 9/4 31/12 (9/4 5/2) a; 7/3 8/3 (5/2 8/3) c; "
                "8/3 17/6 (8/3 11/4) d; 8/3 17/6 (11/4 17/6) d; 17/6 3 e; 3 10/3 (3 13/4) b; "
                "37/12 41/12 (13/4 41/12) c; 41/12 43/12 (41/12 7/2) d; 41/12 43/12 (7/2 43/12) d; "
                "43/12 15/4 e; 7/2 23/6 (15/4 23/6) b; 23/6 25/6 (23/6 4) c");
  /* "a b c d".shuffle("<2 4>") */
  assert_events(T("shuffle", W("a b c d"), 1, alt(N(2), N(4))), 0, 2,
                "0 1/4 c; 1/4 1/2 d; 1/2 3/4 a; 3/4 1 b; 1 5/4 c; 5/4 3/2 a; 3/2 7/4 d; 7/4 2 b");
}

static void test_shuffle_plays_each_part_once(void **s) {
  ph_pat *q = T("shuffle", W("0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"), 1, N(16));
  for (int c = 0; c < 20; c++) {
    ph_haps h = Q(q, c, c + 1);
    assert_int_equal(h.count, 16);
    int seen = 0;
    for (size_t i = 0; i < h.count; i++) seen |= 1 << (int)h.items[i].value.as.num;
    assert_int_equal(seen, 0xffff);
  }
  /* Zero parts give silence; one part fails when queried, as in Strudel (which then plays
   * nothing at all); scramble 1 plays the pattern as it is. */
  assert_events(T("shuffle", W("a b"), 1, N(0)), 0, 2, "");
  ph_error err;
  ph_error_clear(&err);
  ph_haps h = ph_pat_query_span(T("shuffle", W("a b"), 1, N(1)), t_arena, (ph_span){ph_rat_int(0), ph_rat_int(2)}, &err);
  assert_int_equal(err.status, PH_ERR_ARGUMENT);
  assert_int_equal(h.count, 0);
  assert_events(T("scramble", W("a b"), 1, N(1)), 0, 2, "0 1/2 a; 1/2 1 b; 1 3/2 a; 3/2 2 b");
}

static void test_scramble_matches_strudel(void **s) {
  /* "[bd bd] [sn cp]".scramble(4) */
  assert_events(T("scramble", bd_sn_cp(), 1, N(4)), 0, 4,
                "0 1/4 bd; 1/4 1/2 bd; 1/2 3/4 bd; 3/4 1 bd; 1 5/4 sn; 5/4 3/2 sn; 3/2 7/4 sn; 7/4 2 bd; "
                "2 9/4 cp; 9/4 5/2 bd; 5/2 11/4 bd; 11/4 3 sn; 3 13/4 bd; 13/4 7/2 cp; 7/2 15/4 bd; 15/4 4 cp");
  /* "a b c".scramble(3) */
  assert_events(T("scramble", W("a b c"), 1, N(3)), 0, 3,
                "0 1/3 a; 1/3 2/3 b; 2/3 1 a; 1 4/3 b; 4/3 5/3 b; 5/3 2 a; 2 7/3 c; 7/3 8/3 b; 8/3 3 c");
}

/* ---------------------------------------------------------------- errors */

static void expect_error(const char *name, ph_pat *pat, ph_pat *arg0, ph_pat *arg1) {
  const ph_transform_def *def = ph_transform_find(name);
  assert_non_null(def);
  ph_pat *args[] = {arg0, arg1};
  ph_error err;
  ph_error_clear(&err);
  ph_pat *r = def->apply(t_arena, args, pat, &err);
  if (r) { /* patterned arguments fail when queried */
    ph_pat_query_span(r, t_arena, (ph_span){ph_rat_int(0), ph_rat_int(2)}, &err);
  }
  assert_true(ph_error_is_set(&err));
  assert_int_equal(err.status, PH_ERR_ARGUMENT);
}

static void test_bad_arguments_are_errors(void **s) {
  expect_error("shuffle", W("a b"), N(1.5), NULL);
  expect_error("shuffle", W("a b"), N(5000), NULL);
  expect_error("scramble", W("a b"), N(-2), NULL);
  expect_error("shuffle", W("a b"), alt(N(2), N(2.5)), NULL);
  expect_error("degradeBy", W("a b"), S("x"), NULL);
  expect_error("sometimesBy", W("a b"), N(0.5), N(2));
  expect_error("sometimes", W("a b"), S("rev"), NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_degrade_by_matches_strudel, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_undegrade_matches_strudel, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_degrade_by_patterned_amount, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_degrade_limits_and_complement, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_degrade_keeps_steps, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_sometimes_by_matches_strudel, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_sometimes_cuts_events_at_cycles, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_sometimes_shorthands_match_strudel, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_sometimes_by_limits, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_sometimes_by_changes_what_degrade_by_removes, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_some_cycles_matches_strudel, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_some_cycles_decides_whole_cycles, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_shuffle_matches_strudel, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_shuffle_plays_each_part_once, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_scramble_matches_strudel, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_bad_arguments_are_errors, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
