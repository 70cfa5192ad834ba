/* What a listener would notice, measured: pitch by FFT, level by RMS, onsets. */
#ifndef PH_TEST_MEASURE_H
#define PH_TEST_MEASURE_H

#include <stddef.h>

/* The strongest frequency in buf (Hann window, parabolic peak interpolation). */
double measure_peak_hz(const float *buf, int n, double rate);
/* Magnitude in dB of the spectrum near hz (the largest bin within ±2 bins). */
double measure_level_db_at(const float *buf, int n, double rate, double hz);
double measure_rms(const float *buf, int n);
double measure_peak(const float *buf, int n);

#endif
