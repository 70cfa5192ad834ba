/* The state of peak_follower and amp_follower is one ph_follower (follower.h). */
#include "dsp/follower.h"

size_t ph_follower_size(const ph_dsp_config *cfg) { return sizeof(ph_follower); }

void ph_follower_reset(void *state) {
  ph_follower *f = state;
  f->y = f->ms = 0.0;
}

void ph_follower_init(void *state, const ph_dsp_config *cfg) {
  ph_follower *f = state;
  *f = (ph_follower){.sample_rate = cfg->sample_rate, .last_attack = NAN, .last_release = NAN, .last_window = NAN};
}
