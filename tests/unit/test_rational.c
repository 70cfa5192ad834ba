#include <math.h>
#include <stdlib.h>

#include "support.h"

static void test_reduces_and_normalises_sign(void **s) {
  ph_rat r = ph_rat_make(6, -8);
  assert_int_equal(r.num, -3);
  assert_int_equal(r.den, 4);
  assert_true(ph_rat_eq(ph_rat_add(R(1, 3), R(1, 6)), R(1, 2)));
  assert_true(ph_rat_eq(ph_rat_mul(R(2, 3), R(3, 4)), R(1, 2)));
  assert_true(ph_rat_eq(ph_rat_div(R(1, 2), R(1, 4)), ph_rat_int(2)));
  assert_true(ph_rat_eq(ph_rat_sub(R(1, 2), R(3, 4)), R(-1, 4)));
}

static int64_t euclid(int64_t a, int64_t b) {
  uint64_t x = a < 0 ? -(uint64_t)a : (uint64_t)a, y = b < 0 ? -(uint64_t)b : (uint64_t)b;
  while (y) {
    uint64_t t = x % y;
    x = y;
    y = t;
  }
  return (int64_t)x;
}

/* The binary GCD against Euclid's: random pairs of every size, shared powers of two, equal,
 * zero and negative operands. */
static void test_gcd_is_euclids(void **s) {
  uint64_t state = 0x9E3779B97F4A7C15u;
  for (int k = 0; k < 200000; k++) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    uint64_t ua = state >> (k % 63 + 1), ub = (state * 2654435761u) >> (k % 61 + 3);
    if (k % 5 == 0) ua <<= k % 7, ub <<= k % 11;
    int64_t a = (int64_t)(ua >> 1), b = (int64_t)(ub >> 1);
    if (k % 7 == 0) b = a;
    if (k % 11 == 0) a = 0;
    if (k % 13 == 0) a = -a;
    assert_int_equal(ph_gcd64(a, b), euclid(a, b));
  }
  assert_int_equal(ph_gcd64(1, 1), 1);
  assert_int_equal(ph_gcd64(0, 0), 0);
  assert_int_equal(ph_gcd64(INT64_MAX, 3), 1);
  assert_int_equal(ph_gcd64((int64_t)1 << 62, (int64_t)3 << 40), (int64_t)1 << 40);
}

/* Sums and differences in lowest terms, as reducing the plain cross-multiplied form gives:
 * denominators with and without common factors, results of zero and of whole numbers. */
static void test_sums_are_in_lowest_terms(void **s) {
  uint64_t state = 12345;
  static const int64_t dens[] = {1, 2, 3, 4, 6, 8, 12, 16, 60, 120, 44100, 2646000, 7, 49, 1024, 999983};
  for (int k = 0; k < 200000; k++) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    int64_t ad = dens[(state >> 33) % 16] * (int64_t)(1 + (state >> 60)), bd = dens[(state >> 40) % 16];
    int64_t an = (int64_t)((state >> 20) % 2000001) - 1000000, bn = (int64_t)((state >> 8) % 2000001) - 1000000;
    if (k % 9 == 0) bn = -an * bd / ad; /* often a zero or whole sum */
    ph_rat a = ph_rat_make(an, ad), b = ph_rat_make(bn, bd);
    ph_rat sum = ph_rat_add(a, b), want = ph_rat_make(a.num * b.den + b.num * a.den, a.den * b.den);
    assert_int_equal(sum.num, want.num);
    assert_int_equal(sum.den, want.den);
    ph_rat diff = ph_rat_sub(a, b), want_diff = ph_rat_make(a.num * b.den - b.num * a.den, a.den * b.den);
    assert_int_equal(diff.num, want_diff.num);
    assert_int_equal(diff.den, want_diff.den);
  }
}

static void test_floor_ceil_of_negatives(void **s) {
  assert_int_equal(ph_rat_floor_int(R(-1, 3)), -1);
  assert_int_equal(ph_rat_floor_int(R(-3, 3)), -1);
  assert_int_equal(ph_rat_floor_int(R(7, 2)), 3);
  assert_true(ph_rat_eq(ph_rat_ceil(R(-1, 3)), ph_rat_int(0)));
  assert_true(ph_rat_eq(ph_rat_cycle_pos(R(-1, 4)), R(3, 4)));
  assert_true(ph_rat_eq(ph_rat_mod(R(-1, 2), ph_rat_int(3)), R(5, 2)));
}

static void test_overflow_is_reported_not_wrapped(void **s) {
  ph_rat big = ph_rat_int(INT64_MAX / 2 + 1);
  ph_rat r = ph_rat_add(big, big);
  assert_false(ph_rat_ok(r));
  /* Invalid values propagate through every operation. */
  assert_false(ph_rat_ok(ph_rat_mul(r, ph_rat_int(0))));
  assert_false(ph_rat_ok(ph_rat_div(ph_rat_int(1), ph_rat_int(0))));
  /* Coprime large denominators overflow on addition. */
  ph_rat a = R(1, 2147483647LL), b = R(1, 2147483629LL);
  assert_true(ph_rat_ok(ph_rat_add(a, b)));
  assert_false(ph_rat_ok(ph_rat_add(ph_rat_add(a, b), R(1, 2147483587LL))));
  /* A large product that reduces back into range is fine. */
  ph_rat c = ph_rat_mul(R(4294967291LL, 3), R(3, 4294967291LL));
  assert_true(ph_rat_eq(c, ph_rat_int(1)));
}

/* fraction.js's plain Stern-Brocot walk, one step at a time: the reference. */
static ph_rat farey_reference(double x) {
  int64_t sign = 1;
  if (x < 0) {
    sign = -1;
    x = -x;
  }
  if (fmod(x, 1.0) == 0) return ph_rat_int(sign * (int64_t)x);
  double z = 1;
  if (x >= 1) {
    z = pow(10, floor(1 + log10(x)));
    x /= z;
  }
  int64_t A = 0, B = 1, C = 1, D = 1, n = 0, d = 1, N = 10000000;
  while (B <= N && D <= N) {
    double m = (double)(A + C) / (double)(B + D);
    if (x == m) {
      if (B + D <= N) { n = A + C; d = B + D; }
      else if (D > B) { n = C; d = D; }
      else { n = A; d = B; }
      break;
    }
    if (x > m) { A += C; B += D; }
    else { C += A; D += B; }
    if (B > N) { n = C; d = D; }
    else { n = A; d = B; }
  }
  return ph_rat_mul(ph_rat_make(sign * n, d), ph_rat_int((int64_t)z));
}

static void test_from_double_matches_fraction_js(void **s) {
  assert_true(ph_rat_eq(ph_rat_from_double(0.5), R(1, 2)));
  assert_true(ph_rat_eq(ph_rat_from_double(1.5), R(3, 2)));
  assert_true(ph_rat_eq(ph_rat_from_double(0.1), R(1, 10)));
  assert_true(ph_rat_eq(ph_rat_from_double(1.0 / 3.0), R(1, 3)));
  assert_true(ph_rat_eq(ph_rat_from_double(-0.25), R(-1, 4)));
  assert_true(ph_rat_eq(ph_rat_from_double(0.125), R(1, 8)));
  /* 4.6 / 10 rounds below 23/50 by less than 50 * x - 23 can show: the walk goes on to the
   * denominator limit, which took 200,000 steps one at a time (found by fuzzing). */
  assert_true(ph_rat_eq(ph_rat_from_double(4.6), R(23, 5)));
  assert_true(ph_rat_eq(ph_rat_from_double(4.6), farey_reference(4.6)));
  srand(7);
  for (int i = 0; i < 2000; i++) {
    double x;
    switch (i % 4) {
    case 0: x = (double)rand() / RAND_MAX; break;
    case 1: x = (rand() % 1000) / 1000.0 * (rand() % 7 + 1); break;
    case 2: x = (double)(rand() % 97) / (rand() % 89 + 1); break;
    case 3: x = 1e-6 * (rand() % 1000 + 1); break;
    }
    if (i % 10 == 9) x = (rand() % 100000) / 1000.0; /* decimals scaled by a power of ten */
    ph_rat want = farey_reference(x), got = ph_rat_from_double(x);
    if (!ph_rat_eq(want, got))
      fail_msg("%.17g: want %lld/%lld got %lld/%lld", x, (long long)want.num, (long long)want.den,
               (long long)got.num, (long long)got.den);
  }
}

static void test_parse_and_format(void **s) {
  ph_rat r;
  char buf[64];
  assert_true(ph_rat_parse("-3/6", &r));
  ph_rat_format(buf, sizeof buf, r);
  assert_string_equal(buf, "-1/2");
  assert_true(ph_rat_parse("4", &r));
  ph_rat_format(buf, sizeof buf, r);
  assert_string_equal(buf, "4");
  assert_true(ph_rat_parse("0.75", &r));
  assert_true(ph_rat_eq(r, R(3, 4)));
  assert_false(ph_rat_parse("1/0", &r));
  assert_false(ph_rat_parse("x", &r));
  assert_false(ph_rat_parse("1/2x", &r));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_reduces_and_normalises_sign),
      cmocka_unit_test(test_gcd_is_euclids),
      cmocka_unit_test(test_sums_are_in_lowest_terms),
      cmocka_unit_test(test_floor_ceil_of_negatives),
      cmocka_unit_test(test_overflow_is_reported_not_wrapped),
      cmocka_unit_test(test_from_double_matches_fraction_js),
      cmocka_unit_test(test_parse_and_format),
  };
  return cmocka_run_group_tests(tests, t_setup, t_teardown);
}
