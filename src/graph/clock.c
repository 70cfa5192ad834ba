#include "graph/clock.h"

void ph_clock_init(ph_clock *c, int64_t rate, ph_rat cps) {
  c->rate = rate;
  c->cps = cps;
  c->origin_cycle = ph_rat_int(0);
  c->origin_sample = 0;
}

ph_rat ph_clock_cycle_at(const ph_clock *c, int64_t n) {
  ph_rat elapsed = ph_rat_make(n - c->origin_sample, c->rate);
  return ph_rat_add(c->origin_cycle, ph_rat_mul(elapsed, c->cps));
}

void ph_clock_set_cps(ph_clock *c, int64_t n, ph_rat cps) {
  c->origin_cycle = ph_clock_cycle_at(c, n);
  c->origin_sample = n;
  c->cps = cps;
}

int64_t ph_clock_sample_of(const ph_clock *c, ph_rat p) {
  ph_rat seconds = ph_rat_div(ph_rat_sub(p, c->origin_cycle), c->cps);
  ph_rat samples = ph_rat_mul(seconds, ph_rat_int(c->rate));
  return c->origin_sample + ph_rat_floor_int(ph_rat_add(samples, ph_rat_make(1, 2)));
}

ph_span ph_clock_block_span(const ph_clock *c, int64_t n, int frames) {
  ph_rat half = ph_rat_div(c->cps, ph_rat_int(2 * c->rate));
  return (ph_span){ph_rat_sub(ph_clock_cycle_at(c, n), half), ph_rat_sub(ph_clock_cycle_at(c, n + frames), half)};
}
