/* sine: y[n] = sin(2π·φ[n]), φ[n+1] = φ[n] + f[n]·2^(offset/12)/sr (mod 1). Starts at 0,
 * rising.
 *
 * The phase is a 64-bit integer, cycles × 2^64: it wraps by itself, neither drifts nor loses
 * precision over hours, and with a constant frequency the block's phases are phase + i·step,
 * exact, computed side by side. Its high 32 bits (2^-32 of a cycle) are folded to a quarter
 * wave in integers; there an odd polynomial of degree 9 in single precision, eight or more
 * samples side by side, gives the sine within 2e-7 of sin() (its coefficients minimise the
 * largest error on the quarter wave: 3.4e-9 in exact arithmetic, the rest is rounding). */
#include <math.h>

#include "core/vectorise.h"
#include "dsp/osc.h"

typedef struct {
  ph_osc_state osc; /* the frequency's conversion (its phase is unused) */
  uint64_t phase;   /* φ × 2^64 */
} sine_state;

static size_t sine_size(const ph_dsp_config *cfg) { return sizeof(sine_state); }

static void sine_reset(void *state) {
  sine_state *s = state;
  ph_osc_reset(&s->osc);
  s->phase = 0;
}

static void sine_init(void *state, const ph_dsp_config *cfg) {
  sine_state *s = state;
  ph_osc_init(&s->osc, cfg);
  s->phase = 0;
}

/* sin(2π·φ) from the high half of φ × 2^64, without a branch so that a loop of it vectorises. */
static inline float sine_of(uint32_t high) {
  int32_t x = (int32_t)high;                      /* φ in [-1/2, 1/2), × 2^32 */
  uint32_t neg = (uint32_t)(x >> 31);             /* all ones where x < 0 */
  uint32_t ax = ((uint32_t)x ^ neg) - neg;        /* |x| <= 2^31 */
  uint32_t rest = ((uint32_t)1 << 31) - ax;       /* sin(π − t) = sin t */
  uint32_t q = ax < rest ? ax : rest;             /* <= 2^30: a quarter cycle */
  int32_t signed_q = (int32_t)((q ^ neg) - neg);  /* the sine is odd */
  float t = (float)signed_q * (float)(PH_DSP_TWO_PI / 4294967296.0), t2 = t * t, t3 = t * t2;
  float p = -0.16666647637f + t2 * (0.0083328998623f + t2 * (-0.00019800899805f + t2 * 2.5904920998e-6f));
  return t + t3 * p; /* the first coefficient, 0.9999999766, is 1 in single precision */
}

static inline uint32_t high(uint64_t phase) { return (uint32_t)(phase >> 32); }

PH_VECTORISED
static void sines(uint64_t phase, uint64_t step, float *restrict y, int n) {
  for (int i = 0; i < n; i++, phase += step) y[i] = sine_of(high(phase));
}

/* The phase steps of a block whose frequency changes and whose offset does not: each the step
 * ph_osc_step gives, side by side (the AVX-512 version converts to 64 bits in vectors). */
PH_VECTORISED
static void steps_of(const ph_osc_state *restrict o, const float *restrict freq, uint64_t *restrict step, int n) {
  for (int i = 0; i < n; i++) step[i] = ph_osc_fixed_step(ph_osc_step_of(o, freq[i]));
}

PH_VECTORISED
static void sines_at(const uint32_t *restrict high_phase, float *restrict y, int n) {
  for (int i = 0; i < n; i++) y[i] = sine_of(high_phase[i]);
}

/* A changing frequency, a constant offset: steps, then the phases one after the other (the one
 * sequential pass, an add a sample), then their sines. */
static uint64_t swept(const ph_osc_state *o, const float *freq, uint64_t phase, float *y, int frames) {
  enum { CHUNK = 256 };
  uint64_t step[CHUNK];
  uint32_t at[CHUNK];
  for (int from = 0; from < frames; from += CHUNK) {
    int n = frames - from < CHUNK ? frames - from : CHUNK;
    steps_of(o, freq + from, step, n);
    for (int i = 0; i < n; i++) {
      at[i] = high(phase);
      phase += step[i];
    }
    sines_at(at, y + from, n);
  }
  return phase;
}

static void sine_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  sine_state *s = state;
  const ph_cable *freq = &in->params[0], *semi = &in->params[1];
  float *y = out[0];
  ph_osc_begin_block(&s->osc, semi);
  uint64_t phase = s->phase;
  double dt;
  if (ph_osc_constant_step(&s->osc, freq, semi, &dt)) {
    uint64_t step = ph_osc_fixed_step(dt);
    sines(phase, step, y, frames);
    phase += (uint64_t)(frames > 0 ? frames : 0) * step;
  } else if (!semi->buf) {
    phase = swept(&s->osc, freq->buf, phase, y, frames);
  } else {
    for (int i = 0; i < frames; i++) {
      y[i] = sine_of(high(phase));
      phase += ph_osc_fixed_step(ph_osc_step(&s->osc, freq, semi, i));
    }
  }
  s->phase = phase;
}

static const ph_param_def sine_params[] = {PH_OSC_FREQ_PARAM, PH_OSC_OFFSET_PARAM};

const ph_unit_def ph_unit_sine = {
    .name = "sine",
    .aliases = NULL,
    .doc = "sine oscillator, -1..1",
    .params = sine_params,
    .nparams = PH_DSP_NPARAMS(sine_params),
    .noutputs = 1,
    .state_size = sine_size,
    .init = sine_init,
    .process = sine_process,
    .reset = sine_reset,
    .max_out = ph_dsp_max_out_oscillator,
};
