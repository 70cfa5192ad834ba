/* OSC control: every message becomes the program text the control side evaluates, and a
 * status query is answered to its sender. */
#include <lo/lo.h>
#include <string.h>
#include <time.h>

#include "io/osc.h"
#include "support.h"

typedef struct {
  char got[16][128];
  int n;
} received;

/* On the server's thread: the text first, then the count that publishes it to wait_for. */
static void eval(void *ctx, const char *code) {
  received *r = ctx;
  int n = __atomic_load_n(&r->n, __ATOMIC_RELAXED);
  if (n >= 16) return;
  snprintf(r->got[n], sizeof r->got[0], "%s", code);
  __atomic_store_n(&r->n, n + 1, __ATOMIC_RELEASE);
}

static void status(void *ctx, ph_osc_status *out) { *out = (ph_osc_status){0.5, 12.25, 0.03, 2, 7, 4}; }

static void wait_for(received *r, int n) {
  for (int i = 0; i < 2000 && __atomic_load_n(&r->n, __ATOMIC_ACQUIRE) < n; i++)
    nanosleep(&(struct timespec){0, 5000000}, NULL);
}

static int status_replies;
static float status_cycle;

static int on_reply(const char *path, const char *types, lo_arg **argv, int argc, lo_message m, void *data) {
  if (argc == 6 && !strcmp(types, "fffiii")) {
    memcpy(&status_cycle, argv[1], sizeof status_cycle); /* liblo's arguments are only 4-byte aligned */
    __atomic_fetch_add(&status_replies, 1, __ATOMIC_RELEASE);
  }
  return 0;
}

static void test_messages_become_program_text(void **st) {
  received r = {0};
  ph_osc_handlers h = {eval, status, &r};
  ph_error err = {0};
  ph_osc_server *s = ph_osc_start(NULL, &h, &err);
  assert_non_null(s);
  char port[16];
  snprintf(port, sizeof port, "%d", ph_osc_port(s));
  lo_address to = lo_address_new("127.0.0.1", port);
  lo_send(to, "/phonon/eval", "s", "out $ sine 440\n");
  lo_send(to, "/phonon/hush", "");
  lo_send(to, "/phonon/hush", "i", 2);
  lo_send(to, "/phonon/unhush", "f", 2.0f);
  lo_send(to, "/phonon/solo", "i", 1);
  lo_send(to, "/phonon/mute", "i", 3);
  lo_send(to, "/phonon/unmute", "i", 3);
  lo_send(to, "/phonon/panic", "");
  lo_send(to, "/phonon/cps", "f", 0.75f);
  wait_for(&r, 9);
  const char *want[] = {"out $ sine 440\n", "hush\n", "hush2\n", "unhush2\n", "solo 1\n", "mute 3\n", "unmute 3\n", "panic\n", "cps: 0.75\n"};
  assert_int_equal(r.n, 9);
  for (int i = 0; i < 9; i++) assert_string_equal(r.got[i], want[i]);
  /* status: answered to the sender's own server */
  lo_server_thread me = lo_server_thread_new(NULL, NULL);
  lo_server_thread_add_method(me, "/phonon/status", NULL, on_reply, NULL);
  lo_server_thread_start(me);
  lo_send_from(to, lo_server_thread_get_server(me), LO_TT_IMMEDIATE, "/phonon/status", "");
  for (int i = 0; i < 2000 && !__atomic_load_n(&status_replies, __ATOMIC_ACQUIRE); i++)
    nanosleep(&(struct timespec){0, 5000000}, NULL);
  assert_int_equal(status_replies, 1);
  assert_float_equal(status_cycle, 12.25, 1e-6);
  lo_server_thread_free(me);
  lo_address_free(to);
  ph_osc_stop(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_messages_become_program_text)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
