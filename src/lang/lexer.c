#include "lang/lexer.h"

#include <ctype.h>
#include <string.h>

typedef struct {
  ph_arena *arena;
  const char *src;
  size_t pos;
  int line;
  ph_token *tokens;
  size_t count, cap;
  bool newline_seen, blank_seen, space_seen;
} lexer;

static bool ident_start(char c) { return isalpha((unsigned char)c) || c == '_'; }
static bool ident_char(char c) { return isalnum((unsigned char)c) || c == '_' || c == '\''; }
static bool comment_at(const char *s) { return (s[0] == '-' && s[1] == '-') || (s[0] == '/' && s[1] == '/'); }

static bool push(lexer *lx, ph_token_kind kind, size_t start, size_t len, const char *message) {
  bool named = kind == PH_TK_IDENT || kind == PH_TK_BUS || kind == PH_TK_TEMPLATE || kind == PH_TK_PATVAR;
  if (named && len > PH_LANG_MAX_NAME) {
    kind = PH_TK_ERROR;
    message = "a name is at most " PH_LANG_MAX_NAME_TEXT " characters long";
  }
  if (lx->count == lx->cap) {
    size_t cap = lx->cap ? lx->cap * 2 : 64;
    ph_token *t = ph_arena_realloc(lx->arena, lx->tokens, lx->cap * sizeof *t, cap * sizeof *t);
    if (!t) return false;
    lx->tokens = t;
    lx->cap = cap;
  }
  int line = lx->line;
  for (size_t i = start; i < start + len; i++)
    if (lx->src[i] == '\n') lx->line++;
  ph_token t = {
      .kind = kind,
      .offset = start,
      .len = len,
      .line = line,
      .line_start = lx->newline_seen || lx->count == 0,
      .blank_before = lx->blank_seen,
      .space_before = lx->space_seen || lx->count == 0,
      .message = message,
  };
  lx->tokens[lx->count++] = t;
  lx->newline_seen = lx->blank_seen = lx->space_seen = false;
  lx->pos = start + len;
  return true;
}

/* Whitespace and comments; records newlines and whitespace-only lines for the statement rule. */
static void skip_blank(lexer *lx) {
  const char *s = lx->src;
  bool line_has_content = !lx->newline_seen && lx->count > 0;
  for (;;) {
    char c = s[lx->pos];
    if (c == '\n') {
      if (!line_has_content && lx->newline_seen) lx->blank_seen = true;
      lx->newline_seen = true;
      line_has_content = false;
      lx->line++;
      lx->pos++;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      lx->pos++;
    } else if (comment_at(s + lx->pos)) {
      line_has_content = true; /* a comment-only line is not blank: it ends nothing */
      while (s[lx->pos] && s[lx->pos] != '\n') lx->pos++;
    } else {
      break;
    }
    lx->space_seen = true;
  }
}

static size_t ident_len(const char *s) {
  size_t n = 0;
  if (!ident_start(s[0])) return 0;
  while (ident_char(s[n])) n++;
  return n;
}

static bool lex_number(lexer *lx) {
  const char *s = lx->src + lx->pos;
  size_t n = 0;
  while (isdigit((unsigned char)s[n])) n++;
  if (s[n] == '.' && !comment_at(s + n)) {
    n++;
    while (isdigit((unsigned char)s[n])) n++;
  }
  if ((s[n] == 'e' || s[n] == 'E') &&
      (isdigit((unsigned char)s[n + 1]) ||
       ((s[n + 1] == '+' || s[n + 1] == '-') && isdigit((unsigned char)s[n + 2])))) {
    n += 2;
    while (isdigit((unsigned char)s[n])) n++;
  }
  if (ident_char(s[n]) || s[n] == '.') {
    size_t m = n;
    while (ident_char(s[m]) || s[m] == '.') m++;
    return push(lx, PH_TK_ERROR, lx->pos, m, "malformed number (a name cannot start with a digit)");
  }
  return push(lx, PH_TK_NUMBER, lx->pos, n, NULL);
}

static bool lex_string(lexer *lx) {
  const char *s = lx->src + lx->pos;
  const char *end = strchr(s + 1, '"');
  if (!end) return push(lx, PH_TK_ERROR, lx->pos, strlen(s), "unterminated string: expected '\"' before the end of the file");
  return push(lx, PH_TK_STRING, lx->pos, (size_t)(end - s) + 1, NULL);
}

static bool lex_bus(lexer *lx) {
  const char *s = lx->src + lx->pos;
  size_t n = 1 + ident_len(s + 1);
  while (s[n] == ':' && ident_start(s[n + 1])) n += 1 + ident_len(s + n + 1);
  return push(lx, PH_TK_BUS, lx->pos, n, NULL);
}

static bool op_char(char c) { return c && strchr("+-*/%<>", c) != NULL; }

/* Operators starting at s; the length, or 0. A character that starts a comment is never
 * taken into an operator (`|--` is `|` then a comment). */
static size_t operator_len(const char *s) {
  if (s[0] == '|' && op_char(s[1]) && !comment_at(s + 1)) return s[2] == '|' ? 3 : 2;
  if (op_char(s[0]) && s[1] == '|') return 2;
  if (s[0] == '~' && s[1] && strchr("+-*/", s[1]) && !comment_at(s + 1)) return 2;
  if (s[0] && strchr("+-*/", s[0])) return 1;
  return 0;
}

static bool lex_other(lexer *lx) {
  const char *s = lx->src + lx->pos;
  size_t p = lx->pos;
  switch (s[0]) {
  case '$': return push(lx, PH_TK_DOLLAR, p, 1, NULL);
  case '#': return push(lx, PH_TK_HASH, p, 1, NULL);
  case '(': return push(lx, PH_TK_LPAREN, p, 1, NULL);
  case ')': return push(lx, PH_TK_RPAREN, p, 1, NULL);
  case '[': return push(lx, PH_TK_LBRACKET, p, 1, NULL);
  case ']': return push(lx, PH_TK_RBRACKET, p, 1, NULL);
  case ',': return push(lx, PH_TK_COMMA, p, 1, NULL);
  case '=': return push(lx, PH_TK_EQUALS, p, 1, NULL);
  case ':': return push(lx, PH_TK_COLON, p, 1, NULL);
  default: break;
  }
  if (s[0] == '~' && ident_start(s[1])) return lex_bus(lx);
  if ((s[0] == '@' || s[0] == '%') && ident_start(s[1]))
    return push(lx, s[0] == '@' ? PH_TK_TEMPLATE : PH_TK_PATVAR, p, 1 + ident_len(s + 1), NULL);
  if (s[0] == '<' && s[1] == '~') return push(lx, PH_TK_ERROR, p, 2, "'<~' is not an operator here: use early (or rotL)");
  if (s[0] == '~' && s[1] == '>') return push(lx, PH_TK_ERROR, p, 2, "'~>' is not an operator here: use late (or rotR)");
  size_t n = operator_len(s);
  if (n) return push(lx, PH_TK_OP, p, n, NULL);
  switch (s[0]) {
  case '~': return push(lx, PH_TK_ERROR, p, 1, "expected a bus name after '~'");
  case '@': return push(lx, PH_TK_ERROR, p, 1, "expected a template name after '@'");
  case '%': return push(lx, PH_TK_ERROR, p, 1, "expected a pattern variable name after '%'");
  case '<':
  case '>': return push(lx, PH_TK_ERROR, p, 1, "there are no comparison operators (did you mean a structure operator such as '|<' or '>|'?)");
  case '.': return push(lx, PH_TK_ERROR, p, 1, "'.' (function composition) is not supported: write (f $ g) instead of (f . g)");
  case '|': return push(lx, PH_TK_ERROR, p, 1, "expected an operator after '|' (such as |+ or |*)");
  case '\'': return push(lx, PH_TK_ERROR, p, 1, "unexpected quote: strings use double quotes");
  default: break;
  }
  n = 1;
  if ((unsigned char)s[0] >= 0x80)
    while (((unsigned char)s[n] & 0xC0) == 0x80) n++;
  return push(lx, PH_TK_ERROR, p, n, "unexpected character");
}

bool ph_lex(ph_arena *a, const char *source, ph_token_list *out) {
  lexer lx = {.arena = a, .src = source, .line = 1};
  if (!strncmp(source, "\xEF\xBB\xBF", 3)) lx.pos = 3; /* a UTF-8 byte order mark */
  for (;;) {
    skip_blank(&lx);
    char c = source[lx.pos];
    bool ok;
    if (!c) break;
    if (c == '"') ok = lex_string(&lx);
    else if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)source[lx.pos + 1]))) ok = lex_number(&lx);
    else if (ident_start(c)) ok = push(&lx, PH_TK_IDENT, lx.pos, ident_len(source + lx.pos), NULL);
    else ok = lex_other(&lx);
    if (!ok) return false;
  }
  if (!push(&lx, PH_TK_EOF, lx.pos, 0, NULL)) return false;
  out->source = source;
  out->tokens = lx.tokens;
  out->count = lx.count;
  return true;
}

bool ph_token_is(const ph_token_list *tl, const ph_token *t, const char *s) {
  size_t n = strlen(s);
  return t->len == n && memcmp(tl->source + t->offset, s, n) == 0;
}
