/* phonon live: plays a program and follows its saves. This is the control thread: it watches
 * the file, compiles each save, hands good programs to the audio thread (io/live.h), frees
 * the ones it is done with and reports; a program that fails prints its error and the last
 * good one keeps playing. */
#include <ctype.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/live_bank.h"
#include "cli/live_inbox.h"
#include "graph/song_report.h"
#include "io/audio.h"
#include "io/live.h"
#include "io/osc.h"
#include "io/watch.h"
#include "voice/sampler.h"

#define MAX_DIRS 16

typedef struct {
  const char *path;
  const char *dirs[MAX_DIRS];
  int ndirs;
  int rate, block; /* block 0: the program's own (`buffer:`, else 128) */
  bool playing;    /* a program has been handed to the audio thread */
  live_bank *banks;
  ph_bank *latest; /* the bank of the program handed over last: its missing names are reported */
  ph_live_song *playing_song; /* the song handed over last: alive until a later one is collected */
  int multi;       /* numbered outputs on their own port pairs */
  const char *osc_port; /* NULL: no OSC server */
  bool repl;
  char *overlay;   /* code evaluated from the REPL or OSC since the file last changed */
  size_t evaluated_from; /* where in the overlay the code being tried begins */
  live_inbox inbox;
  ph_live *live;   /* for status replies */
  ph_audio *audio;
  int reloads;
  uint64_t last_busy, last_played; /* the audio load between two looks */
  double load;
} live_config;

static volatile sig_atomic_t stop_requested;
static void on_signal(int sig) { stop_requested = sig; }

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + t.tv_nsec * 1e-9;
}

static void usage(void) {
  fprintf(stderr, "usage: phonon live FILE.ph [--backend jack|alsa] [--device NAME] [--rate HZ] [--buffer N]"
                  " [--samples DIR]... [--duration SECONDS] [--multi N] [--osc PORT | --no-osc] [--repl]\n"
                  "       phonon live --list-devices\n");
}

/* The file's text followed by the code evaluated since it last changed (a later definition of
 * a bus or an output wins, so evaluated code takes over what it redefines). */
static bool with_overlay(const live_config *cfg, char **source, ph_error *err) {
  if (!cfg->overlay) return true;
  size_t a = strlen(*source), b = strlen(cfg->overlay);
  char *both = realloc(*source, a + b + 2);
  if (!both) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory");
    return false;
  }
  both[a] = '\n';
  memcpy(both + a + 1, cfg->overlay, b + 1);
  *source = both;
  return true;
}

static int lines_before(const char *text, const char *at) {
  int n = 1;
  for (const char *p = text; p < at; p++) n += *p == '\n';
  return n;
}

/* An error in evaluated code is placed in that code, its lines counted from the code's first:
 * the code just evaluated, or what was evaluated before it and the new code upsets. */
static void place_in_overlay(const live_config *cfg, ph_error *err) {
  if (!cfg->overlay || err->line < 1) return;
  const char *overlay = err->source + strlen(err->source) - strlen(cfg->overlay);
  const char *latest = overlay + cfg->evaluated_from;
  int overlay_line = lines_before(err->source, overlay), latest_line = lines_before(err->source, latest);
  if (err->line >= latest_line) {
    err->line -= latest_line - 1;
    err->source = latest;
    err->file = "(evaluated code)";
  } else if (err->line >= overlay_line) {
    err->line -= overlay_line - 1;
    err->source = overlay;
    err->file = "(code evaluated before)";
  }
}

/* The file compiled into a new song; NULL after printing why. */
static ph_live_song *load(live_config *cfg, double *compile_ms) {
  double t0 = now_seconds();
  ph_error err = {0};
  ph_live_song *s = calloc(1, sizeof *s);
  if (!s) {
    fprintf(stderr, "%s: out of memory\n", cfg->path);
    return NULL;
  }
  live_bank_config banks = {cfg->path, cfg->dirs, cfg->ndirs, cfg->rate};
  bool read = (s->source = ph_cli_read_file(cfg->path, &err)) && !ph_error_is_set(&err); /* a NUL byte: not read */
  bool ok = read && with_overlay(cfg, &s->source, &err) && live_bank_attach(&cfg->banks, s, &banks, &err);
  if (ok) {
    s->hooks = ph_sampler_hooks(s->bank);
    ph_song_options opt = {.rate = cfg->rate, .block = cfg->block, .voices = &s->hooks};
    ok = ph_song_compile(&s->song, s->source, cfg->path, &opt, &err);
    if (ok) ph_song_make_resident(&s->song);
  }
  if (!ok) {
    if (!err.file) err.file = cfg->path;
    if (read && err.source == s->source) place_in_overlay(cfg, &err);
    ph_error_print(&err, stderr);
    const char *next = cfg->playing ? "the last good program keeps playing" : "waiting for a save";
    if (err.file == cfg->path) fprintf(stderr, "%s: not loaded; %s\n", cfg->path, next);
    else fprintf(stderr, "phonon live: the evaluated code is dropped; %s\n", next);
    ph_live_song_free(s);
    return NULL;
  }
  *compile_ms = (now_seconds() - t0) * 1e3;
  return s;
}

static bool parse_args(int argc, char **argv, live_config *cfg, ph_audio_options *audio, double *duration, bool *list) {
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--backend") && v) {
      i++;
      if (!strcmp(v, "jack")) audio->backend = PH_AUDIO_JACK;
      else if (!strcmp(v, "alsa")) audio->backend = PH_AUDIO_ALSA;
      else return false;
    } else if (!strcmp(a, "--device") && v) audio->device = argv[++i];
    else if (!strcmp(a, "--rate") && v) audio->rate = atoi(argv[++i]);
    else if (!strcmp(a, "--buffer") && v) audio->buffer = atoi(argv[++i]);
    else if (!strcmp(a, "--duration") && v) *duration = atof(argv[++i]);
    else if (!strcmp(a, "--samples") && v && cfg->ndirs < MAX_DIRS) cfg->dirs[cfg->ndirs++] = argv[++i];
    else if (!strcmp(a, "--list-devices")) *list = true;
    else if (!strcmp(a, "--multi") && v) cfg->multi = atoi(argv[++i]);
    else if (!strcmp(a, "--osc") && v) cfg->osc_port = argv[++i];
    else if (!strcmp(a, "--no-osc")) cfg->osc_port = NULL;
    else if (!strcmp(a, "--repl")) cfg->repl = true;
    else if (a[0] == '-' && a[1] == '-') {
      fprintf(stderr, "phonon live: unknown option %s\n", a);
      return false;
    } else if (!cfg->path) cfg->path = a;
    else return false;
  }
  return *list || cfg->path;
}

/* The audio load since the last look: time in the audio callback over the audio it made. */
static double audio_load(live_config *cfg) {
  ph_audio_stats a = ph_audio_get_stats(cfg->audio);
  uint64_t busy = a.busy_ns - cfg->last_busy, played = a.played_ns - cfg->last_played;
  if (played > 50000000) { /* at least 50 ms to average over */
    cfg->load = (double)busy / (double)played;
    cfg->last_busy = a.busy_ns;
    cfg->last_played = a.played_ns;
  }
  return cfg->load;
}

static void print_status(live_config *cfg, bool tty) {
  ph_live_status st = ph_live_get_status(cfg->live);
  ph_audio_stats a = ph_audio_get_stats(cfg->audio);
  fprintf(stderr,
          "%scps %.3f  cycle %.2f  cpu %.1f%%  voices %d  limited %lld%s  reloads %d  xruns %llu  late %llu  longest %.2f ms of %.2f"
          "  (by cpu time: late %llu  longest %.2f ms, at %.1f s)%s",
          tty ? "\r" : "", st.cps, st.cycle, 100.0 * audio_load(cfg), st.voices, (long long)st.limited,
          st.dc_guard ? "  dc guard on" : "", cfg->reloads,
          (unsigned long long)a.xruns, (unsigned long long)a.late, a.longest_ms,
          1e3 * ph_audio_buffer(cfg->audio) / ph_audio_rate(cfg->audio), (unsigned long long)a.late_cpu,
          a.longest_cpu_ms, a.longest_cpu_at, tty ? "   " : "\n");
}

/* A line that is only hush[N], unhush[N], solo N, unsolo, mute N or unmute N acts on the
 * playing program at its next block, without compiling; false for anything else. */
static bool control_at_once(void *ctx, const char *code) {
  const char *p = code;
  while (isspace((unsigned char)*p)) p++;
  char word[8];
  size_t len = 0;
  while (islower((unsigned char)*p) && len < sizeof word - 1) word[len++] = *p++;
  word[len] = 0;
  while (*p == ' ' || *p == '\t') p++;
  long channel = -1;
  if (isdigit((unsigned char)*p)) {
    char *end;
    channel = strtol(p, &end, 10);
    p = end;
  }
  while (isspace((unsigned char)*p)) p++;
  if (*p || channel > 63) return false;
  bool all = channel < 0;
  ph_live_control what;
  if (!strcmp(word, "hush") || (!strcmp(word, "mute") && !all)) what = PH_LIVE_HUSH;
  else if (!strcmp(word, "unhush") || (!strcmp(word, "unmute") && !all)) what = PH_LIVE_UNHUSH;
  else if (!strcmp(word, "solo") && !all) what = PH_LIVE_SOLO;
  else if (!strcmp(word, "unsolo") && all) what = PH_LIVE_UNSOLO;
  else return false;
  ph_live_control_output(((live_config *)ctx)->live, what, (int)channel);
  return true;
}

static void osc_eval(void *ctx, const char *code) { live_inbox_put(&((live_config *)ctx)->inbox, code); }

static void osc_status(void *ctx, ph_osc_status *out) {
  live_config *cfg = ctx;
  ph_live_status st = ph_live_get_status(cfg->live);
  ph_audio_stats a = ph_audio_get_stats(cfg->audio);
  *out = (ph_osc_status){st.cps, st.cycle, audio_load(cfg), (int)a.xruns, st.voices, cfg->reloads};
}

/* Adds evaluated code to the overlay; false when there was none. */
static bool take_evaluated(live_config *cfg) {
  char *code = live_inbox_take(&cfg->inbox);
  if (!code) return false;
  size_t a = cfg->overlay ? strlen(cfg->overlay) : 0, b = strlen(code);
  char *grown = realloc(cfg->overlay, a + b + 1);
  if (grown) {
    memcpy(grown + a, code, b + 1);
    cfg->overlay = grown;
  }
  free(code);
  return grown != NULL;
}

/* Follows the file until a signal, the end of --duration or the loss of the audio device. */
static void perform(live_config *cfg, ph_live *live, ph_audio *audio, ph_watch *watch, double duration,
                    double compile_ms) {
  bool tty = isatty(2);
  double start = now_seconds(), next_status = start;
  uint64_t swaps_seen = 0;
  int64_t published_at = 0; /* the audio thread's position when the last song was handed over */
  bool status_lines = tty && !cfg->repl;
  while (!stop_requested && !ph_audio_lost(audio) && (duration <= 0 || now_seconds() - start < duration)) {
    bool saved = ph_watch_wait(watch, 20);
    if (saved) { /* the file is the program again: what was evaluated or hushed since is dropped */
      free(cfg->overlay);
      cfg->overlay = NULL;
      free(live_inbox_take(&cfg->inbox));
      ph_live_clear_controls(live);
    }
    cfg->evaluated_from = cfg->overlay ? strlen(cfg->overlay) : 0;
    bool evaluated = take_evaluated(cfg);
    pthread_mutex_lock(&cfg->inbox.lock);
    bool want_status = cfg->inbox.status_wanted, quit = cfg->inbox.quit;
    cfg->inbox.status_wanted = false;
    pthread_mutex_unlock(&cfg->inbox.lock);
    if (want_status) print_status(cfg, false);
    if (quit) break;
    if (saved || evaluated) {
      ph_live_song *s = load(cfg, &compile_ms);
      published_at = ph_live_get_status(live).position;
      if (s && ph_live_publish(live, s)) {
        cfg->latest = s->bank;
        cfg->playing_song = s;
        cfg->playing = true;
      } else {
        if (!s && evaluated) cfg->overlay[cfg->evaluated_from] = 0; /* code that does not compile is dropped */
        ph_live_song_free(s);
      }
    }
    ph_live_collect(live);
    if (cfg->latest) ph_cli_report_missing(cfg->latest, cfg->path);
    if (cfg->playing_song && ph_song_report_faults(&cfg->playing_song->song, stderr) && tty) fputc('\n', stderr);
    ph_live_status st = ph_live_get_status(live);
    if (st.swaps != swaps_seen) {
      cfg->reloads += swaps_seen > 0;
      swaps_seen = st.swaps;
      if (tty) fputc('\n', stderr);
      fprintf(stderr, "%s: playing from cycle %.3f (sample %lld, handed over at %lld), compiled in %.1f ms\n", cfg->path,
              st.swap_cycle, (long long)st.swap_at, (long long)published_at, compile_ms);
    }
    if (status_lines && now_seconds() >= next_status) {
      print_status(cfg, true);
      next_status += 0.1;
    }
  }
  if (ph_audio_lost(audio)) fprintf(stderr, "\nphonon live: the audio device went away\n");
  print_status(cfg, false);
}

int ph_cli_live(int argc, char **argv) {
  live_config cfg = {.osc_port = "57150"};
  ph_audio_options audio_opt = {.pairs = 1};
  double duration = 0;
  bool list = false;
  if (!parse_args(argc, argv, &cfg, &audio_opt, &duration, &list)) {
    usage();
    return 2;
  }
  if (list) {
    ph_audio_list_devices(stdout);
    return 0;
  }
  if (cfg.multi < 0 || cfg.multi >= PH_AUDIO_MAX_PAIRS) {
    fprintf(stderr, "phonon live: --multi takes 0 to %d outputs\n", PH_AUDIO_MAX_PAIRS - 1);
    return 2;
  }
  audio_opt.pairs = 1 + cfg.multi;
  live_inbox_init(&cfg.inbox);
  cfg.inbox.at_once = control_at_once;
  cfg.inbox.at_once_ctx = &cfg;
  ph_osc_server *osc = NULL;
  pthread_t repl_thread;
  ph_error err = {0};
  ph_watch *watch = cfg.inbox.watch = ph_watch_open(cfg.path, &err);
  ph_audio *audio = watch ? ph_audio_open(&audio_opt, &err) : NULL;
  if (!audio) {
    fprintf(stderr, "phonon live: %s\n", err.message);
    ph_watch_close(watch);
    return 1;
  }
  cfg.rate = ph_audio_rate(audio);
  double compile_ms = 0;
  ph_live_song *first = load(&cfg, &compile_ms);
  cfg.block = first ? first->song.block : 128; /* every later program is cut in the same blocks */
  ph_live *live = ph_live_create_multi(cfg.rate, cfg.block, PH_LIVE_FADE_SECONDS, 1 + cfg.multi, &err);
  cfg.live = live;
  cfg.audio = audio;
  int rc = 1;
  if (!live) {
    ph_error_print(&err, stderr);
    ph_live_song_free(first);
    goto done;
  }
  if (first && (cfg.playing = ph_live_publish(live, first))) cfg.latest = first->bank, cfg.playing_song = first;
  else ph_live_song_free(first);
  struct sigaction sa = {.sa_handler = on_signal};
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  if (!ph_audio_start(audio, ph_live_process, live, &err)) {
    ph_error_print(&err, stderr);
    goto done;
  }
  fprintf(stderr, "phonon live: %s through %s at %d Hz, period %d, block %d; save it to change the music, Ctrl-C stops\n",
          cfg.path, ph_audio_name(audio), cfg.rate, ph_audio_buffer(audio), cfg.block);
  if (cfg.osc_port) {
    ph_osc_handlers h = {osc_eval, osc_status, &cfg};
    ph_error oerr = {0};
    if ((osc = ph_osc_start(cfg.osc_port, &h, &oerr)))
      fprintf(stderr, "phonon live: OSC on UDP port %d (/phonon/eval, /phonon/hush, ... see README)\n", ph_osc_port(osc));
    else
      fprintf(stderr, "phonon live: no OSC: %s\n", oerr.message);
  }
  if ((cfg.repl || isatty(0)) && live_repl_start(&cfg.inbox, &repl_thread)) {
    cfg.repl = true;
    pthread_detach(repl_thread);
  }
  perform(&cfg, live, audio, watch, duration, compile_ms);
  ph_audio_stop(audio);
  rc = 0;
done:
  ph_osc_stop(osc);
  live_inbox_detach(&cfg.inbox);
  ph_audio_close(audio);
  ph_live_destroy(live);
  live_bank_drop(&cfg.banks);
  ph_watch_close(watch);
  free(cfg.overlay);
  if (!cfg.repl) live_inbox_destroy(&cfg.inbox); /* a REPL thread may still hold it */
  return rc;
}
