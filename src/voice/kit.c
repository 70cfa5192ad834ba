/* The kit's table and its way into a bank (see kit.h); the instruments are in kit_*.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "voice/kit_internal.h"

static const ph_kit_instrument *const instruments[] = {
    &ph_kit_bd, &ph_kit_sn, &ph_kit_hh, &ph_kit_oh, &ph_kit_cp, &ph_kit_rim,
    &ph_kit_lt, &ph_kit_mt, &ph_kit_ht, &ph_kit_cb, &ph_kit_cr, &ph_kit_sd,
};

#define NINSTRUMENTS ((int)(sizeof instruments / sizeof *instruments))

int ph_kit_count(void) { return NINSTRUMENTS; }

const char *ph_kit_name(int i) { return i >= 0 && i < NINSTRUMENTS ? instruments[i]->name : NULL; }

static const ph_kit_instrument *find(const char *name) {
  for (int i = 0; i < NINSTRUMENTS; i++)
    if (!strcmp(instruments[i]->name, name)) return instruments[i];
  return NULL;
}

bool ph_kit_has(const char *name) { return find(name) != NULL; }

static void make(float *data, size_t frames, double rate, const void *ctx, int variation) {
  const ph_kit_instrument *inst = ctx;
  inst->render(data, frames, rate, variation);
  ph_kit_finish(data, frames, rate);
}

/* The variation's name in a bank ("built-in bd:0") and its length in frames. */
static size_t describe(const ph_kit_instrument *inst, int variation, double rate, char *label, size_t size) {
  snprintf(label, size, "built-in %s:%d", inst->name, variation);
  return (size_t)ceil(inst->seconds[variation] * rate);
}

static ph_sample *render(const ph_kit_instrument *inst, int variation, double rate) {
  variation %= PH_KIT_VARIATIONS;
  if (variation < 0) variation += PH_KIT_VARIATIONS;
  char label[32];
  size_t frames = describe(inst, variation, rate, label, sizeof label);
  ph_sample *s = ph_sample_create(label, frames, 1, rate);
  if (s) make(s->data, frames, rate, inst, variation);
  return s;
}

ph_sample *ph_kit_render(const char *name, int variation, double sample_rate) {
  const ph_kit_instrument *inst = find(name);
  return inst && sample_rate > 0.0 ? render(inst, variation, sample_rate) : NULL;
}

/* The variation as render makes it, made when first looked up. */
static ph_sample *deferred(const ph_kit_instrument *inst, int variation, double rate) {
  char label[32];
  size_t frames = describe(inst, variation, rate, label, sizeof label);
  return ph_sample_deferred(label, frames, 1, rate, make, inst, variation);
}

int ph_kit_add(ph_bank *bank, const char *name, bool on_first_use) {
  const ph_kit_instrument *inst = find(name);
  if (!inst || ph_bank_count(bank, name) > 0) return 0;
  double rate = ph_bank_rate(bank);
  for (int v = 0; v < PH_KIT_VARIATIONS; v++)
    if (!ph_bank_add(bank, name, on_first_use ? deferred(inst, v, rate) : render(inst, v, rate))) return -1;
  return ph_bank_set_origin(bank, name, "built-in") ? PH_KIT_VARIATIONS : -1;
}

int ph_kit_add_all(ph_bank *bank) {
  int added = 0;
  for (int i = 0; i < NINSTRUMENTS; i++) {
    int n = ph_kit_add(bank, instruments[i]->name, false);
    if (n < 0) return -1;
    if (n > 0) added++;
  }
  return added;
}
