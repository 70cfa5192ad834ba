#!/usr/bin/env bash
# phonon live through ALSA (the "null" PCM, which needs no sound card): it plays, a save by
# rename is picked up, a save with an error is reported and changes nothing (a NUL byte too:
# it does not end the program there), a sample pattern too big to query is reported once at
# its place, Ctrl-C stops it, --duration ends it.
# Each save waits for phonon's answer to the one before (the null PCM does not block, so its
# audio thread takes a whole core, and on a loaded machine fixed sleeps come too late).
set -u
phonon=$1
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
log=$dir/log

# waits until the log has at least $2 lines matching $1, for up to 30 s, while phonon runs
wait_for() {
  local i
  for ((i = 0; i < 600; i++)); do
    [ "$(grep -c -- "$1" "$log")" -ge "$2" ] && return 0
    if ! kill -0 $pid 2>/dev/null; then
      grep -q "cannot open null" "$log" && { echo "SKIP: no ALSA null device"; exit 77; }
      break
    fi
    sleep 0.05
  done
  echo "FAIL: no '$1' (x$2) in phonon's log"; cat "$log"; exit 1
}

printf 'out $ sine 440 * 0.2\n' > "$dir/t.ph"
"$phonon" live "$dir/t.ph" --backend alsa --device null --no-osc 2> "$log" &
pid=$!
wait_for 'playing from cycle' 1
printf 'out $ saw 220 * 0.2\no1 $ s "bd*1000000000"\n' > "$dir/.t.ph.tmp" && mv "$dir/.t.ph.tmp" "$dir/t.ph"
wait_for 'playing from cycle' 2
wait_for 'warning: this pattern could not be played' 1
printf 'out $ saw 220 *\n' > "$dir/t.ph"
wait_for 'last good program keeps playing' 1
printf 'out $ saw 220 * 0.2\0 * 100\n' > "$dir/t.ph"
wait_for 'last good program keeps playing' 2
sleep 0.3 # time for a second report of the refused pattern, which must not come
kill -INT $pid
wait $pid; rc=$?
fail=0
[ $rc -eq 0 ] || { echo "FAIL: exit status $rc after Ctrl-C"; fail=1; }
grep -q 'cps .* reloads 1 ' "$log" || { echo "FAIL: no closing status line with one reload"; fail=1; }
[ "$(grep -c 'playing from cycle' "$log")" -eq 2 ] || { echo "FAIL: expected two programs playing"; fail=1; }
grep -q 't.ph:1:16: syntax error' "$log" || { echo "FAIL: the error"; fail=1; }
grep -q 't.ph:1:20: .*NUL byte' "$log" || { echo "FAIL: the NUL byte"; fail=1; }
[ "$(grep -c 't.ph:2:6: warning: this pattern could not be played: .* started no voices' "$log")" -eq 1 ] ||
  { echo "FAIL: the refused sample pattern"; fail=1; }
grep -q 'through alsa (null)' "$log" || { echo "FAIL: not through ALSA"; fail=1; }
[ $fail -eq 0 ] || cat "$log"

# --duration ends it on its own
start=$EPOCHREALTIME
timeout 30 "$phonon" live "$dir/t.ph" --backend alsa --device null --no-osc --duration 1 2> "$log"; rc=$?
took=$(awk "BEGIN { print $EPOCHREALTIME - $start }")
[ $rc -eq 0 ] || { echo "FAIL: --duration 1: exit status $rc"; cat "$log"; fail=1; }
awk "BEGIN { exit !($took >= 1) }" || { echo "FAIL: --duration 1 ended after $took s"; fail=1; }
# --repl at a terminal (libedit, opened then): a line typed is played, :quit ends it
if command -v script >/dev/null; then
  printf 'out $ sine 440 * 0.1\n' > "$dir/r.ph"
  (sleep 1; printf 'out $ saw 220 * 0.1\n'; sleep 1; printf ':quit\n') |
    timeout 30 script -q -c "'$phonon' live '$dir/r.ph' --backend alsa --device null --no-osc --repl" /dev/null > "$log" 2>&1
  rc=$?
  [ $rc -eq 0 ] && [ "$(grep -c 'playing from cycle' "$log")" -eq 2 ] && grep -q 'reloads 1 ' "$log" && ! grep -q 'without editing' "$log" ||
    { echo "FAIL: --repl at a terminal (exit $rc)"; cat "$log"; fail=1; }
fi
[ $fail -eq 0 ] && echo "ok: ALSA plays, a rename save is heard, an error keeps the music, Ctrl-C, --duration and :quit end it"
exit $fail
