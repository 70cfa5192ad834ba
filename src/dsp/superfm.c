/* superfm: a SuperDirt-style two-operator FM voice (Chowning; as fm.c, phase modulation): a sine
 * carrier at FREQ whose phase a sine modulator at RATIO·FREQ swings by an index that each
 * strike of TRIG (see super.h) brightens, as a DX patch's modulator envelope would:
 *   y = 0.7·sin(2π·φc + β·sin(2π·φm)),  φc' = FREQ / sr,  φm' = RATIO·FREQ / sr
 *   β = INDEX·(1 + 2·e^(−t / 150 ms))    three times INDEX at the strike, settling to INDEX
 * The partials at FREQ ± k·RATIO·FREQ have amplitudes 0.7·J_k(β). A strike also starts both
 * phases from 0; before the first strike β is INDEX. */
#include "dsp/osc.h"
#include "dsp/super.h"

typedef struct {
  ph_dsp_config cfg;
  double carrier, modulator, bright, bright_fall;
  float prev_trig;
} superfm_state;

static const ph_param_def superfm_params[] = {
    {"freq", "Hz", 261.6255653f, 0.0f, 1e5f, false, false, "the carrier's pitch"},
    {"ratio", "", 2.0f, 0.0f, 64.0f, false, false, "the modulator's frequency over the carrier's"},
    {"index", "", 1.0f, 0.0f, 50.0f, false, false, "modulation index (radians) it settles to; 3× at a strike"},
    PH_SUPER_TRIG_PARAM,
};

static size_t superfm_size(const ph_dsp_config *cfg) {
  (void)cfg;
  return sizeof(superfm_state);
}

static void superfm_init(void *state, const ph_dsp_config *cfg) {
  superfm_state *s = state;
  *s = (superfm_state){.cfg = *cfg, .bright_fall = ph_super_fall(0.15, cfg->sample_rate)};
}

static void superfm_reset(void *state) {
  superfm_state *s = state;
  ph_dsp_config cfg = s->cfg;
  superfm_init(s, &cfg);
}

static void superfm_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  superfm_state *s = state;
  const ph_cable *freq = &in->params[0], *ratio = &in->params[1], *index = &in->params[2], *trig = &in->params[3];
  const double sr = s->cfg.sample_rate;
  double pc = s->carrier, pm = s->modulator, bright = s->bright;
  float *y = out[0];
  for (int i = 0; i < frames; i++) {
    if (ph_super_edge(&s->prev_trig, ph_cable_at(trig, i))) {
      pc = pm = 0.0;
      bright = 1.0;
    }
    double f = ph_super_param(freq, i, &superfm_params[0]);
    double beta = ph_super_param(index, i, &superfm_params[2]) * (1.0 + 2.0 * bright);
    y[i] = (float)(0.7 * ph_osc_sin2pi(ph_osc_wrap(pc + beta / PH_DSP_TWO_PI * ph_osc_sin2pi(pm))));
    pc = ph_osc_advance(pc, ph_super_hz(f, sr) / sr);
    pm = ph_osc_advance(pm, ph_super_hz(f * ph_super_param(ratio, i, &superfm_params[1]), sr) / sr);
    bright *= s->bright_fall;
  }
  s->carrier = pc;
  s->modulator = pm;
  s->bright = ph_dsp_flush(bright);
}

const ph_unit_def ph_unit_superfm = {
    .name = "superfm",
    .aliases = NULL,
    .doc = "SuperDirt-style FM: a sine carrier phase-modulated at RATIO times its pitch, brighter at each strike",
    .params = superfm_params,
    .nparams = PH_DSP_NPARAMS(superfm_params),
    .noutputs = 1,
    .state_size = superfm_size,
    .init = superfm_init,
    .process = superfm_process,
    .reset = superfm_reset,
};
