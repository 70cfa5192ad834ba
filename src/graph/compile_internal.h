/* The compiler's working state, shared by its files. */
#ifndef PH_GRAPH_COMPILE_INTERNAL_H
#define PH_GRAPH_COMPILE_INTERNAL_H

#include "graph/song.h"
#include "graph/voices.h"
#include "pattern/registry.h"

#define MAX_BUSES 256
#define MAX_VOICE_NESTING 3
#define MAX_XFORMS 32
/* User functions, templates and modifier buses used inside one another (recursion has no base
 * case in this language, so deeper is an error). */
#define PH_COMPILE_MAX_DEPTH 64

/* A compiled expression: a constant, or one output (mono) or two (stereo: port is the left
 * channel, right the right one; for mono both are the same). */
typedef struct {
  bool is_const;
  float value;
  ph_port port;
  ph_port right;
  bool stereo;
} ph_sig;

/* Whether both sides of a signal are the same samples: a constant, mono, or stereo read twice
 * from one port (voices sounding from the centre). */
static inline bool ph_sig_same_sides(ph_sig s) {
  return s.is_const || (s.port.node == s.right.node && s.port.output == s.right.output);
}

typedef struct {
  const char *name; /* with the ~ */
  int node;         /* its ph_unit_bus node (the left one when stereo) */
  int node_right;   /* == node for a mono bus */
  bool stereo;
  const ph_stmt *def;
} ph_bus_entry;

/* A call of a user function: its parameters bound to the argument expressions, which are
 * compiled where they are used, in the environment of the call. */
typedef struct ph_fn_frame {
  const ph_stmt *fn;
  const ph_ast *const *args;
  const struct ph_fn_frame *caller;
} ph_fn_frame;

typedef struct {
  ph_song *song;
  const char *source;
  const char *file;
  ph_error *err;
  ph_bus_entry buses[MAX_BUSES];
  int nbuses;
  /* Transforms applied to every pattern compiled inside the current subtree, innermost last. */
  const ph_func *xforms[MAX_XFORMS];
  int nxforms;
  /* How a pattern string reads where it stands: values, or (in a parameter whose unit is
   * "trigger" or "gate") onsets and holds of true events. */
  int string_mode;
  /* Named definitions (fn, @template, %pattern, ~modifier #), the last of each name wins. */
  const ph_stmt **defs;
  int ndefs;
  const ph_fn_frame *frame;
  /* Signals sampled by the patterns being compiled (buses as transform arguments): the next
   * pattern node is connected to them so that they run first. */
  ph_port sampled[8];
  int nsampled;
  /* An effect section met in the transform being compiled: every 3 (# lpf 300). */
  const ph_ast *section;
  int depth; /* of user definitions being expanded, to stop runaway recursion */
  /* Pattern nodes that sample buses, with where they were written, to place a loop's error. */
  struct {
    int node;
    size_t offset;
  } sampling[64];
  int nsampling;
  const ph_voice_hooks *voices; /* sample playback, when the song's options give it */
  /* Compiling copy `voice_k` of a bus played as a voice: its allocator's node, whether the
   * expression being compiled is on the voice's audio path (where oscillators follow the
   * note), and the first frequency met there (the root a note name replaces). */
  bool in_voice;
  /* The expressions being compiled as voices, outermost first: each copy of one holding
   * another holds all of that one's copies, so one cannot hold itself and few can nest. */
  const ph_ast *voicing[MAX_VOICE_NESTING];
  int nvoicing;
  int voice_node, voice_k;
  bool audio_path;
  float voice_root;
  uint64_t part_extra; /* what else shaped the statement being compiled (voices' buses) */
  /* Voices sent by `orbit N` to output oN, past their chain: added to it once all is compiled. */
  struct {
    ph_port left, right;
    int channel;
  } routes[64];
  int nroutes;
  int cycle_phase; /* the node giving the position in the cycle, made when first needed; 0 = none yet */
} ph_compiler;

/* The definition of kind called name, or NULL. */
const ph_stmt *ph_compile_find_def(ph_compiler *c, ph_stmt_kind kind, const char *name);

bool ph_compile_fail(ph_compiler *c, size_t offset, ph_status status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
bool ph_compile_expr(ph_compiler *c, const ph_ast *n, ph_sig *out);
/* Around the expansion of the user definition `name` used at offset: enter is false, with an
 * error, past PH_COMPILE_MAX_DEPTH; each successful enter is followed by one leave. */
bool ph_compile_enter(ph_compiler *c, size_t offset, const char *name);
void ph_compile_leave(ph_compiler *c);
/* Whether an expression is stereo: a two-output unit in it, or a stereo bus (decided for all
 * buses before anything is compiled, so forward references and loops know their width). */
bool ph_compile_is_stereo(ph_compiler *c, const ph_ast *n);
ph_bus_entry *ph_compile_find_bus(ph_compiler *c, const char *name);
/* A transform written in the language (rev, fast 2, (every 3 (fast 2))) as a function. */
const ph_func *ph_compile_transform(ph_compiler *c, const ph_ast *n);
/* A string literal as a pattern, with the surrounding transforms applied. */
ph_pat *ph_compile_pattern(ph_compiler *c, const ph_ast *str, bool apply_xforms);
int ph_compile_add_node(ph_compiler *c, const ph_unit_def *def, size_t offset);
/* Connects a signal (or sets a constant) to a node's parameter; a stereo one as its mid. */
void ph_compile_feed(ph_compiler *c, int node, int param, ph_sig s);
/* a <op> b for signals, once per channel when either is stereo (def: ph_unit_add ...). */
bool ph_compile_arith(ph_compiler *c, const ph_unit_def *def, ph_sig a, ph_sig b, size_t offset, ph_sig *out);
/* `input # target`: target applied to input. */
bool ph_compile_splice(ph_compiler *c, const ph_ast *target, const ph_sig *input, ph_sig *out);
/* `s "bd sn" # n 1 # speed (sine 1) ...` (also headed by n or note with an `# s` among its
 * controls): the sampler, then the rest of the chain. *handled is false when n is no such
 * chain. */
bool ph_compile_sampler(ph_compiler *c, const ph_ast *n, ph_sig *out, bool *handled);
/* An oscillator whose frequency is a string of note names (sine "c4 e4'min"), or a bus
 * defined as one: a synth voice per note. *handled false when it is no such call. */
bool ph_compile_note_oscillator(ph_compiler *c, const ph_unit_def *def, const ph_ast *call, ph_sig *out, bool *handled);
/* sine_trig saw_trig square_trig tri_trig (any oscillator + _trig): "NOTES" A D S R. */
bool ph_compile_trig_oscillator(ph_compiler *c, const ph_ast *call, ph_sig *out, bool *handled);
/* Whether a mini-notation string has the same events in every cycle (see compile_expr.c). */
bool ph_compile_same_every_cycle(const char *text);
/* A hash of an expression's shape (kinds, names, numbers; not where it stands), mixed into h. */
uint64_t ph_compile_ast_key(const ph_ast *n, uint64_t h);
/* Whether name sets a sample voice's parameter (s, n, speed, pan, ...). */
bool ph_compile_is_control(const char *name);

/* The known name nearest to name among functions, transforms and buses, or NULL. */
const char *ph_compile_suggest(ph_compiler *c, const char *name);

#endif
