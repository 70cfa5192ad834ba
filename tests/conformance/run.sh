#!/usr/bin/env bash
# run.sh PHONON COMPARE DIR ACTUAL: answers DIR/cases.jsonl with PHONON, compares with DIR/expected.jsonl.
set -euo pipefail
phonon=$1 compare=$2 dir=$3 actual=$4
"$phonon" query --jsonl < "$dir/cases.jsonl" > "$actual"
python3 "$compare" "$dir/expected.jsonl" "$actual" --show 20
