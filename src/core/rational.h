/* Rational cycle time on 64-bit integers, always in lowest terms with a positive denominator.
 * Overflow never wraps: a result that does not fit becomes the invalid value (den == 0), which
 * every operation propagates, so a query can detect it once at the end and report an error. */
#ifndef PH_CORE_RATIONAL_H
#define PH_CORE_RATIONAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
  int64_t num;
  int64_t den; /* > 0; 0 marks an overflowed or undefined result */
} ph_rat;

#define PH_RAT_INVALID ((ph_rat){0, 0})

ph_rat ph_rat_make(int64_t num, int64_t den);
static inline ph_rat ph_rat_int(int64_t n) { return (ph_rat){n, 1}; }
static inline bool ph_rat_ok(ph_rat a) { return a.den > 0; }

ph_rat ph_rat_add(ph_rat a, ph_rat b);
ph_rat ph_rat_sub(ph_rat a, ph_rat b);
ph_rat ph_rat_mul(ph_rat a, ph_rat b);
ph_rat ph_rat_div(ph_rat a, ph_rat b); /* division by zero gives PH_RAT_INVALID */
ph_rat ph_rat_neg(ph_rat a);
ph_rat ph_rat_mod(ph_rat a, ph_rat b); /* a - b*floor(a/b), sign of b, like Tidal's mod' */

/* Comparison of invalid values orders them after every valid one, so loops terminate. */
int ph_rat_cmp(ph_rat a, ph_rat b);
static inline bool ph_rat_eq(ph_rat a, ph_rat b) { return ph_rat_cmp(a, b) == 0; }
static inline bool ph_rat_lt(ph_rat a, ph_rat b) { return ph_rat_cmp(a, b) < 0; }
static inline bool ph_rat_le(ph_rat a, ph_rat b) { return ph_rat_cmp(a, b) <= 0; }
static inline bool ph_rat_gt(ph_rat a, ph_rat b) { return ph_rat_cmp(a, b) > 0; }
static inline bool ph_rat_ge(ph_rat a, ph_rat b) { return ph_rat_cmp(a, b) >= 0; }
/* min and max propagate an invalid value too (an overflow must not turn into the other one). */
static inline ph_rat ph_rat_min(ph_rat a, ph_rat b) {
  return !ph_rat_ok(a) || !ph_rat_ok(b) ? PH_RAT_INVALID : ph_rat_lt(b, a) ? b : a;
}
static inline ph_rat ph_rat_max(ph_rat a, ph_rat b) {
  return !ph_rat_ok(a) || !ph_rat_ok(b) ? PH_RAT_INVALID : ph_rat_gt(b, a) ? b : a;
}
static inline bool ph_rat_is_zero(ph_rat a) { return a.den > 0 && a.num == 0; }

ph_rat ph_rat_floor(ph_rat a);                                             /* Tidal's sam */
ph_rat ph_rat_ceil(ph_rat a);
static inline ph_rat ph_rat_next_sam(ph_rat a) { return ph_rat_add(ph_rat_floor(a), ph_rat_int(1)); }
static inline ph_rat ph_rat_cycle_pos(ph_rat a) { return ph_rat_sub(a, ph_rat_floor(a)); }
int64_t ph_rat_floor_int(ph_rat a);

int64_t ph_gcd64(int64_t a, int64_t b); /* non-negative */
/* fraction.js's lcm: lcm(a/b, c/d) = lcm(a, c) / gcd(b, d); 0 when either is 0. */
ph_rat ph_rat_lcm(ph_rat x, ph_rat y);

double ph_rat_to_double(ph_rat a);
/* The fraction fraction.js (and so Strudel) makes of a double: exact for integers,
 * otherwise the Farey-sequence approximation with denominators up to 10^7. */
ph_rat ph_rat_from_double(double x);

/* Writes "n" or "n/d" (or "invalid"); returns the length like snprintf. */
int ph_rat_format(char *buf, size_t size, ph_rat a);
/* Parses "n", "n/d", "-n/d" or a decimal like "0.25"; false when malformed. */
bool ph_rat_parse(const char *text, ph_rat *out);

#endif
