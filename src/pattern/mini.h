/* Mini-notation: the little language inside pattern strings, with Strudel's meaning. */
#ifndef PH_PATTERN_MINI_H
#define PH_PATTERN_MINI_H

#include "pattern/pattern.h"

/* Parses src into a pattern allocated from a. On a malformed string returns NULL and sets
 * err with the offset of the problem in src (err->source = src, column = offset + 1). */
ph_pat *ph_mini_parse(ph_arena *a, const char *src, ph_error *err);

#endif
