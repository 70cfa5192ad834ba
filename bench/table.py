#!/usr/bin/env python3
"""The tables of bench/run.sh, in Markdown: x real time of every system side by side with
Phonon / fastest other, the speed-up on all threads, peak memory, Phonon's instructions per
output sample, and a check of every output (length, RMS, peak; Phonon's level against the
others') so that a broken render cannot pass for a fast one.

usage: table.py OUTDIR THREADS     (reads OUTDIR/results.tsv, instructions.tsv, machine.txt,
                                    wav/; exits 1 when a render failed its check)
"""
import csv
import math
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wavstats import wav_stats  # noqa: E402

OTHERS = ["scsynth", "csound", "chuck"]  # the bar: the fastest of these three
ENGINES = OTHERS + ["faust"]
NAMES = {"phonon1": "Phonon 1 thread", "scsynth": "scsynth", "csound": "Csound", "chuck": "ChucK",
         "faust": "Faust"}
LABELS = {
    "w1": "W1 1 sine, 60 s",
    "w2": "W2 64 saws → swept low-pass, 60 s",
    "w3": "W3 drums → delay → reverb, 60 s",
    "w4": "W4 256 enveloped sines, 30 s",
    "w5": "W5 examples/15-kit-groove, 60 s",
    "w6": "W6 1000 sample voices, 20 s",
}
# Phonon's RMS may differ from the others' median by this many dB; more where the engines'
# reverbs differ (W3, W5)
TOLERANCE_DB = {"w3": 3.0, "w5": 3.0}
RATE = 44100


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return list(csv.DictReader(f, delimiter="\t"))


def fmt(x, digits=0):
    if x is None:
        return "-"
    if x == float("inf"):
        return "inf"
    if digits == 0 and abs(x) < 10:
        return "%.1f" % x
    return "%.*f" % (digits, x)


def main():
    out, threads = sys.argv[1], int(sys.argv[2])
    names = dict(NAMES, phononN="Phonon %d threads" % threads)
    rows = {}
    for r in read_tsv(os.path.join(out, "results.tsv")):
        rows.setdefault((r["system"], r["workload"]), []).append(r)
    if not rows:
        print("no results")
        return 1
    work = sorted({w for _, w in rows})
    systems = [s for s in ["phonon1", "phononN"] + ENGINES if any(k[0] == s for k in rows)]

    med = {}  # (system, workload) -> dict of medians over the runs that succeeded
    checks = {}
    bad = 0
    for (s, w), rs in rows.items():
        ok = [r for r in rs if r["rc"] == "0"]
        audio = float(rs[0]["audio_s"])
        st = wav_stats(os.path.join(out, "wav", "%s-%s.wav" % (w, s)))
        failed = not ok or st is None or st[1] < 1e-4 or abs(st[0] - audio) > 0.1
        bad += failed
        checks[(s, w)] = (len(ok), len(rs), st, failed)
        if not ok:
            continue
        m = lambda k: statistics.median(float(r[k]) for r in ok)  # noqa: E731
        cpu = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in ok)
        med[(s, w)] = dict(audio=audio, wall=m("wall_s"), cpu=cpu, rss=m("maxrss_kb") / 1024,
                           xrt=audio / cpu if cpu > 0 else float("inf"),
                           load=statistics.median(float(r["load"]) for r in ok))

    with open(os.path.join(out, "machine.txt")) as f:
        machine = f.read().strip().splitlines()
    runs = max(len(v) for v in rows.values())
    print("# Phonon against scsynth, Csound, ChucK and Faust")
    print()
    for line in machine:
        print("- " + line)
    print()
    print("## × real time: audio seconds per CPU second (user + sys), median of %d runs; higher is faster" % runs)
    print()
    print("| workload | " + " | ".join(names[s] for s in systems) +
          " | Phonon ÷ fastest of scsynth/Csound/ChucK (target ≥ 2) |")
    print("|---|" + "---:|" * (len(systems) + 1))
    for w in work:
        cells = [fmt(med[(s, w)]["xrt"]) if (s, w) in med else "-" for s in systems]
        best = [med[(s, w)]["xrt"] for s in OTHERS if (s, w) in med]
        ratio = "-"
        if best and ("phonon1", w) in med:
            fastest = max(best)
            who = [names[s] for s in OTHERS if (s, w) in med and med[(s, w)]["xrt"] == fastest][0]
            ratio = "%.2f (vs %s)" % (med[("phonon1", w)]["xrt"] / fastest, who)
        print("| %s | %s | %s |" % (LABELS.get(w, w), " | ".join(cells), ratio))
    print()
    print("Faust is compiled C++ (no run-time voices, no sample player: no W5, W6); the bar of the")
    print("targets is the fastest of scsynth, Csound and ChucK.")

    if any(s == "phononN" for s, _ in med):
        print()
        print("## Phonon on %d threads against 1 thread (median wall-clock seconds)" % threads)
        print()
        print("| workload | wall s, 1 thread | wall s, %d threads | speed-up (target ≥ 1.7 for W2–W4) | "
              "CPU s, 1 thread | CPU s, %d threads | load average at the runs |" % (threads, threads))
        print("|---|---:|---:|---:|---:|---:|---:|")
        for w in work:
            a, b = med.get(("phonon1", w)), med.get(("phononN", w))
            if not a or not b:
                continue
            print("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f / %.1f |" % (
                LABELS.get(w, w), a["wall"], b["wall"], a["wall"] / b["wall"] if b["wall"] else 0,
                a["cpu"], b["cpu"], a["load"], b["load"]))
        print()
        print("Wall-clock times include waiting for the CPUs other processes hold: read the speed-up")
        print("against the load average (the machine has %d cores)." % os.cpu_count())

    if ("phonon1", "w5") in med:
        share = 100.0 / med[("phonon1", "w5")]["xrt"]
        print()
        print("W5 live: Phonon renders it on %.1f %% of one core (target < 5 %%)." % share)

    print()
    print("## Peak memory (max RSS, MiB, median)")
    print()
    print("| workload | " + " | ".join(names[s] for s in systems) + " |")
    print("|---|" + "---:|" * len(systems))
    for w in work:
        print("| %s | %s |" % (LABELS.get(w, w), " | ".join(
            "%.0f" % med[(s, w)]["rss"] if (s, w) in med else "-" for s in systems)))

    instr = read_tsv(os.path.join(out, "instructions.tsv"))
    if instr:
        method = instr[0]["method"]
        print()
        print("## Phonon's instructions per output sample (1 thread)")
        print()
        how = ("perf stat -e instructions" if method == "perf" else
               "callgrind (perf stat cannot read this CPU's counters)")
        print("Counted by %s for renders of T1 and T2 seconds: (count(T2) − count(T1)) / "
              "((T2 − T1) × %d), which leaves out start-up and W6's first 1.45 s." % (how, RATE))
        print()
        print("| workload | T1, T2 s | instructions per output sample | per sample and voice |")
        print("|---|---|---:|---:|")
        voices = {"w1": 1, "w2": 64, "w4": 256, "w6": 1000}
        for r in instr:
            n = (float(r["t2"]) - float(r["t1"])) * RATE
            per = (float(r["count2"]) - float(r["count1"])) / n if n > 0 and float(r["count1"]) > 0 else None
            v = voices.get(r["workload"])
            print("| %s | %s, %s | %s | %s |" % (LABELS.get(r["workload"], r["workload"]), r["t1"], r["t2"],
                                                "%.0f" % per if per else "-",
                                                "%.1f" % (per / v) if per and v else "-"))

    print()
    print("## Output check (the last run's file: seconds, RMS, peak; RMS of both channels for Phonon)")
    print()
    print("| workload | system | runs ok | output | Phonon's RMS against the others' median |")
    print("|---|---|---|---|---|")
    for w in work:
        others = [checks[(s, w)][2][1] for s in ENGINES if (s, w) in checks and checks[(s, w)][2]]
        ref = statistics.median(others) if others else None
        for s in systems:
            if (s, w) not in checks:
                continue
            nok, n, st, failed = checks[(s, w)]
            text = "unreadable" if st is None else "%.2f s, %.4f, %.3f" % st[:3]
            if failed:
                text += " **BAD**"
            level = ""
            if s.startswith("phonon") and ref and st and st[1] > 0:
                db = 20 * math.log10(st[1] / ref)
                tol = TOLERANCE_DB.get(w, 1.0)
                level = "%+.2f dB (±%g dB: %s)" % (db, tol, "matches" if abs(db) <= tol else "**DIFFERS**")
            print("| %s | %s | %d/%d | %s | %s |" % (w, names[s], nok, n, text, level))
    limited = []
    for s in ("phonon1", "phononN"):
        for w in work:
            log = os.path.join(out, "log", "%s-%s-1.log" % (s, w))
            if os.path.exists(log):
                with open(log) as f:
                    limited += ["%s (%s): %s" % (w, names[s], line.split(": ", 1)[1].strip())
                                for line in f if "safety limiter" in line]
    if limited:
        print()
        print("Phonon's output limiter acted: " + "; ".join(limited))
    if bad:
        print("\n%d render(s) failed the output check (marked **BAD**)" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
