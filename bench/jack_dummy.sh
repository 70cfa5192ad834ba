# Sourced by the soak scripts: start_jack_dummy RATE PERIOD LOG NAME starts `jackd -d dummy`
# (real-time where allowed, else not) and sets $jack to its pid; exits with the server's log
# when it will not start.
start_jack_dummy() {
  local rate=$1 period=$2 log=$3 name=$4 mode
  for mode in -R -r; do
    jackd $mode -d dummy -r "$rate" -p "$period" >"$log" 2>&1 &
    jack=$!
    sleep 2
    kill -0 "$jack" 2>/dev/null && return 0
  done
  echo "$name: jackd -d dummy would not start:"
  cat "$log"
  exit 1
}
