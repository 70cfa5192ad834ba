#include "graph/arith.h"

#include <math.h>

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

static const ph_param_def bus_params[] = {{"in", "", 0, -INFINITY, INFINITY, true, false, "the bus's signal"}};

static void bus_process(void *state, const ph_dsp_inputs *in, float *const *out, int n) {
  ph_cable_copy(&in->params[0], out[0], n);
}

static float bus_max(const float *m) { return m[0]; }

const ph_unit_def ph_unit_bus = {.name = "bus", .doc = "a named signal", .params = bus_params, .nparams = 1, .noutputs = 1,
                                  .state_size = no_state, .init = no_init, .process = bus_process, .max_out = bus_max,
                                  .pointwise = true};
