#include "graph/pattern_signal.h"

#include <math.h>
#include <stdatomic.h>
#include <string.h>

#include "graph/query_refusals.h"
#include "graph/query_window.h"
#include "pattern/ops.h"

/* An event of the window, in samples, with what each form reads of its value. */
typedef struct {
  int64_t from, to, onset; /* its part, and its whole's start */
  float number;            /* the value as a number, when it has one */
  bool has_whole, has_onset, is_number, is_true;
} patsig_event;

/* The events are queried a window of blocks at a time (graph/query_window.h): the events of a
 * window, in query order, give each block of it what a query of the block alone gives. */
typedef struct {
  ph_patsig_binding b;
  float held; /* the value between events */
  ph_error err; /* a failed query plays the held value... */
  ph_query_refusals refused; /* ...and is counted, its message kept for the control side */
  ph_query_window window;
  patsig_event *events; /* in query order, in the query memory */
  size_t count;
  ph_arena queries;
  _Alignas(16) unsigned char query_memory[];
} patsig_state;

static size_t patsig_size(const ph_dsp_config *cfg) { return sizeof(patsig_state) + PH_PATSIG_QUERY_BYTES; }

static void patsig_init(void *state, const ph_dsp_config *cfg) {
  patsig_state *s = state;
  s->b = (ph_patsig_binding){0};
  s->held = 0;
  s->window = (ph_query_window){0};
  s->count = 0;
  ph_error_clear(&s->err);
  ph_query_refusals_init(&s->refused);
  ph_arena_init_over(&s->queries, s->query_memory, PH_PATSIG_QUERY_BYTES);
}

void ph_patsig_bind(void *state, const ph_patsig_binding *b) { ((patsig_state *)state)->b = *b; }

unsigned ph_patsig_failures(const void *state, const char **first) {
  return ph_query_refusals_get(&((const patsig_state *)state)->refused, first);
}

bool ph_note_to_hz(const char *name, double *hz) {
  double midi;
  if (!ph_note_midi(name, 4, &midi)) return false;
  *hz = 440.0 * pow(2.0, (midi - 69.0) / 12.0);
  return true;
}

static bool value_number(ph_value v, float *out) {
  double x;
  switch (v.kind) {
  case PH_VAL_NUM: *out = (float)v.as.num; return true;
  case PH_VAL_BOOL: *out = v.as.b ? 1.0f : 0.0f; return true;
  case PH_VAL_STR:
    if (!strcmp(v.as.str, "~")) {
      *out = 0.0f;
      return true;
    }
    if (ph_value_to_num(v, &x) || ph_note_to_hz(v.as.str, &x)) {
      *out = (float)x;
      return true;
    }
    return false;
  default: return false;
  }
}

static bool value_true(ph_value v) {
  if (v.kind == PH_VAL_STR) return !strcmp(v.as.str, "t") || !strcmp(v.as.str, "x") || !strcmp(v.as.str, "1") ||
                                   !strcmp(v.as.str, "true");
  return ph_value_truthy(v);
}

/* The events of `haps` as the block loop reads them, into the query memory; false if it is full. */
static bool keep_events(patsig_state *s, const ph_haps *haps) {
  const ph_clock *c = s->b.clock;
  s->events = PH_ARENA_ARRAY(&s->queries, patsig_event, haps->count ? haps->count : 1);
  s->count = 0;
  if (!s->events) return false;
  for (size_t h = 0; h < haps->count; h++) {
    const ph_hap *e = &haps->items[h];
    patsig_event *v = &s->events[s->count++];
    *v = (patsig_event){.has_whole = e->has_whole};
    if (!e->has_whole) continue;
    v->from = ph_clock_sample_of(c, e->part.begin);
    v->to = ph_clock_sample_of(c, e->part.end);
    v->onset = ph_clock_sample_of(c, e->whole.begin);
    v->has_onset = ph_hap_has_onset(e);
    v->is_true = value_true(e->value);
    v->is_number = s->b.mode == PH_PATSIG_VALUE && value_number(e->value, &v->number);
  }
  return true;
}

typedef struct {
  patsig_state *s;
  int ahead; /* samples looked at past the block */
} patsig_query;

static bool query(void *ctx, int64_t start, int length, bool last) {
  const patsig_query *q = ctx;
  patsig_state *s = q->s;
  ph_arena_reset(&s->queries);
  ph_error_clear(&s->err);
  ph_span span = ph_clock_block_span(s->b.clock, start, length + q->ahead);
  ph_haps haps = ph_pat_query_span(s->b.pat, &s->queries, span, &s->err);
  if (ph_error_is_set(&s->err) && !last) return true;
  if (!keep_events(s, &haps) && !ph_error_is_set(&s->err)) ph_error_set(&s->err, PH_ERR_MEMORY, NULL, 0, PH_QUERY_FULL);
  return ph_error_is_set(&s->err);
}

static void patsig_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  patsig_state *s = state;
  float *y = out[0];
  if (!s->b.pat || !s->b.clock) {
    for (int i = 0; i < frames; i++) y[i] = 0;
    return;
  }
  int64_t start = *s->b.block_start;
  /* A gate looks one sample ahead: an event that starts right where another ends must be
   * heard as a new note, so the gate drops for the one sample before each onset. */
  bool gate = s->b.mode == PH_PATSIG_GATE;
  if (ph_query_window_cover(&s->window, s->b.samples_signals, start, frames, query, &(patsig_query){s, gate ? 1 : 0}))
    ph_query_refused(&s->refused, &s->err);
  /* Which event covers each sample: the first in query order wins. */
  for (int i = 0; i < frames; i++) y[i] = NAN; /* NaN marks "not covered yet" */
  for (size_t h = 0; h < s->count; h++) {
    const patsig_event *e = &s->events[h];
    if (!e->has_whole) continue;
    int64_t a = e->from - start, b = e->to - start;
    if (a < 0) a = 0;
    if (b > frames) b = frames;
    float v = 0;
    switch (s->b.mode) {
    case PH_PATSIG_VALUE:
      if (!e->is_number) continue;
      v = e->number;
      break;
    case PH_PATSIG_GATE: v = e->is_true ? 1.0f : 0.0f; break;
    case PH_PATSIG_TRIGGER:
      if (e->has_onset && a < frames && e->onset - start >= 0 && e->is_true) y[a] = 1.0f;
      continue;
    }
    for (int64_t i = a; i < b; i++)
      if (isnan(y[i])) y[i] = v;
  }
  for (size_t h = 0; gate && h < s->count; h++) {
    const patsig_event *e = &s->events[h];
    if (!e->has_onset || !e->is_true) continue;
    int64_t a = e->onset - start;
    if (a >= 1 && a <= frames) y[a - 1] = 0.0f;
  }
  for (int i = 0; i < frames; i++) {
    if (isnan(y[i])) y[i] = s->b.mode == PH_PATSIG_VALUE ? s->held : 0.0f;
    if (s->b.mode == PH_PATSIG_VALUE) s->held = y[i];
  }
}

static uint32_t patsig_steady(const void *state, float *const *out, int frames) { return ph_dsp_held(out[0], frames); }

/* Signals the pattern reads (a bus as a transform's argument): connected here only so that
 * the graph runs them first; process does not look at them. */
static const ph_param_def patsig_params[] = {
    {"after1", "", 0, -INFINITY, INFINITY, false, false, "a signal the pattern samples"},
    {"after2", "", 0, -INFINITY, INFINITY, false, false, "a signal the pattern samples"},
    {"after3", "", 0, -INFINITY, INFINITY, false, false, "a signal the pattern samples"},
    {"after4", "", 0, -INFINITY, INFINITY, false, false, "a signal the pattern samples"},
};

const ph_unit_def ph_unit_pattern_signal = {
    .name = "pattern",
    .aliases = NULL,
    .doc = "a pattern as a stepped signal, a trigger or a gate",
    .params = patsig_params,
    .nparams = PH_DSP_NPARAMS(patsig_params),
    .noutputs = 1,
    .state_size = patsig_size,
    .init = patsig_init,
    .process = patsig_process,
    .steady = patsig_steady,
    .reset = NULL,
    .bound = true,
    .refused = ph_patsig_failures,
};
