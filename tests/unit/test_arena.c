/* Arenas: growable, fixed, and over caller memory; exhaustion is NULL, never a crash. */
#define _DEFAULT_SOURCE /* mincore */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "support.h"

static void test_growable_arena_grows_and_resets(void **s) {
  ph_arena a;
  ph_arena_init(&a, 256);
  for (int i = 0; i < 100; i++) assert_non_null(ph_arena_alloc(&a, 200));
  assert_true(a.used_total >= 100 * 200);
  ph_arena_reset(&a);
  assert_int_equal(a.used_total, 0);
  char *p = ph_arena_strdup(&a, "phonon");
  assert_string_equal(p, "phonon");
  ph_arena_destroy(&a);
}

static void test_fixed_arena_reports_exhaustion(void **s) {
  ph_arena a;
  assert_true(ph_arena_init_fixed(&a, 1024));
  assert_non_null(ph_arena_alloc(&a, 1000));
  assert_null(ph_arena_alloc(&a, 100));
  ph_arena_reset(&a);
  assert_non_null(ph_arena_alloc(&a, 1000));
  ph_arena_destroy(&a);
}

static void test_arena_over_caller_memory(void **s) {
  static unsigned char mem[4096];
  ph_arena a;
  assert_true(ph_arena_init_over(&a, mem + 3, sizeof mem - 3)); /* misaligned on purpose */
  unsigned char *p = ph_arena_alloc(&a, 64);
  assert_non_null(p);
  assert_true(p >= mem && p + 64 <= mem + sizeof mem);
  assert_int_equal((uintptr_t)p % 16, 0);
  assert_null(ph_arena_alloc(&a, 8192));
  ph_arena_destroy(&a); /* frees nothing */
  assert_false(ph_arena_init_over(&a, mem, 8));
}

static void test_realloc_grows_in_place_when_last(void **s) {
  ph_arena a;
  ph_arena_init(&a, 4096);
  char *p = ph_arena_alloc(&a, 32);
  memcpy(p, "abc", 4);
  char *q = ph_arena_realloc(&a, p, 32, 64);
  assert_ptr_equal(p, q);
  assert_string_equal(q, "abc");
  ph_arena_destroy(&a);
}

static bool all_zero(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i]) return false;
  return true;
}

/* zalloc gives zeros wherever the memory was written before: reused after a reset, grown
 * in place by realloc, across the chunk's used part and past it; over caller memory too. */
static void test_zalloc_clears_what_was_written(void **s) {
  ph_arena a;
  ph_arena_init(&a, 4096);
  for (int round = 0; round < 3; round++) {
    unsigned char *p = ph_arena_alloc(&a, 1000);
    memset(p, 0xab, 1000);
    p = ph_arena_realloc(&a, p, 1000, 2000); /* in place: the chunk's last */
    memset(p, 0xcd, 2000);
    ph_arena_reset(&a);
    assert_true(all_zero(ph_arena_zalloc(&a, 2000), 2000));
    unsigned char *z = ph_arena_zalloc(&a, 1500); /* fresh memory */
    assert_true(all_zero(z, 1500));
    memset(z, 0xef, 1500);
    ph_arena_reset(&a);
    unsigned char *again = ph_arena_zalloc(&a, 4000); /* over all three, and 500 bytes more */
    assert_true(all_zero(again, 4000));
    memset(again, 0x11, 4000);
    ph_arena_reset(&a);
  }
  ph_arena_destroy(&a);
  static unsigned char mem[2048];
  memset(mem, 0x5a, sizeof mem);
  assert_true(ph_arena_init_over(&a, mem, sizeof mem));
  assert_true(all_zero(ph_arena_zalloc(&a, 1024), 1024));
  ph_arena_destroy(&a);
}

/* Pages of the arena's handed-out memory, and how many of them are in RAM. */
static void residency(void *p, size_t size, size_t *pages, size_t *resident) {
  long page = sysconf(_SC_PAGESIZE);
  uintptr_t from = (uintptr_t)p & ~(uintptr_t)(page - 1), to = (uintptr_t)p + size;
  *pages = (to - from + (size_t)page - 1) / (size_t)page;
  unsigned char *in = malloc(*pages);
  assert_int_equal(mincore((void *)from, to - from, in), 0);
  *resident = 0;
  for (size_t i = 0; i < *pages; i++) *resident += in[i] & 1;
  free(in);
}

/* A large zalloc from fresh memory is not in RAM until written; made resident, all of it is,
 * and it still reads as zeros. */
static void test_made_resident_before_an_audio_thread_needs_it(void **s) {
  enum { SIZE = 8 << 20 };
  ph_arena a;
  ph_arena_init(&a, 64 * 1024);
  unsigned char *p = ph_arena_zalloc(&a, SIZE);
  assert_non_null(p);
  size_t pages, resident;
  residency(p, SIZE, &pages, &resident);
  /* calloc's fresh pages, not touched by zalloc (valgrind's calloc writes them itself) */
  if (resident >= pages / 2) print_message("already in RAM before: %zu of %zu pages\n", resident, pages);
  ph_arena_make_resident(&a);
  residency(p, SIZE, &pages, &resident);
  assert_int_equal(resident, pages);
  assert_true(all_zero(p, SIZE));
  ph_arena_destroy(&a);
}

/* A chunk of PH_ARENA_HUGE_CHUNK starts on a huge-page boundary (its header first), so the
 * kernel can back it with one huge page; a bigger one with several. (AddressSanitizer builds
 * take every chunk from calloc.) */
static void test_huge_chunks_start_on_huge_page_boundaries(void **s) {
  enum { HUGE = 2 << 20 };
  ph_arena a;
  ph_arena_init(&a, PH_ARENA_HUGE_CHUNK);
  unsigned char *first = ph_arena_zalloc(&a, PH_ARENA_HUGE_CHUNK);
  unsigned char *bigger = ph_arena_zalloc(&a, 3 * (size_t)HUGE);
  assert_non_null(first);
  assert_non_null(bigger);
#if !defined(__SANITIZE_ADDRESS__)
  assert_true((uintptr_t)first % HUGE < 64);
  assert_true((uintptr_t)bigger % HUGE < 64);
#endif
  assert_true(all_zero(first, PH_ARENA_HUGE_CHUNK));
  assert_true(all_zero(bigger, 3 * (size_t)HUGE));
  memset(first, 0x7f, PH_ARENA_HUGE_CHUNK);
  memset(bigger, 0x7f, 3 * (size_t)HUGE);
  ph_arena_destroy(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_growable_arena_grows_and_resets),
      cmocka_unit_test(test_fixed_arena_reports_exhaustion),
      cmocka_unit_test(test_arena_over_caller_memory),
      cmocka_unit_test(test_realloc_grows_in_place_when_last),
      cmocka_unit_test(test_zalloc_clears_what_was_written),
      cmocka_unit_test(test_made_resident_before_an_audio_thread_needs_it),
      cmocka_unit_test(test_huge_chunks_start_on_huge_page_boundaries),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
