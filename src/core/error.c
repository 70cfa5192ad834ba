#include "core/error.h"

#include <stdarg.h>
#include <string.h>

void ph_error_clear(ph_error *e) {
  if (e) memset(e, 0, sizeof *e);
}

void ph_error_place(ph_error *e, const char *source, size_t offset) {
  if (!e || e->status == PH_OK || e->line > 0 || !source) return;
  size_t len = strlen(source);
  if (offset > len) offset = len;
  e->source = source;
  e->line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; i++)
    if (source[i] == '\n') {
      e->line++;
      line_start = i + 1;
    }
  e->column = (int)(offset - line_start) + 1;
}

void ph_error_set(ph_error *e, ph_status status, const char *source, size_t offset, const char *fmt, ...) {
  if (!e || e->status != PH_OK) return;
  e->status = status;
  e->source = NULL;
  e->line = 0;
  e->column = 0;
  ph_error_place(e, source, offset);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->message, sizeof e->message, fmt, ap);
  va_end(ap);
}

const char *ph_status_name(ph_status s) {
  switch (s) {
  case PH_OK: return "ok";
  case PH_ERR_SYNTAX: return "syntax error";
  case PH_ERR_NAME: return "unknown name";
  case PH_ERR_ARGUMENT: return "argument error";
  case PH_ERR_OVERFLOW: return "time overflow";
  case PH_ERR_MEMORY: return "out of memory";
  case PH_ERR_IO: return "i/o error";
  case PH_WARNING: return "warning";
  }
  return "error";
}

enum { PH_ERROR_CONTEXT = 80 }; /* characters of a long line shown on either side of the caret */

void ph_error_print(const ph_error *e, FILE *out) {
  if (!e || e->status == PH_OK) return;
  const char *file = e->file ? e->file : "<input>";
  if (e->line > 0)
    fprintf(out, "%s:%d:%d: %s: %s\n", file, e->line, e->column, ph_status_name(e->status), e->message);
  else
    fprintf(out, "%s: %s: %s\n", file, ph_status_name(e->status), e->message);
  if (!e->source || e->line <= 0) return;
  const char *p = e->source;
  for (int l = 1; l < e->line && *p; p++)
    if (*p == '\n') l++;
  const char *end = strchr(p, '\n');
  int len = end ? (int)(end - p) : (int)strlen(p);
  /* A long line is shown around the column only, "..." marking what is left out. */
  int from = e->column - 1 > PH_ERROR_CONTEXT ? e->column - 1 - PH_ERROR_CONTEXT : 0;
  int to = len - from > 2 * PH_ERROR_CONTEXT ? from + 2 * PH_ERROR_CONTEXT : len;
  const char *before = from > 0 ? "..." : "";
  fprintf(out, "  %s%.*s%s\n  %*s", before, to - from, p + from, to < len ? "..." : "", (int)strlen(before), "");
  for (int i = from + 1; i < e->column && i <= len; i++) fputc(p[i - 1] == '\t' ? '\t' : ' ', out);
  fputs("^\n", out);
}
