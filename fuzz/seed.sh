#!/usr/bin/env bash
# seed.sh PHONON OUT: the fuzzers' seed corpora, made from the repository's own inputs, into
# OUT/<target>/ (replaced): mini-notation strings from the conformance cases and the programs'
# strings; the examples and test programs; short renders in every format `phonon render` writes,
# and mono PCM WAV files of 8, 16 and 24 bits.
set -euo pipefail
phonon=$1 out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$root/../shared/conformance
rm -rf "$out"
mkdir -p "$out"/{mini,program,render,soundfile}

programs=("$root"/examples/*.ph "$root"/tests/lang/good/*.ph "$root"/tests/lang/broken/*.ph)
for f in "${programs[@]}"; do
  name=$(basename "$(dirname "$f")")-$(basename "$f")
  cp "$f" "$out/program/$name"
  cp "$f" "$out/render/$name"
done

python3 - "$out" "$root" "$shared" "${programs[@]}" <<'PY'
import glob, hashlib, json, os, re, struct, sys, wave

out, root, shared, programs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

def save(folder, data):
    path = os.path.join(out, folder, hashlib.sha1(data).hexdigest()[:16])
    with open(path, "wb") as f:
        f.write(data)

def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)

minis = set()
cases = glob.glob(os.path.join(shared, "cases.jsonl")) + glob.glob(os.path.join(root, "tests/conformance/**/cases.jsonl"), recursive=True)
for path in cases:
    for line in open(path):
        case = json.loads(line)
        minis.update(strings_in(case.get("mini")))
        for step in case.get("apply", []):
            minis.update(strings_in(step[1:]))
for path in programs:
    minis.update(re.findall(r'"([^"\n]*)"', open(path).read()))
for m in sorted(minis):
    save("mini", m.encode())

for bits, rate in ((8, 8000), (16, 22050), (24, 44100)):
    path = os.path.join(out, "soundfile", f"pcm{bits}.wav")
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(bits // 8)
        w.setframerate(rate)
        w.writeframes(bytes(range(0, 240, 3)) * (bits // 8))
PY

for ext in wav flac aiff ogg; do
  ASAN_OPTIONS=detect_leaks=0 "$phonon" render "$root/examples/01-hello.ph" "$out/soundfile/hello.$ext" \
    --duration 0.01 --rate 8000 >/dev/null 2>&1
done
for t in mini program render soundfile; do echo "$t: $(ls "$out/$t" | wc -l) seeds"; done
