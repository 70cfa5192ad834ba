/* The syntax tree as compact s-expressions: (f a b), ($ f x), (# a b), (+ a b), [a b],
 * (sect (# _ (lpf 300))), :name value, "string", ~bus, @tmpl, %var. */
#include <stdarg.h>
#include <stdio.h>

#include "lang/ast.h"

typedef struct {
  char *buf;
  size_t cap, len;
} sink;

static void put(sink *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(sink *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  size_t room = s->len < s->cap ? s->cap - s->len : 0;
  int n = vsnprintf(room ? s->buf + s->len : NULL, room, fmt, ap);
  va_end(ap);
  if (n > 0) s->len += (size_t)n;
}

static void node(sink *s, const ph_ast *n);

static void args(sink *s, const ph_ast *n, size_t from) {
  for (size_t i = from; i < n->nargs; i++) {
    if (i > 0 || n->kind != PH_AST_LIST) put(s, " ");
    node(s, n->args[i]);
  }
}

static void node(sink *s, const ph_ast *n) {
  if (!n) {
    put(s, "<null>");
    return;
  }
  switch (n->kind) {
  case PH_AST_NUM: put(s, "%s%s", n->value < 0 ? "-" : "", n->text); return;
  case PH_AST_STR: put(s, "\"%s\"", n->text); return;
  case PH_AST_IDENT:
  case PH_AST_BUS:
  case PH_AST_TEMPLATE:
  case PH_AST_PATVAR: put(s, "%s", n->text); return;
  case PH_AST_HOLE: put(s, "_"); return;
  case PH_AST_KWARG:
    put(s, ":%s ", n->text);
    node(s, n->args[0]);
    return;
  case PH_AST_LIST:
    put(s, "[");
    args(s, n, 0);
    put(s, "]");
    return;
  case PH_AST_CALL: put(s, "(%s", n->text); break;
  case PH_AST_NEG: put(s, "(neg"); break;
  case PH_AST_BINOP:
  case PH_AST_CHAIN:
  case PH_AST_APPLY: put(s, "(%s", n->text); break;
  case PH_AST_SECTION: put(s, "(sect"); break;
  }
  args(s, n, 0);
  put(s, ")");
}

size_t ph_ast_print(const ph_ast *n, char *buf, size_t cap) {
  sink s = {buf, cap, 0};
  if (cap) buf[0] = 0;
  node(&s, n);
  return s.len;
}

const char *ph_stmt_kind_name(ph_stmt_kind k) {
  static const char *const names[] = {
      [PH_STMT_BUS] = "bus",       [PH_STMT_BUS_MOD] = "busmod",     [PH_STMT_OUT] = "out",
      [PH_STMT_TEMPO] = "tempo",   [PH_STMT_BPM] = "bpm",            [PH_STMT_BUFFER] = "buffer",
      [PH_STMT_OUTMIX] = "outmix", [PH_STMT_HUSH] = "hush",          [PH_STMT_UNHUSH] = "unhush",
      [PH_STMT_PANIC] = "panic",   [PH_STMT_SOLO] = "solo",          [PH_STMT_UNSOLO] = "unsolo",
      [PH_STMT_MUTE] = "mute",     [PH_STMT_UNMUTE] = "unmute",      [PH_STMT_SET_CYCLE] = "setCycle",
      [PH_STMT_RESET_CYCLES] = "resetCycles", [PH_STMT_NUDGE] = "nudge", [PH_STMT_FN] = "fn",
      [PH_STMT_TEMPLATE] = "template", [PH_STMT_PATVAR] = "patvar",
  };
  return (size_t)k < sizeof names / sizeof *names && names[k] ? names[k] : "?";
}

/* (bus ~a $ e), (bus ~f (x y) $ e), (out 1 $ e), (hush 2), (fn f (a b) e), (bpm 120 "4/4") */
size_t ph_stmt_print(const ph_stmt *st, char *buf, size_t cap) {
  sink s = {buf, cap, 0};
  if (cap) buf[0] = 0;
  put(&s, "(%s", ph_stmt_kind_name(st->kind));
  switch (st->kind) {
  case PH_STMT_BUS:
  case PH_STMT_BUS_MOD: put(&s, " ~%s", st->name); break;
  case PH_STMT_FN: put(&s, " %s", st->name); break;
  case PH_STMT_TEMPLATE: put(&s, " @%s", st->name); break;
  case PH_STMT_PATVAR: put(&s, " %%%s", st->name); break;
  case PH_STMT_TEMPO:
  case PH_STMT_OUTMIX: put(&s, " %s", st->name); break;
  default: break;
  }
  if (st->channel >= 0) put(&s, " %d", st->channel);
  if (st->kind == PH_STMT_FN || (st->kind == PH_STMT_BUS && st->nparams)) {
    put(&s, " (");
    for (size_t i = 0; i < st->nparams; i++) put(&s, "%s%s", i ? " " : "", st->params[i]);
    put(&s, ")");
  }
  if (st->sep) put(&s, " %c", st->sep);
  if (st->expr) {
    put(&s, " ");
    node(&s, st->expr);
  }
  if (st->extra) {
    put(&s, " ");
    node(&s, st->extra);
  }
  put(&s, ")");
  return s.len;
}
