#include "voice/synth_voices.h"

#include <math.h>
#include <string.h>

#include "core/vectorise.h"
#include "graph/query_refusals.h"
#include "pattern/chords.h"
#include "pattern/ops.h"
#include "voice/controls.h"
#include "voice/onsets.h"

#define QUERY_BYTES (256u << 10)

typedef struct {
  bool on;         /* sounding or releasing */
  uint64_t serial; /* start order */
  double ratio;
  double level;    /* the envelope, 0..1 */
  double attack_step, decay_step, release_step; /* per sample */
  double sustain;     /* the level held after the decay */
  bool decaying;      /* past the attack's peak */
  int64_t release_at; /* the sample the release is due */
  int64_t release_from; /* the sample it started, at release_level: k samples on, k steps lower */
  double release_level;
  float gain, pan;
  bool releasing;
  bool woke; /* started from silence: its copy of the instrument starts anew */
} synth_voice;

/* What an output buffer already holds from earlier blocks: `value` in [0, to). A voice at rest
 * keeps its outputs as they are instead of writing the same numbers again every block. */
typedef struct {
  float value;
  int to;
} held;

enum { RATIO, LEVEL, PAN, HELD_OUTPUTS };
_Static_assert(HELD_OUTPUTS + 1 == PH_SYNTH_OUTPUTS_PER_VOICE, "a voice's outputs: the held ones, then its trigger");
_Static_assert(PH_SYNTH_VOICES * PH_SYNTH_OUTPUTS_PER_VOICE <= 32, "the steady outputs are the bits of a mask");

typedef struct {
  ph_synth_binding b;
  double sample_rate;
  int max_block;
  uint64_t serial;
  ph_error err;
  ph_query_refusals refused; /* blocks whose query was refused: they started no notes */
  ph_arena queries;
  ph_onsets onsets;
  synth_voice voices[PH_SYNTH_VOICES];
  held outputs[PH_SYNTH_VOICES][HELD_OUTPUTS];
  bool triggered[PH_SYNTH_VOICES]; /* a trigger output holds a 1 from the last block */
  _Alignas(16) unsigned char query_memory[];
} synth_state;

static size_t synth_size(const ph_dsp_config *cfg) { return sizeof(synth_state) + QUERY_BYTES; }

static void synth_reset(void *state) {
  synth_state *s = state;
  memset(s->voices, 0, sizeof s->voices);
  memset(s->outputs, 0, sizeof s->outputs);
  for (int k = 0; k < PH_SYNTH_VOICES; k++) s->triggered[k] = true;
  ph_onsets_clear(&s->onsets);
  if (s->b.sounding) memset(s->b.sounding, 0, sizeof(ph_gate) * PH_SYNTH_VOICES);
  s->serial = 0;
}

static void synth_init(void *state, const ph_dsp_config *cfg) {
  synth_state *s = state;
  memset(&s->b, 0, sizeof s->b);
  s->sample_rate = cfg->sample_rate;
  s->max_block = cfg->max_block;
  ph_error_clear(&s->err);
  ph_query_refusals_init(&s->refused);
  ph_arena_init_over(&s->queries, s->query_memory, QUERY_BYTES);
  synth_reset(s);
}

void ph_synth_voices_bind(void *state, const ph_synth_binding *b) {
  synth_state *s = state;
  s->b = *b;
  ph_onsets_clear(&s->onsets);
}

static bool plays(const synth_state *s, const ph_hap *e) {
  if (!s->b.name) return true;
  if (e->value.kind != PH_VAL_MAP) return false;
  const ph_value *v = ph_map_get(e->value.as.map, "s");
  if (!v || v->kind != PH_VAL_STR) return false;
  size_t len = strcspn(v->as.str, ":");
  return strlen(s->b.name) == len && !strncmp(v->as.str, s->b.name, len);
}

/* Beyond any pitch (a note name, plus n, over an instrument's root of a fraction of a hertz). */
#define MAX_RATIO 1e9

/* The pitch ratios of an event: one, or a chord's; 0 when a note is not a number or name. */
static int ratios_of(const synth_state *s, const ph_hap *e, const ph_dsp_inputs *in, int at, double *ratio) {
  const ph_vmap *m = e->value.kind == PH_VAL_MAP ? e->value.as.map : NULL;
  double n = ph_control_or(ph_control(m, in, PH_CTL_N, at, NULL), 0.0);
  const ph_value *note = m ? ph_map_get(m, "note") : NULL;
  if (!note && m) note = ph_map_get(m, "up");
  double midi[PH_CHORD_MAX_NOTES];
  int count = 0;
  if (note && note->kind == PH_VAL_STR && (ph_chord_notes(note->as.str, 4, midi, &count) || ph_note_midi(note->as.str, 4, midi))) {
    if (!count) count = 1;
    /* a name: its frequency replaces the root's */
    for (int i = 0; i < count; i++)
      ratio[i] = ph_dsp_clamp(440.0 * pow(2.0, (midi[i] + n - 69.0) / 12.0) / s->b.root_hz, 0.0, MAX_RATIO);
    return count;
  }
  double semitones = ph_control_or(ph_control(m, in, PH_CTL_NOTE, at, "up"), 0.0) + n;
  ratio[0] = pow(2.0, ph_dsp_clamp(semitones, -128.0, 128.0) / 12.0);
  return 1;
}

static void start(synth_state *s, const ph_hap *e, const ph_dsp_inputs *in, int at, int64_t now, double ratio, double share) {
  const ph_vmap *m = e->value.kind == PH_VAL_MAP ? e->value.as.map : NULL;
  int pick = 0;
  for (int k = 0; k < PH_SYNTH_VOICES; k++) {
    if (!s->voices[k].on) {
      pick = k;
      break;
    }
    if (s->voices[k].serial < s->voices[pick].serial) pick = k;
  }
  synth_voice *v = &s->voices[pick];
  double sr = s->sample_rate, cps = ph_rat_to_double(s->b.controls.clock->cps);
  double seconds = e->has_whole ? ph_rat_to_double(ph_span_duration(e->whole)) / cps : 0.0;
  double sustain = ph_control(m, in, PH_CTL_SUSTAIN, at, NULL), legato = ph_control(m, in, PH_CTL_LEGATO, at, NULL);
  double length = !isnan(sustain) ? sustain : !isnan(legato) ? legato * seconds : seconds;
  double attack = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_ATTACK, at, NULL), 0.01), 0.0, 60.0);
  double release = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_RELEASE, at, NULL), 0.3), 0.0, 60.0);
  double decay = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_DECAY, at, NULL), 0.0), 0.0, 60.0);
  double gain = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_GAIN, at, NULL), 1.0), 0.0, 10.0) *
                ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_VELOCITY, at, NULL), 1.0), 0.0, 10.0);
  double pan = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_PAN, at, NULL), 0.5), 0.0, 1.0);
  v->woke = !v->on;
  v->on = true;
  v->serial = ++s->serial;
  v->ratio = ratio;
  v->gain = (float)(gain * share);
  v->pan = (float)(pan * 2.0 - 1.0);
  v->attack_step = 1.0 / fmax(1.0, attack * sr);
  v->release_step = 1.0 / fmax(1.0, release * sr);
  v->sustain = ph_control_sustain_level(m);
  v->decay_step = (1.0 - v->sustain) / fmax(1.0, decay * sr);
  v->decaying = false;
  v->release_at = now + (int64_t)llround(ph_dsp_clamp(length, 0.0, 3600.0) * sr);
  v->releasing = false;
}

/* Samples [begin, end) sound, from silence when fresh: joined to the last span when they
 * follow it. */
static void sounds(ph_gate *g, int begin, int end, bool fresh) {
  if (end <= begin) return;
  if ((g->count && g->span[g->count - 1].end == begin && !fresh) || g->count == PH_GATE_SPANS) {
    g->span[g->count - 1].end = end;
    return;
  }
  g->span[g->count].begin = begin;
  g->span[g->count].end = end;
  g->span[g->count++].fresh = fresh;
}

static void fill(float *restrict y, int from, int to, float v) {
  for (int i = from; i < to; i++) y[i] = v;
}

static bool same(float a, float b) { return !memcmp(&a, &b, sizeof a); }

/* Samples from `from` on are being written otherwise. */
static void unhold(held *h, int from) {
  if (h->to > from) h->to = from;
}

/* y[from, to) = v, unless y holds v there already. */
static void fill_held(float *restrict y, held *h, int from, int to, float v) {
  if (to <= h->to && same(v, h->value)) return;
  fill(y, from, to, v);
  if (from <= h->to && same(v, h->value)) h->to = to;
  else if (from == 0) *h = (held){v, to};
  else unhold(h, from);
}

/* y[j] = (top − (k + j)·step)·gain for j in [0, n). */
PH_VECTORISED
static void ramp_down(float *restrict y, int n, double top, double k, double step, double gain) {
  for (int j = 0; j < n; j++) y[j] = (float)((top - (k + (double)j) * step) * gain);
}

/* The last of the steps k = 1, 2, ... down from top that stay above 0 (0 when none does). */
static int64_t above_zero(double top, double step) {
  double guess = ceil(top / step) - 1.0;
  int64_t k = guess < 0.0 ? 0 : guess > 1e15 ? (int64_t)1e15 : (int64_t)guess;
  while (k > 0 && !(top - (double)k * step > 0.0)) k--;
  while (top - (double)(k + 1) * step > 0.0) k++;
  return k;
}

/* Voice v's envelope over samples [from, to) of the block that starts at sample `start`:
 * attack to 1, decay to the sustain level, held until release_at, released to 0. Each phase
 * is a loop of its own; the attack and decay step exactly as one sample at a time would,
 * the release is a function of the samples since it began: neither depends on the blocks. */
static void run_voice(synth_voice *v, float *restrict level, held *h, ph_gate *sounding, int from, int to, int64_t start) {
  if (from >= to) return;
  const double gain = v->gain;
  bool was_on = v->on, fresh = v->woke;
  v->woke = false;
  double lv = v->level;
  int i = from;
  if (v->on) unhold(h, from);
  if (v->on && !v->releasing) {
    int64_t until = v->release_at - start;
    int held_to = until < from ? from : until > to ? to : (int)until;
    for (; i < held_to && !v->decaying; i++) {
      lv = fmin(1.0, lv + v->attack_step);
      v->decaying = lv >= 1.0;
      level[i] = (float)(lv * gain);
    }
    for (; i < held_to && lv > v->sustain; i++) {
      lv = fmax(v->sustain, lv - v->decay_step);
      level[i] = (float)(lv * gain);
    }
    fill(level, i, held_to, (float)(lv * gain));
    i = held_to;
    if (i < to) v->releasing = true, v->release_from = start + i, v->release_level = lv;
  }
  if (v->on && v->releasing) {
    /* the level k samples into the release, a product rather than k subtractions: the same
     * whatever the blocks, and a loop without a chain of dependent steps */
    const double top = v->release_level, step = v->release_step;
    int64_t k0 = start + i - v->release_from + 1, last = above_zero(top, step);
    int n = last - k0 + 1 < to - i ? (int)(last - k0 + 1) : to - i;
    if (n < 0) n = 0;
    const double k = (double)k0;
    ramp_down(level + i, n, top, k, step, gain);
    i += n;
    if (n > 0) lv = top - (k + (double)(n - 1)) * step;
    if (i < to) {
      lv = 0.0, v->on = false;
      level[i++] = (float)(lv * gain);
    }
  }
  if (was_on && sounding) sounds(sounding, from, i, fresh);
  fill_held(level, h, i, to, (float)(lv * gain));
  v->level = lv;
}

/* Samples [from, to) of every voice: the envelopes run, pitch and pan held. */
static void run_voices(synth_state *s, float *const *out, int from, int to, int64_t start) {
  for (int k = 0; k < PH_SYNTH_VOICES; k++) {
    synth_voice *v = &s->voices[k];
    held *h = s->outputs[k];
    fill_held(out[4 * k], &h[RATIO], from, to, (float)v->ratio);
    run_voice(v, out[4 * k + 1], &h[LEVEL], s->b.sounding ? &s->b.sounding[k] : NULL, from, to, start);
    fill_held(out[4 * k + 2], &h[PAN], from, to, v->pan);
  }
}

/* The notes of event e, started at sample i of the block. */
static void start_event(synth_state *s, const ph_hap *e, const ph_dsp_inputs *in, float *const *out, int i, int64_t now) {
  double ratio[PH_CHORD_MAX_NOTES];
  int n = ratios_of(s, e, in, i, ratio);
  for (int t = 0; t < n; t++) {
    start(s, e, in, i, now, ratio[t], 1.0 / sqrt(n));
    /* the trigger of the voice just taken */
    int k = 0;
    for (int j = 1; j < PH_SYNTH_VOICES; j++)
      if (s->voices[j].serial > s->voices[k].serial) k = j;
    out[4 * k + 3][i] = 1.0f;
    s->triggered[k] = true;
  }
}

static void synth_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  synth_state *s = state;
  for (int k = 0; k < PH_SYNTH_VOICES; k++) {
    if (s->triggered[k]) memset(out[4 * k + 3], 0, sizeof(float) * (size_t)s->max_block);
    s->triggered[k] = false;
    if (s->b.sounding) s->b.sounding[k].count = 0;
  }
  int64_t start_sample = s->b.controls.block_start ? *s->b.controls.block_start : 0;
  const ph_clock *c = s->b.controls.clock;
  bool querying = s->b.controls.controls && c;
  if (querying)
    ph_onsets_cover(&s->onsets, s->b.controls.controls, s->b.controls.per_block, &s->queries, c, start_sample, frames,
                    &s->err, &s->refused);
  /* The voices run up to each onset; the onset's notes start on its sample. */
  int done = 0;
  for (const ph_onset *o; querying && (o = ph_onsets_next(&s->onsets, start_sample, start_sample + frames));) {
    const ph_hap *e = o->hap;
    if (!plays(s, e)) continue;
    int64_t at = o->at - start_sample;
    if (at < done) at = done;
    run_voices(s, out, done, (int)at, start_sample);
    done = (int)at;
    start_event(s, e, in, out, done, start_sample + done);
  }
  run_voices(s, out, done, frames, start_sample);
}

/* The held outputs that held over the whole last block; the triggers that did not fire in it. */
static uint32_t synth_steady(const void *state, float *const *out, int frames) {
  const synth_state *s = state;
  uint32_t mask = 0;
  for (int k = 0; k < PH_SYNTH_VOICES; k++) {
    uint32_t voice = (uint32_t)!s->triggered[k] << HELD_OUTPUTS;
    for (int h = 0; h < HELD_OUTPUTS; h++) voice |= (uint32_t)(s->outputs[k][h].to >= frames) << h;
    mask |= voice << (PH_SYNTH_OUTPUTS_PER_VOICE * k);
  }
  return mask;
}

/* Held ratios (at most MAX_RATIO), levels (gain and velocity at most 10 each, the envelope
 * at most 1), pans within ±1, triggers of 1. */
static float synth_max_out(const float *in_max) {
  (void)in_max;
  return (float)MAX_RATIO;
}

static unsigned synth_refused(const void *state, const char **why) {
  return ph_query_refusals_get(&((const synth_state *)state)->refused, why);
}

const ph_unit_def ph_unit_synth_voices = {
    .name = "synth_voices",
    .aliases = NULL,
    .doc = "hands the events of a pattern to the copies of a bus played as voices",
    .params = ph_voice_controls,
    .nparams = PH_CONTROL_COUNT,
    .noutputs = PH_SYNTH_VOICES * PH_SYNTH_OUTPUTS_PER_VOICE,
    .state_size = synth_size,
    .init = synth_init,
    .process = synth_process,
    .steady = synth_steady,
    .reset = synth_reset,
    .bound = true,
    .refused = synth_refused,
    .max_out = synth_max_out,
};

int ph_synth_voices_sounding(const void *state) {
  const synth_state *s = state;
  int n = 0;
  for (int k = 0; k < PH_SYNTH_VOICES; k++) n += s->voices[k].on;
  return n;
}
