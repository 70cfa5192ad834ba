/* The sample bank: names (`bd`) to ordered lists of samples, as in Dirt-Samples, where
 * `bd:i` picks sample i mod count.
 *
 * Life cycle: a control thread creates a bank, adds every sample (ph_bank_add, from the
 * loader in io/samples.h and the built-in kit in voice/kit.h) and only then publishes the
 * pointer to the audio thread (e.g. an atomic pointer store). From then on the bank is never
 * changed: lookups read it without locks or allocation (an offline render's bank excepted,
 * whose deferred samples are made on their first lookup). A reload builds a new bank, swaps
 * the pointer, and destroys the old one once the audio thread no longer uses it.
 *
 * A lookup of a name the bank lacks returns NULL and records the name in a small fixed
 * lock-free set; a control thread drains it with ph_bank_take_missing and warns, once per
 * name per bank. Nothing is printed from a lookup. */
#ifndef PH_VOICE_BANK_H
#define PH_VOICE_BANK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

/* The largest magnitude a sample keeps in a bank (a file's float data beyond it is clamped). */
#define PH_SAMPLE_MAX 1e6f

/* Writes a deferred sample's frames (zeroed before) from what it was given. */
typedef void (*ph_sample_maker)(float *data, size_t frames, double rate, const void *ctx, int arg);

typedef struct {
  float *data;        /* interleaved frames: frames * channels floats */
  size_t frames;
  int channels;       /* 1 or 2 */
  double sample_rate; /* the engine's rate: samples are converted before they reach a bank */
  char *name;         /* where it came from: a file path, or "built-in bd:0" */
  /* A deferred sample (an offline render's built-in kit): made on its first lookup. */
  ph_sample_maker make;
  const void *make_ctx;
  int make_arg;
  _Atomic int made; /* 0 not yet, 1 being made, 2 made, 3 out of memory */
} ph_sample;

/* A sample of `frames` frames of silence; NULL when out of memory. */
ph_sample *ph_sample_create(const char *name, size_t frames, int channels, double sample_rate);
/* Wraps malloc'd interleaved data, which the sample then owns (freed on failure too). */
ph_sample *ph_sample_adopt(const char *name, float *data, size_t frames, int channels, double sample_rate);
/* A sample whose frames `make` writes when a lookup first returns it (data NULL until then):
 * for banks of offline renders only, where a lookup may allocate and wait. */
ph_sample *ph_sample_deferred(const char *name, size_t frames, int channels, double sample_rate, ph_sample_maker make,
                              const void *ctx, int arg);
void ph_sample_destroy(ph_sample *s);

typedef struct ph_bank ph_bank;

/* NULL when engine_rate is not positive or out of memory. */
ph_bank *ph_bank_create(double engine_rate);
void ph_bank_destroy(ph_bank *b);
double ph_bank_rate(const ph_bank *b);

/* Appends `s` to the list of `name` (created when new). Takes ownership of `s` in every
 * case; false (and `s` destroyed) when out of memory, when the name is empty or holds a ':',
 * or when the sample's rate is not the bank's. Control thread, before publication only. */
bool ph_bank_add(ph_bank *b, const char *name, ph_sample *s);
/* Where `name`'s samples came from (a folder, "built-in"); copied. False when the name is
 * unknown or out of memory. */
bool ph_bank_set_origin(ph_bank *b, const char *name, const char *origin);
/* The origin, or NULL for an unknown name or one without an origin. */
const char *ph_bank_origin(const ph_bank *b, const char *name);

/* Samples of `name` (0 for an unknown name); records nothing. */
int ph_bank_count(const ph_bank *b, const char *name);
/* Names in the order they were first added. */
int ph_bank_name_count(const ph_bank *b);
const char *ph_bank_name_at(const ph_bank *b, int i);

/* Sample `index` of `name`, index wrapped into 0..count-1 (negative ones too); NULL for an
 * unknown name, which is then recorded as missing. Lock-free, allocation-free, except the
 * first lookup of a deferred sample: that one makes it (a lookup of it at the same time on
 * another thread waits), and returns NULL if memory runs out. */
const ph_sample *ph_bank_get(const ph_bank *b, const char *name, int index);
/* "bd:3" → ph_bank_get(b, "bd", 3). The name ends at the first ':'; an index that is
 * absent or does not parse as a whole decimal integer ("bd:x", "bd:3:2") is 0. */
const ph_sample *ph_bank_lookup(const ph_bank *b, const char *spec);

/* Longest missing name kept (longer ones are truncated) and how many distinct names fit. */
#define PH_BANK_MISSING_NAME_MAX 64
#define PH_BANK_MISSING_SLOTS 64

/* One name recorded missing since the last call, copied into `name` (size bytes); false when
 * there is none new. A taken name is not recorded again by this bank. Control thread. */
bool ph_bank_take_missing(ph_bank *b, char *name, size_t size);
/* Distinct missing names that did not fit in the set. */
unsigned ph_bank_missing_dropped(const ph_bank *b);

#endif
