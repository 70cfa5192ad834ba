/* The kit's rendering helpers (see kit_internal.h). */
#include "dsp/osc.h"
#include "voice/kit_internal.h"

#define BLOCK 1024

void ph_kit_filter(float *buf, size_t frames, double rate, ph_biquad_kind kind, double cutoff, double q) {
  ph_biquad_state state;
  ph_dsp_config cfg = {.sample_rate = rate, .max_block = BLOCK, .seed = 0};
  ph_biquad_init(&state, &cfg);
  for (size_t done = 0; done < frames;) {
    int n = frames - done > BLOCK ? BLOCK : (int)(frames - done);
    ph_cable params[3] = {{buf + done, 0.0f}, {NULL, (float)cutoff}, {NULL, (float)q}};
    ph_dsp_inputs in = {params, 3};
    float *out[1] = {buf + done};
    ph_biquad_process(&state, kind, &in, out, n);
    done += (size_t)n;
  }
}

void ph_kit_finish(float *buf, size_t frames, double rate) {
  if (!frames) return;
  ph_kit_filter(buf, frames, rate, PH_BIQUAD_HP, 20.0, 0.7071);
  size_t fade = (size_t)(0.03 * rate);
  if (fade > frames / 4) fade = frames / 4;
  for (size_t k = 1; k <= fade; k++)
    buf[frames - 1 - fade + k] *= (float)(0.5 + 0.5 * cos(3.14159265358979323846 * (double)k / (double)fade));
  buf[frames - 1] = 0.0f;
  double peak = 0.0;
  for (size_t i = 0; i < frames; i++) {
    double a = fabs(buf[i]);
    peak = a > peak ? a : peak; /* fmax's value: buf holds no NaN */
  }
  if (peak <= 0.0) return;
  float gain = (float)(0.70794578438 / peak); /* -3 dBFS */
  for (size_t i = 0; i < frames; i++) buf[i] *= gain;
}

void ph_kit_squares_init(ph_kit_squares *s, const double *hz, int n, double ratio, double rate) {
  *s = (ph_kit_squares){.n = n < PH_KIT_MAX_SQUARES ? n : PH_KIT_MAX_SQUARES};
  for (int k = 0; k < s->n; k++) {
    s->step[k] = fmin(hz[k] * ratio, 0.45 * rate) / rate;
    s->phase[k] = 0.5 * k / s->n; /* spread so the edges do not all coincide at the start */
  }
}

double ph_kit_squares_next(ph_kit_squares *s) {
  double sum = 0.0;
  for (int k = 0; k < s->n; k++) {
    sum += ph_osc_pulse(s->phase[k], 0.5, s->step[k]);
    s->phase[k] = ph_osc_advance(s->phase[k], s->step[k]); /* step < 1/2 */
  }
  return sum / s->n;
}
