/* One error type for the whole library: what went wrong, and where in which source. */
#ifndef PH_CORE_ERROR_H
#define PH_CORE_ERROR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum {
  PH_OK = 0,
  PH_ERR_SYNTAX,   /* malformed program or mini-notation */
  PH_ERR_NAME,     /* unknown function, transform or bus */
  PH_ERR_ARGUMENT, /* wrong number or kind of arguments */
  PH_ERR_OVERFLOW, /* rational time left the 64-bit range */
  PH_ERR_MEMORY,   /* an allocation failed or an arena was exhausted */
  PH_ERR_IO,
  PH_WARNING, /* not an error: something was done about a problem (printed as a warning) */
} ph_status;

typedef struct {
  ph_status status;
  const char *file;   /* may be NULL (e.g. a string given on the command line) */
  const char *source; /* the text the position refers to, for the caret line; may be NULL */
  int line;           /* 1-based; 0 when unknown */
  int column;         /* 1-based; 0 when unknown */
  char message[256];
} ph_error;

static inline bool ph_error_is_set(const ph_error *e) { return e && e->status != PH_OK; }
void ph_error_clear(ph_error *e);
/* Sets the error unless one is already set: the first error is the one reported. */
void ph_error_set(ph_error *e, ph_status status, const char *source, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Gives an error raised where no source was at hand (a pattern's argument, a graph limit) the
 * place it belongs to, unless it has one already. */
void ph_error_place(ph_error *e, const char *source, size_t offset);
/* file:line:col: message, then the source line and a caret under the column. */
void ph_error_print(const ph_error *e, FILE *out);
const char *ph_status_name(ph_status s);

#endif
