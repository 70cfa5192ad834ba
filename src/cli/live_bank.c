/* The samples of `phonon live`'s programs, shared from one save to the next while the words
 * inside the program's strings (the candidate sample names, as ph_cli_bank_for reads them) stay
 * the same: editing a pattern, a filter or the tempo does not reload the samples. Control
 * thread only, so the counts need no atomics. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli/live_bank.h"

struct live_bank {
  ph_bank *bank;
  char *key;
  int refs; /* the songs using it, and the cache */
};

static bool name_char(char ch) { return isalnum((unsigned char)ch) || ch == '_' || ch == '-' || ch == '.'; }

/* The words inside the program's strings, in order, separated by spaces. */
static char *words_key(const char *source) {
  size_t cap = strlen(source) + 1, len = 0;
  char *key = malloc(cap);
  bool in_string = false;
  for (const char *p = source; key && *p; p++) {
    if (*p == '"') in_string = !in_string;
    else if (in_string && name_char(*p)) key[len++] = *p;
    else if (in_string && len > 0 && key[len - 1] != ' ') key[len++] = ' ';
  }
  if (key) key[len] = 0;
  return key;
}

static void unref(live_bank *b) {
  if (!b || --b->refs > 0) return;
  ph_bank_destroy(b->bank);
  free(b->key);
  free(b);
}

static void release(void *owner) { unref(owner); }

bool live_bank_attach(live_bank **cache, ph_live_song *s, const live_bank_config *cfg, ph_error *err) {
  char *key = words_key(s->source);
  if (!key) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return false;
  }
  live_bank *b = *cache;
  if (!b || strcmp(b->key, key) != 0) {
    ph_bank *bank = ph_cli_bank_for(s->source, cfg->path, cfg->rate, cfg->dirs, cfg->ndirs, false, err);
    if (!bank || !(b = calloc(1, sizeof *b))) {
      if (bank) ph_bank_destroy(bank);
      ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
      free(key);
      return false;
    }
    *b = (live_bank){bank, key, 1};
    unref(*cache);
    *cache = b;
  } else {
    free(key);
  }
  b->refs++;
  s->bank = b->bank;
  s->bank_owner = b;
  s->release = release;
  return true;
}

void live_bank_drop(live_bank **cache) {
  unref(*cache);
  *cache = NULL;
}
