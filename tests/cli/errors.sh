#!/usr/bin/env bash
# Malformed patterns on the command line give an error with a column and a caret, never a crash.
set -u
phonon=$1
fail=0
check() { # pattern, text the error must contain
  out=$("$phonon" query "$1" 2>&1); rc=$?
  if [ $rc -ne 1 ]; then echo "FAIL: '$1' exited $rc (want 1): $out"; fail=1; return; fi
  if ! grep -qF -- "$2" <<<"$out"; then echo "FAIL: '$1' error lacks '$2':"; echo "$out"; fail=1; return; fi
  if ! grep -q '\^' <<<"$out"; then echo "FAIL: '$1' error has no caret:"; echo "$out"; fail=1; return; fi
  echo "ok: '$1'"
}
check '"bd [sn"' '<pattern>:1:'
check '"bd sn]"' '<pattern>:1:'
check '"bd(3,8"' '<pattern>:1:'
check '"<a b"' '<pattern>:1:'
"$phonon" query '"bd sn"' --cycles 0 1 >/dev/null || { echo "FAIL: a good pattern failed"; fail=1; }
exit $fail
