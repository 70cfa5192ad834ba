/* What the live test listens for in a recording: a tone's continuation, clicks, silences.
 * `cuts` are recording indices where the recording may lack or repeat a block of what phonon
 * played (the cycle boundaries around a jump of JACK's time): a step there is not counted
 * against phonon, and a tone may resume there shifted by whole blocks. */
#ifndef PH_TEST_ANALYSIS_H
#define PH_TEST_ANALYSIS_H

#include <stdint.h>

/* The largest |x[i+1] - 2x[i] + x[i-1]| for i in [from, to) away from the cuts: a step or a
 * kink shows here. */
double largest_d2(const float *x, int64_t from, int64_t to, const int64_t *cuts, int ncuts);
/* The first index in [from, to) where x departs by more than tol from the tone of frequency
 * hz fitted (least squares) to the longest stretch of [fit_from, from) without a cut; -1 when
 * it never does. */
int64_t tone_breaks(const float *x, int64_t fit_from, double hz, double rate, int64_t from, int64_t to,
                    const int64_t *cuts, int ncuts, int block, double tol);
/* The longest run of samples quieter than floor in [from, to). */
int64_t longest_silence(const float *x, int64_t from, int64_t to, double floor);
double to_db(double amplitude);

#endif
