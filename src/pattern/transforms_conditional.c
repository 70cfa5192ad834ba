/* Conditional, layering and rhythmic transforms: the one table listing them all. */
#include "pattern/conditional.h"

const ph_transform_def ph_transforms_conditional[] = {
    {"euclid", NULL, 2, "pulses steps", ph_apply_euclid, "play pat on a Euclidean rhythm of pulses in steps"},
    {"euclidRot", "euclidrot", 3, "pulses steps rotation", ph_apply_euclid_rot,
     "euclid, the rhythm rotated right by rotation steps (Strudel's bd(3,8,2))"},
    {"euclidLegato", NULL, 2, "pulses steps", ph_apply_euclid_legato, "euclid, each onset held until the next"},
    {"euclidLegatoRot", NULL, 3, "pulses steps rotation", ph_apply_euclid_legato_rot,
     "euclidLegato, shifted later by rotation steps"},
    {"euclidInv", NULL, 2, "pulses steps", ph_apply_euclid_inv, "play pat on the rests of the Euclidean rhythm"},
    {"euclidFull", NULL, 3, "pulses steps other", ph_apply_euclid_full,
     "euclid for pat, other on the rests (Tidal)"},
    {"euclidOff", "eoff", 3, "pulses steps offset", ph_apply_euclid_off,
     "euclid shifted earlier by offset steps (Tidal's euclidOff)"},
    {"euclidOffFull", NULL, 4, "pulses steps offset other", ph_apply_euclid_off_full,
     "euclidOff for pat, other on the rests (Tidal)"},
    {0},
};
