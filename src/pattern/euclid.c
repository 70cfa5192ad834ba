#include "pattern/euclid.h"

#include <math.h>
#include <string.h>

#include "pattern/ops.h"

/* The runs of steps the algorithm pairs up: run 0 is an onset, run 1 a rest, and every later
 * one two earlier runs joined. Joining is O(1), so the runs take memory in proportion to the
 * steps (copying them at each pairing took it in proportion to their square: "bd(2,65536)"
 * wanted gigabytes). */
typedef struct {
  int first, second;
} join;

static bool is_count(double x) { return x >= 0 && x == floor(x) && x <= PH_EUCLID_MAX_STEPS; }

/* Writes the steps of run r into bits from *n, through a stack deep enough for every join. */
static void expand(const join *joins, int r, int *stack, int *bits, int *n) {
  int depth = 0;
  stack[depth++] = r;
  while (depth) {
    r = stack[--depth];
    if (r < 2) {
      bits[(*n)++] = r == 0;
    } else {
      stack[depth++] = joins[r].second;
      stack[depth++] = joins[r].first;
    }
  }
}

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
  /* Each join makes one run of two, so there are fewer than `total` of them. */
  join *joins = PH_ARENA_ARRAY(a, join, total + 2);
  int *xs = PH_ARENA_ARRAY(a, int, ons > 0 ? ons : 1);
  int *ys = PH_ARENA_ARRAY(a, int, offs > 0 ? offs : 1);
  if (!joins || !xs || !ys) goto oom;
  int njoins = 2;
  for (int i = 0; i < ons; i++) xs[i] = 0;
  for (int i = 0; i < offs; i++) ys[i] = 1;
  /* Pair the runs of the larger kind with those of the smaller until at most one remains:
   * xs always holds `ons` runs and ys `offs`. */
  while ((ons < offs ? ons : offs) > 1) {
    int pairs = ons > offs ? offs : ons;
    int *nx = PH_ARENA_ARRAY(a, int, pairs), *ny;
    if (!nx) goto oom;
    for (int i = 0; i < pairs; i++) {
      joins[njoins] = (join){xs[i], ys[i]};
      nx[i] = njoins++;
    }
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
  int *stack = PH_ARENA_ARRAY(a, int, njoins + 1);
  if (!bits || !stack) goto oom;
  int n = 0;
  for (int i = 0; i < ons; i++) expand(joins, xs[i], stack, bits, &n);
  for (int i = 0; i < offs; i++) expand(joins, ys[i], stack, bits, &n);
  if (inverted)
    for (int i = 0; i < n; i++) bits[i] = 1 - bits[i];
  *out = bits;
  *count = n;
  return true;
oom:
  ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory for the euclidean rhythm");
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
