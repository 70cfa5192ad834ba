#!/usr/bin/env bash
# phonon render end to end: files written (main mix and stems), lengths from --cycles and
# --duration, and a bad program refused with file:line:col and a caret.
set -u
phonon=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
printf 'tempo: 0.5\no1 $ sine 220 * 0.2\no2 $ saw 110 * 0.1\n' > "$dir/ok.ph"
"$phonon" render "$dir/ok.ph" "$dir/ok.wav" --cycles 1 --rate 48000 --stems "$dir" 2>/dev/null || { echo "FAIL: render exited $?"; fail=1; }
# 1 cycle at 0.5 cps = 2 s = 96000 frames of stereo float: 768000 bytes of data.
for f in ok.wav o1.wav o2.wav; do
  size=$(stat -c %s "$dir/$f" 2>/dev/null || echo 0)
  if [ "$size" -lt 768000 ] || [ "$size" -gt 770000 ]; then echo "FAIL: $f has $size bytes"; fail=1; else echo "ok: $f"; fi
done
"$phonon" render "$dir/ok.ph" "$dir/d.flac" --duration 0.5 2>/dev/null && [ -s "$dir/d.flac" ] && echo "ok: flac" || { echo "FAIL: flac"; fail=1; }
# render opens no audio device library: JACK and ALSA are loaded when live audio starts (and
# liblo when an OSC server does)
loaded=$(LD_DEBUG=libs "$phonon" render "$dir/ok.ph" "$dir/ld.wav" --duration 0.1 2>&1 | grep -c "calling init: .*\(libjack\|libasound\|liblo\)")
live_loads=$(LD_DEBUG=libs "$phonon" live "$dir/ok.ph" --list-devices 2>&1 | grep -c "calling init: .*libjack")
[ "$loaded" -eq 0 ] && [ "$live_loads" -ge 1 ] && echo "ok: render loads neither JACK nor ALSA nor liblo" ||
  { echo "FAIL: libraries loaded: $loaded by render, $live_loads by live --list-devices"; fail=1; }
# DC that a feedback loop builds up is taken out, and said; a tone alone is not touched
printf '~fb: ~fb * 0.98 + 0.01\nout: ~fb * 0.5 + sine 220 * 0.3\n' > "$dir/dc.ph"
out=$("$phonon" render "$dir/dc.ph" "$dir/dc.wav" --duration 2 --rate 48000 2>&1)
grep -q "dc.ph: the DC guard took out a steady offset (+0.25 left, +0.25 right) from 1.00 s on" <<<"$out" \
  && ! "$phonon" render "$dir/ok.ph" "$dir/ok2.wav" --duration 2 2>&1 | grep -q "DC guard" \
  && echo "ok: DC guard reported" || { echo "FAIL: DC guard: $out"; fail=1; }
printf 'out $ sine 440\n~x $ lpf :nope 3\n' > "$dir/bad.ph"
out=$("$phonon" render "$dir/bad.ph" "$dir/bad.wav" 2>&1); rc=$?
if [ $rc -ne 1 ] || ! grep -q "bad.ph:2:10:" <<<"$out" || ! grep -q '\^' <<<"$out"; then
  echo "FAIL: bad program: rc=$rc"; echo "$out"; fail=1
else echo "ok: bad program refused"; fi
# a NUL byte is an error at its place (it used to end the program there without a word)
printf 'out $ sine 440 * 0.2\n~x $ saw 3\0 * 1e9\nout $ saw 110\n' > "$dir/nul.ph"
out=$("$phonon" render "$dir/nul.ph" "$dir/nul.wav" 2>&1); rc=$?
if [ $rc -ne 1 ] || ! grep -q "nul.ph:2:11: .*NUL byte" <<<"$out" || ! grep -q '^ *\^$' <<<"$out" || [ -e "$dir/nul.wav" ]; then
  echo "FAIL: NUL byte: rc=$rc"; echo "$out"; fail=1
else echo "ok: NUL byte refused"; fi
out=$("$phonon" check "$dir/nul.ph" 2>&1); rc=$?
if [ $rc -ne 1 ] || ! grep -q "nul.ph:2:11: .*NUL byte" <<<"$out"; then echo "FAIL: check of a NUL byte: rc=$rc"; echo "$out"; fail=1
else echo "ok: check finds the NUL byte"; fi
# --format pcm16 --channels 1: a 16-bit mono WAV holding the mix; an unknown encoding is refused
"$phonon" render "$dir/ok.ph" "$dir/m16.wav" --duration 0.5 --format pcm16 --channels 1 2>/dev/null
if python3 -c "
import sys, wave
w = wave.open(sys.argv[1])
assert (w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()) == (1, 2, 44100, 22050), w.getparams()
" "$dir/m16.wav"; then echo "ok: pcm16 mono"; else echo "FAIL: pcm16 mono"; fail=1; fi
out=$("$phonon" render "$dir/ok.ph" "$dir/m12.wav" --format pcm12 2>&1); rc=$?
if [ $rc -ne 1 ] || ! grep -q "unknown sample encoding 'pcm12'" <<<"$out"; then echo "FAIL: pcm12: rc=$rc $out"; fail=1; else echo "ok: unknown encoding refused"; fi
"$phonon" render "$dir/ok.ph" "$dir/x.mp9" >/dev/null 2>&1 && { echo "FAIL: unknown extension accepted"; fail=1; } || echo "ok: unknown extension refused"
# samples: the built-in kit plays without any folder; a folder given by --samples wins over
# it; a name nobody has is warned about once and is silent
mkdir -p "$dir/lib/bd"
printf 'out $ sine 1000 * 0.5\n' > "$dir/tone.ph"
"$phonon" render "$dir/tone.ph" "$dir/lib/bd/a.wav" --duration 0.2 2>/dev/null
printf 'cps: 1\nout $ s "bd*4 nosuch"\n' > "$dir/kit.ph"
out=$(cd "$dir" && HOME="$dir" PHONON_SAMPLES= "$phonon" render kit.ph kit.wav --cycles 1 2>&1)
if [ $(grep -c "no sample named 'nosuch'" <<<"$out") -ne 1 ]; then echo "FAIL: missing sample warning:"; echo "$out"; fail=1; else echo "ok: missing sample warned once"; fi
out=$(cd "$dir" && HOME="$dir" PHONON_SAMPLES= "$phonon" render kit.ph user.wav --cycles 1 --samples lib 2>&1)
if cmp -s "$dir/kit.wav" "$dir/user.wav" || [ ! -s "$dir/kit.wav" ]; then echo "FAIL: --samples made no difference"; fail=1; else echo "ok: --samples folder plays"; fi
exit $fail
