/* The parser never crashes and always locates its errors, whatever it is given: random token
 * soup and random bytes (run under the sanitizers in the Debug build). */
#include <stdlib.h>
#include <string.h>

#include "lang/parser.h"
#include "support.h"

static const char *const fragments[] = {
    "out", "$", "#", "~a", "~f", "(", ")", "[", "]", ",", ":", ":q", "\"bd [sn\"", "\"bd sn\"", "\"<0 3>*2\"",
    "1", "-", "-1", ".5", "5.", "1e3", "+", "*", "/", "|+", "+|", "|+|", "|*", "~*", "~+", "|<", ">|", "fast",
    "rev", "every", "jux", "s", "n", "lpf", "sine", "noise", "\n", "\n\n", " ", "  ", "--c\n", "//x\n", "@t",
    "%p", "fn", "=", "hush", "hush2", "panic", "solo", "tempo:", "cps", "bpm", "buffer", "outmix", "o1", "d2",
    "out3", "'", "<~", ".", "\"", "^", "\xc3\xa9", "\t", "~", "|", "@", "%", "-- x", "setCycle", "nudge", "x",
};

static char *soup(unsigned *seed, size_t *len_out) {
  size_t n = (size_t)(rand_r(seed) % 40);
  size_t cap = 8 + n * 16, len = 0;
  char *s = malloc(cap);
  if (rand_r(seed) % 2) { /* mostly expressions after a statement head */
    memcpy(s, "out $ ", 6);
    len = 6;
  }
  for (size_t i = 0; i < n; i++) {
    const char *f = fragments[rand_r(seed) % (sizeof fragments / sizeof *fragments)];
    size_t fl = strlen(f);
    memcpy(s + len, f, fl);
    len += fl;
    if (rand_r(seed) % 3) s[len++] = ' ';
  }
  s[len] = 0;
  *len_out = len;
  return s;
}

static char *noise_bytes(unsigned *seed) {
  size_t n = (size_t)(rand_r(seed) % 60);
  char *s = malloc(n + 1);
  for (size_t i = 0; i < n; i++) {
    int c = rand_r(seed) % 255 + 1;
    s[i] = (char)c;
  }
  s[n] = 0;
  return s;
}

static size_t statements_seen, errors_seen;

static int iterations(int base) {
  const char *env = getenv("PH_FUZZ_SCALE"); /* e.g. 100 for a long run */
  return env && atoi(env) > 0 ? base * atoi(env) : base;
}

static void check_program(const char *src) {
  ph_arena_reset(t_arena);
  ph_program *p = ph_parse_program(t_arena, src, "fuzz.ph");
  assert_non_null(p);
  char buf[512];
  statements_seen += p->count;
  errors_seen += p->nerrors;
  for (size_t i = 0; i < p->count; i++) {
    ph_stmt_print(p->stmts[i], buf, sizeof buf);
    if (strstr(buf, "<null>")) fail_msg("a statement with a missing part: %s\nfrom: %s", buf, src);
  }
  for (size_t i = 0; i < p->nerrors; i++) {
    const ph_error *e = &p->errors[i];
    if (e->status != PH_ERR_SYNTAX || e->line < 1 || e->column < 1 || !e->message[0])
      fail_msg("an error without a position or text (%d:%d '%s') for: %s", e->line, e->column, e->message, src);
  }
}

static void test_token_soup(void **s) {
  unsigned seed = 12345;
  statements_seen = errors_seen = 0;
  for (int i = 0, n = iterations(20000); i < n; i++) {
    size_t len;
    char *src = soup(&seed, &len);
    check_program(src);
    free(src);
  }
  print_message("statements %zu errors %zu\n", statements_seen, errors_seen);
  /* the soup reaches both the statements and the errors */
  assert_true(statements_seen > 500);
  assert_true(errors_seen > 1000);
}

static void test_random_bytes(void **s) {
  unsigned seed = 777;
  for (int i = 0, n = iterations(5000); i < n; i++) {
    char *src = noise_bytes(&seed);
    check_program(src);
    free(src);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_token_soup, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_random_bytes, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
