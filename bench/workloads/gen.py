#!/usr/bin/env python3
"""Writes the benchmark workloads that are too long to write by hand: w2.ph (64 saws),
w4.ph (256 enveloped sines), w5.ph (a copy of the heaviest example) and w6.ph (1000 sample
voices). w1.ph and w3.ph are written by hand. The definitions are those of
../shared/bench/anchors/README.md, so every engine renders the same sound.

usage: gen.py            (writes next to this file; run it again after changing a definition)
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# W5 is the heaviest program of examples/ by render time (measured on 2026-11-29: 2.5 s of CPU
# for 60 s; the next, 14-pad-adsr, 1.0 s).
W5_EXAMPLE = "15-kit-groove.ph"

# W6: voice k starts on sample 64 k and plays the whole sample, 64000 frames, so from 64000 on
# exactly 1000 voices sound at once. Onsets on multiples of 64 land on block boundaries in every
# engine. One cycle is 64000 samples (cps = 44100 / 64000); each of the 8 players takes every
# 8th step of 1000, 125 voices at once, below the sampler's 128 per `s`.
W6_PLAYERS = 8
W6_VOICES = 1000
W6_GAIN = 0.01


def saw_freq(i):
    return 110.0 * (1 + (i - 32) * 0.0007)


def w4_params(i):
    freq = 100.0 * 2.0 ** (i / 48.0)
    att = 0.5 + (i % 16) * 0.25
    rel = 0.5 + ((i * 7) % 16) * 0.25
    return freq, att, 30.0 - att - rel, rel


def w2():
    saws = "\n  + ".join("saw %.6f" % saw_freq(i) for i in range(64))
    return ("-- W2: 64 band-limited saws at 110 Hz x (1 + (i - 32) x 0.0007), summed, through a\n"
            "-- resonant low-pass (Q = 4) whose cutoff a 0.5 Hz sine sweeps between 500 and 3000 Hz.\n"
            "-- Summed / 256: as loud as Csound's and Faust's W2 (scsynth's Saw is half as loud and\n"
            "-- is divided by 128). Render 60 s. Written by gen.py.\n"
            "~cutoff $ sine 0.5 * 1250 + 1750\n"
            "~saws $ (%s) * 0.00390625\n"
            "out $ ~saws # lpf ~cutoff 4\n" % saws)


def w4():
    terms = []
    for i in range(256):
        freq, att, sus, rel = w4_params(i)
        terms.append("sine %.6f * segments 0 :level1 1 :level2 1 :level3 0 :times %g :time2 %g :time3 %g"
                     % (freq, att, sus, rel))
    return ("-- W4: 256 sines, sine i at 100 x 2^(i/48) Hz, amplitude 1/128, a linear attack of\n"
            "-- 0.5 + (i mod 16) x 0.25 s, a release of 0.5 + (7 i mod 16) x 0.25 s ending at 30 s.\n"
            "-- Render 30 s. Written by gen.py. The envelopes' levels and times are numbers: written as\n"
            "-- strings (segments \"0 1 1 0\" \"0.5 29 0.5\") each is a pattern queried every block,\n"
            "-- and the workload takes over 100 times longer.\n"
            "out $ (%s) * 0.0078125\n" % "\n  + ".join(terms))


def w5():
    with open(os.path.join(ROOT, "examples", W5_EXAMPLE)) as f:
        body = f.read()
    return ("-- W5: examples/%s, the heaviest example by render time. Render 60 s.\n"
            "-- Copied by gen.py.\n%s" % (W5_EXAMPLE, body))


def w6():
    steps = W6_VOICES // W6_PLAYERS
    lines = []
    for k in range(W6_PLAYERS):
        cells = " ".join("w6noise" if j == k else "~" for j in range(W6_PLAYERS))
        lines.append('~p%d $ s "[%s]*%d" # gain %.8f' % (k, cells, steps, W6_GAIN * 2 ** 0.5))
    return ("-- W6: 1000 sample voices at once. The sample (bench/noise.py writes it: 64000 frames of\n"
            "-- white noise, mono) starts every 64 samples and plays to its end, so from 1.45 s on\n"
            "-- 1000 voices sound. %d players of %d voices each (a player sounds at most 128).\n"
            "-- The gain is %g x sqrt 2: a mono sample is -3 dB in each channel at the centre.\n"
            "-- Render 20 s with --samples DIR, DIR/w6noise/ holding the sample. Written by gen.py.\n"
            "tempo: 0.6890625\n%s\nout $ %s\n"
            % (W6_PLAYERS, steps, W6_GAIN, "\n".join(lines),
               " + ".join("~p%d" % k for k in range(W6_PLAYERS))))


def main():
    for name, text in (("w2", w2()), ("w4", w4()), ("w5", w5()), ("w6", w6())):
        with open(os.path.join(HERE, name + ".ph"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
