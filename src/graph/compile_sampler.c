/* Sample playback in the language: `s "bd*2 [sn cp]" # n "<0 1>" # speed (sine 0.5 + 1)
 * # lpf 2000`. The controls right after `s` (or after `n`/`note` heading a chain that names
 * its sound with `# s`) are merged into one pattern of control maps the way Tidal's `#` does:
 * structure from the left, values from the right at each event (a rest on the right drops the
 * event). A control given a signal instead is read by the sampler at each onset. Transforms
 * around the chain apply to the merged pattern. What follows is an ordinary chain. */
#include <string.h>

#include "dsp/catalog.h"
#include "graph/compile_internal.h"
#include "pattern/ops.h"

static const char *const controls[] = {
    "s", "sound", "n", "note", "up", "speed", "gain", "velocity", "pan", "begin", "end", "loop", "cut", "cut_group",
    "legato", "sustain", "unit", "attack", "release", "hold", "shape", "coarse", "accelerate", "orbit", "ar", NULL,
};

bool ph_compile_is_control(const char *name) {
  for (int i = 0; controls[i]; i++)
    if (!strcmp(controls[i], name)) return true;
  return false;
}

static bool is_call_of(const ph_ast *n, const char *a, const char *b) {
  return (n->kind == PH_AST_CALL || n->kind == PH_AST_IDENT) && (!strcmp(n->text, a) || (b && !strcmp(n->text, b)));
}

static bool is_control_call(const ph_ast *n) {
  return (n->kind == PH_AST_CALL || n->kind == PH_AST_IDENT) && ph_compile_is_control(n->text);
}

/* The key a control sets in the map. */
static const char *key_of(const char *name) {
  if (!strcmp(name, "sound")) return "s";
  if (!strcmp(name, "up")) return "note";
  if (!strcmp(name, "cut_group")) return "cut";
  return name;
}

typedef struct {
  const char *key;
} keyed;

/* {key: v}; pan from the language's -1..1 to the map's 0..1 (Tidal's and jux's). */
static ph_value to_map(ph_query *q, ph_value v, const void *env) {
  const char *key = ((const keyed *)env)->key;
  double x;
  if (!strcmp(key, "pan") && ph_value_to_num(v, &x)) v = ph_num((x + 1.0) * 0.5);
  return ph_mapval(ph_map_set(q->arena, NULL, key, v));
}

/* A literal argument as a pattern (NULL when it is a signal). */
static ph_pat *literal(ph_compiler *c, const ph_ast *arg, bool *failed) {
  ph_arena *a = &c->song->arena;
  *failed = false;
  if (arg->kind == PH_AST_NUM) return ph_pure(a, ph_num(arg->value));
  if (arg->kind == PH_AST_NEG && arg->args[0]->kind == PH_AST_NUM) return ph_pure(a, ph_num(-arg->args[0]->value));
  if (arg->kind == PH_AST_STR) {
    ph_pat *p = ph_compile_pattern(c, arg, false);
    *failed = !p;
    return p;
  }
  return NULL;
}

typedef struct {
  ph_pat *pat;               /* the merged control pattern */
  const ph_ast *signals[32]; /* a signal per sampler parameter, or NULL */
} sampler_build;

/* One control: merged into the pattern when literal, kept as a signal otherwise. */
static bool add_control(ph_compiler *c, sampler_build *b, const char *name, const ph_ast *arg, size_t offset) {
  ph_arena *a = &c->song->arena;
  if (!arg) return ph_compile_fail(c, offset, PH_ERR_ARGUMENT, "'%s' needs a value", name);
  bool failed;
  ph_pat *p = literal(c, arg, &failed);
  if (failed) return false;
  const char *key = key_of(name);
  if (!p) {
    int param = ph_dsp_param_index(c->voices->sampler, key);
    if (param < 0 || param >= 32)
      return ph_compile_fail(c, arg->offset, PH_ERR_ARGUMENT, "'%s' takes a pattern string here, not a signal", name);
    b->signals[param] = arg;
    return true;
  }
  keyed *k = PH_ARENA_NEW(a, keyed);
  if (!k) return ph_compile_fail(c, offset, PH_ERR_MEMORY, "out of memory");
  k->key = key;
  ph_pat *maps = ph_fmap(a, p, to_map, k);
  b->pat = b->pat ? ph_op_apply(a, PH_OP_SET, PH_HOW_IN, b->pat, maps) : maps;
  if (!b->pat) return ph_compile_fail(c, offset, PH_ERR_MEMORY, "out of memory");
  return true;
}

/* The controls of one call: its positional argument(s) and keyword arguments. */
static bool add_call(ph_compiler *c, sampler_build *b, const ph_ast *call) {
  size_t nargs = call->kind == PH_AST_CALL ? call->nargs : 0;
  const ph_ast *first = NULL, *second = NULL;
  for (size_t i = 0; i < nargs; i++) {
    const ph_ast *arg = call->args[i];
    if (arg->kind == PH_AST_KWARG) continue;
    if (!first) first = arg;
    else if (!second) second = arg;
    else return ph_compile_fail(c, arg->offset, PH_ERR_ARGUMENT, "too many arguments for '%s'", call->text);
  }
  if (!strcmp(call->text, "ar")) {
    if (!add_control(c, b, "attack", first, call->offset) || !add_control(c, b, "release", second, call->offset)) return false;
  } else {
    if (second) return ph_compile_fail(c, second->offset, PH_ERR_ARGUMENT, "'%s' takes one value", call->text);
    if (!add_control(c, b, call->text, first, call->offset)) return false;
  }
  for (size_t i = 0; i < nargs; i++) {
    const ph_ast *arg = call->args[i];
    if (arg->kind != PH_AST_KWARG) continue;
    if (!ph_compile_is_control(arg->text))
      return ph_compile_fail(c, arg->offset, PH_ERR_ARGUMENT, "a sample voice has no parameter '%s'", arg->text);
    if (!add_control(c, b, arg->text, arg->args[0], arg->offset)) return false;
  }
  return true;
}

/* Whether n is a chain of controls headed by n/note/up (structure from numbers, the sound
 * named later by `# s`). */
static bool number_headed(const ph_ast *n) {
  if (n->kind == PH_AST_CHAIN) return is_control_call(n->args[1]) && number_headed(n->args[0]);
  if (n->kind == PH_AST_APPLY) return number_headed(n->args[1]);
  return is_call_of(n, "n", "note") || is_call_of(n, "up", NULL);
}

/* Whether n is sample playback and nothing else: `s ...`, controls after it, transforms
 * around it (`s "bd" $ fast 2 # gain 0.5` is `(s "bd" $ fast 2) # gain 0.5`). */
static bool sampler_expr(const ph_ast *n) {
  if (n->kind == PH_AST_CHAIN)
    return is_control_call(n->args[1]) &&
           (sampler_expr(n->args[0]) || (is_call_of(n->args[1], "s", "sound") && number_headed(n->args[0])));
  if (n->kind == PH_AST_APPLY) return sampler_expr(n->args[1]);
  return is_call_of(n, "s", "sound");
}

/* The control pattern of a sampler expression, transforms applied where they stand. */
static bool build(ph_compiler *c, sampler_build *b, const ph_ast *n) {
  if (n->kind == PH_AST_CHAIN) return build(c, b, n->args[0]) && add_call(c, b, n->args[1]);
  if (n->kind != PH_AST_APPLY) return add_call(c, b, n);
  if (!build(c, b, n->args[1])) return false;
  const ph_ast *outer = c->section;
  c->section = NULL;
  const ph_func *f = ph_compile_transform(c, n->args[0]);
  const ph_ast *section = c->section;
  c->section = outer;
  if (!f) return false;
  if (section)
    return ph_compile_fail(c, section->offset, PH_ERR_ARGUMENT, "an effect section cannot apply to sample controls yet");
  b->pat = ph_func_apply(&c->song->arena, f, b->pat, c->err);
  if (!b->pat && !ph_error_is_set(c->err)) ph_compile_fail(c, n->offset, PH_ERR_MEMORY, "out of memory");
  if (ph_error_is_set(c->err)) c->err->file = c->file;
  return b->pat != NULL;
}

bool ph_compile_sampler(ph_compiler *c, const ph_ast *n, ph_sig *out, bool *handled) {
  enum { MAX_LINKS = 64 };
  const ph_ast *after[MAX_LINKS]; /* the effects that follow, last first */
  int nafter = 0;
  const ph_ast *head = n;
  while (head->kind == PH_AST_CHAIN && !sampler_expr(head) && nafter < MAX_LINKS) {
    after[nafter++] = head->args[1];
    head = head->args[0];
  }
  *handled = sampler_expr(head);
  if (!*handled) return false;
  if (!c->voices) return ph_compile_fail(c, head->offset, PH_ERR_ARGUMENT, "sample playback is not available here");
  sampler_build b = {0};
  if (!build(c, &b, head)) return false;
  ph_arena *a = &c->song->arena;
  for (int i = c->nxforms - 1; i >= 0 && b.pat; i--) {
    b.pat = ph_func_apply(a, c->xforms[i], b.pat, c->err);
    if (!b.pat) {
      if (!ph_error_is_set(c->err)) ph_compile_fail(c, head->offset, PH_ERR_MEMORY, "out of memory");
      c->err->file = c->file;
      return false;
    }
  }
  const ph_unit_def *def = c->voices->sampler;
  int node = ph_compile_add_node(c, def, head->offset);
  if (node < 0) return false;
  /* signals for controls are compiled outside the transforms (they are not patterns) */
  int saved = c->nxforms;
  c->nxforms = 0;
  for (int p = 0; p < def->nparams && p < 32; p++) {
    if (!b.signals[p]) continue;
    ph_sig sig;
    if (!ph_compile_expr(c, b.signals[p], &sig)) {
      c->nxforms = saved;
      return false;
    }
    ph_compile_feed(c, node, p, sig);
  }
  c->nxforms = saved;
  ph_sampler_binding binding = {b.pat, &c->song->clock, &c->song->block_start};
  c->voices->bind(ph_graph_state(&c->song->graph, node), &binding, c->voices->bank);
  ph_sig cur = {false, 0, {node, 0}, {node, 1}, true};
  for (int i = nafter - 1; i >= 0; i--) {
    ph_sig next;
    if (!ph_compile_splice(c, after[i], &cur, &next)) return false;
    cur = next;
  }
  *out = cur;
  return true;
}
