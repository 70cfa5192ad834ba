/* phonon live: plays a program and follows its saves. This is the control thread: it watches
 * the file, compiles each save, hands good programs to the audio thread (io/live.h), frees
 * the ones it is done with and reports; a program that fails prints its error and the last
 * good one keeps playing. */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/live_bank.h"
#include "io/audio.h"
#include "io/live.h"
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
                  " [--samples DIR]... [--duration SECONDS]\n"
                  "       phonon live --list-devices\n");
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
  bool ok = (s->source = ph_cli_read_file(cfg->path, &err)) && live_bank_attach(&cfg->banks, s, &banks, &err);
  if (ok) {
    s->hooks = ph_sampler_hooks(s->bank);
    ph_song_options opt = {.rate = cfg->rate, .block = cfg->block, .voices = &s->hooks};
    ok = ph_song_compile(&s->song, s->source, cfg->path, &opt, &err);
  }
  if (!ok) {
    if (!err.file) err.file = cfg->path;
    ph_error_print(&err, stderr);
    fprintf(stderr, "%s: not loaded; %s\n", cfg->path, cfg->playing ? "the last good program keeps playing" : "waiting for a save");
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
    else if (a[0] == '-' && a[1] == '-') {
      fprintf(stderr, "phonon live: unknown option %s\n", a);
      return false;
    } else if (!cfg->path) cfg->path = a;
    else return false;
  }
  return *list || cfg->path;
}

static void print_status(const ph_live *live, const ph_audio *audio, int reloads, bool tty) {
  ph_live_status st = ph_live_get_status(live);
  ph_audio_stats a = ph_audio_get_stats(audio);
  fprintf(stderr, "%scps %.3f  cycle %.2f  reloads %d  xruns %llu  late %llu  longest %.2f ms of %.2f%s", tty ? "\r" : "",
          st.cps, st.cycle, reloads, (unsigned long long)a.xruns, (unsigned long long)a.late, a.longest_ms,
          1e3 * ph_audio_buffer(audio) / ph_audio_rate(audio), tty ? "   " : "\n");
}

/* Follows the file until a signal, the end of --duration or the loss of the audio device. */
static void perform(live_config *cfg, ph_live *live, ph_audio *audio, ph_watch *watch, double duration,
                    double compile_ms) {
  bool tty = isatty(2);
  double start = now_seconds(), next_status = start;
  uint64_t swaps_seen = 0;
  int reloads = 0;
  int64_t published_at = 0; /* the audio thread's position when the last song was handed over */
  while (!stop_requested && !ph_audio_lost(audio) && (duration <= 0 || now_seconds() - start < duration)) {
    if (ph_watch_wait(watch, 20)) {
      ph_live_song *s = load(cfg, &compile_ms);
      published_at = ph_live_get_status(live).position;
      if (s && ph_live_publish(live, s)) {
        cfg->latest = s->bank;
        cfg->playing = true;
      } else {
        ph_live_song_free(s);
      }
    }
    ph_live_collect(live);
    if (cfg->latest) ph_cli_report_missing(cfg->latest, cfg->path);
    ph_live_status st = ph_live_get_status(live);
    if (st.swaps != swaps_seen) {
      reloads += swaps_seen > 0;
      swaps_seen = st.swaps;
      if (tty) fputc('\n', stderr);
      fprintf(stderr, "%s: playing from cycle %.3f (sample %lld, handed over at %lld), compiled in %.1f ms\n", cfg->path,
              st.swap_cycle, (long long)st.swap_at, (long long)published_at, compile_ms);
    }
    if (tty && now_seconds() >= next_status) {
      print_status(live, audio, reloads, true);
      next_status += 0.1;
    }
  }
  if (ph_audio_lost(audio)) fprintf(stderr, "\nphonon live: the audio device went away\n");
  print_status(live, audio, reloads, false);
}

int ph_cli_live(int argc, char **argv) {
  live_config cfg = {0};
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
  ph_error err = {0};
  ph_watch *watch = ph_watch_open(cfg.path, &err);
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
  ph_live *live = ph_live_create(cfg.rate, cfg.block, PH_LIVE_FADE_SECONDS, &err);
  int rc = 1;
  if (!live) {
    ph_error_print(&err, stderr);
    ph_live_song_free(first);
    goto done;
  }
  if (first && (cfg.playing = ph_live_publish(live, first))) cfg.latest = first->bank;
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
  perform(&cfg, live, audio, watch, duration, compile_ms);
  ph_audio_stop(audio);
  rc = 0;
done:
  ph_audio_close(audio);
  ph_live_destroy(live);
  live_bank_drop(&cfg.banks);
  ph_watch_close(watch);
  return rc;
}
