#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "core/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct ph_arena_chunk {
  ph_arena_chunk *next;
  size_t size;
  size_t used;
  size_t dirty; /* data past this offset is still zero (a chunk comes from calloc) */
  _Alignas(16) unsigned char data[];
};

#define ALIGN 16u

static size_t align_up(size_t n) { return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1); }

/* Chunks of MAPPED bytes or more are mapped pages of their own: zero until written, and not
 * in memory until then, so what a big state (a query memory, a delay line) leaves unused costs
 * nothing. (calloc's large blocks are such pages only until a freed one raises malloc's
 * threshold; then they come from the heap, every page cleared.) Smaller ones come from calloc. */
#if defined(__SANITIZE_ADDRESS__)
#define MAPPED SIZE_MAX /* calloc's blocks, whose ends AddressSanitizer guards */
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MAPPED SIZE_MAX
#endif
#endif
#ifndef MAPPED
#define MAPPED (64u * 1024u)
#endif

#define HUGE_PAGE (PH_ARENA_HUGE_CHUNK + 64u)
_Static_assert(sizeof(ph_arena_chunk) <= 64u, "a huge chunk's header fits the room left for it");

static size_t round_up(size_t n, size_t to) { return (n + to - 1) / to * to; }

/* `bytes` of zero pages, from a huge-page boundary and offered for huge pages when they are
 * a whole number of them; NULL when the system has no memory. */
static void *map_pages(size_t bytes) {
  if (bytes % HUGE_PAGE) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
  }
  size_t span = bytes + HUGE_PAGE; /* room to move the start to a boundary */
  unsigned char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return NULL;
  unsigned char *start = (unsigned char *)round_up((uintptr_t)p, HUGE_PAGE);
  if (start > p) munmap(p, (size_t)(start - p));
  size_t tail = (size_t)(p + span - (start + bytes));
  if (tail) munmap(start + bytes, tail);
#ifdef MADV_HUGEPAGE
  madvise(start, bytes, MADV_HUGEPAGE); /* advice: where the kernel declines, small pages serve */
#endif
  return start;
}

/* The pages a mapped chunk of `size` data bytes takes: whole huge pages from
 * PH_ARENA_HUGE_CHUNK on. */
static size_t mapped_bytes(size_t size) {
  size_t bytes = sizeof(ph_arena_chunk) + size;
  return size >= PH_ARENA_HUGE_CHUNK ? round_up(bytes, HUGE_PAGE) : bytes;
}

static ph_arena_chunk *chunk_new(size_t size) {
  ph_arena_chunk *c;
  if (sizeof *c + size >= MAPPED) {
    size_t bytes = mapped_bytes(size);
    c = map_pages(bytes);
    if (c) size = bytes - sizeof *c; /* a huge chunk keeps its rounding as room */
  } else {
    c = calloc(1, sizeof *c + size);
  }
  if (!c) return NULL;
  c->size = size;
  return c;
}

static void chunk_free(ph_arena_chunk *c) {
  if (sizeof *c + c->size >= MAPPED) munmap(c, mapped_bytes(c->size));
  else free(c);
}

void ph_arena_init(ph_arena *a, size_t chunk_size) {
  memset(a, 0, sizeof *a);
  a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
}

bool ph_arena_init_fixed(ph_arena *a, size_t capacity) {
  ph_arena_init(a, capacity);
  a->fixed = true;
  a->head = chunk_new(capacity);
  return a->head != NULL;
}

bool ph_arena_init_over(ph_arena *a, void *mem, size_t size) {
  ph_arena_init(a, size);
  a->fixed = true;
  a->borrowed = true;
  uintptr_t start = ((uintptr_t)mem + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1);
  size_t lost = (size_t)(start - (uintptr_t)mem);
  if (size < lost + sizeof(ph_arena_chunk) + ALIGN) return false;
  ph_arena_chunk *c = (ph_arena_chunk *)start;
  c->next = NULL;
  c->size = size - lost - sizeof(ph_arena_chunk);
  c->used = 0;
  c->dirty = c->size; /* the caller's memory: anything */
  a->head = c;
  return true;
}

static void free_list(ph_arena_chunk *c) {
  while (c) {
    ph_arena_chunk *n = c->next;
    chunk_free(c);
    c = n;
  }
}

void ph_arena_destroy(ph_arena *a) {
  if (!a->borrowed) free_list(a->head);
  free_list(a->spare);
  memset(a, 0, sizeof *a);
}

void ph_arena_reset(ph_arena *a) {
  /* Keep the chunks: the first stays current, the others wait in the spare list. */
  ph_arena_chunk *c = a->head;
  if (c) {
    ph_arena_chunk *rest = c->next;
    c->next = NULL;
    c->used = 0;
    while (rest) {
      ph_arena_chunk *n = rest->next;
      rest->used = 0;
      rest->next = a->spare;
      a->spare = rest;
      rest = n;
    }
  }
  a->used_total = 0;
}

/* size bytes; where `zeroed`, cleared unless still zero. */
static void *take(ph_arena *a, size_t size, bool zeroed) {
  size = align_up(size ? size : 1);
  ph_arena_chunk *c = a->head;
  if (!c || c->size - c->used < size) {
    if (a->fixed) return NULL;
    ph_arena_chunk *fresh = NULL;
    if (a->spare && a->spare->size >= size) {
      fresh = a->spare;
      a->spare = fresh->next;
    } else {
      fresh = chunk_new(size > a->chunk_size ? size : a->chunk_size);
      if (!fresh) return NULL;
    }
    fresh->next = c;
    a->head = c = fresh;
  }
  void *p = c->data + c->used;
  if (zeroed && c->used < c->dirty) memset(p, 0, (c->dirty < c->used + size ? c->dirty : c->used + size) - c->used);
  c->used += size;
  if (c->dirty < c->used) c->dirty = c->used;
  a->used_total += size;
  return p;
}

void *ph_arena_alloc(ph_arena *a, size_t size) { return take(a, size, false); }

void *ph_arena_zalloc(ph_arena *a, size_t size) { return take(a, size, true); }

void *ph_arena_realloc(ph_arena *a, void *old, size_t old_size, size_t new_size) {
  ph_arena_chunk *c = a->head;
  if (old && c && (unsigned char *)old + align_up(old_size) == c->data + c->used) {
    size_t extra = align_up(new_size) - align_up(old_size);
    if (new_size <= old_size) return old;
    if (c->size - c->used >= extra) {
      c->used += extra;
      if (c->dirty < c->used) c->dirty = c->used;
      a->used_total += extra;
      return old;
    }
  }
  void *p = ph_arena_alloc(a, new_size);
  if (p && old) memcpy(p, old, old_size < new_size ? old_size : new_size);
  return p;
}

char *ph_arena_strndup(ph_arena *a, const char *s, size_t n) {
  char *p = ph_arena_alloc(a, n + 1);
  if (!p) return NULL;
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *ph_arena_strdup(ph_arena *a, const char *s) { return ph_arena_strndup(a, s, strlen(s)); }

void ph_arena_make_resident(ph_arena *a) {
  enum { PAGE = 4096 }; /* at most the page size: a smaller step only touches pages twice */
  for (ph_arena_chunk *c = a->head; c; c = c->next) {
    volatile unsigned char *data = c->data;
    for (size_t at = 0; at < c->used; at += PAGE) data[at] = data[at];
    if (c->used) data[c->used - 1] = data[c->used - 1]; /* the data need not start a page */
  }
}
