/* sine: y[n] = sin(2π·φ[n]), φ[n+1] = φ[n] + f[n]·2^(offset/12)/sr (mod 1), in double, so
 * the phase neither drifts nor loses precision over hours. Starts at 0, rising. The sine is a
 * polynomial (osc.h), within 1e-7 of libm's. */
#include <math.h>

#include "dsp/osc.h"

/* The vectorised polynomial, on AVX2's four doubles where the CPU has them. */
__attribute__((target_clones("avx2", "default")))
static void sines_of(const double *restrict phases, float *restrict y, int n) {
  for (int i = 0; i < n; i++) y[i] = (float)ph_osc_sin2pi(phases[i]);
}

static void sine_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_osc_state *s = state;
  const ph_cable *freq = &in->params[0], *semi = &in->params[1];
  float *y = out[0];
  ph_osc_begin_block(s, semi);
  double phase = s->phase, dt, phases[PH_OSC_CHUNK];
  bool constant = ph_osc_constant_step(s, freq, semi, &dt);
  for (int at = 0; at < frames; at += PH_OSC_CHUNK) {
    int n = frames - at < PH_OSC_CHUNK ? frames - at : PH_OSC_CHUNK;
    ph_osc_phases(s, freq, semi, at, n, phases, &phase, constant ? &dt : NULL);
    sines_of(phases, y + at, n);
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
    .state_size = ph_osc_state_size,
    .init = ph_osc_init,
    .process = sine_process,
    .reset = ph_osc_reset,
};
