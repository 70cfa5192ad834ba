/* Shared helpers for the unit tests: build patterns from mini-notation, query, compare. */
#ifndef PH_TEST_SUPPORT_H
#define PH_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "graph/graph.h"
#include "pattern/core.h"
#include "pattern/mini.h"
#include "pattern/registry.h"

extern ph_arena *t_arena; /* reset by t_setup/t_teardown around every test */
int t_setup(void **state);
int t_teardown(void **state);

ph_rat R(int64_t n, int64_t d);
ph_pat *M(const char *mini); /* parses or fails the test */
/* Applies a catalog transform by name to pat with pattern arguments. */
ph_pat *T(const char *name, ph_pat *pat, int nargs, ...);
ph_pat *N(double x); /* pure number */
ph_haps Q(ph_pat *p, int64_t b, int64_t e); /* query whole cycles, sorted */
/* Asserts the events, written as "whole_begin whole_end value" lines joined by "; ", e.g.
 * "0 1/2 bd; 1/2 1 sn"; a fragment is "whole_b whole_e (part_b part_e) value", a continuous
 * event "~ part_b part_e value". */
void assert_haps(ph_pat *p, int64_t b, int64_t e, const char *expected);
/* The same description of a query, for messages. */
const char *describe(ph_pat *p, int64_t b, int64_t e);

/* A program played for frames at rate: the left channel (test_malloc'd), and the right into
 * *right when that is not NULL (test_malloc'd too). Sample voices play from bank (may be NULL).
 * Fails the test on a compile error. */
struct ph_bank;
float *t_play(const char *program, int rate, int frames, const struct ph_bank *bank, float **right);
/* The left channel of `out` as the graph computes it, before the output stage (its level, the
 * DC guard and the limiter): for tests of a unit's own values (test_malloc'd). */
float *t_signal(const char *program, int rate, int frames);
/* A prepared graph made to run as if no output were ever steady (graph.h): every input a buffer. */
void t_graph_without_steady(ph_graph *g);
/* A whole file, NUL-terminated, from test_malloc (fails the test when it cannot be read). */
char *t_read_file(const char *path);
/* Every example and benchmark workload W1-W5 (PHONON_SOURCE_DIR: the caller's definition). */
#include <glob.h>
void t_glob_programs(const char *source_dir, glob_t *found);
struct ph_song_s;
/* The song's next `frames` frames, interleaved stereo, from test_malloc; the song destroyed. */
float *t_song_render(struct ph_song_s *song, int frames);

#endif
