#include "pattern/euclid.h"

#include <math.h>
#include <string.h>

#include "pattern/ops.h"

/* A run of steps built up by the algorithm: a slice of onsets and rests. */
typedef struct {
  int *bits;
  int len;
} group;

static bool concat(ph_arena *a, group x, group y, group *out) {
  out->len = x.len + y.len;
  out->bits = PH_ARENA_ARRAY(a, int, out->len > 0 ? out->len : 1);
  if (!out->bits) return false;
  memcpy(out->bits, x.bits, sizeof(int) * (size_t)x.len);
  memcpy(out->bits + x.len, y.bits, sizeof(int) * (size_t)y.len);
  return true;
}

static bool is_count(double x) { return x >= 0 && x == floor(x) && x <= PH_EUCLID_MAX_STEPS; }

bool ph_bjorklund(ph_arena *a, double pulses, double steps, int **out, int *count, ph_error *err) {
  bool inverted = pulses < 0;
  double abs_ons = fabs(pulses), abs_offs = steps - abs_ons;
  if (!is_count(abs_ons) || !is_count(abs_offs)) {
    if (abs_offs < 0)
      ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "euclid: %g pulses do not fit in %g steps", pulses, steps);
    else
      ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "euclid: pulses (%g) and steps (%g) must be whole numbers up to %d",
                   pulses, steps, PH_EUCLID_MAX_STEPS);
    return false;
  }
  int ons = (int)abs_ons, offs = (int)abs_offs, total = ons + offs;
  group *xs = PH_ARENA_ARRAY(a, group, ons > 0 ? ons : 1);
  group *ys = PH_ARENA_ARRAY(a, group, offs > 0 ? offs : 1);
  int *unit = PH_ARENA_ARRAY(a, int, 2);
  if (!xs || !ys || !unit) goto oom;
  unit[0] = 1;
  unit[1] = 0;
  for (int i = 0; i < ons; i++) xs[i] = (group){&unit[0], 1};
  for (int i = 0; i < offs; i++) ys[i] = (group){&unit[1], 1};
  /* Pair the groups of the larger kind with those of the smaller until at most one remains:
   * xs always holds `ons` groups and ys `offs`. */
  while ((ons < offs ? ons : offs) > 1) {
    int pairs = ons > offs ? offs : ons;
    group *nx = PH_ARENA_ARRAY(a, group, pairs), *ny;
    if (!nx) goto oom;
    for (int i = 0; i < pairs; i++)
      if (!concat(a, xs[i], ys[i], &nx[i])) goto oom;
    if (ons > offs) {
      ny = xs + offs; /* the onsets left unpaired */
      int left = ons - offs;
      ons = offs;
      offs = left;
    } else {
      ny = ys + ons; /* the rests left unpaired */
      offs -= ons;
    }
    xs = nx;
    ys = ny;
  }
  int *bits = PH_ARENA_ARRAY(a, int, total > 0 ? total : 1);
  if (!bits) goto oom;
  int n = 0;
  for (int i = 0; i < ons; i++)
    for (int j = 0; j < xs[i].len; j++) bits[n++] = xs[i].bits[j];
  for (int i = 0; i < offs; i++)
    for (int j = 0; j < ys[i].len; j++) bits[n++] = ys[i].bits[j];
  if (inverted)
    for (int i = 0; i < n; i++) bits[i] = 1 - bits[i];
  *out = bits;
  *count = n;
  return true;
oom:
  ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "arena exhausted");
  return false;
}

bool ph_euclid_rotate(int *bits, int count, double rotation, ph_arena *a) {
  if (count == 0 || isnan(rotation) || rotation == 0) return true;
  /* JavaScript's arr.slice(-r).concat(arr.slice(0, -r)), r truncated toward zero. */
  double n = -trunc(rotation);
  int start = n < 0 ? (n + count < 0 ? 0 : (int)(n + count)) : (n > count ? count : (int)n);
  if (start == 0 || start == count) return true;
  int *copy = PH_ARENA_ARRAY(a, int, count);
  if (!copy) return false;
  memcpy(copy, bits, sizeof(int) * (size_t)count);
  for (int i = 0; i < count; i++) bits[i] = copy[(i + start) % count];
  return true;
}

/* Strudel reifies the array of 1s and 0s as a sequence of numbers. */
static ph_pat *bits_sequence(ph_arena *a, const int *bits, int count) {
  ph_pat **steps = PH_ARENA_ARRAY(a, ph_pat *, count > 0 ? count : 1);
  ph_pat *on = ph_pure(a, ph_num(1)), *off = ph_pure(a, ph_num(0));
  if (!steps || !on || !off) return NULL;
  for (int i = 0; i < count; i++) steps[i] = bits[i] ? on : off;
  return ph_fastcat(a, steps, count);
}

ph_pat *ph_euclid_c(ph_arena *a, double pulses, double steps, double rotation, ph_pat *pat, ph_error *err) {
  int *bits, count;
  if (!pat || !ph_bjorklund(a, pulses, steps, &bits, &count, err)) return NULL;
  if (!ph_euclid_rotate(bits, count, rotation, a)) return NULL;
  ph_pat *mask = bits_sequence(a, bits, count);
  return mask ? ph_struct_c(a, mask, pat) : NULL;
}

ph_pat *ph_euclid_legato_c(ph_arena *a, double pulses, double steps, double rotation, ph_pat *pat, ph_error *err) {
  if (!pat) return NULL;
  if (pulses < 1) return ph_silence(a);
  int *bits, count;
  if (!ph_bjorklund(a, pulses, steps, &bits, &count, err)) return NULL;
  /* Each onset holds until the next: one weighted step per onset. */
  ph_rat *weights = PH_ARENA_ARRAY(a, ph_rat, count);
  ph_pat **ons = PH_ARENA_ARRAY(a, ph_pat *, count);
  ph_pat *on = ph_pure(a, ph_bool(true));
  if (!weights || !ons || !on) return NULL;
  int n = -1;
  for (int i = 0; i < count; i++) {
    if (bits[i]) {
      weights[++n] = ph_rat_int(1);
      ons[n] = on;
    } else if (n >= 0) {
      weights[n] = ph_rat_add(weights[n], ph_rat_int(1));
    }
  }
  ph_pat *structure = ph_timecat(a, weights, ons, n + 1);
  ph_rat shift = ph_rat_div(ph_rat_from_double(rotation), ph_rat_from_double(steps));
  if (!structure) return NULL;
  return ph_late_c(a, shift, ph_struct_c(a, structure, pat));
}
