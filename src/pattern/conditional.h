/* The transforms listed in ph_transforms_conditional, defined across the conditional_*.c and
 * euclid_*.c files. Each is a ph_apply_fn: arguments arrive as patterns. */
#ifndef PH_PATTERN_CONDITIONAL_H
#define PH_PATTERN_CONDITIONAL_H

#include "pattern/registry.h"

#define PH_APPLY_DECL(name) ph_pat *name(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err)

/* euclid_transforms.c */
PH_APPLY_DECL(ph_apply_euclid);
PH_APPLY_DECL(ph_apply_euclid_rot);
PH_APPLY_DECL(ph_apply_euclid_legato);
PH_APPLY_DECL(ph_apply_euclid_legato_rot);
PH_APPLY_DECL(ph_apply_euclid_inv);
PH_APPLY_DECL(ph_apply_euclid_full);
PH_APPLY_DECL(ph_apply_euclid_off);
PH_APPLY_DECL(ph_apply_euclid_off_full);

#endif
