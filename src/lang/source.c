#include "lang/source.h"

#include <ctype.h>
#include <string.h>

static const ph_token *tok(const ph_token_list *tl, size_t i) {
  return &tl->tokens[i < tl->count ? i : tl->count - 1];
}

static bool is_sep(const ph_token *t) {
  return t->kind == PH_TK_COLON || t->kind == PH_TK_DOLLAR || t->kind == PH_TK_HASH;
}

/* name with digits glued after prefix (digits optional when allow_bare) */
static bool prefixed_number(const ph_token_list *tl, const ph_token *t, const char *prefix, bool allow_bare) {
  size_t n = strlen(prefix);
  const char *s = tl->source + t->offset;
  if (t->kind != PH_TK_IDENT || t->len < n || memcmp(s, prefix, n) != 0) return false;
  if (t->len == n) return allow_bare;
  for (size_t k = n; k < t->len; k++)
    if (!isdigit((unsigned char)s[k])) return false;
  return true;
}

bool ph_is_output_name(const ph_token_list *tl, const ph_token *t) {
  return prefixed_number(tl, t, "out", true) ||
         (prefixed_number(tl, t, "o", false) && t->len > 1) ||
         (prefixed_number(tl, t, "d", false) && t->len > 1);
}

bool ph_is_keyword_head(const ph_token_list *tl, size_t i) {
  const ph_token *t = tok(tl, i);
  if (t->kind != PH_TK_IDENT) return false;
  static const char *const words[] = {"panic", "unsolo", "solo", "mute", "unmute", "setCycle", "resetCycles", "nudge", "fn", NULL};
  for (int k = 0; words[k]; k++)
    if (ph_token_is(tl, t, words[k])) return true;
  return prefixed_number(tl, t, "hush", true) || prefixed_number(tl, t, "unhush", true);
}

bool ph_is_statement_head(const ph_token_list *tl, size_t i) {
  const ph_token *t = tok(tl, i), *next = tok(tl, i + 1);
  switch (t->kind) {
  case PH_TK_BUS:
    if (is_sep(next)) return true;
    for (size_t k = i + 1; tok(tl, k)->kind == PH_TK_IDENT; k++) {
      const ph_token *after = tok(tl, k + 1);
      if (is_sep(after)) return true;
    }
    return false;
  case PH_TK_TEMPLATE:
  case PH_TK_PATVAR: return next->kind == PH_TK_COLON;
  case PH_TK_IDENT:
    if (ph_is_keyword_head(tl, i)) return true;
    if (ph_is_output_name(tl, t)) return is_sep(next);
    static const char *const settings[] = {"tempo", "cps", "bpm", "buffer", "outmix", NULL};
    for (int k = 0; settings[k]; k++)
      if (ph_token_is(tl, t, settings[k])) return next->kind == PH_TK_COLON;
    return false;
  default: return false;
  }
}

bool ph_is_line_head(const ph_token_list *tl, size_t i) {
  if (ph_is_statement_head(tl, i)) return true;
  const ph_token *t = tok(tl, i), *next = tok(tl, i + 1);
  if ((t->kind == PH_TK_BUS || t->kind == PH_TK_IDENT) && next->kind == PH_TK_EQUALS) return true;
  if (t->kind == PH_TK_BUS) { /* ~f a b = e */
    size_t k = i + 1;
    while (tok(tl, k)->kind == PH_TK_IDENT) k++;
    return tok(tl, k)->kind == PH_TK_EQUALS;
  }
  if (t->kind != PH_TK_IDENT) return false;
  if ((ph_token_is(tl, t, "o") || ph_token_is(tl, t, "d")) && is_sep(next)) return true;
  static const char *const words[] = {"tempo", "cps", "bpm", "buffer", "outmix", "setcps", "let", NULL};
  for (int k = 0; words[k]; k++)
    if (ph_token_is(tl, t, words[k])) return true;
  return ph_is_output_name(tl, t);
}

static bool add_range(ph_arena *a, ph_stmt_ranges *out, size_t *cap, ph_stmt_range r) {
  if (out->count == *cap) {
    size_t ncap = *cap ? *cap * 2 : 16;
    ph_stmt_range *n = ph_arena_realloc(a, out->ranges, *cap * sizeof *n, ncap * sizeof *n);
    if (!n) return false;
    out->ranges = n;
    *cap = ncap;
  }
  out->ranges[out->count++] = r;
  return true;
}

bool ph_split_statements(ph_arena *a, const ph_token_list *tl, ph_stmt_ranges *out) {
  out->ranges = NULL;
  out->count = 0;
  size_t cap = 0;
  bool open = false;   /* the last range may take continuation lines */
  bool blanked = false; /* a blank line came after the last statement */
  for (size_t i = 0; i < tl->count && tl->tokens[i].kind != PH_TK_EOF; i++) {
    const ph_token *t = &tl->tokens[i];
    if (t->blank_before) {
      open = false;
      blanked = out->count > 0;
    }
    if (!t->line_start) {
      out->ranges[out->count - 1].end = i + 1;
      continue;
    }
    if (ph_is_line_head(tl, i) || !open) {
      bool orphan = !ph_is_line_head(tl, i);
      if (!add_range(a, out, &cap, (ph_stmt_range){i, i + 1, orphan, orphan && blanked})) return false;
      open = true; /* an orphan's own continuation lines belong to it: one error */
      continue;
    }
    out->ranges[out->count - 1].end = i + 1;
  }
  return true;
}
