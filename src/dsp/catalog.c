/* The catalog: one pointer per unit table, in the order `phonon functions` lists them. */
#include "dsp/catalog.h"

#include <string.h>

static const ph_unit_def *const catalog[] = {
    &ph_unit_sine,        &ph_unit_saw,        &ph_unit_square,      &ph_unit_tri,
    &ph_unit_pulse,       &ph_unit_white_noise, &ph_unit_pink_noise, &ph_unit_brown_noise,
    &ph_unit_lpf,         &ph_unit_hpf,        &ph_unit_bpf,         &ph_unit_notch,
    &ph_unit_svf_lp,      &ph_unit_svf_hp,     &ph_unit_svf_bp,      &ph_unit_svf_notch,
    &ph_unit_delay,       &ph_unit_impulse,    &ph_unit_fm,          &ph_unit_pm,
    &ph_unit_distort,     &ph_unit_bitcrush,   &ph_unit_lag,         &ph_unit_moog_ladder,
    &ph_unit_reverb,      &ph_unit_pan2,       &ph_unit_sample_hold, &ph_unit_schmidt,
    &ph_unit_rms,         &ph_unit_mtof,       &ph_unit_min,         &ph_unit_wrap,
    &ph_unit_xfade,       &ph_unit_if,         &ph_unit_range,       &ph_unit_asr,
    &ph_unit_ring,        &ph_unit_tremolo,    &ph_unit_comb,        &ph_unit_allpass,
    &ph_unit_ad, &ph_unit_adsr, &ph_unit_tar, &ph_unit_tadsr, &ph_unit_gate, &ph_unit_trig, &ph_unit_line, &ph_unit_xline, &ph_unit_curve,
    &ph_unit_amp, &ph_unit_mix, &ph_unit_rlpf, &ph_unit_rhpf, &ph_unit_chorus,
    &ph_unit_env, &ph_unit_env_trig, &ph_unit_segments, &ph_unit_select, &ph_unit_timer, &ph_unit_peak_follower,
    &ph_unit_amp_follower,
    &ph_unit_superkick, &ph_unit_supersaw, &ph_unit_superpwm, &ph_unit_superchip, &ph_unit_superfm,
    &ph_unit_supersnare, &ph_unit_superhat, &ph_unit_supersquare, &ph_unit_supergong, &ph_unit_superpiano,
};

enum { CATALOG_COUNT = (int)(sizeof catalog / sizeof catalog[0]) };

/* Whether name is one of the space-separated words in list. */
static bool in_word_list(const char *list, const char *name) {
  size_t n = strlen(name);
  for (const char *p = list; p && *p;) {
    while (*p == ' ') p++;
    size_t len = strcspn(p, " ");
    if (len == n && len > 0 && strncmp(p, name, n) == 0) return true;
    p += len;
  }
  return false;
}

const ph_unit_def *ph_dsp_unit_find(const char *name) {
  if (!name || !*name) return NULL;
  for (int i = 0; i < CATALOG_COUNT; i++)
    if (strcmp(catalog[i]->name, name) == 0) return catalog[i];
  for (int i = 0; i < CATALOG_COUNT; i++)
    if (in_word_list(catalog[i]->aliases, name)) return catalog[i];
  return NULL;
}

const ph_unit_def *ph_dsp_unit_at(int index) {
  return index >= 0 && index < CATALOG_COUNT ? catalog[index] : NULL;
}

int ph_dsp_unit_count(void) { return CATALOG_COUNT; }

int ph_dsp_param_index(const ph_unit_def *def, const char *name) {
  for (int i = 0; i < def->nparams; i++)
    if (strcmp(def->params[i].name, name) == 0) return i;
  return -1;
}
