/* An integer hash: every input bit moves every output bit, so consecutive counts come out
 * looking independent. Noise and dither draw from it by sample index, each sample on its
 * own, which lets a block of them be computed side by side. */
#ifndef PH_CORE_HASH_H
#define PH_CORE_HASH_H

#include <stdint.h>

static inline uint32_t ph_hash32(uint32_t k) {
  k ^= k >> 16;
  k *= 0x7feb352du;
  k ^= k >> 15;
  k *= 0x846ca68bu;
  k ^= k >> 16;
  return k;
}

#endif
