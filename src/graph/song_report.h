/* What a song's safety net did while it played, said off the audio thread: whoever plays a
 * song calls this between blocks (render at the end, live from its control loop). */
#ifndef PH_GRAPH_SONG_REPORT_H
#define PH_GRAPH_SONG_REPORT_H

#include <stdio.h>

#include "graph/song.h"

/* Each node that blew up (and was silenced and reset, graph.h), and each pattern whose queries
 * were refused (too many events in a block, a range too long: query_refusals.h) where it is
 * heard as a signal or played as sample or synth voices, once in the song's life: a warning at
 * the expression that made it, with its line and a caret and the blocks so far. The copies of
 * a player in each voice of an instrument are said once. Returns how many it wrote. */
int ph_song_report_faults(ph_song *s, FILE *out);

#endif
