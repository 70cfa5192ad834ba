/* The constructors and combinators every other pattern function is built from, each with
 * the meaning Strudel's function of the same name has. All allocate from the given arena
 * and return NULL only when it is exhausted. */
#ifndef PH_PATTERN_CORE_H
#define PH_PATTERN_CORE_H

#include "pattern/pattern.h"

/* ---- constructors ---- */
ph_pat *ph_silence(ph_arena *a);
ph_pat *ph_pure(ph_arena *a, ph_value v); /* one event per cycle; marked pure */
ph_pat *ph_steady(ph_arena *a, ph_value v); /* continuous, the same value everywhere */
/* Continuous: one whole-less event per query, valued fn(query begin). */
typedef ph_value (*ph_signal_fn)(ph_rat t, const void *env);
ph_pat *ph_signal(ph_arena *a, ph_signal_fn fn, const void *env);

ph_pat *ph_stack(ph_arena *a, ph_pat *const *pats, int n);
ph_pat *ph_slowcat(ph_arena *a, ph_pat *const *pats, int n); /* one cycle each, in turn */
ph_pat *ph_fastcat(ph_arena *a, ph_pat *const *pats, int n); /* all in one cycle = sequence */
/* Each pattern takes a share of the cycle proportional to its weight (Strudel's timecat). */
ph_pat *ph_timecat(ph_arena *a, const ph_rat *weights, ph_pat *const *pats, int n);

/* ---- time ---- */
ph_pat *ph_split_queries(ph_arena *a, ph_pat *pat);
/* Query time t maps to t*scale + shift, event time back by the inverse. */
ph_pat *ph_with_time(ph_arena *a, ph_pat *pat, ph_rat scale, ph_rat shift);
ph_pat *ph_fast_c(ph_arena *a, ph_rat factor, ph_pat *pat); /* 0 gives silence */
ph_pat *ph_slow_c(ph_arena *a, ph_rat factor, ph_pat *pat);
ph_pat *ph_early_c(ph_arena *a, ph_rat offset, ph_pat *pat);
ph_pat *ph_late_c(ph_arena *a, ph_rat offset, ph_pat *pat);
/* Squeezes each cycle into [b, e) of the cycle, silence elsewhere (invalid b,e: silence). */
ph_pat *ph_compress_c(ph_arena *a, ph_rat b, ph_rat e, ph_pat *pat);
ph_pat *ph_fastgap_c(ph_arena *a, ph_rat factor, ph_pat *pat);
/* The cycle containing b is stretched to fill [b, e) (Strudel's focus). */
ph_pat *ph_focus_c(ph_arena *a, ph_rat b, ph_rat e, ph_pat *pat);
ph_pat *ph_focus_span_c(ph_arena *a, ph_span s, ph_pat *pat);

/* ---- values and structure ---- */
typedef ph_value (*ph_map_fn)(ph_query *q, ph_value v, const void *env);
ph_pat *ph_fmap(ph_arena *a, ph_pat *pat, ph_map_fn fn, const void *env);
typedef bool (*ph_hap_pred)(const ph_hap *h, const void *env);
ph_pat *ph_filter_haps(ph_arena *a, ph_pat *pat, ph_hap_pred pred, const void *env);
ph_pat *ph_filter_onsets(ph_arena *a, ph_pat *pat); /* only fragments holding their onset */
ph_pat *ph_discrete_only(ph_arena *a, ph_pat *pat); /* drops continuous events */
/* The k-th event (by onset, from 0) of each cycle, lasting the whole cycle. */
ph_pat *ph_nth_in_cycle(ph_arena *a, ph_pat *pat, int k);

/* Combines values of two patterns; the structure comes from the left (app_left), the right
 * (app_right) or both (app_both: wholes intersect), as Strudel's appLeft/appRight/appBoth. */
typedef ph_value (*ph_combine_fn)(ph_query *q, ph_value left, ph_value right, const void *env);
ph_pat *ph_app_left(ph_arena *a, ph_pat *left, ph_pat *right, ph_combine_fn fn, const void *env);
ph_pat *ph_app_right(ph_arena *a, ph_pat *left, ph_pat *right, ph_combine_fn fn, const void *env);
ph_pat *ph_app_both(ph_arena *a, ph_pat *left, ph_pat *right, ph_combine_fn fn, const void *env);

/* Patterns of patterns (values of kind PH_VAL_PAT) flattened as Strudel's joins. */
ph_pat *ph_inner_join(ph_arena *a, ph_pat *pat_of_pats);
ph_pat *ph_outer_join(ph_arena *a, ph_pat *pat_of_pats);
ph_pat *ph_join(ph_arena *a, ph_pat *pat_of_pats); /* wholes are the intersection */
ph_pat *ph_squeeze_join(ph_arena *a, ph_pat *pat_of_pats);
ph_pat *ph_reset_join(ph_arena *a, ph_pat *pat_of_pats, bool restart);

/* ---- patterned arguments ---- */
/* The constant version of a transform: args are plain values. It may fail (bad argument)
 * by returning NULL with err set; it then must not have touched anything else. */
typedef ph_pat *(*ph_const_fn)(ph_arena *a, const ph_value *args, ph_pat *pat, ph_error *err);
/* Strudel's register(): when every argument is pure the constant version is called once;
 * otherwise the arguments are combined with appLeft and the results joined with innerJoin,
 * so `fast "1 2"` is fast 1 in the first half and fast 2 in the second. */
ph_pat *ph_patternify(ph_arena *a, ph_const_fn fn, ph_pat *const *args, int nargs, ph_pat *pat, ph_error *err);
typedef enum { PH_JOIN_INNER, PH_JOIN_OUTER, PH_JOIN_SQUEEZE } ph_join_kind;
ph_pat *ph_patternify_join(ph_arena *a, ph_const_fn fn, ph_pat *const *args, int nargs, ph_pat *pat,
                           ph_join_kind join, ph_error *err);

/* Argument helpers for constant versions: a value as a rational or integer, with an error. */
bool ph_arg_rat(ph_value v, ph_rat *out, ph_error *err, const char *what);
bool ph_arg_num(ph_value v, double *out, ph_error *err, const char *what);

#endif
