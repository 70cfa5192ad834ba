/* The transforms listed in ph_transforms_conditional, defined across the conditional_*.c and
 * euclid_*.c files. Each is a ph_apply_fn: arguments arrive as patterns. */
#ifndef PH_PATTERN_CONDITIONAL_H
#define PH_PATTERN_CONDITIONAL_H

#include <stdint.h>

#include "pattern/registry.h"

#define PH_APPLY_DECL(name) ph_pat *name(ph_arena *a, ph_pat *const *args, ph_pat *pat, ph_error *err)

/* Argument helpers for constant versions: a transform value, a whole number. */
const ph_func *ph_arg_func(ph_value v, ph_error *err, const char *what);
bool ph_arg_whole(ph_value v, int64_t *out, ph_error *err, const char *what);

/* euclid_transforms.c */
PH_APPLY_DECL(ph_apply_euclid);
PH_APPLY_DECL(ph_apply_euclid_rot);
PH_APPLY_DECL(ph_apply_euclid_legato);
PH_APPLY_DECL(ph_apply_euclid_legato_rot);
PH_APPLY_DECL(ph_apply_euclid_inv);
PH_APPLY_DECL(ph_apply_euclid_full);
PH_APPLY_DECL(ph_apply_euclid_off);
PH_APPLY_DECL(ph_apply_euclid_off_full);

/* conditional_cycles.c */
PH_APPLY_DECL(ph_apply_every);
PH_APPLY_DECL(ph_apply_first_of);
PH_APPLY_DECL(ph_apply_last_of);
PH_APPLY_DECL(ph_apply_every_offset);
PH_APPLY_DECL(ph_apply_whenmod);
PH_APPLY_DECL(ph_apply_when);
PH_APPLY_DECL(ph_apply_within);

/* conditional_layers.c */
PH_APPLY_DECL(ph_apply_superimpose);
PH_APPLY_DECL(ph_apply_layer);
PH_APPLY_DECL(ph_apply_off);
PH_APPLY_DECL(ph_apply_echo_with);
PH_APPLY_DECL(ph_apply_echo);
PH_APPLY_DECL(ph_apply_stut);
PH_APPLY_DECL(ph_apply_jux);
PH_APPLY_DECL(ph_apply_jux_by);

/* conditional_slices.c */
PH_APPLY_DECL(ph_apply_chop);
PH_APPLY_DECL(ph_apply_striate);

#endif
