#include "io/library.h"

#include <dlfcn.h>
#include <pthread.h>

bool ph_library_load(const char *file, const char *const *names, int count, void **found, ph_error *err) {
  static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER; /* dlerror's message is per thread, found is not */
  pthread_mutex_lock(&lock);
  bool ok = false;
  void *lib = dlopen(file, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *why = dlerror();
    ph_error_set(err, PH_ERR_IO, NULL, 0, "cannot load %s: %s", file, why ? why : "not found");
    goto done;
  }
  for (int k = 0; k < count; k++) {
    void *f = dlsym(lib, names[k]);
    if (!f) {
      ph_error_set(err, PH_ERR_IO, NULL, 0, "%s has no %s", file, names[k]);
      goto done;
    }
    found[k] = f;
  }
  ok = true;
done:
  pthread_mutex_unlock(&lock);
  return ok;
}
