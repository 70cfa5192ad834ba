/* Programs: statements to a graph with outputs, and the block loop that mixes them. */
#include "graph/song.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/vectorise.h"
#include "graph/arith.h"
#include "graph/dc_guard.h"
#include "graph/denormals.h"
#include "graph/pattern_signal.h"
#include "graph/compile_internal.h"


static ph_bus_entry *bus_entry(ph_compiler *c, const ph_stmt *st) {
  char name[128];
  snprintf(name, sizeof name, "~%s", st->name);
  ph_bus_entry *found = ph_compile_find_bus(c, name);
  if (found) return found;
  if (c->nbuses == MAX_BUSES) {
    ph_compile_fail(c, st->offset, PH_ERR_ARGUMENT, "more than %d buses", MAX_BUSES);
    return NULL;
  }
  ph_bus_entry *b = &c->buses[c->nbuses];
  *b = (ph_bus_entry){.name = ph_arena_strdup(&c->song->arena, name), .node = -1, .node_right = -1};
  if (!b->name) {
    ph_compile_fail(c, st->offset, PH_ERR_MEMORY, "out of memory");
    return NULL;
  }
  c->nbuses++;
  return b;
}

/* The bus's node(s), once its width is known; reads of a bus in a loop are the delayed ones. */
static bool bus_nodes(ph_compiler *c, ph_bus_entry *b) {
  for (int ch = 0; ch < (b->stereo ? 2 : 1); ch++) {
    int n = ph_graph_add(&c->song->graph, &ph_unit_bus, c->err);
    if (n < 0) return false;
    ph_graph_mark_feedback_point(&c->song->graph, n);
    if (ch == 0) b->node = b->node_right = n;
    else b->node_right = n;
  }
  return true;
}

/* A bus is stereo when its definition is; definitions refer to each other, so the widths
 * are found together, by repeating until nothing changes. */
static void bus_widths(ph_compiler *c) {
  for (bool changed = true; changed;) {
    changed = false;
    for (int i = 0; i < c->nbuses; i++)
      if (!c->buses[i].stereo && c->buses[i].def && ph_compile_is_stereo(c, c->buses[i].def->expr)) {
        c->buses[i].stereo = true;
        changed = true;
      }
  }
}

static ph_song_output *output_for(ph_song *s, int channel) {
  for (int i = 0; i < s->noutputs; i++)
    if (s->outputs[i].channel == channel) return &s->outputs[i];
  if (s->noutputs == PH_SONG_MAX_OUTPUTS) return NULL;
  ph_song_output *o = &s->outputs[s->noutputs++];
  *o = (ph_song_output){.channel = channel, .left = {-1, 0}, .right = {-1, 0}};
  return o;
}

static void set_hushed(ph_song *s, int channel, bool hushed) {
  for (int i = 0; i < s->noutputs; i++)
    if (channel < 0 || s->outputs[i].channel == channel) s->outputs[i].hushed = hushed;
}

static void set_solo(ph_song *s, int channel, bool solo) {
  for (int i = 0; i < s->noutputs; i++)
    if (channel < 0 || s->outputs[i].channel == channel) s->outputs[i].solo = solo;
}

static bool held(uint64_t mask, int channel) { return channel >= 0 && channel < 64 && (mask >> channel & 1); }

/* Whether output k is to be heard: not hushed or muted, and soloed when any output is (by
 * the program or from outside). */
static bool audible(const ph_song *s, int k) {
  const ph_song_output *o = &s->outputs[k];
  if (o->hushed || o->left.node < 0 || held(s->held_silent, o->channel)) return false;
  bool soloing = s->held_solo != 0;
  for (int i = 0; i < s->noutputs && !soloing; i++) soloing = s->outputs[i].solo;
  return !soloing || o->solo || held(s->held_solo, o->channel);
}

/* Each output's level at the start of this block (from) and at its end (to); how many are
 * to be heard. */
static int move_levels(ph_song *s, float *from, float *to) {
  int heard = 0;
  for (int k = 0; k < s->noutputs; k++) {
    ph_song_output *o = &s->outputs[k];
    float target = audible(s, k) ? 1.0f : 0.0f;
    heard += target > 0;
    if (!s->levels_set) o->level = target;
    from[k] = o->level_was = o->level;
    o->level = o->level < target ? fminf(target, o->level + s->fade_step) : fmaxf(target, o->level - s->fade_step);
    to[k] = o->level;
  }
  s->levels_set = true;
  return heard;
}

static bool number_of(ph_compiler *c, const ph_stmt *st, double *out) {
  const ph_ast *e = st->expr;
  if (e && e->kind == PH_AST_NUM) {
    *out = e->value;
    return true;
  }
  return ph_compile_fail(c, e ? e->offset : st->offset, PH_ERR_ARGUMENT, "expected a number here");
}

/* Settings first: they shape the graph (block size) and the clock. */
static bool read_settings(ph_compiler *c, const ph_program *prog, double *cps, int *block) {
  for (size_t i = 0; i < prog->count; i++) {
    const ph_stmt *st = prog->stmts[i];
    double v = 0;
    switch (st->kind) {
    case PH_STMT_TEMPO:
    case PH_STMT_BPM:
      if (!number_of(c, st, &v)) return false;
      if (st->kind == PH_STMT_BPM) v /= 60.0;
      if (!(v > 0 && v < 1000))
        return ph_compile_fail(c, st->expr->offset, PH_ERR_ARGUMENT, "tempo must be above 0 and below 1000 cycles per second");
      *cps = v;
      break;
    case PH_STMT_BUFFER:
      if (!number_of(c, st, &v)) return false;
      *block = v < 64 ? 64 : v > 16384 ? 16384 : (int)v;
      break;
    default: break;
    }
  }
  return true;
}

static bool outmix_of(const char *name, ph_outmix *out) {
  static const char *const names[] = {"none", "gain", "sqrt", "tanh", "hard"};
  for (int i = 0; i < 5; i++)
    if (!strcmp(name, names[i])) {
      *out = (ph_outmix)i;
      return true;
    }
  return false;
}

static uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 0x100000001b3ull; }

static uint64_t mix_text(uint64_t h, const char *t) {
  for (; t && *t; t++) h = mix(h, (unsigned char)*t);
  return mix(h, 0xff);
}

/* The shape of an expression: kinds, names, numbers, in order. */
uint64_t ph_compile_ast_key(const ph_ast *n, uint64_t h) {
  if (!n) return mix(h, 0);
  h = mix(mix_text(mix(h, (uint64_t)n->kind + 1), n->text), (uint64_t)n->nargs);
  uint64_t bits;
  memcpy(&bits, &n->value, sizeof bits);
  h = mix(h, bits);
  for (size_t i = 0; i < n->nargs; i++) h = ph_compile_ast_key(n->args[i], h);
  return h;
}

/* The nodes a statement made, for a live reload to recognise (song.h). Buses played as
 * voices inside it count in its key: their copies are its nodes. */
static bool record_part(ph_compiler *c, const ph_stmt *st, int first, bool stereo) {
  ph_song *s = c->song;
  if (s->nparts == s->parts_cap) {
    int cap = s->parts_cap ? 2 * s->parts_cap : 32;
    ph_song_part *grown = PH_ARENA_ARRAY(&s->arena, ph_song_part, (size_t)cap);
    if (!grown) return ph_compile_fail(c, st->offset, PH_ERR_MEMORY, "out of memory");
    if (s->nparts) memcpy(grown, s->parts, sizeof *grown * (size_t)s->nparts);
    s->parts = grown;
    s->parts_cap = cap;
  }
  uint64_t key = mix_text(mix(mix(0xcbf29ce484222325ull, (uint64_t)st->kind), (uint64_t)(st->channel + 2)), st->name);
  key = mix(ph_compile_ast_key(st->expr, mix(key, stereo)), c->part_extra);
  s->parts[s->nparts++] = (ph_song_part){key, first, s->graph.count - first};
  return true;
}

/* Voices sent to output oN by `orbit N`: added to it (made when the program has no oN). */
static bool route_orbits(ph_compiler *c) {
  ph_song *s = c->song;
  for (int i = 0; i < c->nroutes; i++) {
    ph_song_output *o = output_for(s, c->routes[i].channel);
    if (!o) return ph_compile_fail(c, 0, PH_ERR_ARGUMENT, "more than %d outputs", PH_SONG_MAX_OUTPUTS);
    ph_port from[2] = {c->routes[i].left, c->routes[i].right}, *to[2] = {&o->left, &o->right};
    bool mono = o->left.node == o->right.node && o->left.output == o->right.output;
    ph_port was[2] = {o->left, o->right};
    for (int ch = 0; ch < 2; ch++) {
      if (was[ch].node < 0) {
        *to[ch] = from[ch];
        continue;
      }
      int n = ph_graph_add(&s->graph, &ph_unit_add, c->err);
      if (n < 0) return false;
      ph_graph_connect(&s->graph, n, 0, mono ? was[0] : was[ch]);
      ph_graph_connect(&s->graph, n, 1, from[ch]);
      *to[ch] = (ph_port){n, 0};
    }
  }
  return true;
}

static bool compile_statement(ph_compiler *c, const ph_stmt *st) {
  ph_song *s = c->song;
  ph_sig sig;
  switch (st->kind) {
  case PH_STMT_BUS: {
    ph_bus_entry *b = bus_entry(c, st);
    if (!b) return false;
    if (b->def != st) return true; /* redefined later: the last definition wins */
    int first = s->graph.count;
    c->part_extra = 0;
    if (!ph_compile_expr(c, st->expr, &sig) || !record_part(c, st, first, b->stereo)) return false;
    for (int ch = 0; ch < (b->stereo ? 2 : 1); ch++) {
      int node = ch ? b->node_right : b->node;
      ph_port from = ch && sig.stereo ? sig.right : sig.port;
      if (sig.is_const)
        ph_graph_set_const(&s->graph, node, 0, sig.value);
      else
        ph_graph_connect(&s->graph, node, 0, from);
    }
    return true;
  }
  case PH_STMT_OUT: {
    int first = s->graph.count;
    c->part_extra = 0;
    if (!ph_compile_expr(c, st->expr, &sig) || !record_part(c, st, first, sig.stereo)) return false;
    if (sig.is_const) {
      /* A constant output still goes through a node, so every output is a buffer. */
      int n = ph_graph_add(&s->graph, &ph_unit_bus, c->err);
      if (n < 0) return false;
      ph_graph_set_const(&s->graph, n, 0, sig.value);
      sig.port = sig.right = (ph_port){n, 0};
    }
    ph_song_output *o = output_for(s, st->channel < 0 ? 0 : st->channel);
    if (!o) return ph_compile_fail(c, st->offset, PH_ERR_ARGUMENT, "more than %d outputs", PH_SONG_MAX_OUTPUTS);
    o->left = sig.port;
    o->right = sig.stereo ? sig.right : sig.port;
    o->hushed = false;
    return true;
  }
  case PH_STMT_HUSH: set_hushed(s, st->channel, true); return true;
  case PH_STMT_UNHUSH: set_hushed(s, st->channel, false); return true;
  case PH_STMT_PANIC: set_hushed(s, -1, true); return true;
  case PH_STMT_OUTMIX:
    if (!outmix_of(st->name, &s->outmix)) return ph_compile_fail(c, st->offset, PH_ERR_ARGUMENT, "unknown outmix mode");
    return true;
  case PH_STMT_TEMPO:
  case PH_STMT_BPM:
  case PH_STMT_BUFFER: return true;
  case PH_STMT_BUS_MOD:
  case PH_STMT_FN:
  case PH_STMT_TEMPLATE:
  case PH_STMT_PATVAR: return true; /* compiled where they are used */
  case PH_STMT_SOLO: set_solo(s, st->channel, true); return true;
  case PH_STMT_UNSOLO: set_solo(s, -1, false); return true;
  case PH_STMT_MUTE: set_hushed(s, st->channel, true); return true;
  case PH_STMT_UNMUTE: set_hushed(s, st->channel, false); return true;
  case PH_STMT_RESET_CYCLES: s->clock.origin_cycle = ph_rat_int(0); return true;
  case PH_STMT_SET_CYCLE:
  case PH_STMT_NUDGE: {
    double v = 0;
    if (!number_of(c, st, &v)) return false;
    ph_rat r = ph_rat_from_double(v);
    if (!ph_rat_ok(r)) return ph_compile_fail(c, st->expr->offset, PH_ERR_ARGUMENT, "number out of range");
    /* setCycle N: the music starts at cycle N; nudge T: everything T seconds later. */
    s->clock.origin_cycle = st->kind == PH_STMT_SET_CYCLE ? r : ph_rat_sub(s->clock.origin_cycle, ph_rat_mul(r, s->clock.cps));
    return true;
  }
  }
  return ph_compile_fail(c, st->offset, PH_ERR_ARGUMENT, "'%s' statements are not supported yet", ph_stmt_kind_name(st->kind));
}

/* No output statement: ~master, else ~out, else the d/out-numbered buses, else every bus
 * at -12 dB (spec §2.8). */
static void auto_route(ph_compiler *c) {
  ph_song *s = c->song;
  if (s->noutputs > 0 || c->nbuses == 0) return;
  const char *firsts[] = {"~master", "~out"};
  for (int k = 0; k < 2; k++)
    for (int i = 0; i < c->nbuses; i++)
      if (!strcmp(c->buses[i].name, firsts[k])) {
        *output_for(s, 0) = (ph_song_output){.channel = 0, .left = {c->buses[i].node, 0}, .right = {c->buses[i].node_right, 0}};
        return;
      }
  int channel = 0;
  for (int i = 0; i < c->nbuses; i++) {
    const char *n = c->buses[i].name + 1;
    const char *digits = !strncmp(n, "out", 3) ? n + 3 : n[0] == 'd' ? n + 1 : NULL;
    if (digits && *digits && strspn(digits, "0123456789") == strlen(digits)) {
      ph_song_output *o = output_for(s, ++channel);
      if (o) *o = (ph_song_output){.channel = channel, .left = {c->buses[i].node, 0}, .right = {c->buses[i].node_right, 0}};
    }
  }
  if (s->noutputs > 0) return;
  for (int i = 0; i < c->nbuses; i++) {
    ph_port ports[2];
    for (int ch = 0; ch < 2; ch++) {
      int gain = ph_graph_add(&s->graph, &ph_unit_mul, c->err);
      if (gain < 0) return;
      ph_graph_connect(&s->graph, gain, 0, (ph_port){ch ? c->buses[i].node_right : c->buses[i].node, 0});
      ph_graph_set_const(&s->graph, gain, 1, 0.25f);
      ports[ch] = (ph_port){gain, 0};
    }
    ph_song_output *o = output_for(s, i + 1);
    if (o) *o = (ph_song_output){.channel = i + 1, .left = ports[0], .right = ports[1]};
  }
}

bool ph_song_compile(ph_song *s, const char *source, const char *file, const ph_song_options *opt, ph_error *err) {
  memset(s, 0, sizeof *s);
  ph_arena_init(&s->arena, 1 << 16);
  s->rate = opt->rate > 0 ? opt->rate : 44100;
  s->pool = opt->pool;
  ph_dc_guard_init(&s->dc_guard, s->rate);
  ph_program *prog = ph_parse_program(&s->arena, source, file);
  if (!prog) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return false;
  }
  s->program = prog;
  if (prog->nerrors > 0) {
    *err = prog->errors[0];
    return false;
  }
  ph_compiler *c = ph_arena_zalloc(&s->arena, sizeof *c);
  if (!c) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return false;
  }
  *c = (ph_compiler){.song = s, .source = source, .file = file, .err = err, .voices = opt->voices};
  double cps = 0.5;
  int block = 128;
  if (!read_settings(c, prog, &cps, &block)) return false;
  s->block = opt->block > 0 ? opt->block : block;
  s->fade_step = 1.0f;
  s->mix_left = ph_arena_zalloc(&s->arena, sizeof(float) * (size_t)s->block);
  s->mix_right = ph_arena_zalloc(&s->arena, sizeof(float) * (size_t)s->block);
  if (!s->mix_left || !s->mix_right) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return false;
  }
  ph_graph_init(&s->graph, &(ph_dsp_config){s->rate, s->block, 1});
  s->graph.unfused = opt->unfused;
  ph_clock_init(&s->clock, s->rate, ph_rat_from_double(cps));
  /* Pass 1: every bus exists before any expression refers to one (forward references and
   * feedback); the last definition of a name is the one compiled. */
  for (size_t i = 0; i < prog->count; i++)
    if (prog->stmts[i]->kind == PH_STMT_BUS) {
      ph_bus_entry *b = bus_entry(c, prog->stmts[i]);
      if (!b) return false;
      b->def = prog->stmts[i];
    }
  c->defs = PH_ARENA_ARRAY(&s->arena, const ph_stmt *, prog->count ? prog->count : 1);
  if (!c->defs) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return false;
  }
  for (size_t i = 0; i < prog->count; i++) {
    ph_stmt_kind k = prog->stmts[i]->kind;
    if (k == PH_STMT_FN || k == PH_STMT_TEMPLATE || k == PH_STMT_PATVAR || k == PH_STMT_BUS_MOD)
      c->defs[c->ndefs++] = prog->stmts[i];
  }
  bus_widths(c);
  for (int i = 0; i < c->nbuses; i++)
    if (!bus_nodes(c, &c->buses[i])) return false;
  for (size_t i = 0; i < prog->count; i++)
    if (!compile_statement(c, prog->stmts[i])) return false;
  auto_route(c);
  if (!route_orbits(c)) return false;
  for (int k = 0; k < s->noutputs; k++) { /* what no output hears does not run */
    ph_graph_keep(&s->graph, s->outputs[k].left);
    ph_graph_keep(&s->graph, s->outputs[k].right);
  }
  if (ph_error_is_set(err) || !ph_graph_prepare(&s->graph, err)) return false;
  s->heirs = PH_ARENA_ARRAY(&s->arena, ph_song_heir, (size_t)(s->graph.count ? s->graph.count : 1));
  s->parts_used = PH_ARENA_ARRAY(&s->arena, int, (size_t)(s->nparts ? s->nparts : 1));
  if (!s->heirs || !s->parts_used) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return false;
  }
  /* A pattern that samples a bus which depends on that pattern would have to be queried one
   * sample at a time inside the loop; that is refused rather than heard wrong. */
  for (int i = 0; i < s->graph.count; i++)
    if ((s->graph.nodes[i].def == &ph_unit_pattern_signal || s->graph.nodes[i].nafter > 0) && s->graph.nodes[i].loop >= 0) {
      size_t offset = 0;
      for (int k = 0; k < c->nsampling; k++)
        if (c->sampling[k].node == i) offset = c->sampling[k].offset;
      ph_error_set(err, PH_ERR_ARGUMENT, source, offset,
                   "a bus used as a transform's argument depends on the pattern it controls (a loop)");
      err->file = file;
      return false;
    }
  return true;
}

/* A peak limiter: instant attack, ~50 ms release, so nothing above full scale leaves. */
static float limit_gain(ph_song *s, float a, float release) {
  float decayed = s->limiter_env * release;
  s->limiter_env = a > decayed ? a : decayed;
  if (s->limiter_env <= 1.0f) return 1.0f;
  s->limited++;
  return PH_SONG_CEILING / s->limiter_env;
}

static float within(float x, float bound) { return x > bound ? bound : x < -bound ? -bound : x; }

static int count_nonfinite(const float *x, int frames) {
  int bad = 0;
  for (int i = 0; i < frames; i++) {
    int32_t bits;
    memcpy(&bits, &x[i], sizeof bits);
    bad += (bits & 0x7fffffff) >= 0x7f800000;
  }
  return bad;
}

/* Adds an output's block into a sum, at its level ramped from `from` to `to`; the non-finite
 * samples it holds are heard as silence, and counted. */
PH_VECTORISED
static int add_output(const float *restrict x, float *restrict sum, int frames, float from, float to) {
  int bad = count_nonfinite(x, frames);
  if (from == to && !bad) {
    for (int i = 0; i < frames; i++) sum[i] += x[i] * from;
    return 0;
  }
  for (int i = 0; i < frames; i++) {
    bool finite = fabsf(x[i]) <= FLT_MAX;
    sum[i] += (finite ? x[i] : 0.0f) * (from + (to - from) * (float)(i + 1) / (float)frames);
  }
  return bad;
}

/* The largest magnitude of finite samples, by their bits: without sign, the integers order alike. */
PH_VECTORISED
static float peak_of(const float *restrict x, int frames) {
  uint32_t peak = 0;
  for (int i = 0; i < frames; i++) {
    uint32_t bits;
    memcpy(&bits, &x[i], sizeof bits);
    bits &= 0x7fffffffu;
    peak = bits > peak ? bits : peak;
  }
  float out;
  memcpy(&out, &peak, sizeof out);
  return out;
}

/* The mix scaled and shaped as `outmix` asks, kept finite (finite outputs can add up to
 * infinity). */
PH_VECTORISED
static void shape_mix(const ph_song *s, float *restrict x, int frames, float scale) {
  if (scale != 1.0f)
    for (int i = 0; i < frames; i++) x[i] *= scale;
  if (s->outmix == PH_OUTMIX_TANH)
    for (int i = 0; i < frames; i++) x[i] = tanhf(x[i]);
  if (s->outmix == PH_OUTMIX_HARD)
    for (int i = 0; i < frames; i++) x[i] = within(x[i], 1.0f);
  for (int i = 0; i < frames; i++) {
    float v = x[i] > FLT_MAX ? FLT_MAX : x[i];
    x[i] = v >= -FLT_MAX ? v : -FLT_MAX;
  }
}

/* Not inlined: a call is not moved past the change of floating-point mode around it. */
__attribute__((noinline)) static void song_block(ph_song *s, float *stereo, int frames) {
  if (frames > s->block) frames = s->block;
  s->block_frames = frames;
  ph_graph_process_on(&s->graph, s->pool, frames);
  float from[PH_SONG_MAX_OUTPUTS], to[PH_SONG_MAX_OUTPUTS];
  int active = move_levels(s, from, to);
  float scale = s->outmix == PH_OUTMIX_GAIN && active ? 1.0f / (float)active
              : s->outmix == PH_OUTMIX_SQRT && active ? 1.0f / sqrtf((float)active) : 1.0f;
  float *restrict left = s->mix_left, *restrict right = s->mix_right;
  memset(left, 0, sizeof(float) * (size_t)frames);
  memset(right, 0, sizeof(float) * (size_t)frames);
  for (int k = 0; k < s->noutputs; k++) {
    const ph_song_output *o = &s->outputs[k];
    if (from[k] == 0 && to[k] == 0) continue;
    s->nonfinite += add_output(ph_graph_output(&s->graph, o->left), left, frames, from[k], to[k]);
    s->nonfinite += add_output(ph_graph_output(&s->graph, o->right), right, frames, from[k], to[k]);
  }
  shape_mix(s, left, frames, scale);
  shape_mix(s, right, frames, scale);
  ph_dc_guard_run(&s->dc_guard, left, right, frames, s->block_start);
  float peak_left = peak_of(left, frames), peak_right = peak_of(right, frames);
  float peak = peak_left > peak_right ? peak_left : peak_right;
  if (peak > s->peak) s->peak = peak;
  s->block_start += frames;
  /* Nothing above full scale now or still being released: the limiter leaves the block as it
   * is. Its follower's value below 1 changes nothing later (a sample above 1 sets it anew). */
  if (s->limiter_env <= 1.0f && peak <= 1.0f) {
    for (int i = 0; i < frames; i++) {
      stereo[2 * i] = left[i];
      stereo[2 * i + 1] = right[i];
    }
    s->limiter_env = peak;
    return;
  }
  float release = expf(-1.0f / (0.05f * (float)s->rate));
  for (int i = 0; i < frames; i++) {
    /* One gain for both channels, so the limiter never moves the stereo image. */
    float a = fmaxf(fabsf(left[i]), fabsf(right[i]));
    float g = limit_gain(s, a, release);
    float bound = g < 1.0f ? PH_SONG_CEILING : 1.0f; /* x * (c / x) can round to just above c */
    stereo[2 * i] = within(left[i] * g, bound);
    stereo[2 * i + 1] = within(right[i] * g, bound);
  }
}

void ph_song_make_resident(ph_song *s) {
  ph_arena_make_resident(&s->arena);
  ph_arena_make_resident(&s->graph.arena);
  ph_arena_make_resident(&s->graph.sparse);
}

void ph_song_process(ph_song *s, float *stereo, int frames) {
  unsigned mode = ph_denormals_off();
  song_block(s, stereo, frames);
  ph_denormals_restore(mode);
}

void ph_song_destroy(ph_song *s) {
  ph_graph_destroy(&s->graph);
  ph_arena_destroy(&s->arena);
}

bool ph_song_channel(const ph_song *s, int channel, const float **left, const float **right, float level[2]) {
  for (int k = 0; k < s->noutputs; k++) {
    const ph_song_output *o = &s->outputs[k];
    if (o->channel == channel && o->left.node >= 0) {
      *left = ph_graph_output(&s->graph, o->left);
      *right = ph_graph_output(&s->graph, o->right);
      level[0] = o->level_was, level[1] = o->level;
      return *left && *right && (level[0] > 0 || level[1] > 0);
    }
  }
  return false;
}
