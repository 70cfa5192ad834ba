#include "io/osc.h"

#include <lo/lo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/library.h"

/* liblo's functions, looked up when a server first starts: a render never loads it. */
#define LO_API(X)                                                                                  \
  X(lo_message_add_float) X(lo_message_add_int32) X(lo_message_free) X(lo_message_get_source)    \
  X(lo_message_new) X(lo_send_message_from) X(lo_server_thread_add_method) X(lo_server_thread_free) \
  X(lo_server_thread_get_port) X(lo_server_thread_get_server) X(lo_server_thread_new)            \
  X(lo_server_thread_start) X(lo_server_thread_stop)
PH_LIBRARY(lo, "liblo.so.7", LO_API)

struct ph_osc_server {
  lo_server_thread thread;
  ph_osc_handlers h;
};

/* liblo's arguments are only 4-byte aligned: read them as bytes, not through its union. */
static double number_at(const char *types, lo_arg **argv, int argc, int i, double def) {
  if (i >= argc) return def;
  const void *at = argv[i];
  int32_t i32;
  int64_t i64;
  float f;
  double d;
  switch (types[i]) {
  case LO_INT32: memcpy(&i32, at, sizeof i32); return i32;
  case LO_INT64: memcpy(&i64, at, sizeof i64); return (double)i64;
  case LO_FLOAT: memcpy(&f, at, sizeof f); return f;
  case LO_DOUBLE: memcpy(&d, at, sizeof d); return d;
  default: return def;
  }
}

static int on_eval(const char *path, const char *types, lo_arg **argv, int argc, lo_message m, void *data) {
  ph_osc_server *s = data;
  if (argc >= 1 && (types[0] == LO_STRING || types[0] == LO_SYMBOL)) s->h.eval(s->h.ctx, (const char *)argv[0]);
  return 0;
}

/* hush, unhush, solo, unsolo, mute, unmute, panic, cps, bpm: one statement of the language. */
static int on_command(const char *path, const char *types, lo_arg **argv, int argc, lo_message m, void *data) {
  ph_osc_server *s = data;
  const char *name = strrchr(path, '/') + 1;
  char line[64];
  double x = number_at(types, argv, argc, 0, -1);
  if (!strcmp(name, "cps") || !strcmp(name, "bpm")) {
    if (!(x > 0)) return 0;
    snprintf(line, sizeof line, "%s: %.17g\n", name, x);
  } else if (!strcmp(name, "hush") || !strcmp(name, "unhush")) {
    if (x >= 0) snprintf(line, sizeof line, "%s%d\n", name, (int)x);
    else snprintf(line, sizeof line, "%s\n", name);
  } else if (!strcmp(name, "solo") || !strcmp(name, "mute") || !strcmp(name, "unmute")) {
    if (x < 0) return 0;
    snprintf(line, sizeof line, "%s %d\n", name, (int)x);
  } else {
    snprintf(line, sizeof line, "%s\n", name); /* panic, unsolo */
  }
  s->h.eval(s->h.ctx, line);
  return 0;
}

static int on_status(const char *path, const char *types, lo_arg **argv, int argc, lo_message m, void *data) {
  ph_osc_server *s = data;
  ph_osc_status st = {0};
  if (s->h.status) s->h.status(s->h.ctx, &st);
  lo_address from = lo.lo_message_get_source(m);
  lo_message reply = from ? lo.lo_message_new() : NULL;
  if (!reply) return 0;
  lo.lo_message_add_float(reply, (float)st.cps);
  lo.lo_message_add_float(reply, (float)st.cycle);
  lo.lo_message_add_float(reply, (float)st.cpu);
  lo.lo_message_add_int32(reply, st.xruns);
  lo.lo_message_add_int32(reply, st.voices);
  lo.lo_message_add_int32(reply, st.reloads);
  lo.lo_send_message_from(from, lo.lo_server_thread_get_server(s->thread), "/phonon/status", reply);
  lo.lo_message_free(reply);
  return 0;
}

static void on_error(int num, const char *msg, const char *where) { (void)num, (void)msg, (void)where; }

ph_osc_server *ph_osc_start(const char *port, const ph_osc_handlers *h, ph_error *err) {
  if (!lo_load(err)) return NULL;
  ph_osc_server *s = calloc(1, sizeof *s);
  if (!s) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return NULL;
  }
  s->h = *h;
  if (!(s->thread = lo.lo_server_thread_new(port, on_error))) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "cannot listen for OSC on UDP port %s", port ? port : "(any)");
    free(s);
    return NULL;
  }
  static const char *const commands[] = {"hush", "unhush", "solo", "unsolo", "mute", "unmute", "panic", "cps", "bpm"};
  lo.lo_server_thread_add_method(s->thread, "/phonon/eval", NULL, on_eval, s);
  lo.lo_server_thread_add_method(s->thread, "/phonon/status", NULL, on_status, s);
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
    char path[32];
    snprintf(path, sizeof path, "/phonon/%s", commands[i]);
    lo.lo_server_thread_add_method(s->thread, path, NULL, on_command, s);
  }
  lo.lo_server_thread_start(s->thread);
  return s;
}

int ph_osc_port(const ph_osc_server *s) { return lo.lo_server_thread_get_port(s->thread); }

void ph_osc_stop(ph_osc_server *s) {
  if (!s) return;
  lo.lo_server_thread_stop(s->thread);
  lo.lo_server_thread_free(s->thread);
  free(s);
}
