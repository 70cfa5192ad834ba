#include "pattern/chords.h"

#include <stdio.h>
#include <string.h>

#include "pattern/ops.h"

typedef struct {
  const char *names; /* space-separated */
  int steps[PH_CHORD_MAX_NOTES];
  int count;
} chord_quality;

/* Semitones above the root. */
static const chord_quality qualities[] = {
    {"major maj M", {0, 4, 7}, 3},
    {"minor min m", {0, 3, 7}, 3},
    {"aug plus sharp5", {0, 4, 8}, 3},
    {"dim diminished", {0, 3, 6}, 3},
    {"sus2", {0, 2, 7}, 3},
    {"sus4", {0, 5, 7}, 3},
    {"six 6", {0, 4, 7, 9}, 4},
    {"m6 min6 minor6", {0, 3, 7, 9}, 4},
    {"seven 7 dom7", {0, 4, 7, 10}, 4},
    {"major7 maj7", {0, 4, 7, 11}, 4},
    {"minor7 min7 m7", {0, 3, 7, 10}, 4},
    {"dim7 diminished7", {0, 3, 6, 9}, 4},
    {"m7b5 m7f5 min7flat5 minor7flat5", {0, 3, 6, 10}, 4},
    {"minMaj7 mmaj7 minorMajor7", {0, 3, 7, 11}, 4},
    {"sevenSus2 7sus2", {0, 2, 7, 10}, 4},
    {"sevenSus4 7sus4", {0, 5, 7, 10}, 4},
    {"add9 major9add", {0, 4, 7, 14}, 4},
    {"nine 9 dom9", {0, 4, 7, 10, 14}, 5},
    {"major9 maj9", {0, 4, 7, 11, 14}, 5},
    {"minor9 min9 m9", {0, 3, 7, 10, 14}, 5},
    {"six9 sixNine sixby9 6by9", {0, 4, 7, 9, 14}, 5},
    {"m69 min69 minor69 m6by9", {0, 3, 7, 9, 14}, 5},
    {"eleven 11 dom11", {0, 4, 7, 10, 14, 17}, 6},
    {"minor11 min11 m11", {0, 3, 7, 10, 14, 17}, 6},
    {"major11 maj11", {0, 4, 7, 11, 14, 17}, 6},
    {"thirteen 13 dom13", {0, 4, 7, 10, 14, 17, 21}, 7},
    {"minor13 min13 m13", {0, 3, 7, 10, 14, 17, 21}, 7},
    {"major13 maj13", {0, 4, 7, 11, 14, 21}, 6},
    {"five 5", {0, 7}, 2},
    {"one 1", {0}, 1},
};

static bool in_list(const char *list, const char *name) {
  size_t n = strlen(name);
  for (const char *p = list; *p;) {
    size_t len = strcspn(p, " ");
    if (len == n && !strncmp(p, name, n)) return true;
    p += len;
    while (*p == ' ') p++;
  }
  return false;
}

bool ph_chord_notes(const char *text, int default_octave, double *midi, int *n) {
  const char *quote = strchr(text, '\'');
  if (!quote || quote == text) return false;
  char root[16];
  size_t len = (size_t)(quote - text);
  if (len >= sizeof root) return false;
  memcpy(root, text, len);
  root[len] = 0;
  double base;
  if (!ph_note_midi(root, default_octave, &base)) return false;
  const char *quality = quote + 1;
  for (size_t q = 0; q < sizeof qualities / sizeof *qualities; q++) {
    if (!in_list(qualities[q].names, quality)) continue;
    for (int i = 0; i < qualities[q].count; i++) midi[i] = base + qualities[q].steps[i];
    *n = qualities[q].count;
    return true;
  }
  return false;
}
