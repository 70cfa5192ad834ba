/* Shared by the expression and statement halves of the parser. */
#ifndef PH_LANG_PARSER_INTERNAL_H
#define PH_LANG_PARSER_INTERNAL_H

#include "lang/lexer.h"
#include "lang/parser.h"

typedef struct {
  ph_arena *arena;
  const ph_token_list *tl;
  size_t pos, end; /* the statement being parsed: tokens [pos, end) */
  ph_token eof;    /* stands for every token past end */
  ph_error *err;
  int depth;
  bool out_of_memory;
  /* names that may be a transform or a value: the program's fn names and, inside a fn body,
   * its parameters; `$` treats them like buses (either side) */
  const char **either;
  size_t n_either, n_global_either;
} ph_parser;

const ph_token *ph_peek_at(ph_parser *p, size_t ahead);
static inline const ph_token *ph_peek(ph_parser *p) { return ph_peek_at(p, 0); }
const ph_token *ph_advance(ph_parser *p);
const ph_token *ph_previous(ph_parser *p);
/* Sets a syntax error at t ("... after <previous token>") and returns NULL. */
void *ph_fail(ph_parser *p, const ph_token *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A short description of a token for messages: 'fast', '$', a string, the end of the line. */
const char *ph_describe(ph_parser *p, const ph_token *t, char *buf, size_t cap);
char *ph_token_text(ph_parser *p, const ph_token *t);
ph_ast *ph_new_node(ph_parser *p, ph_ast_kind kind, size_t offset, const char *text, size_t nargs);

ph_ast *ph_parse_expr(ph_parser *p);

#endif
