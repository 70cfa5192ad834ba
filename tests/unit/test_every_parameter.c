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
  ph_song_options opt = {.rate = RATE};
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

static bool is_gate(const ph_param_def *p) { return !strcmp(p->unit, "gate") || !strcmp(p->unit, "trigger"); }

/* The value a parameter stands at: its default, or (absent by default) a value in its range.
 * A trigger whose default strikes once at the start (an instrument's 1) stands at 0: a pattern's
 * strikes are then heard against none, not against that same first strike. */
static float base_value(const ph_param_def *p) {
  if (!strcmp(p->unit, "trigger") && p->def > 0.5f) return 0.0f;
  if (!isnan(p->def)) return p->def;
  if (!strcmp(p->unit, "s")) return 0.01f; /* a further time: short, so all of them are heard */
  return p->min <= 0.25f && 0.25f <= p->max ? 0.25f : p->min;
}

/* A second value for a parameter: clearly different from its default, inside its range; for a
 * gate or trigger, the other side of 0.5. */
static float other_value(const ph_param_def *p) {
  float d = base_value(p);
  if (is_gate(p)) return d > 0.5f ? 0.0f : 1.0f;
  if (!strcmp(p->unit, "index")) return d + 2.0f;
  float v = d != 0 ? d * 1.37f : 0.37f;
  if (v < p->min || v > p->max) v = d * 0.37f;
  if (v < p->min || v > p->max || v == d) v = p->min + (p->max - p->min) * 0.37f;
  return v;
}

/* Parameters whose test value must itself move for the others to be heard. */
static const struct {
  const char *unit, *param, *value;
} contexts[] = {
    {"select", "index", "\"0 1 2 3 4 5 6 7\""}, /* every signal gets its turn */
    {"segments", "times", "0.05"},                 /* the later levels are reached, */
    {"segments", "level1", "1"}, {"segments", "level3", "1"}, /* and each segment moves */
    {"segments", "level5", "1"}, {"segments", "level7", "1"},
};

static const char *context_for(const ph_unit_def *u, const ph_param_def *p) {
  for (size_t i = 0; i < sizeof contexts / sizeof *contexts; i++)
    if (!strcmp(contexts[i].unit, u->name) && !strcmp(contexts[i].param, p->name)) return contexts[i].value;
  return NULL;
}

/* The program's call: the unit with `target` given as `value`, after a test signal when the
 * unit takes an input. The other parameters stand away from their defaults (a default of 0
 * can silence the parameter under test: a modulation index with no modulator), gates and
 * triggers open and close each cycle, a position in the cycle is the song's own. */
static void program_for(const ph_unit_def *u, int target, const char *value, char *buf, size_t size) {
  bool has_input = false;
  for (int i = 0; i < u->nparams; i++) has_input |= u->params[i].is_input && !context_for(u, &u->params[i]);
  size_t len = (size_t)snprintf(buf, size, "cps: 2\nout $ %s%s", has_input ? "(saw 220 * 0.5 + sine 3 * 0.6) # " : "", u->name);
  for (int i = 0; i < u->nparams; i++) {
    const ph_param_def *p = &u->params[i];
    const char *context = context_for(u, p);
    if (i == target)
      len += (size_t)snprintf(buf + len, size - len, " :%s %s", p->name, value);
    else if (context)
      len += (size_t)snprintf(buf + len, size - len, " :%s %s", p->name, context);
    else if (p->is_input || !strcmp(p->unit, "cycle"))
      continue;
    else if (is_gate(p))
      len += (size_t)snprintf(buf + len, size - len, " :%s \"1 0\"", p->name);
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
      if (p->is_input && !context_for(u, p)) continue;
      char constant[64], pattern[96], prog_a[1024], prog_b[1024], why[300];
      float d = base_value(p), v = other_value(p);
      snprintf(constant, sizeof constant, "%g", d);
      /* the value changes an eighth of a second in, and from the second cycle on it starts
       * there (what a per-cycle envelope reads); a position in the cycle changes within each
       * cycle, so that it falls as the next begins */
      if (!strcmp(p->unit, "cycle"))
        snprintf(pattern, sizeof pattern, "\"%g %g %g %g\"", d, v, v, v);
      else
        snprintf(pattern, sizeof pattern, "\"<%g %g> %g %g %g\"", d, v, v, v, v);
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

/* ---------------------------------------------------------------- transforms */

/* Two values for a parameter of a transform, chosen by its name: the constant is the first,
 * the pattern "<first second>" differs from cycle 1 on. */
static const struct {
  const char *name, *first, *second;
} values[] = {
    {"factor", "2", "3"},       {"cycles", "0.25", "0.5"},  {"begin", "0.25", "0"},       {"end", "0.75", "1"},
    {"n", "2", "3"},            {"amount", "0.5", "0.25"},  {"fraction", "0.5", "0.25"},  {"offset", "1", "3"},
    {"indices", "0", "1"},      {"period", "3", "4"},       {"start", "1", "2"},          {"condition", "1", "0"},
    {"time", "0.25", "0.125"},  {"times", "2", "3"},        {"feedback", "0.5", "0.25"},  {"parts", "2", "3"},
    {"pulses", "3", "5"},       {"steps", "8", "7"},        {"rotation", "1", "2"},       {"other", "9", "8"},
    {"probability", "0.5", "0"}, {"values", "10", "[20 30 40]"}, {"mask", "1", "0"},           {"triggers", "1", "0"},
    {"divisor", "2", "3"},      {"modulus", "3", "4"},      {"exponent", "2", "3"},       {"count", "2", "3"},
    {"min", "0", "1"},          {"max", "10", "20"},
};

static ph_value as_map(ph_query *q, ph_value v, const void *env) {
  const ph_vmap *m = ph_map_set(q->arena, NULL, "s", ph_str("x"));
  return ph_mapval(ph_map_set(q->arena, m, "n", v));
}

/* The events of a transform applied to base with its arguments; NULL when it fails. */
static const char *events(const ph_transform_def *def, ph_pat *base, char **args) {
  ph_pat *pats[8];
  for (int i = 0; i < def->nargs; i++) {
    if (!strcmp(args[i], "rev")) {
      pats[i] = ph_pure(t_arena, ph_fnval(ph_func_bind(t_arena, ph_transform_find("rev"), NULL)));
      continue;
    }
    ph_error err = {0};
    if (!(pats[i] = ph_mini_parse(t_arena, args[i], &err))) return NULL;
  }
  ph_error err = {0};
  ph_pat *p = def->apply(t_arena, pats, base, &err);
  if (!p) return NULL;
  ph_haps h = ph_pat_query_span(p, t_arena, (ph_span){ph_rat_int(0), ph_rat_int(16)}, &err);
  if (ph_error_is_set(&err)) return NULL;
  ph_haps_sort(&h);
  size_t size = 64 + h.count * 256, len = 0;
  char *buf = ph_arena_zalloc(t_arena, size);
  for (size_t i = 0; i < h.count && len < size; i++) {
    char v[128], b[32], e[32], wb[32] = "~", we[32] = "~";
    ph_value_format(v, sizeof v, h.items[i].value);
    ph_rat_format(b, sizeof b, h.items[i].part.begin);
    ph_rat_format(e, sizeof e, h.items[i].part.end);
    if (h.items[i].has_whole) {
      ph_rat_format(wb, sizeof wb, h.items[i].whole.begin);
      ph_rat_format(we, sizeof we, h.items[i].whole.end);
    }
    len += (size_t)snprintf(buf + len, size - len, "%s-%s(%s-%s):%s ", b, e, wb, we, v);
  }
  return buf;
}

static void test_every_parameter_of_every_transform_takes_a_pattern(void **s) {
  ph_pat *numbers = M("<0 10 20 30> 1 2 3 4 5 6 7"); /* different in every cycle */
  ph_pat *maps = ph_fmap(t_arena, numbers, as_map, NULL);
  const ph_transform_def *def;
  int checked = 0, function_params = 0;
  for (int k = 0; (def = ph_transform_at(k)); k++) {
    char names[8][32], *args_const[8], *args_pat[8];
    char storage[2][8][64];
    int n = 0;
    for (const char *p = def->params; p && *p && n < 8;) {
      size_t len = strcspn(p, " ");
      snprintf(names[n++], sizeof names[0], "%.*s", (int)len, p);
      p += len;
      while (*p == ' ') p++;
    }
    assert_int_equal(n, def->nargs);
    for (int target = 0; target < n; target++) {
      if (!strcmp(names[target], "transform")) {
        function_params++;
        continue;
      }
      for (int i = 0; i < n; i++) {
        const char *first = NULL, *second = NULL;
        for (size_t v = 0; v < sizeof values / sizeof *values; v++)
          if (!strcmp(values[v].name, names[i])) first = values[v].first, second = values[v].second;
        if (!strcmp(names[i], "transform")) first = second = "rev";
        if (!first) fail_msg("%s: no test values for its parameter '%s'", def->name, names[i]);
        snprintf(storage[0][i], 64, "%s", first);
        if (i == target)
          snprintf(storage[1][i], 64, "<%s %s>", first, second);
        else
          snprintf(storage[1][i], 64, "%s", first);
        args_const[i] = storage[0][i];
        args_pat[i] = storage[1][i];
      }
      const char *a = events(def, numbers, args_const), *b = events(def, numbers, args_pat);
      if (!a || !b) a = events(def, maps, args_const), b = events(def, maps, args_pat);
      if (!a || !b) fail_msg("%s :%s: fails on numbers and on control maps", def->name, names[target]);
      if (!strcmp(a, b)) fail_msg("%s :%s: a pattern there changes nothing\n  %s", def->name, names[target], a);
      checked++;
    }
  }
  print_message("every-parameter: %d transform parameters take patterns (%d transform-valued ones take a "
                "transform)\n", checked, function_params);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_parameter_of_every_unit_takes_a_pattern),
      cmocka_unit_test_setup_teardown(test_every_parameter_of_every_transform_takes_a_pattern, t_setup, t_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
