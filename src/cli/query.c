/* phonon query: the events of a pattern, readable or as conformance answers (JSON lines). */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "pattern/mini.h"
#include "pattern/registry.h"

/* ---------------------------------------------------------------- building a case */

static ph_pat *arg_pattern(ph_arena *a, json_t *arg, ph_error *err);
static const ph_func *json_func(ph_arena *a, json_t *call, ph_error *err);

static ph_pat *apply_call(ph_arena *a, ph_pat *pat, json_t *call, ph_error *err) {
  const ph_func *f = json_func(a, call, err);
  return f ? ph_func_apply(a, f, pat, err) : NULL;
}

/* ["name", arg, ...] as a function value. */
static const ph_func *json_func(ph_arena *a, json_t *call, ph_error *err) {
  if (json_is_object(call) && json_is_array(json_object_get(call, "seq"))) {
    json_t *seq = json_object_get(call, "seq");
    size_t n = json_array_size(seq);
    const ph_func **fns = PH_ARENA_ARRAY(a, const ph_func *, n ? n : 1);
    for (size_t i = 0; i < n; i++)
      if (!(fns[i] = json_func(a, json_array_get(seq, i), err))) return NULL;
    return ph_func_compose(a, fns, (int)n);
  }
  if (!json_is_array(call) || !json_is_string(json_array_get(call, 0))) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "a transform must be [name, args...]");
    return NULL;
  }
  const char *name = json_string_value(json_array_get(call, 0));
  const ph_transform_def *def = ph_transform_find(name);
  if (!def) {
    ph_error_set(err, PH_ERR_NAME, NULL, 0, "unknown transform '%s'", name);
    return NULL;
  }
  int given = (int)json_array_size(call) - 1;
  if (given != def->nargs) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s takes %d argument%s (%s), got %d", name, def->nargs,
                 def->nargs == 1 ? "" : "s", def->params ? def->params : "", given);
    return NULL;
  }
  ph_pat *args[8];
  for (int i = 0; i < given && i < 8; i++)
    if (!(args[i] = arg_pattern(a, json_array_get(call, (size_t)i + 1), err))) return NULL;
  return ph_func_bind(a, def, args);
}

static ph_pat *base_pattern(ph_arena *a, json_t *c, ph_error *err) {
  json_t *mini = json_object_get(c, "mini");
  if (json_is_string(mini)) return ph_mini_parse(a, json_string_value(mini), err);
  json_t *sig = json_object_get(c, "signal");
  json_t *sig_args = json_object_get(c, "signalArgs");
  if (json_is_string(sig) && json_is_array(sig_args)) {
    const ph_generator_def *g = ph_generator_find(json_string_value(sig));
    if (!g) {
      ph_error_set(err, PH_ERR_NAME, NULL, 0, "unknown generator '%s'", json_string_value(sig));
      return NULL;
    }
    if ((int)json_array_size(sig_args) != g->nargs) {
      ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "%s takes %d argument(s) (%s)", g->name, g->nargs, g->params);
      return NULL;
    }
    ph_pat *args[8];
    for (int i = 0; i < g->nargs && i < 8; i++)
      if (!(args[i] = arg_pattern(a, json_array_get(sig_args, (size_t)i), err))) return NULL;
    return g->make(a, args, err);
  }
  if (json_is_string(sig)) {
    const ph_signal_def *s = ph_signal_find(json_string_value(sig));
    if (!s) {
      ph_error_set(err, PH_ERR_NAME, NULL, 0, "unknown signal '%s'", json_string_value(sig));
      return NULL;
    }
    return s->make(a);
  }
  ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "a case needs \"mini\" or \"signal\"");
  return NULL;
}

/* An argument: a number is pure, a string is mini-notation, an array is a transform. */
static ph_pat *arg_pattern(ph_arena *a, json_t *arg, ph_error *err) {
  if (json_is_number(arg)) return ph_pure(a, ph_num(json_number_value(arg)));
  if (json_is_string(arg)) return ph_mini_parse(a, json_string_value(arg), err);
  if (json_is_object(arg) && (json_object_get(arg, "mini") || json_object_get(arg, "signal")))
    return base_pattern(a, arg, err);
  if (json_is_array(arg) || json_is_object(arg)) {
    const ph_func *f = json_func(a, arg, err);
    return f ? ph_pure(a, ph_fnval(f)) : NULL;
  }
  ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "unsupported argument");
  return NULL;
}

static bool json_rat(json_t *j, ph_rat *out) {
  if (json_is_integer(j)) {
    *out = ph_rat_int(json_integer_value(j));
    return true;
  }
  if (json_is_real(j)) {
    *out = ph_rat_from_double(json_real_value(j));
    return ph_rat_ok(*out);
  }
  return json_is_string(j) && ph_rat_parse(json_string_value(j), out);
}

/* ---------------------------------------------------------------- answering */

static json_t *json_span(ph_span s) {
  char b[48], e[48];
  ph_rat_format(b, sizeof b, s.begin);
  ph_rat_format(e, sizeof e, s.end);
  return json_pack("[ss]", b, e);
}

/* Strudel keeps "bd:3" as the list ["bd", 3]; the oracle joins it back at the top level only,
 * so inside control maps a word with colons is written as that list. */
static json_t *json_colon_list(const char *s) {
  json_t *list = json_array();
  for (const char *p = s;;) {
    const char *end = strchr(p, ':');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    char part[128];
    snprintf(part, sizeof part, "%.*s", (int)n, p);
    char *num_end;
    double x = strtod(part, &num_end);
    json_array_append_new(list, n && !*num_end ? json_real(x) : json_string(part));
    if (!end) break;
    p = end + 1;
  }
  return list;
}

static json_t *json_value(ph_value v);

static json_t *json_nested_value(ph_value v) {
  if (v.kind == PH_VAL_STR && strchr(v.as.str, ':')) return json_colon_list(v.as.str);
  return json_value(v);
}

static json_t *json_value(ph_value v) {
  switch (v.kind) {
  case PH_VAL_NUM: return isfinite(v.as.num) ? json_real(v.as.num) : json_null(); /* as JSON.stringify */
  case PH_VAL_STR: return json_string(v.as.str);
  case PH_VAL_BOOL: return json_boolean(v.as.b);
  case PH_VAL_MAP: {
    json_t *o = json_object();
    for (int i = 0; i < v.as.map->count; i++)
      json_object_set_new(o, v.as.map->items[i].key, json_nested_value(v.as.map->items[i].val));
    return o;
  }
  default: return json_null();
  }
}

/* The oracle's order: part begin, whole begin, then the value's JSON text; stable, so ties keep
 * the query's order (compare.py keeps it too for equal numbers). */
typedef struct {
  const ph_hap *hap;
  char key[96];
  size_t index;
} sort_item;

static int oracle_order(const void *pa, const void *pb) {
  const sort_item *x = pa, *y = pb;
  int c = ph_rat_cmp(x->hap->part.begin, y->hap->part.begin);
  if (c) return c;
  if (x->hap->has_whole && y->hap->has_whole && (c = ph_rat_cmp(x->hap->whole.begin, y->hap->whole.begin))) return c;
  if ((c = strcmp(x->key, y->key))) return c;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void sort_like_oracle(ph_haps *haps, ph_arena *a) {
  sort_item *items = PH_ARENA_ARRAY(a, sort_item, haps->count ? haps->count : 1);
  ph_hap *copy = PH_ARENA_ARRAY(a, ph_hap, haps->count ? haps->count : 1);
  if (!items || !copy) return;
  for (size_t i = 0; i < haps->count; i++) {
    copy[i] = haps->items[i];
    items[i].hap = &copy[i];
    items[i].index = i;
    const ph_value *v = &copy[i].value;
    if (v->kind == PH_VAL_STR)
      snprintf(items[i].key, sizeof items[i].key, "\"%s\"", v->as.str);
    else
      ph_value_format(items[i].key, sizeof items[i].key, *v);
  }
  qsort(items, haps->count, sizeof *items, oracle_order);
  for (size_t i = 0; i < haps->count; i++) haps->items[i] = *items[i].hap;
}

static json_t *answer_case(json_t *c, ph_arena *a) {
  ph_error err;
  ph_error_clear(&err);
  json_t *id = json_object_get(c, "id");
  json_t *result = json_object();
  json_object_set(result, "id", id ? id : json_null());
  ph_pat *pat = base_pattern(a, c, &err);
  json_t *apply = json_object_get(c, "apply");
  for (size_t i = 0; pat && i < json_array_size(apply); i++) pat = apply_call(a, pat, json_array_get(apply, i), &err);
  ph_span span = {ph_rat_int(0), ph_rat_int(1)};
  json_t *cycles = json_object_get(c, "cycles");
  if (pat && cycles && !(json_rat(json_array_get(cycles, 0), &span.begin) &&
                         json_rat(json_array_get(cycles, 1), &span.end)))
    ph_error_set(&err, PH_ERR_ARGUMENT, NULL, 0, "cycles must be two rationals");
  ph_haps haps = ph_haps_empty();
  if (pat && !ph_error_is_set(&err)) {
    haps = ph_pat_query_span(pat, a, span, &err);
    /* A pattern that fails while being queried (a word where a number is needed) plays
     * nothing, as in Strudel; the reason is reported beside the empty answer. */
    if (ph_error_is_set(&err)) {
      json_object_set_new(result, "haps", json_array());
      json_object_set_new(result, "query_error", json_string(err.message));
      return result;
    }
  }
  if (!pat && !ph_error_is_set(&err)) ph_error_set(&err, PH_ERR_MEMORY, NULL, 0, "out of memory");
  if (ph_error_is_set(&err)) {
    char msg[512];
    if (err.column > 0)
      snprintf(msg, sizeof msg, "column %d: %s", err.column, err.message);
    else
      snprintf(msg, sizeof msg, "%s", err.message);
    json_object_set_new(result, "error", json_string(msg));
    return result;
  }
  sort_like_oracle(&haps, a);
  json_t *list = json_array();
  for (size_t i = 0; i < haps.count; i++) {
    const ph_hap *h = &haps.items[i];
    json_array_append_new(list, json_pack("{s:o,s:o,s:o}", "whole", h->has_whole ? json_span(h->whole) : json_null(),
                                          "part", json_span(h->part), "value", json_value(h->value)));
  }
  json_object_set_new(result, "haps", list);
  return result;
}

static int query_jsonl(void) {
  ph_arena arena;
  ph_arena_init(&arena, 1 << 20);
  char *line = NULL;
  size_t cap = 0;
  int bad = 0;
  while (getline(&line, &cap, stdin) > 0) {
    json_error_t jerr;
    json_t *c = json_loads(line, 0, &jerr);
    if (!c) {
      if (strspn(line, " \t\r\n") == strlen(line)) continue;
      fprintf(stderr, "phonon query: bad JSON line: %s\n", jerr.text);
      bad = 1;
      continue;
    }
    json_t *r = answer_case(c, &arena);
    char *text = json_dumps(r, JSON_COMPACT | JSON_REAL_PRECISION(17));
    puts(text);
    free(text);
    json_decref(r);
    json_decref(c);
    ph_arena_reset(&arena);
  }
  free(line);
  ph_arena_destroy(&arena);
  return bad;
}

/* ---------------------------------------------------------------- readable */

static void print_span(ph_span s) {
  char b[48], e[48];
  ph_rat_format(b, sizeof b, s.begin);
  ph_rat_format(e, sizeof e, s.end);
  printf("%s → %s", b, e);
}

static int query_readable(const char *text, ph_span span) {
  ph_arena arena;
  ph_arena_init(&arena, 1 << 20);
  ph_error err;
  ph_error_clear(&err);
  /* A pattern given as the language writes it ("bd sn") or bare (bd sn). */
  size_t len = strlen(text);
  char *src = ph_arena_strdup(&arena, text);
  if (len >= 2 && text[0] == '"' && text[len - 1] == '"') src = ph_arena_strndup(&arena, text + 1, len - 2);
  ph_pat *pat = ph_mini_parse(&arena, src, &err);
  ph_haps haps = ph_haps_empty();
  if (pat) haps = ph_pat_query_span(pat, &arena, span, &err);
  if (ph_error_is_set(&err)) {
    err.file = "<pattern>";
    ph_error_print(&err, stderr);
    ph_arena_destroy(&arena);
    return 1;
  }
  ph_haps_sort(&haps);
  for (size_t i = 0; i < haps.count; i++) {
    const ph_hap *h = &haps.items[i];
    char v[256];
    ph_value_format(v, sizeof v, h->value);
    if (!h->has_whole) {
      printf("~ ");
      print_span(h->part);
    } else {
      print_span(h->whole);
      if (!ph_span_eq(h->whole, h->part)) {
        printf("  (part ");
        print_span(h->part);
        printf(")");
      }
    }
    printf("  %s\n", v);
  }
  ph_arena_destroy(&arena);
  return 0;
}

int ph_cli_query(int argc, char **argv) {
  const char *pattern = NULL;
  ph_span span = {ph_rat_int(0), ph_rat_int(1)};
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--jsonl")) return query_jsonl();
    if (!strcmp(argv[i], "--cycles") && i + 2 < argc) {
      if (!ph_rat_parse(argv[i + 1], &span.begin) || !ph_rat_parse(argv[i + 2], &span.end)) {
        fprintf(stderr, "phonon query: --cycles takes two numbers like 0 4 or 1/3 2\n");
        return 2;
      }
      i += 2;
    } else if (!pattern) {
      pattern = argv[i];
    } else {
      fprintf(stderr, "phonon query: unexpected argument '%s'\n", argv[i]);
      return 2;
    }
  }
  if (!pattern) {
    fprintf(stderr, "usage: phonon query PATTERN [--cycles BEGIN END] | phonon query --jsonl\n");
    return 2;
  }
  return query_readable(pattern, span);
}
