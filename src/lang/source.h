/* Statements from lines (Part I rule 3 of the language spec): a line whose first tokens are a
 * statement head starts a statement; any other non-blank line continues the statement before
 * it; a blank line ends a statement. A line holding only a comment is neither: it is skipped. */
#ifndef PH_LANG_SOURCE_H
#define PH_LANG_SOURCE_H

#include "lang/lexer.h"

typedef struct {
  size_t begin, end; /* token indices [begin, end) */
  bool orphan;       /* its first line is not a statement head and continues nothing */
  bool after_blank;  /* orphan only: a blank line ended the statement it would continue */
} ph_stmt_range;

typedef struct {
  ph_stmt_range *ranges;
  size_t count;
} ph_stmt_ranges;

/* Returns false only when the arena is exhausted. */
bool ph_split_statements(ph_arena *a, const ph_token_list *tl, ph_stmt_ranges *out);

/* Does a statement head start at token i? */
bool ph_is_statement_head(const ph_token_list *tl, size_t i);
/* A head, or at the start of a line something only meant as one, in an older dialect or in
 * Tidal's (`~x = e`, `p = e`, `let`, `setcps`, `tempo 2`, `out s "bd"`): it starts its own
 * statement, which reports what to write instead, rather than joining the one before. */
bool ph_is_line_head(const ph_token_list *tl, size_t i);
/* out, outN, oN, dN */
bool ph_is_output_name(const ph_token_list *tl, const ph_token *t);
/* Is the identifier at i a statement keyword that can never be a function argument? */
bool ph_is_keyword_head(const ph_token_list *tl, size_t i);

#endif
