#include "voice/sampler.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pattern/chords.h"
#include "pattern/ops.h"
#include "voice/voice.h"

enum {
  P_N, P_NOTE, P_SPEED, P_GAIN, P_VELOCITY, P_PAN, P_BEGIN, P_END, P_LOOP, P_CUT, P_LEGATO, P_SUSTAIN, P_UNIT,
  P_ATTACK, P_RELEASE, P_HOLD, P_SHAPE, P_COARSE, P_ACCELERATE, P_COUNT
};

#define QUERY_BYTES (1024u << 10) /* a block's events: about 1000 voices' worth */
#define FADE_SECONDS 0.008

typedef struct {
  ph_sampler_binding b;
  const ph_bank *bank;
  double sample_rate;
  uint64_t serial;
  ph_error err;
  ph_arena queries;
  ph_voice voices[PH_SAMPLER_SLOTS];
  _Alignas(16) unsigned char query_memory[];
} sampler_state;

static size_t sampler_size(const ph_dsp_config *cfg) { return sizeof(sampler_state) + QUERY_BYTES; }

static void sampler_reset(void *state) {
  sampler_state *s = state;
  for (int i = 0; i < PH_SAMPLER_SLOTS; i++) s->voices[i].state = PH_VOICE_FREE;
  s->serial = 0;
}

static void sampler_init(void *state, const ph_dsp_config *cfg) {
  sampler_state *s = state;
  s->b = (ph_sampler_binding){0};
  s->bank = NULL;
  s->sample_rate = cfg->sample_rate;
  ph_error_clear(&s->err);
  ph_arena_init_over(&s->queries, s->query_memory, QUERY_BYTES);
  sampler_reset(s);
}

static void sampler_bind(void *state, const ph_sampler_binding *b, const void *bank) {
  sampler_state *s = state;
  s->b = *b;
  s->bank = bank;
}

static const ph_param_def sampler_params[] = {
    [P_N] = {"n", "", NAN, 0.0f, 1e6f, false, false, "the sample's index in its folder"},
    [P_NOTE] = {"note", "semitones", NAN, -128.0f, 128.0f, false, false, "pitch: faster or slower by semitones"},
    [P_SPEED] = {"speed", "", NAN, -100.0f, 100.0f, false, false, "playback rate, negative backwards"},
    [P_GAIN] = {"gain", "", NAN, 0.0f, 10.0f, false, false, "level"},
    [P_VELOCITY] = {"velocity", "", NAN, 0.0f, 10.0f, false, false, "level, multiplied with gain"},
    [P_PAN] = {"pan", "", NAN, -1.0f, 1.0f, false, false, "-1 left .. 1 right, equal power"},
    [P_BEGIN] = {"begin", "", NAN, 0.0f, 1.0f, false, false, "where in the sample to start, 0..1"},
    [P_END] = {"end", "", NAN, 0.0f, 1.0f, false, false, "where in the sample to stop, 0..1"},
    [P_LOOP] = {"loop", "", NAN, 0.0f, 1.0f, false, false, "above 0.5: loop until the release"},
    [P_CUT] = {"cut", "", NAN, 0.0f, 1e6f, false, false, "cut group: a new voice cuts the others of its group"},
    [P_LEGATO] = {"legato", "", NAN, 0.0f, 1e3f, false, false, "length as a multiple of the event's"},
    [P_SUSTAIN] = {"sustain", "s", NAN, 0.0f, 3600.0f, false, false, "length in seconds"},
    [P_UNIT] = {"unit", "", NAN, 0.0f, 1.0f, false, false, "\"c\" (or above 0.5): speed in cycles"},
    [P_ATTACK] = {"attack", "s", NAN, 0.0f, 60.0f, false, false, "fade-in time"},
    [P_RELEASE] = {"release", "s", NAN, 0.0f, 60.0f, false, false, "fade-out time after the length"},
    [P_HOLD] = {"hold", "s", NAN, 0.0f, 3600.0f, false, false, "time between attack and release"},
    [P_SHAPE] = {"shape", "", NAN, 0.0f, 0.99f, false, false, "waveshaping amount"},
    [P_COARSE] = {"coarse", "", NAN, 0.0f, 1024.0f, false, false, "keep every Nth sample (sample-rate reduction)"},
    [P_ACCELERATE] = {"accelerate", "", NAN, -100.0f, 100.0f, false, false, "rate change over the sample"},
};

static bool number_of(ph_value v, double *out) {
  if (v.kind == PH_VAL_NUM) {
    *out = v.as.num;
    return true;
  }
  if (v.kind == PH_VAL_STR) {
    if (ph_value_to_num(v, out)) return true;
    double midi;
    if (ph_note_midi(v.as.str, 4, &midi)) {
      *out = midi - 60.0; /* a note name counts from c4 */
      return true;
    }
  }
  if (v.kind == PH_VAL_BOOL) {
    *out = v.as.b;
    return true;
  }
  return false;
}

/* A control: the event's value, else the signal's at the onset, else NaN. */
static double control(const ph_vmap *m, const ph_dsp_inputs *in, int p, int at, const char *alias) {
  double x;
  const ph_value *v = m ? ph_map_get(m, sampler_params[p].name) : NULL;
  if (!v && alias && m) v = ph_map_get(m, alias);
  if (v && number_of(*v, &x)) return x;
  float c = ph_cable_at(&in->params[p], at);
  if (isnan(c)) return NAN;
  return p == P_PAN ? (c + 1.0) * 0.5 : c; /* a signal pans -1..1 */
}

static double or_default(double x, double def) { return isnan(x) ? def : x; }

/* The sample an event names, or NULL (nothing to play). */
static const ph_sample *sample_of(sampler_state *s, const ph_vmap *m, double n) {
  const ph_value *v = m ? ph_map_get(m, "s") : NULL;
  if (!v || v->kind != PH_VAL_STR || !s->bank) return NULL;
  const char *spec = v->as.str;
  if (!spec[0] || spec[0] == '~') return NULL;
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
  const ph_sample *smp = sample_of(s, m, control(m, in, P_N, at, NULL));
  if (!smp || smp->frames == 0) return false;
  double sr = s->sample_rate, cps = ph_rat_to_double(s->b.clock->cps);
  double begin = ph_dsp_clamp(or_default(control(m, in, P_BEGIN, at, NULL), 0.0), 0.0, 1.0);
  double end = ph_dsp_clamp(or_default(control(m, in, P_END, at, NULL), 1.0), 0.0, 1.0);
  if (end <= begin) return false;
  double frames = (double)smp->frames;
  double speed = ph_dsp_clamp(or_default(control(m, in, P_SPEED, at, NULL), 1.0), -100.0, 100.0);
  double note = ph_dsp_clamp(isnan(chord_note) ? or_default(control(m, in, P_NOTE, at, "up"), 0.0) : chord_note, -128.0, 128.0);
  const ph_value *unit = m ? ph_map_get(m, "unit") : NULL;
  bool cycles = unit ? (unit->kind == PH_VAL_STR ? !strcmp(unit->as.str, "c") : ph_value_truthy(*unit))
                     : control(m, in, P_UNIT, at, NULL) > 0.5;
  double rate = speed * pow(2.0, note / 12.0);
  /* unit c: the segment lasts 1/speed cycles */
  if (cycles) rate = speed * (end - begin) * frames / sr * cps * pow(2.0, note / 12.0);
  double event_seconds = e->has_whole ? ph_rat_to_double(ph_span_duration(e->whole)) / cps : 0.0;
  double sustain = control(m, in, P_SUSTAIN, at, NULL), legato = control(m, in, P_LEGATO, at, NULL);
  double attack = ph_dsp_clamp(or_default(control(m, in, P_ATTACK, at, NULL), 0.0), 0.0, 60.0);
  double hold = control(m, in, P_HOLD, at, NULL);
  bool loop = control(m, in, P_LOOP, at, NULL) > 0.5;
  double length = -1.0;
  if (!isnan(sustain)) length = sustain;
  else if (!isnan(legato)) length = legato * event_seconds;
  else if (!isnan(hold)) length = attack + hold;
  else if (loop) length = event_seconds;
  double gain = chord_gain * ph_dsp_clamp(or_default(control(m, in, P_GAIN, at, NULL), 1.0), 0.0, 10.0) *
                ph_dsp_clamp(or_default(control(m, in, P_VELOCITY, at, NULL), 1.0), 0.0, 10.0);
  *p = (ph_voice_params){
      .sample = smp,
      .rate = rate,
      .begin = begin * frames,
      .end = end * frames,
      .loop = loop,
      .gain = (float)gain,
      .pan = (float)ph_dsp_clamp(or_default(control(m, in, P_PAN, at, NULL), 0.5), 0.0, 1.0),
      .length = length >= 0 ? ph_dsp_clamp(length, 0.0, 3600.0) * sr : -1.0,
      .attack = attack * sr,
      .release = ph_dsp_clamp(or_default(control(m, in, P_RELEASE, at, NULL), 0.005), 0.0, 60.0) * sr,
      .shape = (float)ph_dsp_clamp(or_default(control(m, in, P_SHAPE, at, NULL), 0.0), 0.0, 0.99),
      .coarse = (int)ph_dsp_clamp(floor(or_default(control(m, in, P_COARSE, at, NULL), 1.0) + 0.5), 1.0, 1024.0),
      .accelerate = ph_dsp_clamp(or_default(control(m, in, P_ACCELERATE, at, NULL), 0.0), -100.0, 100.0),
      .cut = (int)ph_dsp_clamp(floor(or_default(control(m, in, P_CUT, at, NULL), 0.0) + 0.5), 0.0, 1e6),
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
  for (int i = 0; i < PH_SAMPLER_SLOTS; i++) {
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
  /* every slot busy: the fade nearest its end gives way */
  int slot = free_slot >= 0 ? free_slot : oldest_fading;
  if (slot < 0) return;
  ph_voice_start(&s->voices[slot], p, ++s->serial);
}

static void render_voices(sampler_state *s, float *l, float *r, int from, int to) {
  if (to <= from) return;
  for (int i = 0; i < PH_SAMPLER_SLOTS; i++)
    if (s->voices[i].state != PH_VOICE_FREE) ph_voice_render(&s->voices[i], l + from, r + from, to - from);
}

static void sampler_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  sampler_state *s = state;
  float *l = out[0], *r = out[1];
  memset(l, 0, sizeof(float) * (size_t)frames);
  memset(r, 0, sizeof(float) * (size_t)frames);
  int done = 0;
  if (s->b.controls && s->b.clock) {
    int64_t start = *s->b.block_start;
    const ph_clock *c = s->b.clock;
    ph_arena_reset(&s->queries);
    ph_error_clear(&s->err);
    ph_haps haps = ph_pat_query_span(s->b.controls, &s->queries, ph_clock_block_span(c, start, frames), &s->err);
    ph_haps_sort(&haps);
    for (size_t h = 0; h < haps.count; h++) {
      const ph_hap *e = &haps.items[h];
      if (!ph_hap_has_onset(e)) continue;
      int64_t at = ph_clock_sample_of(c, e->whole.begin) - start;
      if (at < 0 || at >= frames) continue;
      render_voices(s, l, r, done, (int)at);
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
  render_voices(s, l, r, done, frames);
}

const ph_unit_def ph_unit_sampler = {
    .name = "s",
    .aliases = "sound",
    .doc = "sample player: a voice per event of a pattern of sample names",
    .params = sampler_params,
    .nparams = P_COUNT,
    .noutputs = 2,
    .state_size = sampler_size,
    .init = sampler_init,
    .process = sampler_process,
    .reset = sampler_reset,
};

ph_voice_hooks ph_sampler_hooks(const ph_bank *bank) {
  return (ph_voice_hooks){&ph_unit_sampler, sampler_bind, bank};
}
