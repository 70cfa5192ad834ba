/* The sample bank (see bank.h): an open-addressing hash table over an array of names, built
 * on a control thread and only read afterwards, plus the lock-free set of missing names. */
#include "voice/bank.h"

#include <limits.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ph_sample *ph_sample_adopt(const char *name, float *data, size_t frames, int channels, double sample_rate) {
  ph_sample *s = malloc(sizeof *s);
  char *copy = strdup(name ? name : "");
  if (!s || !copy || !data || channels < 1 || channels > 2) {
    free(s);
    free(copy);
    free(data);
    return NULL;
  }
  *s = (ph_sample){.data = data, .frames = frames, .channels = channels, .sample_rate = sample_rate,
                   .name = copy};
  atomic_init(&s->made, 2);
  return s;
}

ph_sample *ph_sample_deferred(const char *name, size_t frames, int channels, double sample_rate, ph_sample_maker make,
                              const void *ctx, int arg) {
  ph_sample *s = malloc(sizeof *s);
  char *copy = strdup(name ? name : "");
  if (!s || !copy || !make || channels < 1 || channels > 2) {
    free(s);
    free(copy);
    return NULL;
  }
  *s = (ph_sample){.frames = frames, .channels = channels, .sample_rate = sample_rate, .name = copy, .make = make,
                   .make_ctx = ctx, .make_arg = arg};
  atomic_init(&s->made, 0);
  return s;
}

/* Within ±PH_SAMPLE_MAX, NaN as 0: what a voice can make of a sample stays bounded. */
static void bound(ph_sample *s) {
  for (size_t i = 0; i < s->frames * (size_t)s->channels; i++) {
    float x = s->data[i];
    s->data[i] = x != x ? 0.0f : x > PH_SAMPLE_MAX ? PH_SAMPLE_MAX : x < -PH_SAMPLE_MAX ? -PH_SAMPLE_MAX : x;
  }
}

/* A deferred sample made once, by the first thread to ask; the others wait for it. */
static bool made(ph_sample *s) {
  int state = atomic_load_explicit(&s->made, memory_order_acquire);
  if (state == 2) return true;
  int expected = 0;
  if (state == 0 && atomic_compare_exchange_strong_explicit(&s->made, &expected, 1, memory_order_acquire,
                                                            memory_order_acquire)) {
    size_t n = s->frames * (size_t)s->channels;
    s->data = calloc(n ? n : 1, sizeof(float));
    if (s->data) {
      s->make(s->data, s->frames, s->sample_rate, s->make_ctx, s->make_arg);
      bound(s);
    }
    atomic_store_explicit(&s->made, s->data ? 2 : 3, memory_order_release);
    return s->data != NULL;
  }
  while ((state = atomic_load_explicit(&s->made, memory_order_acquire)) == 1) sched_yield();
  return state == 2;
}

ph_sample *ph_sample_create(const char *name, size_t frames, int channels, double sample_rate) {
  size_t n = frames * (size_t)(channels > 0 ? channels : 1);
  float *data = calloc(n ? n : 1, sizeof(float));
  return ph_sample_adopt(name, data, frames, channels, sample_rate);
}

void ph_sample_destroy(ph_sample *s) {
  if (!s) return;
  free(s->data);
  free(s->name);
  free(s);
}

/* A slot of the missing set goes EMPTY → WRITING (claimed by one writer) → READY (the name
 * is readable) → TAKEN (drained). Slots are never emptied, so a name is found along its probe
 * sequence before the first EMPTY slot. */
enum { SLOT_EMPTY, SLOT_WRITING, SLOT_READY, SLOT_TAKEN };
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "the missing set needs lock-free atomics");

typedef struct {
  atomic_uint state;
  uint32_t hash;
  char name[PH_BANK_MISSING_NAME_MAX];
} missing_slot;

typedef struct {
  missing_slot slots[PH_BANK_MISSING_SLOTS];
  atomic_uint dropped;
} missing_set;

typedef struct {
  char *name;
  size_t len;
  uint32_t hash;
  ph_sample **samples;
  int count, cap;
  char *origin;
} bank_entry;

struct ph_bank {
  double rate;
  bank_entry *entries;
  int nentries, entries_cap;
  int *table; /* entry index + 1; 0 = empty. table_cap is a power of two, at most half full */
  size_t table_cap;
  missing_set *missing; /* behind a pointer: lookups take a const bank and still record */
};

/* FNV-1a over len bytes. */
static uint32_t hash_name(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

ph_bank *ph_bank_create(double engine_rate) {
  if (!(engine_rate > 0.0)) return NULL;
  ph_bank *b = calloc(1, sizeof *b);
  if (!b) return NULL;
  b->rate = engine_rate;
  b->table_cap = 64;
  b->table = calloc(b->table_cap, sizeof *b->table);
  b->missing = calloc(1, sizeof *b->missing);
  if (!b->table || !b->missing) {
    ph_bank_destroy(b);
    return NULL;
  }
  for (int i = 0; i < PH_BANK_MISSING_SLOTS; i++) atomic_init(&b->missing->slots[i].state, SLOT_EMPTY);
  atomic_init(&b->missing->dropped, 0);
  return b;
}

void ph_bank_destroy(ph_bank *b) {
  if (!b) return;
  for (int i = 0; i < b->nentries; i++) {
    bank_entry *e = &b->entries[i];
    for (int k = 0; k < e->count; k++) ph_sample_destroy(e->samples[k]);
    free(e->samples);
    free(e->name);
    free(e->origin);
  }
  free(b->entries);
  free(b->table);
  free(b->missing);
  free(b);
}

double ph_bank_rate(const ph_bank *b) { return b->rate; }

static bank_entry *find(const ph_bank *b, const char *name, size_t len, uint32_t hash) {
  size_t mask = b->table_cap - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    int slot = b->table[i];
    if (!slot) return NULL;
    bank_entry *e = &b->entries[slot - 1];
    if (e->hash == hash && e->len == len && memcmp(e->name, name, len) == 0) return e;
  }
}

static void table_put(int *table, size_t cap, uint32_t hash, int index) {
  size_t i = hash & (cap - 1);
  while (table[i]) i = (i + 1) & (cap - 1);
  table[i] = index + 1;
}

static bool grow_table(ph_bank *b) {
  size_t cap = b->table_cap * 2;
  int *table = calloc(cap, sizeof *table);
  if (!table) return false;
  for (int i = 0; i < b->nentries; i++) table_put(table, cap, b->entries[i].hash, i);
  free(b->table);
  b->table = table;
  b->table_cap = cap;
  return true;
}

static bank_entry *new_entry(ph_bank *b, const char *name, size_t len, uint32_t hash) {
  if ((size_t)(b->nentries + 1) * 2 > b->table_cap && !grow_table(b)) return NULL;
  if (b->nentries == b->entries_cap) {
    int cap = b->entries_cap ? 2 * b->entries_cap : 16;
    bank_entry *entries = realloc(b->entries, (size_t)cap * sizeof *entries);
    if (!entries) return NULL;
    b->entries = entries;
    b->entries_cap = cap;
  }
  char *copy = strdup(name);
  if (!copy) return NULL;
  bank_entry *e = &b->entries[b->nentries];
  *e = (bank_entry){.name = copy, .len = len, .hash = hash};
  table_put(b->table, b->table_cap, hash, b->nentries);
  b->nentries++;
  return e;
}

bool ph_bank_add(ph_bank *b, const char *name, ph_sample *s) {
  if (!s) return false;
  size_t len = name ? strlen(name) : 0;
  if (!len || memchr(name, ':', len) || s->sample_rate != b->rate) {
    ph_sample_destroy(s);
    return false;
  }
  uint32_t hash = hash_name(name, len);
  bank_entry *e = find(b, name, len, hash);
  if (!e) e = new_entry(b, name, len, hash);
  if (e && e->count == e->cap) {
    int cap = e->cap ? 2 * e->cap : 4;
    ph_sample **samples = realloc(e->samples, (size_t)cap * sizeof *samples);
    if (samples) {
      e->samples = samples;
      e->cap = cap;
    }
  }
  if (!e || e->count == e->cap) {
    ph_sample_destroy(s);
    return false;
  }
  if (s->data) bound(s);
  e->samples[e->count++] = s;
  return true;
}

static bank_entry *find_name(const ph_bank *b, const char *name) {
  size_t len = strlen(name);
  return find(b, name, len, hash_name(name, len));
}

bool ph_bank_set_origin(ph_bank *b, const char *name, const char *origin) {
  bank_entry *e = find_name(b, name);
  char *copy = e ? strdup(origin) : NULL;
  if (!copy) return false;
  free(e->origin);
  e->origin = copy;
  return true;
}

const char *ph_bank_origin(const ph_bank *b, const char *name) {
  bank_entry *e = find_name(b, name);
  return e ? e->origin : NULL;
}

int ph_bank_count(const ph_bank *b, const char *name) {
  bank_entry *e = find_name(b, name);
  return e ? e->count : 0;
}

int ph_bank_name_count(const ph_bank *b) { return b->nentries; }

const char *ph_bank_name_at(const ph_bank *b, int i) {
  return i >= 0 && i < b->nentries ? b->entries[i].name : NULL;
}

static void record_missing(missing_set *m, const char *name, size_t len) {
  if (len > PH_BANK_MISSING_NAME_MAX - 1) len = PH_BANK_MISSING_NAME_MAX - 1;
  uint32_t hash = hash_name(name, len);
  for (unsigned k = 0; k < PH_BANK_MISSING_SLOTS; k++) {
    missing_slot *slot = &m->slots[(hash + k) % PH_BANK_MISSING_SLOTS];
    unsigned state = atomic_load_explicit(&slot->state, memory_order_acquire);
    if (state == SLOT_EMPTY) {
      if (atomic_compare_exchange_strong_explicit(&slot->state, &state, SLOT_WRITING, memory_order_acquire,
                                                  memory_order_acquire)) {
        slot->hash = hash;
        memcpy(slot->name, name, len);
        slot->name[len] = '\0';
        atomic_store_explicit(&slot->state, SLOT_READY, memory_order_release);
        return;
      }
    }
    /* A slot being written cannot be compared: at worst, two threads missing the same name at
     * the same moment both record it. */
    if (state == SLOT_WRITING) continue;
    if (slot->hash == hash && strncmp(slot->name, name, len) == 0 && slot->name[len] == '\0') return;
  }
  atomic_fetch_add_explicit(&m->dropped, 1, memory_order_relaxed);
}

static const ph_sample *get(const ph_bank *b, const char *name, size_t len, int index) {
  if (!len) return NULL;
  bank_entry *e = find(b, name, len, hash_name(name, len));
  if (!e) {
    record_missing(b->missing, name, len);
    return NULL;
  }
  int i = index % e->count;
  ph_sample *s = e->samples[i < 0 ? i + e->count : i];
  return made(s) ? s : NULL;
}

const ph_sample *ph_bank_get(const ph_bank *b, const char *name, int index) {
  return get(b, name, strlen(name), index);
}

/* A whole decimal integer with an optional '-', within int; anything else is 0. */
static int parse_index(const char *s) {
  bool negative = *s == '-';
  if (negative) s++;
  if (*s < '0' || *s > '9') return 0;
  long long v = 0;
  for (; *s; s++) {
    if (*s < '0' || *s > '9') return 0;
    v = v * 10 + (*s - '0');
    if (v > INT_MAX) return 0;
  }
  return (int)(negative ? -v : v);
}

const ph_sample *ph_bank_lookup(const ph_bank *b, const char *spec) {
  const char *colon = strchr(spec, ':');
  if (!colon) return get(b, spec, strlen(spec), 0);
  return get(b, spec, (size_t)(colon - spec), parse_index(colon + 1));
}

bool ph_bank_take_missing(ph_bank *b, char *name, size_t size) {
  for (int i = 0; i < PH_BANK_MISSING_SLOTS; i++) {
    missing_slot *slot = &b->missing->slots[i];
    unsigned state = SLOT_READY;
    if (atomic_compare_exchange_strong_explicit(&slot->state, &state, SLOT_TAKEN, memory_order_acquire,
                                                memory_order_relaxed)) {
      if (size) snprintf(name, size, "%s", slot->name);
      return true;
    }
  }
  return false;
}

unsigned ph_bank_missing_dropped(const ph_bank *b) {
  return atomic_load_explicit(&b->missing->dropped, memory_order_relaxed);
}
