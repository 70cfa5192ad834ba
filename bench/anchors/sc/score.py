#!/usr/bin/env python3
"""Binary OSC scores for `scsynth -N` (non-real-time): W6 here, W5 through ../w5.py.

A score is a sequence of [big-endian int32 length][OSC bundle]; a bundle is "#bundle\\0", a
64-bit time tag (seconds from the start, 32.32 fixed point) and its messages, each preceded by
its length. SynthDefs go in as /d_recv blobs read from the *.scsyndef files defs.scd compiled.

usage: score.py OUTDIR NOISE.wav [SECONDS]     (writes OUTDIR/w6.osc)
"""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RATE = 44100
BLOCK = 64


def _padded(b):
    return b + b"\0" * (4 - len(b) % 4)  # NUL-terminated, a multiple of 4 bytes


def message(address, *args):
    tags, data = ",", b""
    for a in args:
        if isinstance(a, int) and not isinstance(a, bool):
            tags, data = tags + "i", data + struct.pack(">i", a)
        elif isinstance(a, float):
            tags, data = tags + "f", data + struct.pack(">f", a)
        elif isinstance(a, str):
            tags, data = tags + "s", data + _padded(a.encode())
        elif isinstance(a, bytes):
            tags, data = tags + "b", data + struct.pack(">i", len(a)) + a + b"\0" * (-len(a) % 4)
        else:
            raise TypeError("no OSC type for %r" % (a,))
    return _padded(address.encode()) + _padded(tags.encode()) + data


def block_time(sample):
    """The time tag of a bundle meant for the block that starts on `sample` (a multiple of 64).
    scsynth runs a bundle before the block whose span holds its time (a synth starts on that
    block's first sample), so the tag is set a quarter block in: rounding cannot move it into
    the block before."""
    return (sample + BLOCK / 4) / RATE


def write(path, timed):
    """timed: (seconds, [messages]) pairs, in time order."""
    with open(path, "wb") as f:
        for seconds, msgs in timed:
            body = b"#bundle\0" + struct.pack(">Q", int(round(seconds * (1 << 32))))
            for m in msgs:
                body += struct.pack(">i", len(m)) + m
            f.write(struct.pack(">i", len(body)) + body)


def synthdef(name):
    with open(os.path.join(HERE, name + ".scsyndef"), "rb") as f:
        return message("/d_recv", f.read())


def end(seconds):
    """scsynth -N renders up to the last bundle's time: a no-op /c_set marks the end."""
    return (seconds, [message("/c_set", 0, 0.0)])


def w6(noise, seconds):
    """A voice every 64 samples, each playing the whole 64000-frame sample."""
    timed = [(0.0, [synthdef("w6voice"), message("/b_allocRead", 0, noise)])]
    for start in range(0, int(seconds * RATE), BLOCK):
        timed.append((block_time(start), [message("/s_new", "w6voice", -1, 0, 0, "buf", 0, "amp", 0.01)]))
    timed.append(end(seconds))
    return timed


def main():
    out, noise = sys.argv[1], os.path.abspath(sys.argv[2])
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "w6.osc"), w6(noise, seconds))


if __name__ == "__main__":
    main()
