/* The public interface (include/phonon.h) over the layers: a song, its samples, its threads. */
#include "phonon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/parallel.h"
#include "graph/song.h"
#include "io/samples.h"
#include "voice/sampler.h"

struct phonon_program {
  ph_song song;
  ph_bank *bank;
  ph_voice_hooks hooks;
  ph_graph_pool *pool;
  float *block;     /* the last block computed, interleaved */
  int have, used;   /* frames in it, frames handed out */
};

static void fill_error(phonon_error *out, const ph_error *e) {
  if (!out) return;
  memset(out, 0, sizeof *out);
  out->line = e->line;
  out->column = e->column;
  snprintf(out->message, sizeof out->message, "%s", e->message);
  FILE *f = fmemopen(out->text, sizeof out->text - 1, "w");
  if (f) {
    ph_error_print(e, f);
    fclose(f);
  }
}

/* Every word in the program's strings that a sample folder has (and the kit). */
static ph_bank *bank_for(const char *source, int rate, const phonon_options *opt, ph_error *err) {
  enum { MAX_WORDS = 1024 };
  const char *words[MAX_WORDS];
  char *copy = strdup(source), *p = copy;
  int n = 0;
  bool in_string = false;
  for (; p && *p && n < MAX_WORDS; p++) {
    if (*p == '"') {
      in_string = !in_string;
      *p = 0;
      continue;
    }
    bool word = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-';
    if (!in_string || !word) {
      *p = 0;
      continue;
    }
    if (p == copy || p[-1] == 0) words[n++] = p;
  }
  ph_samples_options so = {.dirs = opt ? opt->sample_dirs : NULL, .ndirs = opt ? opt->nsample_dirs : 0};
  ph_bank *bank = copy ? ph_samples_load_names(&so, rate, words, n, err) : NULL;
  free(copy);
  return bank;
}

phonon_program *phonon_compile(const char *source, const char *file, const phonon_options *opt, phonon_error *err) {
  ph_error e = {0};
  phonon_program *p = calloc(1, sizeof *p);
  int rate = opt && opt->rate > 0 ? opt->rate : 44100;
  if (!p || !source) {
    ph_error_set(&e, PH_ERR_MEMORY, NULL, 0, source ? "out of memory" : "no program");
    fill_error(err, &e);
    free(p);
    return NULL;
  }
  if (!(p->bank = bank_for(source, rate, opt, &e))) goto fail;
  p->hooks = ph_sampler_hooks(p->bank);
  if (opt && opt->threads > 1) p->pool = ph_graph_pool_create(opt->threads);
  ph_song_options so = {.rate = rate, .block = opt ? opt->block : 0, .voices = &p->hooks, .pool = p->pool};
  if (!ph_song_compile(&p->song, source, file, &so, &e)) {
    ph_song_destroy(&p->song);
    goto fail;
  }
  ph_song_make_resident(&p->song); /* phonon_process may be an audio thread's */
  if (!(p->block = malloc(sizeof(float) * 2 * (size_t)p->song.block))) {
    ph_song_destroy(&p->song);
    ph_error_set(&e, PH_ERR_MEMORY, NULL, 0, "out of memory");
    goto fail;
  }
  return p;
fail:
  fill_error(err, &e);
  ph_graph_pool_destroy(p->pool);
  ph_bank_destroy(p->bank);
  free(p);
  return NULL;
}

/* Whole song blocks, handed out in pieces of any size: the same samples whatever the caller's
 * period. */
void phonon_process(phonon_program *p, float *stereo, int frames) {
  while (frames > 0) {
    if (p->used == p->have) {
      ph_song_process(&p->song, p->block, p->song.block);
      p->have = p->song.block;
      p->used = 0;
    }
    int n = p->have - p->used < frames ? p->have - p->used : frames;
    memcpy(stereo, p->block + 2 * p->used, sizeof(float) * 2 * (size_t)n);
    p->used += n;
    stereo += 2 * n;
    frames -= n;
  }
}

int phonon_rate(const phonon_program *p) { return p->song.rate; }

double phonon_cycle(const phonon_program *p) {
  return ph_rat_to_double(ph_clock_cycle_at(&p->song.clock, p->song.block_start - p->have + p->used));
}

void phonon_free(phonon_program *p) {
  if (!p) return;
  ph_song_destroy(&p->song);
  ph_graph_pool_destroy(p->pool);
  ph_bank_destroy(p->bank);
  free(p->block);
  free(p);
}
