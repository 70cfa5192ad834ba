/* Child processes and files for the live test. */
#ifndef PH_TEST_PROC_H
#define PH_TEST_PROC_H

#include <stdbool.h>
#include <sys/types.h>

/* Starts argv[0] (searched in PATH) with stdout and stderr appended to log_path; -1 on failure. */
pid_t proc_spawn(const char *const *argv, const char *log_path);
/* Waits up to timeout seconds for it to exit, then kills it; its exit status, 128 + signal
 * when a signal ended it, -1 when it had to be killed. */
int proc_wait(pid_t pid, double timeout);
/* SIGTERM, then proc_wait. */
int proc_stop(pid_t pid);
bool proc_alive(pid_t pid);
/* A size from /proc/PID/status ("VmRSS", "RssAnon": the heap's share) in kB; -1 when unknown. */
long proc_status_kb(pid_t pid, const char *field);
/* Entries of /proc/PID/WHAT: "fd" (open files), "task" (threads); -1 when unknown. */
int proc_count(pid_t pid, const char *what);
void proc_sleep(double seconds);
/* Polls ready(ctx) every 10 ms for up to timeout seconds. */
bool proc_wait_for(bool (*ready)(void *ctx), void *ctx, double timeout);
bool proc_copy_file(const char *from, const char *to);
char *proc_read_file(const char *path); /* malloc'd, NUL-terminated; NULL when unreadable */
/* path made whole against the current folder (before a test moves to its own). */
bool proc_absolute(const char *path, char *out, size_t size);
/* A test's folder removed, or kept (and said where) when it failed. */
void proc_leave(const char *dir, bool keep);

#endif
