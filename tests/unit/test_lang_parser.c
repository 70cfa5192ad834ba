/* The language parser: the tree of each statement and expression, printed as s-expressions,
 * and the position of every error. */
#include <stdlib.h>
#include <string.h>

#include "lang/lexer.h"
#include "lang/parser.h"
#include "support.h"

static const char *expr_text(const char *src) {
  static char buf[4096];
  ph_error err;
  ph_error_clear(&err);
  ph_ast *n = ph_parse_expression(t_arena, src, &err);
  if (!n) {
    snprintf(buf, sizeof buf, "error %d:%d %s", err.line, err.column, err.message);
    return buf;
  }
  ph_ast_print(n, buf, sizeof buf);
  return buf;
}

/* Every statement on its own line; errors as "error LINE:COL message". */
static const char *program_text(const char *src) {
  static char buf[8192];
  size_t len = 0;
  buf[0] = 0;
  ph_program *p = ph_parse_program(t_arena, src, "t.ph");
  assert_non_null(p);
  for (size_t i = 0; i < p->count && len < sizeof buf; i++) {
    len += ph_stmt_print(p->stmts[i], buf + len, sizeof buf - len);
    if (len + 1 < sizeof buf) buf[len++] = '\n', buf[len] = 0;
  }
  for (size_t i = 0; i < p->nerrors && len < sizeof buf; i++)
    len += (size_t)snprintf(buf + len, sizeof buf - len, "error %d:%d %s\n", p->errors[i].line, p->errors[i].column,
                            p->errors[i].message);
  return buf;
}

#define EXPR(src, want) assert_string_equal(expr_text(src), want)
#define PROG(src, want) assert_string_equal(program_text(src), want)

static void error_at(const char *src, int line, int col, const char *text) {
  ph_program *p = ph_parse_program(t_arena, src, "t.ph");
  assert_non_null(p);
  if (p->nerrors == 0) fail_msg("no error for: %s", src);
  if (p->errors[0].line != line || p->errors[0].column != col || !strstr(p->errors[0].message, text))
    fail_msg("for %s\n got %d:%d %s\nwant %d:%d ...%s...", src, p->errors[0].line, p->errors[0].column,
             p->errors[0].message, line, col, text);
}

static void test_precedence(void **s) {
  EXPR("a + b * c", "(+ a (* b c))");
  EXPR("a * b + c", "(+ (* a b) c)");
  EXPR("a - b - c", "(- (- a b) c)");
  EXPR("a / b / c", "(/ (/ a b) c)");
  EXPR("-x * y", "(* (neg x) y)");
  EXPR("- sine 440", "(neg (sine 440))");
  EXPR("sine 440 * 0.5", "(* (sine 440) 0.5)");
  EXPR("(a + b) * c", "(* (+ a b) c)");
  EXPR("a + b # f 1", "(# (+ a b) (f 1))");
  EXPR("n \"0 2\" + 60 # scale \"minor\"", "(# (+ (n \"0 2\") 60) (scale \"minor\"))");
  EXPR("s \"bd\" $ fast 2 # gain 0.5", "(# ($ (fast 2) (s \"bd\")) (gain 0.5))");
  /* $ binds tighter than #: the transform lands on the right side of the chain */
  EXPR("s \"bd\" # gain 0.5 $ fast 2", "(# (s \"bd\") ($ (fast 2) (gain 0.5)))");
  EXPR("lpf (sine 2 * 500 + 800) 0.8", "(lpf (+ (* (sine 2) 500) 800) 0.8)");
  EXPR("sine (440 + sine 2 * 10)", "(sine (+ 440 (* (sine 2) 10)))");
}

static void test_structure_and_signal_operators(void **s) {
  EXPR("a |+ b * c", "(|+ a (* b c))");
  EXPR("a |* b + c", "(+ (|* a b) c)");
  EXPR("a +| b |+| c", "(|+| (+| a b) c)");
  EXPR("a |- b -| c", "(-| (|- a b) c)");
  EXPR("a |/ b /| c |*| d", "(|*| (/| (|/ a b) c) d)");
  EXPR("a |> b <| c", "(<| (|> a b) c)");
  EXPR("a |< b >| c", "(>| (|< a b) c)");
  EXPR("a |% b", "(|% a b)");
  EXPR("a ~+ b ~* c", "(~+ a (~* b c))");
  EXPR("a ~- b ~/ c", "(~- a (~/ b c))");
  EXPR("\"0 3 7\" + \"<24 12>\"", "(+ \"0 3 7\" \"<24 12>\")");
  EXPR("out$s \"bd\"", "($ out (s \"bd\"))"); /* in an expression, out is a plain name */
}

static void test_dollar_in_both_orders(void **s) {
  EXPR("fast 2 $ s \"bd sn\"", "($ (fast 2) (s \"bd sn\"))");
  EXPR("s \"bd sn\" $ fast 2", "($ (fast 2) (s \"bd sn\"))");
  EXPR("fast 2 $ rev $ s \"bd\"", "($ (fast 2) ($ rev (s \"bd\")))");
  EXPR("s \"bd\" $ rev $ fast 2", "($ (fast 2) ($ rev (s \"bd\")))");
  EXPR("s \"bd\" $ fast 2 $ rev", "($ rev ($ (fast 2) (s \"bd\")))");
  EXPR("fast 2 $ s \"bd\" $ rev", "($ (fast 2) ($ rev (s \"bd\")))");
  EXPR("sine \"110 220\" $ fast 2", "($ (fast 2) (sine \"110 220\"))");
  EXPR("every 4 (fast 2) $ s \"bd\"", "($ (every 4 (fast 2)) (s \"bd\"))");
  EXPR("jux (fast 2 $ rev) $ s \"bd\"", "($ (jux ($ (fast 2) rev)) (s \"bd\"))");
  /* generic application (Part I rule 7): the right side is the left side's input */
  EXPR("lpf 1000 0.8 $ saw 55", "($ (lpf 1000 0.8) (saw 55))");
  EXPR("gain 0.5 $ s \"bd\" $ fast 2", "($ (gain 0.5) ($ (fast 2) (s \"bd\")))");
  /* buses and templates: transforms after them, or transforms themselves */
  EXPR("s \"bd\" $ ~t", "($ ~t (s \"bd\"))");
  EXPR("~drums $ fast 2", "($ (fast 2) ~drums)");
  EXPR("s \"bd\" $ @crazy", "($ @crazy (s \"bd\"))");
  EXPR("@crazy $ s \"bd\"", "($ @crazy (s \"bd\"))");
  /* transforms alone compose, rightmost first */
  EXPR("fast 2 $ rev", "($ (fast 2) rev)");
  EXPR("x $ (fast 2 $ rev)", "($ ($ (fast 2) rev) x)");
}

static void test_user_functions_take_either_side_of_dollar(void **s) {
  /* a fn is known program-wide (forward uses too) and applies from either side */
  PROG("out $ s \"bd\" $ stutter2 4\nout $ stutter2 4 $ s \"bd\"\nfn stutter2 n = fast n $ ply 2\n",
       "(out 0 $ ($ (stutter2 4) (s \"bd\")))\n(out 0 $ ($ (stutter2 4) (s \"bd\")))\n"
       "(fn stutter2 (n) ($ (fast n) (ply 2)))\n");
  /* inside the body, parameters too */
  PROG("fn twice t = s \"bd\" $ t\n", "(fn twice (t) ($ t (s \"bd\")))\n");
  PROG("~f t $ saw 55 $ t\n", "(bus ~f (t) $ ($ t (saw 55)))\n");
  /* without a definition, an unknown name is a value: generic application */
  EXPR("s \"bd\" $ stutter2 4", "($ (s \"bd\") (stutter2 4))");
}

static void test_sections(void **s) {
  EXPR("every 3 (# lpf 300) $ s \"bd\"", "($ (every 3 (sect (# _ (lpf 300)))) (s \"bd\"))");
  EXPR("sometimes (# speed 2 # gain 0.8)", "(sometimes (sect (# (# _ (speed 2)) (gain 0.8))))");
  EXPR("(fast 2 $ # lpf 300)", "($ (fast 2) (sect (# _ (lpf 300))))");
  EXPR("off 0.25 (|+ n 12) $ n \"0 3\"", "($ (off 0.25 (sect (|+ _ (n 12)))) (n \"0 3\"))");
  EXPR("every 2 (* 2)", "(every 2 (sect (* _ 2)))");
  EXPR("f (- 1)", "(f -1)");
  EXPR("off (1/8) (# crush 4)", "(off (/ 1 8) (sect (# _ (crush 4))))");
}

static void test_chains(void **s) {
  EXPR("s \"bd\" # n 3 # speed 2 # lpf 800 0.5", "(# (# (# (s \"bd\") (n 3)) (speed 2)) (lpf 800 0.5))");
  EXPR("~trig # timer", "(# ~trig timer)");
  EXPR("saw 55 # ~fx # @wet", "(# (# (saw 55) ~fx) @wet)");
  EXPR("s \"bd\" # note \"c3'maj\" + \"0 3 7\"", "(# (s \"bd\") (+ (note \"c3'maj\") \"0 3 7\"))");
}

static void test_arguments(void **s) {
  EXPR("lpf :cutoff 1000 :q 0.7", "(lpf :cutoff 1000 :q 0.7)");
  EXPR("reverb 0.8 0.5 :mix 0.3", "(reverb 0.8 0.5 :mix 0.3)");
  EXPR("s \"bd\" :note sine 2", "(s \"bd\" :note (sine 2))");
  EXPR("lpf -1", "(lpf -1)");
  EXPR("f 1 -2 (-3)", "(f 1 -2 -3)");
  EXPR("a - 1", "(- a 1)");
  EXPR("x-1", "(- x 1)");
  EXPR("f 1 - 2", "(- (f 1) 2)");
  EXPR("~mix ~a ~b", "(~mix ~a ~b)");
  EXPR("~a + ~b", "(+ ~a ~b)");
  EXPR("mix ~a ~b ~c", "(mix ~a ~b ~c)");
  EXPR("~add (sine 1) 0.5", "(~add (sine 1) 0.5)");
  EXPR("~midi:c:major", "~midi:c:major");
  EXPR("fast %speed $ s \"bd\"", "($ (fast %speed) (s \"bd\"))");
  EXPR("stack [sine 1, saw 2 # lpf 300, []]", "(stack [(sine 1) (# (saw 2) (lpf 300)) []])");
  EXPR("wchoose [[\"bd\", 3], [\"sn\", 1]]", "(wchoose [[\"bd\" 3] [\"sn\" 1]])");
  EXPR("f .5 5. 1e3 2.5e-1", "(f .5 5. 1e3 2.5e-1)");
  EXPR("every' 3 1 rev", "(every' 3 1 rev)");
  EXPR("noise", "noise");
  EXPR("s \"bd -- sn // hh\"", "(s \"bd -- sn // hh\")");
}

static void test_numbers_and_offsets(void **s) {
  ph_error err;
  ph_error_clear(&err);
  ph_ast *n = ph_parse_expression(t_arena, "f 1e3 .5 -2", &err);
  assert_non_null(n);
  assert_int_equal(n->kind, PH_AST_CALL);
  assert_int_equal(n->nargs, 3);
  assert_true(n->args[0]->value == 1000.0);
  assert_true(n->args[1]->value == 0.5);
  assert_true(n->args[2]->value == -2.0);
  assert_int_equal(n->args[2]->offset, 10);
  ph_program *p = ph_parse_program(t_arena, "tempo: 1\nout $ sine \"110 220\" # lpf 300", NULL);
  assert_int_equal(p->count, 2);
  const ph_ast *chain = p->stmts[1]->expr;
  assert_int_equal(p->stmts[1]->offset, 9);
  assert_int_equal(chain->kind, PH_AST_CHAIN);
  assert_int_equal(chain->args[0]->args[0]->offset, 20); /* the string's opening quote */
  assert_int_equal(chain->args[1]->offset, 32);
}

static void test_comments_and_continuation(void **s) {
  PROG("out $ s \"bd\"  -- kick\n  # lpf 1000 0.8\n", "(out 0 $ (# (s \"bd\") (lpf 1000 0.8)))\n");
  PROG("out $ s \"bd\"  // kick\n  # lpf 1000 0.8\n", "(out 0 $ (# (s \"bd\") (lpf 1000 0.8)))\n");
  PROG("-- header\n~x $ s \"bd*4\"\n    $ fast 2\n    # lpf 300 0.2\n",
       "(bus ~x $ (# ($ (fast 2) (s \"bd*4\")) (lpf 300 0.2)))\n");
  /* a comment-only line ends nothing */
  PROG("out $ s \"bd\"\n  -- note\n  # gain 0.5", "(out 0 $ (# (s \"bd\") (gain 0.5)))\n");
  /* a string may span lines */
  PROG("out $ s \"bd\n  sn\" # gain 1", "(out 0 $ (# (s \"bd\n  sn\") (gain 1)))\n");
  /* statements that look like commands start their own statement (fix of Part II §2.2) */
  PROG("out3: s \"cp\"\nhush\npanic", "(out 3 : (s \"cp\"))\n(hush)\n(panic)\n");
  PROG("out $ ~a\n~mix a b $ a + b", "(out 0 $ ~a)\n(bus ~mix (a b) $ (+ a b))\n");
  PROG("cps: 1\n@sw: swing 0.1", "(tempo cps 1)\n(template @sw (swing 0.1))\n");
  /* several statements on one line */
  PROG("tempo: 0.5 out $ sine 440", "(tempo tempo 0.5)\n(out 0 $ (sine 440))\n");
  /* a continuation may start with anything that is not a head */
  PROG("out $ sine 440\n  * 0.5\n  + saw 2", "(out 0 $ (+ (* (sine 440) 0.5) (saw 2)))\n");
  PROG("out $ fast 2\n  $ s \"bd\"", "(out 0 $ ($ (fast 2) (s \"bd\")))\n");
  PROG("out $ sine 440 hush", "(out 0 $ (sine 440))\n(hush)\n");
  PROG("", "");
  PROG("\n\n-- only comments\n\n", "");
}

static void test_every_statement_kind(void **s) {
  PROG("~bass $ saw 55\n~lfo: sine 0.5\n~m # speed \"1 2\"\n~f a b: a * b\n",
       "(bus ~bass $ (saw 55))\n(bus ~lfo : (sine 0.5))\n(busmod ~m # (speed \"1 2\"))\n(bus ~f (a b) : (* a b))\n");
  PROG("out $ 1\nout: 2\nout # 3\no1 $ 4\nd2: 5\nout12 # 6\n",
       "(out 0 $ 1)\n(out 0 : 2)\n(out 0 # 3)\n(out 1 $ 4)\n(out 2 : 5)\n(out 12 # 6)\n");
  PROG("tempo: 0.5\ncps: 140/60\nbpm: 120\nbpm: 90 \"3/4\"\nbuffer: 256\noutmix: TANH\n",
       "(tempo tempo 0.5)\n(tempo cps (/ 140 60))\n(bpm 120)\n(bpm 90 \"3/4\")\n(buffer 256)\n(outmix tanh)\n");
  PROG("hush\nhush2\nhush 3\nunhush\nunhush1\npanic\nsolo 1\nunsolo\nmute 2\nunmute 2\n",
       "(hush)\n(hush 2)\n(hush 3)\n(unhush)\n(unhush 1)\n(panic)\n(solo 1)\n(unsolo)\n(mute 2)\n(unmute 2)\n");
  PROG("setCycle 4\nresetCycles\nnudge -0.1\n", "(setCycle 4)\n(resetCycles)\n(nudge -0.1)\n");
  PROG("fn doublesaw f d = saw (f - d) + saw (f + d)\nfn noise2 = noise * 0.5\n",
       "(fn doublesaw (f d) (+ (saw (- f d)) (saw (+ f d))))\n(fn noise2 () (* noise 0.5))\n");
  PROG("@crazy: fast 2 $ rev\n%sp: \"1 2 4\"\n%l: ~lfo\n",
       "(template @crazy ($ (fast 2) rev))\n(patvar %sp \"1 2 4\")\n(patvar %l ~lfo)\n");
  PROG("~out $ s \"bd\"\n~d1: s \"sn\"\n", "(bus ~out $ (s \"bd\"))\n(bus ~d1 : (s \"sn\"))\n");
}

static void test_error_positions(void **s) {
  error_at("out $ s \"bd\"\n\n  # lpf 300", 3, 3, "continues no statement");
  error_at("\"bd sn hh cp\"", 1, 1, "expected a statement");
  error_at("out $", 1, 6, "expected an expression after '$'");
  error_at("out $ lpf (sine 2 300", 1, 22, "expected ')'");
  error_at("out $ s \"bd\" )", 1, 14, "unexpected ')'");
  error_at("tempo: 1\nout $ sine 440 #", 2, 17, "expected an expression after '#'");
  error_at("outmix: loud", 1, 9, "expected one of gain");
  error_at("fn f x = ", 1, 9, "expected an expression after '='");
  error_at("fn 3 = 1", 1, 4, "expected a function name");
  error_at("solo", 1, 5, "expected an output number");
  error_at("out $ [1, 2", 1, 12, "expected ',' or ']'");
  error_at("out $ sine 440 $", 1, 17, "expected an expression after '$'");
  error_at("out $ \"bd", 1, 7, "unterminated string");
  error_at("out $ a . b", 1, 9, "composition");
  error_at("out $ 0.25 <~ s \"bd\"", 1, 12, "'<~'");
  error_at("out $ 3x", 1, 7, "malformed number");
  error_at("out $ sine 440 ^ 2", 1, 16, "unexpected character");
  error_at("out $ sine 440 ]", 1, 16, "unexpected ']' after '440'");
  error_at("out $ sine 440 solo", 1, 20, "expected an output number after 'solo'");
  error_at("out $ lpf :cutoff", 1, 18, "expected a value after the keyword argument ':cutoff'");
  error_at("buffer: big", 1, 9, "expected a block size");
  error_at("out $ (# )", 1, 10, "expected an expression after '#'");
  error_at("~a b c", 1, 1, "expected a statement");
  error_at("~m a # speed 2", 1, 4, "a modifier bus (~m # ...) takes no parameters");
  error_at("out $ s \"bd\" \"sn\"\n  )", 2, 3, "unexpected ')' after the string \"sn\"");
  error_at("out $ (s \"a very long pattern string here\" ]", 1, 44,
           "expected ')' after the string \"a very long pattern str...\"");
  error_at("out $ sine ~", 1, 12, "expected a bus name");
}

static void test_older_dialects_start_their_own_statement(void **s) {
  /* without the rule these lines would silently become arguments of the line before */
  PROG("out $ sine 1\ntempo 2\n", "(out 0 $ (sine 1))\nerror 2:7 expected ':' after 'tempo', found '2'\n");
  PROG("out $ sine 1\n~x = saw 2\n", "(out 0 $ (sine 1))\nerror 2:4 a bus is defined with '$' or ':', not '=': write ~x $ ...\n");
  PROG("out $ sine 1\nd1 sound \"bd\"\n",
       "(out 0 $ (sine 1))\nerror 2:4 expected '$', ':' or '#' after 'd1', found 'sound'\n");
  error_at("let p = 1", 1, 1, "'name = ...' is not a statement");
  error_at("setcps (130/60/4)", 1, 1, "write 'cps: N'");
  error_at("d $ s \"bd\"", 1, 3, "expected an output number right after 'd'");
}

static void test_one_error_per_statement_and_the_rest_kept(void **s) {
  PROG("out $ (\n\n~a $ sine 1\n\n~b $ )\n",
       "(bus ~a $ (sine 1))\nerror 1:8 expected an expression after '('\nerror 5:6 expected an expression after '$', found ')'\n");
}

static void test_a_statement_with_trailing_tokens_is_left_out(void **s) {
  PROG("out $ sine 440 )\ntempo: 1 2", "error 1:16 unexpected ')' after '440': expected the end of the statement\n"
                                       "error 2:10 unexpected '2' after '1': expected the end of the statement\n");
  PROG("tempo: 1 out $ sine 1 ]", "(tempo tempo 1)\nerror 1:23 unexpected ']' after '1': expected the end of the statement\n");
}

static void test_deep_nesting_is_an_error_not_a_crash(void **s) {
  char *src = malloc(20010 + 4000 * 4);
  assert_non_null(src);
  strcpy(src, "out $ ");
  size_t n = strlen(src);
  for (int i = 0; i < 10000; i++) src[n++] = '(';
  src[n] = 0;
  error_at(src, 1, 207, "nested too deeply"); /* at the 201st parenthesis */
  n = 6;
  for (int i = 0; i < 10000; i++) src[n++] = '-';
  src[n] = 0;
  ph_program *p = ph_parse_program(t_arena, src, NULL);
  assert_int_equal(p->nerrors, 1);
  /* sections, keyword values and lists nest too */
  const char *unit[] = {"(# ", "(+ ", "f :k ", "[", "f (", NULL};
  for (int u = 0; unit[u]; u++) {
    n = 6;
    for (int i = 0; i < 4000; i++)
      for (const char *c = unit[u]; *c; c++) src[n++] = *c;
    src[n] = 0;
    p = ph_parse_program(t_arena, src, NULL);
    assert_int_equal(p->nerrors, 1);
    assert_non_null(strstr(p->errors[0].message, "nested too deeply"));
  }
  free(src);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_precedence, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_structure_and_signal_operators, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_dollar_in_both_orders, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_user_functions_take_either_side_of_dollar, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_sections, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_chains, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_arguments, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_numbers_and_offsets, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_comments_and_continuation, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_every_statement_kind, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_error_positions, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_older_dialects_start_their_own_statement, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_one_error_per_statement_and_the_rest_kept, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_a_statement_with_trailing_tokens_is_left_out, t_setup, t_teardown),
      cmocka_unit_test_setup_teardown(test_deep_nesting_is_an_error_not_a_crash, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
