/* Sample playback in the language: `s "bd*2 [sn cp]" # n "<0 1>" # speed (sine 0.5 + 1)
 * # lpf 2000`. The controls right after `s` (or after `n`/`note` heading a chain that names
 * its sound with `# s`) are merged into one pattern of control maps the way Tidal's `#` does:
 * structure from the left, values from the right at each event (a rest on the right drops the
 * event). A control given a signal instead is read by the sampler at each onset. Transforms
 * around the chain apply to the merged pattern. What follows is an ordinary chain. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dsp/catalog.h"
#include "graph/arith.h"
#include "graph/compile_internal.h"
#include "graph/voice_mix.h"
#include "pattern/ops.h"
#include "pattern/registry.h"

static const char *const controls[] = {
    "s", "sound", "n", "note", "up", "speed", "gain", "velocity", "pan", "begin", "end", "loop", "cut", "cut_group",
    "legato", "sustain", "unit", "attack", "decay", "release", "hold", "shape", "coarse", "accelerate", "orbit", "ar", "adsr",
    NULL,
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

/* The key given no value the sampler reads (an empty word), so a signal given later wins. */
static ph_value unset(ph_query *q, ph_value v, const void *env) {
  if (v.kind != PH_VAL_MAP) return v;
  return ph_mapval(ph_map_set(q->arena, v.as.map, ((const keyed *)env)->key, ph_str("")));
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
  bool mono;        /* voices summed unpanned (an oscillator given notes stays mono) */
  bool may_pan;     /* an event may say pan: else every voice sounds from the centre */
  bool orbits;      /* an orbit control: the sampler's other pairs go to outputs o1, o2... */
} sampler_build;

/* A word of a sound pattern: a synth unit (s "superkick*4") played as voices, or a sample. */
static bool synth_unit(ph_compiler *c, sampler_build *b, const char *word, size_t len, size_t offset) {
  char name[64];
  if (len >= sizeof name) {
    b->any_samples = true;
    return true;
  }
  memcpy(name, word, len);
  name[len] = 0;
  const ph_unit_def *def = strncmp(name, "super", 5) ? NULL : ph_dsp_unit_find(name);
  if (!def) {
    b->any_samples = true;
    return true;
  }
  for (int k = 0; k < b->nsynths; k++)
    if (b->synth_names[k] && !strcmp(b->synth_names[k], def->name)) return true;
  if (b->nsynths == MAX_SYNTHS)
    return ph_compile_fail(c, offset, PH_ERR_ARGUMENT, "at most %d instruments can be played as voices by one s", MAX_SYNTHS);
  ph_ast *call = PH_ARENA_NEW(&c->song->arena, ph_ast);
  if (!call) return ph_compile_fail(c, offset, PH_ERR_MEMORY, "out of memory");
  *call = (ph_ast){.kind = PH_AST_IDENT, .offset = offset, .text = def->name};
  b->synth_names[b->nsynths] = def->name;
  b->synth_offsets[b->nsynths] = offset;
  b->synth_exprs[b->nsynths++] = call;
  return true;
}

/* The ~buses a sound pattern names become synth voices; any other word may be a sample. */
static bool note_synths(ph_compiler *c, sampler_build *b, const ph_ast *str) {
  const char *t = str->text;
  for (size_t i = 0; t[i];) {
    if (t[i] != '~' || !(isalpha((unsigned char)t[i + 1]) || t[i + 1] == '_')) {
      size_t len = 0;
      while (t[i + len] && (isalnum((unsigned char)t[i + len]) || t[i + len] == '_' || t[i + len] == '.')) len++;
      if (len && isalpha((unsigned char)t[i]) && (i == 0 || !isalnum((unsigned char)t[i - 1])) &&
          !synth_unit(c, b, t + i, len, str->offset + 1 + i))
        return false;
      i += len;
      while (t[i] == ':' || isalnum((unsigned char)t[i])) i++;
      if (len == 0 && t[i]) i++;
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
  if (!strcmp(key, "orbit")) b->orbits = true;
  if (!strcmp(key, "pan")) b->may_pan = true;
  if (!strcmp(key, "s")) {
    if (arg->kind == PH_AST_STR && !note_synths(c, b, arg)) return false;
    if (arg->kind != PH_AST_STR) b->any_samples = true;
  }
  int param = ph_dsp_param_index(c->voices->sampler, key);
  keyed *k = PH_ARENA_NEW(a, keyed);
  if (!k) return ph_compile_fail(c, offset, PH_ERR_MEMORY, "out of memory");
  k->key = key;
  if (!p) {
    if (param < 0 || param >= 32)
      return ph_compile_fail(c, arg->offset, PH_ERR_ARGUMENT, "'%s' takes a pattern string here, not a signal", name);
    b->signals[param] = arg;
    /* the last word wins: a value set before for this key gives way to the signal */
    if (b->pat && !(b->pat = ph_fmap(a, b->pat, unset, k))) return ph_compile_fail(c, offset, PH_ERR_MEMORY, "out of memory");
    return true;
  }
  if (param >= 0 && param < 32) b->signals[param] = NULL;
  ph_pat *maps = ph_fmap(a, p, to_map, k);
  b->pat = b->pat ? ph_op_apply(a, PH_OP_SET, PH_HOW_IN, b->pat, maps) : maps;
  if (!b->pat) return ph_compile_fail(c, offset, PH_ERR_MEMORY, "out of memory");
  return true;
}

/* The controls of one call: its positional argument(s) and keyword arguments. */
static bool add_call(ph_compiler *c, sampler_build *b, const ph_ast *call) {
  size_t nargs = call->kind == PH_AST_CALL ? call->nargs : 0;
  const ph_ast *pos[4] = {0};
  int npos = 0;
  bool adsr = !strcmp(call->text, "adsr"), ar = !strcmp(call->text, "ar");
  int most = adsr ? 4 : ar ? 2 : 1;
  for (size_t i = 0; i < nargs; i++) {
    const ph_ast *arg = call->args[i];
    if (arg->kind == PH_AST_KWARG) continue;
    if (npos == most)
      return ph_compile_fail(c, arg->offset, PH_ERR_ARGUMENT, "'%s' takes %d value%s", call->text, most, most > 1 ? "s" : "");
    pos[npos++] = arg;
  }
  if (adsr) {
    /* A D S R: the sustain is a level here (a voice's `sustain` is a length in seconds) */
    static const char *const keys[4] = {"attack", "decay", "adsr_sustain", "release"};
    for (int k = 0; k < 4; k++)
      if ((pos[k] || k < 2) && !add_control(c, b, keys[k], pos[k], call->offset)) return false;
  } else if (ar) {
    if (!add_control(c, b, "attack", pos[0], call->offset) || !add_control(c, b, "release", pos[1], call->offset)) return false;
  } else if (!add_control(c, b, call->text, pos[0], call->offset)) {
    return false;
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

/* Whether a transform of a sound pattern may give its events a pan: it names pan or jux, or
 * something whose inside is not seen here (a function, bus or template of the program). */
static bool may_pan(const ph_ast *n) {
  switch (n->kind) {
  case PH_AST_NUM:
  case PH_AST_STR:
  case PH_AST_HOLE: return false;
  case PH_AST_IDENT:
  case PH_AST_CALL:
    if (!ph_transform_find(n->text) && !ph_compile_is_control(n->text) && !ph_generator_find(n->text) &&
        !ph_signal_find(n->text))
      return true;
    /* fall through */
  case PH_AST_KWARG:
    if (!strcmp(n->text, "pan") || !strncmp(n->text, "jux", 3)) return true;
    /* fall through */
  case PH_AST_LIST:
  case PH_AST_NEG:
  case PH_AST_BINOP:
  case PH_AST_CHAIN:
  case PH_AST_APPLY:
  case PH_AST_SECTION:
    for (size_t i = 0; i < n->nargs; i++)
      if (may_pan(n->args[i])) return true;
    return false;
  default: return true;
  }
}

/* The control pattern of a sampler expression, transforms applied where they stand. */
static bool build(ph_compiler *c, sampler_build *b, const ph_ast *n) {
  if (n->kind == PH_AST_CHAIN) return build(c, b, n->args[0]) && add_call(c, b, n->args[1]);
  if (n->kind != PH_AST_APPLY) return add_call(c, b, n);
  if (!build(c, b, n->args[1])) return false;
  b->may_pan |= may_pan(n->args[0]);
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

/* Nodes [first, last), a copy of an instrument, run only where its voice sounds (the copy
 * waits, its state kept, between notes): unless one is bound to the clock (a pattern, voices
 * of its own), which reads whole blocks. `shared` is the program's one cycle_phase when it was
 * made there, first needed. */
static void gate_copy(ph_compiler *c, int alloc, const ph_gate *sounding, int first, int last, int shared) {
  ph_graph *g = &c->song->graph;
  for (int n = first; n < last; n++)
    if (n != shared && g->nodes[n].def->bound) return;
  for (int n = first; n < last; n++)
    if (n != shared) ph_graph_gate(g, n, alloc, sounding);
}

static ph_sig side(ph_sig s, int ch) {
  if (s.is_const || !s.stereo) return s;
  ph_port p = ch ? s.right : s.port;
  return (ph_sig){false, 0, p, p, false};
}

/* sum + the copies, each added where its voice sounds (one voice_mix node). */
static bool mix_voices(ph_compiler *c, const ph_gate *sounding, const ph_sig *copies, int n, size_t offset, ph_sig *sum) {
  bool wide = !sum->is_const && sum->stereo, same_sides = ph_sig_same_sides(*sum);
  for (int k = 0; k < n; k++) {
    wide |= !copies[k].is_const && copies[k].stereo;
    same_sides &= ph_sig_same_sides(copies[k]);
  }
  int mix = ph_compile_add_node(c, &ph_unit_voice_mix, offset);
  if (mix < 0) return false;
  for (int ch = 0; ch < 2; ch++) {
    ph_compile_feed(c, mix, ch, side(*sum, ch));
    for (int k = 0; k < n; k++) ph_compile_feed(c, mix, 2 + 2 * k + ch, side(copies[k], ch));
  }
  /* stereo whose sides are the same samples: mixed once, the left serving as both */
  ph_voice_mix_bind(ph_graph_state(&c->song->graph, mix), sounding, n, wide && !same_sides);
  ph_port left = {mix, 0}, right = {mix, wide && !same_sides ? 1 : 0};
  *sum = (ph_sig){false, 0, left, right, wide};
  return true;
}

/* A voice player whose pattern samples buses (fast ~f $ s ...) runs after them, in the block
 * whose value it reads; a loop through them is an error placed at it. */
static bool after_sampled(ph_compiler *c, int node, size_t offset) {
  for (int i = 0; i < c->nsampled; i++)
    if (!ph_graph_after(&c->song->graph, node, c->sampled[i].node))
      return ph_compile_fail(c, offset, PH_ERR_MEMORY, "out of memory");
  if (c->nsampled > 0 && c->nsampling < (int)(sizeof c->sampling / sizeof *c->sampling)) {
    c->sampling[c->nsampling].node = node;
    c->sampling[c->nsampling++].offset = offset;
  }
  return true;
}

/* The voices of one synth: its allocator, a copy of the expression per voice with its
 * oscillators following the voice's pitch, each copy times its level, panned, summed. */
static bool compile_voices(ph_compiler *c, const sampler_build *b, int which, ph_sig *sum) {
  const ph_voice_hooks *h = c->voices;
  c->part_extra = ph_compile_ast_key(b->synth_exprs[which], c->part_extra);
  size_t offset = b->synth_offsets[which];
  int alloc = ph_compile_add_node(c, h->synth, offset);
  if (alloc < 0 || !after_sampled(c, alloc, offset)) return false;
  for (int p = 0; p < h->synth->nparams && p < 32; p++) {
    if (!b->signals[p]) continue;
    ph_sig sig;
    if (!ph_compile_expr(c, b->signals[p], &sig)) return false;
    ph_compile_feed(c, alloc, p, sig);
  }
  const ph_unit_def *pan2 = ph_dsp_unit_find("pan2");
  ph_gate *sounding = ph_arena_zalloc(&c->song->arena, sizeof(ph_gate) * (size_t)(h->voices > 0 ? h->voices : 1));
  if (!sounding) return ph_compile_fail(c, offset, PH_ERR_MEMORY, "out of memory");
  ph_sig copies[PH_VOICE_MIX_MAX];
  bool mixed = h->voices <= PH_VOICE_MIX_MAX;
  ph_compiler saved = *c;
  c->in_voice = true;
  c->voice_node = alloc;
  c->voice_root = NAN;
  c->nxforms = 0; /* the transforms around s shape the notes, not the instrument */
  bool ok = true;
  for (int k = 0; k < h->voices && ok; k++) {
    c->voice_k = k;
    c->audio_path = true;
    int first = c->song->graph.count, phase_before = c->cycle_phase;
    ph_sig voice, level = {false, 0, {alloc, 4 * k + 1}, {alloc, 4 * k + 1}, false}, shaped;
    ok = ph_compile_expr(c, b->synth_exprs[which], &voice) && ph_compile_arith(c, &ph_unit_mul, voice, level, offset, &shaped);
    if (ok && !b->mono && !shaped.stereo && !shaped.is_const) {
      int pn = ph_compile_add_node(c, pan2, offset);
      ok = pn >= 0;
      if (ok) {
        ph_compile_feed(c, pn, 0, shaped);
        ph_compile_feed(c, pn, 1, (ph_sig){false, 0, {alloc, 4 * k + 2}, {alloc, 4 * k + 2}, false});
        /* from the centre both sides are the same samples (cos and sin of pi/4 are one float):
         * the left serves as both, and what follows reads one signal twice (graph.c merges
         * the two of each node that reads it) */
        shaped = (ph_sig){false, 0, {pn, 0}, {pn, b->may_pan ? 1 : 0}, true};
      }
    }
    if (ok) gate_copy(c, alloc, &sounding[k], first, c->song->graph.count, c->cycle_phase != phase_before ? c->cycle_phase - 1 : -1);
    if (ok && mixed) copies[k] = shaped;
    else if (ok) ok = ph_compile_arith(c, &ph_unit_add, *sum, shaped, offset, sum);
  }
  if (ok && mixed) ok = mix_voices(c, sounding, copies, h->voices, offset, sum);
  float root = c->voice_root;
  c->in_voice = saved.in_voice;
  c->voice_node = saved.voice_node;
  c->voice_k = saved.voice_k;
  c->audio_path = saved.audio_path;
  c->voice_root = saved.voice_root;
  c->nxforms = saved.nxforms;
  if (!ok) return false;
  ph_synth_binding binding = {{b->pat, &c->song->clock, &c->song->block_start, c->nsampled > 0},
                              b->synth_names[which] ? b->synth_names[which] : NULL,
                              root == root && root > 0 ? root : 261.6255653, sounding};
  h->bind_synth(ph_graph_state(&c->song->graph, alloc), &binding);
  return true;
}

/* compile_voices, unless the expression is already being compiled as voices around this one
 * (`~m $ s "~m"` would never end) or voices nest too deep (each level multiplies the copies). */
static bool synth_voices(ph_compiler *c, const sampler_build *b, int which, ph_sig *sum) {
  const ph_ast *expr = b->synth_exprs[which];
  size_t offset = b->synth_offsets[which];
  for (int i = 0; i < c->nvoicing; i++)
    if (c->voicing[i] == expr)
      return b->synth_names[which]
                 ? ph_compile_fail(c, offset, PH_ERR_ARGUMENT, "'%s' plays itself as voices", b->synth_names[which])
                 : ph_compile_fail(c, offset, PH_ERR_ARGUMENT, "this sound plays itself as voices");
  if (c->nvoicing == MAX_VOICE_NESTING)
    return ph_compile_fail(c, offset, PH_ERR_ARGUMENT, "voices nested more than %d deep", MAX_VOICE_NESTING);
  c->voicing[c->nvoicing++] = expr;
  bool ok = compile_voices(c, b, which, sum);
  c->nvoicing--;
  return ok;
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

static bool compile_sampler(ph_compiler *c, const ph_ast *n, ph_sig *out, bool *handled, int outer) {
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
  b.may_pan |= c->nxforms > 0; /* transforms from around this expression: not looked into */
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
  c->nsampled = outer; /* the effects after the voices do not sample the transforms' buses */
  for (int i = nafter - 1; i >= 0; i--) {
    ph_sig next;
    if (!ph_compile_splice(c, after[i], &cur, &next)) return false;
    cur = next;
  }
  *out = cur;
  return true;
}

/* The buses its transforms sample are the voices' alone. */
bool ph_compile_sampler(ph_compiler *c, const ph_ast *n, ph_sig *out, bool *handled) {
  int outer = c->nsampled;
  bool ok = compile_sampler(c, n, out, handled, outer);
  c->nsampled = outer;
  return ok;
}

/* The sampler's node: the controls bound, the signals given for controls fed. */
static bool sample_voices(ph_compiler *c, const sampler_build *bp, size_t offset, ph_sig *out) {
  const sampler_build b = *bp;
  const ph_unit_def *def = c->voices->sampler;
  int node = ph_compile_add_node(c, def, offset);
  if (node < 0 || !after_sampled(c, node, offset)) return false;
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
  ph_sampler_binding binding = {b.pat, &c->song->clock, &c->song->block_start, c->nsampled > 0};
  c->voices->bind(ph_graph_state(&c->song->graph, node), &binding, c->voices->bank);
  *out = (ph_sig){false, 0, {node, 0}, {node, 1}, true};
  for (int k = 1; b.orbits && 2 * k + 1 < def->noutputs; k++) {
    if (c->nroutes == (int)(sizeof c->routes / sizeof *c->routes))
      return ph_compile_fail(c, offset, PH_ERR_ARGUMENT, "too many orbits in one program");
    c->routes[c->nroutes].left = (ph_port){node, 2 * k};
    c->routes[c->nroutes].right = (ph_port){node, 2 * k + 1};
    c->routes[c->nroutes++].channel = k;
  }
  return true;
}

/* Whether a mini-notation string holds a note name or a chord ("c4 e4", "<a3 c4'min>"). */
static bool names_notes(const char *text) {
  for (size_t i = 0; text[i];) {
    size_t len = 0;
    while (isalnum((unsigned char)text[i + len]) || text[i + len] == '#' || text[i + len] == '\'') len++;
    if (len && isalpha((unsigned char)text[i]) && (i == 0 || !isalnum((unsigned char)text[i - 1]))) {
      char word[32];
      double midi;
      if (len < sizeof word) {
        memcpy(word, text + i, len);
        word[len] = 0;
        if (strchr(word, '\'') || ph_note_midi(word, 4, &midi)) return true;
      }
    }
    i += len ? len : 1;
  }
  return false;
}

#define ROOT_HZ 261.6255653

/* {note: v}: names and chords as they are, numbers (Hz) as semitones from the root. */
static ph_value note_of(ph_query *q, ph_value v, const void *env) {
  double hz;
  if (v.kind == PH_VAL_STR && !ph_value_to_num(v, &hz)) return ph_mapval(ph_map_set(q->arena, NULL, "note", v));
  if (!ph_value_to_num(v, &hz) || !(hz > 0)) hz = ROOT_HZ;
  return ph_mapval(ph_map_set(q->arena, NULL, "note", ph_num(12.0 * log2(hz / ROOT_HZ))));
}

/* The call with its frequency argument replaced by the root. */
static const ph_ast *at_root(ph_compiler *c, const ph_ast *call, const ph_ast *freq_arg, const char *name) {
  ph_ast *copy = PH_ARENA_NEW(&c->song->arena, ph_ast), *root = PH_ARENA_NEW(&c->song->arena, ph_ast);
  ph_ast **args = PH_ARENA_ARRAY(&c->song->arena, ph_ast *, call->nargs ? call->nargs : 1);
  if (!copy || !root || !args) return NULL;
  *root = (ph_ast){.kind = PH_AST_NUM, .offset = freq_arg->offset, .value = ROOT_HZ};
  *copy = *call;
  copy->text = name;
  copy->args = args;
  for (size_t i = 0; i < call->nargs; i++) {
    const ph_ast *a = call->args[i];
    if (a == freq_arg) args[i] = root;
    else if (a->kind == PH_AST_KWARG && a->args[0] == freq_arg) {
      ph_ast *kw = PH_ARENA_NEW(&c->song->arena, ph_ast);
      ph_ast **one = PH_ARENA_ARRAY(&c->song->arena, ph_ast *, 1);
      if (!kw || !one) return NULL;
      *kw = *a;
      one[0] = root;
      kw->args = one;
      args[i] = kw;
    } else {
      args[i] = (ph_ast *)a;
    }
  }
  return copy;
}

/* The notes as voices of `expr`, summed mono, shaped by the controls already in b. */
static bool note_voices(ph_compiler *c, sampler_build *b, const ph_ast *expr, ph_sig *out) {
  ph_arena *a = &c->song->arena;
  for (int i = c->nxforms - 1; i >= 0 && b->pat; i--) b->pat = ph_func_apply(a, c->xforms[i], b->pat, c->err);
  if (!b->pat) {
    if (!ph_error_is_set(c->err)) ph_compile_fail(c, expr->offset, PH_ERR_MEMORY, "out of memory");
    c->err->file = c->file;
    return false;
  }
  b->synth_exprs[0] = expr;
  b->synth_offsets[0] = expr->offset;
  b->nsynths = 1;
  b->mono = true;
  *out = (ph_sig){true, 0, {-1, 0}, {-1, 0}, false};
  return synth_voices(c, b, 0, out);
}

bool ph_compile_note_oscillator(ph_compiler *c, const ph_unit_def *def, const ph_ast *call, ph_sig *out, bool *handled) {
  *handled = false;
  if (c->in_voice || !c->voices || call->kind != PH_AST_CALL || !def->nparams || strcmp(def->params[0].unit, "Hz"))
    return false;
  for (int p = 0; p < def->nparams; p++)
    if (def->params[p].is_input) return false;
  const ph_ast *freq = NULL;
  for (size_t i = 0; i < call->nargs && !freq; i++) {
    const ph_ast *a = call->args[i];
    if (a->kind != PH_AST_KWARG) freq = a;
    else if (!strcmp(a->text, def->params[0].name)) freq = a->args[0];
  }
  const ph_ast *text = freq;
  if (freq && freq->kind == PH_AST_BUS) { /* a bus whose definition is such a string */
    ph_bus_entry *bus = ph_compile_find_bus(c, freq->text);
    text = bus && bus->def ? bus->def->expr : NULL;
  }
  if (!text || text->kind != PH_AST_STR || !names_notes(text->text)) return false;
  *handled = true;
  ph_pat *notes = ph_compile_pattern(c, text, false);
  if (!notes) return false;
  sampler_build b = {0};
  /* a melody holds its notes: short attack and release (the *_trig forms pluck) */
  static const keyed attack = {"attack"}, release = {"release"};
  b.pat = ph_fmap(&c->song->arena, notes, note_of, NULL);
  ph_pat *fast_attack = ph_pure(&c->song->arena, ph_num(0.002)), *short_release = ph_pure(&c->song->arena, ph_num(0.05));
  if (!b.pat || !fast_attack || !short_release) return ph_compile_fail(c, call->offset, PH_ERR_MEMORY, "out of memory");
  b.pat = ph_op_apply(&c->song->arena, PH_OP_SET, PH_HOW_IN, b.pat, ph_fmap(&c->song->arena, fast_attack, to_map, &attack));
  b.pat = ph_op_apply(&c->song->arena, PH_OP_SET, PH_HOW_IN, b.pat, ph_fmap(&c->song->arena, short_release, to_map, &release));
  const ph_ast *expr = at_root(c, call, freq, call->text);
  if (!expr || !b.pat) return ph_compile_fail(c, call->offset, PH_ERR_MEMORY, "out of memory");
  return note_voices(c, &b, expr, out);
}

/* sine_trig "c4 e4'min" A D S R: a voice per event, plucked (ADSR 0.001 0.1 0 0.1). */
bool ph_compile_trig_oscillator(ph_compiler *c, const ph_ast *call, ph_sig *out, bool *handled) {
  *handled = false;
  size_t len = strlen(call->text);
  if (len < 6 || strcmp(call->text + len - 5, "_trig") || !c->voices || c->in_voice) return false;
  char base[32];
  if (len - 5 >= sizeof base) return false;
  memcpy(base, call->text, len - 5);
  base[len - 5] = 0;
  const ph_unit_def *def = ph_dsp_unit_find(base);
  if (!def || !def->nparams || strcmp(def->params[0].unit, "Hz") || def->params[0].is_input) return false;
  *handled = true;
  const ph_ast *pos[5] = {0};
  int npos = 0;
  size_t nargs = call->kind == PH_AST_CALL ? call->nargs : 0;
  static const char *const names[5] = {"notes", "attack", "decay", "sustain", "release"};
  static const char *const defaults[5] = {NULL, "0.001", "0.1", "0", "0.1"};
  for (size_t i = 0; i < nargs; i++) {
    const ph_ast *a = call->args[i];
    int slot = -1;
    if (a->kind == PH_AST_KWARG) {
      for (int k = 0; k < 5; k++)
        if (!strcmp(a->text, names[k])) slot = k;
      if (slot < 0)
        return ph_compile_fail(c, a->offset, PH_ERR_ARGUMENT, "'%s' has no parameter '%s' (its parameters: notes attack decay sustain release)", call->text, a->text);
      a = a->args[0];
    } else {
      while (npos < 5 && pos[npos]) npos++;
      slot = npos;
    }
    if (slot >= 5) return ph_compile_fail(c, a->offset, PH_ERR_ARGUMENT, "too many arguments for '%s'", call->text);
    pos[slot] = a;
  }
  if (!pos[0] || pos[0]->kind != PH_AST_STR)
    return ph_compile_fail(c, call->offset, PH_ERR_ARGUMENT, "'%s' needs its notes as a pattern string", call->text);
  ph_pat *notes = ph_compile_pattern(c, pos[0], false);
  if (!notes) return false;
  sampler_build b = {0};
  b.pat = ph_fmap(&c->song->arena, notes, note_of, NULL);
  static const char *const keys[5] = {NULL, "attack", "decay", "adsr_sustain", "release"};
  for (int k = 1; k < 5; k++) {
    ph_ast *value = (ph_ast *)pos[k];
    if (!value) {
      value = PH_ARENA_NEW(&c->song->arena, ph_ast);
      if (!value) return ph_compile_fail(c, call->offset, PH_ERR_MEMORY, "out of memory");
      *value = (ph_ast){.kind = PH_AST_NUM, .offset = call->offset, .value = atof(defaults[k])};
    }
    if (!add_control(c, &b, keys[k], value, call->offset)) return false;
  }
  ph_ast *osc = PH_ARENA_NEW(&c->song->arena, ph_ast), *root = PH_ARENA_NEW(&c->song->arena, ph_ast);
  ph_ast **args = PH_ARENA_ARRAY(&c->song->arena, ph_ast *, 1);
  if (!osc || !root || !args) return ph_compile_fail(c, call->offset, PH_ERR_MEMORY, "out of memory");
  *root = (ph_ast){.kind = PH_AST_NUM, .offset = call->offset, .value = ROOT_HZ};
  args[0] = root;
  *osc = (ph_ast){.kind = PH_AST_CALL, .offset = call->offset, .text = def->name, .args = args, .nargs = 1};
  return note_voices(c, &b, osc, out);
}
