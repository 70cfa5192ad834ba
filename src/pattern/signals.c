/* The periodic signals of Strudel's signal.mjs, built the way Strudel builds them (tri is a
 * fastcat of two saws, cosine an early sine...) so that queries split and sample alike.
 * Times are read as JavaScript reads a Fraction: its value as a double. */
#include "pattern/signals.h"

#include <math.h>

#include "pattern/random.h"
#include "pattern/registry.h"

static const double PI = 3.141592653589793; /* JavaScript's Math.PI */

static double seconds(ph_rat t) { return ph_rat_to_double(t); }

static ph_value saw_at(ph_rat t, const void *env) { return ph_num(fmod(seconds(t), 1)); }
static ph_value isaw_at(ph_rat t, const void *env) { return ph_num(1 - fmod(seconds(t), 1)); }
static ph_value sine2_at(ph_rat t, const void *env) { return ph_num(sin(PI * 2 * seconds(t))); }
static ph_value square_at(ph_rat t, const void *env) { return ph_num(floor(fmod(seconds(t) * 2, 2))); }
static ph_value time_at(ph_rat t, const void *env) { return ph_num(seconds(t)); }

static ph_value to_bipolar(ph_query *q, ph_value v, const void *env) {
  double x;
  return ph_value_to_num(v, &x) ? ph_num(x * 2 - 1) : v;
}

static ph_value from_bipolar(ph_query *q, ph_value v, const void *env) {
  double x;
  return ph_value_to_num(v, &x) ? ph_num((x + 1) / 2) : v;
}

ph_pat *ph_to_bipolar(ph_arena *a, ph_pat *pat) { return ph_fmap(a, pat, to_bipolar, NULL); }
ph_pat *ph_from_bipolar(ph_arena *a, ph_pat *pat) { return ph_fmap(a, pat, from_bipolar, NULL); }

ph_pat *ph_saw(ph_arena *a) { return ph_signal(a, saw_at, NULL); }
ph_pat *ph_saw2(ph_arena *a) { return ph_to_bipolar(a, ph_saw(a)); }
ph_pat *ph_isaw(ph_arena *a) { return ph_signal(a, isaw_at, NULL); }
ph_pat *ph_isaw2(ph_arena *a) { return ph_to_bipolar(a, ph_isaw(a)); }
ph_pat *ph_sine2(ph_arena *a) { return ph_signal(a, sine2_at, NULL); }
ph_pat *ph_sine(ph_arena *a) { return ph_from_bipolar(a, ph_sine2(a)); }
ph_pat *ph_cosine(ph_arena *a) { return ph_early_c(a, ph_rat_make(1, 4), ph_sine(a)); }
ph_pat *ph_cosine2(ph_arena *a) { return ph_early_c(a, ph_rat_make(1, 4), ph_sine2(a)); }
ph_pat *ph_square(ph_arena *a) { return ph_signal(a, square_at, NULL); }
ph_pat *ph_square2(ph_arena *a) { return ph_to_bipolar(a, ph_square(a)); }
ph_pat *ph_time_signal(ph_arena *a) { return ph_signal(a, time_at, NULL); }

static ph_pat *halves(ph_arena *a, ph_pat *first, ph_pat *second) {
  ph_pat *pats[] = {first, second};
  return ph_fastcat(a, pats, 2);
}

ph_pat *ph_tri(ph_arena *a) { return halves(a, ph_saw(a), ph_isaw(a)); }
ph_pat *ph_tri2(ph_arena *a) { return halves(a, ph_saw2(a), ph_isaw2(a)); }
ph_pat *ph_itri(ph_arena *a) { return halves(a, ph_isaw(a), ph_saw(a)); }
ph_pat *ph_itri2(ph_arena *a) { return halves(a, ph_isaw2(a), ph_saw2(a)); }

const ph_signal_def ph_signals_builtin[] = {
    {"sine", ph_sine, "sine wave from 0 to 1, one period per cycle"},
    {"cosine", ph_cosine, "sine shifted a quarter cycle earlier, 0 to 1"},
    {"saw", ph_saw, "ramp from 0 up to 1 every cycle"},
    {"isaw", ph_isaw, "ramp from 1 down to 0 every cycle"},
    {"tri", ph_tri, "triangle: 0 up to 1 in the first half cycle, back down in the second"},
    {"itri", ph_itri, "inverted triangle: 1 down to 0, then back up"},
    {"square", ph_square, "0 in the first half of each cycle, 1 in the second"},
    {"sine2", ph_sine2, "sine wave from -1 to 1"},
    {"cosine2", ph_cosine2, "cosine from -1 to 1"},
    {"saw2", ph_saw2, "ramp from -1 up to 1"},
    {"isaw2", ph_isaw2, "ramp from 1 down to -1"},
    {"tri2", ph_tri2, "triangle from -1 to 1"},
    {"itri2", ph_itri2, "inverted triangle from 1 to -1"},
    {"square2", ph_square2, "-1 in the first half of each cycle, 1 in the second"},
    {"time", ph_time_signal, "the cycle time itself"},
    {"rand", ph_rand, "random number in 0..1, the same at the same time (Strudel's generator)"},
    {"rand2", ph_rand2, "random number in -1..1"},
    {"brand", ph_brand, "random true or false, each with probability 1/2"},
    {"perlin", ph_perlin, "smooth random noise in 0..1, a new point every cycle"},
    {"berlin", ph_berlin, "sawtooth-shaped random noise in 0..1"},
    {0},
};
