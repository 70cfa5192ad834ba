/* Which names are pattern transforms, for the order of `$`: the catalog's transforms plus the
 * transform names of the language spec (Part II §5.1, Part I rule 17) not yet in the catalog. */
#include <string.h>

#include "lang/parser.h"
#include "pattern/registry.h"

static const char *const spec_transforms[] = {
    "fast", "slow", "hurry", "squeeze", "rev", "palindrome", "mirror", "loopback", "degrade", "degradeBy",
    "degrade_by", "degradeSeed", "undegrade", "stutter", "stut", "echo", "shuffle", "scramble", "chop",
    "striate", "stripe", "bite", "slice", "splice", "struct", "euclid", "swing", "swingBy", "groove",
    "legato", "staccato", "stretch", "dur", "segment", "zoom", "compress", "compressGap", "focus", "trim",
    "fastGap", "spin", "gap", "late", "early", "offset", "wait", "dup", "fit", "rot", "rotL", "rotR",
    "trunc", "iter", "iterBack", "ply", "linger", "chew", "discretise", "binary", "reset", "restart",
    "loopAt", "accelerate", "humanize", "every", "every'", "whenmod", "foldEvery", "sometimes",
    "sometimesBy", "often", "rarely", "almostAlways", "almostNever", "always", "within", "inside",
    "outside", "chunk", "superimpose", "off", "jux", "juxBy", "quantize", "smooth", "walk", "mask",
    "weave", "press", "pressBy", "ghost", "ghostWith", "layer", "someCycles", "when", NULL,
};

bool ph_is_transform_name(const char *name) {
  for (int i = 0; spec_transforms[i]; i++)
    if (strcmp(spec_transforms[i], name) == 0) return true;
  return ph_transform_find(name) != NULL;
}
