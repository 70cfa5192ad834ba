#!/usr/bin/env bash
# The reload soak: phonon live plays a copy of an example under a JACK server with the dummy
# driver while this script saves the file every 0.5 to 1 s for SECONDS, going round a few good
# variants (another drum pattern, changed parameters, an added bus, an added instrument played
# as synth voices) with now and then a broken save (a syntax error, an unknown name, a NUL
# byte) that must leave the last good program playing. Saves alternate between writing the
# file in place and renaming a new file over it, as editors do. Each save waits for phonon's
# answer (a program playing or an error) before the pause to the next, so saves never pile up
# behind a slow compile (a sanitizer build's).
# Every 10 s it samples the phonon process: VmRSS, VmHWM, RssAnon (its own memory: VmRSS also
# counts the pages of the JACK server's shared memory it has touched, RssShmem, about 100 MB),
# open descriptors (/proc/PID/fd) and threads (/proc/PID/task), into DIR/samples.tsv. At the
# end it prints the reloads (phonon's own count, from its last status line) against the good
# saves, the errors against the broken ones, the first, last and largest RSS and RssAnon, and
# the slope of a straight line fitted to each after the warm-up (the first 300 s, a quarter of
# a shorter run), in kB per hour.
# Exit status 1 when phonon died, missed a save, did not refuse a broken one, or when its
# descriptors or threads grew or its RssAnon grew by more than 1 MiB an hour after the warm-up.
# A sanitizer build's memory means nothing here (ASan holds freed memory in quarantine).
# usage: bench/reload_soak.sh [PHONON] [EXAMPLE] [SECONDS] [DIR]
set -u
phonon=${1:-build/phonon}
example=${2:-examples/15-kit-groove.ph}
seconds=${3:-3600}
dir=${4:-$(mktemp -d /tmp/phonon-reload-soak-XXXXXX)}
mkdir -p "$dir"
export JACK_DEFAULT_SERVER=phonon-reload-soak-$$ JACK_NO_AUDIO_RESERVATION=1 PHONON_SAMPLES=
. "$(dirname "$0")/jack_dummy.sh"
start_jack_dummy 44100 256 "$dir/jackd.log" "reload soak"
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; kill $jack 2>/dev/null; wait 2>/dev/null' EXIT

# The variants, written once. Each good one differs from the one before it in the round.
v=$dir/variants
mkdir -p "$v"
cp "$example" "$v/good0.ph"
sed -e 's/"bd\*4, ~ cp ~ cp, hh\*8"/"bd*2 [~ bd] bd, ~ cp ~ [cp cp], hh*16"/' "$example" >"$v/good1.ph"
sed -e 's/lpf 900 0.6/lpf 1400 0.5/' -e 's/reverb 0.3 0.4 0.15/reverb 0.5 0.6 0.25/' "$example" >"$v/good2.ph"
{ cat "$example"; printf '~pad $ sine "<c4 eb4 g4 bb3>" * 0.05 # lpf 2000 0.7\no1 $ ~pad\n'; } >"$v/good3.ph"
{ cat "$example"; printf '~lead $ saw 220 # lpf 1200 0.5\no2 $ s "~lead(3,8)" # note "c3 eb3 g3" # gain 0.3\n'; } >"$v/good4.ph"
good=5
for k in $(seq 0 $((good - 1))); do
  if ! "$phonon" check "$v/good$k.ph" >/dev/null 2>&1; then
    echo "reload soak: variant $k does not compile:"; "$phonon" check "$v/good$k.ph"; exit 1
  fi
done
broken_line() { # the broken edit number $1 of the last good program
  case $(($1 % 3)) in
  0) printf '~oops $ saw 220 *\n' ;;
  1) printf '~oops $ nosuchfunction 3\n' ;;
  2) printf '~oops $ sine 440\0 * 0.1\n' ;;
  esac
}

track=$dir/track.ph
cp "$v/good0.ph" "$track"
start=$(date +%s.%N)
elapsed() { awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN { printf "%d", n - s }'; }
"$phonon" live "$track" --no-osc --duration $((seconds + 120)) </dev/null >"$dir/phonon.log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q 'playing from cycle' "$dir/phonon.log" && break; sleep 0.1; done
if ! grep -q 'playing from cycle' "$dir/phonon.log"; then
  echo "reload soak: phonon live did not start playing:"; cat "$dir/phonon.log"; exit 1
fi

sample() { # one line of the TSV
  local t=$1 mem fds threads
  mem=$(awk '/^(VmRSS|VmHWM|RssAnon|RssShmem):/ { printf "%s\t", $2 }' /proc/$pid/status 2>/dev/null)
  fds=$(ls /proc/$pid/fd 2>/dev/null | wc -l)
  threads=$(ls /proc/$pid/task 2>/dev/null | wc -l)
  [ -n "$mem" ] || return 1
  printf '%s\t%s%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$mem" "$fds" "$threads" "$saves" "$broken" \
    $(($(grep -c 'playing from cycle' "$dir/phonon.log") - 1)) "$(grep -c 'not loaded' "$dir/phonon.log")" >>"$dir/samples.tsv"
}

printf 'seconds\thwm_kb\trss_kb\tanon_kb\tshmem_kb\tfds\tthreads\tgood_saves\tbroken_saves\treloads_logged\terrors_logged\n' >"$dir/samples.tsv"
saves=0 broken=0 edits=0 next_sample=0 round=0
while :; do
  t=$(elapsed)
  [ "$t" -ge "$seconds" ] && break
  if ! kill -0 $pid 2>/dev/null; then echo "reload soak: phonon live died after $t s"; break; fi
  if [ "$t" -ge "$next_sample" ]; then
    sample "$t" || break
    next_sample=$((next_sample + 10))
  fi
  edits=$((edits + 1))
  if [ $((edits % 7)) -eq 0 ]; then
    { cat "$v/good$((round % good)).ph"; broken_line $broken; } >"$dir/next.ph"
    broken=$((broken + 1))
  else
    round=$((round + 1))
    cp "$v/good$((round % good)).ph" "$dir/next.ph"
    saves=$((saves + 1))
  fi
  answers=$(grep -cE 'playing from cycle|not loaded' "$dir/phonon.log")
  if [ $((edits % 2)) -eq 0 ]; then mv "$dir/next.ph" "$track"; else cat "$dir/next.ph" >"$track"; fi
  for _ in $(seq 200); do # up to 10 s for the answer
    [ "$(grep -cE 'playing from cycle|not loaded' "$dir/phonon.log")" -gt "$answers" ] && break
    sleep 0.05
  done
  sleep "0.$((5 + RANDOM % 5))"
done
t=$(elapsed)
sample "$t"
kill -INT $pid 2>/dev/null
wait $pid
status=$?
pid=
kill $jack 2>/dev/null
wait $jack 2>/dev/null

reloads=$(grep -E '^cps .* reloads [0-9]+' "$dir/phonon.log" | tail -1 | sed -E 's/.* reloads ([0-9]+) .*/\1/')
errors=$(grep -c 'not loaded; the last good program keeps playing' "$dir/phonon.log")
carets=$(grep -c '^ *\^$' "$dir/phonon.log")
echo "phonon live exited $status after $t s; $saves good saves, $broken broken ones"
echo "reloads (phonon's status line): ${reloads:-none}; broken saves refused: $errors (carets: $carets)"
awk -F'\t' -v warm="$((seconds >= 1200 ? 300 : seconds / 4))" '
  function fit(name, k,   slope) { # least squares over the samples after the warm-up, kB/hour
    if (m < 3 || m * sxx - sx * sx <= 0) { printf "%s after the first %d s: too few samples for a slope\n", name, warm; return 0 }
    slope = (m * sxy[k] - sx * sy[k]) / (m * sxx - sx * sx) * 3600
    printf "%s after the first %d s: %+.0f kB/hour (least squares over %d samples): %s\n", name, warm, slope, m,
           (slope > 1024 ? "grows" : "flat")
    return slope > 1024 }
  NR == 1 { next }
  { n++; h = $2; r[n] = $3; a[n] = $4; sh = $5; f[n] = $6; th[n] = $7
    if (r[n] > rmax) rmax = r[n]; if (a[n] > amax) amax = a[n]
    if (f[n] > fmax) fmax = f[n]; if (th[n] > tmax) tmax = th[n]
    if ($1 >= warm) { m++; sx += $1; sxx += $1 * $1; sy[3] += $3; sxy[3] += $1 * $3; sy[4] += $4; sxy[4] += $1 * $4 } }
  END {
    printf "RSS: first %d kB, last %d kB, max %d kB; VmHWM at the end %d kB (%d samples)\n", r[1], r[n], rmax, h, n
    printf "RssAnon: first %d kB, last %d kB, max %d kB (RssShmem at the end %d kB)\n", a[1], a[n], amax, sh
    printf "open fds: first %d, last %d, max %d; threads: first %d, last %d, max %d\n", f[1], f[n], fmax, th[1], th[n], tmax
    fit("RSS", 3)
    grew = fit("RssAnon", 4) || f[n] > f[1] || th[n] > th[1]
    exit grew }' "$dir/samples.tsv"
grew=$?
echo "samples in $dir/samples.tsv, phonon log in $dir/phonon.log"
fail=0
[ $status -eq 0 ] || { echo "FAIL: phonon live exited $status"; fail=1; }
[ "${reloads:-x}" = "$saves" ] || { echo "FAIL: $saves good saves but ${reloads:-no} reloads"; fail=1; }
[ "$errors" -eq "$broken" ] || { echo "FAIL: $broken broken saves but $errors refused"; fail=1; }
[ $grew -eq 0 ] || { echo "FAIL: descriptors, threads or RssAnon grew"; fail=1; }
exit $fail
