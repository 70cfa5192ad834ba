/* How many times faster than real time programs render on one core. Not a test. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "graph/song.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const struct {
  const char *name, *program;
} programs[] = {
    {"one sine", "out $ sine 440 * 0.3\n"},
    {"pattern melody + lpf", "tempo: 0.5\nout $ saw \"c3 e3 g3 b3\" * 0.3 # lpf (sine 0.25 * 900 + 1200) 4\n"},
    {"detuned drone", "out $ (saw 55 + saw 55.4 + saw 110.3) * 0.12 # lpf 700 0.8\n"},
    {"feedback loop", "~ring $ sine 110 * 0.2 + ~ring * 0.7 # lpf 1800 0.7\nout $ ~ring * 0.5\n"},
    {"delay echoes", "tempo: 0.5\nout $ sine \"c5 g4 e5 b4\" * \"1 0 1 1\" * 0.3 # delay 0.375 0.55 0.4\n"},
    {"16 oscillators",
     "out $ (saw 55 + saw 56 + saw 57 + saw 58 + saw 59 + saw 60 + saw 61 + saw 62 + square 63 + square 64 + "
     "square 65 + square 66 + tri 67 + tri 68 + tri 69 + tri 70) * 0.05 # lpf 2000 0.7\n"},
};

int main(void) {
  const int rate = 48000, seconds = 20;
  printf("render speed, %d Hz, block 128, one core (x real time)\n", rate);
  float *buf = malloc(sizeof(float) * 2 * 128);
  for (size_t i = 0; i < sizeof programs / sizeof *programs; i++) {
    ph_song song;
    ph_error err = {0};
    ph_song_options opt = {.rate = rate, .block = 128};
    if (!ph_song_compile(&song, programs[i].program, "bench.ph", &opt, &err)) {
      printf("%-24s compile error: %s\n", programs[i].name, err.message);
      ph_song_destroy(&song);
      continue;
    }
    double start = now();
    for (int64_t done = 0; done < (int64_t)rate * seconds; done += 128) ph_song_process(&song, buf, 128);
    double elapsed = now() - start;
    printf("%-24s %8.1fx\n", programs[i].name, seconds / elapsed);
    ph_song_destroy(&song);
  }
  free(buf);
  return 0;
}
