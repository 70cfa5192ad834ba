/* Sample playback in the language: `s "bd*2 [sn cp]" # n "<0 1>" # speed (sine 0.5 + 1)
 * # lpf 2000`. The controls right after `s` (or after `n`/`note` heading a chain that names
 * its sound with `# s`) are merged into one pattern of control maps the way Tidal's `#` does:
 * structure from the left, values from the right at each event (a rest on the right drops the
 * event). A control given a signal instead is read by the sampler at each onset. Transforms
 * around the chain apply to the merged pattern. What follows is an ordinary chain. */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "dsp/catalog.h"
#include "graph/arith.h"
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

enum { MAX_SYNTHS = 8 };

typedef struct {
  ph_pat *pat;               /* the merged control pattern */
  const ph_ast *signals[32]; /* a signal per sampler parameter, or NULL */
  /* Buses the sound names play as voices (~lead), each with the expression of its voice;
   * an oscillator heading the chain (saw # note "c e") is one with no name. */
  const char *synth_names[MAX_SYNTHS];
  const ph_ast *synth_exprs[MAX_SYNTHS];
  size_t synth_offsets[MAX_SYNTHS];
  int nsynths;
  bool any_samples; /* a name that is not a bus: the sampler is needed */
} sampler_build;

/* The ~buses a sound pattern names become synth voices; any other word may be a sample. */
static bool note_synths(ph_compiler *c, sampler_build *b, const ph_ast *str) {
  const char *t = str->text;
  for (size_t i = 0; t[i];) {
    if (t[i] != '~' || !(isalpha((unsigned char)t[i + 1]) || t[i + 1] == '_')) {
      if (isalpha((unsigned char)t[i])) b->any_samples = true;
      while (t[i] && (isalnum((unsigned char)t[i]) || t[i] == '_' || t[i] == '.' || t[i] == ':')) i++;
      if (t[i]) i++;
      continue;
    }
    size_t len = 1;
    while (isalnum((unsigned char)t[i + len]) || t[i + len] == '_') len++;
    char name[128];
    if (len >= sizeof name) return ph_compile_fail(c, str->offset + 1 + i, PH_ERR_NAME, "bus name too long");
    memcpy(name, t + i, len);
    name[len] = 0;
    bool known = false;
    for (int k = 0; k < b->nsynths; k++) known |= b->synth_names[k] && !strcmp(b->synth_names[k], name);
    if (!known) {
      ph_bus_entry *bus = ph_compile_find_bus(c, name);
      if (!bus || !bus->def) {
        const char *near = ph_compile_suggest(c, name);
        return near ? ph_compile_fail(c, str->offset + 1 + i, PH_ERR_NAME, "unknown bus '%s' (did you mean '%s'?)", name, near)
                    : ph_compile_fail(c, str->offset + 1 + i, PH_ERR_NAME, "unknown bus '%s'", name);
      }
      if (b->nsynths == MAX_SYNTHS)
        return ph_compile_fail(c, str->offset, PH_ERR_ARGUMENT, "at most %d buses can be played as voices by one s", MAX_SYNTHS);
      b->synth_names[b->nsynths] = bus->name;
      b->synth_offsets[b->nsynths] = str->offset + 1 + i;
      b->synth_exprs[b->nsynths++] = bus->def->expr;
    }
    i += len;
  }
  return true;
}

/* One control: merged into the pattern when literal, kept as a signal otherwise. */
static bool add_control(ph_compiler *c, sampler_build *b, const char *name, const ph_ast *arg, size_t offset) {
  ph_arena *a = &c->song->arena;
  if (!arg) return ph_compile_fail(c, offset, PH_ERR_ARGUMENT, "'%s' needs a value", name);
  bool failed;
  ph_pat *p = literal(c, arg, &failed);
  if (failed) return false;
  const char *key = key_of(name);
  if (!strcmp(key, "s")) {
    if (arg->kind == PH_AST_STR && !note_synths(c, b, arg)) return false;
    if (arg->kind != PH_AST_STR) b->any_samples = true;
  }
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

static bool sample_voices(ph_compiler *c, const sampler_build *bp, size_t offset, ph_sig *out);

/* The voices of one synth: its allocator, a copy of the expression per voice with its
 * oscillators following the voice's pitch, each copy times its level, panned, summed. */
static bool synth_voices(ph_compiler *c, const sampler_build *b, int which, ph_sig *sum) {
  const ph_voice_hooks *h = c->voices;
  size_t offset = b->synth_offsets[which];
  int alloc = ph_compile_add_node(c, h->synth, offset);
  if (alloc < 0) return false;
  for (int p = 0; p < h->synth->nparams && p < 32; p++) {
    if (!b->signals[p]) continue;
    ph_sig sig;
    if (!ph_compile_expr(c, b->signals[p], &sig)) return false;
    ph_compile_feed(c, alloc, p, sig);
  }
  const ph_unit_def *pan2 = ph_dsp_unit_find("pan2");
  ph_compiler saved = *c;
  c->in_voice = true;
  c->voice_node = alloc;
  c->voice_root = NAN;
  c->nxforms = 0; /* the transforms around s shape the notes, not the instrument */
  bool ok = true;
  for (int k = 0; k < h->voices && ok; k++) {
    c->voice_k = k;
    c->audio_path = true;
    ph_sig voice, level = {false, 0, {alloc, 4 * k + 1}, {alloc, 4 * k + 1}, false}, shaped;
    ok = ph_compile_expr(c, b->synth_exprs[which], &voice) && ph_compile_arith(c, &ph_unit_mul, voice, level, offset, &shaped);
    if (ok && !shaped.stereo && !shaped.is_const) {
      int pn = ph_compile_add_node(c, pan2, offset);
      ok = pn >= 0;
      if (ok) {
        ph_compile_feed(c, pn, 0, shaped);
        ph_compile_feed(c, pn, 1, (ph_sig){false, 0, {alloc, 4 * k + 2}, {alloc, 4 * k + 2}, false});
        shaped = (ph_sig){false, 0, {pn, 0}, {pn, 1}, true};
      }
    }
    if (ok) ok = ph_compile_arith(c, &ph_unit_add, *sum, shaped, offset, sum);
  }
  float root = c->voice_root;
  c->in_voice = saved.in_voice;
  c->voice_node = saved.voice_node;
  c->voice_k = saved.voice_k;
  c->audio_path = saved.audio_path;
  c->voice_root = saved.voice_root;
  c->nxforms = saved.nxforms;
  if (!ok) return false;
  ph_synth_binding binding = {{b->pat, &c->song->clock, &c->song->block_start},
                              b->synth_names[which] ? b->synth_names[which] : NULL,
                              root == root && root > 0 ? root : 261.6255653};
  h->bind_synth(ph_graph_state(&c->song->graph, alloc), &binding);
  return true;
}

/* `saw 110 # note "c3 e3"`: an oscillator followed right away by a note is a synth voice per
 * note, the notes giving the structure. */
static bool oscillator_headed(const ph_ast *n) {
  if (n->kind != PH_AST_CHAIN) return false;
  const ph_ast *first = n;
  while (first->kind == PH_AST_CHAIN && first->args[0]->kind == PH_AST_CHAIN) first = first->args[0];
  if (!is_call_of(first->args[1], "note", "n") && !is_call_of(first->args[1], "up", NULL)) return false;
  const ph_ast *osc = first->args[0];
  if (osc->kind != PH_AST_CALL && osc->kind != PH_AST_IDENT) return false;
  const ph_unit_def *def = ph_dsp_unit_find(osc->text);
  if (!def) return false;
  bool pitched = false;
  for (int p = 0; p < def->nparams; p++) {
    if (def->params[p].is_input) return false;
    pitched |= !strcmp(def->params[p].unit, "Hz");
  }
  return pitched;
}

static bool controls_after_oscillator(const ph_ast *n) {
  if (n->kind != PH_AST_CHAIN) return false;
  if (!is_control_call(n->args[1])) return false;
  return n->args[0]->kind != PH_AST_CHAIN ? true : controls_after_oscillator(n->args[0]);
}

/* The oscillator at the head of such a chain, the controls after it built into b. */
static const ph_ast *build_oscillator_chain(ph_compiler *c, sampler_build *b, const ph_ast *n) {
  if (n->args[0]->kind == PH_AST_CHAIN) {
    const ph_ast *osc = build_oscillator_chain(c, b, n->args[0]);
    return osc && add_call(c, b, n->args[1]) ? osc : NULL;
  }
  return add_call(c, b, n->args[1]) ? n->args[0] : NULL;
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
  bool oscillator = false;
  if (!sampler_expr(head)) {
    /* saw # note "c e" # gain 0.5 # lpf 900: the effects peeled, the notes and controls kept */
    head = n;
    nafter = 0;
    while (head->kind == PH_AST_CHAIN && !(oscillator_headed(head) && controls_after_oscillator(head)) && nafter < MAX_LINKS) {
      after[nafter++] = head->args[1];
      head = head->args[0];
    }
    oscillator = oscillator_headed(head) && controls_after_oscillator(head);
  }
  *handled = oscillator || sampler_expr(head);
  if (!*handled) return false;
  if (!c->voices) return ph_compile_fail(c, head->offset, PH_ERR_ARGUMENT, "sample playback is not available here");
  sampler_build b = {0};
  if (oscillator) {
    const ph_ast *osc = build_oscillator_chain(c, &b, head);
    if (!osc) return false;
    b.synth_names[0] = NULL;
    b.synth_exprs[0] = osc;
    b.synth_offsets[0] = osc->offset;
    b.nsynths = 1;
    b.any_samples = false;
  } else if (!build(c, &b, head)) {
    return false;
  }
  ph_arena *a = &c->song->arena;
  for (int i = c->nxforms - 1; i >= 0 && b.pat; i--) {
    b.pat = ph_func_apply(a, c->xforms[i], b.pat, c->err);
    if (!b.pat) {
      if (!ph_error_is_set(c->err)) ph_compile_fail(c, head->offset, PH_ERR_MEMORY, "out of memory");
      c->err->file = c->file;
      return false;
    }
  }
  ph_sig cur = {true, 0, {-1, 0}, {-1, 0}, false};
  for (int k = 0; k < b.nsynths; k++)
    if (!synth_voices(c, &b, k, &cur)) return false;
  if (b.any_samples || b.nsynths == 0) {
    ph_sig samples;
    if (!sample_voices(c, &b, head->offset, &samples) || !ph_compile_arith(c, &ph_unit_add, cur, samples, head->offset, &cur))
      return false;
  }
  for (int i = nafter - 1; i >= 0; i--) {
    ph_sig next;
    if (!ph_compile_splice(c, after[i], &cur, &next)) return false;
    cur = next;
  }
  *out = cur;
  return true;
}

/* The sampler's node: the controls bound, the signals given for controls fed. */
static bool sample_voices(ph_compiler *c, const sampler_build *bp, size_t offset, ph_sig *out) {
  const sampler_build b = *bp;
  const ph_unit_def *def = c->voices->sampler;
  int node = ph_compile_add_node(c, def, offset);
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
  *out = (ph_sig){false, 0, {node, 0}, {node, 1}, true};
  return true;
}
