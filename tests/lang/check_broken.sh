#!/usr/bin/env bash
# Every tests/lang/broken/*.ph gives the error its first line announces:
#   -- expect: LINE:COL text
# (exit status 1, FILE:LINE:COL, the text, a caret; never a crash), and every
# tests/lang/good/*.ph parses (check --syntax: they use functions the compiler may not have yet).
set -u
phonon=$1
dir=$2
fail=0
count=0
for f in "$dir"/broken/*.ph; do
  count=$((count + 1))
  expect=$(head -1 "$f" | sed -n 's/^-- expect: //p')
  pos=${expect%% *}
  text=${expect#* }
  if [ -z "$expect" ]; then echo "FAIL: $f has no '-- expect: LINE:COL text' first line"; fail=1; continue; fi
  out=$("$phonon" check "$f" 2>&1); rc=$?
  if [ $rc -ne 1 ]; then echo "FAIL: $f exited $rc (want 1):"; echo "$out"; fail=1; continue; fi
  first=$(head -1 <<<"$out")
  if ! grep -qF -- "$f:$pos: " <<<"$first"; then echo "FAIL: $f: want position $pos, got:"; echo "$out"; fail=1; continue; fi
  if ! grep -qF -- "$text" <<<"$first"; then echo "FAIL: $f: want '$text', got:"; echo "$out"; fail=1; continue; fi
  if ! grep -q '^ *\^$' <<<"$out"; then echo "FAIL: $f: no caret line:"; echo "$out"; fail=1; continue; fi
done
for f in "$dir"/good/*.ph; do
  [ -e "$f" ] || continue
  out=$("$phonon" check --syntax "$f" 2>&1); rc=$?
  if [ $rc -ne 0 ] || [ "$out" != "$f: ok" ]; then echo "FAIL: $f should be ok (exit $rc):"; echo "$out"; fail=1; fi
done
[ $count -ge 20 ] || { echo "FAIL: only $count broken programs"; fail=1; }
[ $fail -eq 0 ] && echo "ok: $count broken programs give their errors"
exit $fail
