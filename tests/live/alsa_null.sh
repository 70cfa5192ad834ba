#!/usr/bin/env bash
# phonon live through ALSA (the "null" PCM, which needs no sound card): it plays, a save by
# rename is picked up, a save with an error is reported and changes nothing (a NUL byte too:
# it does not end the program there), a sample pattern too big to query is reported once at
# its place, --duration ends it.
set -u
phonon=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'out $ sine 440 * 0.2\n' > "$dir/t.ph"
"$phonon" live "$dir/t.ph" --backend alsa --device null --duration 2 2> "$dir/log" &
pid=$!
sleep 0.5
if ! kill -0 $pid 2>/dev/null && grep -q "cannot open null" "$dir/log"; then echo "SKIP: no ALSA null device"; exit 77; fi
printf 'out $ saw 220 * 0.2\no1 $ s "bd*1000000000"\n' > "$dir/.t.ph.tmp" && mv "$dir/.t.ph.tmp" "$dir/t.ph"
sleep 0.4
printf 'out $ saw 220 *\n' > "$dir/t.ph"
sleep 0.4
printf 'out $ saw 220 * 0.2\0 * 100\n' > "$dir/t.ph"
wait $pid; rc=$?
fail=0
[ $rc -eq 0 ] || { echo "FAIL: exit status $rc"; fail=1; }
[ "$(grep -c 'playing from cycle' "$dir/log")" -eq 2 ] || { echo "FAIL: expected two programs playing"; fail=1; }
grep -q 't.ph:1:.*error' "$dir/log" && grep -q 'last good program keeps playing' "$dir/log" || { echo "FAIL: the error"; fail=1; }
grep -q 't.ph:1:20: .*NUL byte' "$dir/log" && [ "$(grep -c 'last good program keeps playing' "$dir/log")" -eq 2 ] ||
  { echo "FAIL: the NUL byte"; fail=1; }
[ "$(grep -c 't.ph:2:6: warning: this pattern could not be played: .* started no voices' "$dir/log")" -eq 1 ] ||
  { echo "FAIL: the refused sample pattern"; fail=1; }
grep -q 'through alsa (null)' "$dir/log" || { echo "FAIL: not through ALSA"; fail=1; }
[ $fail -eq 0 ] && echo "ok: ALSA plays, a rename save is heard, an error keeps the music" || cat "$dir/log"
exit $fail
