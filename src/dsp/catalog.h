/* The catalog of unit generators: every unit's table, found by name or alias. The language's
 * function list and `phonon functions --json` are generated from it. */
#ifndef PH_DSP_CATALOG_H
#define PH_DSP_CATALOG_H

#include "dsp/unit.h"

/* Each unit's table lives in its own file. */
extern const ph_unit_def ph_unit_sine;
extern const ph_unit_def ph_unit_saw;
extern const ph_unit_def ph_unit_square;
extern const ph_unit_def ph_unit_tri;
extern const ph_unit_def ph_unit_pulse;
extern const ph_unit_def ph_unit_white_noise;
extern const ph_unit_def ph_unit_pink_noise;
extern const ph_unit_def ph_unit_brown_noise;
extern const ph_unit_def ph_unit_lpf;
extern const ph_unit_def ph_unit_hpf;
extern const ph_unit_def ph_unit_bpf;
extern const ph_unit_def ph_unit_notch;
extern const ph_unit_def ph_unit_svf_lp;
extern const ph_unit_def ph_unit_svf_hp;
extern const ph_unit_def ph_unit_svf_bp;
extern const ph_unit_def ph_unit_svf_notch;
extern const ph_unit_def ph_unit_delay;
extern const ph_unit_def ph_unit_impulse;
extern const ph_unit_def ph_unit_fm;
extern const ph_unit_def ph_unit_pm;
extern const ph_unit_def ph_unit_distort;
extern const ph_unit_def ph_unit_bitcrush;
extern const ph_unit_def ph_unit_lag;
extern const ph_unit_def ph_unit_moog_ladder;
extern const ph_unit_def ph_unit_reverb;
extern const ph_unit_def ph_unit_pan2;
extern const ph_unit_def ph_unit_sample_hold;
extern const ph_unit_def ph_unit_schmidt;
extern const ph_unit_def ph_unit_rms;
extern const ph_unit_def ph_unit_mtof;
extern const ph_unit_def ph_unit_min;
extern const ph_unit_def ph_unit_wrap;
extern const ph_unit_def ph_unit_xfade;
extern const ph_unit_def ph_unit_if;
extern const ph_unit_def ph_unit_range;
extern const ph_unit_def ph_unit_asr;
extern const ph_unit_def ph_unit_ring;
extern const ph_unit_def ph_unit_tremolo;
extern const ph_unit_def ph_unit_comb;
extern const ph_unit_def ph_unit_allpass;
extern const ph_unit_def ph_unit_ad;
extern const ph_unit_def ph_unit_adsr;
extern const ph_unit_def ph_unit_tar;
extern const ph_unit_def ph_unit_tadsr;
extern const ph_unit_def ph_unit_gate;
extern const ph_unit_def ph_unit_trig;
extern const ph_unit_def ph_unit_line;
extern const ph_unit_def ph_unit_env;
extern const ph_unit_def ph_unit_env_trig;
extern const ph_unit_def ph_unit_segments;
extern const ph_unit_def ph_unit_select;
extern const ph_unit_def ph_unit_timer;
extern const ph_unit_def ph_unit_peak_follower;
extern const ph_unit_def ph_unit_amp_follower;
extern const ph_unit_def ph_unit_xline;
extern const ph_unit_def ph_unit_curve;
extern const ph_unit_def ph_unit_amp;
extern const ph_unit_def ph_unit_mix;
extern const ph_unit_def ph_unit_rlpf;
extern const ph_unit_def ph_unit_rhpf;
extern const ph_unit_def ph_unit_chorus;
extern const ph_unit_def ph_unit_superkick;
extern const ph_unit_def ph_unit_supersaw;
extern const ph_unit_def ph_unit_superpwm;
extern const ph_unit_def ph_unit_superchip;
extern const ph_unit_def ph_unit_superfm;
extern const ph_unit_def ph_unit_supersnare;
extern const ph_unit_def ph_unit_superhat;
extern const ph_unit_def ph_unit_supersquare;
extern const ph_unit_def ph_unit_supergong;
extern const ph_unit_def ph_unit_superpiano;

/* By name or by one of its aliases; NULL when unknown. */
const ph_unit_def *ph_dsp_unit_find(const char *name);
/* Iterates the catalog in order: NULL past the end. */
const ph_unit_def *ph_dsp_unit_at(int index);
int ph_dsp_unit_count(void);
/* Index of the parameter called name in def, or -1. */
int ph_dsp_param_index(const ph_unit_def *def, const char *name);

#endif
