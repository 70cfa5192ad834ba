/* phonon live against a real JACK server (the dummy driver, started here), recorded by our own
 * JACK client, driven by file edits and OSC:
 *   (f) a reverb tail of an unchanged bus rings on across an edit of another line: after the
 *       swap it is what the unedited program plays (the render), not silence;
 *   (g) OSC mute, unmute, solo, unsolo, hush and unhush are heard from the next block on,
 *       fading over the crossfade time to the state they ask for;
 *   (h) OSC eval is played from the first block after it compiled; evaluated code that does
 *       not compile is reported at its own line and column, keeps the music, and is dropped
 *       (the next evaluation plays).
 * Exits 77 (skipped) only when jackd cannot be started. */
#include <lo/lo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/live.h"
#include "io/soundfile.h"
#include "live_run.h"
#include "proc.h"
#include "server.h"

#define RATE 48000
#define BLOCK 128
#define FADE ((int64_t)(PH_LIVE_FADE_SECONDS * RATE))
#define OSC_PORT "57190"
#define TWO_PI 6.28318530717958647692

static const char *const tail_before =
    "cps: 1\n~src $ sine 440 * tar \"x ~\" 0.001 0.05\n~room $ ~src # reverb 0.95 0.2 1\nout $ ~src + ~room * 0.5\n";
static const char *const tail_edited =
    "cps: 1\n~src $ sine 440 * 0\n~room $ ~src # reverb 0.95 0.2 1\nout $ ~src + ~room * 0.5\n";
static const char *const tones = "out $ sine 440 * 0.2\no1 $ sine 660 * 0.2\n";

typedef struct {
  const char *path, *types;
  int channel;
  const char *code;
  double want[4]; /* amplitudes at 440, 550, 660 and 770 Hz once it took effect */
  int64_t sent;   /* the recording's length when it was sent */
} command;

static const double freqs[4] = {440, 550, 660, 770};

static command commands[] = {
    {"/phonon/mute", "i", 1, NULL, {0.2, 0, 0, 0}, 0},
    {"/phonon/unmute", "i", 1, NULL, {0.2, 0, 0.2, 0}, 0},
    {"/phonon/solo", "i", 1, NULL, {0, 0, 0.2, 0}, 0},
    {"/phonon/unsolo", "", 0, NULL, {0.2, 0, 0.2, 0}, 0},
    {"/phonon/hush", "", 0, NULL, {0, 0, 0, 0}, 0},
    {"/phonon/unhush", "", 0, NULL, {0.2, 0, 0.2, 0}, 0},
    {"/phonon/eval", "s", 0, "out $ sine 550 * 0.2", {0, 0.2, 0.2, 0}, 0},
    {"/phonon/eval", "s", 0, "o1 $ sine 770 *", {0, 0.2, 0.2, 0}, 0}, /* does not compile */
    {"/phonon/eval", "s", 0, "o1 $ sine 770 * 0.2", {0, 0.2, 0, 0.2}, 0},
};
#define NCOMMANDS (int)(sizeof commands / sizeof commands[0])
#define FIRST_EVAL 6

typedef struct {
  const char *phonon, *dir;
  capture *cap;
  char track[512], log[512];
  int64_t offset;   /* recording index of phonon's sample 0 */
  int64_t s_tail;   /* when the edit of ~src was written */
  int64_t stopped;  /* when phonon was asked to stop */
  ph_sound before;  /* tail_before rendered */
} run;

static int failures;

static void check(bool ok, const char *what, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Each verdict is also written to checks.txt in the run's folder, which a failure keeps. */
static void check(bool ok, const char *what, const char *fmt, ...) {
  static FILE *kept;
  if (!kept) kept = fopen("checks.txt", "w");
  va_list ap;
  va_start(ap, fmt);
  for (int k = 0; k < 2; k++) {
    FILE *to = k ? kept : stdout;
    if (!to) continue;
    va_list again;
    va_copy(again, ap);
    fprintf(to, "%s: %s — ", ok ? "ok" : "FAIL", what);
    vfprintf(to, fmt, again);
    fputc('\n', to);
    fflush(to);
    va_end(again);
  }
  va_end(ap);
  failures += !ok;
}

static void save(const run *r, const char *text) {
  FILE *f = fopen(r->track, "w");
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

static int64_t first_sound(const float *x, int stride, int64_t n) {
  for (int64_t i = 0; i < n; i++)
    if (x[i * stride] != 0) return i;
  return -1;
}

static double rms(const float *x, int stride, int64_t from, int64_t to) {
  double sum = 0;
  for (int64_t i = from; i < to; i++) sum += (double)x[i * stride] * x[i * stride];
  return to > from ? sqrt(sum / (double)(to - from)) : 0;
}

/* Least-squares fit of the four tones to x[from, to): the cosine and sine weights of each. */
static void fit(const float *x, int64_t from, int64_t to, double w[8]) {
  enum { K = 8 };
  double a[K][K + 1] = {{0}};
  for (int64_t i = from; i < to; i++) {
    double b[K];
    for (int k = 0; k < 4; k++) {
      double t = TWO_PI * freqs[k] * (double)i / RATE;
      b[2 * k] = cos(t), b[2 * k + 1] = sin(t);
    }
    for (int p = 0; p < K; p++) {
      for (int q = 0; q < K; q++) a[p][q] += b[p] * b[q];
      a[p][K] += b[p] * x[i];
    }
  }
  for (int p = 0; p < K; p++) { /* Gauss-Jordan; the tones are far apart, the system is well posed */
    int best = p;
    for (int q = p + 1; q < K; q++)
      if (fabs(a[q][p]) > fabs(a[best][p])) best = q;
    for (int c = 0; c <= K; c++) {
      double t = a[p][c];
      a[p][c] = a[best][c], a[best][c] = t;
    }
    for (int q = 0; q < K; q++)
      if (q != p && a[p][p] != 0) {
        double f = a[q][p] / a[p][p];
        for (int c = p; c <= K; c++) a[q][c] -= f * a[p][c];
      }
  }
  for (int p = 0; p < K; p++) w[p] = a[p][p] != 0 ? a[p][K] / a[p][p] : 0;
}

/* The first index from `to` on where x leaves the tones fitted to x[from, to) by more than tol;
 * -1 when it does not before `until`. */
static int64_t departs(const float *x, int64_t from, int64_t to, int64_t until, double tol) {
  double w[8];
  fit(x, from, to, w);
  for (int64_t i = to; i < until; i++) {
    double y = 0;
    for (int k = 0; k < 4; k++) {
      double t = TWO_PI * freqs[k] * (double)i / RATE;
      y += w[2 * k] * cos(t) + w[2 * k + 1] * sin(t);
    }
    if (fabs(x[i] - y) > tol) return i;
  }
  return -1;
}

/* Where the last stretch of [from, to) that no jump of JACK's time cuts begins, if it is 20 ms
 * or more; else from. */
static int64_t since_last_jump(const run *r, int64_t from, int64_t to) {
  int64_t a = from;
  for (int k = 0; k < capture_jumps(r->cap) && k < CAPTURE_MAX_XRUNS; k++) {
    int64_t j = capture_jump_at(r->cap, k);
    if (j > a && j < to) a = j;
  }
  return to - a >= RATE / 50 ? a : from;
}

/* The longest stretch of [from, to) that no jump of JACK's time cuts, at most `most` long. */
static void unbroken(const run *r, int64_t from, int64_t to, int64_t most, int64_t *a, int64_t *b) {
  *a = from, *b = from;
  for (int64_t start = from; start < to;) {
    int64_t end = to;
    for (int k = 0; k < capture_jumps(r->cap) && k < CAPTURE_MAX_XRUNS; k++) {
      int64_t j = capture_jump_at(r->cap, k);
      if (j > start && j < end) end = j;
    }
    if (end - start > *b - *a) *a = start, *b = end;
    start = end;
  }
  if (*b - *a > most) *b = *a + most;
}

/* departs, where JACK's time may jump in the recording: the recording may lack a block there,
 * which moves every tone's phase. A departure in the period after a jump (or right after a fit
 * that a jump fell in) is that and not a change: the tones are fitted again after the jump. */
static int64_t departs_across_jumps(const run *r, const float *x, int64_t from, int64_t to, int64_t until, double tol) {
  int64_t period = capture_period(r->cap);
  for (;;) {
    int64_t at = departs(x, from, to, until, tol), jump = -1;
    if (at < 0) return -1;
    for (int k = 0; k < capture_jumps(r->cap) && k < CAPTURE_MAX_XRUNS; k++) {
      int64_t j = capture_jump_at(r->cap, k);
      if (j >= from && j <= at && (at - j <= 2 * period || j < to)) jump = j;
    }
    if (jump < 0) return at;
    from = jump + period;
    to = from + 4800;
    if (to >= until) return -1;
  }
}

static bool render(const run *r, const char *program, ph_sound *out) {
  char path[600], wav[600], log[600];
  snprintf(path, sizeof path, "%s/before.ph", r->dir);
  snprintf(wav, sizeof wav, "%s/before.wav", r->dir);
  snprintf(log, sizeof log, "%s/render.log", r->dir);
  FILE *f = fopen(path, "w");
  if (!f) return false;
  fputs(program, f);
  fclose(f);
  const char *argv[] = {r->phonon, "render", path, wav, "--duration", "10", "--rate", "48000", NULL};
  ph_error err = {0};
  return proc_wait(proc_spawn(argv, log), 60) == 0 && ph_sound_read(wav, out, &err);
}

/* Waits until the recording is at phase [lo, hi) of a cycle (cps 1), at least `cycles` in. */
static void wait_for_phase(const run *r, double cycles, double lo, double hi) {
  for (int tries = 0; tries < 20000; tries++) {
    int64_t t = capture_frames(r->cap) - r->offset;
    double cycle = (double)t / RATE, phase = cycle - floor(cycle);
    if (cycle >= cycles && phase >= lo && phase < hi) return;
    proc_sleep(0.001);
  }
}

/* On a busy machine JACK's time may jump every few periods; the amplitudes are measured
 * between jumps, so the next command waits (up to 3 s) for 50 ms without one in the last
 * 200 ms of the recording. */
static void wait_for_unbroken(const run *r, int64_t sent) {
  for (int tries = 0; tries < 300 && capture_jumps(r->cap) < CAPTURE_MAX_XRUNS; tries++) {
    int64_t now = capture_frames(r->cap), from = now - RATE / 5, a, b;
    unbroken(r, from > sent ? from : sent, now, RATE, &a, &b);
    if (b - a >= RATE / 20) return;
    proc_sleep(0.01);
  }
}

static bool perform(run *r) {
  snprintf(r->track, sizeof r->track, "%s/track.ph", r->dir);
  snprintf(r->log, sizeof r->log, "%s/live.log", r->dir);
  save(r, tail_before);
  const char *extra[] = {"--osc", OSC_PORT, "--duration", "60", NULL};
  pid_t pid = server_play(r->cap, r->phonon, r->track, r->log, extra);
  if (pid < 0) return false;
  r->offset = first_sound(capture_left(r->cap), 1, capture_frames(r->cap)) -
              first_sound(r->before.samples, 2, (int64_t)r->before.frames);
  /* (f): the edit lands where the source is silent and the room rings */
  wait_for_phase(r, 2.0, 0.25, 0.35);
  save(r, tail_edited);
  r->s_tail = capture_frames(r->cap);
  server_wait_swaps(r->log, 2, 5.0);
  proc_sleep(1.5);
  /* (g), (h) */
  save(r, tones);
  server_wait_swaps(r->log, 3, 5.0);
  proc_sleep(0.5);
  lo_address to = lo_address_new("127.0.0.1", OSC_PORT);
  for (int k = 0; k < NCOMMANDS; k++) {
    command *c = &commands[k];
    int swaps = server_log_count(r->log, "playing from cycle"), errors = server_log_count(r->log, "(evaluated code)");
    c->sent = capture_frames(r->cap);
    if (c->types[0] == 'i') lo_send(to, c->path, "i", c->channel);
    else if (c->types[0] == 's') lo_send(to, c->path, "s", c->code);
    else lo_send(to, c->path, "");
    if (c->code && strstr(c->code, "0.2")) server_wait_swaps(r->log, swaps + 1, 5.0);
    else if (c->code) {
      for (int tries = 0; tries < 500 && server_log_count(r->log, "(evaluated code)") == errors; tries++) proc_sleep(0.01);
    }
    proc_sleep(0.4);
    wait_for_unbroken(r, c->sent);
  }
  lo_address_free(to);
  r->stopped = capture_frames(r->cap);
  return proc_stop(pid) == 0;
}

/* How many whole blocks the recording may have lost or repeated: a few for each jump of
 * JACK's time. */
static int drift_blocks(const run *r) { return 16 + 2 * capture_jumps(r->cap); }

/* phonon's sample n is near recording index n + offset, by whole blocks (a jump of JACK's time
 * can drop one): the offset that makes the 256 samples before n what was rendered. */
static int64_t place(const run *r, int64_t n) {
  const float *L = capture_left(r->cap);
  for (int m = 0; m <= drift_blocks(r); m++)
    for (int sign = -1; sign <= 1; sign += 2) {
      int64_t off = r->offset + sign * m * BLOCK, same = 0;
      for (int64_t i = n - 256; i < n; i++)
        same += i + off >= 0 && i + off < capture_frames(r->cap) && L[i + off] == r->before.samples[2 * i];
      if (same == 256) return off;
    }
  return r->offset;
}

/* The recording's stretch [ra, rb), which no jump of JACK's time cuts, is phonon's from
 * ra - offset: the offset near `guess`, by whole blocks, that makes its first 256 samples what
 * was rendered (`guess` where none does). */
static int64_t place_piece(const run *r, int64_t ra, int64_t rb, int64_t guess) {
  const float *L = capture_left(r->cap);
  if (rb - ra < 256) return guess;
  for (int m = 0; m <= drift_blocks(r); m++)
    for (int sign = -1; sign <= 1; sign += 2) {
      int64_t off = guess + sign * m * BLOCK, same = 0;
      for (int64_t i = ra; i < ra + 256 && i - off >= 0 && i - off < (int64_t)r->before.frames; i++)
        same += L[i] == r->before.samples[2 * (i - off)];
      if (same == 256) return off;
    }
  return guess;
}

static void check_tail(const run *r, int64_t swap_at) {
  const float *L = capture_left(r->cap);
  int64_t next = (swap_at / RATE + 1) * RATE, from = swap_at + FADE + BLOCK, to = next - BLOCK;
  int64_t off = place(r, swap_at);
  if (to - from < RATE / 4 || next + RATE / 20 + off >= capture_frames(r->cap)) {
    check(false, "(f) the tail across an edit", "the edit landed at sample %lld, too near a cycle's start", (long long)swap_at);
    return;
  }
  /* Piece by piece between jumps of JACK's time, each set against the stretch it plays */
  double want = 0, got = 0;
  int64_t o = off, ra = from + off, counted = 0;
  while (ra - o < to) {
    int64_t rb = capture_frames(r->cap);
    for (int k = 0; k < capture_jumps(r->cap) && k < CAPTURE_MAX_XRUNS; k++) {
      int64_t j = capture_jump_at(r->cap, k);
      if (j > ra && j < rb) rb = j;
    }
    o = place_piece(r, ra, rb, o);
    if (rb > to + o) rb = to + o;
    for (int64_t i = ra; i < rb; i++) {
      double g = L[i], w = r->before.samples[2 * (i - o)];
      got += g * g, want += w * w, counted++;
    }
    if (rb >= capture_frames(r->cap)) break;
    ra = rb;
  }
  want = sqrt(want / (double)(counted ? counted : 1)), got = sqrt(got / (double)(counted ? counted : 1));
  check(want > 0.003 && counted > (to - from) / 2 && fabs(got - want) < 0.05 * want,
        "(f) the reverb rings on across an edit of another line",
        "RMS %.5f over the %.0f ms recorded of the %.0f ms from the swap's fade to the next cycle, %.5f unedited "
        "(within 5%% wanted)",
        got, (double)counted * 1e3 / RATE, (double)(to - from) * 1e3 / RATE, want);
  double burst = rms(r->before.samples, 2, next, next + RATE / 20), heard = rms(L + o, 1, next, next + RATE / 20);
  check(heard < 0.6 * burst, "(f) the edit is heard", "the next cycle's 440 Hz burst is gone: RMS %.4f where it was %.4f",
        heard, burst);
}

static void check_commands(const run *r, const int64_t *taken, const int64_t *handed, const double *compile_ms,
                           int nswaps) {
  const float *L = capture_left(r->cap);
  int eval_swap = 3; /* the swaps after the file's three programs */
  for (int k = 0; k < NCOMMANDS; k++) {
    const command *c = &commands[k];
    int64_t sent = c->sent, end = k + 1 < NCOMMANDS ? commands[k + 1].sent : r->stopped;
    bool compiles = !c->code || strstr(c->code, "0.2");
    /* Where the music must not change, a jump of JACK's time is not taken for a change; where
     * it must, the first departure is the change (a fit made again after a jump could take
     * the change itself into the fit). */
    int64_t fit_from = since_last_jump(r, sent - 4800, sent);
    int64_t changed = compiles ? departs(L, fit_from, sent, end, 2e-3)
                               : departs_across_jumps(r, L, sent - 4800, sent, end, 2e-3);
    char what[96];
    snprintf(what, sizeof what, "(%c) %s%s%s%s", c->code ? 'h' : 'g', c->path, c->code ? " \"" : "",
             c->code ? c->code : "", c->code ? "\"" : "");
    if (!compiles) {
      check(changed < 0, what, "does not compile: the music goes on within 2e-3 of itself until the next command");
      continue;
    }
    if (changed < 0) {
      check(false, what, "nothing changed in the recording");
      continue;
    }
    double ms = (double)(changed - sent) * 1e3 / RATE;
    bool in_time;
    char detail[200];
    if (!c->code) {
      /* at once: phonon's next block, which the capture records within two periods */
      in_time = changed - sent <= 3 * BLOCK;
      snprintf(detail, sizeof detail, "heard %.1f ms (%.1f blocks) after it was sent", ms, ms * RATE / 1e3 / BLOCK);
    } else {
      int s = eval_swap++;
      int64_t waited = s < nswaps ? taken[s] - handed[s] : -1;
      double cms = s < nswaps ? compile_ms[s] : -1;
      in_time = s < nswaps && waited >= 0 && waited <= BLOCK && ms <= cms + 10.0 + 3e3 * BLOCK / RATE;
      snprintf(detail, sizeof detail,
               "heard %.1f ms after it was sent; compiled in %.1f ms, taken by the audio thread %lld samples after "
               "it was handed over",
               ms, cms, (long long)waited);
    }
    /* The amplitudes, once the fade is over, in the last quarter second before the next
     * command (far from a change that a jump made look early), over the longest stretch that
     * no jump of JACK's time cuts (a jump moves every tone's phase): 20 to 100 ms. */
    int64_t settled = changed + FADE + BLOCK, a, b;
    unbroken(r, settled > end - RATE / 4 ? settled : end - RATE / 4, end, 4800, &a, &b);
    bool right = b - a >= RATE / 50;
    double w[8];
    if (right) fit(L, a, b, w);
    char amps[120] = "";
    for (int f = 0; f < 4 && right; f++) {
      double amp = hypot(w[2 * f], w[2 * f + 1]);
      right = fabs(amp - c->want[f]) < 0.01;
      snprintf(amps + strlen(amps), sizeof amps - strlen(amps), "%s%.0f Hz %.3f", f ? ", " : "", freqs[f], amp);
    }
    if (b - a < RATE / 50) snprintf(amps, sizeof amps, "no 20 ms without a jump of JACK's time to measure");
    check(in_time && right, what, "%s; then %s", detail, amps);
  }
  check(server_log_count(r->log, "(evaluated code):1:16: syntax error") == 1, "(h) the error is placed in the evaluated code",
        "(evaluated code):1:16 and a caret");
}

static void analyse(run *r) {
  char *text = proc_read_file(r->log);
  int64_t taken[32], handed[32];
  double compile_ms[32];
  int nswaps = 0;
  for (char *p = text; p && (p = strstr(p, "playing from cycle")) && nswaps < 32; p++) {
    long long t, h;
    if (sscanf(p, "playing from cycle %*f (sample %lld, handed over at %lld), compiled in %lf", &t, &h,
               &compile_ms[nswaps]) == 3)
      taken[nswaps] = t, handed[nswaps++] = h;
  }
  free(text);
  printf("%d programs played; the capture saw JACK's time jump %d times in %.1f s\n", nswaps, capture_jumps(r->cap),
         (double)capture_frames(r->cap) / RATE);
  if (nswaps < 2) {
    check(false, "phonon live's log", "%d programs played (log: %s)", nswaps, r->log);
    return;
  }
  check_tail(r, taken[1]);
  check_commands(r, taken, handed, compile_ms, nswaps);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: live_control_test PHONON\n");
    return 2;
  }
  char dir[] = "/tmp/phonon-control-XXXXXX", phonon[4096];
  if (!mkdtemp(dir) || !proc_absolute(argv[1], phonon, sizeof phonon)) return 2;
  setenv("PHONON_SAMPLES", "", 1);
  setenv("HOME", dir, 1);
  if (chdir(dir) != 0) return 2;
  run r = {.phonon = phonon, .dir = dir};
  if (!render(&r, tail_before, &r.before)) {
    printf("FAIL: phonon render of the reverb program\n");
    return 1;
  }
  pid_t jackd;
  if (!server_start(dir, 70, &jackd, &r.cap)) return 77;
  bool played = capture_start(r.cap) && perform(&r);
  capture_stop(r.cap);
  if (played) analyse(&r);
  else check(false, "phonon live", "did not play or exit cleanly (log: %s)", r.log);
  capture_close(r.cap);
  proc_stop(jackd);
  ph_sound_free(&r.before);
  proc_leave(dir, failures > 0);
  return failures ? 1 : 0;
}
