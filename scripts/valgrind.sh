#!/usr/bin/env bash
# Runs every unit test and the conformance run under valgrind; fails on any error or leak.
set -euo pipefail
build=${1:-build}
shared=${2:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
vg=(valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible)
fail=0
for t in "$build"/tests/test_*; do
  [ -x "$t" ] || continue
  if ! "${vg[@]}" "$t" >/tmp/phonon-vg.log 2>&1; then echo "valgrind: $t FAILED"; tail -30 /tmp/phonon-vg.log; fail=1
  else echo "valgrind: $t clean"; fi
done
if ! "${vg[@]}" "$build/phonon" query --jsonl < "$shared/conformance/cases.jsonl" >/dev/null 2>/tmp/phonon-vg.log; then
  echo "valgrind: phonon query --jsonl FAILED"; tail -30 /tmp/phonon-vg.log; fail=1
else echo "valgrind: phonon query --jsonl (conformance cases) clean"; fi
exit $fail
