/* Operators as transforms (add, mul, struct, mask...), segment, range, repeatCycles. */
#include "pattern/ops.h"
#include "pattern/registry.h"

#define OPERATOR(fname, op, how)                                                      \
  static ph_pat *fname(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) { \
    return ph_op_apply(a, op, how, pat, args[0]);                                      \
  }

OPERATOR(add_in, PH_OP_ADD, PH_HOW_IN)
OPERATOR(sub_in, PH_OP_SUB, PH_HOW_IN)
OPERATOR(mul_in, PH_OP_MUL, PH_HOW_IN)
OPERATOR(div_in, PH_OP_DIV, PH_HOW_IN)
OPERATOR(mod_in, PH_OP_MOD, PH_HOW_IN)
OPERATOR(pow_in, PH_OP_POW, PH_HOW_IN)
OPERATOR(set_in, PH_OP_SET, PH_HOW_IN)
OPERATOR(keep_in, PH_OP_KEEP, PH_HOW_IN)
OPERATOR(struct_out, PH_OP_KEEPIF, PH_HOW_OUT)
OPERATOR(mask_in, PH_OP_KEEPIF, PH_HOW_IN)
OPERATOR(reset_op, PH_OP_KEEPIF, PH_HOW_RESET)
OPERATOR(restart_op, PH_OP_KEEPIF, PH_HOW_RESTART)
OPERATOR(squeeze_op, PH_OP_SET, PH_HOW_SQUEEZE)

static ph_pat *segment_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat n;
  if (!ph_arg_rat(v[0], &n, err, "segment's count")) return NULL;
  return ph_segment_c(a, n, pat);
}

static ph_pat *segment_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_patternify(a, segment_k, args, 1, pat, err);
}

static ph_pat *range_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  double lo, hi;
  if (!ph_arg_num(v[0], &lo, err, "range's minimum") || !ph_arg_num(v[1], &hi, err, "range's maximum")) return NULL;
  ph_pat *scaled = ph_op_apply(a, PH_OP_MUL, PH_HOW_IN, pat, ph_pure(a, ph_num(hi - lo)));
  return ph_op_apply(a, PH_OP_ADD, PH_HOW_IN, scaled, ph_pure(a, ph_num(lo)));
}

static ph_pat *range_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_patternify(a, range_k, args, 2, pat, err);
}

static ph_pat *repeat_k(ph_arena *a, const ph_value *v, ph_pat *pat, ph_error *err) {
  ph_rat n;
  if (!ph_arg_rat(v[0], &n, err, "repeatCycles's count")) return NULL;
  if (!ph_rat_gt(n, ph_rat_int(0))) return ph_silence(a);
  return ph_repeat_cycles_c(a, n, pat);
}

static ph_pat *repeat_p(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err) {
  return ph_patternify(a, repeat_k, args, 1, pat, err);
}

const ph_transform_def ph_transforms_ops[] = {
    {"add", NULL, 1, "amount", add_in, "add numbers (note names count as MIDI numbers); structure from the left"},
    {"sub", NULL, 1, "amount", sub_in, "subtract; structure from the left"},
    {"mul", NULL, 1, "factor", mul_in, "multiply; structure from the left"},
    {"div", NULL, 1, "divisor", div_in, "divide; structure from the left"},
    {"mod", NULL, 1, "modulus", mod_in, "modulo, always positive for a positive modulus"},
    {"pow", NULL, 1, "exponent", pow_in, "raise to a power"},
    {"set", NULL, 1, "values", set_in, "replace values (maps merge), structure from the left"},
    {"keep", NULL, 1, "values", keep_in, "keep values, structure from the left"},
    {"struct", NULL, 1, "mask", struct_out, "impose the structure of a boolean pattern"},
    {"mask", NULL, 1, "mask", mask_in, "silence where the boolean pattern is false or absent"},
    {"reset", NULL, 1, "triggers", reset_op, "restart the cycle at each true event of the pattern"},
    {"restart", NULL, 1, "triggers", restart_op, "restart from cycle zero at each true event"},
    {"squeeze", NULL, 1, "values", squeeze_op, "squeeze the other pattern's cycle into each event"},
    {"segment", "seg", 1, "count", segment_p, "sample into count events per cycle"},
    {"range", NULL, 2, "min max", range_p, "scale 0..1 to min..max"},
    {"repeatCycles", NULL, 1, "count", repeat_p, "repeat every cycle count times"},
    {0},
};
