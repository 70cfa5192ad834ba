/* Live playing: the song the audio thread plays, and the next one the control thread hands it.
 *
 *   control thread                          audio thread (ph_live_process, once per period)
 *   compile a ph_live_song  -- publish -->  at a block boundary: takes it (atomic exchange),
 *                                           starts it at the old song's cycle, crossfades
 *   frees retired songs   <-- SPSC queue -- the old song, once faded out
 *
 * The audio thread always computes whole song blocks (a period that is not a multiple of the
 * block is served from the block computed last), so what it plays is sample for sample what
 * `phonon render` writes for the same program, whatever the backend's period.
 * Nothing on the audio side allocates, locks, logs or does I/O. */
#ifndef PH_IO_LIVE_H
#define PH_IO_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "graph/song.h"
#include "graph/voices.h"
#include "voice/bank.h"

#define PH_LIVE_FADE_SECONDS 0.015 /* the crossfade between an old program and a new one */

typedef struct {
  ph_song song;  /* compiled in place: its units hold pointers into it, so it never moves */
  char *source;  /* the text it was compiled from (malloc'd; may be NULL) */
  ph_bank *bank; /* its samples (may be NULL) */
  ph_voice_hooks hooks; /* how its sampler reaches the bank */
  /* When set, the bank is shared: release(bank_owner) instead of destroying it. */
  void (*release)(void *bank_owner);
  void *bank_owner;
} ph_live_song;

/* Destroys the song and its source, and destroys or releases its bank. Control thread. */
void ph_live_song_free(ph_live_song *s);

typedef struct {
  int64_t position;   /* samples computed since the start */
  double cycle, cps;  /* where the playing song is (0 when none plays) */
  uint64_t swaps;     /* songs the audio thread has taken */
  int64_t swap_at;    /* the sample where the last one began */
  double swap_cycle;  /* and its cycle */
  int voices;         /* sample and synth voices sounding */
  int64_t limited;    /* samples the output limiter brought down, since the start */
  bool dc_guard;      /* the DC guard is taking a steady offset out of the playing song */
} ph_live_status;

typedef struct ph_live ph_live;

/* Every song published must have this rate and block. fade_seconds >= 0. */
ph_live *ph_live_create(int rate, int block, double fade_seconds, ph_error *err);
/* With `pairs` output pairs: the mix on the first, then o1, o2... each on its own (as it goes
 * into the mix, hushed or muted ones silent) for multi-output recording or mixing. */
ph_live *ph_live_create_multi(int rate, int block, double fade_seconds, int pairs, ph_error *err);
/* Hands s to the audio thread, which takes it at its next block boundary (after a crossfade
 * in progress). A song published before the previous one was taken replaces it (the previous
 * one is freed here). False, and s left to the caller, when its rate or block differ. */
bool ph_live_publish(ph_live *l, ph_live_song *s);
/* Frees the songs the audio thread has finished with; how many. Control thread. */
int ph_live_collect(ph_live *l);
ph_live_status ph_live_get_status(const ph_live *l);
/* Run-time hush, mute and solo (from OSC or the REPL), on top of the program's own
 * statements: callable from any thread; the audio thread applies them at its next block,
 * each output fading in or out over the crossfade time. channel -1: every output (hush,
 * unhush, unsolo); outputs 0 (out) to 63. Hush and mute are one state, as in the language. */
typedef enum { PH_LIVE_HUSH, PH_LIVE_UNHUSH, PH_LIVE_SOLO, PH_LIVE_UNSOLO } ph_live_control;
void ph_live_control_output(ph_live *l, ph_live_control what, int channel);
/* Back to what the program says (a save of the file is the program again). */
void ph_live_clear_controls(ph_live *l);
/* A ph_audio_process_fn: the playing song's mix on outs[0] and outs[1], its numbered outputs on
 * the next pairs (ph_live_create_multi), silence on any others. */
void ph_live_process(void *live, float *const *outs, int nchannels, int frames);
/* Once the audio thread no longer calls ph_live_process. */
void ph_live_destroy(ph_live *l);

#endif
