/* What the recording of a performance must show (see live_jack_test.c). Where the capture
 * saw JACK's time jump (the dummy driver runs late on a busy machine: it counts an xrun and
 * may skip a cycle of the capture client), the recording may lack a block of what phonon
 * played; those points are listed and the stretches between them are judged each on its own. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "io/live.h"
#include "io/soundfile.h"
#include "live_run.h"
#include "measure.h"
#include "proc.h"

#define RATE 48000
#define BLOCK 128
#define FADE ((int64_t)(PH_LIVE_FADE_SECONDS * RATE))
#define CLICK_DBFS -50.0
#define TOL 1e-3 /* -60 dBFS: departing from a tone by more than this is a change */
#define MAX_SAVE_TO_SOUND_MS 100.0

typedef struct {
  int64_t taken[RELOADS + 8], handed[RELOADS + 8]; /* phonon's samples: swap, and hand-over */
  double compile_ms[RELOADS + 8];
  int nswaps, reloads;
  unsigned long long xruns, late, late_cpu;
  double longest_ms, period_ms, longest_cpu_ms;
  bool error_placed; /* the syntax error printed with file:line:col and a caret */
} live_log;

typedef struct {
  const float *L, *R;
  int64_t n;
  int64_t cuts[2 * CAPTURE_MAX_XRUNS]; /* the cycle boundaries around each jump of JACK's time */
  int ncuts;
} recording;

static live_log read_log(const char *path) {
  live_log g = {.reloads = -1};
  char *text = proc_read_file(path);
  for (char *line = text ? strtok(text, "\n") : NULL; line; line = strtok(NULL, "\n")) {
    char *at = strstr(line, "playing from cycle");
    long long taken, handed;
    double ms;
    if (at && sscanf(at, "playing from cycle %*f (sample %lld, handed over at %lld), compiled in %lf", &taken, &handed, &ms) == 3 &&
        g.nswaps < RELOADS + 8) {
      g.taken[g.nswaps] = taken, g.handed[g.nswaps] = handed, g.compile_ms[g.nswaps++] = ms;
    }
    if ((at = strstr(line, "reloads ")))
      sscanf(at, "reloads %d  xruns %llu  late %llu  longest %lf ms of %lf  (by cpu time: late %llu  longest %lf", &g.reloads,
             &g.xruns, &g.late, &g.longest_ms, &g.period_ms, &g.late_cpu, &g.longest_cpu_ms);
    if (strstr(line, "track.ph:2:") && strstr(line, "syntax error")) g.error_placed = true;
  }
  free(text);
  return g;
}

static int64_t first_sound(const float *l, const float *r, int stride, int64_t n) {
  for (int64_t i = 0; i < n; i++)
    if (l[i * stride] != 0 || r[i * stride] != 0) return i;
  return -1;
}

/* Where the stretch [a, b) of the recording sits in the render: the nearest offset to `guess`,
 * by whole blocks, at which its first 256 frames are the render's (a stall of the server can
 * move it by any number of periods). */
static int64_t place_stretch(const recording *rec, const ph_sound *ref, int64_t a, int64_t b, int64_t guess) {
  int64_t most = (int64_t)ref->frames / BLOCK + 1, len = b - a < 256 ? b - a : 256;
  for (int64_t m = 0; m <= most; m++)
    for (int sign = -1; sign <= 1; sign += 2) {
      int64_t off = guess + sign * m * BLOCK, same = 0;
      if (a - off < 0 || a + len - off > (int64_t)ref->frames) continue;
      for (int64_t i = a; i < a + len; i++)
        same += rec->L[i] == ref->samples[2 * (i - off)] && rec->R[i] == ref->samples[2 * (i - off) + 1];
      if (same == len) return off;
    }
  return guess;
}

/* (e): the example as recorded is the example as rendered, sample for sample. */
static void check_render(const live_run *r, const recording *rec) {
  char ref_path[600], log[600];
  snprintf(ref_path, sizeof ref_path, "%s/render.wav", r->dir);
  snprintf(log, sizeof log, "%s/render.log", r->dir);
  const char *argv[] = {r->phonon, "render", r->example, ref_path, "--duration", "1.5", "--rate", "48000", NULL};
  int status = proc_wait(proc_spawn(argv, log), 60);
  ph_sound ref = {0};
  ph_error err = {0};
  if (status != 0 || !ph_sound_read(ref_path, &ref, &err)) {
    live_check(false, "(e) live = render", "phonon render failed (%s)", log);
    return;
  }
  int64_t zc = first_sound(rec->L, rec->R, 1, rec->n), zr = first_sound(ref.samples, ref.samples + 1, 2, (int64_t)ref.frames);
  int64_t offset = zc - zr, compared = 0, differ = 0, end = r->s440; /* up to the first edit */
  int stretches = 0;
  int64_t skipped = 0;
  for (int64_t a = zc; zc >= 0 && zr >= 0 && a < end; stretches++) {
    int64_t b = end;
    for (int j = 0; j < rec->ncuts; j++)
      if (rec->cuts[j] > a && rec->cuts[j] < b) b = rec->cuts[j];
    if (a > zc && b - a < 2 * BLOCK) { /* between two jumps: too short to place for sure */
      skipped += b - a;
      a = b;
      continue;
    }
    if (a > zc) offset = place_stretch(rec, &ref, a, b, offset);
    int64_t here = 0, first = -1;
    for (int64_t i = a; i < b && i - offset < (int64_t)ref.frames; i++, compared++)
      if (rec->L[i] != ref.samples[2 * (i - offset)] || rec->R[i] != ref.samples[2 * (i - offset) + 1]) {
        if (!here++) first = i;
      }
    if (here)
      printf("  stretch [%lld, %lld) placed at render offset %lld: %lld differ, the first at %lld\n", (long long)a,
             (long long)b, (long long)offset, (long long)here, (long long)first);
    differ += here;
    a = b;
  }
  live_check(zc >= 0 && differ == 0 && compared > RATE / 2, "(e) live = render",
             "%lld frames of the example compared from phonon's first block, in %d stretch(es) between time jumps "
             "(%lld frames in stretches under two periods not): %lld differ",
             (long long)compared, stretches, (long long)skipped, (long long)differ);
  ph_sound_free(&ref);
}

static void check_edit(const live_run *r, const live_log *g, const recording *rec) {
  const float *L = rec->L;
  int64_t from = r->s440 + RATE / 10;
  double hz = measure_peak_hz(L + from, 8192, RATE), rms = measure_rms(L + from, 8192);
  live_check(hz > 439 && hz < 441 && rms > 0.19 && rms < 0.23, "(a) a tone", "%.2f Hz at %.3f RMS (440 Hz, 0.212 wanted)", hz, rms);
  int64_t changed = tone_breaks(L, r->s660 - 4096, 440, RATE, r->s660 - 2048, r->s660 + RATE / 2, rec->cuts, rec->ncuts, BLOCK, TOL);
  double save_ms = (double)(changed - r->s660) * 1e3 / RATE;
  int64_t waited = g->taken[2] - g->handed[2];
  live_check(changed >= r->s660 && save_ms <= MAX_SAVE_TO_SOUND_MS && waited <= 2 * BLOCK, "(b) an edit is heard",
             "%.1f ms (%.1f blocks) after the file was written; phonon compiled it in %.1f ms and the audio thread took it "
             "%lld samples after it was handed over; the rest is the watch and the JACK period",
             save_ms, save_ms * RATE / 1e3 / BLOCK, g->compile_ms[2], (long long)waited);
  if (changed < 0 || changed + FADE + 8192 >= rec->n) return;
  hz = measure_peak_hz(L + changed + FADE + 1000, 8192, RATE);
  live_check(hz > 659 && hz < 661, "(b) the new pitch", "%.2f Hz (660 wanted)", hz);
  double before = largest_d2(L, changed - 5000, changed - 1000, rec->cuts, rec->ncuts);
  double after = largest_d2(L, changed + FADE + 1000, changed + FADE + 5000, rec->cuts, rec->ncuts);
  double excess = largest_d2(L, changed - 256, changed + FADE + 256, rec->cuts, rec->ncuts) - fmax(before, after);
  live_check(to_db(excess) < CLICK_DBFS, "(b) no click at the swap",
             "the second difference exceeds the tones' own by %.1f dBFS (limit %.0f)", to_db(excess), CLICK_DBFS);
}

static void check_error(const live_run *r, const live_log *g, const recording *rec) {
  int64_t broke = tone_breaks(rec->L, r->s_error - 4096, 660, RATE, r->s_error - 2048, r->s_error + RATE / 2, rec->cuts,
                              rec->ncuts, BLOCK, TOL);
  live_check(broke < 0 && g->nswaps >= 3, "(c) a syntax error keeps the music",
             "the 660 Hz tone goes on within %.0e of itself for 0.5 s after the bad save", TOL);
  live_check(g->error_placed, "(c) the error is printed", "with track.ph:2:col and a caret");
}

/* Where the clicks are, and the nearest time jump: for the failure message. */
static void list_clicks(const recording *rec, int64_t from, int64_t to, double ref) {
  int shown = 0;
  for (int64_t i = from; i < to && shown < 10; i++) {
    double d2 = fabs((double)rec->L[i + 1] - 2.0 * rec->L[i] + rec->L[i - 1]);
    if (to_db(d2 - ref) < CLICK_DBFS) continue;
    int64_t near = -1;
    for (int k = 0; k < rec->ncuts; k++)
      if (near < 0 || llabs(rec->cuts[k] - i) < llabs(near - i)) near = rec->cuts[k];
    printf("  a click at %lld (%.1f dBFS); the nearest cut at %lld\n", (long long)i, to_db(d2 - ref), (long long)near);
    shown++;
    i += 64;
  }
}

#define AGAIN 2 /* more bursts of reloads, where the first had a late call */

/* By the audio thread's CPU time: on a shared machine a call can be preempted for longer than a
 * period, which says nothing of what phonon computed. On a VM whose host reports no steal
 * (this one's /proc/stat shows none), the time the host takes the vCPU away counts as the
 * thread's CPU time as well: a call can show a period's CPU time once in thousands, at any
 * moment, however little it computed. What phonon computes at a reload happens at every
 * reload, so a burst of reloads with a late call is done again, up to AGAIN times, and the
 * check asks for one burst with none: the least of its tries, as a benchmark measures time. */
static void check_xruns(const live_run *r, const live_log *g) {
  char tries[600] = "";
  unsigned long long late = g->late_cpu;
  double longest = g->longest_cpu_ms;
  bool ok = late == 0 && longest > 0 && longest < g->period_ms;
  snprintf(tries, sizeof tries, "%llu process calls computed longer than their period, the longest %.3f ms of %.3f (by the "
           "wall clock, preemption included: %llu, the longest %.3f ms); the server counted %.1f xruns/s during the "
           "reloads, %.1f/s before them (the dummy driver's own timing)",
           g->late_cpu, g->longest_cpu_ms, g->period_ms, g->late, g->longest_ms, r->xrun_rate_during, r->xrun_rate_before);
  for (int k = 1; k <= AGAIN && !ok; k++) {
    char log[600];
    bool played = live_reload_again(r, k, log, sizeof log);
    live_log h = read_log(log);
    ok = played && h.nswaps == RELOADS + 1 && h.late_cpu == 0 && h.longest_cpu_ms > 0 && h.longest_cpu_ms < h.period_ms;
    size_t used = strlen(tries);
    snprintf(tries + used, sizeof tries - used, "; again (%d of %d swapped in): %llu, the longest %.3f ms", h.nswaps,
             RELOADS + 1, h.late_cpu, h.longest_cpu_ms);
  }
  live_check(ok, "(d) no xrun of phonon's making", "%s", tries);
}

static void check_reloads(const live_run *r, const live_log *g, const recording *rec) {
  int64_t from = r->s_reload[0], to = r->s_reload[RELOADS - 1] + RATE * 3 / 10;
  if (to > rec->n - 2) to = rec->n - 2;
  int played = g->nswaps - 3;
  live_check(played == RELOADS && g->reloads == RELOADS + 2, "(d) every save is played",
             "%d of %d saves swapped in (%d reloads counted in all)", played, RELOADS, g->reloads);
  int64_t silence = longest_silence(rec->L, from, to, 1e-4), silence_r = longest_silence(rec->R, from, to, 1e-4);
  if (silence_r > silence) silence = silence_r;
  live_check(silence < 8, "(d) no gap", "the longest run of silence over the 200 reloads is %lld samples", (long long)silence);
  double steady = largest_d2(rec->L, r->s_error - 8192, r->s_error, rec->cuts, rec->ncuts); /* the 660 Hz tone */
  double excess = largest_d2(rec->L, from, to, rec->cuts, rec->ncuts) - steady;
  live_check(to_db(excess) < CLICK_DBFS, "(d) no click", "the second difference exceeds the 660 Hz tone's by %.1f dBFS",
             to_db(excess));
  if (to_db(excess) >= CLICK_DBFS) list_clicks(rec, from, to, steady);
  check_xruns(r, g);
  long growth = r->rss_late - r->rss_early;
#ifdef __SANITIZE_ADDRESS__
  growth = 0; /* ASan keeps freed memory in quarantine; there the leak check at exit is the test */
#endif
  live_check(r->rss_early > 0 && growth < 1024, "(d) no growth", "resident heap %ld kB after 20 reloads, %ld kB after %d",
             r->rss_early, r->rss_late, RELOADS);
  live_check(r->fds_early > 0 && r->fds_late == r->fds_early && r->threads_late == r->threads_early,
             "(d) no file or thread left behind", "%d open files and %d threads after 20 reloads, %d and %d after %d",
             r->fds_early, r->threads_early, r->fds_late, r->threads_late, RELOADS);
  live_check(r->exit_status == 0, "clean exit", "phonon live exited with status %d on SIGTERM (ASan: no leak)", r->exit_status);
}

static void write_capture(const recording *rec, const char *outdir) {
  float *buf = malloc(sizeof(float) * 2 * (size_t)rec->n);
  for (int64_t i = 0; buf && i < rec->n; i++) buf[2 * i] = rec->L[i], buf[2 * i + 1] = rec->R[i];
  char path[600];
  snprintf(path, sizeof path, "%s/live-capture.wav", outdir);
  ph_error err = {0};
  ph_sound_writer *w = ph_sound_writer_open(path, RATE, 2, &err);
  if (w && buf && ph_sound_writer_write(w, buf, (size_t)rec->n, &err) && ph_sound_writer_close(w, &err))
    printf("recording: %s\n", path);
  free(buf);
}

int live_analyse(live_run *r, const char *outdir) {
  recording rec = {capture_left(r->cap), capture_right(r->cap), capture_frames(r->cap), {0}, 0};
  for (int k = 0; k < capture_jumps(r->cap) && k < CAPTURE_MAX_XRUNS; k++) {
    rec.cuts[rec.ncuts++] = capture_jump_at(r->cap, k);
    rec.cuts[rec.ncuts++] = capture_jump_at(r->cap, k) + capture_period(r->cap);
  }
  printf("the capture saw JACK's time jump %d times in %.1f s (the server counted %llu xruns)\n", capture_jumps(r->cap),
         (double)rec.n / RATE, (unsigned long long)capture_xruns(r->cap));
  write_capture(&rec, outdir);
  live_log g = read_log(r->log);
  check_render(r, &rec);
  if (g.nswaps < 3) {
    live_check(false, "phonon live's log", "%d programs played (log: %s)", g.nswaps, r->log);
    return live_failures;
  }
  check_edit(r, &g, &rec);
  check_error(r, &g, &rec);
  check_reloads(r, &g, &rec);
  return live_failures;
}
