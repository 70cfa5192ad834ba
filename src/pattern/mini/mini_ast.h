/* The mini-notation's syntax tree, shaped like Strudel's krill grammar so that building the
 * pattern (mini_build.c) can follow mini.mjs step by step. Private to src/pattern/mini/. */
#ifndef PH_PATTERN_MINI_AST_H
#define PH_PATTERN_MINI_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/error.h"
#include "pattern/pattern.h"

typedef struct mn_node mn_node;
typedef struct mn_element mn_element;

typedef enum {
  MN_ATOM,  /* a word or number; "~" and "-" are rests */
  MN_SEQ,   /* elements side by side in one cycle: "a b@2 c" */
  MN_STACK, /* "a, b": sequences played together */
  MN_RAND,  /* "a | b": one sequence chosen at random per cycle */
  MN_FEET,  /* "a b . c": sequences as steps of one cycle */
  MN_ALT,   /* "<a b, c d e>": one step per cycle, each sequence at its own pace */
  MN_POLY,  /* "{a b, c d e}%4": every sequence at the same step rate */
} mn_kind;

typedef enum {
  MN_OP_FAST,      /* "*x" */
  MN_OP_SLOW,      /* "/x" */
  MN_OP_REPLICATE, /* "!n" or bare "!" */
  MN_OP_EUCLID,    /* "(k,n)" or "(k,n,r)" */
  MN_OP_DEGRADE,   /* "?" or "?x" */
  MN_OP_TAIL,      /* ":x" */
  MN_OP_RANGE,     /* "..x" */
} mn_op_kind;

typedef struct {
  mn_op_kind kind;
  size_t pos;          /* offset of the operator in the source */
  mn_node *arg;        /* fast, slow, tail, range: a slice */
  mn_element *euclid[3]; /* pulses, steps, rotation (NULL when absent) */
  double amount;       /* replicate: repetitions; degrade: probability */
  int seed;            /* degrade: krill's seed counter when the element was completed */
} mn_op;

struct mn_element {
  mn_node *slice;
  mn_op *ops;
  int nops;
  double weight; /* krill's options_.weight (starts at 1) */
  double reps;   /* krill's options_.reps (starts at 1) */
};

struct mn_node {
  mn_kind kind;
  size_t pos;
  /* MN_ATOM */
  const char *text;
  /* MN_SEQ */
  mn_element *elems;
  int nelems;
  bool steps_marker; /* the sequence started with '^' */
  /* MN_STACK, MN_RAND, MN_FEET, MN_ALT, MN_POLY: sequences */
  mn_node **kids;
  int nkids;
  int seed;                 /* MN_RAND, MN_FEET */
  mn_node *steps_per_cycle; /* MN_POLY's "%x", or NULL */
};

/* Parses src into a tree allocated from a; NULL with err set when malformed. */
mn_node *mn_parse(ph_arena *a, const char *src, ph_error *err);

/* JavaScript's Number(text) for a mini-notation word: true with the number when it is one. */
bool mn_js_number(const char *text, double *out);
/* JavaScript's String(x) for a number, as Array.join writes it. */
int mn_js_number_string(char *buf, size_t size, double x);

#endif
