/* Bump allocation from chunks; everything is freed at once by reset or destroy.
 * A growable arena takes new chunks from malloc (control side); a fixed arena never does
 * (audio side) and returns NULL when full, which callers report as an error. */
#ifndef PH_CORE_ARENA_H
#define PH_CORE_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ph_arena_chunk ph_arena_chunk;

typedef struct {
  ph_arena_chunk *head;  /* chunk being filled */
  ph_arena_chunk *spare; /* chunks kept by reset for reuse */
  size_t chunk_size;
  size_t used_total; /* bytes handed out since the last reset */
  bool fixed;
  bool borrowed; /* its one chunk lives in memory the caller owns */
} ph_arena;

/* The chunk size that fills one huge page (2 MiB on x86-64 and arm64) with its header. A
 * chunk this big or bigger is placed on huge-page boundaries and offered to the kernel for
 * huge pages: where it takes them, the first write brings in 2 MiB at once instead of 512
 * pages one fault at a time (a fault costs 10-15 us in a virtual machine). For an arena that
 * holds a graph's states and buffers, which are written through from the first block. */
#define PH_ARENA_HUGE_CHUNK (((size_t)2 << 20) - 64u)

void ph_arena_init(ph_arena *a, size_t chunk_size);
/* One chunk of `capacity` bytes allocated now, never more. */
bool ph_arena_init_fixed(ph_arena *a, size_t capacity);
/* A fixed arena over `size` bytes the caller owns (e.g. inside a unit's state): nothing is
 * allocated, nothing is freed. False when size cannot hold the chunk header. */
bool ph_arena_init_over(ph_arena *a, void *mem, size_t size);
void ph_arena_destroy(ph_arena *a);
void ph_arena_reset(ph_arena *a);

void *ph_arena_alloc(ph_arena *a, size_t size);  /* 16-byte aligned, NULL when exhausted */
void *ph_arena_zalloc(ph_arena *a, size_t size); /* zero-filled */
/* Grows the most recent allocation in place when possible, otherwise copies. */
void *ph_arena_realloc(ph_arena *a, void *old, size_t old_size, size_t new_size);
char *ph_arena_strndup(ph_arena *a, const char *s, size_t n);
char *ph_arena_strdup(ph_arena *a, const char *s);
/* Writes every page handed out back to itself: memory from calloc that nothing has written
 * yet arrives on its first write, and a real-time thread must not be the one to write it. */
void ph_arena_make_resident(ph_arena *a);

#define PH_ARENA_NEW(a, type) ((type *)ph_arena_zalloc((a), sizeof(type)))
#define PH_ARENA_ARRAY(a, type, n) ((type *)ph_arena_alloc((a), sizeof(type) * (size_t)(n)))

#endif
