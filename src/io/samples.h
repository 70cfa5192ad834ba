/* Sample libraries on disk, loaded into a bank (voice/bank.h) off the audio thread.
 *
 * Layout (Dirt-Samples): a root folder holds one folder per name (`bd/`, `808bd/`); the audio
 * files inside, sorted by file name in byte order, are `bd:0`, `bd:1`, ... Any format
 * libsndfile reads (WAV, FLAC, AIFF, Ogg...), mono or stereo (more channels: the first two are
 * kept), is converted to the engine's rate with libsamplerate (SRC_SINC_MEDIUM_QUALITY).
 * Files libsndfile cannot open, empty files and files over the limits are skipped with one
 * warning line each; names and files starting with '.' are ignored.
 *
 * Roots, in priority order (only existing folders count):
 *   1. opt->dirs (e.g. from `--samples DIR`, several allowed; each must exist);
 *   2. $PHONON_SAMPLES, colon-separated;
 *   3. ./samples
 *   4. $XDG_DATA_HOME/phonon/samples, or ~/.local/share/phonon/samples (the user's folder)
 *   5. ~/phonon/samples, ~/phonon/dirt-samples, ~/dirt-samples, ./dirt-samples
 *   6. ~/.local/share/SuperCollider/downloaded-quarks/Dirt-Samples (SuperDirt's)
 * For each name the first root holding that folder with at least one readable file wins, as a
 * whole. Names no root provides then come from the built-in kit (voice/kit.h) unless
 * opt->no_kit. */
#ifndef PH_IO_SAMPLES_H
#define PH_IO_SAMPLES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "voice/bank.h"

#define PH_SAMPLES_MAX_SECONDS 600.0
#define PH_SAMPLES_MAX_BYTES ((size_t)512 << 20)

/* One line about a skipped file or folder, without a trailing newline. */
typedef void (*ph_samples_warn_fn)(void *ctx, const char *message);

typedef struct {
  const char *const *dirs; /* explicit roots, highest priority first */
  int ndirs;
  bool only_dirs;          /* no $PHONON_SAMPLES and no standard places */
  bool no_kit;             /* names no root provides stay missing */
  bool kit_on_first_use;   /* the kit's samples made when first played (offline renders) */
  double max_seconds;      /* longer files are skipped; 0: PH_SAMPLES_MAX_SECONDS */
  size_t max_bytes;        /* files taking more memory (as floats) are skipped; 0: PH_SAMPLES_MAX_BYTES */
  ph_samples_warn_fn warn; /* NULL: skip silently */
  void *warn_ctx;
} ph_samples_options;

/* The existing roots in priority order, each once: a NULL-terminated array to free with
 * ph_samples_roots_free. NULL (with err) when an explicit dir is not a folder or out of
 * memory. opt may be NULL (defaults). */
char **ph_samples_roots(const ph_samples_options *opt, ph_error *err);
void ph_samples_roots_free(char **roots);

/* A bank at engine_rate with every name of every root, then the kit. NULL (with err) on the
 * errors above. Reads every file: 2000 half-second files take about 1 s when their rate is
 * the engine's, but about 11 s when each must be converted (measured on 2 cores), so
 * programs should load what they use with ph_samples_load_names. */
ph_bank *ph_samples_load(const ph_samples_options *opt, double engine_rate, ph_error *err);

/* A bank with only the names a program uses ("bd", or "bd:3", whose index is ignored);
 * names that begin with '~', are empty or repeat are skipped. Unknown names are simply absent
 * (lookups record them as missing). */
ph_bank *ph_samples_load_names(const ph_samples_options *opt, double engine_rate, const char *const *names,
                               int nnames, ph_error *err);

/* Every name available, in byte order, without decoding audio: its origin (the winning
 * folder, or "built-in") and its number of readable files. False (with err) on the errors
 * above. */
typedef void (*ph_samples_list_fn)(void *ctx, const char *name, const char *origin, int files);
bool ph_samples_list(const ph_samples_options *opt, ph_samples_list_fn fn, void *ctx, ph_error *err);

#endif
