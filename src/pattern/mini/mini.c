/* ph_mini_parse: parse the string into a tree (mini_parse.c), then build its pattern
 * (mini_build.c, mini_ops.c). */
#include "pattern/mini.h"

#include "pattern/mini/mini_build.h"

ph_pat *ph_mini_parse(ph_arena *a, const char *src, ph_error *err) {
  mn_node *root = mn_parse(a, src, err);
  if (!root) return NULL;
  return mn_build_root(a, src, root, false, err);
}

ph_pat *ph_mini_parse_signal(ph_arena *a, const char *src, ph_error *err) {
  mn_node *root = mn_parse(a, src, err);
  if (!root) return NULL;
  return mn_build_root(a, src, root, true, err);
}
