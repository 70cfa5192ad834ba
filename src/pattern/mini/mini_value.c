/* Numbers as JavaScript reads and writes them: a mini-notation word is a number exactly when
 * JavaScript's Number(word) is one ("0x10", "1e3", ".5", "Infinity" all are), and ":" joins
 * values the way Array.join prints numbers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pattern/mini/mini_ast.h"

static int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

/* "0x1F", "0o17", "0b101": no sign allowed, at least one digit. */
static bool radix_integer(const char *s, double *out) {
  if (s[0] != '0') return false;
  int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : (s[1] == 'b' || s[1] == 'B') ? 2 : 0;
  if (!base || !s[2]) return false;
  double x = 0;
  for (const char *p = s + 2; *p; p++) {
    int d = digit_value(*p);
    if (d >= base) return false;
    x = x * base + d;
  }
  *out = x;
  return true;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool mn_js_number(const char *text, double *out) {
  if (radix_integer(text, out)) return true;
  const char *p = text;
  bool neg = *p == '-';
  if (*p == '-' || *p == '+') p++;
  if (strcmp(p, "Infinity") == 0) {
    *out = neg ? -INFINITY : INFINITY;
    return true;
  }
  int digits = 0;
  while (is_digit(*p)) p++, digits++;
  if (*p == '.') {
    p++;
    while (is_digit(*p)) p++, digits++;
  }
  if (digits == 0) return false;
  if (*p == 'e' || *p == 'E') {
    p++;
    if (*p == '-' || *p == '+') p++;
    if (!is_digit(*p)) return false;
    while (is_digit(*p)) p++;
  }
  if (*p) return false;
  *out = strtod(text, NULL);
  return true;
}

int mn_js_number_string(char *buf, size_t size, double x) {
  if (isnan(x)) return snprintf(buf, size, "NaN");
  if (isinf(x)) return snprintf(buf, size, x < 0 ? "-Infinity" : "Infinity");
  if (x == 0) return snprintf(buf, size, "0");
  /* The shortest digits that read back as x, and the decimal exponent. */
  char sci[40];
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(sci, sizeof sci, "%.*e", prec - 1, x);
    if (strtod(sci, NULL) == x) break;
  }
  const char *s = sci;
  bool neg = *s == '-';
  if (neg) s++;
  char digits[24];
  int k = 0;
  for (; *s && *s != 'e'; s++)
    if (is_digit(*s) && k < (int)sizeof digits - 1) digits[k++] = *s;
  digits[k] = '\0';
  int n = atoi(s + 1) + 1; /* x = 0.digits * 10^n */
  char out[64];
  size_t len = 0;
#define PUT(c) (len < sizeof out - 1 ? (void)(out[len++] = (c)) : (void)0)
  if (neg) PUT('-');
  if (k <= n && n <= 21) {
    for (int i = 0; i < k; i++) PUT(digits[i]);
    for (int i = k; i < n; i++) PUT('0');
  } else if (0 < n && n <= 21) {
    for (int i = 0; i < k; i++) {
      if (i == n) PUT('.');
      PUT(digits[i]);
    }
  } else if (-6 < n && n <= 0) {
    PUT('0');
    PUT('.');
    for (int i = 0; i < -n; i++) PUT('0');
    for (int i = 0; i < k; i++) PUT(digits[i]);
  } else {
    PUT(digits[0]);
    if (k > 1) PUT('.');
    for (int i = 1; i < k; i++) PUT(digits[i]);
    len += (size_t)snprintf(out + len, sizeof out - len, "e%c%d", n - 1 < 0 ? '-' : '+', abs(n - 1));
  }
#undef PUT
  out[len < sizeof out ? len : sizeof out - 1] = '\0';
  return snprintf(buf, size, "%s", out);
}
