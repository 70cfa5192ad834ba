#include "graph/arith.h"

#include <math.h>
#include <string.h>

#include "core/vectorise.h"

static const ph_param_def operands[] = {
    {"a", "", 0, -INFINITY, INFINITY, true, true, "left operand"},
    {"b", "", 0, -INFINITY, INFINITY, false, true, "right operand"},
};

static size_t no_state(const ph_dsp_config *cfg) { return 1; }
static void no_init(void *state, const ph_dsp_config *cfg) {}

/* Non-finite results become 0 so that no inf or NaN ever leaves a node (a comparison the
 * compiler can vectorise: false for NaN and for both infinities). */
static inline float finite_or_zero(float x) { return fabsf(x) <= 3.4028234663852886e38f ? x : 0.0f; }

/* One loop per combination of buffer and constant, so each vectorises (eight floats a vector
 * in the AVX2 clone). */
static float sum_max(const float *m) { return m[0] + m[1]; }
static float product_max(const float *m) { return m[0] * m[1]; }
static float quotient_max(const float *m) { return m[0] * 1e10f; }

#define ARITH_UNIT(NAME, EXPR, MAX, DOC)                                                          \
  PH_VECTORISED                                                                             \
  static void NAME##_process(void *state, const ph_dsp_inputs *in, float *const *out, int n) { \
    const float *restrict pa = in->params[0].buf, *restrict pb = in->params[1].buf;         \
    float ka = in->params[0].constant, kb = in->params[1].constant;                         \
    float *restrict y = out[0];                                                             \
    if (pa && pb)                                                                           \
      for (int i = 0; i < n; i++) {                                                         \
        float a = pa[i], b = pb[i];                                                         \
        y[i] = finite_or_zero(EXPR);                                                        \
      }                                                                                     \
    else if (pa)                                                                            \
      for (int i = 0; i < n; i++) {                                                         \
        float a = pa[i], b = kb;                                                            \
        y[i] = finite_or_zero(EXPR);                                                        \
      }                                                                                     \
    else if (pb)                                                                            \
      for (int i = 0; i < n; i++) {                                                         \
        float a = ka, b = pb[i];                                                            \
        y[i] = finite_or_zero(EXPR);                                                        \
      }                                                                                     \
    else                                                                                    \
      for (int i = 0; i < n; i++) {                                                         \
        float a = ka, b = kb;                                                               \
        y[i] = finite_or_zero(EXPR);                                                        \
      }                                                                                     \
  }                                                                                         \
  const ph_unit_def ph_unit_##NAME = {                                                      \
      .name = #NAME, .doc = DOC, .params = operands, .nparams = 2, .noutputs = 1,           \
      .state_size = no_state, .init = no_init, .process = NAME##_process, .max_out = MAX,   \
      .pointwise = true};

ARITH_UNIT(add, a + b, sum_max, "a + b, sample by sample")
ARITH_UNIT(sub, a - b, sum_max, "a - b, sample by sample")
ARITH_UNIT(mul, a * b, product_max, "a * b, sample by sample")
ARITH_UNIT(div, fabsf(b) < 1e-10f ? 0.0f : a / b, quotient_max, "a / b, sample by sample (0 where |b| < 1e-10)")

/* a·b + c·d + e·f + …: the terms, each a product made finite as mul makes it, added from the
 * left with every partial sum made finite as add makes it, which are the numbers of the chain
 * of adds and muls it replaces (prepare fuses such chains; a term that is no product is its
 * value times 1). Parameters in pairs: term k is params 2k and 2k + 1. */
#define TERM(K) {"a" #K, "", 0, -INFINITY, INFINITY, K == 0, true, ""}, {"b" #K, "", 1, -INFINITY, INFINITY, false, true, ""}
static const ph_param_def factors[2 * PH_SUM_MAX] = {
    TERM(0), TERM(1), TERM(2),  TERM(3),  TERM(4),  TERM(5),  TERM(6),  TERM(7),
    TERM(8), TERM(9), TERM(10), TERM(11), TERM(12), TERM(13), TERM(14), TERM(15),
};

/* A term whose factors are a finite value (a buffer's are) and 1: the value is the product. */
static inline bool plain(const ph_cable *p, int k) {
  return !p[2 * k + 1].buf && p[2 * k + 1].constant == 1.0f && (p[2 * k].buf || isfinite(p[2 * k].constant));
}

/* The terms are added up 32 samples at a time in registers (four vectors of 8 floats, AVX's
 * width): each factor read once and the sum written once, where the chain writes and reads a
 * buffer for each product and each partial sum. Macros, not functions: a vector wider than
 * the clone's registers may not pass through a call. */
typedef float vf __attribute__((vector_size(32)));
typedef int32_t vi __attribute__((vector_size(32)));
enum { LANES = sizeof(vf) / sizeof(float) };

/* v = finite_or_zero(v), lane by lane: finite where the magnitude's bits are at most FLT_MAX's */
#define FINITE_V(v) ((v) = (vf)((vi)(v) & (((vi)(v) & 0x7fffffff) <= 0x7f7fffff)))
/* v = the cable's LANES samples from i */
#define FACTOR_V(v, c, i) ((c)->buf ? (void)memcpy(&(v), (c)->buf + (i), sizeof(v)) : (void)((v) = (vf){0} + (c)->constant))
/* v = term k's LANES samples from i (`product`: not plain) */
#define TERM_V(v, p, k, product, i)                                  \
  do {                                                               \
    FACTOR_V(v, &(p)[2 * (k)], i);                                   \
    if (product) {                                                   \
      vf other_;                                                     \
      FACTOR_V(other_, &(p)[2 * (k) + 1], i);                        \
      (v) *= other_;                                                 \
      FINITE_V(v);                                                   \
    }                                                                \
  } while (0)

static inline float term(const ph_cable *p, int k, int i) {
  return finite_or_zero(ph_cable_at(&p[2 * k], i) * ph_cable_at(&p[2 * k + 1], i));
}

PH_VECTORISED
static void sum_process(void *state, const ph_dsp_inputs *in, float *const *out, int n) {
  enum { V = 4, TILE = V * LANES };
  const ph_cable *p = in->params;
  int terms = in->nparams / 2, i = 0;
  bool product[PH_SUM_MAX];
  for (int k = 0; k < terms; k++) product[k] = !plain(p, k);
  float *y = out[0];
  for (; i + TILE <= n; i += TILE) {
    vf acc[V], t;
    for (int q = 0; q < V; q++) TERM_V(acc[q], p, 0, product[0], i + LANES * q);
    for (int k = 1; k < terms; k++)
      for (int q = 0; q < V; q++) {
        TERM_V(t, p, k, product[k], i + LANES * q);
        acc[q] += t;
        FINITE_V(acc[q]);
      }
    memcpy(y + i, acc, sizeof acc);
  }
  for (; i < n; i++) {
    float acc = finite_or_zero(term(p, 0, i) + term(p, 1, i));
    for (int k = 2; k < terms; k++) acc = finite_or_zero(acc + term(p, k, i));
    y[i] = acc;
  }
}

#define SUM_MAX(K)                                 \
  static float sum##K##_max(const float *m) {      \
    float total = 0;                               \
    for (int k = 0; k < K; k++) total += m[2 * k] * m[2 * k + 1]; \
    return total;                                  \
  }
#define SUM_DEF(K)                                                                                                \
  {.name = "add", .doc = "a·b + c·d + ..., sample by sample", .params = factors, .nparams = 2 * K, .noutputs = 1, \
   .state_size = no_state, .init = no_init, .process = sum_process, .max_out = sum##K##_max, .pointwise = true}
SUM_MAX(2) SUM_MAX(3) SUM_MAX(4) SUM_MAX(5) SUM_MAX(6) SUM_MAX(7) SUM_MAX(8) SUM_MAX(9) SUM_MAX(10) SUM_MAX(11)
SUM_MAX(12) SUM_MAX(13) SUM_MAX(14) SUM_MAX(15) SUM_MAX(16)
_Static_assert(PH_SUM_MAX == 16, "a definition for every count of terms");
static const ph_unit_def sums[PH_SUM_MAX + 1] = {
    [2] = SUM_DEF(2),   [3] = SUM_DEF(3),   [4] = SUM_DEF(4),   [5] = SUM_DEF(5),   [6] = SUM_DEF(6),
    [7] = SUM_DEF(7),   [8] = SUM_DEF(8),   [9] = SUM_DEF(9),   [10] = SUM_DEF(10), [11] = SUM_DEF(11),
    [12] = SUM_DEF(12), [13] = SUM_DEF(13), [14] = SUM_DEF(14), [15] = SUM_DEF(15), [16] = SUM_DEF(16),
};

const ph_unit_def *ph_unit_sum(int terms_count) {
  return terms_count >= 2 && terms_count <= PH_SUM_MAX ? &sums[terms_count] : NULL;
}

int ph_unit_sum_terms(const ph_unit_def *def) {
  for (int k = 2; k <= PH_SUM_MAX; k++)
    if (def == &sums[k]) return k;
  return 0;
}

static const ph_param_def bus_params[] = {{"in", "", 0, -INFINITY, INFINITY, true, false, "the bus's signal"}};

static void bus_process(void *state, const ph_dsp_inputs *in, float *const *out, int n) {
  ph_cable_copy(&in->params[0], out[0], n);
}

static float bus_max(const float *m) { return m[0]; }

const ph_unit_def ph_unit_bus = {.name = "bus", .doc = "a named signal", .params = bus_params, .nparams = 1, .noutputs = 1,
                                  .state_size = no_state, .init = no_init, .process = bus_process, .max_out = bus_max,
                                  .pointwise = true};
