/* The sum of a synth's voices: the copies of its instrument added to what came before them,
 * each only in the samples where its voice sounds (elsewhere its level, and so the copy, is
 * zero). The same samples as a chain of adds, without adding the silent copies' zeros. */
#ifndef PH_GRAPH_VOICE_MIX_H
#define PH_GRAPH_VOICE_MIX_H

#include "graph/graph.h"

#define PH_VOICE_MIX_MAX 16

/* Parameters: base L, base R, then copy k's L and R at 2 + 2k and 3 + 2k; outputs L, R. */
extern const ph_unit_def ph_unit_voice_mix;
/* `voices` copies (at most PH_VOICE_MIX_MAX), where each sounds, one channel or two. */
void ph_voice_mix_bind(void *state, const ph_gate *sounding, int voices, bool stereo);

#endif
