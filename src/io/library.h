/* A shared library opened when first needed, and the functions a backend calls through, looked
 * up by name: `phonon render` and the other commands never load libjack or libasound (nor the
 * C++ runtime and the database libjack brings), and start in a few milliseconds. */
#ifndef PH_IO_LIBRARY_H
#define PH_IO_LIBRARY_H

#include <stdbool.h>

#include "core/error.h"

/* Opens `file` (kept open for good) and fills found[k] with the address of names[k]; false,
 * with err saying which, when the library or a function is missing. Safe from any thread;
 * `found` is written only when all are there. */
bool ph_library_load(const char *file, const char *const *names, int count, void **found, ph_error *err);

#endif
