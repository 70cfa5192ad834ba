/* The samples a program plays, loaded for it before it starts: every word inside the
 * program's strings is a candidate name; only names a sample folder has are read, the rest
 * come from the built-in kit or stay missing (and are reported after playing). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

enum { MAX_WORDS = 4096, MAX_WORD = 64 };

static void warn(void *ctx, const char *message) { fprintf(stderr, "%s: warning: %s\n", (const char *)ctx, message); }

static bool name_char(char ch) { return isalnum((unsigned char)ch) || ch == '_' || ch == '-' || ch == '.'; }

ph_bank *ph_cli_bank_for(const char *source, const char *file, int rate, const char *const *dirs, int ndirs, bool offline,
                         ph_error *err) {
  char **words = calloc(MAX_WORDS, sizeof *words);
  int n = 0;
  bool in_string = false;
  for (const char *p = source; words && *p && n < MAX_WORDS; p++) {
    if (*p == '"') {
      in_string = !in_string;
      continue;
    }
    if (!in_string || !name_char(*p) || (p > source && name_char(p[-1]))) continue;
    size_t len = 0;
    while (name_char(p[len])) len++;
    if (len >= MAX_WORD) continue;
    bool seen = false;
    for (int i = 0; i < n && !seen; i++) seen = strlen(words[i]) == len && !strncmp(words[i], p, len);
    if (!seen && (words[n] = malloc(len + 1))) {
      memcpy(words[n], p, len);
      words[n++][len] = 0;
    }
  }
  ph_samples_options opt = {
      .dirs = dirs, .ndirs = ndirs, .kit_on_first_use = offline, .warn = warn, .warn_ctx = (void *)file};
  ph_bank *bank = words ? ph_samples_load_names(&opt, rate, (const char *const *)words, n, err) : NULL;
  if (!words) ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
  for (int i = 0; i < n; i++) free(words[i]);
  free(words);
  return bank;
}

void ph_cli_report_missing(ph_bank *bank, const char *file) {
  char name[PH_BANK_MISSING_NAME_MAX];
  while (bank && ph_bank_take_missing(bank, name, sizeof name))
    fprintf(stderr, "%s: warning: no sample named '%s' (silent)\n", file, name);
}
