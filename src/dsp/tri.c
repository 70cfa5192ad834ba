/* tri: the naive triangle, q < 1/2 ? 4q − 1 : 3 − 4q with q = φ + 1/4 (mod 1), so it starts
 * at 0 rising; its two corners band-limited with PolyBLAMP. The slope changes by ±8·|dt|
 * per sample at each corner (valley at q = 0, peak at q = 1/2). */
#include <math.h>

#include "dsp/osc.h"

static void tri_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  ph_osc_state *s = state;
  const ph_cable *freq = &in->params[0], *semi = &in->params[1];
  float *y = out[0];
  ph_osc_begin_block(s, semi);
  double phase = s->phase;
  for (int i = 0; i < frames; i++) {
    double dt = ph_osc_step(s, freq, semi, i), adt = fabs(dt);
    double q = ph_osc_wrap(phase + 0.25);
    double naive = q < 0.5 ? 4.0 * q - 1.0 : 3.0 - 4.0 * q;
    double corners = ph_polyblamp(q, adt) - ph_polyblamp(ph_osc_wrap(q + 0.5), adt);
    y[i] = (float)(naive + 8.0 * adt * corners);
    phase = ph_osc_wrap(phase + dt);
  }
  s->phase = phase;
}

static const ph_param_def tri_params[] = {PH_OSC_FREQ_PARAM, PH_OSC_OFFSET_PARAM};

const ph_unit_def ph_unit_tri = {
    .name = "tri",
    .aliases = "triangle",
    .doc = "band-limited (PolyBLAMP) triangle wave, -1..1",
    .params = tri_params,
    .nparams = PH_DSP_NPARAMS(tri_params),
    .noutputs = 1,
    .state_size = ph_osc_state_size,
    .init = ph_osc_init,
    .process = tri_process,
    .reset = ph_osc_reset,
    .max_out = ph_dsp_max_out_oscillator,
};
