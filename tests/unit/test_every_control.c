/* "Every parameter is a pattern" for sample voices: every control the sampler declares,
 * given as a pattern string and as a signal, must change what `s` plays compared with the
 * same control held at one value. The list comes from the sampler's own table. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "graph/song.h"
#include "support.h"
#include "voice/kit.h"
#include "voice/sampler.h"

#define RATE 22050

static ph_bank *bank;

static int setup(void **st) {
  bank = ph_bank_create(RATE);
  ph_kit_add_all(bank);
  return t_setup(st);
}

static int teardown(void **st) {
  ph_bank_destroy(bank);
  return t_teardown(st);
}

static bool render(const char *program, float *out, int frames, char *why, size_t why_size) {
  ph_song song;
  ph_error err = {0};
  ph_voice_hooks hooks = ph_sampler_hooks(bank);
  ph_song_options opt = {.rate = RATE, .voices = &hooks};
  if (!ph_song_compile(&song, program, "every-control.ph", &opt, &err)) {
    snprintf(why, why_size, "%d:%d %s", err.line, err.column, err.message);
    ph_song_destroy(&song);
    return false;
  }
  float block[2 * 512];
  for (int done = 0; done < frames;) {
    int n = frames - done < song.block ? frames - done : song.block;
    ph_song_process(&song, block, n);
    for (int i = 0; i < n; i++) out[done + i] = block[2 * i] + 0.5f * block[2 * i + 1];
    done += n;
  }
  ph_song_destroy(&song);
  return true;
}

/* Two values of each control, and what else the voice needs for it to be heard (a release
 * needs a length to end). */
static const struct {
  const char *name, *first, *second, *context, *after;
} controls[] = {
    {"n", "0", "1", "", NULL},
    {"note", "0", "7", "", NULL},
    {"speed", "1", "1.5", "", NULL},
    {"gain", "1", "0.5", "", NULL},
    {"velocity", "1", "0.5", "", NULL},
    {"pan", "0", "0.8", "", NULL},
    {"begin", "0", "0.2", "", NULL},
    {"end", "1", "0.5", "", NULL},
    {"loop", "0", "1", "# legato 2 # end 0.1", NULL},
    {"cut", "0", "1", "# legato 4", NULL},
    {"legato", "0.5", "0.25", "", NULL},
    {"sustain", "0.05", "0.1", "", NULL},
    {"unit", "0", "1", "", NULL},
    {"attack", "0", "0.02", "", NULL},
    {"release", "0.005", "0.05", "# legato 0.25", NULL},
    {"hold", "0.05", "0.1", "", NULL},
    {"shape", "0", "0.5", "", NULL},
    {"coarse", "1", "4", "", NULL},
    {"accelerate", "0", "1", "", NULL},
    {"decay", "0.01", "0.05", "# adsr 0 0.01 0.2 0.01", NULL},
    {"orbit", "0", "1", "", "# lpf 200"}, /* orbit 1 goes to o1, past the filter */
};

static void test_every_control_takes_a_pattern_and_a_signal(void **st) {
  static float a[RATE], b[RATE];
  char why[300], prog_a[512], prog_b[512];
  int checked = 0;
  for (int p = 0; p < ph_unit_sampler.nparams; p++) {
    const char *name = ph_unit_sampler.params[p].name;
    int k = -1;
    for (size_t i = 0; i < sizeof controls / sizeof *controls; i++)
      if (!strcmp(controls[i].name, name)) k = (int)i;
    if (k < 0) fail_msg("no test values for the sampler's control '%s'", name);
    /* the value moves from the second cycle on: at cps 2, half a second in */
    const char *forms[2] = {"\"<%s %s>\"", "(line %s %s)"};
    const char *after = controls[k].after ? controls[k].after : "";
    snprintf(prog_a, sizeof prog_a, "cps: 2\nout $ s \"cp*4\" %s # %s %s %s\n", controls[k].context, name, controls[k].first, after);
    if (!render(prog_a, a, RATE, why, sizeof why)) fail_msg("%s: %s", prog_a, why);
    for (int f = 0; f < 2; f++) {
      char value[64];
      snprintf(value, sizeof value, forms[f], controls[k].first, controls[k].second);
      snprintf(prog_b, sizeof prog_b, "cps: 2\nout $ s \"cp*4\" %s # %s %s %s\n", controls[k].context, name, value, after);
      if (!render(prog_b, b, RATE, why, sizeof why)) fail_msg("%s: %s", prog_b, why);
      double diff = 0;
      for (int i = 0; i < RATE; i++) diff = fmax(diff, fabs((double)a[i] - b[i]));
      if (!(diff > 1e-4)) fail_msg("s # %s: %s there changes nothing\n  %s  %s", name, f ? "a signal" : "a pattern", prog_a, prog_b);
      checked++;
    }
  }
  print_message("every-control: %d controls of s take patterns and signals\n", checked / 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_control_takes_a_pattern_and_a_signal),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
