/* Whether a block held one value: what units whose outputs settle tell the graph (unit.h). */
#include <string.h>

#include "core/vectorise.h"
#include "dsp/unit.h"

/* (static: a clang build makes the clones' dispatcher only for a caller in the same file) */
PH_VECTORISED
static bool held(const float *y, int n) {
  uint32_t first, differ = 0;
  memcpy(&first, y, sizeof first);
  for (int i = 1; i < n; i++) {
    uint32_t bits;
    memcpy(&bits, &y[i], sizeof bits);
    differ |= bits ^ first;
  }
  return differ == 0;
}

bool ph_dsp_held(const float *y, int n) { return n > 0 && held(y, n); }
