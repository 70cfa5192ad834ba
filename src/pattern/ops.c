#include "pattern/ops.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void op_error(ph_query *q, const char *fmt, const char *what) {
  if (q && q->err) ph_error_set(q->err, PH_ERR_ARGUMENT, NULL, 0, fmt, what);
}

bool ph_note_midi(const char *s, int default_octave, double *out) {
  static const int chroma[] = {9, 11, 0, 2, 4, 5, 7}; /* a b c d e f g */
  char pc = (char)tolower((unsigned char)s[0]);
  if (pc < 'a' || pc > 'g') return false;
  int offset = 0;
  const char *p = s + 1;
  for (; *p && strchr("#bsf", *p); p++) offset += (*p == '#' || *p == 's') ? 1 : -1;
  double octave = default_octave; /* a double, as in JavaScript: "c99999999999" must not overflow */
  if (*p) {
    const char *digits = *p == '-' ? p + 1 : p;
    if (!*digits) return false;
    for (const char *d = digits; *d; d++)
      if (!isdigit((unsigned char)*d)) return false;
    octave = strtod(p, NULL);
  }
  *out = (octave + 1) * 12 + chroma[pc - 'a'] + offset;
  return true;
}

/* JavaScript's Number(string): trimmed decimal (or empty = 0); false when NaN. */
static bool js_number(const char *s, double *out) {
  while (isspace((unsigned char)*s)) s++;
  size_t len = strlen(s);
  while (len && isspace((unsigned char)s[len - 1])) len--;
  if (len == 0) {
    *out = 0;
    return true;
  }
  char buf[64];
  if (len >= sizeof buf) return false;
  memcpy(buf, s, len);
  buf[len] = 0;
  if (strpbrk(buf, "xXnNiI")) { /* hex, nan, inf spellings: not what strtod and JS share */
    if (!strcmp(buf, "Infinity") || !strcmp(buf, "+Infinity")) return (*out = INFINITY), true;
    if (!strcmp(buf, "-Infinity")) return (*out = -INFINITY), true;
    return false;
  }
  char *end;
  *out = strtod(buf, &end);
  return *end == 0;
}

bool ph_value_numeral(ph_value v, double *out) {
  switch (v.kind) {
  case PH_VAL_NUM: *out = v.as.num; return true;
  case PH_VAL_BOOL: *out = v.as.b; return true;
  case PH_VAL_STR: return js_number(v.as.str, out) || ph_note_midi(v.as.str, 3, out);
  default: return false;
  }
}

static bool is_arith(ph_op op) { return op <= PH_OP_POW; }

static ph_value arith(ph_query *q, ph_op op, ph_value x, ph_value y) {
  double a, b;
  if (!ph_value_numeral(x, &a) || !ph_value_numeral(y, &b)) {
    char buf[64];
    ph_value_format(buf, sizeof buf, ph_value_numeral(x, &a) ? y : x);
    op_error(q, "cannot parse as numeral: \"%s\"", buf);
    return (ph_value){0};
  }
  switch (op) {
  case PH_OP_ADD: return ph_num(a + b);
  case PH_OP_SUB: return ph_num(a - b);
  case PH_OP_MUL: return ph_num(a * b);
  case PH_OP_DIV: return ph_num(a / b);
  case PH_OP_MOD: return ph_num(fmod(fmod(a, b) + b, b));
  case PH_OP_POW: return ph_num(pow(a, b));
  default: return (ph_value){0};
  }
}

/* JavaScript's comparison of two primitives. */
static int js_compare(ph_value x, ph_value y, bool *comparable) {
  *comparable = true;
  if (x.kind == PH_VAL_STR && y.kind == PH_VAL_STR) return strcmp(x.as.str, y.as.str);
  double a, b;
  bool na = ph_value_to_num(x, &a), nb = ph_value_to_num(y, &b);
  if (x.kind == PH_VAL_STR && !js_number(x.as.str, &a)) na = false;
  if (y.kind == PH_VAL_STR && !js_number(y.as.str, &b)) nb = false;
  if (!na || !nb || isnan(a) || isnan(b)) {
    *comparable = false;
    return 0;
  }
  return a < b ? -1 : a > b;
}

static ph_value plain(ph_query *q, ph_op op, ph_value x, ph_value y) {
  if (is_arith(op)) return arith(q, op, x, y);
  bool ok;
  switch (op) {
  case PH_OP_LT: return ph_bool(js_compare(x, y, &ok) < 0 && ok);
  case PH_OP_GT: return ph_bool(js_compare(x, y, &ok) > 0 && ok);
  case PH_OP_LTE: return ph_bool(js_compare(x, y, &ok) <= 0 && ok);
  case PH_OP_GTE: return ph_bool(js_compare(x, y, &ok) >= 0 && ok);
  case PH_OP_EQ: return ph_bool(js_compare(x, y, &ok) == 0 && ok);
  case PH_OP_NE: return ph_bool(!(js_compare(x, y, &ok) == 0 && ok));
  case PH_OP_AND: return ph_value_truthy(x) ? y : x;
  case PH_OP_OR: return ph_value_truthy(x) ? x : y;
  case PH_OP_SET: return y;
  case PH_OP_KEEP: return x;
  case PH_OP_KEEPIF: return ph_value_truthy(y) ? x : (ph_value){0};
  default: return (ph_value){0};
  }
}

ph_value ph_op_values(ph_query *q, ph_op op, ph_value x, ph_value y) {
  if (op == PH_OP_KEEPIF || (x.kind != PH_VAL_MAP && y.kind != PH_VAL_MAP)) return plain(q, op, x, y);
  /* Strudel's unionWithObj: b's keys override a's; shared keys combine with the operator.
   * Arithmetic with a bare value on the right leaves the map unchanged. */
  const ph_vmap *a = ph_value_as_map(q->arena, x), *b = ph_value_as_map(q->arena, y);
  if (!a || !b) return (ph_value){0};
  if (b->count == 1 && !strcmp(b->items[0].key, "value")) return ph_mapval(a);
  ph_vmap *r = ph_arena_alloc(q->arena, sizeof *r + (size_t)(a->count + b->count) * sizeof(ph_kv));
  if (!r) return (ph_value){0};
  r->count = 0;
  int i = 0, j = 0;
  while (i < a->count || j < b->count) {
    int c = i == a->count ? 1 : j == b->count ? -1 : strcmp(a->items[i].key, b->items[j].key);
    if (c < 0) r->items[r->count++] = a->items[i++];
    else if (c > 0) r->items[r->count++] = b->items[j++];
    else {
      r->items[r->count++] = (ph_kv){a->items[i].key, plain(q, op, a->items[i].val, b->items[j].val)};
      i++;
      j++;
    }
  }
  return ph_mapval(r);
}

/* ---------------------------------------------------------------- the "hows" */

typedef struct {
  ph_op op;
} op_env;

static ph_value combine(ph_query *q, ph_value l, ph_value r, const void *env) {
  return ph_op_values(q, ((const op_env *)env)->op, l, r);
}

/* For the joins: every value v of `outer` becomes inner.fmap(w => op(v, w) or op(w, v)). */
typedef struct {
  ph_op op;
  ph_pat *inner;
  bool outer_is_left;
} bind_env;

typedef struct {
  ph_op op;
  ph_value fixed;
  bool fixed_is_left;
} with_env;

static ph_value with_fixed(ph_query *q, ph_value v, const void *env) {
  const with_env *e = env;
  return e->fixed_is_left ? ph_op_values(q, e->op, e->fixed, v) : ph_op_values(q, e->op, v, e->fixed);
}

static ph_value to_inner_pattern(ph_query *q, ph_value v, const void *env) {
  const bind_env *b = env;
  with_env *w = PH_ARENA_NEW(q->arena, with_env);
  if (!w) return (ph_value){0};
  *w = (with_env){b->op, v, b->outer_is_left};
  return ph_patval(ph_fmap(q->arena, b->inner, with_fixed, w));
}

static ph_pat *bind_ops(ph_arena *a, ph_op op, ph_pat *outer, ph_pat *inner, bool outer_is_left) {
  bind_env *b = PH_ARENA_NEW(a, bind_env);
  if (!b) return NULL;
  *b = (bind_env){op, inner, outer_is_left};
  return ph_fmap(a, outer, to_inner_pattern, b);
}

static bool defined(const ph_hap *h, const void *env) { return h->value.kind != PH_VAL_NONE; }

ph_pat *ph_op_apply(ph_arena *a, ph_op op, ph_how how, ph_pat *pat, ph_pat *other) {
  if (!pat || !other) return NULL;
  op_env *env = PH_ARENA_NEW(a, op_env);
  if (!env) return NULL;
  env->op = op;
  ph_pat *r = NULL;
  switch (how) {
  case PH_HOW_IN: r = ph_app_left(a, pat, other, combine, env); break;
  case PH_HOW_OUT: r = ph_app_right(a, pat, other, combine, env); break;
  case PH_HOW_MIX: r = ph_app_both(a, pat, other, combine, env); break;
  case PH_HOW_SQUEEZE: r = ph_squeeze_join(a, bind_ops(a, op, pat, other, true)); break;
  case PH_HOW_SQUEEZEOUT: r = ph_squeeze_join(a, bind_ops(a, op, other, pat, false)); break;
  case PH_HOW_RESET: r = ph_reset_join(a, bind_ops(a, op, other, pat, false), false); break;
  case PH_HOW_RESTART: r = ph_reset_join(a, bind_ops(a, op, other, pat, false), true); break;
  }
  if (r && op == PH_OP_KEEPIF) r = ph_filter_haps(a, r, defined, NULL);
  return r;
}

ph_pat *ph_struct_c(ph_arena *a, ph_pat *mask, ph_pat *pat) {
  return ph_op_apply(a, PH_OP_KEEPIF, PH_HOW_OUT, pat, mask);
}

ph_pat *ph_mask_c(ph_arena *a, ph_pat *mask, ph_pat *pat) {
  return ph_op_apply(a, PH_OP_KEEPIF, PH_HOW_IN, pat, mask);
}

ph_pat *ph_segment_c(ph_arena *a, ph_rat n, ph_pat *pat) {
  ph_pat *p = ph_struct_c(a, ph_fast_c(a, n, ph_pure(a, ph_bool(true))), pat);
  return ph_pat_with_steps(a, p, n);
}

typedef struct {
  ph_pat *pat;
  ph_rat n;
} repeat_data;

static void query_repeat(const ph_pat *self, ph_query *q, ph_span span, ph_haps *out) {
  const repeat_data *d = self->data;
  ph_rat cycle = ph_rat_floor(span.begin);
  ph_rat delta = ph_rat_sub(cycle, ph_rat_floor(ph_rat_div(cycle, d->n)));
  size_t first = out->count;
  ph_pat_query(d->pat, q, (ph_span){ph_rat_sub(span.begin, delta), ph_rat_sub(span.end, delta)}, out);
  for (size_t i = first; i < out->count; i++) {
    ph_hap *h = &out->items[i];
    h->part = (ph_span){ph_rat_add(h->part.begin, delta), ph_rat_add(h->part.end, delta)};
    if (h->has_whole) h->whole = (ph_span){ph_rat_add(h->whole.begin, delta), ph_rat_add(h->whole.end, delta)};
  }
}

ph_pat *ph_repeat_cycles_c(ph_arena *a, ph_rat n, ph_pat *pat) {
  if (!pat) return NULL;
  repeat_data *d;
  ph_pat *p = ph_pat_new_with(a, query_repeat, sizeof *d, (void **)&d);
  if (!p) return NULL;
  *d = (repeat_data){pat, n};
  p = ph_split_queries(a, p);
  if (p) p->steps = pat->steps;
  return p;
}
