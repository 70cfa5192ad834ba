#include "cli/live_inbox.h"

#include <editline/readline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/library.h"
#include <unistd.h>

void live_inbox_init(live_inbox *b) {
  pthread_mutex_init(&b->lock, NULL);
  b->text = NULL;
  b->status_wanted = b->quit = false;
  b->at_once = NULL;
  b->watch = NULL;
}

void live_inbox_destroy(live_inbox *b) {
  free(b->text);
  pthread_mutex_destroy(&b->lock);
}

void live_inbox_put(live_inbox *b, const char *code) {
  size_t add = strlen(code);
  pthread_mutex_lock(&b->lock);
  if (!b->at_once || !b->at_once(b->at_once_ctx, code)) {
    size_t have = b->text ? strlen(b->text) : 0;
    char *grown = realloc(b->text, have + add + 2);
    if (grown) {
      memcpy(grown + have, code, add);
      grown[have + add] = '\n';
      grown[have + add + 1] = 0;
      b->text = grown;
    }
    if (b->watch) ph_watch_wake(b->watch);
  }
  pthread_mutex_unlock(&b->lock);
}

void live_inbox_detach(live_inbox *b) {
  pthread_mutex_lock(&b->lock);
  b->at_once = NULL;
  b->watch = NULL;
  pthread_mutex_unlock(&b->lock);
}

char *live_inbox_take(live_inbox *b) {
  pthread_mutex_lock(&b->lock);
  char *t = b->text;
  b->text = NULL;
  pthread_mutex_unlock(&b->lock);
  return t;
}

static void flag(live_inbox *b, bool *which) {
  pthread_mutex_lock(&b->lock);
  *which = true;
  if (b->watch) ph_watch_wake(b->watch);
  pthread_mutex_unlock(&b->lock);
}

/* libedit, opened when a terminal first asks for a line (only --repl at a terminal does). */
#define EDIT_API(X) X(readline) X(add_history)
PH_LIBRARY(edit, "libedit.so.2", EDIT_API)

static bool load_edit(void) {
  ph_error err = {0};
  if (edit_load(&err)) return true;
  fprintf(stderr, "phonon live: %s: lines are read without editing\n", err.message);
  return false;
}

/* One line from the terminal (editable, remembered) or a pipe; NULL at the end. */
static char *next_line(bool tty, const char *prompt) {
  static int editing = -1;
  if (tty && editing < 0) editing = load_edit();
  if (tty && editing) {
    char *line = edit.readline(prompt);
    if (line && *line) edit.add_history(line);
    return line;
  }
  if (tty) fputs(prompt, stdout), fflush(stdout);
  char buf[4096];
  if (!fgets(buf, sizeof buf, stdin)) return NULL;
  buf[strcspn(buf, "\n")] = 0;
  return strdup(buf);
}

static void *repl(void *arg) {
  live_inbox *b = arg;
  bool tty = isatty(0);
  char *block = NULL;
  for (char *line; (line = next_line(tty, block ? ".. " : "phonon> "));) {
    if (!strcmp(line, ":{")) {
      free(block);
      block = strdup("");
    } else if (!strcmp(line, ":}")) {
      if (block) live_inbox_put(b, block);
      free(block);
      block = NULL;
    } else if (!strcmp(line, ":status")) {
      flag(b, &b->status_wanted);
    } else if (!strcmp(line, ":quit")) {
      free(line);
      break;
    } else if (block) {
      size_t n = strlen(block), m = strlen(line);
      char *grown = realloc(block, n + m + 2);
      if (grown) {
        memcpy(grown + n, line, m);
        grown[n + m] = '\n';
        grown[n + m + 1] = 0;
        block = grown;
      }
    } else if (*line) {
      live_inbox_put(b, line);
    }
    free(line);
  }
  free(block);
  if (tty) flag(b, &b->quit); /* Ctrl-D on the terminal ends the session; a pipe's end does not */
  return NULL;
}

bool live_repl_start(live_inbox *b, pthread_t *thread) { return pthread_create(thread, NULL, repl, b) == 0; }
