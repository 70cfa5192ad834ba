#!/usr/bin/env python3
"""Length, RMS and peak of a WAV file (16/24/32-bit integer or 32/64-bit float, any number of
channels; RMS over all channels' samples), so that a broken render cannot pass for a fast one.

usage: wavstats.py FILE.wav...     (prints: seconds rms peak channels file)
"""
import array
import math
import operator
import struct
import sys

PCM, FLOAT, EXTENSIBLE = 1, 3, 0xFFFE


def read_wav(path):
    """(rate, channels, samples as a flat array of floats in -1..1) or None."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return None
    pos, fmt, body = 12, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        chunk = data[pos + 8:pos + 8 + size]
        if cid == b"fmt ":
            fmt = chunk
        elif cid == b"data":
            body = chunk
        pos += 8 + size + (size & 1)
    if fmt is None or body is None or len(fmt) < 16:
        return None
    tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", fmt[:16])
    if tag == EXTENSIBLE and len(fmt) >= 26:
        tag = struct.unpack("<H", fmt[24:26])[0]
    if tag == FLOAT and bits in (32, 64):
        samples = array.array("f" if bits == 32 else "d")
        samples.frombytes(body[:len(body) - len(body) % samples.itemsize])
        if sys.byteorder == "big":
            samples.byteswap()
        return rate, channels, samples
    if tag == PCM and bits in (16, 32):
        ints = array.array("h" if bits == 16 else "i")
        ints.frombytes(body[:len(body) - len(body) % ints.itemsize])
        if sys.byteorder == "big":
            ints.byteswap()
        return rate, channels, array.array("d", map((1.0 / (1 << (bits - 1))).__mul__, ints))
    if tag == PCM and bits == 24:
        n = len(body) // 3
        scale = 1.0 / (1 << 23)
        return rate, channels, array.array("d", (
            int.from_bytes(body[3 * i:3 * i + 3], "little", signed=True) * scale for i in range(n)))
    return None


def wav_stats(path):
    """(seconds, rms, peak, channels) or None when the file cannot be read."""
    got = read_wav(path)
    if got is None:
        return None
    rate, channels, s = got
    if not s or not rate or not channels:
        return (0.0, 0.0, 0.0, channels)
    rms = math.sqrt(math.fsum(map(operator.mul, s, s)) / len(s))
    peak = max(max(s), -min(s))
    return (len(s) / channels / rate, rms, peak, channels)


def main():
    for path in sys.argv[1:]:
        st = wav_stats(path)
        print("unreadable %s" % path if st is None else "%.3f %.5f %.4f %d %s" % (st + (path,)))


if __name__ == "__main__":
    main()
