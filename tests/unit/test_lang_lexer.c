/* Tokens (kinds, offsets, line flags) and the statement ranges built from them. */
#include <string.h>

#include "lang/lexer.h"
#include "lang/source.h"
#include "support.h"

/* "kind:text" for every token, space separated, EOF left out. */
static const char *tokens_of(const char *src) {
  static char buf[2048];
  static const char *const kinds[] = {"eof", "err", "num", "str", "id", "bus", "tpl", "pv", ":", "$", "#",
                                      "(", ")", "[", "]", ",", "=", "op"};
  ph_token_list tl;
  assert_true(ph_lex(t_arena, src, &tl));
  size_t len = 0;
  buf[0] = 0;
  for (size_t i = 0; i + 1 < tl.count; i++) {
    const ph_token *t = &tl.tokens[i];
    len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s:%.*s", i ? " " : "", kinds[t->kind], (int)t->len,
                            src + t->offset);
  }
  assert_int_equal(tl.tokens[tl.count - 1].kind, PH_TK_EOF);
  return buf;
}

#define TOKENS(src, want) assert_string_equal(tokens_of(src), want)

static void test_token_kinds(void **s) {
  TOKENS("out$s \"bd -- sn\"#lpf 300", "id:out $:$ id:s str:\"bd -- sn\" #:# id:lpf num:300");
  TOKENS("~a:b ~c @t %p :q", "bus:~a:b bus:~c tpl:@t pv:%p ::: id:q");
  TOKENS("1 .5 5. 1e3 2.5e-1 -3", "num:1 num:.5 num:5. num:1e3 num:2.5e-1 op:- num:3");
  TOKENS("a|+b +| |+| |< >| ~* ~- *|", "id:a op:|+ id:b op:+| op:|+| op:|< op:>| op:~* op:~- op:*|");
  TOKENS("every' 3 [a, b] f = x", "id:every' num:3 [:[ id:a ,:, id:b ]:] id:f =:= id:x");
  /* comments are gone, even glued to an operator */
  TOKENS("a -- c\nb // d\nc |-- e", "id:a id:b id:c err:|");
  TOKENS("x . y <~ ~> ^ 4q", "id:x err:. id:y err:<~ err:~> err:^ err:4q");
  TOKENS("\"open", "err:\"open");
}

static void test_line_flags(void **s) {
  const char *src = "out $ a\n  -- note\n  # b\n\n   \nc";
  ph_token_list tl;
  assert_true(ph_lex(t_arena, src, &tl));
  assert_int_equal(tl.count, 7); /* out $ a # b c EOF */
  assert_true(tl.tokens[0].line_start);
  assert_false(tl.tokens[1].line_start);
  assert_true(tl.tokens[3].line_start); /* # after a comment-only line */
  assert_false(tl.tokens[3].blank_before);
  assert_int_equal(tl.tokens[3].line, 3);
  assert_int_equal(tl.tokens[3].offset, 20);
  assert_true(tl.tokens[5].blank_before); /* c after blank lines */
  assert_int_equal(tl.tokens[5].line, 6);
  assert_true(tl.tokens[4].space_before);
  assert_false(tl.tokens[1].line_start);
}

static void test_statement_ranges(void **s) {
  const char *src = "tempo: 1\nout $ a\n  # b\n  hush\n~x: c\n\n  orphan\n\"s\"\n";
  ph_token_list tl;
  ph_stmt_ranges r;
  assert_true(ph_lex(t_arena, src, &tl));
  assert_true(ph_split_statements(t_arena, &tl, &r));
  assert_int_equal(r.count, 5);
  size_t want[][2] = {{0, 3}, {3, 8}, {8, 9}, {9, 12}, {12, 14}}; /* hush is its own statement */
  for (size_t i = 0; i < r.count; i++) {
    assert_int_equal(r.ranges[i].begin, want[i][0]);
    assert_int_equal(r.ranges[i].end, want[i][1]);
  }
  assert_false(r.ranges[3].orphan);
  assert_true(r.ranges[4].orphan); /* "orphan" and the string line after it: one range */
  assert_true(r.ranges[4].after_blank);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_token_kinds, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_line_flags, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_statement_ranges, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
