#include "proc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

pid_t proc_spawn(const char *const *argv, const char *log_path) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd >= 0) {
    dup2(fd, 1);
    dup2(fd, 2);
    close(fd);
  }
  execvp(argv[0], (char *const *)argv);
  fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
  _exit(127);
}

static int status_of(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

int proc_wait(pid_t pid, double timeout) {
  int status = 0;
  for (double waited = 0; waited < timeout; waited += 0.01) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) return status_of(status);
    if (r < 0) return -1;
    proc_sleep(0.01);
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return -1;
}

int proc_stop(pid_t pid) {
  kill(pid, SIGTERM);
  return proc_wait(pid, 20);
}

bool proc_alive(pid_t pid) { return waitpid(pid, NULL, WNOHANG) == 0; }

long proc_status_kb(pid_t pid, const char *field) {
  char path[64], line[256];
  snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
  FILE *f = fopen(path, "r");
  long kb = -1;
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, field, strlen(field)) && line[strlen(field)] == ':') kb = atol(line + strlen(field) + 1);
  if (f) fclose(f);
  return kb;
}

int proc_count(pid_t pid, const char *what) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, what);
  DIR *d = opendir(path);
  if (!d) return -1;
  int n = 0;
  for (struct dirent *e; (e = readdir(d));) n += e->d_name[0] != '.';
  closedir(d);
  return n;
}

void proc_sleep(double seconds) {
  struct timespec t = {(time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9)};
  while (nanosleep(&t, &t) != 0 && errno == EINTR) {
  }
}

bool proc_wait_for(bool (*ready)(void *ctx), void *ctx, double timeout) {
  for (double waited = 0; waited < timeout; waited += 0.01) {
    if (ready(ctx)) return true;
    proc_sleep(0.01);
  }
  return ready(ctx);
}

char *proc_read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  size_t got = buf ? fread(buf, 1, (size_t)n, f) : 0;
  fclose(f);
  if (buf) buf[got] = 0;
  return buf;
}

bool proc_copy_file(const char *from, const char *to) {
  char *text = proc_read_file(from);
  FILE *f = text ? fopen(to, "w") : NULL;
  if (f) {
    fputs(text, f);
    fclose(f);
  }
  free(text);
  return f != NULL;
}

bool proc_absolute(const char *path, char *out, size_t size) {
  char cwd[2048];
  if (path[0] == '/') return (size_t)snprintf(out, size, "%s", path) < size;
  return getcwd(cwd, sizeof cwd) && (size_t)snprintf(out, size, "%s/%s", cwd, path) < size;
}

void proc_leave(const char *dir, bool keep) {
  if (keep) {
    printf("the files are kept in %s\n", dir);
    return;
  }
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) printf("cannot remove %s\n", dir);
}
