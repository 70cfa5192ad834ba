/* Strudel's operators on patterns: arithmetic and the structure composers (set, keep,
 * keepif), each in every "how" (in, out, mix, squeeze, squeezeout, reset, restart).
 * Values combine as Strudel's _composeOp: maps union key by key, note names become numbers. */
#ifndef PH_PATTERN_OPS_H
#define PH_PATTERN_OPS_H

#include "pattern/core.h"

typedef enum {
  PH_OP_ADD, PH_OP_SUB, PH_OP_MUL, PH_OP_DIV, PH_OP_MOD, PH_OP_POW,
  PH_OP_LT, PH_OP_GT, PH_OP_LTE, PH_OP_GTE, PH_OP_EQ, PH_OP_NE,
  PH_OP_AND, PH_OP_OR,
  PH_OP_SET, PH_OP_KEEP, PH_OP_KEEPIF,
} ph_op;

typedef enum {
  PH_HOW_IN, PH_HOW_OUT, PH_HOW_MIX, PH_HOW_SQUEEZE, PH_HOW_SQUEEZEOUT, PH_HOW_RESET, PH_HOW_RESTART,
} ph_how;

/* pat <op>.<how> other, e.g. "0 1".add.out("10 20"). */
ph_pat *ph_op_apply(ph_arena *a, ph_op op, ph_how how, ph_pat *pat, ph_pat *other);
/* Combines two plain values as the operator does (maps by key, note names as numbers). */
ph_value ph_op_values(ph_query *q, ph_op op, ph_value x, ph_value y);

/* struct: keep pat's values at the true events of mask (keepif.out); mask: keepif.in. */
ph_pat *ph_struct_c(ph_arena *a, ph_pat *mask, ph_pat *pat);
ph_pat *ph_mask_c(ph_arena *a, ph_pat *mask, ph_pat *pat);
/* segment n: n events per cycle, each the value at its start (sampling continuous patterns). */
ph_pat *ph_segment_c(ph_arena *a, ph_rat n, ph_pat *pat);
/* repeatCycles n: every cycle repeats n times. */
ph_pat *ph_repeat_cycles_c(ph_arena *a, ph_rat n, ph_pat *pat);
/* A note name as a MIDI number (c4 = 60): a letter a-g, accidentals from "#bsf" (s and # sharp,
 * b and f flat), an optional signed octave (default_octave when absent), as Strudel's isNote. */
bool ph_note_midi(const char *name, int default_octave, double *midi);
/* Numbers of a value as Strudel's numeral reading: numbers, numeric words, note names (a3=57). */
bool ph_value_numeral(ph_value v, double *out);


#endif
