#!/usr/bin/env python3
"""Renders every program in examples/ and checks that each is heard: it compiles, its level
(RMS) is audible, no sample is out of range or non-finite, and the limiter stayed idle; and that
rendering it on 3 threads gives the same file, byte for byte.
Usage: check_examples.py PHONON EXAMPLES_DIR OUT_DIR"""
import array, math, os, struct, subprocess, sys

def read_float_wav(path):
    data = open(path, 'rb').read()
    i = data.find(b'data')
    n = struct.unpack('<I', data[i + 4:i + 8])[0]
    a = array.array('f')
    a.frombytes(data[i + 8:i + 8 + n])
    return a

phonon, examples, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
failed = passed = 0
for name in sorted(os.listdir(examples)):
    if not name.endswith('.ph'):
        continue
    wav = os.path.join(out, name[:-3] + '.wav')
    r = subprocess.run([phonon, 'render', os.path.join(examples, name), wav, '--cycles', '2'],
                       capture_output=True, text=True)
    problem = None
    if r.returncode != 0:
        problem = 'render failed: ' + r.stderr.strip()
    elif 'limiter' in r.stderr or 'non-finite' in r.stderr:
        problem = 'too loud: ' + r.stderr.strip()
    else:
        s = read_float_wav(wav)
        rms = math.sqrt(sum(x * x for x in s) / max(1, len(s)))
        peak = max(abs(x) for x in s) if s else 0
        if not all(math.isfinite(x) for x in s):
            problem = 'non-finite samples'
        elif rms < 0.01:
            problem = f'silent (RMS {rms:.4f})'
        elif peak > 1.0:
            problem = f'peak {peak:.3f} above full scale'
        else:
            threaded = wav[:-4] + '-threads.wav'
            t = subprocess.run([phonon, 'render', os.path.join(examples, name), threaded, '--cycles', '2', '--threads', '3'],
                               capture_output=True, text=True)
            if t.returncode != 0 or open(threaded, 'rb').read() != open(wav, 'rb').read():
                problem = 'on 3 threads the output differs'
            else:
                print(f'ok: {name}: RMS {20 * math.log10(rms):.1f} dBFS, peak {20 * math.log10(peak):.1f} dBFS, same on 3 threads')
    if problem:
        print(f'FAIL: {name}: {problem}')
        failed += 1
    else:
        passed += 1
print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed or not passed else 0)
