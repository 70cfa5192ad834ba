#include "voice/sampler.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dsp/catalog.h"
#include "graph/query_refusals.h"
#include "pattern/chords.h"
#include "pattern/ops.h"
#include "voice/controls.h"
#include "voice/onsets.h"
#include "voice/synth_voices.h"
#include "voice/voice.h"

#define QUERY_BYTES (1024u << 10) /* a block's events: about 1000 voices' worth */
#define FADE_SECONDS 0.008

typedef struct {
  ph_sampler_binding b;
  const ph_bank *bank;
  double sample_rate;
  uint64_t serial;
  int sounding; /* voices on at the end of the last block */
  int used;     /* every slot from this one on is free */
  ph_error err;
  ph_query_refusals refused; /* blocks whose query was refused: they started no voices */
  ph_arena queries;
  ph_onsets onsets;
  ph_voice voices[PH_SAMPLER_SLOTS];
  _Alignas(16) unsigned char query_memory[];
} sampler_state;

static size_t sampler_size(const ph_dsp_config *cfg) { return sizeof(sampler_state) + QUERY_BYTES; }

static void sampler_reset(void *state) {
  sampler_state *s = state;
  for (int i = 0; i < PH_SAMPLER_SLOTS; i++) s->voices[i].state = PH_VOICE_FREE;
  s->serial = 0;
  s->used = 0;
  ph_onsets_clear(&s->onsets);
}

static void sampler_init(void *state, const ph_dsp_config *cfg) {
  sampler_state *s = state;
  s->b = (ph_sampler_binding){0};
  s->bank = NULL;
  s->sample_rate = cfg->sample_rate;
  ph_error_clear(&s->err);
  ph_query_refusals_init(&s->refused);
  ph_arena_init_over(&s->queries, s->query_memory, QUERY_BYTES);
  sampler_reset(s);
}

static void sampler_bind(void *state, const ph_sampler_binding *b, const void *bank) {
  sampler_state *s = state;
  s->b = *b;
  s->bank = bank;
  ph_onsets_clear(&s->onsets);
}

/* The sample an event names, or NULL (nothing to play). */
static const ph_sample *sample_of(sampler_state *s, const ph_vmap *m, double n) {
  const ph_value *v = m ? ph_map_get(m, "s") : NULL;
  if (!v || v->kind != PH_VAL_STR || !s->bank) return NULL;
  const char *spec = v->as.str;
  if (!spec[0] || spec[0] == '~') return NULL;
  if (!strncmp(spec, "super", 5) && ph_dsp_unit_find(spec)) return NULL; /* a synth's voices play it */
  if (isnan(n)) return ph_bank_lookup(s->bank, spec);
  char name[PH_BANK_MISSING_NAME_MAX];
  size_t len = strcspn(spec, ":");
  snprintf(name, sizeof name, "%.*s", (int)len, spec);
  return ph_bank_get(s->bank, name, (int)floor(fmin(n, 1e6) + 0.5));
}

/* The voice an event asks for; false when it plays nothing. */
static bool params_of(sampler_state *s, const ph_hap *e, const ph_dsp_inputs *in, int at, double chord_note, double chord_gain,
                      ph_voice_params *p) {
  const ph_vmap *m = e->value.kind == PH_VAL_MAP ? e->value.as.map : NULL;
  const ph_sample *smp = sample_of(s, m, ph_control(m, in, PH_CTL_N, at, NULL));
  if (!smp || smp->frames == 0) return false;
  double sr = s->sample_rate, cps = ph_rat_to_double(s->b.clock->cps);
  double begin = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_BEGIN, at, NULL), 0.0), 0.0, 1.0);
  double end = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_END, at, NULL), 1.0), 0.0, 1.0);
  if (end <= begin) return false;
  double frames = (double)smp->frames;
  double speed = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_SPEED, at, NULL), 1.0), -100.0, 100.0);
  double note = ph_dsp_clamp(isnan(chord_note) ? ph_control_or(ph_control(m, in, PH_CTL_NOTE, at, "up"), 0.0) : chord_note, -128.0, 128.0);
  const ph_value *unit = m ? ph_map_get(m, "unit") : NULL;
  if (unit && unit->kind == PH_VAL_STR && !unit->as.str[0]) unit = NULL; /* unset: a signal gives it */
  bool cycles = unit ? (unit->kind == PH_VAL_STR ? !strcmp(unit->as.str, "c") : ph_value_truthy(*unit))
                     : ph_control(m, in, PH_CTL_UNIT, at, NULL) > 0.5;
  double rate = speed * pow(2.0, note / 12.0);
  /* unit c: the whole sample lasts 1/speed cycles (a segment its share), as in SuperDirt */
  if (cycles) rate = speed * frames / sr * cps * pow(2.0, note / 12.0);
  double event_seconds = e->has_whole ? ph_rat_to_double(ph_span_duration(e->whole)) / cps : 0.0;
  double sustain = ph_control(m, in, PH_CTL_SUSTAIN, at, NULL), legato = ph_control(m, in, PH_CTL_LEGATO, at, NULL);
  double attack = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_ATTACK, at, NULL), 0.0), 0.0, 60.0);
  double hold = ph_control(m, in, PH_CTL_HOLD, at, NULL);
  bool loop = ph_control(m, in, PH_CTL_LOOP, at, NULL) > 0.5;
  double length = -1.0;
  if (!isnan(sustain)) length = sustain;
  else if (!isnan(legato)) length = legato * event_seconds;
  else if (!isnan(hold)) length = attack + hold;
  else if (loop) length = event_seconds;
  double gain = chord_gain * ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_GAIN, at, NULL), 1.0), 0.0, 10.0) *
                ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_VELOCITY, at, NULL), 1.0), 0.0, 10.0);
  *p = (ph_voice_params){
      .sample = smp,
      .rate = rate,
      .begin = begin * frames,
      .end = end * frames,
      .loop = loop,
      .gain = (float)gain,
      .pan = (float)ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_PAN, at, NULL), 0.5), 0.0, 1.0),
      .length = length >= 0 ? ph_dsp_clamp(length, 0.0, 3600.0) * sr : -1.0,
      .attack = attack * sr,
      .release = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_RELEASE, at, NULL), 0.005), 0.0, 60.0) * sr,
      .decay = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_DECAY, at, NULL), 0.0), 0.0, 60.0) * sr,
      .level = (float)ph_control_sustain_level(m),
      .shape = (float)ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_SHAPE, at, NULL), 0.0), 0.0, 0.99),
      .coarse = (int)ph_dsp_clamp(floor(ph_control_or(ph_control(m, in, PH_CTL_COARSE, at, NULL), 1.0) + 0.5), 1.0, 1024.0),
      .accelerate = ph_dsp_clamp(ph_control_or(ph_control(m, in, PH_CTL_ACCELERATE, at, NULL), 0.0), -100.0, 100.0),
      .cut = (int)ph_dsp_clamp(floor(ph_control_or(ph_control(m, in, PH_CTL_CUT, at, NULL), 0.0) + 0.5), 0.0, 1e6),
      .orbit = (int)ph_dsp_clamp(floor(ph_control_or(ph_control(m, in, PH_CTL_ORBIT, at, NULL), 0.0) + 0.5), 0.0, PH_VOICE_ORBITS - 1),
  };
  return true;
}

/* The tones of a chord given to note ("c4'maj", counted from c4), or 0. */
static int chord_of(const ph_hap *e, double *tones) {
  if (e->value.kind != PH_VAL_MAP) return 0;
  const ph_value *v = ph_map_get(e->value.as.map, "note");
  if (!v) v = ph_map_get(e->value.as.map, "up");
  int n = 0;
  if (!v || v->kind != PH_VAL_STR || !ph_chord_notes(v->as.str, 4, tones, &n)) return 0;
  for (int i = 0; i < n; i++) tones[i] -= 60.0;
  return n;
}

static void start_voice(sampler_state *s, const ph_voice_params *p) {
  double fade = FADE_SECONDS * s->sample_rate;
  int sounding = 0, oldest = -1, free_slot = -1, oldest_fading = -1;
  for (int i = 0; i < s->used; i++) {
    ph_voice *v = &s->voices[i];
    if (v->state == PH_VOICE_ON && p->cut > 0 && v->p.cut == p->cut) ph_voice_fade(v, fade);
    if (v->state == PH_VOICE_ON) {
      sounding++;
      if (oldest < 0 || v->serial < s->voices[oldest].serial) oldest = i;
    } else if (v->state == PH_VOICE_FADING) {
      if (oldest_fading < 0 || v->serial < s->voices[oldest_fading].serial) oldest_fading = i;
    } else if (free_slot < 0) {
      free_slot = i;
    }
  }
  if (sounding >= PH_SAMPLER_POLYPHONY && oldest >= 0) ph_voice_fade(&s->voices[oldest], fade);
  if (free_slot < 0 && s->used < PH_SAMPLER_SLOTS) free_slot = s->used;
  /* every slot busy: the fade nearest its end gives way */
  int slot = free_slot >= 0 ? free_slot : oldest_fading;
  if (slot < 0) return;
  ph_voice_start(&s->voices[slot], p, ++s->serial);
  if (slot >= s->used) s->used = slot + 1;
}

/* Each voice into the pair of its orbit. */
static void render_voices(sampler_state *s, float *const *out, int from, int to) {
  if (to <= from) return;
  for (int i = 0; i < s->used; i++) {
    ph_voice *v = &s->voices[i];
    if (v->state != PH_VOICE_FREE) ph_voice_render(v, out[2 * v->p.orbit] + from, out[2 * v->p.orbit + 1] + from, to - from);
  }
}

static void sampler_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  sampler_state *s = state;
  for (int o = 0; o < 2 * PH_VOICE_ORBITS; o++) memset(out[o], 0, sizeof(float) * (size_t)frames);
  int done = 0;
  if (s->b.controls && s->b.clock) {
    int64_t start = *s->b.block_start;
    const ph_clock *c = s->b.clock;
    ph_onsets_cover(&s->onsets, s->b.controls, s->b.per_block, &s->queries, c, start, frames, &s->err, &s->refused);
    for (const ph_onset *o; (o = ph_onsets_next(&s->onsets, start, start + frames));) {
      const ph_hap *e = o->hap;
      int64_t at = o->at - start;
      render_voices(s, out, done, (int)at);
      done = (int)at;
      /* a chord in note: a voice per tone, each at 1/sqrt(tones) */
      double chord[PH_CHORD_MAX_NOTES];
      int tones = chord_of(e, chord);
      for (int t = 0; t < (tones ? tones : 1); t++) {
        ph_voice_params p;
        if (params_of(s, e, in, (int)at, tones ? chord[t] : NAN, tones ? 1.0 / sqrt(tones) : 1.0, &p)) start_voice(s, &p);
      }
    }
  }
  render_voices(s, out, done, frames);
  while (s->used > 0 && s->voices[s->used - 1].state == PH_VOICE_FREE) s->used--;
  int on = 0;
  for (int i = 0; i < s->used; i++) on += s->voices[i].state == PH_VOICE_ON;
  s->sounding = on;
}

/* Every voice at most a bank's sample (PH_SAMPLE_MAX) through cubic interpolation (x1.25),
 * shape (x199), gain and velocity (x10 each) and a stereo boost (x1.42); all slots sounding. */
static float sampler_max_out(const float *in_max) {
  (void)in_max;
  return PH_SAMPLE_MAX * 1.25f * 199.0f * 100.0f * 1.42f * (float)PH_SAMPLER_SLOTS;
}

static unsigned sampler_refused(const void *state, const char **why) {
  return ph_query_refusals_get(&((const sampler_state *)state)->refused, why);
}

int ph_voices_sounding(const ph_graph *g) {
  int n = 0;
  for (int i = 0; i < g->count; i++) {
    const ph_graph_node *node = &g->nodes[i];
    if (node->def == &ph_unit_sampler) n += ((const sampler_state *)node->state)->sounding;
    else if (node->def == &ph_unit_synth_voices) n += ph_synth_voices_sounding(node->state);
  }
  return n;
}

const ph_unit_def ph_unit_sampler = {
    .name = "s",
    .aliases = "sound",
    .doc = "sample player: a voice per event of a pattern of sample names",
    .params = ph_voice_controls,
    .nparams = PH_CONTROL_COUNT,
    .noutputs = 2 * PH_VOICE_ORBITS, /* a stereo pair per orbit */
    .state_size = sampler_size,
    .init = sampler_init,
    .process = sampler_process,
    .reset = sampler_reset,
    .bound = true,
    .refused = sampler_refused,
    .max_out = sampler_max_out,
};

ph_voice_hooks ph_sampler_hooks(const ph_bank *bank) {
  return (ph_voice_hooks){&ph_unit_sampler, sampler_bind, bank, &ph_unit_synth_voices, ph_synth_voices_bind, PH_SYNTH_VOICES};
}
