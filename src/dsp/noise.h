/* The random generator the noise units keep in their state: xorshift32, seeded from the
 * configuration's seed, so the same seed gives the same noise, bit for bit. */
#ifndef PH_DSP_NOISE_H
#define PH_DSP_NOISE_H

#include <stdint.h>

/* A seed of any value (0 included) mixed into a nonzero xorshift state. */
static inline uint32_t ph_noise_seed(uint32_t seed) {
  uint32_t z = seed + 0x9E3779B9u;
  z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
  z = (z ^ (z >> 13)) * 0xC2B2AE35u;
  z ^= z >> 16;
  return z ? z : 0x6D2B79F5u;
}

/* Uniform in [-1, 1). */
static inline float ph_noise_next(uint32_t *s) {
  uint32_t x = *s;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *s = x;
  return (float)(int32_t)x * (1.0f / 2147483648.0f);
}

#endif
