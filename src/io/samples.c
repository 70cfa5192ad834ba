/* Loading sample libraries into a bank, and listing them (see samples.h). */
#include <stdlib.h>
#include <string.h>

#include "io/samples_internal.h"
#include "voice/kit.h"

typedef struct {
  const ph_samples_options *opt;
  char **roots;
  ph_bank *bank;
  double rate;
} loader;

static void fail_memory(ph_error *err) {
  ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory loading samples");
}

/* A name that can be a folder of a root: not empty, no '/', ':', and not starting with '.'
 * or '~'. */
static bool plain_name(const char *name) {
  return name[0] && name[0] != '.' && name[0] != '~' && !strchr(name, '/') && !strchr(name, ':');
}

/* Adds the readable files of dir as `name`: their count (0: none readable), -1 when out of
 * memory. */
static int load_folder(loader *L, const char *name, const char *dir) {
  ph_strings files = {0};
  if (!ph_samples_scan(dir, false, &files)) return -1;
  ph_sample **loaded = calloc(files.n ? (size_t)files.n : 1, sizeof *loaded);
  bool oom = !loaded;
  int n = 0;
  for (int i = 0; !oom && i < files.n; i++) {
    char *path = ph_samples_join(dir, files.items[i]);
    ph_sample *s = path ? ph_samples_read(path, L->rate, L->opt, &oom) : NULL;
    if (!path) oom = true;
    if (s) loaded[n++] = s;
    free(path);
  }
  ph_strings_free(&files);
  /* the bank takes each sample, even when it fails */
  for (int i = 0; i < n; i++) oom = !ph_bank_add(L->bank, name, loaded[i]) || oom;
  free(loaded);
  if (!oom && n > 0) oom = !ph_bank_set_origin(L->bank, name, dir);
  return oom ? -1 : n;
}

/* Loads `name` from the first root that has it: 1 found, 0 not found, -1 out of memory. */
static int load_name(loader *L, const char *name) {
  for (char **root = L->roots; *root; root++) {
    char *dir = ph_samples_join(*root, name);
    int n = dir ? load_folder(L, name, dir) : -1;
    free(dir);
    if (n) return n < 0 ? -1 : 1;
  }
  return 0;
}

static bool start(loader *L, const ph_samples_options *opt, double rate, ph_error *err) {
  *L = (loader){.opt = opt, .rate = rate};
  if (!(rate > 0.0)) {
    ph_error_set(err, PH_ERR_ARGUMENT, NULL, 0, "sample rate %g: must be positive", rate);
    return false;
  }
  L->roots = ph_samples_roots(opt, err);
  if (!L->roots) return false;
  L->bank = ph_bank_create(rate);
  if (L->bank) return true;
  ph_samples_roots_free(L->roots);
  fail_memory(err);
  return false;
}

static ph_bank *finish(loader *L, bool ok, ph_error *err) {
  ph_samples_roots_free(L->roots);
  if (ok) return L->bank;
  ph_bank_destroy(L->bank);
  fail_memory(err);
  return NULL;
}

ph_bank *ph_samples_load_names(const ph_samples_options *opt, double engine_rate, const char *const *names,
                               int nnames, ph_error *err) {
  loader L;
  if (!start(&L, opt, engine_rate, err)) return NULL;
  ph_strings tried = {0};
  bool ok = true;
  for (int i = 0; ok && i < nnames; i++) {
    const char *colon = strchr(names[i], ':');
    char *name = strndup(names[i], colon ? (size_t)(colon - names[i]) : strlen(names[i]));
    if (!name) ok = false;
    else if (plain_name(name) && !ph_strings_has(&tried, name)) {
      int found = load_name(&L, name);
      if (found == 0 && !(opt && opt->no_kit)) found = ph_kit_add(L.bank, name, opt && opt->kit_on_first_use);
      ok = found >= 0 && ph_strings_push(&tried, name);
    }
    free(name);
  }
  ph_strings_free(&tried);
  return finish(&L, ok, err);
}

/* The folder names of every root, sorted, each once. */
static bool all_names(char **roots, ph_strings *names) {
  for (char **root = roots; *root; root++)
    if (!ph_samples_scan(*root, true, names)) return false;
  ph_strings_sort(names);
  int kept = 0;
  for (int i = 0; i < names->n; i++) {
    if (kept && !strcmp(names->items[kept - 1], names->items[i])) free(names->items[i]);
    else names->items[kept++] = names->items[i];
  }
  names->n = kept;
  return true;
}

ph_bank *ph_samples_load(const ph_samples_options *opt, double engine_rate, ph_error *err) {
  loader L;
  if (!start(&L, opt, engine_rate, err)) return NULL;
  ph_strings names = {0};
  bool ok = all_names(L.roots, &names);
  for (int i = 0; ok && i < names.n; i++)
    if (plain_name(names.items[i])) ok = load_name(&L, names.items[i]) >= 0;
  ph_strings_free(&names);
  if (ok && !(opt && opt->no_kit)) ok = ph_kit_add_all(L.bank) >= 0;
  return finish(&L, ok, err);
}

/* Readable files in root/name: their count, -1 when out of memory. */
static int count_readable(const char *root, const char *name) {
  char *dir = ph_samples_join(root, name);
  ph_strings files = {0};
  if (!dir || !ph_samples_scan(dir, false, &files)) {
    free(dir);
    return -1;
  }
  int n = 0;
  for (int i = 0; n >= 0 && i < files.n; i++) {
    char *path = ph_samples_join(dir, files.items[i]);
    if (!path) n = -1;
    else if (ph_samples_readable(path)) n++;
    free(path);
  }
  ph_strings_free(&files);
  free(dir);
  return n;
}

bool ph_samples_list(const ph_samples_options *opt, ph_samples_list_fn fn, void *ctx, ph_error *err) {
  char **roots = ph_samples_roots(opt, err);
  if (!roots) return false;
  bool kit = !(opt && opt->no_kit), ok = true;
  ph_strings names = {0};
  for (int i = 0; ok && kit && i < ph_kit_count(); i++) ok = ph_strings_push(&names, ph_kit_name(i));
  ok = ok && all_names(roots, &names);
  for (int i = 0; ok && i < names.n; i++) {
    const char *name = names.items[i];
    if (!plain_name(name)) continue;
    int files = 0;
    char **root = roots;
    for (; *root && !files; root++) files = count_readable(*root, name);
    if (files < 0) ok = false;
    else if (files > 0) {
      char *dir = ph_samples_join(root[-1], name);
      if (dir) fn(ctx, name, dir, files);
      ok = dir != NULL;
      free(dir);
    } else if (kit && ph_kit_has(name)) fn(ctx, name, "built-in", PH_KIT_VARIATIONS);
  }
  ph_strings_free(&names);
  ph_samples_roots_free(roots);
  if (!ok) fail_memory(err);
  return ok;
}
