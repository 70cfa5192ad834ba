#!/usr/bin/env bash
# long.sh BUILD [TARGET...]: the long campaign. Builds the libFuzzer targets in BUILD with the
# sanitizers in $SANITIZERS (default undefined: several times faster than address,undefined),
# then fuzzes every target (all four by default) at once, at nice 10, until each has executed
# $EXECS inputs (default 10 million) counted over all its runs in BUILD, earlier ones included.
# A run that stops on a crash, hang or OOM leaves its input in BUILD/long/TARGET/artifacts/ and
# is followed by a new one, at most $RESTARTS times (default 3).
#   long.sh --report BUILD   prints the table of fuzz/README.md: executions so far (the run in
#                            progress by its last status line), fuzzing time, exec/s, crashes
#                            (not counting slow-unit-*: inputs over 10 s, kept but not failures).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

execs_of() { # the inputs run by the run logged in $1 (one in progress or killed: its last status line)
  local n
  n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$1")
  [ -n "$n" ] || n=$(grep -aoE '^#[0-9]+' "$1" | tail -n 1 | tr -d '#')
  echo "${n:-0}"
}

report() {
  local build=$1 sanitizers
  sanitizers=$(sed -n 's/^PHONON_FUZZ_SANITIZERS:STRING=//p' "$build/CMakeCache.txt")
  printf '| target | executions | fuzzing time | exec/s | sanitizers | corpus | crashes, hangs, OOMs |\n|---|---|---|---|---|---|---|\n'
  for dir in "$build"/long/*/; do
    local t execs=0 seconds=0 found
    t=$(basename "$dir")
    [ -d "$dir/artifacts" ] || continue
    for log in "$dir"/run-*.log; do
      [ -f "$log" ] || continue
      execs=$((execs + $(execs_of "$log")))
      seconds=$((seconds + $(stat -c %Y "$log") - $(sed -n '1s/^# started //p' "$log")))
    done
    found=$(find "$dir/artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
    printf '| %s | %d | %dh%02dm | %d | %s | %d inputs | %d |\n' "$t" "$execs" $((seconds / 3600)) \
      $((seconds % 3600 / 60)) $((execs / (seconds > 0 ? seconds : 1))) "$sanitizers" \
      "$(find "$dir/corpus" -type f | wc -l)" "$found"
  done
}

if [ "${1:-}" = --report ]; then
  report "$2"
  exit 0
fi

build=$1
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(mini program render soundfile)
execs_wanted=${EXECS:-10000000} sanitizers=${SANITIZERS:-undefined} restarts=${RESTARTS:-3}

cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPHONON_FUZZ=ON \
  -DPHONON_FUZZ_SANITIZERS="$sanitizers" >/dev/null
nice -n 10 cmake --build "$build" -j "${JOBS:-1}" --target fuzzers phonon_cli >/dev/null
[ -d "$build/fuzz/seeds" ] || bash "$root/fuzz/seed.sh" "$build/phonon" "$build/fuzz/seeds" >/dev/null

# Freed memory stays with the process: the graph's node states are megabytes, and taking them
# from the kernel anew for every input costs more page faults than the input's own work.
export GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824

declare -A timeout=([mini]=10 [program]=10 [render]=20 [soundfile]=10)

executed() { # inputs run so far by target $1, in all its runs
  local sum=0
  for log in "$build/long/$1"/run-*.log; do
    [ -f "$log" ] && sum=$((sum + $(execs_of "$log")))
  done
  echo "$sum"
}

campaign() {
  local t=$1 dir=$build/long/$1 run done_so_far tries=0
  mkdir -p "$dir/corpus" "$dir/artifacts"
  local dirs=("$dir/corpus" "$build/fuzz/seeds/$t" "$root/tests/fuzz_regressions/$t") dict=()
  [ "$t" != soundfile ] && dict=(-dict="$root/fuzz/phonon.dict")
  while done_so_far=$(executed "$t") && [ "$done_so_far" -lt "$execs_wanted" ]; do
    run=$(find "$dir" -maxdepth 1 -name 'run-*.log' | wc -l)
    # -reload=0: by default libFuzzer rereads the corpus folder every second, for jobs sharing it;
    # over thousands of files that is a third of the time.
    echo "# started $(date +%s)" >"$dir/run-$run.log"
    if nice -n 10 "$build/fuzz/fuzz_$t" -runs=$((execs_wanted - done_so_far)) -timeout="${timeout[$t]}" \
         -rss_limit_mb=2048 -reload=0 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" "${dict[@]}" \
         "${dirs[@]}" >>"$dir/run-$run.log" 2>&1; then
      continue
    fi
    tries=$((tries + 1))
    echo "fuzz_$t: run $run stopped on a crash, hang or OOM ($dir/run-$run.log)" >&2
    if [ "$tries" -gt "$restarts" ]; then
      echo "fuzz_$t: gave up after $tries such runs" >&2
      return 1
    fi
  done
}

pids=()
for t in "${targets[@]}"; do
  campaign "$t" &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
report "$build"
exit $status
