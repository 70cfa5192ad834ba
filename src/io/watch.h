/* Saves of one file, through inotify on its directory, so editors that write a temporary file
 * and rename it over the original are seen too. A save that finished (the file was closed
 * after writing, or renamed into place) is reported once the burst of events around it has
 * been quiet for PH_WATCH_SETTLE_MS; a file changed and never closed, after
 * PH_WATCH_OPEN_MS of quiet. Control thread only, but for ph_watch_wake. */
#ifndef PH_IO_WATCH_H
#define PH_IO_WATCH_H

#include <stdbool.h>

#include "core/error.h"

#define PH_WATCH_SETTLE_MS 2
#define PH_WATCH_OPEN_MS 100

typedef struct ph_watch ph_watch;

ph_watch *ph_watch_open(const char *path, ph_error *err);
/* Waits up to timeout_ms for a save; true when there was one. Returns false at once when
 * woken (and no save is under way). */
bool ph_watch_wait(ph_watch *w, int timeout_ms);
/* Wakes the thread in ph_watch_wait (or its next call): there is other work. Any thread. */
void ph_watch_wake(ph_watch *w);
void ph_watch_close(ph_watch *w);

#endif
