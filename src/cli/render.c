/* phonon render: a program to a sound file, offline. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "graph/song.h"
#include "graph/parallel.h"
#include "graph/song_report.h"
#include "io/soundfile.h"
#include "lang/parser.h"
#include "voice/sampler.h"

char *ph_cli_read_file(const char *path, ph_error *err) {
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f) {
    ph_error_set(err, PH_ERR_IO, NULL, 0, "cannot open: %s", strerror(errno));
    err->file = path;
    return NULL;
  }
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  /* Past the language's limit one byte is enough for the parser to report it. */
  for (size_t n; buf && len <= PH_LANG_MAX_SOURCE_BYTES && (n = fread(buf + len, 1, cap - len - 1, f)) > 0;) {
    len += n;
    if (cap - len < 2) {
      char *grown = realloc(buf, cap *= 2);
      if (!grown) free(buf);
      buf = grown;
    }
  }
  if (f != stdin) fclose(f);
  if (!buf) {
    ph_error_set(err, PH_ERR_MEMORY, NULL, 0, "out of memory reading %s", path);
    return NULL;
  }
  buf[len] = 0;
  /* The language is text: a NUL byte would end the program there, silently. */
  const char *nul = memchr(buf, 0, len);
  if (nul) {
    ph_error_set(err, PH_ERR_SYNTAX, buf, (size_t)(nul - buf), "a NUL byte (a program is text; nothing after it would be read)");
    err->file = path;
  }
  return buf;
}

static void usage(void) {
  fprintf(stderr, "usage: phonon render IN.ph OUT.wav [--duration SECONDS | --cycles N] [--rate HZ] [--block N]"
                  " [--stems DIR] [--samples DIR]... [--threads N] [--format pcm16|pcm24|float] [--channels 1|2]\n");
}

static void progress(double done, double total) {
  int width = 40, filled = (int)(width * done / total);
  fprintf(stderr, "\r[%.*s%*s] %3.0f%%", filled, "########################################", width - filled, "",
          100.0 * done / total);
  if (done >= total) fputc('\n', stderr);
}

/* One file per output (out.wav, o2.wav...), before the mix and the limiter. */
static bool open_stems(ph_song *song, const char *dir, const ph_sound_format *format, ph_sound_writer **stems,
                       ph_error *err) {
  for (int k = 0; k < song->noutputs; k++) {
    char path[4096];
    int ch = song->outputs[k].channel;
    if (ch == 0)
      snprintf(path, sizeof path, "%s/out.wav", dir);
    else
      snprintf(path, sizeof path, "%s/o%d.wav", dir, ch);
    if (!(stems[k] = ph_sound_writer_open_as(path, song->rate, 2, format, err))) return false;
  }
  return true;
}

static bool write_stems(ph_song *song, ph_sound_writer **stems, float *buf, int n, ph_error *err) {
  for (int k = 0; k < song->noutputs; k++) {
    if (!stems[k]) continue;
    const ph_song_output *o = &song->outputs[k];
    const float *l = o->hushed ? NULL : ph_graph_output(&song->graph, o->left);
    const float *r = o->hushed ? NULL : ph_graph_output(&song->graph, o->right);
    for (int i = 0; i < n; i++) {
      buf[2 * i] = l && isfinite(l[i]) ? l[i] : 0.0f;
      buf[2 * i + 1] = r && isfinite(r[i]) ? r[i] : 0.0f;
    }
    if (!ph_sound_writer_write(stems[k], buf, (size_t)n, err)) return false;
  }
  return true;
}

int ph_cli_render(int argc, char **argv) {
  const char *in = NULL, *out = NULL, *stems_dir = NULL;
  double seconds = -1, cycles = -1;
  ph_song_options opt = {.rate = 44100};
  const char *dirs[16];
  int ndirs = 0, threads = 1;
  ph_sound_format format = {NULL, 0};
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--duration") && v) seconds = atof(argv[++i]);
    else if (!strcmp(a, "--cycles") && v) cycles = atof(argv[++i]);
    else if (!strcmp(a, "--rate") && v) opt.rate = atoi(argv[++i]);
    else if (!strcmp(a, "--block") && v) opt.block = atoi(argv[++i]);
    else if (!strcmp(a, "--stems") && v) stems_dir = argv[++i];
    else if (!strcmp(a, "--samples") && v && ndirs < 16) dirs[ndirs++] = argv[++i];
    else if (!strcmp(a, "--threads") && v) threads = atoi(argv[++i]);
    else if (!strcmp(a, "--format") && v) format.encoding = argv[++i];
    else if (!strcmp(a, "--channels") && v) format.channels = atoi(argv[++i]);
    else if (a[0] == '-' && a[1] == '-') {
      fprintf(stderr, "phonon render: unknown option %s\n", a);
      usage();
      return 2;
    } else if (!in) in = a;
    else if (!out) out = a;
    else {
      usage();
      return 2;
    }
  }
  if (!in || !out || opt.rate < 8000 || opt.rate > 384000 || opt.block < 0 || opt.block > 16384 ||
      (format.channels != 0 && format.channels != 1 && format.channels != 2)) {
    usage();
    return 2;
  }
  ph_error err = {0};
  char *source = ph_cli_read_file(in, &err);
  if (!source || ph_error_is_set(&err)) {
    ph_error_print(&err, stderr);
    free(source);
    return 1;
  }
  ph_song song = {0};
  int rc = 1;
  ph_sound_writer *w = NULL, *stems[PH_SONG_MAX_OUTPUTS] = {0};
  float *buf = NULL, *stem_buf = NULL;
  ph_bank *bank = ph_cli_bank_for(source, in, opt.rate, dirs, ndirs, true, &err);
  if (!bank) {
    ph_error_print(&err, stderr);
    free(source);
    return 1;
  }
  ph_voice_hooks hooks = ph_sampler_hooks(bank);
  opt.voices = &hooks;
  ph_graph_pool *pool = threads > 1 ? ph_graph_pool_create(threads) : NULL;
  opt.pool = pool;
  if (!ph_song_compile(&song, source, in, &opt, &err)) {
    ph_error_print(&err, stderr);
    goto done;
  }
  if (song.noutputs == 0) fprintf(stderr, "%s: warning: the program has no output; rendering silence\n", in);
  if (seconds < 0) {
    double cps = ph_rat_to_double(song.clock.cps);
    seconds = (cycles >= 0 ? cycles : 4) / cps;
  }
  int64_t total = (int64_t)llround(seconds * song.rate);
  if (!(w = ph_sound_writer_open_as(out, song.rate, 2, &format, &err))) {
    ph_error_print(&err, stderr);
    goto done;
  }
  buf = malloc(sizeof(float) * 2 * (size_t)song.block);
  stem_buf = malloc(sizeof(float) * 2 * (size_t)song.block);
  if (stems_dir && !open_stems(&song, stems_dir, &format, stems, &err)) {
    ph_error_print(&err, stderr);
    goto done;
  }
  bool tty = isatty(2);
  for (int64_t done = 0; done < total;) {
    int n = total - done < song.block ? (int)(total - done) : song.block;
    ph_song_process(&song, buf, n);
    if (!ph_sound_writer_write(w, buf, (size_t)n, &err) || !write_stems(&song, stems, stem_buf, n, &err)) {
      ph_error_print(&err, stderr);
      goto done;
    }
    done += n;
    if (tty && (done % (song.rate / 4) < n || done == total)) progress((double)done, (double)total);
  }
  if (!ph_sound_writer_close(w, &err)) {
    w = NULL;
    ph_error_print(&err, stderr);
    goto done;
  }
  w = NULL;
  ph_song_report_faults(&song, stderr);
  if (song.limited)
    fprintf(stderr, "%s: the safety limiter reduced %lld samples (peak %.1f dBFS before it)\n", in,
            (long long)song.limited, 20 * log10(song.peak));
  if (song.dc_guard.on)
    fprintf(stderr, "%s: the DC guard took out a steady offset (%+.2f left, %+.2f right) from %.2f s on\n", in,
            song.dc_guard.offset[0], song.dc_guard.offset[1], (double)song.dc_guard.on_at / song.rate);
  if (song.nonfinite) fprintf(stderr, "%s: %lld non-finite samples were replaced by silence\n", in, (long long)song.nonfinite);
  ph_cli_report_missing(bank, in);
  fprintf(stderr, "%s: %.2f s at %d Hz written to %s\n", in, (double)total / song.rate, song.rate, out);
  for (int k = 0; k < song.noutputs; k++)
    if (stems[k] && !ph_sound_writer_close(stems[k], &err)) ph_error_print(&err, stderr);
  memset(stems, 0, sizeof stems);
  rc = 0;
done:
  if (w) ph_sound_writer_close(w, &err);
  for (int k = 0; k < PH_SONG_MAX_OUTPUTS; k++)
    if (stems[k]) ph_sound_writer_close(stems[k], &err);
  free(buf);
  free(stem_buf);
  ph_song_destroy(&song);
  ph_graph_pool_destroy(pool);
  ph_bank_destroy(bank);
  free(source);
  return rc;
}
