#!/usr/bin/env bash
# run.sh BUILD SECONDS [TARGET...]: builds the libFuzzer targets with clang in BUILD, seeds them
# (fuzz/seed.sh) and runs each target (all four by default) for SECONDS. Inputs that found new
# paths stay in BUILD/fuzz/corpus/TARGET for the next run; a crash or hang is written to
# BUILD/fuzz/artifacts/TARGET/ and fails the run (after the other targets have run).
set -euo pipefail
build=$1 seconds=$2
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(mini program render soundfile)
root=$(cd "$(dirname "$0")/.." && pwd)

cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPHONON_FUZZ=ON >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target fuzzers phonon_cli >/dev/null
bash "$root/fuzz/seed.sh" "$build/phonon" "$build/fuzz/seeds" >/dev/null

# Freed memory stays with the process instead of being unmapped and faulted in again per input.
export GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824

# Longest time one input may take, in seconds (sanitizers slow everything several times).
declare -A timeout=([mini]=10 [program]=10 [render]=20 [soundfile]=10)
failed=()
for t in "${targets[@]}"; do
  corpus=$build/fuzz/corpus/$t artifacts=$build/fuzz/artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  dirs=("$corpus" "$build/fuzz/seeds/$t")
  [ -d "$root/tests/fuzz_regressions/$t" ] && dirs+=("$root/tests/fuzz_regressions/$t")
  dict=()
  [ "$t" != soundfile ] && dict=(-dict="$root/fuzz/phonon.dict")
  echo "== fuzz_$t for $seconds s"
  if "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout="${timeout[$t]}" -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "${dirs[@]}" >"$build/fuzz/$t.log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^Done' "$build/fuzz/$t.log" || true
  else
    failed+=("$t")
    tail -n 60 "$build/fuzz/$t.log"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: found a crash or hang in ${failed[*]} (inputs in $build/fuzz/artifacts/)" >&2
  exit 1
fi
