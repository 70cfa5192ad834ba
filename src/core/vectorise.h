/* PH_VECTORISED: a function compiled three times, for AVX-512 (x86-64-v4: sixteen floats a
 * vector), for AVX2 (eight) and for any x86-64, the best the CPU runs chosen when the program
 * loads. The loops these mark are plain float and integer arithmetic, and ISO C mode keeps the
 * compiler from fusing a multiply and an add, so every version computes the same bits. */
#ifndef PH_CORE_VECTORISE_H
#define PH_CORE_VECTORISE_H

/* ThreadSanitizer instruments the resolver that picks the version, and the loader runs it before
 * the sanitizer's runtime is up (a crash at start): its builds get the one version. */
#if defined(__SANITIZE_THREAD__)
#define PH_NO_CLONES
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PH_NO_CLONES
#endif
#endif

#if defined(__x86_64__) && defined(__GNUC__) && !defined(PH_NO_CLONES)
#define PH_VECTORISED __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
/* Two versions only: AVX2 and any x86-64. */
#define PH_VECTORISED_AVX2 __attribute__((target_clones("avx2", "default")))
#else
#define PH_VECTORISED
#define PH_VECTORISED_AVX2
#endif

#endif
