#!/usr/bin/env python3
"""Renders every hostile program (tests/hostile/*.ph) for one second and checks that Phonon
survives it: either it exits 0 with a WAV whose every sample is finite and within [-1, 1], or it
exits 1 with an error that names file:line:column and draws a caret. Never a signal, never
another exit status, and never more than 2 s of CPU time (the child's own, measured by wait4,
so a loaded machine does not fail it) or 1 GiB of memory.

Sanitizers slow everything down: PHONON_HOSTILE_TIME_FACTOR (the ASan build sets it) multiplies
the CPU limit.
Usage: run.py PHONON HOSTILE_DIR OUT_DIR [NAME...]"""
import array, os, re, resource, signal, struct, subprocess, sys, threading
from concurrent.futures import ThreadPoolExecutor

CPU_LIMIT_S = 2.0
MEMORY_LIMIT_KIB = 1 << 20
SECONDS = '1'


def read_float_wav(path):
    data = open(path, 'rb').read()
    if data[:4] != b'RIFF' or data[8:12] != b'WAVE':
        return None
    i, fmt, samples = 12, None, None
    while i + 8 <= len(data):
        tag, size = data[i:i + 4], struct.unpack('<I', data[i + 4:i + 8])[0]
        body = data[i + 8:i + 8 + size]
        if tag == b'fmt ':
            fmt = struct.unpack('<HHIIHH', body[:16])
        elif tag == b'data':
            samples = array.array('f')
            samples.frombytes(body[:len(body) // 4 * 4])
        i += 8 + size + (size & 1)
    if not fmt or fmt[0] not in (3, 0xFFFE) or fmt[5] != 32:
        return None  # not 32-bit float: the render wrote something else
    return samples


def check_error(path, stderr):
    """The error's first line is FILE:LINE:COL: message; a later line is the caret."""
    lines = stderr.splitlines()
    where = re.compile(re.escape(path) + r':(\d+):(\d+): \S')
    first = next((k for k, l in enumerate(lines) if where.match(l)), None)
    if first is None:
        return 'no FILE:LINE:COL error in: ' + stderr.strip()[:300]
    if not any(re.fullmatch(r'[ \t]*\^', l) for l in lines[first + 1:first + 3]):
        return 'no caret under the error: ' + stderr.strip()[:300]
    return None


def run_one(phonon, path, out_dir, cpu_limit):
    name = os.path.basename(path)[:-3]
    wav = os.path.join(out_dir, name + '.wav')
    log = os.path.join(out_dir, name + '.log')
    if os.path.exists(wav):
        os.unlink(wav)
    hard_stop = int(cpu_limit * 10) + 1

    def limits():
        resource.setrlimit(resource.RLIMIT_CPU, (hard_stop, hard_stop + 1))

    with open(log, 'wb') as err:
        child = subprocess.Popen([phonon, 'render', path, wav, '--duration', SECONDS],
                                 stdin=subprocess.DEVNULL, stdout=err, stderr=err, preexec_fn=limits)
        wall_guard = threading.Timer(hard_stop * 4, child.kill)
        wall_guard.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall_guard.cancel()
        child.returncode = 0  # reaped here; keeps Popen from waiting again
    stderr = open(log, 'rb').read().decode('utf-8', 'replace')
    cpu = usage.ru_utime + usage.ru_stime
    summary = f'{cpu:.2f} s CPU, {usage.ru_maxrss // 1024} MiB'
    if os.WIFSIGNALED(status):
        return f'killed by {signal.Signals(os.WTERMSIG(status)).name} ({summary}): {stderr.strip()[-600:]}', None
    code = os.WEXITSTATUS(status)
    if cpu > cpu_limit:
        return f'took {cpu:.2f} s of CPU (limit {cpu_limit:.1f} s)', None
    if usage.ru_maxrss > MEMORY_LIMIT_KIB * (cpu_limit / CPU_LIMIT_S):
        return f'used {usage.ru_maxrss // 1024} MiB', None
    if code == 0:
        samples = read_float_wav(wav)
        if samples is None:
            return 'exit 0 without a float WAV', None
        peak = 0.0
        for x in samples:
            if x != x or abs(x) > 1.0:
                return f'sample {x} is not finite or beyond full scale', None
            peak = max(peak, abs(x))
        os.unlink(wav)
        return None, f'rendered, peak {peak:.3f} ({summary})'
    if code != 1:
        return f'exit status {code}: {stderr.strip()[-300:]}', None
    problem = check_error(path, stderr)
    if problem:
        return problem, None
    return None, f'error: {stderr.splitlines()[0][len(path) + 1:][:90]} ({summary})'


def main():
    phonon, hostile, out_dir = sys.argv[1:4]
    os.makedirs(out_dir, exist_ok=True)
    cpu_limit = CPU_LIMIT_S * float(os.environ.get('PHONON_HOSTILE_TIME_FACTOR', '1'))
    names = sys.argv[4:] or sorted(f[:-3] for f in os.listdir(hostile) if f.endswith('.ph'))
    paths = [os.path.join(hostile, n + '.ph') for n in names]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda p: run_one(phonon, p, out_dir, cpu_limit), paths))
    failed = 0
    for path, (problem, note) in zip(paths, results):
        name = os.path.basename(path)
        if problem:
            failed += 1
            print(f'FAIL: {name}: {problem}')
        else:
            print(f'ok: {name}: {note}')
    print(f'{len(paths) - failed} of {len(paths)} hostile programs survived (CPU limit {cpu_limit:.1f} s each)')
    if len(paths) < 100 and not sys.argv[4:]:
        print(f'FAIL: only {len(paths)} hostile programs')
        return 1
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
