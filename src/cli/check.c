/* phonon check FILE.ph... [--ast] [--syntax]: parse programs and report every error with its
 * position, including malformed mini-notation inside strings, then compile them (without
 * rendering) for the errors only the compiler sees; --ast prints the statements parsed. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "voice/sampler.h"
#include "graph/song.h"
#include "lang/parser.h"
#include "pattern/mini.h"

typedef struct {
  ph_error *v;
  size_t n, cap;
} error_list;

static void add_error(error_list *l, const ph_error *e) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 16;
    ph_error *v = realloc(l->v, cap * sizeof *v);
    if (!v) return;
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = *e;
}

/* A mini-notation error inside the string at node->offset, moved to the file's position. */
static void check_string(const ph_program *prog, const ph_ast *n, ph_arena *scratch, error_list *errors) {
  ph_error e;
  ph_error_clear(&e);
  ph_arena_reset(scratch);
  if (ph_mini_parse(scratch, n->text, &e) || !ph_error_is_set(&e)) return;
  ph_error moved;
  ph_error_clear(&moved);
  size_t col = e.column > 0 ? (size_t)e.column - 1 : 0;
  ph_error_set(&moved, e.status, prog->source, n->offset + 1 + col, "in mini-notation: %s", e.message);
  moved.file = prog->file;
  add_error(errors, &moved);
}

static void check_tree(const ph_program *prog, const ph_ast *n, ph_arena *scratch, error_list *errors) {
  if (!n) return;
  if (n->kind == PH_AST_STR) check_string(prog, n, scratch, errors);
  for (size_t i = 0; i < n->nargs; i++) check_tree(prog, n->args[i], scratch, errors);
}

static int by_position(const void *a, const void *b) {
  const ph_error *x = a, *y = b;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  return (x->column > y->column) - (x->column < y->column);
}

static void print_statement(const ph_stmt *s) {
  size_t need = ph_stmt_print(s, NULL, 0) + 1;
  char *buf = malloc(need);
  if (!buf) return;
  ph_stmt_print(s, buf, need);
  puts(buf);
  free(buf);
}

/* Checks one file; 0 ok, 1 errors, 2 unreadable. */
static int check_file(const char *path, bool show_ast, bool compile) {
  ph_error read_err = {0};
  char *source = ph_cli_read_file(path, &read_err);
  if (!source) {
    ph_error_print(&read_err, stderr);
    return 2;
  }
  ph_arena arena, scratch;
  ph_arena_init(&arena, 1 << 16);
  ph_arena_init(&scratch, 1 << 16);
  int rc = 2;
  ph_program *prog = ph_parse_program(&arena, source, path);
  if (!prog) {
    fprintf(stderr, "%s: out of memory while parsing\n", path);
    goto done;
  }
  error_list errors = {0};
  for (size_t i = 0; i < prog->nerrors; i++) add_error(&errors, &prog->errors[i]);
  for (size_t i = 0; i < prog->count; i++) check_tree(prog, prog->stmts[i]->expr, &scratch, &errors);
  if (ph_error_is_set(&read_err)) { /* a NUL byte: the text before it is checked, where it ends is not */
    size_t kept = 0;
    for (size_t i = 0; i < errors.n; i++)
      if (by_position(&errors.v[i], &read_err) < 0) errors.v[kept++] = errors.v[i];
    errors.n = kept;
    add_error(&errors, &read_err);
  }
  if (show_ast)
    for (size_t i = 0; i < prog->count; i++) print_statement(prog->stmts[i]);
  if (!errors.n && compile) { /* names, arguments, buses: the compiler's first error */
    ph_song song;
    ph_error err;
    ph_error_clear(&err);
    ph_voice_hooks hooks = ph_sampler_hooks(NULL); /* names are not looked up here */
    if (!ph_song_compile(&song, source, path, &(ph_song_options){.rate = 44100, .voices = &hooks}, &err)) {
      if (!err.file) err.file = path;
      add_error(&errors, &err);
    }
    ph_song_destroy(&song);
  }
  if (errors.n) qsort(errors.v, errors.n, sizeof *errors.v, by_position);
  for (size_t i = 0; i < errors.n; i++) ph_error_print(&errors.v[i], stderr);
  if (!errors.n) printf("%s: ok\n", path);
  rc = errors.n ? 1 : 0;
  free(errors.v);
done:
  ph_arena_destroy(&scratch);
  ph_arena_destroy(&arena);
  free(source);
  return rc;
}

/* phonon check FILE... [--ast] [--syntax]: the worst status of all files. --syntax stops after
 * parsing (and the mini-notation of the strings); otherwise the program is also compiled. */
int ph_cli_check(int argc, char **argv) {
  bool show_ast = false, compile = true;
  int files = 0, rc = 0;
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--ast")) show_ast = true;
    if (!strcmp(argv[i], "--syntax")) compile = false;
  }
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--ast") || !strcmp(argv[i], "--syntax")) continue;
    int r = check_file(argv[i], show_ast, compile);
    if (r > rc) rc = r;
    files++;
  }
  if (!files) {
    fprintf(stderr, "usage: phonon check FILE.ph... [--ast] [--syntax]\n");
    return 2;
  }
  return rc;
}
