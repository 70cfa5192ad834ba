#!/usr/bin/env bash
# The benchmark suite (make bench): workloads W1-W6 rendered offline by Phonon (on 1 thread and
# on all threads) and by every other engine installed (scsynth non-real-time, Csound, ChucK,
# Faust), RUNS times each under bench/tools/cputime (GNU time's measures to the microsecond),
# interleaved (run 1 of everything, then run 2 ...) so
# that a burst of load on the machine does not land on one system only. Then Phonon's
# instructions per output sample (perf stat, else callgrind) and one table: x real time side by
# side, Phonon / fastest other, peak memory and each output's level against the others'.
#
#   bench/run.sh BUILD_DIR                         # what make bench runs
#   RUNS=1 ONLY="phonon csound" WORK="w2 w4" bench/run.sh build-bench
#   INSTR=0 ...                                    # no instruction counts
#   OUT=/tmp/b RESULTS_MD=/tmp/b/latest.md ...     # where renders, logs and the table go
#
# The workloads are bench/workloads/w*.ph; the other engines' W1-W4 are ../shared/bench/anchors
# (ANCHORS=DIR elsewhere), their W5 and W6 bench/anchors. A missing engine is skipped.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build-bench}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
PHONON=$BUILD/phonon
OUT=${OUT:-$BUILD/bench-out}
RUNS=${RUNS:-3}
ONLY=${ONLY:-"phonon scsynth csound chuck faust"}
WORK=${WORK:-"w1 w2 w3 w4 w5 w6"}
THREADS=${THREADS:-$(nproc)}
INSTR=${INSTR:-1}
ANCHORS=${ANCHORS:-$ROOT/../shared/bench/anchors}
MINE=$ROOT/bench/anchors
RESULTS_MD=${RESULTS_MD:-$ROOT/bench/results/latest.md}
TIME=$BUILD/bench/cputime
SR=44100

[ -x "$PHONON" ] || { echo "bench: no $PHONON (build first)" >&2; exit 1; }
[ -x "$TIME" ] || { echo "bench: no $TIME (cmake --build $BUILD --target benchmarks)" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
seconds() { case $1 in w4) echo 30 ;; w6) echo 20 ;; *) echo 60 ;; esac; }
frames() { echo $(($(seconds "$1") * SR)); }

rm -rf "$OUT"
mkdir -p "$OUT"/{wav,log,sc,faust,w6samples/w6noise,home}
OUT=$(cd "$OUT" && pwd)
RESULTS=$OUT/results.tsv
printf 'system\tworkload\trun\taudio_s\twall_s\tuser_s\tsys_s\tmaxrss_kb\trc\tload\n' > "$RESULTS"

# Every command runs in $OUT with HOME=$OUT/home, so that Phonon reads samples only from the
# folders given and its built-in kit, not from a sample library the user has under ~.
unset PHONON_SAMPLES
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the tree
in_out() { (cd "$OUT" && HOME="$OUT/home" "$@" < /dev/null); }

# --- the command with which each system renders workload $1 to the WAV file $2 (into CMD)
phonon_cmd() {  # WORKLOAD WAV THREADS [SECONDS]
  # 16-bit mono, as every other engine writes (dithered: Phonon's own way to 16 bits)
  CMD=("$PHONON" render "$ROOT/bench/workloads/$1.ph" "$2" --duration "${4:-$(seconds "$1")}" --threads "$3"
       --format pcm16 --channels 1)
  if [ "$1" = w6 ]; then CMD+=(--samples "$OUT/w6samples"); fi
}
cmd_phonon1() { phonon_cmd "$1" "$2" 1; }
cmd_phononN() { phonon_cmd "$1" "$2" "$THREADS"; }
cmd_scsynth() { CMD=(scsynth -N "$OUT/sc/$1.osc" _ "$2" $SR WAV int16 -o 1 -n 4096); }
cmd_csound() {
  case $1 in
    w5) CMD=(csound -o "$2" "$OUT/csound/w5.csd") ;;
    w6) CMD=(env SSDIR="$OUT/w6samples/w6noise" csound -o "$2" "$MINE/csound/w6.csd") ;;
    *) CMD=(csound -o "$2" "$ANCHORS/csound/$1.csd") ;;
  esac
}
cmd_chuck() {
  case $1 in
    w5) CMD=(chuck --silent --srate:$SR "$OUT/chuck/w5.ck:$2") ;;
    w6) CMD=(chuck --silent --srate:$SR "$MINE/chuck/w6.ck:$2:$OUT/w6samples/w6noise/w6noise.wav") ;;
    *) CMD=(chuck --silent --srate:$SR "$ANCHORS/chuck/$1.ck:$2") ;;
  esac
}
cmd_faust() { CMD=("$OUT/faust/$1" -s "$(frames "$1")" "$2"); }
# Faust has no voices made at run time and no sample player in its sndfile architecture: W5
# (sample voices and notes from patterns) and W6 (1000 sample voices) are not written for it.
# The other engines' W1-W4 need the anchors.
runnable() {  # SYSTEM WORKLOAD
  case $1 in phonon*) return 0 ;; esac
  case $2 in w[1-4]) [ -d "$ANCHORS" ] || return 1 ;; esac
  [ "$1" != faust ] || [ "$2" != w5 -a "$2" != w6 ]
}

# --- preparation, not timed -------------------------------------------------------------
python3 "$ROOT/bench/workloads/noise.py" "$OUT/w6samples/w6noise/w6noise.wav" || exit 1
anchors_ok() {
  [ -d "$ANCHORS" ] && return 0
  echo "bench: skipping $1's W1-W4: no anchors at $ANCHORS (set ANCHORS=DIR)" >&2
  return 1
}
prepare_w5() {  # the kit's sounds and the events, from Phonon, for scsynth, Csound and ChucK
  [ -f "$OUT/w5/bd.wav" ] && return 0
  in_out python3 "$MINE/w5.py" "$PHONON" "$OUT" 2> "$OUT/log/w5-prepare.log" ||
    { echo "bench: writing W5 for the other engines failed: see $OUT/log/w5-prepare.log" >&2; return 1; }
}
prepare_phonon() { SYSTEMS_NOW="phonon1"; [ "$THREADS" -gt 1 ] && SYSTEMS_NOW="$SYSTEMS_NOW phononN"; return 0; }
prepare_scsynth() {
  have scsynth || { echo "bench: skipping scsynth: not installed (supercollider-server)" >&2; return 1; }
  anchors_ok scsynth && python3 "$ANCHORS/sc/score.py" "$OUT/sc"
  python3 "$MINE/sc/score.py" "$OUT/sc" "$OUT/w6samples/w6noise/w6noise.wav" "$(seconds w6)" && prepare_w5
}
prepare_csound() { have csound || { echo "bench: skipping csound: not installed" >&2; return 1; }; prepare_w5; }
prepare_chuck() { have chuck || { echo "bench: skipping chuck: not installed" >&2; return 1; }; prepare_w5; }
# Faust compiles to C++ with the sndfile architecture (linked with libsndfile dynamically, as
# the anchors do); compile time is not counted.
prepare_faust() {
  have faust && have g++ && pkg-config --exists sndfile 2>/dev/null ||
    { echo "bench: skipping faust: needs faust, g++ and libsndfile1-dev" >&2; return 1; }
  anchors_ok faust || return 1
  local w
  for w in $WORK; do
    runnable faust "$w" || continue
    faust -i -a sndfile.cpp "$ANCHORS/faust/$w.dsp" -o "$OUT/faust/$w.cpp" 2> "$OUT/log/faust-$w-build.log" &&
      g++ -std=c++11 -Ofast -march=native -DFILE_MODE=OUTPUT_FILE "$OUT/faust/$w.cpp" \
        $(pkg-config --cflags --libs sndfile) -o "$OUT/faust/$w" 2>> "$OUT/log/faust-$w-build.log" ||
      { echo "bench: faust $w: build failed, see $OUT/log/faust-$w-build.log" >&2; return 1; }
  done
}
SYSTEMS=""
for s in $ONLY; do
  SYSTEMS_NOW=$s
  if "prepare_$s"; then SYSTEMS="$SYSTEMS $SYSTEMS_NOW"; fi
done

# --- timed runs -------------------------------------------------------------------------
run_once() {  # SYSTEM WORKLOAD RUN: one row of results.tsv
  local sys=$1 w=$2 i=$3 rc load
  local wav="$OUT/wav/$w-$sys.wav" log="$OUT/log/$sys-$w-$i.log" tv="$OUT/log/$sys-$w-$i.time"
  rm -f "$wav"
  "cmd_$sys" "$w" "$wav"
  load=$(cut -d' ' -f1 /proc/loadavg)
  in_out "$TIME" "$tv" "${CMD[@]}" > "$log" 2>&1; rc=$?
  awk -v sys="$sys" -v w="$w" -v run="$i" -v a="$(seconds "$w")" -v rc="$rc" -v load="$load" '
    $1 == "wall" { wall = $2 } $1 == "user" { user = $2 } $1 == "sys" { sys_t = $2 } $1 == "rss" { rss = $2 }
    END { printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", sys, w, run, a, wall, user, sys_t, rss, rc, load }
  ' "$tv" >> "$RESULTS"
  printf '  %-8s %s run %d: rc=%s %s\n' "$sys" "$w" "$i" "$rc" "$(tr '\n' ' ' < "$tv")" >&2
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START=$(date +%s)
for i in $(seq 1 "$RUNS"); do
  for sys in $SYSTEMS; do
    for w in $WORK; do
      runnable "$sys" "$w" && run_once "$sys" "$w" "$i"
    done
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- instructions per output sample (Phonon, 1 thread) ---------------------------------
# Counted for two render lengths T1 < T2 of the same workload; the difference over the
# samples between them leaves out start-up and, for W6, the first 1.45 s, while voices are
# still being added. perf stat counts the hardware's instructions; where the CPU's counters
# cannot be read (as in most virtual machines) callgrind counts the instructions executed.
INSTR_TSV=$OUT/instructions.tsv
printf 'workload\tmethod\tt1\tt2\tcount1\tcount2\n' > "$INSTR_TSV"
instr_span() { case $1 in w6) echo "1.5 2" ;; *) echo "1 1.5" ;; esac; }
count_perf() {  # WORKLOAD SECONDS
  phonon_cmd "$1" "$OUT/wav/instr.wav" 1 "$2"
  in_out perf stat -x, -e instructions -o "$OUT/log/perf.txt" "${CMD[@]}" > /dev/null 2>&1 &&
    awk -F, '/instructions/ { print $1 }' "$OUT/log/perf.txt"
}
count_callgrind() {
  phonon_cmd "$1" "$OUT/wav/instr.wav" 1 "$2"
  in_out valgrind --tool=callgrind --callgrind-out-file=/dev/null "${CMD[@]}" 2>&1 >/dev/null |
    awk '/Collected :/ { print $NF }'
}
if [ "$INSTR" = 1 ] && echo " $SYSTEMS " | grep -q ' phonon1 '; then
  METHOD=""
  if have perf && perf stat -x, -e instructions true 2>&1 >/dev/null | grep -qE '^[0-9]+,'; then METHOD=perf
  elif have valgrind; then METHOD=callgrind
  fi
  for w in $WORK; do
    [ -n "$METHOD" ] || break
    read -r t1 t2 <<< "$(instr_span "$w")"
    c1=$("count_$METHOD" "$w" "$t1") c2=$("count_$METHOD" "$w" "$t2")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$w" "$METHOD" "$t1" "$t2" "${c1:-0}" "${c2:-0}" >> "$INSTR_TSV"
    printf '  phonon   %s instructions (%s): %s at %s s, %s at %s s\n' "$w" "$METHOD" "$c1" "$t1" "$c2" "$t2" >&2
  done
fi

# --- the machine, then the table ------------------------------------------------------
version() { timeout 10 "$@" < /dev/null 2>&1; }
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "phonon: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' (src modified)'), $(grep -m1 CMAKE_BUILD_TYPE: "$BUILD/CMakeCache.txt" 2>/dev/null | cut -d= -f2) build, $(cc --version | head -1)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; memory: $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(uname -sr); Debian $(cat /etc/debian_version 2>/dev/null)"
  echo "load average (1, 5, 15 min): before $LOAD_BEFORE, after $LOAD_AFTER; the timed runs took $(( $(date +%s) - START )) s"
  for s in $SYSTEMS; do
    case $s in
      scsynth) echo "scsynth: $(version scsynth -v | head -1)" ;;
      csound) echo "csound: $(version csound --version | grep -m1 -i 'version')" ;;
      chuck) echo "chuck: $(version chuck --version | grep -m1 -i version)" ;;
      faust) echo "faust: $(version faust --version | head -1)" ;;
    esac
  done
  echo "runs: $RUNS per system and workload, interleaved; phonon on 1 and on $THREADS threads"
} > "$OUT/machine.txt"

mkdir -p "$(dirname "$RESULTS_MD")"
python3 "$ROOT/bench/table.py" "$OUT" "$THREADS" | tee "$RESULTS_MD"
exit "${PIPESTATUS[0]}"
