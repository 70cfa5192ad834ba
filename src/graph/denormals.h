/* Denormal numbers off while a block is computed: results too small for a normal float become
 * 0 (flush to zero) and such inputs are read as 0 (denormals are zero). Units flush their own
 * state too; this covers whatever they miss, where a denormal costs a hundred times a normal
 * operation. The caller's setting is given back after the block, so a program embedding
 * libphonon keeps its own. */
#ifndef PH_GRAPH_DENORMALS_H
#define PH_GRAPH_DENORMALS_H

#if defined(__SSE2__)
#include <xmmintrin.h>
static inline unsigned ph_denormals_off(void) {
  unsigned was = _mm_getcsr();
  _mm_setcsr(was | 0x8040u); /* FTZ | DAZ */
  return was;
}
static inline void ph_denormals_restore(unsigned was) { _mm_setcsr(was); }
#else
static inline unsigned ph_denormals_off(void) { return 0; }
static inline void ph_denormals_restore(unsigned was) { (void)was; }
#endif

#endif
