/* select: a multiplexer, y = S[floor(INDEX) mod n], n the number of signals given (2 to 8),
 * so any index picks one of them: `select "0 1 2" (saw 110) (square 110) (sine 110)`. */
#include <math.h>

#include "dsp/unit.h"

enum { MAX_CHOICES = 8 };

static bool given(const ph_cable *c) { return c->buf || !isnan(c->constant); }

static void select_process(void *state, const ph_dsp_inputs *in, float *const *out, int frames) {
  (void)state;
  const ph_cable *index = &in->params[0], *choice = &in->params[1];
  int n = 2;
  for (int k = 2; k < MAX_CHOICES; k++)
    if (given(&choice[k])) n = k + 1;
  for (int i = 0; i < frames; i++) {
    double x = ph_dsp_clamp(ph_cable_at(index, i), -1e9, 1e9);
    int k = (int)fmod(floor(x), n);
    if (k < 0) k += n;
    out[0][i] = ph_dsp_signal(ph_cable_at(&choice[k], i)); /* an absent one between given ones is NaN: 0 */
  }
}

#define CHOICE(name) {name, "", NAN, -1e9f, 1e9f, false, false, "a further signal"}

static const ph_param_def select_params[] = {
    {"index", "index", 0.0f, -1e9f, 1e9f, true, true, "which signal, counting from 0, wrapping around"},
    {"s0", "", 0.0f, -1e9f, 1e9f, false, true, "signal 0"},
    {"s1", "", 0.0f, -1e9f, 1e9f, false, true, "signal 1"},
    CHOICE("s2"), CHOICE("s3"), CHOICE("s4"), CHOICE("s5"), CHOICE("s6"), CHOICE("s7"),
};

const ph_unit_def ph_unit_select = {
    .name = "select",
    .aliases = NULL,
    .doc = "one of 2 to 8 signals, chosen by an index that wraps around",
    .params = select_params,
    .nparams = PH_DSP_NPARAMS(select_params),
    .noutputs = 1,
    .state_size = ph_dsp_stateless_size,
    .init = ph_dsp_stateless_init,
    .process = select_process,
    .pointwise = true,
    .reset = NULL,
};
