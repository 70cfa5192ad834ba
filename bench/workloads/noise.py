#!/usr/bin/env python3
"""Writes W6's sample: 64000 frames (1.451 s at 44.1 kHz) of white noise, uniform in
-0.5..0.5, mono 16-bit WAV, the same bytes on every run (seeded). Every engine plays this file.

usage: noise.py OUT.wav
"""
import array
import random
import sys
import wave

FRAMES = 64000
RATE = 44100


def main():
    rng = random.Random(6)
    data = array.array("h", (int(rng.uniform(-0.5, 0.5) * 32767) for _ in range(FRAMES)))
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(sys.argv[1], "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data.tobytes())


if __name__ == "__main__":
    main()
