#include "measure.h"

#include <fftw3.h>
#include <math.h>

#define PI 3.14159265358979323846

static fftwf_complex *spectrum(const float *buf, int n) {
  float *in = fftwf_alloc_real((size_t)n);
  fftwf_complex *spec = fftwf_alloc_complex((size_t)n / 2 + 1);
  fftwf_plan plan = fftwf_plan_dft_r2c_1d(n, in, spec, FFTW_ESTIMATE);
  for (int i = 0; i < n; i++) in[i] = buf[i] * (float)(0.5 - 0.5 * cos(2 * PI * i / (n - 1)));
  fftwf_execute(plan);
  fftwf_destroy_plan(plan);
  fftwf_free(in);
  return spec;
}

static double mag(fftwf_complex c) { return hypot(c[0], c[1]); }

double measure_peak_hz(const float *buf, int n, double rate) {
  fftwf_complex *spec = spectrum(buf, n);
  int best = 1;
  for (int k = 1; k < n / 2; k++)
    if (mag(spec[k]) > mag(spec[best])) best = k;
  double a = log(mag(spec[best - 1]) + 1e-20), b = log(mag(spec[best]) + 1e-20), c = log(mag(spec[best + 1]) + 1e-20);
  double shift = 0.5 * (a - c) / (a - 2 * b + c);
  fftwf_free(spec);
  return (best + shift) * rate / n;
}

double measure_level_db_at(const float *buf, int n, double rate, double hz) {
  fftwf_complex *spec = spectrum(buf, n);
  int k0 = (int)lround(hz * n / rate);
  double best = 0;
  for (int k = k0 - 2; k <= k0 + 2; k++)
    if (k > 0 && k < n / 2 && mag(spec[k]) > best) best = mag(spec[k]);
  fftwf_free(spec);
  return 20 * log10(best / (n / 4.0) + 1e-30); /* a full-scale sine reads about 0 dB */
}

double measure_rms(const float *buf, int n) {
  double acc = 0;
  for (int i = 0; i < n; i++) acc += (double)buf[i] * buf[i];
  return sqrt(acc / n);
}

double measure_peak(const float *buf, int n) {
  double p = 0;
  for (int i = 0; i < n; i++)
    if (fabs(buf[i]) > p) p = fabs(buf[i]);
  return p;
}
