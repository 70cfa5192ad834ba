/* Remote control over OSC (liblo), so any editor can drive `phonon live`:
 *   /phonon/eval s        code: added to the playing program (a later definition of a bus or an
 *                          output replaces the earlier, so a block re-evaluated takes over)
 *   /phonon/hush [i]      all outputs, or output i (0 = out)      /phonon/unhush [i]
 *   /phonon/solo i        /phonon/unsolo      /phonon/mute i      /phonon/unmute i
 *   /phonon/panic         hush everything
 *   /phonon/cps f         /phonon/bpm f
 *   /phonon/status        replies /phonon/status f:cps f:cycle f:cpu i:xruns i:voices i:reloads
 * Each becomes program text handed to the control side's eval handler, which compiles it like a
 * save; the server thread never touches audio. Integer arguments may come as floats. */
#ifndef PH_IO_OSC_H
#define PH_IO_OSC_H

#include "core/error.h"

typedef struct {
  double cps, cycle, cpu; /* cpu: the share of the period the last blocks took, 0..1 */
  int xruns, voices, reloads;
} ph_osc_status;

typedef struct {
  void (*eval)(void *ctx, const char *code);
  void (*status)(void *ctx, ph_osc_status *out);
  void *ctx;
} ph_osc_handlers;

typedef struct ph_osc_server ph_osc_server;

/* Listens on UDP port (e.g. "57150"); NULL with err when the port cannot be opened. */
ph_osc_server *ph_osc_start(const char *port, const ph_osc_handlers *h, ph_error *err);
int ph_osc_port(const ph_osc_server *s);
void ph_osc_stop(ph_osc_server *s);

#endif
