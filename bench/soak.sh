#!/usr/bin/env bash
# The live soak: phonon live plays a heavy example for SECONDS under a JACK server with the dummy
# driver at a 128-frame period, and prints its last status line (cpu, xruns, late callbacks).
# First the server runs SECONDS/10 with no client, so its own xrun rate (the dummy driver counts
# one whenever the machine wakes it late) can be told apart from Phonon's.
# usage: bench/soak.sh [PHONON] [EXAMPLE] [SECONDS] [PERIOD] [RATE]
set -u
phonon=${1:-build/phonon}
example=${2:-examples/15-kit-groove.ph}
seconds=${3:-600}
period=${4:-128}
rate=${5:-44100}
dir=$(mktemp -d /tmp/phonon-soak-XXXXXX)
export JACK_DEFAULT_SERVER=phonon-soak-$$ JACK_NO_AUDIO_RESERVATION=1 PHONON_SAMPLES=
. "$(dirname "$0")/jack_dummy.sh"
start_jack_dummy "$rate" "$period" "$dir/jackd.log" soak
trap 'kill $jack 2>/dev/null; wait $jack 2>/dev/null' EXIT
idle=$((seconds / 10))
before=$(grep -ci xrun "$dir/jackd.log")
sleep "$idle"
idle_xruns=$(($(grep -ci xrun "$dir/jackd.log") - before))
echo "jackd alone: $idle_xruns xruns in $idle s (the dummy driver's own timing)"
before=$(grep -ci xrun "$dir/jackd.log")
/usr/bin/time -v "$phonon" live "$example" --no-osc --duration "$seconds" </dev/null >"$dir/phonon.log" 2>&1
status=$?
during=$(($(grep -ci xrun "$dir/jackd.log") - before))
grep -v '^$' "$dir/phonon.log" | grep -E 'cps|Maximum resident|Elapsed' | tail -3
echo "jackd with phonon: $during xruns in $seconds s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "logs in $dir"
exit $status
