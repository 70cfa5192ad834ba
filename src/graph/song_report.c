#include "graph/song_report.h"

int ph_song_report_faults(ph_song *s, FILE *out) {
  int told = 0;
  for (int i = 0; i < s->graph.count; i++) {
    ph_graph_node *node = &s->graph.nodes[i];
    unsigned blocks = atomic_load_explicit(&node->faults, memory_order_relaxed);
    if (!blocks || node->fault_reported) continue;
    node->fault_reported = true;
    ph_error e = {0};
    const char *source = s->program && node->origin >= 0 ? s->program->source : NULL;
    ph_error_set(&e, PH_WARNING, source, source ? (size_t)node->origin : 0,
                 "'%s' blew up (NaN, infinity or beyond 1e15): silenced and reset (%u block%s so far)", node->def->name, blocks,
                 blocks == 1 ? "" : "s");
    e.file = s->program ? s->program->file : NULL;
    ph_error_print(&e, out);
    told++;
  }
  return told;
}
