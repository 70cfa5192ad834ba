/* Replays saved inputs through a fuzz target without libFuzzer: each argument is a file or a
 * folder of files (not descended into; names starting with '.' skipped). A folder that does not
 * exist holds nothing. As in the fuzzer, an input fails by crashing, by taking longer than
 * SECONDS_PER_INPUT (SIGALRM ends the process) or by growing it beyond MAX_RSS_MIB. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

#define SECONDS_PER_INPUT 20
#define MAX_RSS_MIB 2048 /* libFuzzer's default -rss_limit_mb */

static uint8_t *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, len = 0;
  uint8_t *buf = malloc(cap);
  for (size_t n; buf && (n = fread(buf + len, 1, cap - len, f)) > 0;) {
    len += n;
    if (len == cap) {
      uint8_t *bigger = realloc(buf, cap *= 2);
      if (!bigger) free(buf);
      buf = bigger;
    }
  }
  fclose(f);
  *size = len;
  return buf;
}

static int replay_file(const char *path) {
  size_t size;
  uint8_t *data = read_file(path, &size);
  if (!data) {
    fprintf(stderr, "%s: cannot read\n", path);
    return 1;
  }
  printf("%s\n", path);
  fflush(stdout);
  alarm(SECONDS_PER_INPUT);
  LLVMFuzzerTestOneInput(data, size);
  alarm(0);
  free(data);
  struct rusage usage;
  if (getrusage(RUSAGE_SELF, &usage) == 0 && usage.ru_maxrss > MAX_RSS_MIB * 1024L) {
    fprintf(stderr, "%s: the process grew to %ld MiB (at most %d)\n", path, usage.ru_maxrss / 1024, MAX_RSS_MIB);
    return 1;
  }
  return 0;
}

/* The number of inputs replayed, or -1 when one could not be read. */
static int replay(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) return errno == ENOENT ? 0 : -1;
  if (!S_ISDIR(st.st_mode)) return replay_file(path) ? -1 : 1;
  DIR *d = opendir(path);
  if (!d) return -1;
  int count = 0;
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    char file[4096];
    snprintf(file, sizeof file, "%s/%s", path, e->d_name);
    if (stat(file, &st) != 0 || !S_ISREG(st.st_mode)) continue;
    if (replay_file(file)) {
      count = -1;
      break;
    }
    count++;
  }
  closedir(d);
  return count;
}

int main(int argc, char **argv) {
  int total = 0;
  for (int i = 1; i < argc; i++) {
    int n = replay(argv[i]);
    if (n < 0) return 1;
    total += n;
  }
  printf("%d inputs replayed without a crash\n", total);
  return 0;
}
