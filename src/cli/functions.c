/* phonon functions [--json]: the whole catalog, generated from the units' and transforms'
 * own tables. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "dsp/catalog.h"
#include "pattern/registry.h"
#include "voice/sampler.h"

static json_t *number_or_null(float x) { return isfinite(x) ? json_real(x) : json_null(); }

static json_t *words(const char *list) {
  json_t *a = json_array();
  for (const char *p = list; p && *p;) {
    size_t n = strcspn(p, " ");
    if (n) json_array_append_new(a, json_stringn(p, n));
    p += n;
    while (*p == ' ') p++;
  }
  return a;
}

static json_t *unit_json(const ph_unit_def *u) {
  json_t *params = json_array();
  for (int i = 0; i < u->nparams; i++) {
    const ph_param_def *p = &u->params[i];
    json_array_append_new(params, json_pack("{s:s,s:s,s:o,s:o,s:o,s:b,s:b,s:s}", "name", p->name, "unit", p->unit,
                                            "default", number_or_null(p->def), "min", number_or_null(p->min), "max",
                                            number_or_null(p->max), "input", p->is_input, "required", p->required,
                                            "doc", p->doc ? p->doc : ""));
  }
  return json_pack("{s:s,s:s,s:o,s:o,s:i,s:s}", "name", u->name, "kind", "unit", "aliases", words(u->aliases),
                   "params", params, "outputs", u->noutputs, "doc", u->doc ? u->doc : "");
}

static json_t *transform_json(const ph_transform_def *t) {
  json_t *params = json_array();
  json_t *names = words(t->params);
  for (size_t i = 0; i < json_array_size(names); i++)
    json_array_append_new(params, json_pack("{s:O,s:s}", "name", json_array_get(names, i), "kind", "pattern"));
  json_decref(names);
  return json_pack("{s:s,s:s,s:o,s:o,s:s}", "name", t->name, "kind", "transform", "aliases", words(t->aliases),
                   "params", params, "doc", t->doc ? t->doc : "");
}

int ph_cli_functions(int argc, char **argv) {
  bool as_json = argc > 0 && !strcmp(argv[0], "--json");
  json_t *all = json_array();
  const ph_unit_def *u;
  for (int i = 0; (u = ph_dsp_unit_at(i)); i++) json_array_append_new(all, unit_json(u));
  json_array_append_new(all, unit_json(&ph_unit_sampler)); /* s: its parameters are the voice controls */
  const ph_transform_def *t;
  for (int i = 0; (t = ph_transform_at(i)); i++) json_array_append_new(all, transform_json(t));
  const ph_signal_def *s;
  for (int i = 0; (s = ph_signal_at(i)); i++)
    json_array_append_new(all, json_pack("{s:s,s:s,s:[],s:[],s:s}", "name", s->name, "kind", "signal", "aliases",
                                         "params", "doc", s->doc ? s->doc : ""));
  const ph_generator_def *g;
  for (int i = 0; (g = ph_generator_at(i)); i++) {
    json_t *params = json_array();
    json_t *names = words(g->params);
    for (size_t k = 0; k < json_array_size(names); k++)
      json_array_append_new(params, json_pack("{s:O,s:s}", "name", json_array_get(names, k), "kind", "pattern"));
    json_decref(names);
    json_array_append_new(all, json_pack("{s:s,s:s,s:[],s:o,s:s}", "name", g->name, "kind", "generator", "aliases",
                                         "params", params, "doc", g->doc ? g->doc : ""));
  }
  if (as_json) {
    char *text = json_dumps(all, JSON_INDENT(1) | JSON_REAL_PRECISION(9));
    puts(text);
    free(text);
  } else {
    for (size_t i = 0; i < json_array_size(all); i++) {
      json_t *f = json_array_get(all, i);
      printf("%-16s %-10s", json_string_value(json_object_get(f, "name")), json_string_value(json_object_get(f, "kind")));
      json_t *params = json_object_get(f, "params");
      for (size_t k = 0; k < json_array_size(params); k++)
        printf(" %s", json_string_value(json_object_get(json_array_get(params, k), "name")));
      printf("  -- %s\n", json_string_value(json_object_get(f, "doc")));
    }
  }
  json_decref(all);
  return 0;
}
