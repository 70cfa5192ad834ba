/* The Phonon language parser: source text -> statements (src/lang/ast.h). */
#ifndef PH_LANG_PARSER_H
#define PH_LANG_PARSER_H

#include "core/arena.h"
#include "core/error.h"
#include "lang/ast.h"

typedef struct {
  const char *file;   /* for messages; may be NULL */
  const char *source;
  ph_stmt **stmts;    /* the statements that parsed, in file order */
  size_t count;
  ph_error *errors;   /* at most one per statement, in file order; file is set */
  size_t nerrors;
} ph_program;

/* A longer program is refused with an error placed where it crosses the limit. */
#define PH_LANG_MAX_SOURCE_BYTES ((size_t)1 << 20)

/* Never fails on any text: a statement with an error is reported and left out, the others
 * are kept. Returns NULL only when the arena is exhausted. */
ph_program *ph_parse_program(ph_arena *a, const char *source, const char *file);

/* One expression filling the whole text (tests, tools). NULL with err set on a problem. */
ph_ast *ph_parse_expression(ph_arena *a, const char *source, ph_error *err);

/* Is name a pattern transform (fast, every, jux...)? Decides the order of `$`: the side that
 * is a transform applies to the other (`fast 2 $ x` == `x $ fast 2`). */
bool ph_is_transform_name(const char *name);

#endif
