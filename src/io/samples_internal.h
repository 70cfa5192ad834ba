/* What samples*.c share: string lists, folder scans, reading one file. */
#ifndef PH_IO_SAMPLES_INTERNAL_H
#define PH_IO_SAMPLES_INTERNAL_H

#include "io/samples.h"

typedef struct {
  char **items; /* owned */
  int n, cap;
} ph_strings;

bool ph_strings_push(ph_strings *l, const char *s); /* copies s; false when out of memory */
void ph_strings_sort(ph_strings *l);               /* byte order */
bool ph_strings_has(const ph_strings *l, const char *s);
void ph_strings_free(ph_strings *l);

/* "a/b"; NULL when out of memory. */
char *ph_samples_join(const char *dir, const char *name);
/* Appends to out the names in dir of regular files (folders == false) or of folders, skipping
 * those starting with '.', sorted. A missing folder adds nothing. False when out of memory. */
bool ph_samples_scan(const char *dir, bool folders, ph_strings *out);

/* One file as a sample at rate; NULL when it is skipped (warned through opt) or, with
 * *out_of_memory set, when memory ran out. */
ph_sample *ph_samples_read(const char *path, double rate, const ph_samples_options *opt,
                           bool *out_of_memory);
/* libsndfile can open it (the header only). */
bool ph_samples_readable(const char *path);

void ph_samples_warn(const ph_samples_options *opt, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
