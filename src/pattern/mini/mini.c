#include "pattern/mini.h"

#include "pattern/core.h"

ph_pat *ph_mini_parse(ph_arena *a, const char *src, ph_error *err) {
  ph_error_set(err, PH_ERR_SYNTAX, src, 0, "mini-notation is not implemented yet");
  return NULL;
}
