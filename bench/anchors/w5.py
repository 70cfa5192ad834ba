#!/usr/bin/env python3
"""W5 for scsynth, Csound and ChucK: examples/15-kit-groove.ph (bench/workloads/w5.ph), the
same events with the same samples, written at bench time because both come from Phonon:

- the built-in kit's sounds are rendered by `phonon render` (each alone, centred, at a gain of
  sqrt 2, which is the sample itself) and kept as mono 16-bit WAVs;
- the events of each pattern come from `phonon query --jsonl` (so `sn:2?` drops the same
  events and `every 4 (fast 2)` is Phonon's own), over the 124 cycles of 60 s at 124 bpm.

The sound, as w5.ph: the drums (gain 0.9), ghost snares (0.35, speed 1.1), open hats (0.5,
n <0 1>, each cut by the next with an 8 ms fade) and toms (0.6) at 0.5, a centred mono sample
being -3 dB (x 0.707) in Phonon; the bass: a saw voice per note (note names in an oscillator's
frequency make voices in Phonon: 2 ms attack, held for the note, 50 ms release), summed, times
one envelope struck by each note (tar: 5 ms rise from where it is, 180 ms linear fall), through
a low-pass (900 Hz, Q 0.6) at 0.3; then a Freeverb (room 0.3, damping 0.4, 15 % wet; ChucK has
only NRev).

usage: w5.py PHONON OUTDIR     (writes OUTDIR/sc/w5.osc, OUTDIR/csound/w5.csd,
                                OUTDIR/chuck/w5.ck and the samples in OUTDIR/w5/)
"""
import array
import json
import math
import os
import subprocess
import sys
import wave
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "sc"))
sys.path.insert(0, os.path.dirname(HERE))
import score  # noqa: E402
import wavstats  # noqa: E402

RATE = 44100
CYCLES = 124
SECONDS = 60.0
CPS = Fraction(124, 60)
CENTRE = math.sqrt(0.5)  # a mono sample at the centre, in each channel
FADE = 0.008
KIT = ["bd", "cp", "hh", "sn:2", "sn:3", "oh:0", "oh:1", "lt", "mt"]
PARTS = [  # (mini-notation, transforms, gain, speed)
    ("bd*4, ~ cp ~ cp, hh*8", [], 0.9, 1.0),
    ("~ ~ ~ sn:2? ~ ~ sn:3 ~", [], 0.35, 1.1),
    ("~ oh ~ oh", [], 0.5, 1.0),
    ("~ ~ ~ ~ ~ ~ lt mt", [["every", 4, ["fast", 2]]], 0.6, 1.0),
]
BASS_NOTES = "c2 c2 [~ c2] eb2 c2 [~ g1] bb1 c2"
VOICE_ATTACK, VOICE_RELEASE = 0.002, 0.05  # a melody in a Phonon oscillator (compile_sampler.c)
BASS_ATTACK, BASS_RELEASE, BASS_CUTOFF, BASS_Q, BASS_GAIN = 0.005, 0.18, 900.0, 0.6, 0.3
DRUMS_GAIN = 0.5
REVERB_ROOM, REVERB_DAMP, REVERB_MIX = 0.3, 0.4, 0.15


def file_name(name):
    return name.replace(":", "-") + ".wav"


def export_kit(phonon, outdir):
    """{name: frames} after writing each kit sound as outdir/NAME.wav (mono 16-bit)."""
    frames = {}
    for name in KIT:
        prog = os.path.join(outdir, "kit.ph")
        with open(prog, "w") as f:
            f.write('tempo: 0.25\nout $ s "%s" # gain %.17g\n' % (name, math.sqrt(2.0)))
        rendered = os.path.join(outdir, "kit-render.wav")
        subprocess.run([phonon, "render", prog, rendered, "--duration", "4"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, channels, s = wavstats.read_wav(rendered)
        left = s[0::channels]
        n = max((i for i, x in enumerate(left) if x != 0.0), default=0) + 1
        pcm = array.array("h", (max(-32767, min(32767, int(round(x * 32767)))) for x in left[:n]))
        if sys.byteorder == "big":
            pcm.byteswap()
        with wave.open(os.path.join(outdir, file_name(name)), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(pcm.tobytes())
        frames[name] = n
    for junk in ("kit.ph", "kit-render.wav"):
        os.remove(os.path.join(outdir, junk))
    return frames


def query(phonon, mini, apply=()):
    """[(onset cycle, value)] of a pattern over the piece, onsets only, in time order."""
    return [(c, v) for c, _, v in spans(phonon, mini, apply)]


def spans(phonon, mini, apply=()):
    """[(onset cycle, end cycle, value)] of a pattern over the piece, onsets only, in order."""
    case = {"id": "w5", "mini": mini, "cycles": ["0", str(CYCLES)]}
    if apply:
        case["apply"] = list(apply)
    got = subprocess.run([phonon, "query", "--jsonl"], input=json.dumps(case) + "\n", check=True,
                         capture_output=True, text=True).stdout
    haps = json.loads(got.splitlines()[0])["haps"]
    events = [(Fraction(h["whole"][0]), Fraction(h["whole"][1]), h["value"])
              for h in haps if h.get("whole") and h["whole"][0] == h["part"][0]]
    return sorted(e for e in events if 0 <= e[0] < CYCLES)


def seconds(cycle):
    return float(cycle / CPS)


def note_hz(name):
    base = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}[name[0]]
    rest = name[1:]
    while rest and rest[0] in "bs#":
        base += -1 if rest[0] == "b" else 1
        rest = rest[1:]
    midi = base + 12 * (int(rest) + 1)
    return 440.0 * 2.0 ** ((midi - 69) / 12.0)


def events(phonon, frames):
    """(kit, bass): kit = [(seconds, name, rate, amp, cut_after_seconds or None)],
    bass = [(seconds, note seconds, hz)]."""
    kit = []
    n_of_cycle = {int(c): int(v) for c, v in query(phonon, "<0 1>")}
    for mini, apply, gain, speed in PARTS:
        hits = query(phonon, mini, apply)
        for k, (c, v) in enumerate(hits):
            name = v if v != "oh" else "oh:%d" % n_of_cycle[int(c)]
            cut = None
            if v == "oh" and k + 1 < len(hits):
                cut = seconds(hits[k + 1][0]) - seconds(c)
            kit.append((seconds(c), name, speed, gain * DRUMS_GAIN * CENTRE, cut))
    kit.sort(key=lambda e: e[0])
    bass = [(seconds(c), seconds(e) - seconds(c), note_hz(v)) for c, e, v in spans(phonon, BASS_NOTES)]
    return kit, bass


def length(frames, name, rate, cut):
    """Seconds a kit voice sounds: to the sample's end, or to the cut and its fade."""
    natural = frames[name] / RATE / rate
    return natural if cut is None else min(natural, cut + FADE)


# ------------------------------------------------------------------------------- scsynth


def write_sc(path, kitdir, frames, kit, bass):
    buf = {name: i for i, name in enumerate(KIT)}
    setup = [score.synthdef(d) for d in ("w5kit", "w5bass", "w5fx")]
    setup += [score.message("/b_allocRead", buf[n], os.path.join(kitdir, file_name(n))) for n in KIT]
    timed = [(0.0, setup),
             (0.0, [score.message("/s_new", "w5fx", 1001, 1, 0, "drums", 10, "bass", 11)])]
    both = [(t, "kit", e) for t, *e in kit] + [(t, "bass", e) for t, *e in bass]
    for t, kind, e in sorted(both, key=lambda x: (x[0], x[1])):
        if kind == "kit":
            name, rate, amp, cut = e
            msg = score.message("/s_new", "w5kit", -1, 0, 0, "buf", buf[name], "rate", float(rate),
                                "amp", float(amp), "dur", float(cut if cut is not None else 1000.0), "bus", 10)
        else:
            note, hz = e
            msg = [score.message("/s_new", "w5bass", -1, 0, 0, "freq", float(hz), "note", float(note), "bus", 11),
                   score.message("/n_set", 1001, "t_trig", 1.0)]
        timed.append((t, msg if kind == "bass" else [msg]))
    timed.append(score.end(SECONDS))
    score.write(path, timed)


# -------------------------------------------------------------------------------- Csound


CSD = """<CsoundSynthesizer>
<CsOptions>
-o w5-csound.wav -W -d -m0 --nodisplays
</CsOptions>
<CsInstruments>
; W5: bench/workloads/w5.ph (examples/15-kit-groove.ph) as Csound, written by bench/anchors/w5.py.
; instr 1: a kit voice (p4 table, p5 rate, p6 amplitude, p7 seconds to the cut's 8 ms fade);
; instr 2: a bass voice (p4 Hz, p5 seconds of the note); instr 9: the envelope the notes strike
; (as tar); instr 10 filters the bass, mixes, reverberates, clears the buses.
sr = 44100
ksmps = 64
nchnls = 1
0dbfs = 1

ga_drums init 0
ga_bass init 0
gk_struck init 0
%(tables)s

instr 1
  kcut linseg 1, p7, 1, %(fade)g, 0
  a1 loscil p6, p5, p4, 1, 0
  ga_drums += a1 * kcut
endin

instr 2
  gk_struck init 1
  kv linseg 0, %(voice_attack)g, 1, p5 - %(voice_attack)g, 1, %(voice_release)g, 0
  ga_bass += vco2(1, p4) * kv
endin

instr 9 ; struck, it rises from where it is to 1, then falls to 0 (as tar)
  krising init 0
  klevel init 0
  if gk_struck == 1 then
    krising = 1
    gk_struck = 0
  endif
  if krising == 1 then
    klevel += 1 / (%(attack)g * kr)
    if klevel >= 1 then
      klevel = 1
      krising = 0
    endif
  else
    klevel = max(0, klevel - 1 / (%(release)g * kr))
  endif
  ga_bass *= interp(klevel)
endin

instr 10
  asig = ga_drums + %(bass_gain)g * lowpass2(ga_bass, %(cutoff)g, %(q)g)
  aL, aR freeverb asig, asig, %(room)g, %(damp)g
  out %(dry)g * asig + %(wet)g * aL
  ga_drums = 0
  ga_bass = 0
endin
</CsInstruments>
<CsScore>
i 9 0 %(seconds)g
i 10 0 %(seconds)g
%(notes)s
</CsScore>
</CsoundSynthesizer>
"""


def write_csound(path, kitdir, frames, kit, bass):
    table = {name: i + 1 for i, name in enumerate(KIT)}
    tables = "\n".join('gi_%d ftgen %d, 0, 0, -1, "%s", 0, 0, 0' % (table[n], table[n], os.path.join(kitdir, file_name(n)))
                       for n in KIT)
    notes = []
    for t, name, rate, amp, cut in kit:
        dur = min(length(frames, name, rate, cut), SECONDS - t)
        notes.append("i 1 %.6f %.6f %d %g %.6f %.6f" % (t, dur, table[name], rate, amp, cut if cut is not None else 1000.0))
    for t, note, hz in bass:
        notes.append("i 2 %.6f %.6f %.6f %.6f" % (t, min(note + VOICE_RELEASE, SECONDS - t), hz, note))
    with open(path, "w") as f:
        f.write(CSD % dict(tables=tables, fade=FADE, attack=BASS_ATTACK, release=BASS_RELEASE,
                           voice_attack=VOICE_ATTACK, voice_release=VOICE_RELEASE, bass_gain=BASS_GAIN, cutoff=BASS_CUTOFF, q=BASS_Q, room=REVERB_ROOM,
                           damp=REVERB_DAMP, dry=1 - REVERB_MIX, wet=REVERB_MIX, seconds=SECONDS,
                           notes="\n".join(notes)))


# --------------------------------------------------------------------------------- ChucK


CK = """// W5: bench/workloads/w5.ph (examples/15-kit-groove.ph) as ChucK, written by bench/anchors/w5.py.
// A sporked shred with its own unit generators per kit event and per bass note (a band-limited
// saw); the notes strike one envelope; NRev (ChucK 1.4 has no FreeVerb), 15 %% wet.
// Run: chuck --silent --srate:44100 w5.ck:OUT.wav
Gain drums => NRev rev => WvOut w => blackhole;
Gain notes => Envelope env => LPF lpf => Gain bass => rev;
"w5-chuck.wav" => string file;
if (me.args() > 0) me.arg(0) => file;
file => w.wavFilename;
%(mix)g => rev.mix;
%(cutoff)g => lpf.freq;
%(q)g => lpf.Q;
%(bass_gain)g => bass.gain;
[%(paths)s] @=> string paths[];
// the events, appended in short literals (ChucK 1.4 aborts at exit after very long ones)
fun void ints(int to[], int from[]) { for (0 => int i; i < from.size(); i++) to << from[i]; }
fun void floats(float to[], float from[]) { for (0 => int i; i < from.size(); i++) to << from[i]; }
int kit_at[0];
int kit_name[0];
float kit_rate[0];
float kit_amp[0];
int kit_cut[0];
int bass_at[0];
float bass_hz[0];
int bass_len[0];
%(arrays)s

fun void voice(int name, float rate, float amp, int cut) {
    SndBuf b => Envelope e => drums;
    paths[name] => b.read;
    rate => b.rate;
    amp => b.gain;
    1 => e.value;
    (b.samples() / rate) $ int => int natural;
    if (cut >= 0 && cut < natural) {
        cut::samp => now;
        %(fade)g::second => e.duration;
        0 => e.target;
        %(fade)g::second => now;
    } else {
        natural::samp => now;
    }
    e =< drums;
}

fun void note(float hz, int length) {
    BlitSaw saw => Envelope e => notes;
    hz => saw.freq;
    2.0 => saw.gain; // BlitSaw is half as loud as Phonon's saw
    %(voice_attack)g::second => e.duration;
    1 => e.target;
    length::samp => now;
    %(voice_release)g::second => e.duration;
    0 => e.target;
    %(voice_release)g::second => now;
    e =< notes;
}

fun void strike() {
    %(attack)g::second => env.duration;
    1 => env.target;
    %(attack)g::second => now;
    %(release)g::second => env.duration;
    0 => env.target;
}

now => time start;
0 => int k;
0 => int b;
while (k < kit_at.size() || b < bass_at.size()) {
    if (b >= bass_at.size() || (k < kit_at.size() && kit_at[k] <= bass_at[b])) {
        start + kit_at[k]::samp => now;
        spork ~ voice(kit_name[k], kit_rate[k], kit_amp[k], kit_cut[k]);
        k++;
    } else {
        start + bass_at[b]::samp => now;
        spork ~ note(bass_hz[b], bass_len[b]);
        spork ~ strike();
        b++;
    }
}
start + %(seconds)g::second => now;
w.closeFile();
"""


def write_chuck(path, kitdir, frames, kit, bass):
    index = {name: i for i, name in enumerate(KIT)}
    at = lambda t: str(int(round(t * RATE)))  # noqa: E731
    with open(path, "w") as f:
        f.write(CK % dict(
            mix=REVERB_MIX, cutoff=BASS_CUTOFF, q=BASS_Q, bass_gain=BASS_GAIN, fade=FADE,
            voice_attack=VOICE_ATTACK, voice_release=VOICE_RELEASE, attack=BASS_ATTACK, release=BASS_RELEASE, seconds=SECONDS,
            paths=", ".join('"%s"' % os.path.join(kitdir, file_name(n)) for n in KIT),
            arrays="\n".join(filter(None, [
                chuck_fill("ints", "kit_at", [at(e[0]) for e in kit]),
                chuck_fill("ints", "kit_name", [str(index[e[1]]) for e in kit]),
                chuck_fill("floats", "kit_rate", ["%.6f" % e[2] for e in kit]),
                chuck_fill("floats", "kit_amp", ["%.6f" % e[3] for e in kit]),
                chuck_fill("ints", "kit_cut", [str(int(round(e[4] * RATE))) if e[4] is not None else "-1" for e in kit]),
                chuck_fill("ints", "bass_at", [at(t) for t, _, _ in bass]),
                chuck_fill("floats", "bass_hz", ["%.6f" % hz for _, _, hz in bass]),
                chuck_fill("ints", "bass_len", [at(note) for _, note, _ in bass])]))))


def chuck_fill(fn, name, items, chunk=200):
    return "\n".join("%s(%s, [%s]);" % (fn, name, ", ".join(items[i:i + chunk])) for i in range(0, len(items), chunk))


def main():
    phonon, out = sys.argv[1], os.path.abspath(sys.argv[2])
    kitdir = os.path.join(out, "w5")
    for d in (kitdir, os.path.join(out, "sc"), os.path.join(out, "csound"), os.path.join(out, "chuck")):
        os.makedirs(d, exist_ok=True)
    frames = export_kit(phonon, kitdir)
    kit, bass = events(phonon, frames)
    write_sc(os.path.join(out, "sc", "w5.osc"), kitdir, frames, kit, bass)
    write_csound(os.path.join(out, "csound", "w5.csd"), kitdir, frames, kit, bass)
    write_chuck(os.path.join(out, "chuck", "w5.ck"), kitdir, frames, kit, bass)
    print("w5: %d kit events, %d bass notes" % (len(kit), len(bass)), file=sys.stderr)


if __name__ == "__main__":
    main()
