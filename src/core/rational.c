#include "core/rational.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef __int128 wide;

/* Binary GCD on 64 bits: shifts and subtractions, no division, and no branch but the loop's
 * (the smaller and the difference by selection: a swap taken half the time at random costs
 * more than the arithmetic). */
static uint64_t gcd64(uint64_t a, uint64_t b) {
  if (!a) return b;
  if (!b) return a;
  int shift = __builtin_ctzll(a | b);
  a >>= __builtin_ctzll(a);
  do {
    b >>= __builtin_ctzll(b);
    uint64_t lo = a < b ? a : b, hi = a < b ? b : a;
    a = lo;
    b = hi - lo;
  } while (b);
  return a << shift;
}

/* Euclid on 128 bits only until both fit in 64. */
static wide wide_gcd(wide a, wide b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b && ((a >> 64) || (b >> 64))) {
    wide t = a % b;
    a = b;
    b = t;
  }
  return b ? (wide)gcd64((uint64_t)a, (uint64_t)b) : a;
}

static ph_rat from_wide(wide num, wide den) {
  if (den == 0) return PH_RAT_INVALID;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  if (num >= -INT64_MAX && num <= INT64_MAX && den <= INT64_MAX) { /* the usual case, on 64 bits */
    int64_t n = (int64_t)num, d = (int64_t)den;
    if (d == 1 || n == 0) return (ph_rat){n ? n : 0, n ? d : 1};
    uint64_t g = gcd64(n < 0 ? -(uint64_t)n : (uint64_t)n, (uint64_t)d);
    if (g > 1) {
      n /= (int64_t)g;
      d /= (int64_t)g;
    }
    return (ph_rat){n, d};
  }
  wide g = wide_gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  if (num > INT64_MAX || num < -INT64_MAX || den > INT64_MAX) return PH_RAT_INVALID;
  return (ph_rat){(int64_t)num, (int64_t)den};
}

ph_rat ph_rat_make(int64_t num, int64_t den) { return from_wide(num, den); }

ph_rat ph_rat_add(ph_rat a, ph_rat b) {
  if (!ph_rat_ok(a) || !ph_rat_ok(b)) return PH_RAT_INVALID;
  if (a.den == b.den) return from_wide((wide)a.num + b.num, a.den);
  return from_wide((wide)a.num * b.den + (wide)b.num * a.den, (wide)a.den * b.den);
}

ph_rat ph_rat_neg(ph_rat a) { return ph_rat_ok(a) ? (ph_rat){-a.num, a.den} : a; }

ph_rat ph_rat_sub(ph_rat a, ph_rat b) { return ph_rat_add(a, ph_rat_neg(b)); }

ph_rat ph_rat_mul(ph_rat a, ph_rat b) {
  if (!ph_rat_ok(a) || !ph_rat_ok(b)) return PH_RAT_INVALID;
  return from_wide((wide)a.num * b.num, (wide)a.den * b.den);
}

ph_rat ph_rat_div(ph_rat a, ph_rat b) {
  if (!ph_rat_ok(a) || !ph_rat_ok(b) || b.num == 0) return PH_RAT_INVALID;
  return from_wide((wide)a.num * b.den, (wide)a.den * b.num);
}

ph_rat ph_rat_mod(ph_rat a, ph_rat b) {
  ph_rat q = ph_rat_floor(ph_rat_div(a, b));
  return ph_rat_sub(a, ph_rat_mul(b, q));
}

int ph_rat_cmp(ph_rat a, ph_rat b) {
  bool oa = ph_rat_ok(a), ob = ph_rat_ok(b);
  if (!oa || !ob) return oa == ob ? 0 : (oa ? -1 : 1);
  wide l = (wide)a.num * b.den, r = (wide)b.num * a.den;
  return l < r ? -1 : (l > r ? 1 : 0);
}

int64_t ph_rat_floor_int(ph_rat a) {
  if (!ph_rat_ok(a)) return 0;
  int64_t q = a.num / a.den;
  if (a.num % a.den != 0 && a.num < 0) q -= 1;
  return q;
}

ph_rat ph_rat_floor(ph_rat a) { return ph_rat_ok(a) ? ph_rat_int(ph_rat_floor_int(a)) : a; }

ph_rat ph_rat_ceil(ph_rat a) {
  if (!ph_rat_ok(a)) return a;
  int64_t f = ph_rat_floor_int(a);
  return ph_rat_int(a.num % a.den == 0 ? f : f + 1);
}

int64_t ph_gcd64(int64_t a, int64_t b) { return (int64_t)wide_gcd(a, b); }

ph_rat ph_rat_lcm(ph_rat x, ph_rat y) {
  if (!ph_rat_ok(x) || !ph_rat_ok(y)) return PH_RAT_INVALID;
  int64_t gn = ph_gcd64(x.num, y.num), gd = ph_gcd64(x.den, y.den);
  if (gn == 0) return ph_rat_int(0);
  return ph_rat_div(ph_rat_mul(ph_rat_int(x.num / gn), ph_rat_int(y.num)), ph_rat_int(gd));
}

double ph_rat_to_double(ph_rat a) { return ph_rat_ok(a) ? (double)a.num / (double)a.den : NAN; }

ph_rat ph_rat_from_double(double x) {
  if (!isfinite(x) || fabs(x) >= 9.0e15) return PH_RAT_INVALID;
  int64_t sign = 1;
  if (x < 0) {
    sign = -1;
    x = -x;
  }
  if (fmod(x, 1.0) == 0.0) return ph_rat_int(sign * (int64_t)x);
  /* fraction.js scales x into [0,1) by a power of ten, walks the Stern-Brocot tree towards it
   * and stops at an exact match or when a denominator passes 10^7. */
  double z = 1;
  if (x >= 1) {
    z = pow(10, floor(1 + log10(x)));
    x /= z;
  }
  const int64_t limit = 10000000;
  int64_t A = 0, B = 1, C = 1, D = 1, n = 0, d = 1;
  while (B <= limit && D <= limit) {
    double m = (double)(A + C) / (double)(B + D);
    if (x == m) {
      if (B + D <= limit) {
        n = A + C;
        d = B + D;
      } else if (D > B) {
        n = C;
        d = D;
      } else {
        n = A;
        d = B;
      }
      break;
    }
    if (x > m) {
      /* Several steps in the same direction at once: the largest k with x > (A+kC)/(B+kD). */
      int64_t k = limit; /* x no further from C/D than rounding can tell: walk to the limit */
      if (x * D - C < 0) {
        double kk = floor((A - x * B) / (x * D - C));
        k = kk > (double)limit ? limit : kk > 1 ? (int64_t)kk - 1 : 1;
      }
      if (B + k * D > limit) k = (limit - B) / D > 1 ? (limit - B) / D : 1;
      A += k * C;
      B += k * D;
    } else {
      int64_t k = limit;
      if (x * B - A > 0) {
        double kk = floor((C - x * D) / (x * B - A));
        k = kk > (double)limit ? limit : kk > 1 ? (int64_t)kk - 1 : 1;
      }
      if (D + k * B > limit) k = (limit - D) / B > 1 ? (limit - D) / B : 1;
      C += k * A;
      D += k * B;
    }
    if (B > limit) {
      n = C;
      d = D;
    } else {
      n = A;
      d = B;
    }
  }
  return ph_rat_mul(ph_rat_make(sign * n, d), ph_rat_int((int64_t)z));
}

int ph_rat_format(char *buf, size_t size, ph_rat a) {
  if (!ph_rat_ok(a)) return snprintf(buf, size, "invalid");
  if (a.den == 1) return snprintf(buf, size, "%lld", (long long)a.num);
  return snprintf(buf, size, "%lld/%lld", (long long)a.num, (long long)a.den);
}

bool ph_rat_parse(const char *text, ph_rat *out) {
  char *end;
  if (strchr(text, '.') || strchr(text, 'e') || strchr(text, 'E')) {
    double v = strtod(text, &end);
    if (end == text || *end) return false;
    *out = ph_rat_from_double(v);
    return ph_rat_ok(*out);
  }
  long long n = strtoll(text, &end, 10);
  if (end == text) return false;
  long long d = 1;
  if (*end == '/') {
    const char *ds = end + 1;
    d = strtoll(ds, &end, 10);
    if (end == ds || d == 0) return false;
  }
  if (*end) return false;
  *out = ph_rat_make(n, d);
  return ph_rat_ok(*out);
}
