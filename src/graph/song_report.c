#include "graph/song_report.h"

#include "graph/pattern_signal.h"

static void warn(const ph_song *s, const ph_graph_node *node, const char *fmt, const char *what, unsigned blocks, FILE *out) {
  ph_error e = {0};
  const char *source = s->program && node->origin >= 0 ? s->program->source : NULL;
  ph_error_set(&e, PH_WARNING, source, source ? (size_t)node->origin : 0, fmt, what, blocks, blocks == 1 ? "" : "s");
  e.file = s->program ? s->program->file : NULL;
  ph_error_print(&e, out);
}

int ph_song_report_faults(ph_song *s, FILE *out) {
  int told = 0;
  for (int i = 0; i < s->graph.count; i++) {
    ph_graph_node *node = &s->graph.nodes[i];
    if (node->fault_reported) continue;
    unsigned blocks = atomic_load_explicit(&node->faults, memory_order_relaxed);
    const char *why = NULL;
    unsigned failed = node->def == &ph_unit_pattern_signal ? ph_patsig_failures(node->state, &why) : 0;
    if (blocks)
      warn(s, node, "'%s' blew up (NaN, infinity or beyond 1e15): silenced and reset (%u block%s so far)", node->def->name,
           blocks, out);
    else if (failed)
      warn(s, node, "this pattern could not be played: %s (%u block%s so far held the last value)", why, failed, out);
    else
      continue;
    node->fault_reported = true;
    told++;
  }
  return told;
}
