#!/usr/bin/env bash
# Two `termsearch serve` binaries under the same load, interleaved: three rounds, the order
# alternating, each a fresh server on INDEX, 5 s of warm-up, then the API query mix of
# loadtest.lua for 20 s with wrk -t2 -c8 (Debian: apt-get install wrk).
#
#   Benchmarks/loadtest-interleaved.sh /tmp/idx-200 /tmp/termsearch-old .build/release/termsearch
set -euo pipefail
[ $# -eq 3 ] || { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 64; }
index=$1; old=$2; new=$3
lua="$(cd "$(dirname "$0")" && pwd)/loadtest.lua"
port=18090
for round in 1 2 3; do
  if [ $((round % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
  for which in $order; do
    binary=$old; [ "$which" = new ] && binary=$new
    "$binary" serve --index "$index" --port $port > /dev/null 2>&1 & pid=$!
    sleep 2
    wrk -t2 -c8 -d5s -s "$lua" http://127.0.0.1:$port -- api > /dev/null 2>&1
    out=$(wrk -t2 -c8 -d20s --latency -s "$lua" http://127.0.0.1:$port -- api 2>&1)
    echo "round $round $which: p50 $(echo "$out" | awk '$1 == "50%" {print $2}'), p99 $(echo "$out" | awk '$1 == "99%" {print $2}'),"\
      "$(echo "$out" | awk '/Requests\/sec/ {print $2}') requests/s, $(echo "$out" | grep 'not 2xx'), load $(cut -d' ' -f1 /proc/loadavg)"
    kill $pid; wait $pid 2>/dev/null || true
  done
done
