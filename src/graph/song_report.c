#include "graph/song_report.h"

#include "graph/pattern_signal.h"

static void warn(const ph_song *s, const ph_graph_node *node, const char *fmt, const char *what, unsigned blocks, FILE *out) {
  ph_error e = {0};
  const char *source = s->program && node->origin >= 0 ? s->program->source : NULL;
  ph_error_set(&e, PH_WARNING, source, source ? (size_t)node->origin : 0, fmt, what, blocks, blocks == 1 ? "" : "s");
  e.file = s->program ? s->program->file : NULL;
  ph_error_print(&e, out);
}

static unsigned refused(const ph_graph_node *node, const char **why) {
  return node->def->refused ? node->def->refused(node->state, why) : 0;
}

/* The copies of node i's unit made from the same expression (one per voice of an instrument
 * that holds it) are one player: said once, with the most blocks any of them had refused. */
static unsigned most_refused_of_copies(ph_song *s, int i, unsigned blocks) {
  const ph_graph_node *node = &s->graph.nodes[i];
  for (int j = i + 1; j < s->graph.count; j++) {
    ph_graph_node *copy = &s->graph.nodes[j];
    if (copy->def != node->def || copy->origin != node->origin || copy->fault_reported) continue;
    const char *why;
    unsigned n = refused(copy, &why);
    if (n > blocks) blocks = n;
    copy->fault_reported = !atomic_load_explicit(&copy->faults, memory_order_relaxed); /* a blow-up is its own */
  }
  return blocks;
}

int ph_song_report_faults(ph_song *s, FILE *out) {
  int told = 0;
  for (int i = 0; i < s->graph.count; i++) {
    ph_graph_node *node = &s->graph.nodes[i];
    if (node->fault_reported) continue;
    unsigned blocks = atomic_load_explicit(&node->faults, memory_order_relaxed);
    const char *why = NULL;
    unsigned failed = refused(node, &why);
    if (blocks)
      warn(s, node, "'%s' blew up (NaN, infinity or beyond 1e15): silenced and reset (%u block%s so far)", node->def->name,
           blocks, out);
    else if (failed && node->def == &ph_unit_pattern_signal)
      warn(s, node, "this pattern could not be played: %s (%u block%s so far held the last value)", why,
           most_refused_of_copies(s, i, failed), out);
    else if (failed) /* sample or synth voices */
      warn(s, node, "this pattern could not be played: %s (%u block%s so far started no voices)", why,
           most_refused_of_copies(s, i, failed), out);
    else
      continue;
    node->fault_reported = true;
    told++;
  }
  return told;
}
