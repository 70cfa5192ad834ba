/* The mini-notation parser: a hand-written recursive descent that accepts what Strudel's krill
 * PEG grammar accepts, backtracks where it backtracks, and advances krill's seed counter (used
 * by "?" and "|") at the same moments: an element's degrade ops when the element is complete,
 * a choice or a foot split when its whole tail has been read. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pattern/mini/mini_ast.h"

#define MAX_DEPTH 200

enum { /* what the parser looked for at its furthest failure, for the error message */
  EXP_WORD = 1 << 0,
  EXP_OPEN = 1 << 1,
  EXP_CLOSE_SQUARE = 1 << 2,
  EXP_CLOSE_ANGLE = 1 << 3,
  EXP_CLOSE_CURLY = 1 << 4,
  EXP_CLOSE_PAREN = 1 << 5,
  EXP_COMMA = 1 << 6,
  EXP_OPERATOR = 1 << 7,
  EXP_SEPARATOR = 1 << 8, /* ',' '|' '.' between sequences */
  EXP_END = 1 << 9,
};

typedef struct {
  ph_arena *a;
  const char *src;
  size_t len, pos;
  int seed;
  int depth;
  bool oom, too_deep;
  size_t fail_pos;
  unsigned expected;
  /* Where a bracket failed to parse: it would fail again the same way, and retrying it (a
   * failed "..[x" range is read again as the word ".." and "[x") doubles the work per level. */
  bool *bracket_failed;
} parser;

static mn_node *stack_or_choose(parser *p);
static mn_node *polymeter_stack(parser *p);
static mn_node *slice(parser *p);
static mn_element *slice_with_ops(parser *p);

static void expect(parser *p, size_t at, unsigned what) {
  if (at > p->fail_pos) {
    p->fail_pos = at;
    p->expected = 0;
  }
  if (at == p->fail_pos) p->expected |= what;
}

static int peek(const parser *p, size_t at) { return at < p->len ? (unsigned char)p->src[at] : -1; }

static bool failed(const parser *p) { return p->oom || p->too_deep; }

static void *alloc(parser *p, size_t size) {
  void *m = ph_arena_zalloc(p->a, size);
  if (!m) p->oom = true;
  return m;
}

/* Whitespace: space, tab, newlines and the no-break space (UTF-8 C2 A0). */
static size_t ws_len(const parser *p, size_t at) {
  int c = peek(p, at);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (c == 0xC2 && peek(p, at + 1) == 0xA0) return 2;
  return 0;
}

static void ws(parser *p) {
  size_t n;
  while ((n = ws_len(p, p->pos))) p->pos += n;
}

/* A non-ASCII character, taken as a letter (krill accepts Unicode letters). */
static size_t utf8_letter_len(const parser *p, size_t at) {
  int c = peek(p, at);
  if (c < 0xC2 || c > 0xF4 || (c == 0xC2 && peek(p, at + 1) == 0xA0)) return 0;
  size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  for (size_t i = 1; i < n; i++)
    if ((peek(p, at + i) & 0xC0) != 0x80) return 0;
  return n;
}

static bool ascii_word_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '~' || c == '-' ||
         c == '#' || c == '.' || c == '^' || c == '_';
}

static bool alnum(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/* Bytes of the word character at `at`, 0 if none. Phonon's addition: an apostrophe between a
 * word character and a letter or digit joins a chord name to its root ("c4'maj"). */
static size_t step_char_len(const parser *p, size_t at, size_t word_start) {
  int c = peek(p, at);
  if (c < 0) return 0;
  if (ascii_word_char(c)) return 1;
  if (c == '\'' && at > word_start && (alnum(peek(p, at - 1)) || peek(p, at - 1) == '#') && alnum(peek(p, at + 1)))
    return 1;
  return utf8_letter_len(p, at);
}

static mn_node *new_node(parser *p, mn_kind kind, size_t pos) {
  mn_node *n = alloc(p, sizeof *n);
  if (n) {
    n->kind = kind;
    n->pos = pos;
  }
  return n;
}

/* krill's number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?, read with parseFloat. */
static bool number(parser *p, double *out) {
  size_t at = p->pos;
  if (peek(p, at) == '-') at++;
  if (peek(p, at) == '0') {
    at++;
  } else if (peek(p, at) >= '1' && peek(p, at) <= '9') {
    while (peek(p, at) >= '0' && peek(p, at) <= '9') at++;
  } else {
    return false;
  }
  if (peek(p, at) == '.' && peek(p, at + 1) >= '0' && peek(p, at + 1) <= '9') {
    at += 2;
    while (peek(p, at) >= '0' && peek(p, at) <= '9') at++;
  }
  if (peek(p, at) == 'e' || peek(p, at) == 'E') {
    size_t e = at + 1;
    if (peek(p, e) == '-' || peek(p, e) == '+') e++;
    if (peek(p, e) >= '0' && peek(p, e) <= '9') {
      while (peek(p, e) >= '0' && peek(p, e) <= '9') e++;
      at = e;
    }
  }
  char buf[64];
  size_t n = at - p->pos;
  if (n >= sizeof buf) n = sizeof buf - 1;
  memcpy(buf, p->src + p->pos, n);
  buf[n] = '\0';
  *out = strtod(buf, NULL);
  p->pos = at;
  return true;
}

/* step: a word (letters, digits, ~ - # . ^ _), but not "." or "_" alone. */
static mn_node *step(parser *p) {
  size_t save = p->pos;
  ws(p);
  size_t start = p->pos, n;
  while ((n = step_char_len(p, p->pos, start))) p->pos += n;
  if (p->pos == start) {
    expect(p, start, EXP_WORD);
    p->pos = save;
    return NULL;
  }
  size_t end = p->pos;
  ws(p);
  if (end - start == 1 && (p->src[start] == '.' || p->src[start] == '_')) {
    p->pos = save;
    return NULL;
  }
  mn_node *atom = new_node(p, MN_ATOM, start);
  if (atom) atom->text = ph_arena_strndup(p->a, p->src + start, end - start);
  if (atom && !atom->text) p->oom = true;
  return failed(p) ? NULL : atom;
}

/* Matches ws c ws (krill's comma, pipe and dot); restores the position when absent. */
static bool separator(parser *p, char c, unsigned what) {
  size_t save = p->pos;
  ws(p);
  if (peek(p, p->pos) != c) {
    expect(p, p->pos, what);
    p->pos = save;
    return false;
  }
  p->pos++;
  ws(p);
  return true;
}

static bool closing(parser *p, char c, unsigned what) {
  ws(p);
  if (peek(p, p->pos) == c) {
    p->pos++;
    return true;
  }
  expect(p, p->pos, what);
  return false;
}

/* "[...]", "{...}%x" and "<...>". */
static mn_node *bracketed(parser *p) {
  size_t save = p->pos;
  ws(p);
  int open = peek(p, p->pos);
  if (open != '[' && open != '{' && open != '<') {
    expect(p, p->pos, EXP_OPEN);
    p->pos = save;
    return NULL;
  }
  if (p->bracket_failed && p->bracket_failed[p->pos]) {
    p->pos = save;
    return NULL;
  }
  if (++p->depth > MAX_DEPTH) {
    p->too_deep = true;
    p->fail_pos = p->pos;
    return NULL;
  }
  size_t at = p->pos++;
  ws(p);
  mn_node *inner = open == '[' ? stack_or_choose(p) : polymeter_stack(p);
  bool ok = inner && closing(p, open == '[' ? ']' : open == '{' ? '}' : '>',
                           open == '[' ? EXP_CLOSE_SQUARE : open == '{' ? EXP_CLOSE_CURLY : EXP_CLOSE_ANGLE);
  p->depth--;
  if (!ok) {
    if (!p->bracket_failed) p->bracket_failed = ph_arena_zalloc(p->a, p->len * sizeof *p->bracket_failed);
    if (p->bracket_failed) p->bracket_failed[at] = true;
    p->pos = save;
    return NULL;
  }
  if (open == '{' && peek(p, p->pos) == '%') {
    size_t before = p->pos++;
    inner->steps_per_cycle = slice(p);
    if (!inner->steps_per_cycle) p->pos = before;
  }
  if (open == '<') inner->kind = MN_ALT;
  inner->pos = at;
  ws(p);
  return failed(p) ? NULL : inner;
}

static mn_node *slice(parser *p) {
  mn_node *s = step(p);
  if (s || failed(p)) return s;
  return bracketed(p);
}

static bool push_op(parser *p, mn_element *e, mn_op op, int *cap) {
  if (e->nops == *cap) {
    int grown = *cap ? 2 * *cap : 4;
    mn_op *ops = ph_arena_realloc(p->a, e->ops, sizeof *ops * (size_t)*cap, sizeof *ops * (size_t)grown);
    if (!ops) {
      p->oom = true;
      return false;
    }
    e->ops = ops;
    *cap = grown;
  }
  e->ops[e->nops++] = op;
  return true;
}

/* "(k,n)" or "(k,n,r)": each argument is an element (its own operators are ignored later). */
static bool euclid_args(parser *p, mn_op *op) {
  size_t save = p->pos;
  if (peek(p, p->pos) != '(') return false;
  p->pos++;
  ws(p);
  if (!(op->euclid[0] = slice_with_ops(p))) goto fail;
  ws(p);
  if (!separator(p, ',', EXP_COMMA)) goto fail;
  ws(p);
  if (!(op->euclid[1] = slice_with_ops(p))) goto fail;
  ws(p);
  separator(p, ',', EXP_COMMA);
  ws(p);
  if (failed(p)) goto fail;
  op->euclid[2] = slice_with_ops(p);
  if (failed(p)) goto fail;
  if (!closing(p, ')', EXP_CLOSE_PAREN)) goto fail;
  return true;
fail:
  p->pos = save;
  return false;
}

/* One operator after a slice, tried in krill's order; false when none applies here. */
static bool slice_op(parser *p, mn_element *e, int *cap) {
  size_t save = p->pos;
  mn_op op = {0};
  double x;
  ws(p);
  int c = peek(p, p->pos);
  op.pos = p->pos;
  if (c == '@' || c == '_') { /* weight: e@w adds w-1, a bare @ or _ adds 1 */
    p->pos++;
    e->weight = e->weight + (number(p, &x) ? x : 2) - 1;
    return true;
  }
  p->pos = save;
  c = peek(p, p->pos);
  op.pos = p->pos;
  if (c == '(') {
    op.kind = MN_OP_EUCLID;
    if (euclid_args(p, &op)) return push_op(p, e, op, cap);
    return false;
  }
  if (c == '/' || c == '*' || c == ':' || (c == '.' && peek(p, p->pos + 1) == '.')) {
    op.kind = c == '/' ? MN_OP_SLOW : c == '*' ? MN_OP_FAST : c == ':' ? MN_OP_TAIL : MN_OP_RANGE;
    p->pos += c == '.' ? 2 : 1;
    if ((op.arg = slice(p))) return push_op(p, e, op, cap);
    p->pos = save;
    return false;
  }
  ws(p);
  if (peek(p, p->pos) == '!') { /* replicate: the count accumulates, the op moves to the end */
    p->pos++;
    e->reps = e->reps + (number(p, &x) ? x : 2) - 1;
    e->weight = e->reps;
    int kept = 0;
    for (int i = 0; i < e->nops; i++)
      if (e->ops[i].kind != MN_OP_REPLICATE) e->ops[kept++] = e->ops[i];
    e->nops = kept;
    op.kind = MN_OP_REPLICATE;
    op.amount = e->reps;
    return push_op(p, e, op, cap);
  }
  p->pos = save;
  if (c == '?') {
    p->pos++;
    op.kind = MN_OP_DEGRADE;
    op.amount = number(p, &x) ? x : 0.5;
    return push_op(p, e, op, cap);
  }
  expect(p, p->pos, EXP_OPERATOR);
  return false;
}

static mn_element *slice_with_ops(parser *p) {
  mn_node *s = slice(p);
  if (!s) return NULL;
  mn_element *e = alloc(p, sizeof *e);
  if (!e) return NULL;
  e->slice = s;
  e->weight = 1;
  e->reps = 1;
  int cap = 0;
  while (!failed(p) && slice_op(p, e, &cap)) {
  }
  if (failed(p)) return NULL;
  for (int i = 0; i < e->nops; i++)
    if (e->ops[i].kind == MN_OP_DEGRADE) e->ops[i].seed = p->seed++;
  return e;
}

static bool grow(parser *p, void **items, size_t item, int count, int *cap) {
  if (count < *cap) return true;
  int grown = *cap ? 2 * *cap : 4;
  void *m = ph_arena_realloc(p->a, *items, item * (size_t)*cap, item * (size_t)grown);
  if (!m) {
    p->oom = true;
    return false;
  }
  *items = m;
  *cap = grown;
  return true;
}

/* sequence: an optional '^' (this sequence sets the steps), then one or more elements. */
static mn_node *sequence(parser *p) {
  size_t save = p->pos;
  mn_node *seq = new_node(p, MN_SEQ, p->pos);
  if (!seq) return NULL;
  if (peek(p, p->pos) == '^') {
    seq->steps_marker = true;
    p->pos++;
  }
  int cap = 0;
  mn_element *e;
  while ((e = slice_with_ops(p))) {
    if (!grow(p, (void **)&seq->elems, sizeof *seq->elems, seq->nelems, &cap)) return NULL;
    seq->elems[seq->nelems++] = *e;
  }
  if (failed(p) || seq->nelems == 0) {
    p->pos = save;
    return NULL;
  }
  return seq;
}

/* (sep sequence)+ appended to list; returns how many were read. */
static int sequence_tail(parser *p, char sep, mn_node ***list, int *n, int *cap) {
  int read = 0;
  for (;;) {
    size_t save = p->pos;
    if (!separator(p, sep, EXP_SEPARATOR)) break;
    mn_node *s = sequence(p);
    if (!s) {
      p->pos = save;
      break;
    }
    if (!grow(p, (void **)list, sizeof **list, *n, cap)) return 0;
    (*list)[(*n)++] = s;
    read++;
  }
  return read;
}

static mn_node *group(parser *p, mn_kind kind, mn_node *head, bool needs_tail) {
  mn_node **list = NULL;
  int n = 0, cap = 0;
  if (!grow(p, (void **)&list, sizeof *list, n, &cap)) return NULL;
  list[n++] = head;
  char sep = kind == MN_RAND ? '|' : kind == MN_FEET ? '.' : ',';
  int read = sequence_tail(p, sep, &list, &n, &cap);
  if (failed(p) || (needs_tail && read == 0)) return NULL;
  mn_node *g = new_node(p, kind, head->pos);
  if (!g) return NULL;
  g->kids = list;
  g->nkids = n;
  if (kind == MN_RAND || kind == MN_FEET) g->seed = p->seed++;
  return g;
}

/* A sequence, or sequences joined by ',' (stack), '|' (random choice) or '.' (feet). */
static mn_node *stack_or_choose(parser *p) {
  mn_node *head = sequence(p);
  if (!head) return NULL;
  static const mn_kind kinds[] = {MN_STACK, MN_RAND, MN_FEET};
  for (int i = 0; i < 3; i++) {
    mn_node *g = group(p, kinds[i], head, true);
    if (g || failed(p)) return g;
  }
  return head;
}

/* Inside "< >" and "{ }": sequences joined by ',' only; always a group, even of one. */
static mn_node *polymeter_stack(parser *p) {
  mn_node *head = sequence(p);
  if (!head) return NULL;
  return group(p, MN_POLY, head, false);
}

/* The closing brackets (and euclid's comma) the parser was waiting for, as "']' or ')'". */
static int describe_closers(char *buf, size_t size, unsigned e) {
  static const struct {
    unsigned bit;
    const char *text;
  } names[] = {{EXP_CLOSE_SQUARE, "']'"}, {EXP_CLOSE_ANGLE, "'>'"}, {EXP_CLOSE_CURLY, "'}'"},
               {EXP_CLOSE_PAREN, "')'"},  {EXP_COMMA, "','"}};
  size_t len = 0;
  int count = 0, total = 0;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) total += (e & names[i].bit) != 0;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    if (!(e & names[i].bit)) continue;
    const char *sep = count == 0 ? "" : count == total - 1 ? " or " : ", ";
    len += (size_t)snprintf(buf + (len < size ? len : size), len < size ? size - len : 0, "%s%s", sep, names[i].text);
    count++;
  }
  return (int)len;
}

static bool in_alphabet(int c) {
  return c >= 0x80 || ascii_word_char(c) || (c && strchr(" \t\r\n[]<>{}(),|.*/!@_?:%", c));
}

/* What went wrong at the furthest point the parser reached, in words: a head, which the
 * caller follows with where it happened, and a tail. */
static void describe_problem(const parser *p, char *head, char *tail, size_t size) {
  int c = peek(p, p->fail_pos);
  char found[32], closers[64];
  if (c < 0)
    snprintf(found, sizeof found, "the end of the pattern");
  else if (c >= 0x20 && c < 0x7F)
    snprintf(found, sizeof found, "'%c'", c);
  else
    snprintf(found, sizeof found, "byte 0x%02X", (unsigned)c);
  tail[0] = '\0';
  if (describe_closers(closers, sizeof closers, p->expected)) {
    snprintf(head, size, "expected %s", closers);
    snprintf(tail, size, ", found %s", found);
  } else if (c == ']' || c == '>' || c == '}' || c == ')') {
    snprintf(head, size, "unexpected %s", found);
    snprintf(tail, size, ": no bracket to close");
  } else if (c >= 0 && !in_alphabet(c)) {
    snprintf(head, size, "unexpected character %s", found);
  } else if (p->expected & (EXP_WORD | EXP_OPEN)) {
    snprintf(head, size, "expected a word, a number, '[', '<' or '{'");
    snprintf(tail, size, ", found %s", found);
  } else {
    snprintf(head, size, "unexpected %s", found);
  }
}

static void report(parser *p, ph_error *err) {
  if (p->oom) {
    ph_error_set(err, PH_ERR_MEMORY, p->src, p->pos, "out of memory while parsing the pattern");
    return;
  }
  if (p->too_deep) {
    ph_error_set(err, PH_ERR_SYNTAX, p->src, p->fail_pos, "brackets nested more than %d deep", MAX_DEPTH);
    return;
  }
  char head[96], tail[96];
  describe_problem(p, head, tail, sizeof head);
  /* The text just before the problem, to say where it is in words too. */
  size_t end = p->fail_pos;
  while (end > 0 && ws_len(p, end - 1)) end--;
  size_t start = end;
  while (start > 0 && end - start < 12 && !ws_len(p, start - 1)) start--;
  if (end > start)
    ph_error_set(err, PH_ERR_SYNTAX, p->src, p->fail_pos, "%s after '%.*s'%s", head, (int)(end - start),
                 p->src + start, tail);
  else
    ph_error_set(err, PH_ERR_SYNTAX, p->src, p->fail_pos, "%s%s", head, tail);
}

mn_node *mn_parse(ph_arena *a, const char *src, ph_error *err) {
  parser p = {.a = a, .src = src, .len = strlen(src)};
  ws(&p);
  mn_node *root = stack_or_choose(&p);
  if (root && !failed(&p)) {
    ws(&p);
    if (p.pos == p.len) return root;
    expect(&p, p.pos, EXP_END);
  }
  report(&p, err);
  return NULL;
}
