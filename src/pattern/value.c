#include "pattern/value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ph_value_truthy(ph_value v) {
  switch (v.kind) {
  case PH_VAL_NONE: return false;
  case PH_VAL_NUM: return v.as.num != 0 && !isnan(v.as.num);
  case PH_VAL_STR: return v.as.str && v.as.str[0];
  case PH_VAL_BOOL: return v.as.b;
  case PH_VAL_FUNC: return v.as.fn != NULL;
  case PH_VAL_PAT: return v.as.pat != NULL;
  case PH_VAL_MAP: return v.as.map != NULL;
  }
  return false;
}

bool ph_value_to_num(ph_value v, double *out) {
  switch (v.kind) {
  case PH_VAL_NUM: *out = v.as.num; return true;
  case PH_VAL_BOOL: *out = v.as.b ? 1 : 0; return true;
  case PH_VAL_STR: {
    if (!v.as.str || !*v.as.str) return false;
    char *end;
    double x = strtod(v.as.str, &end);
    if (*end) return false;
    *out = x;
    return true;
  }
  default: return false;
  }
}

bool ph_value_equal(ph_value a, ph_value b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
  case PH_VAL_NONE: return true;
  case PH_VAL_NUM: return a.as.num == b.as.num;
  case PH_VAL_STR: return strcmp(a.as.str, b.as.str) == 0;
  case PH_VAL_BOOL: return a.as.b == b.as.b;
  case PH_VAL_FUNC: return a.as.fn == b.as.fn;
  case PH_VAL_PAT: return a.as.pat == b.as.pat;
  case PH_VAL_MAP:
    if (a.as.map->count != b.as.map->count) return false;
    for (int i = 0; i < a.as.map->count; i++)
      if (strcmp(a.as.map->items[i].key, b.as.map->items[i].key) ||
          !ph_value_equal(a.as.map->items[i].val, b.as.map->items[i].val))
        return false;
    return true;
  }
  return false;
}

int ph_value_format(char *buf, size_t size, ph_value v) {
  switch (v.kind) {
  case PH_VAL_NONE: return snprintf(buf, size, "~");
  case PH_VAL_NUM: {
    /* The shortest form that reads back as the same double. */
    for (int digits = 15; digits < 17; digits++) {
      char tmp[64];
      snprintf(tmp, sizeof tmp, "%.*g", digits, v.as.num);
      if (strtod(tmp, NULL) == v.as.num) return snprintf(buf, size, "%s", tmp);
    }
    return snprintf(buf, size, "%.17g", v.as.num);
  }
  case PH_VAL_STR: return snprintf(buf, size, "%s", v.as.str);
  case PH_VAL_BOOL: return snprintf(buf, size, "%s", v.as.b ? "true" : "false");
  case PH_VAL_FUNC: return snprintf(buf, size, "<function>");
  case PH_VAL_PAT: return snprintf(buf, size, "<pattern>");
  case PH_VAL_MAP: {
    size_t len = 0;
    len += (size_t)snprintf(buf, size, "{");
    for (int i = 0; i < v.as.map->count; i++) {
      len += (size_t)snprintf(buf + (len < size ? len : size), len < size ? size - len : 0, "%s%s: ", i ? ", " : "",
                              v.as.map->items[i].key);
      len += (size_t)ph_value_format(buf + (len < size ? len : size), len < size ? size - len : 0,
                                     v.as.map->items[i].val);
    }
    len += (size_t)snprintf(buf + (len < size ? len : size), len < size ? size - len : 0, "}");
    return (int)len;
  }
  }
  return 0;
}

const ph_value *ph_map_get(const ph_vmap *m, const char *key) {
  if (!m) return NULL;
  for (int i = 0; i < m->count; i++)
    if (strcmp(m->items[i].key, key) == 0) return &m->items[i].val;
  return NULL;
}

static ph_vmap *map_alloc(ph_arena *a, int count) {
  ph_vmap *m = ph_arena_alloc(a, sizeof *m + (size_t)count * sizeof(ph_kv));
  if (m) m->count = 0;
  return m;
}

const ph_vmap *ph_map_set(ph_arena *a, const ph_vmap *m, const char *key, ph_value v) {
  int n = m ? m->count : 0;
  ph_vmap *r = map_alloc(a, n + 1);
  if (!r) return NULL;
  bool placed = false;
  for (int i = 0; i < n; i++) {
    int c = strcmp(m->items[i].key, key);
    if (!placed && c >= 0) {
      r->items[r->count++] = (ph_kv){key, v};
      placed = true;
      if (c == 0) continue;
    }
    r->items[r->count++] = m->items[i];
  }
  if (!placed) r->items[r->count++] = (ph_kv){key, v};
  return r;
}

const ph_vmap *ph_map_union(ph_arena *a, const ph_vmap *x, const ph_vmap *y, ph_value_op fn) {
  ph_vmap *r = map_alloc(a, x->count + y->count);
  if (!r) return NULL;
  int i = 0, j = 0;
  while (i < x->count || j < y->count) {
    int c = i == x->count ? 1 : j == y->count ? -1 : strcmp(x->items[i].key, y->items[j].key);
    if (c < 0) r->items[r->count++] = x->items[i++];
    else if (c > 0) r->items[r->count++] = y->items[j++];
    else {
      ph_value v = fn ? fn(x->items[i].val, y->items[j].val) : y->items[j].val;
      r->items[r->count++] = (ph_kv){x->items[i].key, v};
      i++;
      j++;
    }
  }
  return r;
}

const ph_vmap *ph_value_as_map(ph_arena *a, ph_value v) {
  if (v.kind == PH_VAL_MAP) return v.as.map;
  return ph_map_set(a, NULL, "value", v);
}
