/* Tokens of the Phonon language, each with its byte offset in the source. Comments (`--` and
 * `//` to the end of the line, outside strings) are dropped here, before statements are
 * joined, so an inline comment never swallows the lines that continue its statement. */
#ifndef PH_LANG_LEXER_H
#define PH_LANG_LEXER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"

/* Names (of functions, buses, templates, pattern variables) longer than this are an error. */
#define PH_LANG_MAX_NAME 100
#define PH_LANG_MAX_NAME_TEXT "100"

typedef enum {
  PH_TK_EOF,
  PH_TK_ERROR,    /* a character or literal the language has no place for; see message */
  PH_TK_NUMBER,   /* 440, 0.5, .5, 5., 1e3 (a leading minus is an operator token) */
  PH_TK_STRING,   /* "..." verbatim, quotes included in the token text; may span lines */
  PH_TK_IDENT,    /* [A-Za-z_][A-Za-z0-9_']* */
  PH_TK_BUS,      /* ~name or ~name:seg:seg */
  PH_TK_TEMPLATE, /* @name */
  PH_TK_PATVAR,   /* %name */
  PH_TK_COLON,
  PH_TK_DOLLAR,
  PH_TK_HASH,
  PH_TK_LPAREN,
  PH_TK_RPAREN,
  PH_TK_LBRACKET,
  PH_TK_RBRACKET,
  PH_TK_COMMA,
  PH_TK_EQUALS,
  PH_TK_OP, /* a binary operator: + - * / and the structure (|+ +| |+|) and signal (~+) forms */
} ph_token_kind;

typedef struct {
  ph_token_kind kind;
  size_t offset; /* byte offset of the first character */
  size_t len;
  int line;          /* 1-based physical line of the first character */
  bool line_start;   /* first token on its physical line */
  bool blank_before; /* a whitespace-only line lies between the previous token and this one */
  bool space_before; /* whitespace (or a comment, or the start of the text) precedes it */
  const char *message; /* PH_TK_ERROR only */
} ph_token;

typedef struct {
  const char *source;
  ph_token *tokens; /* count tokens, the last one PH_TK_EOF */
  size_t count;
} ph_token_list;

/* Never fails on any text: problems become PH_TK_ERROR tokens. Returns false only when the
 * arena is exhausted. */
bool ph_lex(ph_arena *a, const char *source, ph_token_list *out);

/* True when the token's text equals s. */
bool ph_token_is(const ph_token_list *tl, const ph_token *t, const char *s);

#endif
