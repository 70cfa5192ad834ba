/* Statements: one line-delimited range at a time (src/lang/source.h), each parsed on its own
 * so that an error stops only its statement. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/parser_internal.h"
#include "lang/source.h"

static bool accept(ph_parser *p, ph_token_kind k) {
  if (ph_peek(p)->kind != k) return false;
  ph_advance(p);
  return true;
}

static ph_stmt *new_stmt(ph_parser *p, ph_stmt_kind kind, const ph_token *at) {
  ph_stmt *s = PH_ARENA_NEW(p->arena, ph_stmt);
  if (!s) {
    p->out_of_memory = true;
    ph_error_set(p->err, PH_ERR_MEMORY, NULL, 0, "out of memory while parsing");
    return NULL;
  }
  s->kind = kind;
  s->offset = at->offset;
  s->channel = -1;
  return s;
}

static ph_stmt *with_expr(ph_parser *p, ph_stmt *s, const char *after) {
  if (!s) return NULL;
  if (ph_peek(p)->kind == PH_TK_EOF) return ph_fail(p, ph_peek(p), "expected an expression after %s", after);
  s->expr = ph_parse_expr(p);
  return s->expr ? s : NULL;
}

static bool expect_colon(ph_parser *p, const char *after) {
  if (accept(p, PH_TK_COLON)) return true;
  ph_fail(p, ph_peek(p), "expected ':' after %s", after);
  return false;
}

/* The digits after a prefix (hush2, o3), or -1 when there are none. */
static int glued_number(ph_parser *p, const ph_token *t, size_t prefix) {
  if (t->len <= prefix) return -1;
  if (t->len - prefix > 4) return 10000;
  return atoi(p->tl->source + t->offset + prefix);
}

static bool small_integer(ph_parser *p, const ph_token *t, int *out) {
  if (t->kind != PH_TK_NUMBER || t->len > 4) return false;
  for (size_t k = 0; k < t->len; k++)
    if (!isdigit((unsigned char)p->tl->source[t->offset + k])) return false;
  *out = atoi(p->tl->source + t->offset);
  return true;
}

/* The body of a fn or function bus, with its parameters known as names of either role. */
static ph_stmt *with_body(ph_parser *p, ph_stmt *s, const char *after) {
  for (size_t i = 0; i < s->nparams; i++) p->either[p->n_either++] = s->params[i];
  s = with_expr(p, s, after);
  p->n_either = p->n_global_either;
  return s;
}

static ph_stmt *parse_bus(ph_parser *p, const ph_token *t) {
  char *name = ph_token_text(p, t);
  if (!name) return NULL;
  if (accept(p, PH_TK_HASH)) {
    ph_stmt *s = new_stmt(p, PH_STMT_BUS_MOD, t);
    if (s) s->name = name + 1, s->sep = '#';
    return with_expr(p, s, "'#'");
  }
  ph_stmt *s = new_stmt(p, PH_STMT_BUS, t);
  if (!s) return NULL;
  s->name = name + 1;
  size_t first = p->pos;
  while (ph_peek(p)->kind == PH_TK_IDENT) ph_advance(p);
  s->nparams = p->pos - first;
  if (s->nparams) {
    s->params = ph_arena_zalloc(p->arena, s->nparams * sizeof *s->params);
    if (!s->params) return NULL;
    for (size_t i = 0; i < s->nparams; i++)
      if (!(s->params[i] = ph_token_text(p, &p->tl->tokens[first + i]))) return NULL;
  }
  const ph_token *sep = ph_advance(p);
  if (sep->kind == PH_TK_HASH)
    return ph_fail(p, &p->tl->tokens[first], "a modifier bus (%s # ...) takes no parameters", name);
  if (sep->kind != PH_TK_DOLLAR && sep->kind != PH_TK_COLON)
    return ph_fail(p, sep, "expected '$' or ':' after the bus name %s", name);
  s->sep = sep->kind == PH_TK_DOLLAR ? '$' : ':';
  return with_body(p, s, sep->kind == PH_TK_DOLLAR ? "'$'" : "':'");
}

static ph_stmt *parse_named(ph_parser *p, const ph_token *t, ph_stmt_kind kind) {
  char *name = ph_token_text(p, t);
  if (!name || !expect_colon(p, name)) return NULL;
  ph_stmt *s = new_stmt(p, kind, t);
  if (s) s->name = name + 1;
  return with_expr(p, s, "':'");
}

static ph_stmt *parse_fn(ph_parser *p, const ph_token *t) {
  const ph_token *name = ph_advance(p);
  if (name->kind != PH_TK_IDENT) return ph_fail(p, name, "expected a function name after 'fn'");
  ph_stmt *s = new_stmt(p, PH_STMT_FN, t);
  if (!s || !(s->name = ph_token_text(p, name))) return NULL;
  size_t first = p->pos;
  while (ph_peek(p)->kind == PH_TK_IDENT) ph_advance(p);
  s->nparams = p->pos - first;
  if (s->nparams) {
    s->params = ph_arena_zalloc(p->arena, s->nparams * sizeof *s->params);
    if (!s->params) return NULL;
    for (size_t i = 0; i < s->nparams; i++)
      if (!(s->params[i] = ph_token_text(p, &p->tl->tokens[first + i]))) return NULL;
  }
  if (!accept(p, PH_TK_EQUALS))
    return ph_fail(p, ph_peek(p), "expected '=' after the parameters of fn %s", s->name);
  return with_body(p, s, "'='");
}

static ph_stmt *parse_output(ph_parser *p, const ph_token *t, int channel) {
  ph_stmt *s = new_stmt(p, PH_STMT_OUT, t);
  if (!s || !(s->name = ph_token_text(p, t))) return NULL;
  if (channel > 9999) return ph_fail(p, t, "output number too large");
  s->channel = channel;
  const ph_token *sep = ph_advance(p);
  s->sep = sep->kind == PH_TK_DOLLAR ? '$' : sep->kind == PH_TK_HASH ? '#' : ':';
  return with_expr(p, s, s->sep == '$' ? "'$'" : s->sep == '#' ? "'#'" : "':'");
}

static ph_stmt *parse_setting(ph_parser *p, const ph_token *t, const char *word) {
  char after[16];
  snprintf(after, sizeof after, "'%s:'", word);
  if (!expect_colon(p, word)) return NULL;
  if (!strcmp(word, "tempo") || !strcmp(word, "cps") || !strcmp(word, "bpm")) {
    ph_stmt *s = with_expr(p, new_stmt(p, word[0] == 'b' ? PH_STMT_BPM : PH_STMT_TEMPO, t), after);
    if (!s) return NULL;
    s->name = word;
    if (word[0] == 'b' && ph_peek(p)->kind == PH_TK_STRING) { /* time signature "4/4" */
      const ph_token *sig = ph_advance(p);
      s->extra = ph_new_node(p, PH_AST_STR, sig->offset, ph_arena_strndup(p->arena, p->tl->source + sig->offset + 1, sig->len - 2), 0);
      if (!s->extra || !s->extra->text) return NULL;
    }
    return s;
  }
  if (!strcmp(word, "buffer")) {
    if (ph_peek(p)->kind != PH_TK_NUMBER)
      return ph_fail(p, ph_peek(p), "expected a block size (a number of frames) after 'buffer:'");
    return with_expr(p, new_stmt(p, PH_STMT_BUFFER, t), after);
  }
  /* outmix */
  static const char *const modes[] = {"gain", "sqrt", "tanh", "hard", "none", NULL};
  const ph_token *m = ph_advance(p);
  char *mode = m->kind == PH_TK_IDENT ? ph_token_text(p, m) : NULL;
  if (mode)
    for (char *c = mode; *c; c++) *c = (char)tolower((unsigned char)*c);
  for (int k = 0; mode && modes[k]; k++)
    if (!strcmp(mode, modes[k])) {
      ph_stmt *s = new_stmt(p, PH_STMT_OUTMIX, t);
      if (s) s->name = modes[k];
      return s;
    }
  return ph_fail(p, m, "expected one of gain, sqrt, tanh, hard, none after 'outmix:'");
}

/* hush, hush2, hush 2, panic, solo 1, setCycle 4, ... */
static ph_stmt *parse_command(ph_parser *p, const ph_token *t) {
  static const struct {
    const char *word;
    ph_stmt_kind kind;
    char arg; /* 0 none, 'c' optional channel (also glued), 'n' required channel, 'e' expression */
  } commands[] = {
      {"unhush", PH_STMT_UNHUSH, 'c'}, {"hush", PH_STMT_HUSH, 'c'},     {"panic", PH_STMT_PANIC, 0},
      {"unsolo", PH_STMT_UNSOLO, 0},   {"solo", PH_STMT_SOLO, 'n'},     {"unmute", PH_STMT_UNMUTE, 'n'},
      {"mute", PH_STMT_MUTE, 'n'},     {"setCycle", PH_STMT_SET_CYCLE, 'e'}, {"resetCycles", PH_STMT_RESET_CYCLES, 0},
      {"nudge", PH_STMT_NUDGE, 'e'},
  };
  for (size_t k = 0; k < sizeof commands / sizeof *commands; k++) {
    size_t n = strlen(commands[k].word);
    if (t->len < n || memcmp(p->tl->source + t->offset, commands[k].word, n) != 0) continue;
    if (t->len > n && commands[k].arg != 'c') continue;
    ph_stmt *s = new_stmt(p, commands[k].kind, t);
    if (!s) return NULL;
    s->name = commands[k].word;
    char after[24];
    snprintf(after, sizeof after, "'%s'", commands[k].word);
    switch (commands[k].arg) {
    case 'c':
      s->channel = glued_number(p, t, n);
      if (s->channel < 0 && small_integer(p, ph_peek(p), &s->channel)) ph_advance(p);
      if (s->channel > 9999) return ph_fail(p, t, "output number too large");
      return s;
    case 'n':
      if (!small_integer(p, ph_peek(p), &s->channel)) return ph_fail(p, ph_peek(p), "expected an output number after %s", after);
      ph_advance(p);
      return s;
    case 'e': return with_expr(p, s, after);
    default: return s;
    }
  }
  return ph_fail(p, t, "unknown statement");
}

static ph_stmt *parse_statement(ph_parser *p) {
  const ph_token *t = ph_advance(p);
  switch (t->kind) {
  case PH_TK_BUS: return parse_bus(p, t);
  case PH_TK_TEMPLATE: return parse_named(p, t, PH_STMT_TEMPLATE);
  case PH_TK_PATVAR: return parse_named(p, t, PH_STMT_PATVAR);
  default: break;
  }
  const char *src = p->tl->source + t->offset;
  static const char *const settings[] = {"tempo", "cps", "bpm", "buffer", "outmix", NULL};
  for (int k = 0; settings[k]; k++)
    if (ph_token_is(p->tl, t, settings[k])) return parse_setting(p, t, settings[k]);
  if (ph_token_is(p->tl, t, "fn")) return parse_fn(p, t);
  if (ph_is_keyword_head(p->tl, p->pos - 1)) return parse_command(p, t);
  if (t->len >= 3 && !memcmp(src, "out", 3)) return parse_output(p, t, t->len == 3 ? 0 : glued_number(p, t, 3));
  return parse_output(p, t, glued_number(p, t, 1));
}

/* Lines in the older dialects and in Tidal's: say what to write instead. */
static bool report_dialect(ph_parser *p, const ph_token *t) {
  const ph_token *next = t + 1; /* the list ends with PH_TK_EOF */
  char b[48];
  if (t->kind == PH_TK_BUS) {
    while (next->kind == PH_TK_IDENT) next++;
    if (next->kind == PH_TK_EQUALS)
      return ph_fail(p, next, "a bus is defined with '$' or ':', not '=': write %.*s $ ...",
                     (int)(next[-1].offset + next[-1].len - t->offset), p->tl->source + t->offset), true;
    next = t + 1;
  }
  const char *colon = t->kind == PH_TK_BUS ? memchr(p->tl->source + t->offset, ':', t->len) : NULL;
  if (colon)
    return ph_fail(p, t, "'%.*s' reads as one bus name: put a space after ':' to define %.*s", (int)t->len,
                   p->tl->source + t->offset, (int)(colon - (p->tl->source + t->offset)), p->tl->source + t->offset), true;
  if (t->kind != PH_TK_IDENT) return false;
  if (ph_token_is(p->tl, t, "setcps"))
    return ph_fail(p, t, "there is no setcps: write 'cps: N' (cycles per second)"), true;
  if (ph_token_is(p->tl, t, "let") || next->kind == PH_TK_EQUALS)
    return ph_fail(p, t, "'name = ...' is not a statement: use '@name: ...' for a named expression, 'fn name args = ...' for a function"), true;
  static const char *const settings[] = {"tempo", "cps", "bpm", "buffer", "outmix", NULL};
  for (int k = 0; settings[k]; k++)
    if (ph_token_is(p->tl, t, settings[k]))
      return ph_fail(p, next, "expected ':' after '%s', found %s", settings[k], ph_describe(p, next, b, sizeof b)), true;
  if ((ph_token_is(p->tl, t, "o") || ph_token_is(p->tl, t, "d")) && next->kind != PH_TK_IDENT)
    return ph_fail(p, next, "expected an output number right after '%c' (o1, d2, ...)", p->tl->source[t->offset]), true;
  if (ph_is_output_name(p->tl, t))
    return ph_fail(p, next, "expected '$', ':' or '#' after '%.*s', found %s", (int)t->len, p->tl->source + t->offset,
                   ph_describe(p, next, b, sizeof b)), true;
  return false;
}

static void report_orphan(ph_parser *p, const ph_stmt_range *r) {
  const ph_token *t = &p->tl->tokens[r->begin];
  if (r->after_blank)
    ph_fail(p, t, "this line continues no statement: a blank line ended the one before it "
                  "(remove the blank line, or start a statement such as 'out $')");
  else
    ph_fail(p, t, "expected a statement at the start of the line (such as 'out $ ...', '~name $ ...', 'd1 $ ...', 'tempo: ...')");
}

static bool add_stmt(ph_arena *a, ph_program *prog, size_t *cap, ph_stmt *s) {
  if (prog->count == *cap) {
    size_t ncap = *cap ? *cap * 2 : 16;
    ph_stmt **n = ph_arena_realloc(a, prog->stmts, *cap * sizeof *n, ncap * sizeof *n);
    if (!n) return false;
    prog->stmts = n;
    *cap = ncap;
  }
  prog->stmts[prog->count++] = s;
  return true;
}

/* Parses one range into prog; an error goes to *err. False only when out of memory. */
static bool parse_range(ph_parser *p, const ph_stmt_range *r, ph_program *prog, size_t *cap) {
  p->pos = r->begin;
  p->end = r->end;
  p->depth = 0;
  const ph_token *last = &p->tl->tokens[r->end - 1];
  p->eof = (ph_token){.kind = PH_TK_EOF, .offset = last->offset + last->len, .line = last->line, .space_before = true};
  for (size_t i = r->begin; i < r->end; i++)
    if (p->tl->tokens[i].kind == PH_TK_ERROR) {
      ph_fail(p, &p->tl->tokens[i], "%s", p->tl->tokens[i].message);
      return true;
    }
  if (r->orphan || !ph_is_statement_head(p->tl, r->begin)) {
    if (!report_dialect(p, &p->tl->tokens[r->begin])) report_orphan(p, r);
    return true;
  }
  for (;;) {
    ph_stmt *s = parse_statement(p);
    if (!s) return !p->out_of_memory;
    if (p->pos < p->end && !ph_is_statement_head(p->tl, p->pos)) {
      char b1[48], b2[48];
      ph_fail(p, ph_peek(p), "unexpected %s after %s: expected the end of the statement",
              ph_describe(p, ph_peek(p), b1, sizeof b1), ph_describe(p, ph_previous(p), b2, sizeof b2));
      return true;
    }
    if (!add_stmt(p->arena, prog, cap, s)) return false;
    if (p->pos >= p->end) return true;
  }
}

/* Names given by `fn NAME` anywhere in the program, for the order of `$` (forward uses too). */
static bool collect_fn_names(ph_parser *p, const ph_stmt_ranges *ranges) {
  p->either = PH_ARENA_ARRAY(p->arena, const char *, ranges->count + p->tl->count);
  if (!p->either) return false;
  for (size_t i = 0; i < ranges->count; i++) {
    const ph_token *t = &p->tl->tokens[ranges->ranges[i].begin];
    if (ranges->ranges[i].orphan || !ph_token_is(p->tl, t, "fn") || t[1].kind != PH_TK_IDENT) continue;
    if (!(p->either[p->n_either++] = ph_token_text(p, t + 1))) return false;
  }
  p->n_global_either = p->n_either;
  return true;
}

ph_program *ph_parse_program(ph_arena *a, const char *source, const char *file) {
  ph_program *prog = PH_ARENA_NEW(a, ph_program);
  ph_token_list tl;
  ph_stmt_ranges ranges;
  if (prog && strnlen(source, PH_LANG_MAX_SOURCE_BYTES + 1) > PH_LANG_MAX_SOURCE_BYTES) {
    prog->file = file;
    prog->source = source;
    if (!(prog->errors = PH_ARENA_NEW(a, ph_error))) return NULL;
    ph_error_set(prog->errors, PH_ERR_ARGUMENT, source, PH_LANG_MAX_SOURCE_BYTES, "the program is longer than %zu bytes",
                 PH_LANG_MAX_SOURCE_BYTES);
    prog->errors->file = file;
    prog->nerrors = 1;
    return prog;
  }
  if (!prog || !ph_lex(a, source, &tl) || !ph_split_statements(a, &tl, &ranges)) return NULL;
  prog->file = file;
  prog->source = source;
  if (ranges.count && !(prog->errors = PH_ARENA_ARRAY(a, ph_error, ranges.count))) return NULL;
  size_t cap = 0;
  ph_parser p = {.arena = a, .tl = &tl};
  if (!collect_fn_names(&p, &ranges)) return NULL;
  for (size_t i = 0; i < ranges.count; i++) {
    ph_error err;
    ph_error_clear(&err);
    p.err = &err;
    if (!parse_range(&p, &ranges.ranges[i], prog, &cap)) return NULL;
    if (ph_error_is_set(&err)) {
      err.file = file;
      prog->errors[prog->nerrors++] = err;
    }
  }
  return prog;
}

ph_ast *ph_parse_expression(ph_arena *a, const char *source, ph_error *err) {
  ph_token_list tl;
  if (!ph_lex(a, source, &tl)) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory while parsing");
    return NULL;
  }
  ph_parser p = {.arena = a, .tl = &tl, .pos = 0, .end = tl.count - 1, .err = err};
  p.eof = tl.tokens[tl.count - 1];
  for (size_t i = 0; i < p.end; i++)
    if (tl.tokens[i].kind == PH_TK_ERROR) return ph_fail(&p, &tl.tokens[i], "%s", tl.tokens[i].message);
  ph_ast *e = ph_parse_expr(&p);
  if (e && p.pos < p.end) {
    char b1[48], b2[48];
    return ph_fail(&p, ph_peek(&p), "unexpected %s after %s: expected the end of the expression",
                   ph_describe(&p, ph_peek(&p), b1, sizeof b1), ph_describe(&p, ph_previous(&p), b2, sizeof b2));
  }
  return e;
}
