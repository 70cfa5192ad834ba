/* Every parameter of every unit in the catalog is a signal: for each one, a buffer holding
 * its default sounds exactly like the constant default, and a buffer that steps to another
 * value halfway changes the output from that point on (and not before). A saw at 220 Hz plus a
 * sine at 97 Hz (-1..1, with steps and slopes) feeds the chain input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dsp_measure.h"

enum { FRAMES = 48000, HALF = FRAMES / 2 };

/* Another value in the parameter's range, clearly different from its default. */
static float other_value(const ph_param_def *p) {
  float v = p->def != 0.0f ? p->def * 1.5f : 0.25f * (p->max > 0.0f ? p->max : p->min);
  if (v > p->max || v < p->min) v = p->def * 0.5f;
  return v;
}

static void test_every_parameter_is_a_signal(void **st) {
  float *input = malloc(FRAMES * sizeof(float)), *same = malloc(FRAMES * sizeof(float)),
        *step = malloc(FRAMES * sizeof(float));
  for (int i = 0; i < FRAMES; i++)
    input[i] = (float)(fmod(220.0 * i / SR, 1.0) - 0.5 + 0.5 * sin(PH_DSP_TWO_PI * 97.0 * i / SR));
  int checked = 0;
  for (int u = 0; u < ph_dsp_unit_count(); u++) {
    const ph_unit_def *d = ph_dsp_unit_at(u);
    for (int k = 0; k < d->nparams; k++) {
      if (d->params[k].is_input) continue;
      t_param p[16];
      for (int j = 0; j < d->nparams; j++) p[j] = (t_param){d->params[j].is_input ? input : NULL, d->params[j].def};
      /* pm's MOD is silent by default, which would leave INDEX nothing to scale */
      if (strcmp(d->name, "pm") == 0 && k != 1) p[1].buf = input;
      float *base = t_render(d->name, p, FRAMES);
      for (int i = 0; i < FRAMES; i++) same[i] = d->params[k].def;
      p[k].buf = same;
      float *buffered = t_render(d->name, p, FRAMES);
      if (memcmp(base, buffered, FRAMES * sizeof(float)) != 0)
        fail_msg("%s: a buffer of %s's default sounds different from the constant", d->name, d->params[k].name);
      float alt = other_value(&d->params[k]);
      for (int i = 0; i < FRAMES; i++) step[i] = i < HALF ? d->params[k].def : alt;
      p[k].buf = step;
      float *moved = t_render(d->name, p, FRAMES);
      int first = 0;
      while (first < FRAMES && base[first] == moved[first]) first++;
      if (first < HALF || first == FRAMES)
        fail_msg("%s: stepping %s from %g to %g at sample %d changed sample %d first", d->name,
                 d->params[k].name, d->params[k].def, alt, HALF, first);
      assert_true(t_all_finite(moved, FRAMES));
      free(base);
      free(buffered);
      free(moved);
      checked++;
    }
  }
  print_message("%d parameters of %d units modulated\n", checked, ph_dsp_unit_count());
  assert_true(checked >= 20);
  free(input);
  free(same);
  free(step);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_parameter_is_a_signal),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
