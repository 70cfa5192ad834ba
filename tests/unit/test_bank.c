/* The sample bank: name:index lookups wrap like Dirt-Samples, unknown names are NULL and are
 * reported once through the missing set, never from the lookup itself. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "support.h"
#include "voice/bank.h"

#define RATE 44100.0

/* A one-frame sample whose value tells which one it is. */
static ph_sample *marked(double value) {
  char name[32];
  snprintf(name, sizeof name, "marked %g", value);
  ph_sample *s = ph_sample_create(name, 1, 1, RATE);
  assert_non_null(s);
  s->data[0] = (float)value;
  return s;
}

static ph_bank *bank_with_bd3(void) {
  ph_bank *b = ph_bank_create(RATE);
  assert_non_null(b);
  for (int i = 0; i < 3; i++) assert_true(ph_bank_add(b, "bd", marked(i)));
  assert_true(ph_bank_add(b, "sn", marked(10)));
  return b;
}

static int mark_of(const ph_sample *s) {
  assert_non_null(s);
  return (int)s->data[0];
}

/* A file's floats beyond ±1e6 (or NaN) would let voices reach a blow-up: the bank clamps them. */
static void test_samples_are_bounded(void **state) {
  ph_bank *b = ph_bank_create(RATE);
  ph_sample *s = ph_sample_create("wild", 4, 1, RATE);
  s->data[0] = 1e12f, s->data[1] = -1e30f, s->data[2] = NAN, s->data[3] = 0.5f;
  assert_true(ph_bank_add(b, "wild", s));
  const ph_sample *got = ph_bank_lookup(b, "wild");
  assert_float_equal(got->data[0], PH_SAMPLE_MAX, 0);
  assert_float_equal(got->data[1], -PH_SAMPLE_MAX, 0);
  assert_float_equal(got->data[2], 0.0f, 0);
  assert_float_equal(got->data[3], 0.5f, 0);
  ph_bank_destroy(b);
}

static void test_index_wraps_modulo_count(void **state) {
  ph_bank *b = bank_with_bd3();
  for (int i = 0; i < 9; i++) assert_int_equal(mark_of(ph_bank_get(b, "bd", i)), i % 3);
  assert_int_equal(mark_of(ph_bank_get(b, "bd", -1)), 2);
  assert_int_equal(mark_of(ph_bank_get(b, "bd", -3)), 0);
  assert_int_equal(mark_of(ph_bank_get(b, "bd", -4)), 2);
  assert_int_equal(mark_of(ph_bank_get(b, "bd", -2147483647 - 1)), 1); /* INT_MIN mod 3 = -2 → 1 */
  assert_int_equal(mark_of(ph_bank_get(b, "sn", 7)), 10);
  assert_int_equal(ph_bank_count(b, "bd"), 3);
  ph_bank_destroy(b);
}

static void test_lookup_parses_name_and_index(void **state) {
  ph_bank *b = bank_with_bd3();
  assert_int_equal(mark_of(ph_bank_lookup(b, "bd")), 0);
  assert_int_equal(mark_of(ph_bank_lookup(b, "bd:1")), 1);
  assert_int_equal(mark_of(ph_bank_lookup(b, "bd:5")), 2);
  assert_int_equal(mark_of(ph_bank_lookup(b, "bd:-1")), 2);
  assert_int_equal(mark_of(ph_bank_lookup(b, "bd:-5")), 1);
  /* unparsable indices are 0 */
  const char *bad[] = {"bd:", "bd:x", "bd:1x", "bd:3:2", "bd:-", "bd: 1", "bd:1.5",
                       "bd:99999999999999999999"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    assert_int_equal(mark_of(ph_bank_lookup(b, bad[i])), 0);
  assert_null(ph_bank_lookup(b, "b"));
  assert_null(ph_bank_lookup(b, "bdx:1"));
  assert_null(ph_bank_lookup(b, ""));
  assert_null(ph_bank_lookup(b, ":1"));
  ph_bank_destroy(b);
}

static void test_add_refuses_wrong_rate_and_bad_names(void **state) {
  ph_bank *b = ph_bank_create(RATE);
  assert_false(ph_bank_add(b, "bd", ph_sample_create("x", 10, 1, 48000.0))); /* destroyed, not leaked */
  assert_false(ph_bank_add(b, "bd:1", marked(1)));
  assert_false(ph_bank_add(b, "", marked(1)));
  assert_false(ph_bank_add(b, "bd", NULL));
  assert_int_equal(ph_bank_name_count(b), 0);
  assert_null(ph_bank_get(b, "bd", 0));
  ph_bank_destroy(b);
}

static void test_many_names_survive_growth(void **state) {
  ph_bank *b = ph_bank_create(RATE);
  char name[16];
  for (int i = 0; i < 500; i++) {
    snprintf(name, sizeof name, "n%d", i);
    assert_true(ph_bank_add(b, name, marked(i)));
  }
  assert_int_equal(ph_bank_name_count(b), 500);
  for (int i = 0; i < 500; i++) {
    snprintf(name, sizeof name, "n%d", i);
    assert_int_equal(mark_of(ph_bank_get(b, name, 0)), i);
    assert_string_equal(ph_bank_name_at(b, i), name);
  }
  assert_null(ph_bank_name_at(b, 500));
  ph_bank_destroy(b);
}

static void test_origin(void **state) {
  ph_bank *b = bank_with_bd3();
  assert_null(ph_bank_origin(b, "bd"));
  assert_true(ph_bank_set_origin(b, "bd", "/x/samples/bd"));
  assert_true(ph_bank_set_origin(b, "bd", "/y/samples/bd"));
  assert_string_equal(ph_bank_origin(b, "bd"), "/y/samples/bd");
  assert_false(ph_bank_set_origin(b, "zz", "/nowhere"));
  ph_bank_destroy(b);
}

static int drain(ph_bank *b, char names[][PH_BANK_MISSING_NAME_MAX], int max) {
  int n = 0;
  char name[PH_BANK_MISSING_NAME_MAX];
  while (ph_bank_take_missing(b, name, sizeof name)) {
    assert_true(n < max);
    strcpy(names[n++], name);
  }
  return n;
}

static bool contains(char names[][PH_BANK_MISSING_NAME_MAX], int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (!strcmp(names[i], name)) return true;
  return false;
}

static void test_missing_names_are_reported_once(void **state) {
  ph_bank *b = bank_with_bd3();
  char names[PH_BANK_MISSING_SLOTS][PH_BANK_MISSING_NAME_MAX];
  assert_int_equal(drain(b, names, PH_BANK_MISSING_SLOTS), 0);
  for (int i = 0; i < 5; i++) {
    assert_null(ph_bank_lookup(b, "kick:2"));
    assert_null(ph_bank_get(b, "clap", i));
  }
  assert_non_null(ph_bank_lookup(b, "bd:1"));
  assert_int_equal(ph_bank_count(b, "never-looked-up"), 0); /* counting records nothing */
  int n = drain(b, names, PH_BANK_MISSING_SLOTS);
  assert_int_equal(n, 2);
  assert_true(contains(names, n, "kick")); /* the name, not the index */
  assert_true(contains(names, n, "clap"));
  /* once taken, the same names are not reported again; a new one is */
  assert_null(ph_bank_lookup(b, "kick"));
  assert_null(ph_bank_lookup(b, "hh27"));
  n = drain(b, names, PH_BANK_MISSING_SLOTS);
  assert_int_equal(n, 1);
  assert_string_equal(names[0], "hh27");
  assert_int_equal(ph_bank_missing_dropped(b), 0);
  ph_bank_destroy(b);
}

static void test_long_names_are_truncated_and_a_full_set_drops(void **state) {
  ph_bank *b = ph_bank_create(RATE);
  char longname[200];
  memset(longname, 'a', sizeof longname - 1);
  longname[sizeof longname - 1] = '\0';
  assert_null(ph_bank_get(b, longname, 0));
  assert_null(ph_bank_get(b, longname, 0));
  char name[PH_BANK_MISSING_NAME_MAX];
  assert_true(ph_bank_take_missing(b, name, sizeof name));
  assert_int_equal(strlen(name), PH_BANK_MISSING_NAME_MAX - 1);
  assert_false(ph_bank_take_missing(b, name, sizeof name));
  /* the set has one slot left; two more names: one fits, one is counted as dropped */
  for (int i = 0; i < PH_BANK_MISSING_SLOTS; i++) {
    snprintf(name, sizeof name, "m%d", i);
    assert_null(ph_bank_get(b, name, 0));
  }
  assert_int_equal(ph_bank_missing_dropped(b), 1);
  int n = 0;
  while (ph_bank_take_missing(b, name, sizeof name)) n++;
  assert_int_equal(n, PH_BANK_MISSING_SLOTS - 1);
  ph_bank_destroy(b);
}

/* Two threads miss distinct names while a third drains: every name arrives exactly once. */
typedef struct {
  ph_bank *bank;
  int first;
} miss_job;

static void *miss_names(void *arg) {
  miss_job *job = arg;
  char name[16];
  for (int round = 0; round < 200; round++)
    for (int i = 0; i < 20; i++) {
      snprintf(name, sizeof name, "x%d", job->first + i);
      if (ph_bank_get(job->bank, name, round)) return arg; /* never found: the test fails below */
    }
  return NULL;
}

static void test_concurrent_misses_are_each_reported_once(void **state) {
  ph_bank *b = bank_with_bd3();
  miss_job jobs[2] = {{b, 0}, {b, 20}};
  pthread_t threads[2];
  for (int t = 0; t < 2; t++) assert_int_equal(pthread_create(&threads[t], NULL, miss_names, &jobs[t]), 0);
  int seen[40] = {0};
  char name[PH_BANK_MISSING_NAME_MAX];
  int done = 0;
  for (int spins = 0; spins < 1000000 && done < 40; spins++)
    while (ph_bank_take_missing(b, name, sizeof name)) {
      int k = -1;
      assert_int_equal(sscanf(name, "x%d", &k), 1);
      assert_true(k >= 0 && k < 40);
      seen[k]++;
      done++;
    }
  for (int t = 0; t < 2; t++) {
    void *result = (void *)1;
    assert_int_equal(pthread_join(threads[t], &result), 0);
    assert_null(result);
  }
  while (ph_bank_take_missing(b, name, sizeof name)) {
    int k = -1;
    assert_int_equal(sscanf(name, "x%d", &k), 1);
    seen[k]++;
  }
  for (int k = 0; k < 40; k++) assert_int_equal(seen[k], 1);
  ph_bank_destroy(b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_samples_are_bounded),
      cmocka_unit_test(test_index_wraps_modulo_count),
      cmocka_unit_test(test_lookup_parses_name_and_index),
      cmocka_unit_test(test_add_refuses_wrong_rate_and_bad_names),
      cmocka_unit_test(test_many_names_survive_growth),
      cmocka_unit_test(test_origin),
      cmocka_unit_test(test_missing_names_are_reported_once),
      cmocka_unit_test(test_long_names_are_truncated_and_a_full_set_drops),
      cmocka_unit_test(test_concurrent_misses_are_each_reported_once),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
