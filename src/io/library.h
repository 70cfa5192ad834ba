/* A shared library opened when first needed, and the functions a backend calls through, looked
 * up by name: `phonon render` and the other commands never load libjack or libasound (nor the
 * C++ runtime and the database libjack brings), and start in a few milliseconds. */
#ifndef PH_IO_LIBRARY_H
#define PH_IO_LIBRARY_H

#include <stdbool.h>
#include <string.h>

#include "core/error.h"

/* Opens `file` (kept open for good) and fills found[k] with the address of names[k]; false,
 * with err saying which, when the library or a function is missing. Safe from any thread;
 * `found` is written only when all are there. */
bool ph_library_load(const char *file, const char *const *names, int count, void **found, ph_error *err);

/* A library's functions as a file's own: `static struct {...} NAME` with a pointer of the
 * right type for each function LIST names (LIST(X) applies X to each), and
 * `static bool NAME##_load(ph_error *err)` to fill it from FILE. */
#define PH_LIBRARY_FIELD(function) __typeof__(function) *function;
#define PH_LIBRARY_NAME(function) #function,
#define PH_LIBRARY(NAME, FILE, LIST)                                                                    \
  static struct {                                                                                     \
    LIST(PH_LIBRARY_FIELD)                                                                            \
  } NAME;                                                                                             \
  static bool NAME##_load(ph_error *err) {                                                            \
    static const char *const names[] = {LIST(PH_LIBRARY_NAME)};                                       \
    enum { COUNT = sizeof names / sizeof *names };                                                    \
    _Static_assert(sizeof NAME == COUNT * sizeof(void *), "one pointer a function");                  \
    void *found[COUNT];                                                                               \
    if (!ph_library_load(FILE, names, COUNT, found, err)) return false;                               \
    memcpy(&NAME, found, sizeof NAME);                                                                \
    return true;                                                                                      \
  }

#endif
