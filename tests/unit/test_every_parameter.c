/* "Every parameter is a pattern", checked by the machine: for every unit in the catalog and
 * every parameter it declares, a render with a constant there and a render with a pattern
 * there must differ. The list comes from the catalog itself, so a new unit is covered as
 * soon as its table is. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dsp/catalog.h"
#include "graph/song.h"
#include "support.h"

#define RATE 22050

static bool render(const char *program, float *out, int frames, char *why, size_t why_size) {
  ph_song song;
  ph_error err = {0};
  ph_song_options opt = {RATE, 0};
  if (!ph_song_compile(&song, program, "every-parameter.ph", &opt, &err)) {
    snprintf(why, why_size, "%d:%d %s", err.line, err.column, err.message);
    ph_song_destroy(&song);
    return false;
  }
  /* The output node itself, before the mix and the limiter: a unit whose output is far
   * above full scale (mtof gives Hz) must still show the difference. */
  float block[2 * 512];
  for (int done = 0; done < frames;) {
    int n = frames - done < song.block ? frames - done : song.block;
    ph_song_process(&song, block, n);
    const float *raw = ph_graph_output(&song.graph, song.outputs[0].left);
    for (int i = 0; i < n; i++) out[done + i] = raw[i];
    done += n;
  }
  ph_song_destroy(&song);
  return true;
}

/* A second value for a parameter: clearly different from its default, inside its range. */
static float other_value(const ph_param_def *p) {
  float v = p->def != 0 ? p->def * 1.37f : 0.37f;
  if (v < p->min || v > p->max) v = p->def * 0.37f;
  if (v < p->min || v > p->max || v == p->def) v = p->min + (p->max - p->min) * 0.37f;
  return v;
}

/* The program's call: the unit with `target` given as `value`, after a test signal when the
 * unit takes an input. */
static void program_for(const ph_unit_def *u, int target, const char *value, char *buf, size_t size) {
  bool has_input = false;
  for (int i = 0; i < u->nparams; i++) has_input |= u->params[i].is_input;
  size_t len = (size_t)snprintf(buf, size, "cps: 1\nout $ %s%s", has_input ? "(saw 220 * 0.5 + sine 3 * 0.6) # " : "", u->name);
  for (int i = 0; i < u->nparams; i++) {
    const ph_param_def *p = &u->params[i];
    if (p->is_input) continue;
    /* The other parameters away from their defaults too: a default of 0 can silence the
     * parameter under test (a modulation index with no modulator). */
    if (i == target)
      len += (size_t)snprintf(buf + len, size - len, " :%s %s", p->name, value);
    else
      len += (size_t)snprintf(buf + len, size - len, " :%s %g", p->name, other_value(p));
  }
  snprintf(buf + len, size - len, "\n");
}

static void test_every_parameter_of_every_unit_takes_a_pattern(void **s) {
  static float a[RATE], b[RATE];
  const ph_unit_def *u;
  int checked = 0;
  for (int k = 0; (u = ph_dsp_unit_at(k)); k++)
    for (int i = 0; i < u->nparams; i++) {
      const ph_param_def *p = &u->params[i];
      if (p->is_input) continue;
      char constant[64], pattern[96], prog_a[512], prog_b[512], why[300];
      snprintf(constant, sizeof constant, "%g", p->def);
      float v = other_value(p);
      snprintf(pattern, sizeof pattern, "\"%g %g %g %g\"", p->def, v, v, v);
      program_for(u, i, constant, prog_a, sizeof prog_a);
      program_for(u, i, pattern, prog_b, sizeof prog_b);
      if (!render(prog_a, a, RATE, why, sizeof why)) fail_msg("%s: %s", prog_a, why);
      if (!render(prog_b, b, RATE, why, sizeof why)) fail_msg("%s: %s", prog_b, why);
      double diff = 0;
      for (int j = 0; j < RATE; j++) diff = fmax(diff, fabs((double)a[j] - b[j]));
      if (!(diff > 1e-4))
        fail_msg("%s :%s: a pattern there changes nothing (max difference %g)\n  %s  %s", u->name, p->name, diff,
                 prog_a, prog_b);
      checked++;
    }
  print_message("every-parameter: %d parameters of %d units take patterns\n", checked, ph_dsp_unit_count());
  assert_true(checked > 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_parameter_of_every_unit_takes_a_pattern),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
