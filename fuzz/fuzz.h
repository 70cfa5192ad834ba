/* What the libFuzzer targets share. Each fuzz_*.c defines LLVMFuzzerTestOneInput; built with
 * -fsanitize=fuzzer it is a fuzzer, linked with replay.c it replays saved inputs (make test). */
#ifndef PH_FUZZ_H
#define PH_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bytes as a malloc'd NUL-terminated string (an embedded NUL ends it early, as it would
 * for a file read into a C string). NULL when out of memory. */
static inline char *fuzz_cstring(const uint8_t *data, size_t size) {
  char *s = malloc(size + 1);
  if (!s) return NULL;
  if (size) memcpy(s, data, size);
  s[size] = 0;
  return s;
}

#endif
