/* Phonon's built-in drum kit, synthesised when a bank is built (never on the audio thread):
 * bd sn hh oh cp rim lt mt ht cb cr sd, each in PH_KIT_VARIATIONS clearly different
 * variations (`bd:0` .. `bd:3`), 808/909-like, mono, rendered at the engine's rate, peaks at
 * -3 dBFS, no DC, faded to silence at the end. Deterministic: the same rate gives the same
 * samples.
 *
 * Precedence: the kit only fills names the bank does not have yet. The loader (io/samples.h)
 * adds the user's folders first and the kit afterwards, so a folder `bd` replaces the kit's
 * bd as a whole (its variations are not mixed in). */
#ifndef PH_VOICE_KIT_H
#define PH_VOICE_KIT_H

#include <stdbool.h>

#include "voice/bank.h"

#define PH_KIT_VARIATIONS 4

/* The instruments, in the order above. */
int ph_kit_count(void);
const char *ph_kit_name(int i);
bool ph_kit_has(const char *name);

/* One variation (index wrapped like a bank lookup) at `sample_rate`; NULL for an unknown name
 * or when out of memory. The caller owns the sample. */
ph_sample *ph_kit_render(const char *name, int variation, double sample_rate);

/* Adds every variation of `name` at the bank's rate, with origin "built-in", unless the bank
 * already has that name. Returns the number of samples added (0: not a kit name, or already
 * present), -1 when out of memory. `on_first_use` (an offline render's bank): each variation
 * is made when first looked up (ph_sample_deferred), so only those played are made. */
int ph_kit_add(ph_bank *bank, const char *name, bool on_first_use);
/* ph_kit_add for every instrument: the number of instruments added, -1 when out of memory. */
int ph_kit_add_all(ph_bank *bank);

#endif
