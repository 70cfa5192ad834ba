/* Expressions, lowest precedence first: `#` chain < `$` application < additive <
 * multiplicative < unary minus < juxtaposition (f a b) and primaries. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/parser_internal.h"
#include "lang/source.h"

enum { MAX_DEPTH = 400 }; /* levels of operators and calls; a parenthesis counts twice */

const ph_token *ph_peek_at(ph_parser *p, size_t ahead) {
  size_t i = p->pos + ahead;
  return i < p->end ? &p->tl->tokens[i] : &p->eof;
}

const ph_token *ph_advance(ph_parser *p) {
  const ph_token *t = ph_peek(p);
  if (p->pos < p->end) p->pos++;
  return t;
}

const ph_token *ph_previous(ph_parser *p) { return p->pos > 0 ? &p->tl->tokens[p->pos - 1] : NULL; }

const char *ph_describe(ph_parser *p, const ph_token *t, char *buf, size_t cap) {
  if (!t) return "the start of the statement";
  if (t->kind == PH_TK_EOF) return "the end of the statement";
  int n = t->len > 24 ? 24 : (int)t->len;
  const char *text = p->tl->source + t->offset;
  if (t->kind == PH_TK_STRING) {
    const char *nl = memchr(text, '\n', (size_t)n);
    if (nl) n = (int)(nl - text);
    snprintf(buf, cap, "the string %.*s%s", n, text, n < (int)t->len ? "...\"" : "");
    return buf;
  }
  snprintf(buf, cap, "'%.*s%s'", n, text, t->len > 24 ? "..." : "");
  return buf;
}

void *ph_fail(ph_parser *p, const ph_token *t, const char *fmt, ...) {
  char msg[200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ph_error_set(p->err, PH_ERR_SYNTAX, p->tl->source, t->offset, "%s", msg);
  return NULL;
}

char *ph_token_text(ph_parser *p, const ph_token *t) {
  char *s = ph_arena_strndup(p->arena, p->tl->source + t->offset, t->len);
  if (!s) p->out_of_memory = true;
  return s;
}

ph_ast *ph_new_node(ph_parser *p, ph_ast_kind kind, size_t offset, const char *text, size_t nargs) {
  ph_ast *n = PH_ARENA_NEW(p->arena, ph_ast);
  if (n && nargs) n->args = ph_arena_zalloc(p->arena, nargs * sizeof *n->args);
  if (!n || (nargs && !n->args)) {
    p->out_of_memory = true;
    ph_error_set(p->err, PH_ERR_MEMORY, NULL, 0, "out of memory while parsing");
    return NULL;
  }
  n->kind = kind;
  n->offset = offset;
  n->text = text;
  n->nargs = nargs;
  return n;
}

static ph_ast *binary(ph_parser *p, ph_ast_kind kind, const char *op, ph_ast *l, ph_ast *r) {
  ph_ast *n = ph_new_node(p, kind, l->offset, op, 2);
  if (n) {
    n->args[0] = l;
    n->args[1] = r;
  }
  return n;
}

/* Growable argument vectors live in the arena; the final one is trimmed by the caller. */
typedef struct {
  ph_ast **v;
  size_t n, cap;
} ast_vec;

static bool vec_push(ph_parser *p, ast_vec *v, ph_ast *x) {
  if (v->n == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 4;
    ph_ast **nv = ph_arena_realloc(p->arena, v->v, v->cap * sizeof *nv, cap * sizeof *nv);
    if (!nv) {
      p->out_of_memory = true;
      ph_error_set(p->err, PH_ERR_MEMORY, NULL, 0, "out of memory while parsing");
      return false;
    }
    v->v = nv;
    v->cap = cap;
  }
  v->v[v->n++] = x;
  return true;
}

static bool is_op(ph_parser *p, const ph_token *t, const char *s) { return t->kind == PH_TK_OP && ph_token_is(p->tl, t, s); }

/* 3 = additive, 4 = multiplicative */
static int op_level(ph_parser *p, const ph_token *t) {
  if (t->kind != PH_TK_OP) return 0;
  const char *s = p->tl->source + t->offset;
  for (size_t k = 0; k < t->len; k++)
    if (strchr("+-<>", s[k])) return 3;
    else if (strchr("*/%", s[k])) return 4;
  return 0;
}

static ph_ast *number(ph_parser *p, const ph_token *t, bool negative) {
  char *text = ph_token_text(p, t);
  if (!text) return NULL;
  ph_ast *n = ph_new_node(p, PH_AST_NUM, t->offset, text, 0);
  if (n) n->value = negative ? -strtod(text, NULL) : strtod(text, NULL);
  return n;
}

static ph_ast *sigil_node(ph_parser *p, const ph_token *t) {
  ph_ast_kind k = t->kind == PH_TK_BUS ? PH_AST_BUS : t->kind == PH_TK_TEMPLATE ? PH_AST_TEMPLATE : PH_AST_PATVAR;
  char *text = ph_token_text(p, t);
  return text ? ph_new_node(p, k, t->offset, text, 0) : NULL;
}

static ph_ast *expected_expression(ph_parser *p, const ph_token *t) {
  char b1[48], b2[48];
  if (t->kind == PH_TK_ERROR) return ph_fail(p, t, "%s", t->message);
  if (t->kind == PH_TK_EOF) return ph_fail(p, t, "expected an expression after %s", ph_describe(p, ph_previous(p), b1, sizeof b1));
  return ph_fail(p, t, "expected an expression after %s, found %s", ph_describe(p, ph_previous(p), b1, sizeof b1),
                 ph_describe(p, t, b2, sizeof b2));
}

/* A glued negative literal in argument position: `lpf -1` (a space before '-', none after). */
static bool negative_literal_at(ph_parser *p) {
  const ph_token *t = ph_peek(p), *n = ph_peek_at(p, 1);
  return is_op(p, t, "-") && t->space_before && n->kind == PH_TK_NUMBER && !n->space_before;
}

static bool starts_argument(ph_parser *p) {
  const ph_token *t = ph_peek(p);
  switch (t->kind) {
  case PH_TK_NUMBER:
  case PH_TK_STRING:
  case PH_TK_BUS:
  case PH_TK_TEMPLATE:
  case PH_TK_PATVAR:
  case PH_TK_LPAREN:
  case PH_TK_LBRACKET: return true;
  case PH_TK_IDENT: return !ph_is_statement_head(p->tl, p->pos);
  case PH_TK_COLON: {
    const ph_token *n = ph_peek_at(p, 1);
    return n->kind == PH_TK_IDENT && !n->space_before;
  }
  case PH_TK_OP: return negative_literal_at(p);
  default: return false;
  }
}

static ph_ast *parse_application(ph_parser *p);
static ph_ast *parse_primary(ph_parser *p);

static ph_ast *parse_argument(ph_parser *p) {
  const ph_token *t = ph_peek(p);
  if (t->kind == PH_TK_COLON) {
    ph_advance(p);
    const ph_token *name = ph_advance(p);
    char *text = ph_token_text(p, name);
    if (!text) return NULL;
    if (!starts_argument(p) || ph_peek(p)->kind == PH_TK_COLON)
      return ph_fail(p, ph_peek(p), "expected a value after the keyword argument ':%s'", text);
    if (++p->depth > MAX_DEPTH) return ph_fail(p, t, "expression nested too deeply (at most %d levels; a parenthesis counts as two)", MAX_DEPTH);
    /* as in the original, a keyword's value may be a call without parentheses */
    ph_ast *v = ph_peek(p)->kind == PH_TK_IDENT ? parse_application(p) : parse_argument(p);
    p->depth--;
    if (!v) return NULL;
    ph_ast *k = ph_new_node(p, PH_AST_KWARG, t->offset, text, 1);
    if (k) k->args[0] = v;
    return k;
  }
  if (negative_literal_at(p)) {
    ph_advance(p);
    return number(p, ph_advance(p), true);
  }
  if (t->kind == PH_TK_IDENT || t->kind == PH_TK_BUS) {
    ph_advance(p);
    if (t->kind != PH_TK_IDENT) return sigil_node(p, t);
    char *text = ph_token_text(p, t);
    return text ? ph_new_node(p, PH_AST_IDENT, t->offset, text, 0) : NULL;
  }
  return parse_primary(p);
}

/* f a b, ~fbus a b, or a primary. Arguments are primaries: nested calls need parentheses. */
static ph_ast *parse_application(ph_parser *p) {
  const ph_token *t = ph_peek(p);
  if (t->kind != PH_TK_IDENT && t->kind != PH_TK_BUS) return parse_primary(p);
  if (t->kind == PH_TK_IDENT && ph_is_keyword_head(p->tl, p->pos)) {
    char b[48];
    return ph_fail(p, t, "%s is a statement: put it at the start of its own line", ph_describe(p, t, b, sizeof b));
  }
  ph_advance(p);
  char *text = ph_token_text(p, t);
  if (!text) return NULL;
  ast_vec args = {0};
  while (starts_argument(p)) {
    ph_ast *a = parse_argument(p);
    if (!a || !vec_push(p, &args, a)) return NULL;
  }
  if (!args.n) return ph_new_node(p, t->kind == PH_TK_IDENT ? PH_AST_IDENT : PH_AST_BUS, t->offset, text, 0);
  ph_ast *call = ph_new_node(p, PH_AST_CALL, t->offset, text, 0);
  if (!call) return NULL;
  call->args = args.v;
  call->nargs = args.n;
  return call;
}

static ph_ast *parse_list(ph_parser *p) {
  const ph_token *open = ph_advance(p);
  ast_vec items = {0};
  if (ph_peek(p)->kind != PH_TK_RBRACKET) {
    for (;;) {
      ph_ast *e = ph_parse_expr(p);
      if (!e || !vec_push(p, &items, e)) return NULL;
      if (ph_peek(p)->kind == PH_TK_COMMA) {
        ph_advance(p);
        continue;
      }
      if (ph_peek(p)->kind == PH_TK_RBRACKET) break;
      char b[48];
      return ph_fail(p, ph_peek(p), "expected ',' or ']' after %s in the list", ph_describe(p, ph_previous(p), b, sizeof b));
    }
  }
  ph_advance(p);
  ph_ast *l = ph_new_node(p, PH_AST_LIST, open->offset, NULL, 0);
  if (l) {
    l->args = items.v;
    l->nargs = items.n;
  }
  return l;
}

static ph_ast *parse_binary(ph_parser *p, int level);
static ph_ast *parse_dollar(ph_parser *p);

/* (# lpf 300 # hpf 80), (+ 12), (|* speed 2): an operator missing its left operand. */
static ph_ast *parse_section(ph_parser *p, const ph_token *open) {
  ph_ast *hole = ph_new_node(p, PH_AST_HOLE, open->offset, NULL, 0);
  ph_ast *body = hole;
  if (!hole) return NULL;
  if (ph_peek(p)->kind == PH_TK_HASH) {
    while (ph_peek(p)->kind == PH_TK_HASH) {
      ph_advance(p);
      ph_ast *r = parse_dollar(p);
      if (!r || !(body = binary(p, PH_AST_CHAIN, "#", body, r))) return NULL;
    }
  } else {
    const ph_token *op = ph_advance(p);
    char *text = ph_token_text(p, op);
    ph_ast *r = text ? parse_binary(p, op_level(p, op) + 1) : NULL;
    if (!r || !(body = binary(p, PH_AST_BINOP, text, hole, r))) return NULL;
  }
  ph_ast *s = ph_new_node(p, PH_AST_SECTION, open->offset, NULL, 1);
  if (s) s->args[0] = body;
  return s;
}

static ph_ast *parse_paren(ph_parser *p) {
  const ph_token *open = ph_advance(p);
  const ph_token *t = ph_peek(p);
  ph_ast *e;
  if (t->kind == PH_TK_RPAREN) return ph_fail(p, t, "expected an expression after '('");
  if (++p->depth > MAX_DEPTH) return ph_fail(p, open, "expression nested too deeply (at most %d levels; a parenthesis counts as two)", MAX_DEPTH);
  if (t->kind == PH_TK_HASH || (t->kind == PH_TK_OP && !is_op(p, t, "-"))) e = parse_section(p, open);
  else e = ph_parse_expr(p);
  p->depth--;
  if (!e) return NULL;
  if (ph_peek(p)->kind != PH_TK_RPAREN) {
    char b[48];
    int line = open->line;
    return ph_fail(p, ph_peek(p), "expected ')' after %s, to close the '(' of line %d", ph_describe(p, ph_previous(p), b, sizeof b), line);
  }
  ph_advance(p);
  return e;
}

static ph_ast *parse_primary(ph_parser *p) {
  const ph_token *t = ph_peek(p);
  switch (t->kind) {
  case PH_TK_NUMBER: ph_advance(p); return number(p, t, false);
  case PH_TK_STRING: {
    ph_advance(p);
    char *text = ph_arena_strndup(p->arena, p->tl->source + t->offset + 1, t->len - 2);
    if (!text) p->out_of_memory = true;
    return text ? ph_new_node(p, PH_AST_STR, t->offset, text, 0) : NULL;
  }
  case PH_TK_BUS:
  case PH_TK_TEMPLATE:
  case PH_TK_PATVAR: ph_advance(p); return sigil_node(p, t);
  case PH_TK_IDENT: return parse_application(p);
  case PH_TK_LPAREN: return parse_paren(p);
  case PH_TK_LBRACKET: return parse_list(p);
  default: return expected_expression(p, t);
  }
}

static ph_ast *parse_unary(ph_parser *p) {
  const ph_token *t = ph_peek(p);
  if (!is_op(p, t, "-")) return parse_application(p);
  ph_advance(p);
  if (ph_peek(p)->kind == PH_TK_NUMBER) return number(p, ph_advance(p), true);
  if (++p->depth > MAX_DEPTH) return ph_fail(p, t, "expression nested too deeply (at most %d levels; a parenthesis counts as two)", MAX_DEPTH);
  ph_ast *x = parse_unary(p);
  p->depth--;
  if (!x) return NULL;
  ph_ast *n = ph_new_node(p, PH_AST_NEG, t->offset, NULL, 1);
  if (n) n->args[0] = x;
  return n;
}

static ph_ast *parse_binary(ph_parser *p, int level) {
  if (level > 4) return parse_unary(p);
  ph_ast *l = parse_binary(p, level + 1);
  while (l && op_level(p, ph_peek(p)) == level) {
    const ph_token *op = ph_advance(p);
    char *text = ph_token_text(p, op);
    if (!text) return NULL;
    if (ph_peek(p)->kind == PH_TK_EOF || ph_peek(p)->kind == PH_TK_RPAREN)
      return ph_fail(p, ph_peek(p), "expected an operand after '%s'", text);
    ph_ast *r = parse_binary(p, level + 1);
    if (!r) return NULL;
    l = binary(p, PH_AST_BINOP, text, l, r);
  }
  return l;
}

/* How a `$` segment takes part: a transform applies to a value; a bus or template may be
 * either (a transform bus, or a bus holding a pattern). */
typedef enum { SEG_VALUE, SEG_TRANSFORM, SEG_EITHER } seg_role;

static bool either_name(const ph_parser *p, const char *name) {
  for (size_t i = 0; i < p->n_either; i++)
    if (!strcmp(p->either[i], name)) return true;
  return name[0] == '~';
}

static seg_role role_of(const ph_parser *p, const ph_ast *n) {
  switch (n->kind) {
  case PH_AST_SECTION: return SEG_TRANSFORM;
  case PH_AST_CALL:
  case PH_AST_IDENT:
    if (either_name(p, n->text)) return SEG_EITHER;
    return ph_is_transform_name(n->text) ? SEG_TRANSFORM : SEG_VALUE;
  case PH_AST_APPLY:
    return role_of(p, n->args[0]) == SEG_TRANSFORM && role_of(p, n->args[1]) == SEG_TRANSFORM ? SEG_TRANSFORM : SEG_VALUE;
  case PH_AST_BUS:
  case PH_AST_TEMPLATE: return SEG_EITHER;
  default: return SEG_VALUE;
  }
}

static ph_ast *apply(ph_parser *p, ph_ast *f, ph_ast *x) { return binary(p, PH_AST_APPLY, "$", f, x); }

/* s1 $ s2 $ ... $ sn. The input is the last segment that is a value; the transforms after it
 * apply left to right (pipeline), the segments before it right to left (Haskell). With no
 * value: a leading bus/template followed only by transforms is the input; otherwise the
 * segments compose right to left. */
static ph_ast *resolve_dollar(ph_parser *p, ph_ast **seg, size_t n) {
  size_t input = n;
  for (size_t i = n; i-- > 0;)
    if (role_of(p, seg[i]) == SEG_VALUE) {
      input = i;
      break;
    }
  if (input == n) {
    input = n - 1;
    if (role_of(p, seg[0]) == SEG_EITHER) {
      bool rest_transforms = true;
      for (size_t i = 1; i < n; i++) rest_transforms = rest_transforms && role_of(p, seg[i]) == SEG_TRANSFORM;
      if (rest_transforms) input = 0;
    }
  }
  ph_ast *acc = seg[input];
  for (size_t i = input + 1; i < n && acc; i++) acc = apply(p, seg[i], acc);
  for (size_t i = input; i-- > 0 && acc;) acc = apply(p, seg[i], acc);
  return acc;
}

/* After `$`, a segment may be a chain section: `fast 2 $ # lpf 300`. */
static ph_ast *parse_segment(ph_parser *p) {
  const ph_token *t = ph_peek(p);
  if (t->kind != PH_TK_HASH) return parse_binary(p, 3);
  ph_ast *body = ph_new_node(p, PH_AST_HOLE, t->offset, NULL, 0);
  while (body && ph_peek(p)->kind == PH_TK_HASH) {
    ph_advance(p);
    ph_ast *r = parse_binary(p, 3);
    body = r ? binary(p, PH_AST_CHAIN, "#", body, r) : NULL;
  }
  if (!body) return NULL;
  ph_ast *s = ph_new_node(p, PH_AST_SECTION, t->offset, NULL, 1);
  if (s) s->args[0] = body;
  return s;
}

static ph_ast *parse_dollar(ph_parser *p) {
  ph_ast *first = parse_binary(p, 3);
  if (!first || ph_peek(p)->kind != PH_TK_DOLLAR) return first;
  ast_vec segs = {0};
  if (!vec_push(p, &segs, first)) return NULL;
  while (ph_peek(p)->kind == PH_TK_DOLLAR) {
    ph_advance(p);
    ph_ast *s = parse_segment(p);
    if (!s || !vec_push(p, &segs, s)) return NULL;
  }
  return resolve_dollar(p, segs.v, segs.n);
}

ph_ast *ph_parse_expr(ph_parser *p) {
  if (++p->depth > MAX_DEPTH) return ph_fail(p, ph_peek(p), "expression nested too deeply (at most %d levels; a parenthesis counts as two)", MAX_DEPTH);
  ph_ast *l = parse_dollar(p);
  while (l && ph_peek(p)->kind == PH_TK_HASH) {
    ph_advance(p);
    ph_ast *r = parse_dollar(p);
    l = r ? binary(p, PH_AST_CHAIN, "#", l, r) : NULL;
  }
  p->depth--;
  return l;
}
