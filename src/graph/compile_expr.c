/* Expressions to graph nodes. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dsp/catalog.h"
#include "graph/arith.h"
#include "graph/compile_internal.h"
#include "graph/cycle_phase.h"
#include "graph/pattern_signal.h"
#include "pattern/mini.h"
#include "pattern/ops.h"

bool ph_compile_fail(ph_compiler *c, size_t offset, ph_status status, const char *fmt, ...) {
  if (ph_error_is_set(c->err)) return false;
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ph_error_set(c->err, status, c->source, offset, "%s", msg);
  c->err->file = c->file;
  return false;
}

static ph_sig konst(float v) { return (ph_sig){true, v, {-1, 0}, {-1, 0}, false}; }
static ph_sig mono(int node, int output) { return (ph_sig){false, 0, {node, output}, {node, output}, false}; }
static ph_sig stereo(ph_port l, ph_port r) { return (ph_sig){false, 0, l, r, true}; }

/* One channel of a signal: the left (0) or right (1) port, or the constant. */
static ph_sig channel(ph_sig s, int ch) {
  if (s.is_const || !s.stereo) return s;
  return mono(ch ? s.right.node : s.port.node, ch ? s.right.output : s.port.output);
}

int ph_compile_add_node(ph_compiler *c, const ph_unit_def *def, size_t offset) {
  int n = ph_graph_add(&c->song->graph, def, c->err);
  if (n < 0) ph_compile_fail(c, offset, PH_ERR_MEMORY, "out of memory");
  else c->song->graph.nodes[n].origin = (long)offset;
  return n;
}

void ph_compile_feed(ph_compiler *c, int node, int param, ph_sig s) {
  /* A stereo signal where one channel is expected: its mid, (L + R) / 2 (where both sides are
   * one signal, prepare reads it as that signal: simplify.c, drop_mids). */
  if (!s.is_const && s.stereo) {
    int sum = ph_compile_add_node(c, &ph_unit_add, 0), half = ph_compile_add_node(c, &ph_unit_mul, 0);
    if (sum < 0 || half < 0) return;
    ph_graph_connect(&c->song->graph, sum, 0, s.port);
    ph_graph_connect(&c->song->graph, sum, 1, s.right);
    ph_graph_connect(&c->song->graph, half, 0, (ph_port){sum, 0});
    ph_graph_set_const(&c->song->graph, half, 1, 0.5f);
    s = mono(half, 0);
  }
  if (s.is_const)
    ph_graph_set_const(&c->song->graph, node, param, s.value);
  else
    ph_graph_connect(&c->song->graph, node, param, s.port);
}

ph_pat *ph_compile_pattern(ph_compiler *c, const ph_ast *str, bool apply_xforms) {
  ph_error merr = {0};
  /* Heard as a value signal, a rest is 0; as triggers, gates or a transform's argument it is
   * the gap Strudel makes of it. */
  bool as_signal = apply_xforms && c->string_mode == PH_PATSIG_VALUE;
  ph_pat *p = as_signal ? ph_mini_parse_signal(&c->song->arena, str->text, &merr)
                        : ph_mini_parse(&c->song->arena, str->text, &merr);
  if (!p) {
    size_t col = merr.column > 0 ? (size_t)merr.column - 1 : 0;
    ph_compile_fail(c, str->offset + 1 + col, PH_ERR_SYNTAX, "in pattern: %s", merr.message);
    return NULL;
  }
  for (int i = apply_xforms ? c->nxforms - 1 : -1; i >= 0 && p; i--) {
    p = ph_func_apply(&c->song->arena, c->xforms[i], p, &merr);
    if (!p) ph_compile_fail(c, str->offset, PH_ERR_ARGUMENT, "%s", merr.message);
  }
  return p;
}

static bool pattern_node(ph_compiler *c, ph_pat *p, ph_patsig_mode mode, size_t offset, ph_sig *out) {
  int n = ph_compile_add_node(c, &ph_unit_pattern_signal, offset);
  if (n < 0) return false;
  /* The buses the pattern samples run before it. */
  for (int i = 0; i < c->nsampled && i < PH_PATSIG_MAX_SOURCES; i++) ph_graph_connect(&c->song->graph, n, i, c->sampled[i]);
  if (c->nsampled > 0 && c->nsampling < (int)(sizeof c->sampling / sizeof *c->sampling)) {
    c->sampling[c->nsampling].node = n;
    c->sampling[c->nsampling++].offset = offset;
  }
  ph_patsig_binding b = {p, &c->song->clock, &c->song->block_start, mode, c->nsampled > 0};
  ph_patsig_bind(ph_graph_state(&c->song->graph, n), &b);
  *out = mono(n, 0);
  return true;
}

/* Whether a string's events are the same in every cycle: nothing in it varies between cycles
 * (no < >, ?, |, { }, euclid, / or a fractional *), so its first cycle says it all. */
bool ph_compile_same_every_cycle(const char *text) {
  for (const char *p = text; *p; p++) {
    if (strchr("<>?|{}()/%^", *p)) return false;
    if (*p == '*') {
      const char *q = p + 1;
      if (!(*q >= '0' && *q <= '9')) return false;
      while (*q >= '0' && *q <= '9') q++;
      if (*q == '.') return false;
    }
  }
  return true;
}

/* The value of p's one event filling cycle 0, if that is all it has there. */
static bool one_value(const ph_pat *p, ph_arena *scratch, double *x) {
  ph_error merr = {0};
  ph_haps h = ph_pat_query_span(p, scratch, (ph_span){ph_rat_int(0), ph_rat_int(1)}, &merr);
  if (ph_error_is_set(&merr) || h.count != 1 || !h.items[0].has_whole) return false;
  const ph_hap *e = &h.items[0];
  if (!ph_rat_eq(e->whole.begin, ph_rat_int(0)) || !ph_rat_eq(e->whole.end, ph_rat_int(1))) return false;
  if (e->value.kind == PH_VAL_NUM) *x = e->value.as.num;
  else if (e->value.kind != PH_VAL_STR || !ph_note_to_hz(e->value.as.str, x)) return false;
  return *x == *x && *x <= 1e30 && *x >= -1e30;
}

/* A string that is one number for the whole of every cycle ("440", "a4") is that constant:
 * no pattern node to query each block. */
static bool constant_string(ph_compiler *c, const ph_ast *n, ph_sig *out) {
  if (c->nxforms || c->string_mode != PH_PATSIG_VALUE || !ph_compile_same_every_cycle(n->text)) return false;
  ph_error merr = {0};
  ph_pat *p = ph_mini_parse_signal(&c->song->arena, n->text, &merr);
  if (!p) return false;
  /* Queried in a small arena of its own: "55!1000000" is no constant, and its million events
   * must neither take gigabytes nor stay in the song's memory. */
  ph_arena scratch;
  if (!ph_arena_init_fixed(&scratch, 64 << 10)) return false;
  double x;
  bool constant = one_value(p, &scratch, &x);
  ph_arena_destroy(&scratch);
  if (constant) *out = konst((float)x);
  return constant;
}

static bool compile_string(ph_compiler *c, const ph_ast *n, ph_sig *out) {
  if (constant_string(c, n, out)) return true;
  ph_pat *p = ph_compile_pattern(c, n, true);
  return p && pattern_node(c, p, (ph_patsig_mode)c->string_mode, n->offset, out);
}

static int mode_for(const ph_param_def *p) {
  if (!strcmp(p->unit, "trigger")) return PH_PATSIG_TRIGGER;
  if (!strcmp(p->unit, "gate")) return PH_PATSIG_GATE;
  return PH_PATSIG_VALUE;
}

static const ph_unit_def *arith_unit(char op) {
  switch (op) {
  case '+': return &ph_unit_add;
  case '-': return &ph_unit_sub;
  case '*': return &ph_unit_mul;
  case '/': return &ph_unit_div;
  }
  return NULL;
}

/* The arithmetic character of an operator spelled "+", "|+", "+|", "|+|", "~+". */
static char op_char(const char *text) {
  for (const char *p = text; *p; p++)
    if (strchr("+-*/", *p)) return *p;
  return 0;
}

static bool literal(const ph_ast *n) {
  while (n->kind == PH_AST_NEG) n = n->args[0];
  return n->kind == PH_AST_NUM || n->kind == PH_AST_STR;
}

static bool is_rest(ph_value v) { return v.kind == PH_VAL_STR && !strcmp(v.as.str, "~"); }

/* The operator on two events' values; a rest on either side stays a rest (0 when heard). */
static ph_value combine_or_rest(ph_query *q, ph_value l, ph_value r, const void *env) {
  if (is_rest(l) || is_rest(r)) return ph_str("~");
  return ph_op_values(q, *(const ph_op *)env, l, r);
}

static ph_pat *literal_pattern(ph_compiler *c, const ph_ast *n) {
  ph_arena *a = &c->song->arena;
  if (n->kind == PH_AST_NUM) return ph_pure(a, ph_num(n->value));
  if (n->kind == PH_AST_STR) {
    ph_error merr = {0};
    ph_pat *p = ph_mini_parse_signal(a, n->text, &merr);
    if (!p) {
      size_t col = merr.column > 0 ? (size_t)merr.column - 1 : 0;
      ph_compile_fail(c, n->offset + 1 + col, PH_ERR_SYNTAX, "in pattern: %s", merr.message);
    }
    return p;
  }
  static const ph_op negate = PH_OP_MUL;
  ph_pat *inner = literal_pattern(c, n->args[0]);
  return inner ? ph_app_left(a, inner, ph_pure(a, ph_num(-1)), combine_or_rest, &negate) : NULL;
}

/* "0 3 7" + "<12 24>": both sides literal, so the operation is on the patterns (note names
 * count as MIDI numbers here). Bare operators take structure from both sides (Tidal |+|),
 * |+ from the left, +| from the right; |> keeps the left's structure with the right's values. */
static bool pattern_binop(ph_compiler *c, const ph_ast *n, ph_sig *out) {
  const char *t = n->text;
  char op = op_char(t);
  ph_op *pop = PH_ARENA_NEW(&c->song->arena, ph_op);
  if (!pop) return ph_compile_fail(c, n->offset, PH_ERR_MEMORY, "out of memory");
  *pop = op == '+' ? PH_OP_ADD : op == '-' ? PH_OP_SUB : op == '*' ? PH_OP_MUL : PH_OP_DIV;
  ph_how how = PH_HOW_MIX;
  size_t len = strlen(t);
  if (!strcmp(t, "|>")) *pop = PH_OP_SET, how = PH_HOW_IN;
  else if (!strcmp(t, "<|")) *pop = PH_OP_KEEP, how = PH_HOW_OUT;
  else if (len == 2 && t[0] == '|') how = PH_HOW_IN;
  else if (len == 2 && t[1] == '|') how = PH_HOW_OUT;
  ph_pat *l = literal_pattern(c, n->args[0]), *r = literal_pattern(c, n->args[1]);
  if (!l || !r) return false;
  ph_arena *a = &c->song->arena;
  ph_pat *p = how == PH_HOW_IN ? ph_app_left(a, l, r, combine_or_rest, pop)
            : how == PH_HOW_OUT ? ph_app_right(a, l, r, combine_or_rest, pop)
                                : ph_app_both(a, l, r, combine_or_rest, pop);
  for (int i = c->nxforms - 1; i >= 0 && p; i--) p = ph_func_apply(a, c->xforms[i], p, c->err);
  return p && pattern_node(c, p, PH_PATSIG_VALUE, n->offset, out);
}

bool ph_compile_arith(ph_compiler *c, const ph_unit_def *def, ph_sig a, ph_sig b, size_t offset, ph_sig *out) {
  bool wide = (!a.is_const && a.stereo) || (!b.is_const && b.stereo);
  int nodes[2];
  for (int ch = 0; ch < (wide ? 2 : 1); ch++) {
    if ((nodes[ch] = ph_compile_add_node(c, def, offset)) < 0) return false;
    ph_compile_feed(c, nodes[ch], 0, channel(a, ch));
    ph_compile_feed(c, nodes[ch], 1, channel(b, ch));
  }
  *out = wide ? stereo((ph_port){nodes[0], 0}, (ph_port){nodes[1], 0}) : mono(nodes[0], 0);
  return true;
}

static bool binop(ph_compiler *c, const ph_ast *n, ph_sig *out) {
  const char *t = n->text;
  if (!strcmp(t, "|>") || !strcmp(t, "<|") || (t[0] != '~' && literal(n->args[0]) && literal(n->args[1]) &&
                                                 (n->args[0]->kind == PH_AST_STR || n->args[1]->kind == PH_AST_STR))) {
    if (literal(n->args[0]) && literal(n->args[1])) return pattern_binop(c, n, out);
    /* On signals, |> yields the left signal and <| the right one. */
    return ph_compile_expr(c, n->args[!strcmp(t, "<|")], out);
  }
  ph_sig a, b;
  if (!ph_compile_expr(c, n->args[0], &a) || !ph_compile_expr(c, n->args[1], &b)) return false;
  char op = op_char(t);
  if (a.is_const && b.is_const) {
    float v = op == '+' ? a.value + b.value : op == '-' ? a.value - b.value : op == '*' ? a.value * b.value
            : (fabsf(b.value) < 1e-10f ? 0.0f : a.value / b.value);
    *out = konst(v);
    return true;
  }
  const ph_unit_def *def = arith_unit(op);
  if (!def) return ph_compile_fail(c, n->offset, PH_ERR_SYNTAX, "unknown operator '%s'", t);
  return ph_compile_arith(c, def, a, b, n->offset, out);
}

ph_bus_entry *ph_compile_find_bus(ph_compiler *c, const char *name) {
  for (int i = 0; i < c->nbuses; i++)
    if (!strcmp(c->buses[i].name, name)) return &c->buses[i];
  return NULL;
}

static bool unknown_name(ph_compiler *c, const ph_ast *n, const char *what, const char *name) {
  const char *near = ph_compile_suggest(c, name);
  if (near) return ph_compile_fail(c, n->offset, PH_ERR_NAME, "unknown %s '%s' (did you mean '%s'?)", what, name, near);
  return ph_compile_fail(c, n->offset, PH_ERR_NAME, "unknown %s '%s'", what, name);
}

static void describe_params(const ph_unit_def *def, char *buf, size_t size) {
  size_t len = 0;
  buf[0] = 0;
  for (int i = 0; i < def->nparams && len < size; i++)
    len += (size_t)snprintf(buf + len, size - len, "%s%s%s", i ? " " : "", def->params[i].name,
                            def->params[i].required ? "" : "?");
}

static bool is_list(const ph_param_def *p) {
  size_t n = strlen(p->unit);
  return n >= 4 && !strcmp(p->unit + n - 4, "list");
}

#define LIST_QUERY_BYTES (256u << 10)
static bool too_many_values(ph_compiler *c, const ph_unit_def *def, int p, int room, const ph_ast *arg) {
  return ph_compile_fail(c, arg->offset, PH_ERR_ARGUMENT, "'%s' takes at most %d values in its '%s'", def->name, room,
                         def->params[p].name);
}
static bool spread_values(ph_compiler *c, const ph_unit_def *def, int p, int room, const ph_ast *arg, ph_pat *pat,
                          ph_haps h, ph_sig *args, bool *given);

/* A string given to a list parameter (segments "0 1 0" "0.1 0.5") fills that parameter and
 * the ones after it named alike (levels, level1, ...): the k-th gets the k-th event of each
 * cycle, so the list can change from cycle to cycle ("0 1 <0.5 0.2>"). The first cycle says
 * how many there are. */
static bool spread_list(ph_compiler *c, const ph_unit_def *def, int p, const ph_ast *arg, ph_sig *args, bool *given) {
  ph_pat *pat = ph_compile_pattern(c, arg, true);
  if (!pat) return false;
  const char *name = def->params[p].name;
  size_t stem = strlen(name) - 1;
  int room = 0;
  while (p + room < def->nparams && (room == 0 || !strncmp(def->params[p + room].name, name, stem))) room++;
  /* A list holds a few values: its first cycle is queried in a bounded arena, so a string
   * asking for a million ("0!1000000") is refused at once instead of filling memory. */
  ph_arena scratch;
  if (!ph_arena_init_fixed(&scratch, LIST_QUERY_BYTES))
    return ph_compile_fail(c, arg->offset, PH_ERR_MEMORY, "out of memory");
  ph_haps h = ph_pat_query_span(pat, &scratch, (ph_span){ph_rat_int(0), ph_rat_int(1)}, c->err);
  if (ph_error_is_set(c->err)) {
    ph_arena_destroy(&scratch);
    if (c->err->status != PH_ERR_MEMORY) {
      c->err->file = c->file;
      return false;
    }
    ph_error_clear(c->err);
    return too_many_values(c, def, p, room, arg);
  }
  bool ok = spread_values(c, def, p, room, arg, pat, h, args, given);
  ph_arena_destroy(&scratch);
  return ok;
}

/* The first cycle's values into the `room` parameters from p on. */
static bool spread_values(ph_compiler *c, const ph_unit_def *def, int p, int room, const ph_ast *arg, ph_pat *pat,
                          ph_haps h, ph_sig *args, bool *given) {
  size_t count = 0;
  for (size_t i = 0; i < h.count; i++) count += ph_hap_has_onset(&h.items[i]);
  const char *name = def->params[p].name;
  if (count > (size_t)room) return too_many_values(c, def, p, room, arg);
  int slot = p;
  /* the same list every cycle: its numbers, as constants */
  bool constant = !c->nxforms && ph_compile_same_every_cycle(arg->text);
  ph_haps_sort(&h);
  size_t next_onset = 0;
  for (size_t k = 0; k < count; k++) {
    while (next_onset < h.count && !ph_hap_has_onset(&h.items[next_onset])) next_onset++;
    double x;
    if (constant && next_onset < h.count && ph_value_to_num(h.items[next_onset].value, &x)) {
      args[slot] = konst((float)x);
    } else {
      ph_pat *nth = ph_nth_in_cycle(&c->song->arena, pat, (int)k);
      if (!nth) return ph_compile_fail(c, arg->offset, PH_ERR_MEMORY, "out of memory");
      if (!pattern_node(c, nth, PH_PATSIG_VALUE, arg->offset, &args[slot])) return false;
    }
    next_onset++;
    given[slot++] = true;
  }
  if (slot == p) return ph_compile_fail(c, arg->offset, PH_ERR_ARGUMENT, "'%s' needs at least one value in its '%s'", def->name, name);
  return true;
}

/* A frequency inside a voice, times the voice's pitch ratio; the first constant one met is
 * the root a note name replaces. */
static bool follow_note(ph_compiler *c, ph_sig *freq, size_t offset) {
  if (freq->is_const && c->voice_root != c->voice_root) c->voice_root = freq->value;
  ph_sig ratio = mono(c->voice_node, 4 * c->voice_k);
  int n = ph_compile_add_node(c, &ph_unit_mul, offset);
  if (n < 0) return false;
  ph_compile_feed(c, n, 0, *freq);
  ph_compile_feed(c, n, 1, ratio);
  *freq = mono(n, 0);
  return true;
}

/* The position in the cycle, one node for the whole program. */
static bool cycle_phase(ph_compiler *c, size_t offset, ph_sig *out) {
  if (!c->cycle_phase) {
    int n = ph_compile_add_node(c, &ph_unit_cycle_phase, offset);
    if (n < 0) return false;
    ph_cycle_phase_bind(ph_graph_state(&c->song->graph, n), &c->song->clock, &c->song->block_start);
    c->cycle_phase = n + 1;
  }
  *out = mono(c->cycle_phase - 1, 0);
  return true;
}

/* A call of a unit: positional arguments fill its parameters in order (the chain input
 * first, unless `input` already gives it); keyword arguments go by name. A one-output unit
 * given a stereo argument runs twice, once per channel; a two-output unit (pan2) is stereo
 * and hears the mid of stereo arguments. */
static bool call_unit(ph_compiler *c, const ph_unit_def *def, const ph_ast *call, const ph_sig *input, ph_sig *out) {
  enum { MAX_PARAMS = 32 };
  if (def->nparams > MAX_PARAMS) return ph_compile_fail(c, call->offset, PH_ERR_ARGUMENT, "'%s' has too many parameters", def->name);
  ph_sig args[MAX_PARAMS];
  bool given[MAX_PARAMS] = {0};
  int next = 0;
  bool source = true; /* no chain input: an oscillator, a noise, fm */
  for (int p = 0; p < def->nparams; p++) source &= !def->params[p].is_input;
  if (input) {
    int in = -1;
    for (int p = 0; p < def->nparams; p++)
      if (def->params[p].is_input) in = p;
    if (in < 0) return ph_compile_fail(c, call->offset, PH_ERR_ARGUMENT, "'%s' takes no input: it cannot follow '#'", def->name);
    args[in] = *input;
    given[in] = true;
  }
  size_t nargs = call->kind == PH_AST_CALL ? call->nargs : 0;
  for (size_t i = 0; i < nargs; i++) {
    const ph_ast *arg = call->args[i];
    int p;
    if (arg->kind == PH_AST_KWARG) {
      p = ph_dsp_param_index(def, arg->text);
      if (p < 0) {
        char params[256];
        describe_params(def, params, sizeof params);
        return ph_compile_fail(c, arg->offset, PH_ERR_ARGUMENT, "'%s' has no parameter '%s' (its parameters: %s)",
                               def->name, arg->text, params);
      }
      arg = arg->args[0];
    } else {
      while (next < def->nparams && given[next]) next++;
      p = next;
    }
    if (p >= def->nparams) {
      char params[256];
      describe_params(def, params, sizeof params);
      return ph_compile_fail(c, arg->offset, PH_ERR_ARGUMENT, "too many arguments for '%s' (its parameters: %s)",
                             def->name, params);
    }
    if (arg->kind == PH_AST_STR && is_list(&def->params[p])) {
      if (!spread_list(c, def, p, arg, args, given)) return false;
      /* the next positional argument goes past the whole list */
      size_t stem = strlen(def->params[p].name) - 1;
      for (next = p + 1; next < def->nparams && !strncmp(def->params[next].name, def->params[p].name, stem);) next++;
      continue;
    }
    int saved = c->string_mode;
    bool path = c->audio_path;
    c->string_mode = mode_for(&def->params[p]);
    /* in a voice: the audio path goes on through a unit's input, and through the parameters of
     * a source (pm's modulator) except its frequencies, which follow the note as a whole */
    bool pitch = source && !strcmp(def->params[p].unit, "Hz");
    c->audio_path = path && (source ? !pitch : def->params[p].is_input);
    bool ok = ph_compile_expr(c, arg, &args[p]);
    c->string_mode = saved;
    c->audio_path = path;
    if (!ok) return false;
    if (c->in_voice && path && pitch && !follow_note(c, &args[p], arg->offset)) return false;
    given[p] = true;
  }
  bool wide = false;
  for (int p = 0; p < def->nparams; p++) {
    if (!given[p] && def->params[p].required) {
      char params[256];
      describe_params(def, params, sizeof params);
      return ph_compile_fail(c, call->offset, PH_ERR_ARGUMENT, "'%s' needs its '%s' (its parameters: %s)", def->name,
                             def->params[p].name, params);
    }
    if (given[p] && !args[p].is_const && args[p].stereo) wide = true;
  }
  if (def->noutputs >= 2) wide = false; /* a stereo unit takes each argument's mid */
  /* in a voice a trigger left out is the note's, and a bare oscillator sounds its own pitch
   * (c4 for an LFO's 1 Hz) and follows the note */
  for (int p = 0; c->in_voice && p < def->nparams; p++)
    if (!given[p] && !strcmp(def->params[p].unit, "trigger")) {
      args[p] = mono(c->voice_node, 4 * c->voice_k + 3);
      given[p] = true;
    }
  for (int p = 0; c->in_voice && c->audio_path && source && p < def->nparams; p++)
    if (!given[p] && !strcmp(def->params[p].unit, "Hz")) {
      args[p] = konst(def->params[p].def >= 20.0f ? def->params[p].def : 261.6255653f);
      if (!follow_note(c, &args[p], call->offset)) return false;
      given[p] = true;
    }
  for (int p = 0; p < def->nparams; p++)
    if (!given[p] && !strcmp(def->params[p].unit, "cycle")) {
      if (!cycle_phase(c, call->offset, &args[p])) return false;
      given[p] = true;
    }
  int nodes[2];
  for (int ch = 0; ch < (wide ? 2 : 1); ch++) {
    if ((nodes[ch] = ph_compile_add_node(c, def, call->offset)) < 0) return false;
    for (int p = 0; p < def->nparams; p++)
      if (given[p]) ph_compile_feed(c, nodes[ch], p, wide ? channel(args[p], ch) : args[p]);
  }
  if (def->noutputs >= 2)
    *out = stereo((ph_port){nodes[0], 0}, (ph_port){nodes[0], 1});
  else
    *out = wide ? stereo((ph_port){nodes[0], 0}, (ph_port){nodes[1], 0}) : mono(nodes[0], 0);
  return true;
}

const ph_stmt *ph_compile_find_def(ph_compiler *c, ph_stmt_kind kind, const char *name) {
  for (int i = c->ndefs - 1; i >= 0; i--)
    if (c->defs[i]->kind == kind && !strcmp(c->defs[i]->name, name)) return c->defs[i];
  return NULL;
}

/* A parameter of the user function being compiled: its argument, compiled where the call was. */
static bool bound_parameter(ph_compiler *c, const ph_ast *n, ph_sig *out, bool *found) {
  *found = false;
  const ph_fn_frame *f = c->frame;
  if (!f || n->kind != PH_AST_IDENT) return false;
  for (size_t i = 0; i < f->fn->nparams; i++)
    if (!strcmp(f->fn->params[i], n->text)) {
      *found = true;
      c->frame = f->caller;
      bool ok = ph_compile_expr(c, f->args[i], out);
      c->frame = f;
      return ok;
    }
  return false;
}

static bool call_user_fn(ph_compiler *c, const ph_stmt *fn, const ph_ast *n, const ph_sig *input, ph_sig *out) {
  size_t given = n->kind == PH_AST_CALL ? n->nargs : 0;
  if (input) return ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT, "'%s' is a user function: it cannot follow '#'", fn->name);
  if (given != fn->nparams)
    return ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT, "'%s' takes %zu argument%s, got %zu", fn->name, fn->nparams,
                           fn->nparams == 1 ? "" : "s", given);
  if (!ph_compile_enter(c, n->offset, fn->name)) return false;
  ph_fn_frame frame = {fn, (const ph_ast *const *)n->args, c->frame};
  c->frame = &frame;
  bool ok = ph_compile_expr(c, fn->expr, out);
  c->frame = frame.caller;
  ph_compile_leave(c);
  return ok;
}

bool ph_compile_enter(ph_compiler *c, size_t offset, const char *name) {
  if (c->depth >= PH_COMPILE_MAX_DEPTH)
    return ph_compile_fail(c, offset, PH_ERR_ARGUMENT, "'%s' calls itself more than %d deep (definitions nest at most %d deep)",
                           name, PH_COMPILE_MAX_DEPTH, PH_COMPILE_MAX_DEPTH);
  c->depth++;
  return true;
}

void ph_compile_leave(ph_compiler *c) { c->depth--; }

/* A definition expanded in place: a modifier bus, a bus defined by an effect, a template. */
static bool splice_definition(ph_compiler *c, const ph_ast *target, const ph_ast *def, const ph_sig *input, ph_sig *out) {
  if (!ph_compile_enter(c, target->offset, target->text)) return false;
  bool ok = ph_compile_splice(c, def, input, out);
  ph_compile_leave(c);
  return ok;
}

static bool compile_call(ph_compiler *c, const ph_ast *n, const ph_sig *input, ph_sig *out);

/* `x # target`: the target is a call (x becomes its input), or a name whose definition is one:
 * a modifier bus (~m # lpf 300), a template, or a bus defined by a call or chain, which is
 * instantiated afresh around x. Chains in a definition apply left to right. */
bool ph_compile_splice(ph_compiler *c, const ph_ast *target, const ph_sig *input, ph_sig *out) {
  switch (target->kind) {
  case PH_AST_HOLE: *out = *input; return true; /* the input of a section: (# lpf 300) */
  case PH_AST_CALL:
  case PH_AST_IDENT: return compile_call(c, target, input, out);
  case PH_AST_CHAIN: {
    ph_sig mid;
    return ph_compile_splice(c, target->args[0], input, &mid) && ph_compile_splice(c, target->args[1], &mid, out);
  }
  case PH_AST_BUS: {
    const ph_stmt *mod = ph_compile_find_def(c, PH_STMT_BUS_MOD, target->text + 1);
    if (mod) return splice_definition(c, target, mod->expr, input, out);
    ph_bus_entry *b = ph_compile_find_bus(c, target->text);
    if (b && b->def && (b->def->expr->kind == PH_AST_CALL || b->def->expr->kind == PH_AST_CHAIN))
      return splice_definition(c, target, b->def->expr, input, out);
    if (b) return ph_compile_fail(c, target->offset, PH_ERR_ARGUMENT, "'%s' is not an effect: define it as %s $ lpf 300 0.5 or %s # lpf 300 0.5", target->text, target->text, target->text);
    return ph_compile_fail(c, target->offset, PH_ERR_NAME, "unknown bus '%s'", target->text);
  }
  case PH_AST_TEMPLATE: {
    const ph_stmt *t = ph_compile_find_def(c, PH_STMT_TEMPLATE, target->text + 1);
    if (!t) return ph_compile_fail(c, target->offset, PH_ERR_NAME, "unknown template '%s'", target->text);
    return splice_definition(c, target, t->expr, input, out);
  }
  default: return ph_compile_fail(c, target->offset, PH_ERR_ARGUMENT, "after '#' comes a function such as lpf 800 0.7");
  }
}

static bool compile_call(ph_compiler *c, const ph_ast *n, const ph_sig *input, ph_sig *out) {
  const char *name = n->text;
  bool bound = false;
  if (!input && bound_parameter(c, n, out, &bound)) return true;
  if (bound) return false;
  const ph_stmt *fn = ph_compile_find_def(c, PH_STMT_FN, name);
  if (fn) return call_user_fn(c, fn, n, input, out);
  if (name[0] == '~') return ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT, "function buses are not supported yet");
  const ph_unit_def *def = ph_dsp_unit_find(name);
  bool handled;
  if (def && !input && (ph_compile_note_oscillator(c, def, n, out, &handled) || handled)) return !ph_error_is_set(c->err);
  if (def) return call_unit(c, def, n, input, out);
  if (!input) {
    if (ph_compile_sampler(c, n, out, &handled) || handled) return !ph_error_is_set(c->err);
    if (ph_compile_trig_oscillator(c, n, out, &handled) || handled) return !ph_error_is_set(c->err);
  }
  if (ph_compile_is_control(name))
    return ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT,
                           "'%s' sets a sample voice's parameter: write it right after s \"...\", before any effect", name);
  if (ph_transform_find(name) || ph_is_transform_name(name))
    return ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT,
                           "'%s' is a pattern transform: apply it with $, as in \"bd sn\" $ %s ...", name, name);
  return unknown_name(c, n, "function", name);
}

static bool compile_chain(ph_compiler *c, const ph_ast *n, ph_sig *out) {
  bool handled;
  if (ph_compile_sampler(c, n, out, &handled) || handled) return !ph_error_is_set(c->err);
  ph_sig in;
  return ph_compile_expr(c, n->args[0], &in) && ph_compile_splice(c, n->args[1], &in, out);
}

/* every 3 (# lpf 300) $ x: the transform, applied to a pattern of zeros in which the effect
 * section turns events into ones, says when the effect is heard; the output switches between
 * x and x through the effect: dry + (wet - dry) * when. */
static bool effect_conditional(ph_compiler *c, const ph_ast *n, const ph_func *f, const ph_ast *section, ph_sig *out) {
  ph_arena *a = &c->song->arena;
  ph_pat *when = ph_func_apply(a, f, ph_pure(a, ph_num(0)), c->err);
  if (!when) {
    if (!ph_error_is_set(c->err)) ph_compile_fail(c, n->offset, PH_ERR_MEMORY, "out of memory");
    c->err->file = c->file;
    return false;
  }
  ph_sig dry, wet, sw, diff, scaled;
  if (!ph_compile_expr(c, n->args[1], &dry) || !ph_compile_splice(c, section->args[0], &dry, &wet)) return false;
  if (!pattern_node(c, when, PH_PATSIG_VALUE, n->offset, &sw)) return false;
  return ph_compile_arith(c, &ph_unit_sub, wet, dry, n->offset, &diff) && ph_compile_arith(c, &ph_unit_mul, diff, sw, n->offset, &scaled) &&
         ph_compile_arith(c, &ph_unit_add, dry, scaled, n->offset, out);
}

static bool compile_apply_in_scope(ph_compiler *c, const ph_ast *n, ph_sig *out) {
  const ph_ast *outer_section = c->section;
  c->section = NULL;
  const ph_func *f = ph_compile_transform(c, n->args[0]);
  const ph_ast *section = c->section;
  c->section = outer_section;
  if (!f) return false;
  if (section) return effect_conditional(c, n, f, section, out);
  if (c->nxforms == MAX_XFORMS) return ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT, "transforms nested too deeply (at most %d)", MAX_XFORMS);
  c->xforms[c->nxforms++] = f;
  bool ok = ph_compile_expr(c, n->args[1], out);
  c->nxforms--;
  return ok;
}

/* Buses a transform samples stay connected to the pattern nodes under it, and no further. */
static bool compile_apply(ph_compiler *c, const ph_ast *n, ph_sig *out) {
  int outer = c->nsampled;
  bool handled, ok;
  if (ph_compile_sampler(c, n, out, &handled) || handled) ok = !ph_error_is_set(c->err);
  else ok = compile_apply_in_scope(c, n, out);
  c->nsampled = outer;
  return ok;
}

static bool compile_node(ph_compiler *c, const ph_ast *n, ph_sig *out);

/* An error raised below without a place (a pattern's argument, a graph limit) is placed at
 * the innermost expression it came from. */
bool ph_compile_expr(ph_compiler *c, const ph_ast *n, ph_sig *out) {
  if (compile_node(c, n, out)) return true;
  ph_error_place(c->err, c->source, n->offset);
  if (ph_error_is_set(c->err)) c->err->file = c->file;
  return false;
}

static bool compile_node(ph_compiler *c, const ph_ast *n, ph_sig *out) {
  if (ph_error_is_set(c->err)) return false;
  switch (n->kind) {
  case PH_AST_NUM: *out = konst((float)n->value); return true;
  case PH_AST_STR: return compile_string(c, n, out);
  case PH_AST_NEG: {
    ph_sig s;
    if (!ph_compile_expr(c, n->args[0], &s)) return false;
    if (s.is_const) {
      *out = konst(-s.value);
      return true;
    }
    int nodes[2];
    for (int ch = 0; ch < (s.stereo ? 2 : 1); ch++) {
      if ((nodes[ch] = ph_compile_add_node(c, &ph_unit_mul, n->offset)) < 0) return false;
      ph_compile_feed(c, nodes[ch], 0, channel(s, ch));
      ph_graph_set_const(&c->song->graph, nodes[ch], 1, -1);
    }
    *out = s.stereo ? stereo((ph_port){nodes[0], 0}, (ph_port){nodes[1], 0}) : mono(nodes[0], 0);
    return true;
  }
  case PH_AST_BINOP: return binop(c, n, out);
  case PH_AST_BUS: {
    ph_bus_entry *b = ph_compile_find_bus(c, n->text);
    if (!b && !strcmp(n->text, "~trig")) { /* a voice's own note trigger; nothing outside one */
      *out = c->in_voice ? mono(c->voice_node, 4 * c->voice_k + 3) : konst(0);
      return true;
    }
    if (!b) return unknown_name(c, n, "bus", n->text);
    /* A bus holding a pattern string, read where a gate or trigger is expected, is that
     * string's events (~g $ "x ~ x", then tar ~g): its numbers alone cannot say them. */
    if (c->string_mode != PH_PATSIG_VALUE && b->def && b->def->expr->kind == PH_AST_STR)
      return compile_string(c, b->def->expr, out);
    *out = b->stereo ? stereo((ph_port){b->node, 0}, (ph_port){b->node_right, 0}) : mono(b->node, 0);
    return true;
  }
  case PH_AST_IDENT:
  case PH_AST_CALL: return compile_call(c, n, NULL, out);
  case PH_AST_CHAIN: return compile_chain(c, n, out);
  case PH_AST_APPLY: return compile_apply(c, n, out);
  case PH_AST_LIST: return ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT, "a list [...] is only an argument of stack or cat");
  case PH_AST_TEMPLATE: {
    const ph_stmt *t = ph_compile_find_def(c, PH_STMT_TEMPLATE, n->text + 1);
    if (!t) return ph_compile_fail(c, n->offset, PH_ERR_NAME, "unknown template '%s'", n->text);
    if (!ph_compile_enter(c, n->offset, n->text)) return false;
    bool ok = ph_compile_expr(c, t->expr, out);
    ph_compile_leave(c);
    return ok;
  }
  case PH_AST_PATVAR:
    return ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT, "'%s' is a pattern variable: use it as a transform's argument (fast %s)", n->text, n->text);
  case PH_AST_KWARG: return ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT, "keyword argument ':%s' outside a call", n->text);
  case PH_AST_SECTION:
  case PH_AST_HOLE: return ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT, "an operator section needs a transform context");
  }
  return ph_compile_fail(c, n->offset, PH_ERR_ARGUMENT, "cannot compile this expression");
}

/* `budget` bounds the walk: functions that call themselves several times would branch into
 * exponentially many paths before the depth limit (found by fuzzing). */
static bool is_stereo_at(ph_compiler *c, const ph_ast *n, int depth, long *budget) {
  if (depth > 64 || --*budget < 0) return false;
  switch (n->kind) {
  case PH_AST_BUS: {
    ph_bus_entry *b = ph_compile_find_bus(c, n->text);
    if (b) return b->stereo;
    const ph_stmt *mod = ph_compile_find_def(c, PH_STMT_BUS_MOD, n->text + 1);
    return mod && is_stereo_at(c, mod->expr, depth + 1, budget);
  }
  case PH_AST_TEMPLATE: {
    const ph_stmt *t = ph_compile_find_def(c, PH_STMT_TEMPLATE, n->text + 1);
    return t && is_stereo_at(c, t->expr, depth + 1, budget);
  }
  case PH_AST_CALL:
  case PH_AST_IDENT: {
    if (!strcmp(n->text, "s") || !strcmp(n->text, "sound")) return true;
    const ph_stmt *fn = ph_compile_find_def(c, PH_STMT_FN, n->text);
    if (fn && is_stereo_at(c, fn->expr, depth + 1, budget)) return true;
    const ph_unit_def *def = ph_dsp_unit_find(n->text);
    if (def && def->noutputs >= 2) return true;
    if ((def || fn) && n->kind == PH_AST_CALL)
      for (size_t i = 0; i < n->nargs; i++)
        if (is_stereo_at(c, n->args[i], depth + 1, budget)) return true;
    return false;
  }
  case PH_AST_KWARG:
  case PH_AST_NEG:
  case PH_AST_BINOP:
  case PH_AST_CHAIN:
    for (size_t i = 0; i < n->nargs; i++)
      if (is_stereo_at(c, n->args[i], depth + 1, budget)) return true;
    return false;
  case PH_AST_APPLY: return is_stereo_at(c, n->args[1], depth + 1, budget);
  default: return false;
  }
}

bool ph_compile_is_stereo(ph_compiler *c, const ph_ast *n) {
  long budget = 100000;
  return is_stereo_at(c, n, 0, &budget);
}
