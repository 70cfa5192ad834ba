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
  }
  return 0;
}
