#include "analysis.h"

#include <math.h>
#include <stdbool.h>

#define TWO_PI 6.28318530717958647692

typedef struct {
  double a, b, w;
} sine_fit;

/* x ~ a sin(wn) + b cos(wn) over [from, to): the 2x2 normal equations. */
static sine_fit fit_sine(const float *x, int64_t from, int64_t to, double hz, double rate) {
  double w = TWO_PI * hz / rate, ss = 0, cc = 0, sc = 0, xs = 0, xc = 0;
  for (int64_t n = from; n < to; n++) {
    double s = sin(w * (double)n), c = cos(w * (double)n);
    ss += s * s, cc += c * c, sc += s * c, xs += x[n] * s, xc += x[n] * c;
  }
  double det = ss * cc - sc * sc;
  return (sine_fit){(xs * cc - xc * sc) / det, (xc * ss - xs * sc) / det, w};
}

static double fit_at(const sine_fit *f, int64_t n) { return f->a * sin(f->w * (double)n) + f->b * cos(f->w * (double)n); }

static bool is_cut(int64_t n, const int64_t *cuts, int ncuts) {
  for (int k = 0; k < ncuts; k++)
    if (cuts[k] == n) return true;
  return false;
}

/* The shift by whole blocks (the recording lost or repeated some) under which the tone goes on
 * at n; false when none does. */
static bool realign(const float *x, const sine_fit *f, int64_t n, int block, int64_t *shift, double tol) {
  for (int m = 0; m <= 4; m++)
    for (int sign = 1; sign >= -1; sign -= 2) {
      int64_t s = *shift + sign * m * block;
      bool fits = true;
      for (int64_t i = n; i < n + 64 && fits; i++) fits = fabs(x[i] - fit_at(f, i + s)) <= tol;
      if (fits) {
        *shift = s;
        return true;
      }
      if (m == 0) break;
    }
  return false;
}

int64_t tone_breaks(const float *x, int64_t fit_from, double hz, double rate, int64_t from, int64_t to,
                    const int64_t *cuts, int ncuts, int block, double tol) {
  /* fitted on the longest stretch of [fit_from, from) without a cut */
  int64_t lo = fit_from, best_lo = fit_from, best_hi = fit_from;
  for (int64_t n = fit_from; n <= from; n++)
    if (n == from || is_cut(n, cuts, ncuts)) {
      if (n - lo > best_hi - best_lo) best_lo = lo, best_hi = n;
      lo = n;
    }
  if (best_hi - best_lo < 256) return from;
  sine_fit f = fit_sine(x, best_lo, best_hi, hz, rate);
  int64_t shift = 0;
  for (int64_t n = best_hi; n < to; n++) {
    if (is_cut(n, cuts, ncuts) && !realign(x, &f, n, block, &shift, tol)) return n;
    if (n >= from && fabs(x[n] - fit_at(&f, n + shift)) > tol) return n;
  }
  return -1;
}

double largest_d2(const float *x, int64_t from, int64_t to, const int64_t *cuts, int ncuts) {
  double worst = 0;
  for (int64_t i = from; i < to; i++) {
    double d2 = fabs((double)x[i + 1] - 2.0 * x[i] + x[i - 1]);
    if (d2 > worst && !is_cut(i, cuts, ncuts) && !is_cut(i + 1, cuts, ncuts)) worst = d2;
  }
  return worst;
}

int64_t longest_silence(const float *x, int64_t from, int64_t to, double floor) {
  int64_t longest = 0, run = 0;
  for (int64_t i = from; i < to; i++) {
    run = fabs(x[i]) < floor ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

double to_db(double amplitude) { return 20 * log10(amplitude > 1e-12 ? amplitude : 1e-12); }

