/* What a live reload keeps: the state of the nodes of every statement that did not change.
 * Nothing here allocates (the arrays are made at compile time), so the audio thread can match
 * and copy at the swap itself, against whichever song it is really playing. */
#include <string.h>

#include "graph/song.h"

bool ph_song_match(ph_song *next, const ph_song *current) {
  next->nheirs = 0;
  next->heirs_of = current;
  if (!next->heirs || !current || current->rate != next->rate || current->block != next->block) return next->heirs != NULL;
  int used = 0;
  for (int i = 0; i < next->nparts; i++) {
    const ph_song_part *np = &next->parts[i];
    for (int j = 0; j < current->nparts; j++) {
      const ph_song_part *cp = &current->parts[j];
      if (cp->key != np->key || cp->count != np->count) continue;
      bool taken = false;
      for (int u = 0; u < used && !taken; u++) taken = next->parts_used[u] == j;
      if (taken) continue;
      next->parts_used[used++] = j;
      for (int k = 0; k < np->count; k++) {
        const ph_graph_node *to = &next->graph.nodes[np->first + k], *from = &current->graph.nodes[cp->first + k];
        if (to->def != from->def || to->def->bound || to->twin >= 0) continue;
        int source = from->twin >= 0 ? from->twin : cp->first + k; /* a merged node's state is its twin's */
        next->heirs[next->nheirs++] = (ph_song_heir){np->first + k, source, to->def->state_size(&next->graph.cfg)};
      }
      break;
    }
  }
  return true;
}

void ph_song_inherit(ph_song *next, const ph_song *current) {
  if (current && current->dc_guard.on && current->rate == next->rate) next->dc_guard = current->dc_guard;
  if (current != next->heirs_of) return;
  for (int i = 0; i < next->nheirs; i++) {
    const ph_song_heir *h = &next->heirs[i];
    ph_graph_node *to = &next->graph.nodes[h->to];
    const ph_graph_node *from = &current->graph.nodes[h->from];
    if (h->bytes) memcpy(to->state, from->state, h->bytes);
    memcpy(to->last, from->last, sizeof to->last);
  }
  next->nheirs = 0; /* once */
}
