/* The kit's rendering helpers (see kit_internal.h). */
#include "core/vectorise.h"
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

/* ph_osc_pulse of a half duty cycle at each phase q[i], added to sum[i]: both sides of each
 * PolyBLEP computed and one kept, the same arithmetic without a branch, so that it vectorises. */
static inline double blep_either(double t, double dt) {
  double x = t / dt, early = -(1.0 - x) * (1.0 - x) * 0.5;
  double y = (t - 1.0) / dt, late = (1.0 + y) * (1.0 + y) * 0.5;
  return t < dt ? early : (t > 1.0 - dt ? late : 0.0);
}

PH_VECTORISED
static void add_pulses(const double *restrict q, double dt, double *restrict sum, int n) {
  for (int i = 0; i < n; i++) {
    double naive = q[i] < 0.5 ? 1.0 : -1.0, fall = q[i] - 0.5;
    fall = fall < 0.0 ? fall + 1.0 : fall;
    sum[i] += naive + 2.0 * blep_either(q[i], dt) - 2.0 * blep_either(fall, dt);
  }
}

void ph_kit_squares_fill(ph_kit_squares *s, double *restrict y, int n) {
  double q[PH_KIT_SQUARES_CHUNK];
  for (int i = 0; i < n; i++) y[i] = 0.0;
  for (int k = 0; k < s->n; k++) { /* the squares in order: each sample's sum as one at a time adds it */
    double p = s->phase[k];
    for (int i = 0; i < n; i++) {
      q[i] = p;
      p = ph_osc_advance(p, s->step[k]); /* step < 1/2 */
    }
    s->phase[k] = p;
    add_pulses(q, s->step[k], y, n);
  }
  for (int i = 0; i < n; i++) y[i] /= s->n;
}
