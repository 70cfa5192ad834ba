/* The values events carry: numbers, words, booleans, transforms (as arguments of other
 * transforms) and patterns (in patterns of patterns, before a join). */
#ifndef PH_PATTERN_VALUE_H
#define PH_PATTERN_VALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/error.h"

typedef struct ph_pat ph_pat;
typedef struct ph_func ph_func;
typedef struct ph_vmap ph_vmap;

typedef enum {
  PH_VAL_NONE = 0,
  PH_VAL_NUM,
  PH_VAL_STR, /* a word: sample name, note name, "bd:3" */
  PH_VAL_BOOL,
  PH_VAL_FUNC, /* a transform, pattern -> pattern */
  PH_VAL_PAT,
  PH_VAL_MAP, /* control values: {s: "bd", n: 3, gain: 0.8}; a plain value sits under "value" */
} ph_value_kind;

typedef struct {
  ph_value_kind kind;
  union {
    double num;
    const char *str;
    bool b;
    const ph_func *fn;
    ph_pat *pat;
    const ph_vmap *map;
  } as;
} ph_value;

typedef struct {
  const char *key;
  ph_value val;
} ph_kv;

/* Immutable once built; keys sorted by strcmp, each at most once. */
struct ph_vmap {
  int count;
  ph_kv items[];
};

/* A transform used as a value: `every 3 (fast 2)` passes `fast 2` as a ph_func. */
struct ph_func {
  ph_pat *(*apply)(ph_arena *a, const ph_func *self, ph_pat *pat, ph_error *err);
  const void *env;
};

static inline ph_value ph_num(double x) { return (ph_value){.kind = PH_VAL_NUM, .as.num = x}; }
static inline ph_value ph_str(const char *s) { return (ph_value){.kind = PH_VAL_STR, .as.str = s}; }
static inline ph_value ph_bool(bool b) { return (ph_value){.kind = PH_VAL_BOOL, .as.b = b}; }
static inline ph_value ph_fnval(const ph_func *f) { return (ph_value){.kind = PH_VAL_FUNC, .as.fn = f}; }
static inline ph_value ph_patval(ph_pat *p) { return (ph_value){.kind = PH_VAL_PAT, .as.pat = p}; }
static inline ph_value ph_mapval(const ph_vmap *m) { return (ph_value){.kind = PH_VAL_MAP, .as.map = m}; }

/* Maps: lookup returns NULL when absent; set returns a new map (NULL when out of memory). */
const ph_value *ph_map_get(const ph_vmap *m, const char *key);
const ph_vmap *ph_map_set(ph_arena *a, const ph_vmap *m, const char *key, ph_value v);
/* Strudel's union of two maps: keys of b override a's, or are combined with fn when given. */
typedef ph_value (*ph_value_op)(ph_value a, ph_value b);
const ph_vmap *ph_map_union(ph_arena *a, const ph_vmap *x, const ph_vmap *y, ph_value_op fn);
/* A value as a map: maps as they are, anything else as {value: v}. */
const ph_vmap *ph_value_as_map(ph_arena *a, ph_value v);

/* JavaScript truthiness: 0, NaN, "" and false are false. */
bool ph_value_truthy(ph_value v);
/* Number of a value: numbers as they are, booleans 0/1, numeric words parsed; false if none. */
bool ph_value_to_num(ph_value v, double *out);
bool ph_value_equal(ph_value a, ph_value b);
/* Writes a readable form ("bd", "0.5", "true"); returns the length like snprintf. */
int ph_value_format(char *buf, size_t size, ph_value v);

#endif
