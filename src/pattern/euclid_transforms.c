/* The euclid family as catalog transforms. euclid, euclidRot, euclidLegato and euclidLegatoRot
 * are Strudel's; euclidInv, euclidFull, euclidOff and euclidOffFull are Tidal's (Strudel 1.2.6
 * has none of them), built on Strudel's rhythm. */
#include "pattern/conditional.h"
#include "pattern/euclid.h"

static bool nums(const ph_value *v, int n, double *out, ph_error *err) {
  static const char *const what[] = {"euclid's pulses", "euclid's steps", "euclid's rotation"};
  for (int i = 0; i < n; i++)
    if (!ph_arg_num(v[i], &out[i], err, what[i])) return false;
  return true;
}

static ph_pat *euclid_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double x[2];
  return nums(v, 2, x, err) ? ph_euclid_c(a, x[0], x[1], 0, pat, err) : NULL;
}

static ph_pat *euclid_rot_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double x[3];
  return nums(v, 3, x, err) ? ph_euclid_c(a, x[0], x[1], x[2], pat, err) : NULL;
}

static ph_pat *euclid_legato_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double x[2];
  return nums(v, 2, x, err) ? ph_euclid_legato_c(a, x[0], x[1], 0, pat, err) : NULL;
}

static ph_pat *euclid_legato_rot_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double x[3];
  return nums(v, 3, x, err) ? ph_euclid_legato_c(a, x[0], x[1], x[2], pat, err) : NULL;
}

/* Tidal's _euclidInv n k = _euclid (-n) k: the steps the rhythm leaves out. */
static ph_pat *euclid_inv_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double x[2];
  return nums(v, 2, x, err) ? ph_euclid_c(a, -x[0], x[1], 0, pat, err) : NULL;
}

/* Tidal's _euclidOff n k s = rotL (s/k) (_euclid n k); silence when k is 0. */
static ph_pat *euclid_off_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double x[3];
  if (!nums(v, 3, x, err)) return NULL;
  if (x[1] == 0) return ph_silence(a);
  ph_pat *p = ph_euclid_c(a, x[0], x[1], 0, pat, err);
  ph_rat shift = ph_rat_div(ph_rat_from_double(x[2]), ph_rat_from_double(x[1]));
  if (p && !ph_rat_ok(shift)) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "euclidOff's rotation is out of range (%g)", x[2]);
    return NULL;
  }
  return p ? ph_early_c(a, shift, p) : NULL;
}

static ph_pat *euclid_off_inv_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_value w[3] = {v[0], v[1], v[2]};
  double n;
  if (!ph_arg_num(v[0], &n, err, "euclid's pulses")) return NULL;
  w[0] = ph_num(-n);
  return euclid_off_k(a, w, pat, err);
}

PH_APPLY_DECL(ph_apply_euclid) { return ph_patternify(a, euclid_k, args, 2, pat, err); }
PH_APPLY_DECL(ph_apply_euclid_rot) { return ph_patternify(a, euclid_rot_k, args, 3, pat, err); }
PH_APPLY_DECL(ph_apply_euclid_legato) { return ph_patternify(a, euclid_legato_k, args, 2, pat, err); }
PH_APPLY_DECL(ph_apply_euclid_legato_rot) { return ph_patternify(a, euclid_legato_rot_k, args, 3, pat, err); }
PH_APPLY_DECL(ph_apply_euclid_inv) { return ph_patternify(a, euclid_inv_k, args, 2, pat, err); }
PH_APPLY_DECL(ph_apply_euclid_off) { return ph_patternify(a, euclid_off_k, args, 3, pat, err); }

/* The two halves of the "Full" variants are patternified separately: an inner join of a stack
 * is the stack of the inner joins. args: pulses steps [rotation] other; other plays the rests. */
static ph_pat *stack2(ph_arena *a, ph_pat *x, ph_pat *y) {
  if (!x || !y) return NULL;
  ph_pat *both[2] = {x, y};
  return ph_stack(a, both, 2);
}

PH_APPLY_DECL(ph_apply_euclid_full) {
  return stack2(a, ph_patternify(a, euclid_k, args, 2, pat, err), ph_patternify(a, euclid_inv_k, args, 2, args[2], err));
}

PH_APPLY_DECL(ph_apply_euclid_off_full) {
  return stack2(a, ph_patternify(a, euclid_off_k, args, 3, pat, err),
                ph_patternify(a, euclid_off_inv_k, args, 3, args[3], err));
}
