/* PH_VECTORISED: a function compiled three times, for AVX-512 (x86-64-v4: sixteen floats a
 * vector), for AVX2 (eight) and for any x86-64, the best the CPU runs chosen when the program
 * loads. The loops these mark are plain float and integer arithmetic, and ISO C mode keeps the
 * compiler from fusing a multiply and an add, so every version computes the same bits. */
#ifndef PH_CORE_VECTORISE_H
#define PH_CORE_VECTORISE_H

#if defined(__x86_64__) && defined(__GNUC__)
#define PH_VECTORISED __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#else
#define PH_VECTORISED
#endif

#endif
