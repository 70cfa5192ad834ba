/* saw: a rising ramp -1..1 band-limited with PolyBLEP at its falling step of height 2:
 *   y = 2·q − 1 − 2·blep(q, |dt|),  q = φ + 1/2 (mod 1)
 * The half-cycle shift makes it start at 0, rising, like sine.
 *
 * The phase is a 64-bit integer, cycles × 2^64, so that it wraps by itself and, with a
 * constant frequency, the block's phases are phase + i·step, exact, computed side by side.
 * 2·q − 1 is then the phase read as a signed number, × 2^-63. The steps to band-limit are
 * where q wraps: the sample before and the sample after, found by division, not by a test
 * per sample. */
#include <math.h>

#include "core/vectorise.h"
#include "dsp/osc.h"

typedef struct {
  ph_osc_state osc; /* the frequency's conversion (its phase is unused) */
  uint64_t phase;   /* φ × 2^64 */
} saw_state;

static size_t saw_size(const ph_dsp_config *cfg) { return sizeof(saw_state); }

static void saw_reset(void *state) {
  saw_state *s = state;
  ph_osc_reset(&s->osc);
  s->phase = 0;
}

static void saw_init(void *state, const ph_dsp_config *cfg) {
  saw_state *s = state;
  ph_osc_init(&s->osc, cfg);
  s->phase = 0;
}

/* 2·q − 1 without the correction: the high half of the phase, signed. */
static inline float ramp(uint64_t phase) { return (float)(int32_t)(uint32_t)(phase >> 32) * 0x1p-31f; }

/* Within one step of the wrap of q: the samples the PolyBLEP corrects. */
static inline bool near_step(uint64_t q, uint64_t astep) { return q < astep || (uint64_t)0 - q < astep; }

static inline float corrected(uint64_t q, uint64_t astep) {
  double qd = (double)q * 0x1p-64, adt = (double)astep * 0x1p-64;
  return (float)(2.0 * qd - 1.0 - 2.0 * ph_polyblep(qd, adt));
}

static inline float saw_at(uint64_t phase, uint64_t astep) {
  uint64_t q = phase + ((uint64_t)1 << 63);
  return near_step(q, astep) ? corrected(q, astep) : ramp(phase);
}

PH_VECTORISED
static void ramps(uint64_t phase, uint64_t step, float *restrict y, int n) {
  for (int i = 0; i < n; i++, phase += step) y[i] = ramp(phase);
}

/* A constant forward step: the ramp, then the samples around each wrap of q corrected
 * (exactly those near_step picks: q only comes within a step of its wrap just before and
 * just after it). */
static void constant_forward(uint64_t phase, uint64_t step, float *y, int n) {
  ramps(phase, step, y, n);
  uint64_t q0 = phase + ((uint64_t)1 << 63), count = (uint64_t)n;
  if (near_step(q0, step)) y[0] = corrected(q0, step);
  uint64_t before = ~q0 / step; /* samples after the first before q wraps */
  if (before >= count) return;
  for (uint64_t wrap = before + 1;;) { /* the first sample after a wrap, <= n */
    for (uint64_t i = wrap - 1; i <= wrap && i < count; i++) {
      uint64_t q = q0 + i * step;
      if (i > 0 && near_step(q, step)) y[i] = corrected(q, step);
    }
    before = ~(q0 + wrap * step) / step;
    if (before >= count - wrap) return;
    wrap += before + 1;
  }
}

static void saw_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  saw_state *s = state;
  const ph_cable *freq = &in->params[0], *semi = &in->params[1];
  float *y = out[0];
  ph_osc_begin_block(&s->osc, semi);
  uint64_t phase = s->phase;
  double dt;
  if (ph_osc_constant_step(&s->osc, freq, semi, &dt)) {
    uint64_t step = ph_osc_fixed_step(dt);
    if (dt > 0.0 && step > 0) {
      constant_forward(phase, step, y, frames);
      phase += (uint64_t)frames * step;
    } else {
      uint64_t astep = dt < 0.0 ? (uint64_t)0 - step : step;
      for (int i = 0; i < frames; i++, phase += step) y[i] = saw_at(phase, astep);
    }
  } else {
    for (int i = 0; i < frames; i++) {
      uint64_t step = ph_osc_fixed_step(ph_osc_step(&s->osc, freq, semi, i));
      y[i] = saw_at(phase, (int64_t)step < 0 ? (uint64_t)0 - step : step);
      phase += step;
    }
  }
  s->phase = phase;
}

static const ph_param_def saw_params[] = {PH_OSC_FREQ_PARAM, PH_OSC_OFFSET_PARAM};

const ph_unit_def ph_unit_saw = {
    .name = "saw",
    .aliases = NULL,
    .doc = "band-limited (PolyBLEP) sawtooth, -1..1",
    .params = saw_params,
    .nparams = PH_DSP_NPARAMS(saw_params),
    .noutputs = 1,
    .state_size = saw_size,
    .init = saw_init,
    .process = saw_process,
    .reset = saw_reset,
    .max_out = ph_dsp_max_out_oscillator,
};
