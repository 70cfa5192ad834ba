/* The contract every unit generator follows.
 *
 * A unit is one C file holding a compact state struct, its process routine and one static
 * table (ph_unit_def) that describes it: name, aliases, parameters with units, defaults and
 * ranges, outputs, entry points. The table is the single source of truth for the language's
 * function list, `phonon functions --json` and the every-parameter test.
 *
 * Memory comes in separate phases, none of them on the audio thread except process:
 *   size  = def->state_size(&cfg);        bytes this unit needs for this configuration
 *   mem   = <caller's memory, aligned for max_align_t, `size` bytes, e.g. from an arena>
 *   def->init(mem, &cfg);                 builds the unit in it; never allocates
 *   def->process(mem, &in, out, frames);  any number of times, frames <= cfg.max_block
 *   def->reset(mem);                      optional: back to the state init left (silence)
 * There is no destroy: the unit owns nothing outside its state.
 *
 * Every parameter, the chain input included, arrives as a cable: a buffer of `frames`
 * samples, or NULL and one constant for the whole block. So any parameter can be modulated
 * at audio rate, and a constant costs nothing: units recompute coefficients only when the
 * value changed (or once per block when it is constant).
 *
 * Inside process nothing fails and nothing is reported: out-of-range and non-finite
 * parameters are clamped to the table's range (and frequencies to below the Nyquist), and a
 * filter whose state stops being finite falls back to silence. Output is always finite.
 *
 * Writing a unit (see lpf.c, saw.c, delay.c):
 *   - one file; its comment gives the difference equation or a flow diagram and the
 *     algorithm's origin; the table is `const ph_unit_def ph_unit_<name>`, declared in
 *     catalog.h and listed in catalog.c;
 *   - process copies its state into locals, runs one loop over the block, writes it back,
 *     and flushes near-denormal state once (ph_dsp_flush);
 *   - coefficients are cached with the parameter values they were computed for;
 *   - randomness comes from cfg->seed, kept in the state (no global generator);
 *   - memory a unit needs (delay lines) is the tail of its state, sized by state_size from
 *     the sample rate, cleared by init and reset;
 *   - tests/unit/test_dsp_every_param.c walks the catalog: every parameter must be audible
 *     when it changes, and a buffer of a constant must sound exactly like the constant. */
#ifndef PH_DSP_UNIT_H
#define PH_DSP_UNIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
  double sample_rate; /* Hz, > 0 */
  int max_block;      /* the most frames one process call will be given */
  uint32_t seed;      /* per-instance seed for random units: same seed, same output */
} ph_dsp_config;

/* One input: a per-sample buffer, or (buf == NULL) a constant for the whole block. */
typedef struct {
  const float *buf;
  float constant;
} ph_cable;

typedef struct {
  const ph_cable *params; /* one per parameter, in the table's order */
  int nparams;            /* == def->nparams */
} ph_dsp_inputs;

typedef struct {
  const char *name;  /* keyword name: `lpf :cutoff 800` */
  const char *unit;  /* "Hz", "s", "dB", "semitones", "" for a plain number */
  float def;         /* default when the argument is omitted */
  float min, max;    /* the range the unit honours; values outside are clamped */
  bool is_input;     /* the chain input: `x # lpf 800` feeds x here */
  bool required;     /* must be given (positionally or by keyword) */
  const char *doc;   /* one line */
} ph_param_def;

typedef struct ph_unit_def {
  const char *name;
  const char *aliases; /* space-separated, or NULL */
  const char *doc;     /* one line */
  const ph_param_def *params;
  int nparams;
  int noutputs;
  size_t (*state_size)(const ph_dsp_config *cfg);
  void (*init)(void *state, const ph_dsp_config *cfg);
  void (*process)(void *state, const ph_dsp_inputs *in, float *const *out, int frames);
  void (*reset)(void *state); /* NULL when init's state is all there is to go back to */
  /* Its state holds pointers its owner binds (a pattern, a clock, a sample bank): it cannot
   * be copied into another program's node (live reloads keep the state of the others). */
  bool bound;
  /* Its sound draws on cfg.seed: two of them given the same inputs sound different (two
   * noises). The graph merges two nodes of any other unit that read the same inputs into one
   * (ph_graph_prepare); tests/unit/test_dsp_every_param.c holds every unit to this claim. */
  bool seeded;
  /* The largest magnitude its outputs can take, given the largest each input takes (a
   * constant's magnitude, NaN for a NaN constant; INFINITY where anything can come). NULL when
   * no bound is known. The graph checks for blow-ups only nodes not bounded below
   * PH_GRAPH_BLOWUP; tests/unit/test_dsp_bounds.c holds each unit to its claim. */
  float (*max_out)(const float *in_max);
  /* Units that query a pattern every block (a pattern heard as a signal, sample and synth
   * voices): the blocks whose query was refused so far, *why the first refusal's message
   * (graph/query_refusals.h). Any thread, while the unit plays; NULL for the others. */
  unsigned (*refused)(const void *state, const char **why);
  /* Steady outputs, the control-rate fast path: an output that held one value over a whole
   * block reaches its readers as a constant, and they take their constant paths.
   * pointwise: each output sample is a function of the inputs' same sample alone, so constant
   * inputs give steady outputs. steady: after a process call into out[][0, frames), the
   * outputs (bit o for output o) that held their first sample's value there, bit for bit; NULL
   * when the unit never says. Asked only where a reader takes the outputs as constants. */
  bool pointwise;
  uint32_t (*steady)(const void *state, float *const *out, int frames);
} ph_unit_def;

/* For units without state: 0 bytes (state may then be NULL) and nothing to initialise. */
size_t ph_dsp_stateless_size(const ph_dsp_config *cfg);
/* max_out of units whose output stays within ±2 whatever their inputs (oscillators at full
 * scale, a band-limited step's overshoot included). */
float ph_dsp_max_out_oscillator(const float *in_max);
void ph_dsp_stateless_init(void *state, const ph_dsp_config *cfg);

/* Whether y[0, n) all have y[0]'s bits (n > 0): a block a unit can call steady. */
bool ph_dsp_held(const float *y, int n);

static inline float ph_cable_at(const ph_cable *c, int i) { return c->buf ? c->buf[i] : c->constant; }

/* dst[0, n) = the cable's samples (its buffer copied, or its constant repeated). */
static inline void ph_cable_copy(const ph_cable *c, float *restrict dst, int n) {
  if (n <= 0) return;
  if (c->buf) memcpy(dst, c->buf, sizeof(float) * (size_t)n);
  else
    for (int i = 0; i < n; i++) dst[i] = c->constant;
}

/* Whether all of x[0, n) is finite: the exponents' bits tested as integers, an OR that the
 * vectoriser may take in any order (a float sum could not be reordered, and NaN tests on
 * floats do not vectorise). */
static inline bool ph_dsp_all_finite(const float *x, int n) {
  int32_t inf = 0;
  for (int i = 0; i < n; i++) {
    int32_t bits;
    memcpy(&bits, &x[i], sizeof bits);
    inf |= (bits & 0x7f800000) == 0x7f800000;
  }
  return !inf;
}

/* Clamps to [lo, hi]; NaN becomes lo. */
static inline float ph_dsp_clampf(float x, float lo, float hi) {
  if (!(x >= lo)) return lo;
  return x > hi ? hi : x;
}

static inline double ph_dsp_clamp(double x, double lo, double hi) {
  if (!(x >= lo)) return lo;
  return x > hi ? hi : x;
}

/* A signal value made safe: NaN becomes 0, the rest is clamped to ±1e9. */
static inline float ph_dsp_signal(float x) {
  if (x != x) return 0.0f;
  return x < -1e9f ? -1e9f : (x > 1e9f ? 1e9f : x);
}

/* Values this small are denormal-bound: flush them (state is flushed once per block). */
static inline double ph_dsp_flush(double x) { return (x > -1e-20 && x < 1e-20) ? 0.0 : x; }

#define PH_DSP_TWO_PI 6.283185307179586476925

#define PH_DSP_NPARAMS(arr) ((int)(sizeof(arr) / sizeof((arr)[0])))

#endif
