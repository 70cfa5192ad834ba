/* The search roots of the sample loader, in priority order (see samples.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/samples_internal.h"

typedef struct {
  ph_strings paths;
  dev_t *dev; /* the folders' identities, to keep each folder once */
  ino_t *ino;
  int cap;
} root_list;

/* Adds dir when it is an existing folder not listed yet; false only when out of memory. */
static bool add_root(root_list *r, const char *dir) {
  struct stat st;
  if (!dir || !*dir || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) return true;
  for (int i = 0; i < r->paths.n; i++)
    if (r->dev[i] == st.st_dev && r->ino[i] == st.st_ino) return true;
  if (r->paths.n == r->cap) {
    int cap = r->cap ? 2 * r->cap : 16;
    dev_t *dev = realloc(r->dev, (size_t)cap * sizeof *dev);
    if (dev) r->dev = dev;
    ino_t *ino = realloc(r->ino, (size_t)cap * sizeof *ino);
    if (ino) r->ino = ino;
    if (!dev || !ino) return false;
    r->cap = cap;
  }
  r->dev[r->paths.n] = st.st_dev;
  r->ino[r->paths.n] = st.st_ino;
  return ph_strings_push(&r->paths, dir);
}

/* Adds base + suffix (base from the environment; nothing when it is unset or empty). */
static bool add_under(root_list *r, const char *base, const char *suffix) {
  if (!base || !*base) return true;
  char *dir = ph_samples_join(base, suffix);
  bool ok = dir && add_root(r, dir);
  free(dir);
  return ok;
}

static bool add_env_list(root_list *r, const char *list) {
  if (!list) return true;
  char *copy = strdup(list);
  if (!copy) return false;
  bool ok = true;
  for (char *dir = copy, *end; ok && dir; dir = end) {
    end = strchr(dir, ':');
    if (end) *end++ = '\0';
    ok = add_root(r, dir);
  }
  free(copy);
  return ok;
}

static bool add_standard_roots(root_list *r) {
  const char *home = getenv("HOME"), *xdg = getenv("XDG_DATA_HOME");
  bool ok = add_env_list(r, getenv("PHONON_SAMPLES")) && add_root(r, "./samples");
  if (xdg && xdg[0] == '/') ok = ok && add_under(r, xdg, "phonon/samples");
  else ok = ok && add_under(r, home, ".local/share/phonon/samples");
  return ok && add_under(r, home, "phonon/samples") && add_under(r, home, "phonon/dirt-samples") &&
         add_under(r, home, "dirt-samples") && add_root(r, "./dirt-samples") &&
         add_under(r, home, ".local/share/SuperCollider/downloaded-quarks/Dirt-Samples");
}

char **ph_samples_roots(const ph_samples_options *opt, ph_error *err) {
  root_list r = {0};
  bool ok = true;
  for (int i = 0; ok && opt && i < opt->ndirs; i++) {
    struct stat st;
    if (stat(opt->dirs[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
      ph_error_set(err, PH_ERR_IO, NULL, 0, "samples folder %s: not found", opt->dirs[i]);
      ph_strings_free(&r.paths);
      free(r.dev);
      free(r.ino);
      return NULL;
    }
    ok = add_root(&r, opt->dirs[i]);
  }
  if (ok && !(opt && opt->only_dirs)) ok = add_standard_roots(&r);
  ok = ok && ph_strings_push(&r.paths, ""); /* room for the terminator */
  free(r.dev);
  free(r.ino);
  if (!ok) {
    ph_strings_free(&r.paths);
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory listing sample folders");
    return NULL;
  }
  free(r.paths.items[r.paths.n - 1]);
  r.paths.items[r.paths.n - 1] = NULL;
  return r.paths.items;
}

void ph_samples_roots_free(char **roots) {
  if (!roots) return;
  for (char **p = roots; *p; p++) free(*p);
  free(roots);
}
