/* Sample banks shared between the successive programs of `phonon live`. */
#ifndef PH_CLI_LIVE_BANK_H
#define PH_CLI_LIVE_BANK_H

#include "cli/cli.h"
#include "io/live.h"

typedef struct live_bank live_bank;

typedef struct {
  const char *path;
  const char *const *dirs;
  int ndirs;
  int rate;
} live_bank_config;

/* Gives s (whose source is set) the bank of the cached program when its strings hold the same
 * words, else a new one, which the cache then keeps. s releases it when freed. */
bool live_bank_attach(live_bank **cache, ph_live_song *s, const live_bank_config *cfg, ph_error *err);
/* The cache's own hold; songs still playing keep theirs. */
void live_bank_drop(live_bank **cache);

#endif
