#include "support.h"

#include "graph/song.h"
#include "voice/sampler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ph_arena arena_storage;
ph_arena *t_arena = &arena_storage;

int t_setup(void **state) {
  ph_arena_init(t_arena, 1 << 16);
  return 0;
}

int t_teardown(void **state) {
  ph_arena_destroy(t_arena);
  return 0;
}

ph_rat R(int64_t n, int64_t d) { return ph_rat_make(n, d); }

ph_pat *M(const char *mini) {
  ph_error err;
  ph_error_clear(&err);
  ph_pat *p = ph_mini_parse(t_arena, mini, &err);
  if (!p) fail_msg("mini '%s': %s (column %d)", mini, err.message, err.column);
  return p;
}

ph_pat *N(double x) { return ph_pure(t_arena, ph_num(x)); }

ph_pat *T(const char *name, ph_pat *pat, int nargs, ...) {
  const ph_transform_def *def = ph_transform_find(name);
  if (!def) fail_msg("no transform '%s'", name);
  if (def->nargs != nargs) fail_msg("%s takes %d args, test gave %d", name, def->nargs, nargs);
  ph_pat *args[8];
  va_list ap;
  va_start(ap, nargs);
  for (int i = 0; i < nargs; i++) args[i] = va_arg(ap, ph_pat *);
  va_end(ap);
  ph_error err;
  ph_error_clear(&err);
  ph_pat *r = def->apply(t_arena, args, pat, &err);
  if (!r) fail_msg("%s failed: %s", name, err.message);
  return r;
}

ph_haps Q(ph_pat *p, int64_t b, int64_t e) {
  ph_error err;
  ph_error_clear(&err);
  ph_haps h = ph_pat_query_span(p, t_arena, (ph_span){ph_rat_int(b), ph_rat_int(e)}, &err);
  if (ph_error_is_set(&err)) fail_msg("query failed: %s", err.message);
  ph_haps_sort(&h);
  return h;
}

static void cat_rat(char *buf, size_t size, ph_rat r) {
  size_t len = strlen(buf);
  ph_rat_format(buf + len, size - len, r);
}

const char *describe(ph_pat *p, int64_t b, int64_t e) {
  ph_haps h = Q(p, b, e);
  size_t size = 64 + h.count * 96;
  char *buf = ph_arena_zalloc(t_arena, size);
  for (size_t i = 0; i < h.count; i++) {
    const ph_hap *x = &h.items[i];
    if (i) strcat(buf, "; ");
    if (!x->has_whole) {
      strcat(buf, "~ ");
      cat_rat(buf, size, x->part.begin);
      strcat(buf, " ");
      cat_rat(buf, size, x->part.end);
    } else {
      cat_rat(buf, size, x->whole.begin);
      strcat(buf, " ");
      cat_rat(buf, size, x->whole.end);
      if (!ph_span_eq(x->whole, x->part)) {
        strcat(buf, " (");
        cat_rat(buf, size, x->part.begin);
        strcat(buf, " ");
        cat_rat(buf, size, x->part.end);
        strcat(buf, ")");
      }
    }
    strcat(buf, " ");
    size_t len = strlen(buf);
    ph_value_format(buf + len, size - len, x->value);
  }
  return buf;
}

void assert_haps(ph_pat *p, int64_t b, int64_t e, const char *expected) {
  const char *got = describe(p, b, e);
  if (strcmp(got, expected) != 0) fail_msg("\nexpected: %s\n     got: %s", expected, got);
}

static void compile_or_fail(ph_song *song, const char *program, int rate, const ph_voice_hooks *hooks) {
  ph_error err = {0};
  ph_song_options opt = {.rate = rate, .voices = hooks};
  if (!ph_song_compile(song, program, "test.ph", &opt, &err)) {
    ph_song_destroy(song);
    fail_msg("compile: %d:%d: %s", err.line, err.column, err.message);
  }
}

float *t_signal(const char *program, int rate, int frames) {
  ph_song song;
  compile_or_fail(&song, program, rate, NULL);
  float *left = test_malloc(sizeof(float) * (size_t)frames), *both = test_malloc(sizeof(float) * 2 * (size_t)song.block);
  for (int done = 0; done < frames;) {
    int n = frames - done < song.block ? frames - done : song.block;
    ph_song_process(&song, both, n);
    const float *l, *r;
    float level[2];
    if (!ph_song_channel(&song, 0, &l, &r, level)) fail_msg("no out in %s", program);
    memcpy(left + done, l, sizeof(float) * (size_t)n);
    done += n;
  }
  test_free(both);
  ph_song_destroy(&song);
  return left;
}

float *t_play(const char *program, int rate, int frames, const struct ph_bank *bank, float **right) {
  ph_song song;
  ph_voice_hooks hooks = ph_sampler_hooks(bank);
  compile_or_fail(&song, program, rate, &hooks);
  float *both = test_malloc(sizeof(float) * 2 * (size_t)frames), *left = test_malloc(sizeof(float) * (size_t)frames);
  for (int done = 0; done < frames;) {
    int n = frames - done < song.block ? frames - done : song.block;
    ph_song_process(&song, both + 2 * done, n);
    done += n;
  }
  ph_song_destroy(&song);
  if (right) *right = test_malloc(sizeof(float) * (size_t)frames);
  for (int i = 0; i < frames; i++) {
    left[i] = both[2 * i];
    if (right) (*right)[i] = both[2 * i + 1];
  }
  test_free(both);
  return left;
}

void t_graph_without_steady(ph_graph *g) {
  for (int k = 0; k < g->count; k++) {
    g->nodes[k].may_steady = false;
    g->nodes[k].nreads = 0;
  }
  for (int s = 0; s < g->nsteps; s++) g->calls[s].tend = NULL;
}

char *t_read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) fail_msg("cannot open %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = test_malloc((size_t)n + 1);
  if (fread(text, 1, (size_t)n, f) != (size_t)n) fail_msg("cannot read %s", path);
  text[n] = 0;
  fclose(f);
  return text;
}

float *t_song_render(ph_song *song, int frames) {
  float *out = test_malloc(sizeof(float) * 2 * (size_t)frames);
  for (int done = 0; done < frames;) {
    int n = frames - done < song->block ? frames - done : song->block;
    ph_song_process(song, out + 2 * done, n);
    done += n;
  }
  ph_song_destroy(song);
  return out;
}

void t_glob_programs(const char *source_dir, glob_t *found) {
  char examples[4096], workloads[4096];
  snprintf(examples, sizeof examples, "%s/examples/*.ph", source_dir);
  snprintf(workloads, sizeof workloads, "%s/bench/workloads/w[1-5].ph", source_dir);
  assert_int_equal(glob(examples, 0, NULL, found), 0);
  assert_int_equal(glob(workloads, GLOB_APPEND, NULL, found), 0);
  assert_true(found->gl_pathc >= 20);
}
