#!/usr/bin/env bash
# Installs the Debian packages Phonon's build and tests need, when any is missing.
# `deps.sh fuzz` adds clang, its libFuzzer runtime and llvm-symbolizer (for make fuzz).
# `deps.sh bench` adds the engines make bench compares with (scsynth, Csound, ChucK, Faust) and perf.
set -euo pipefail
pkgs=(build-essential cmake pkg-config python3 libcmocka-dev libsndfile1-dev libsamplerate0-dev libjansson-dev libfftw3-dev valgrind libjack-jackd2-dev jackd2 libasound2-dev liblo-dev libedit-dev)
if [ "${1:-}" = fuzz ]; then pkgs+=(clang libclang-rt-dev llvm); fi
if [ "${1:-}" = bench ]; then pkgs+=(supercollider-server csound chuck faust g++ linux-perf); fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "phonon: installing ${missing[*]}" >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# jackd2 asks whether to enable realtime priority; the tests run the server without it.
echo 'jackd2 jackd/tweak_rt_limits boolean false' | $SUDO debconf-set-selections 2>/dev/null || true
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
