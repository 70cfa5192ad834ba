/* Rendering: the bytes as a .ph file, compiled at 8000 Hz with the built-in kit as its sample
 * bank, then 0.1 s processed block by block. Whatever the program, every output sample must be
 * finite and within full scale: the song's limiter promises it. */
#include <math.h>
#include <stdlib.h>

#include "fuzz.h"
#include "graph/song.h"
#include "voice/kit.h"
#include "voice/sampler.h"

#define RATE 8000
#define FRAMES (RATE / 10)

/* Made once: rendering the kit costs more than a run. */
static const ph_bank *kit_bank(void) {
  static ph_bank *bank;
  if (!bank) {
    bank = ph_bank_create(RATE);
    if (!bank || ph_kit_add_all(bank) < 0) abort();
  }
  return bank;
}

static void render(ph_song *song) {
  float *out = malloc(2 * (size_t)song->block * sizeof *out);
  if (!out) return;
  for (int done = 0; done < FRAMES;) {
    int frames = FRAMES - done < song->block ? FRAMES - done : song->block;
    ph_song_process(song, out, frames);
    for (int i = 0; i < 2 * frames; i++)
      if (!isfinite(out[i]) || fabsf(out[i]) > 1.0f) abort();
    done += frames;
  }
  free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *source = fuzz_cstring(data, size);
  if (!source) return 0;
  ph_voice_hooks hooks = ph_sampler_hooks(kit_bank());
  ph_song_options opt = {.rate = RATE, .voices = &hooks};
  ph_song song;
  ph_error err;
  ph_error_clear(&err);
  if (ph_song_compile(&song, source, "fuzz.ph", &opt, &err)) render(&song);
  ph_song_destroy(&song);
  free(source);
  return 0;
}
