/* Conditional, layering and rhythmic transforms: the one table listing them all. */
#include "pattern/conditional.h"

const ph_transform_def ph_transforms_conditional[] = {
    /* conditional_cycles.c */
    {"every", NULL, 2, "n transform", ph_apply_every, "apply the transform on cycles where cycle mod n is 0"},
    {"firstOf", NULL, 2, "n transform", ph_apply_first_of, "apply the transform on the first of every n cycles"},
    {"lastOf", NULL, 2, "n transform", ph_apply_last_of, "apply the transform on the last of every n cycles"},
    {"every'", NULL, 3, "n offset transform", ph_apply_every_offset,
     "apply the transform on cycles where cycle mod n is offset (Tidal)"},
    {"whenmod", NULL, 3, "period start transform", ph_apply_whenmod,
     "apply the transform on cycles where cycle mod period >= start (Tidal)"},
    {"when", "while", 2, "condition transform", ph_apply_when,
     "apply the transform where the boolean pattern is true"},
    {"within", NULL, 3, "begin end transform", ph_apply_within,
     "apply the transform to the events starting within [begin, end] of the cycle"},
    /* conditional_layers.c */
    {"superimpose", NULL, 1, "transform", ph_apply_superimpose, "play the pattern and the transformed pattern"},
    {"layer", NULL, 2, "transform transform", ph_apply_layer, "stack the results of the two transforms"},
    {"off", NULL, 2, "time transform", ph_apply_off, "superimpose the transform of the pattern shifted later by time"},
    {"echoWith", "echowith stutWith stutwith", 3, "times time transform", ph_apply_echo_with,
     "stack times copies, each shifted by time and transformed once more"},
    {"echo", NULL, 3, "times time feedback", ph_apply_echo,
     "stack times copies shifted by time, gain multiplied by feedback each"},
    {"stut", NULL, 3, "times feedback time", ph_apply_stut, "echo with Tidal's argument order"},
    {"jux", NULL, 1, "transform", ph_apply_jux, "pattern panned left, its transform panned right"},
    {"juxBy", "juxby", 2, "amount transform", ph_apply_jux_by, "jux with the stereo width amount (0 to 1)"},
    /* conditional_slices.c */
    {"chop", NULL, 1, "parts", ph_apply_chop, "cut each event's sample into parts played in turn"},
    {"striate", NULL, 1, "parts", ph_apply_striate, "play the pattern parts times per cycle, each with the next part of each sample"},
    /* euclid_transforms.c */
    {"euclid", NULL, 2, "pulses steps", ph_apply_euclid, "play pat on a Euclidean rhythm of pulses in steps"},
    {"euclidRot", "euclidrot", 3, "pulses steps rotation", ph_apply_euclid_rot,
     "euclid, the rhythm rotated right by rotation steps (Strudel's bd(3,8,2))"},
    {"euclidLegato", NULL, 2, "pulses steps", ph_apply_euclid_legato, "euclid, each onset held until the next"},
    {"euclidLegatoRot", NULL, 3, "pulses steps rotation", ph_apply_euclid_legato_rot,
     "euclidLegato, shifted later by rotation steps"},
    {"euclidInv", NULL, 2, "pulses steps", ph_apply_euclid_inv, "play pat on the rests of the Euclidean rhythm"},
    {"euclidFull", NULL, 3, "pulses steps other", ph_apply_euclid_full, "euclid for pat, other on the rests (Tidal)"},
    {"euclidOff", "eoff", 3, "pulses steps offset", ph_apply_euclid_off,
     "euclid shifted earlier by offset steps (Tidal's euclidOff)"},
    {"euclidOffFull", NULL, 4, "pulses steps offset other", ph_apply_euclid_off_full,
     "euclidOff for pat, other on the rests (Tidal)"},
    {0},
};
