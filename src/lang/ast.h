/* The syntax tree of a Phonon program, allocated from an arena. Every node keeps the byte
 * offset of its first token so that later stages (the compiler) report errors in place. */
#ifndef PH_LANG_AST_H
#define PH_LANG_AST_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
  PH_AST_NUM,      /* text: as written, value: parsed (a folded unary minus included) */
  PH_AST_STR,      /* text: the mini-notation between the quotes; offset is the quote's */
  PH_AST_IDENT,    /* a bare name: zero-argument generator, parameter, transform name */
  PH_AST_BUS,      /* text: "~name" */
  PH_AST_TEMPLATE, /* text: "@name" */
  PH_AST_PATVAR,   /* text: "%name" */
  PH_AST_CALL,     /* text: function name (or "~name" for a function-bus call); args */
  PH_AST_KWARG,    /* text: keyword without ':'; args[0]: the value */
  PH_AST_LIST,     /* [a, b]: args */
  PH_AST_NEG,      /* unary minus of args[0] */
  PH_AST_BINOP,    /* text: operator ("+", "|+", "+|", "|+|", "~*"...); args[0] op args[1] */
  PH_AST_CHAIN,    /* args[0] # args[1]: args[0] becomes the first input of args[1] */
  PH_AST_APPLY,    /* args[0] $ args[1] resolved: args[0] (a transform or a function) applied
                    * to the input args[1]. Pipelines `x $ f $ g` become (g (f x)); when
                    * args[1] is itself a transform the whole is their composition */
  PH_AST_SECTION,  /* (# lpf 300), (+ 12), (|* speed 2): args[0] is an expression whose
                    * missing left operand is a PH_AST_HOLE */
  PH_AST_HOLE,
} ph_ast_kind;

typedef struct ph_ast ph_ast;
struct ph_ast {
  ph_ast_kind kind;
  size_t offset;
  const char *text;
  double value;
  ph_ast **args;
  size_t nargs;
};

typedef enum {
  PH_STMT_BUS,       /* ~name [params] $|: expr */
  PH_STMT_BUS_MOD,   /* ~name # expr: a stored chain fragment */
  PH_STMT_OUT,       /* out / oN / dN / outN; channel 0 for out */
  PH_STMT_TEMPO,     /* tempo: / cps: expr (cycles per second) */
  PH_STMT_BPM,       /* bpm: expr ["a/b"] */
  PH_STMT_BUFFER,    /* buffer: N */
  PH_STMT_OUTMIX,    /* outmix: name (lower case) */
  PH_STMT_HUSH,      /* hush / hushN: channel -1 for all */
  PH_STMT_UNHUSH,
  PH_STMT_PANIC,
  PH_STMT_SOLO,      /* solo N */
  PH_STMT_UNSOLO,
  PH_STMT_MUTE,
  PH_STMT_UNMUTE,
  PH_STMT_SET_CYCLE, /* setCycle expr */
  PH_STMT_RESET_CYCLES,
  PH_STMT_NUDGE,     /* nudge expr */
  PH_STMT_FN,        /* fn name params = expr */
  PH_STMT_TEMPLATE,  /* @name: expr */
  PH_STMT_PATVAR,    /* %name: expr */
} ph_stmt_kind;

typedef struct {
  ph_stmt_kind kind;
  size_t offset;
  const char *name;    /* bus/fn/template/patvar name without sigil; outmix mode; keyword */
  int channel;         /* out/hush/unhush/solo/mute; -1 when none given */
  char sep;            /* ':' '$' '#' for buses and outputs, else 0 */
  const char **params; /* fn and function-bus parameter names */
  size_t nparams;
  ph_ast *expr;        /* value or body; NULL for commands without one */
  ph_ast *extra;       /* bpm's time signature string, else NULL */
} ph_stmt;

/* Compact s-expression text, for tests and `phonon check --ast`. Writes at most cap bytes
 * (always NUL-terminated when cap > 0); returns the length the full text needs. */
size_t ph_ast_print(const ph_ast *n, char *buf, size_t cap);
size_t ph_stmt_print(const ph_stmt *s, char *buf, size_t cap);

const char *ph_stmt_kind_name(ph_stmt_kind k);

#endif
