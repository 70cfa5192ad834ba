/* superpwm: a SuperDirt-style pulse-width-modulated pad: two band-limited pulses (PolyBLEP, see
 * pulse.c) detuned ±8 cents, their widths swung in opposite directions by a sine LFO:
 *   y = 0.3·Σ± (pulse(φ±, w±) − (2·w± − 1))
 *   w± = 1/2 ± 0.45·DEPTH·sin(2π·θ),  θ' = RATE / sr,  φ±' = FREQ·2^(±8/1200) / sr
 * Subtracting each pulse's mean (2w − 1) keeps the moving width from moving the DC. A strike of
 * TRIG (see super.h) starts the LFO and both phases from 0, as a fresh synth would. */
#include "dsp/osc.h"
#include "dsp/super.h"

typedef struct {
  ph_dsp_config cfg;
  double phase_up, phase_down, lfo;
  double up, down; /* 2^(±8/1200) */
  float prev_trig;
} superpwm_state;

static const ph_param_def superpwm_params[] = {
    {"freq", "Hz", 261.6255653f, 0.0f, 1e5f, false, false, "pitch"},
    {"rate", "LFO Hz", 0.5f, 0.0f, 100.0f, false, false, "speed of the width's swing (does not follow the note)"},
    {"depth", "", 0.8f, 0.0f, 1.0f, false, false, "width of the swing: 0 square, 1 from 5% to 95%"},
    PH_SUPER_TRIG_PARAM,
};

static size_t superpwm_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(superpwm_state);
}

static void superpwm_init(void *state, const ph_dsp_config *cfg) {
  superpwm_state *s = state;
  *s = (superpwm_state){.cfg = *cfg, .up = exp2(8.0 / 1200.0), .down = exp2(-8.0 / 1200.0)};
}

static void superpwm_reset(void *state) {
  superpwm_state *s = state;
  ph_dsp_config cfg = s->cfg;
  superpwm_init(s, &cfg);
}

static double centred_pulse(double phase, double width, double step) {
  return ph_osc_pulse(phase, width, step) - (2.0 * width - 1.0);
}

static void superpwm_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  superpwm_state *s = state;
  const ph_cable *freq = &in->params[0], *rate = &in->params[1], *depth = &in->params[2], *trig = &in->params[3];
  const double sr = s->cfg.sample_rate;
  double pu = s->phase_up, pd = s->phase_down, lfo = s->lfo;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    if (ph_super_edge(&s->prev_trig, ph_cable_at(trig, i))) pu = pd = lfo = 0.0;
    double f = ph_super_param(freq, i, &superpwm_params[0]);
    double swing = 0.45 * ph_super_param(depth, i, &superpwm_params[2]) * ph_osc_sin2pi(lfo);
    double du = ph_super_hz(f * s->up, sr) / sr, dd = ph_super_hz(f * s->down, sr) / sr;
    y[i] = (float)(0.3 * (centred_pulse(pu, 0.5 + swing, du) + centred_pulse(pd, 0.5 - swing, dd)));
    pu = ph_osc_advance(pu, du);
    pd = ph_osc_advance(pd, dd);
    lfo = ph_osc_wrap(lfo + ph_super_param(rate, i, &superpwm_params[1]) / sr);
  }
  s->phase_up = pu;
  s->phase_down = pd;
  s->lfo = lfo;
}

const ph_unit_def ph_unit_superpwm = {
    .name = "superpwm",
    .aliases = NULL,
    .doc = "SuperDirt-style PWM: two detuned band-limited pulses whose widths an LFO swings",
    .params = superpwm_params,
    .nparams = PH_DSP_NPARAMS(superpwm_params),
    .noutputs = 1,
    .state_size = superpwm_size,
    .init = superpwm_init,
    .process = superpwm_process,
    .reset = superpwm_reset,
};
