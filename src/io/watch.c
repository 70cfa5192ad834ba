/* inotify on the file's directory, filtered to the file's name. */
#include "io/watch.h"

#include <errno.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

struct ph_watch {
  int fd, wake_fd;
  char *name; /* the file's name within its directory */
};

enum { QUIET, CHANGED, SAVED }; /* what the events so far say about the file */

static int64_t now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

ph_watch *ph_watch_open(const char *path, ph_error *err) {
  ph_watch *w = calloc(1, sizeof *w);
  const char *slash = strrchr(path, '/');
  char *dir = slash ? strndup(path, (size_t)(slash - path) + (slash == path)) : strdup(".");
  if (!w || !dir || !(w->name = strdup(slash ? slash + 1 : path))) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    goto fail;
  }
  w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (w->fd < 0) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "cannot watch files: %s", strerror(errno));
    goto fail;
  }
  if (inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY) < 0 ||
      (w->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) < 0) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "cannot watch %s: %s", dir, strerror(errno));
    close(w->fd);
    goto fail;
  }
  free(dir);
  return w;
fail:
  free(dir);
  if (w) free(w->name);
  free(w);
  return NULL;
}

/* Reads every pending event; the strongest news about our file. */
static int drain(ph_watch *w) {
  int news = QUIET;
  _Alignas(struct inotify_event) char buf[4096];
  for (ssize_t len; (len = read(w->fd, buf, sizeof buf)) > 0;) {
    for (char *p = buf; p < buf + len;) {
      const struct inotify_event *e = (const struct inotify_event *)p;
      p += sizeof *e + e->len;
      if (e->mask & IN_Q_OVERFLOW) news = SAVED; /* events were lost: ours may be among them */
      if (e->len == 0 || strcmp(e->name, w->name) != 0) continue;
      int n = e->mask & (IN_CLOSE_WRITE | IN_MOVED_TO) ? SAVED : CHANGED;
      if (n > news) news = n;
    }
  }
  return news;
}

bool ph_watch_wait(ph_watch *w, int timeout_ms) {
  int state = QUIET;
  int64_t deadline = now_ms() + timeout_ms;
  for (;;) {
    int64_t wait = deadline - now_ms();
    if (wait < 0) wait = 0;
    struct pollfd p[2] = {{.fd = w->fd, .events = POLLIN}, {.fd = w->wake_fd, .events = POLLIN}};
    int r = poll(p, 2, (int)wait);
    if (r < 0 && errno != EINTR) return false;
    if (r <= 0) return state != QUIET; /* a timeout, or a signal (the caller checks why) */
    if (p[1].revents & POLLIN) {
      uint64_t count;
      if (read(w->wake_fd, &count, sizeof count) < 0) count = 0;
      if (state == QUIET) return false;
    }
    int news = drain(w);
    if (news == QUIET) continue;
    if (news > state) state = news;
    deadline = now_ms() + (state == SAVED ? PH_WATCH_SETTLE_MS : PH_WATCH_OPEN_MS);
  }
}

void ph_watch_wake(ph_watch *w) {
  uint64_t one = 1;
  if (write(w->wake_fd, &one, sizeof one) < 0) return; /* already signalled (the count is full) */
}

void ph_watch_close(ph_watch *w) {
  if (!w) return;
  close(w->fd);
  close(w->wake_fd);
  free(w->name);
  free(w);
}
