/* The live engine: one song playing, one waiting, old ones going back to be freed. */
#include "io/live.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "voice/sampler.h"

#define RETIRED_CAPACITY 8
#define QUARTER_TURN 1.57079632679489661923

struct ph_live {
  int rate, block, fade_frames;
  float *fade_in, *fade_out; /* equal-power gains, fade_frames each */
  _Atomic(ph_live_song *) pending;
  /* The audio thread's own. */
  ph_live_song *current, *fading; /* fading: the previous song, heard going down */
  int fade_pos;
  float *mix, *old_mix; /* one block of interleaved stereo each */
  int pairs;            /* output pairs: the mix, then o1, o2... on their own (--multi) */
  float *outs, *old_outs; /* pairs - 1 more blocks of interleaved stereo each */
  int served;           /* frames of mix already handed out */
  int64_t position;
  /* Songs the audio thread is done with: it alone writes head, the control thread tail. */
  ph_live_song *retired[RETIRED_CAPACITY];
  atomic_size_t retired_head, retired_tail;
  /* What the control thread may read. */
  _Atomic int64_t status_position, status_swap_at;
  _Atomic double status_cycle, status_cps, status_swap_cycle;
  _Atomic uint64_t status_swaps;
  atomic_int status_voices;
  _Atomic int64_t status_limited;
  atomic_bool status_dc_guard;
  int64_t limited_before; /* by the songs played before the current one */
  /* Run-time controls: outputs silenced and soloed (bit N = output N). */
  _Atomic uint64_t silenced, soloed;
};

void ph_live_song_free(ph_live_song *s) {
  if (!s) return;
  ph_song_destroy(&s->song);
  if (s->release) s->release(s->bank_owner);
  else if (s->bank) ph_bank_destroy(s->bank);
  free(s->source);
  free(s);
}

ph_live *ph_live_create(int rate, int block, double fade_seconds, ph_error *err) {
  return ph_live_create_multi(rate, block, fade_seconds, 1, err);
}

ph_live *ph_live_create_multi(int rate, int block, double fade_seconds, int pairs, ph_error *err) {
  ph_live *l = calloc(1, sizeof *l);
  int fade = (int)lround(fade_seconds * rate);
  if (fade < 0) fade = 0;
  if (pairs < 1) pairs = 1;
  if (l) {
    l->rate = rate;
    l->block = block;
    l->fade_frames = fade;
    l->pairs = pairs;
    atomic_init(&l->pending, NULL);
    l->mix = malloc(sizeof(float) * 2 * (size_t)block);
    l->old_mix = malloc(sizeof(float) * 2 * (size_t)block);
    l->outs = calloc((size_t)pairs * 2 * (size_t)block, sizeof(float));
    l->old_outs = calloc((size_t)pairs * 2 * (size_t)block, sizeof(float));
    l->fade_in = malloc(sizeof(float) * (size_t)(fade + 1));
    l->fade_out = malloc(sizeof(float) * (size_t)(fade + 1));
  }
  if (!l || !l->mix || !l->old_mix || !l->outs || !l->old_outs || !l->fade_in || !l->fade_out || !atomic_is_lock_free(&l->pending) ||
      !atomic_is_lock_free(&l->status_cycle) || !atomic_is_lock_free(&l->status_position)) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory (or no lock-free atomics) for live playing");
    ph_live_destroy(l);
    return NULL;
  }
  for (int i = 0; i < fade; i++) {
    double x = (i + 0.5) / fade * QUARTER_TURN;
    l->fade_in[i] = (float)sin(x);
    l->fade_out[i] = (float)cos(x);
  }
  l->served = block; /* nothing computed yet */
  return l;
}

bool ph_live_publish(ph_live *l, ph_live_song *s) {
  if (s->song.rate != l->rate || s->song.block != l->block) return false;
  ph_live_song *unplayed = atomic_exchange_explicit(&l->pending, s, memory_order_acq_rel);
  ph_live_song_free(unplayed);
  return true;
}

int ph_live_collect(ph_live *l) {
  size_t tail = atomic_load_explicit(&l->retired_tail, memory_order_relaxed);
  size_t head = atomic_load_explicit(&l->retired_head, memory_order_acquire);
  int n = 0;
  for (; tail != head; tail++, n++) ph_live_song_free(l->retired[tail % RETIRED_CAPACITY]);
  atomic_store_explicit(&l->retired_tail, tail, memory_order_release);
  return n;
}

ph_live_status ph_live_get_status(const ph_live *l) {
  return (ph_live_status){atomic_load(&l->status_position), atomic_load(&l->status_cycle), atomic_load(&l->status_cps),
                          atomic_load(&l->status_swaps), atomic_load(&l->status_swap_at),
                          atomic_load(&l->status_swap_cycle), atomic_load(&l->status_voices),
                          atomic_load(&l->status_limited), atomic_load(&l->status_dc_guard)};
}

static bool retired_has_room(ph_live *l) {
  size_t head = atomic_load_explicit(&l->retired_head, memory_order_relaxed);
  return head - atomic_load_explicit(&l->retired_tail, memory_order_acquire) < RETIRED_CAPACITY;
}

static void retire(ph_live *l, ph_live_song *s) {
  size_t head = atomic_load_explicit(&l->retired_head, memory_order_relaxed);
  l->retired[head % RETIRED_CAPACITY] = s;
  atomic_store_explicit(&l->retired_head, head + 1, memory_order_release);
}

/* The new song begins where the old one is, on the same sample and the same cycle; its
 * tempo applies from there. */
static void continue_clock(const ph_song *old, ph_song *next) {
  int64_t n = old->block_start;
  ph_rat cycle = ph_clock_cycle_at(&old->clock, n);
  if (!ph_rat_ok(cycle)) {
    double elapsed = (double)(n - old->clock.origin_sample) / (double)old->rate;
    cycle = ph_rat_from_double(ph_rat_to_double(old->clock.origin_cycle) + elapsed * ph_rat_to_double(old->clock.cps));
  }
  next->clock.origin_cycle = cycle;
  next->clock.origin_sample = n;
  next->block_start = n;
}

static void take_pending(ph_live *l) {
  if (l->fading || !retired_has_room(l) || !atomic_load_explicit(&l->pending, memory_order_relaxed)) return;
  ph_live_song *next = atomic_exchange_explicit(&l->pending, NULL, memory_order_acq_rel);
  if (!next) return;
  if (l->current) {
    l->limited_before += l->current->song.limited;
    continue_clock(&l->current->song, &next->song);
    /* what did not change goes on: a reverb tail, a delay line, an oscillator's phase */
    ph_song_match(&next->song, &l->current->song);
    ph_song_inherit(&next->song, &l->current->song);
    if (l->fade_frames > 0) {
      l->fading = l->current;
      l->fade_pos = 0;
    } else {
      retire(l, l->current);
    }
  }
  l->current = next;
  const ph_song *s = &next->song;
  atomic_store_explicit(&l->status_swap_cycle, ph_rat_to_double(ph_clock_cycle_at(&s->clock, s->block_start)),
                        memory_order_relaxed);
  atomic_store_explicit(&l->status_swap_at, l->position, memory_order_relaxed);
  atomic_fetch_add_explicit(&l->status_swaps, 1, memory_order_release);
}

static uint64_t outputs_mask(int channel) {
  return channel < 0 ? ~(uint64_t)0 : channel < 64 ? (uint64_t)1 << channel : 0;
}

void ph_live_control_output(ph_live *l, ph_live_control what, int channel) {
  uint64_t m = outputs_mask(channel);
  switch (what) {
  case PH_LIVE_HUSH: atomic_fetch_or_explicit(&l->silenced, m, memory_order_relaxed); break;
  case PH_LIVE_UNHUSH: atomic_fetch_and_explicit(&l->silenced, ~m, memory_order_relaxed); break;
  case PH_LIVE_SOLO: atomic_fetch_or_explicit(&l->soloed, m, memory_order_relaxed); break;
  case PH_LIVE_UNSOLO: atomic_fetch_and_explicit(&l->soloed, ~m, memory_order_relaxed); break;
  }
}

void ph_live_clear_controls(ph_live *l) {
  atomic_store_explicit(&l->silenced, 0, memory_order_relaxed);
  atomic_store_explicit(&l->soloed, 0, memory_order_relaxed);
}

static void apply_controls(const ph_live *l, ph_song *s, uint64_t silenced, uint64_t soloed) {
  s->held_silent = silenced;
  s->held_solo = soloed;
  s->fade_step = l->fade_frames > l->block ? (float)l->block / (float)l->fade_frames : 1.0f;
}

/* Outputs o1, o2... of a song's last block into outs (pair p at (p - 1) * 2 * block), silence
 * for those it lacks or hushes. */
static void channels_of(const ph_live *l, const ph_song *s, float *outs) {
  for (int p = 1; p < l->pairs; p++) {
    float *dst = outs + (size_t)(p - 1) * 2 * (size_t)l->block;
    const float *left, *right;
    float level[2];
    if (!ph_song_channel(s, p, &left, &right, level)) {
      memset(dst, 0, sizeof(float) * 2 * (size_t)l->block);
      continue;
    }
    for (int i = 0; i < l->block; i++) {
      float gain = level[0] == level[1] ? level[0] : level[0] + (level[1] - level[0]) * (float)(i + 1) / (float)l->block;
      dst[2 * i] = isfinite(left[i]) ? left[i] * gain : 0.0f;
      dst[2 * i + 1] = isfinite(right[i]) ? right[i] * gain : 0.0f;
    }
  }
}

static void crossfade(ph_live *l) {
  ph_song_process(&l->fading->song, l->old_mix, l->block);
  channels_of(l, &l->fading->song, l->old_outs);
  for (int i = 0; i < l->block; i++) {
    int k = l->fade_pos + i;
    float in = k < l->fade_frames ? l->fade_in[k] : 1.0f, out = k < l->fade_frames ? l->fade_out[k] : 0.0f;
    for (int ch = 0; ch < 2; ch++) l->mix[2 * i + ch] = l->mix[2 * i + ch] * in + l->old_mix[2 * i + ch] * out;
    for (int p = 1; p < l->pairs; p++) {
      float *now = l->outs + (size_t)(p - 1) * 2 * (size_t)l->block, *was = l->old_outs + (size_t)(p - 1) * 2 * (size_t)l->block;
      for (int ch = 0; ch < 2; ch++) now[2 * i + ch] = now[2 * i + ch] * in + was[2 * i + ch] * out;
    }
  }
  l->fade_pos += l->block;
  if (l->fade_pos >= l->fade_frames) {
    retire(l, l->fading);
    l->fading = NULL;
  }
}

static void compute_block(ph_live *l) {
  take_pending(l);
  uint64_t silenced = atomic_load_explicit(&l->silenced, memory_order_relaxed);
  uint64_t soloed = atomic_load_explicit(&l->soloed, memory_order_relaxed);
  if (l->current) apply_controls(l, &l->current->song, silenced, soloed);
  if (l->fading) apply_controls(l, &l->fading->song, silenced, soloed);
  if (l->current) {
    ph_song_process(&l->current->song, l->mix, l->block);
    channels_of(l, &l->current->song, l->outs);
    if (l->fading) crossfade(l);
    const ph_song *s = &l->current->song;
    atomic_store_explicit(&l->status_cycle, ph_rat_to_double(ph_clock_cycle_at(&s->clock, s->block_start)),
                          memory_order_relaxed);
    atomic_store_explicit(&l->status_cps, ph_rat_to_double(s->clock.cps), memory_order_relaxed);
    atomic_store_explicit(&l->status_voices, ph_voices_sounding(&s->graph), memory_order_relaxed);
    atomic_store_explicit(&l->status_limited, l->limited_before + s->limited, memory_order_relaxed);
    atomic_store_explicit(&l->status_dc_guard, s->dc_guard.on, memory_order_relaxed);
  } else {
    memset(l->mix, 0, sizeof(float) * 2 * (size_t)l->block);
    memset(l->outs, 0, sizeof(float) * 2 * (size_t)l->block * (size_t)(l->pairs - 1));
  }
  l->position += l->block;
  atomic_store_explicit(&l->status_position, l->position, memory_order_relaxed);
  l->served = 0;
}

void ph_live_process(void *live, float *const *outs, int nchannels, int frames) {
  ph_live *l = live;
  for (int done = 0; done < frames;) {
    if (l->served == l->block) compute_block(l);
    int n = frames - done < l->block - l->served ? frames - done : l->block - l->served;
    for (int ch = 0; ch < nchannels; ch++) {
      float *dst = outs[ch] + done;
      int pair = ch / 2;
      const float *src = pair == 0 ? l->mix : l->outs + (size_t)(pair - 1) * 2 * (size_t)l->block;
      if (pair < l->pairs)
        for (int i = 0; i < n; i++) dst[i] = src[2 * (l->served + i) + ch % 2];
      else
        memset(dst, 0, sizeof(float) * (size_t)n);
    }
    done += n;
    l->served += n;
  }
}

void ph_live_destroy(ph_live *l) {
  if (!l) return;
  ph_live_collect(l);
  ph_live_song_free(l->current);
  ph_live_song_free(l->fading);
  ph_live_song_free(atomic_load(&l->pending));
  free(l->mix);
  free(l->old_mix);
  free(l->outs);
  free(l->old_outs);
  free(l->fade_in);
  free(l->fade_out);
  free(l);
}
