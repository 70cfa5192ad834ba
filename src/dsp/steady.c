/* Whether a block held one value: what units whose outputs settle tell the graph (unit.h). */
#include <string.h>

#include "core/vectorise.h"
#include "dsp/unit.h"

PH_VECTORISED
bool ph_dsp_held(const float *y, int n) {
  if (n <= 0) return false;
  uint32_t first, differ = 0;
  memcpy(&first, y, sizeof first);
  for (int i = 1; i < n; i++) {
    uint32_t bits;
    memcpy(&bits, &y[i], sizeof bits);
    differ |= bits ^ first;
  }
  return differ == 0;
}
