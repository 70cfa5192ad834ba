/* sine: y[n] = sin(2π·φ[n]), φ[n+1] = φ[n] + f[n]·2^(offset/12)/sr (mod 1). Starts at 0,
 * rising.
 *
 * The phase is a 64-bit integer, cycles × 2^64: it wraps by itself, neither drifts nor loses
 * precision over hours, and with a constant frequency the block's phases are phase + i·step,
 * exact, computed side by side. Its high 32 bits (2^-32 of a cycle) are folded to a quarter
 * wave in integers; there a Taylor series to t^13 in double gives the sine within 1e-7 of
 * libm's (the next term is below 6e-8 at π/2). */
#include <math.h>

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

/* sin(2π·φ) from φ × 2^64, without a branch so that a loop of it vectorises. */
static inline float sine_of(uint64_t phase) {
  int32_t x = (int32_t)(uint32_t)(phase >> 32);   /* φ in [-1/2, 1/2), × 2^32 */
  uint32_t neg = (uint32_t)(x >> 31);             /* all ones where x < 0 */
  uint32_t ax = ((uint32_t)x ^ neg) - neg;        /* |x| <= 2^31 */
  uint32_t rest = ((uint32_t)1 << 31) - ax;       /* sin(π − t) = sin t */
  uint32_t q = ax < rest ? ax : rest;             /* <= 2^30: a quarter cycle */
  int32_t signed_q = (int32_t)((q ^ neg) - neg);  /* the sine is odd */
  double t = (double)signed_q * (PH_DSP_TWO_PI / 4294967296.0), t2 = t * t;
  return (float)(t * (1.0 + t2 * (-1.0 / 6 + t2 * (1.0 / 120 + t2 * (-1.0 / 5040 + t2 * (1.0 / 362880 +
                 t2 * (-1.0 / 39916800 + t2 * (1.0 / 6227020800.0))))))));
}

__attribute__((target_clones("avx2", "default")))
static void sines(uint64_t phase, uint64_t step, float *restrict y, int n) {
  for (int i = 0; i < n; i++, phase += step) y[i] = sine_of(phase);
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
  } else {
    for (int i = 0; i < frames; i++) {
      y[i] = sine_of(phase);
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
