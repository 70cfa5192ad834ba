/* Code for the playing program from elsewhere than the file: the REPL and OSC put text here
 * (from their own threads), the control loop takes it. A mutex is fine: none of this is the
 * audio thread. */
#ifndef PH_CLI_LIVE_INBOX_H
#define PH_CLI_LIVE_INBOX_H

#include <pthread.h>
#include <stdbool.h>

#include "io/watch.h"

typedef struct {
  pthread_mutex_t lock;
  char *text; /* code waiting, malloc'd, NULL when none */
  bool status_wanted;
  bool quit;
  /* Offered each piece of code first; true when it acted on it at once (NULL: none). */
  bool (*at_once)(void *ctx, const char *code);
  void *at_once_ctx;
  ph_watch *watch; /* woken when something arrives (NULL: none); set and cleared under lock */
} live_inbox;

void live_inbox_init(live_inbox *b);
void live_inbox_destroy(live_inbox *b);
void live_inbox_put(live_inbox *b, const char *code);
/* From now on nothing is acted on at once and no watch is woken (before they go away). */
void live_inbox_detach(live_inbox *b);
/* The code waiting (malloc'd, the caller frees it) or NULL. */
char *live_inbox_take(live_inbox *b);

/* The REPL on its own thread: lines from the terminal (libedit, with history) or from a pipe.
 * A line is evaluated on Enter; `:{` ... `:}` evaluates the lines between as one block;
 * `:status` prints the status line, `:quit` (or end of input on a terminal) stops. */
bool live_repl_start(live_inbox *b, pthread_t *thread);

#endif
