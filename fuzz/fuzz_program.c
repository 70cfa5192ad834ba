/* Programs: the bytes as a .ph file, parsed (every statement printed back) and compiled with
 * sample playback from an empty bank, as `phonon check` does. */
#include <stdlib.h>

#include "fuzz.h"
#include "graph/song.h"
#include "lang/parser.h"
#include "voice/sampler.h"

static void print_statements(const ph_program *prog) {
  char text[256];
  for (size_t i = 0; i < prog->count; i++) {
    size_t need = ph_stmt_print(prog->stmts[i], text, sizeof text);
    if (need >= sizeof text) {
      char *big = malloc(need + 1);
      if (big) ph_stmt_print(prog->stmts[i], big, need + 1);
      free(big);
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *source = fuzz_cstring(data, size);
  if (!source) return 0;
  ph_arena arena;
  ph_arena_init(&arena, 1 << 16);
  ph_program *prog = ph_parse_program(&arena, source, "fuzz.ph");
  if (prog) print_statements(prog);
  ph_arena_destroy(&arena);

  ph_bank *bank = ph_bank_create(44100);
  if (!bank) abort();
  ph_voice_hooks hooks = ph_sampler_hooks(bank);
  ph_song_options opt = {.rate = 44100, .voices = &hooks};
  ph_song song;
  ph_error err;
  ph_error_clear(&err);
  if (!ph_song_compile(&song, source, "fuzz.ph", &opt, &err) && !ph_error_is_set(&err)) abort();
  ph_song_destroy(&song);
  ph_bank_destroy(bank);
  free(source);
  return 0;
}
