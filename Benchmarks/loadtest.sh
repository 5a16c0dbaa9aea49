#!/usr/bin/env bash
# Load test of `termsearch serve` with wrk: the query mix of Benchmarks/loadtest.lua against the
# JSON API and the HTML search page, then one run per query kind against the API.
#
#   Benchmarks/loadtest.sh --index /tmp/idx-200 --binary .build/release/termsearch \
#       --out Benchmarks/loadtest-200MB.txt
#   Benchmarks/loadtest.sh --url http://127.0.0.1:8080        # a server that is already running
#
# With --index the script starts `BINARY serve` on --port itself and stops it at the end.
# Needs wrk (Debian: apt-get install wrk) and curl.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
lua="$here/loadtest.lua"
binary="termsearch"
index=""
url=""
port=18080
searchers=""
threads=2
connections=8
warmup=10s
duration=30s
kind_duration=15s
out=""
kinds="phrase near field boolean rare common two"

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --index) index="$2"; shift 2 ;;
    --url) url="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --searchers) searchers="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --kind-duration) kind_duration="$2"; shift 2 ;;
    --kinds) kinds="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "loadtest.sh: unknown argument $1" >&2; usage 2 >&2 ;;
  esac
done
if [ -z "$index" ] && [ -z "$url" ]; then echo "loadtest.sh: give --index DIR or --url URL" >&2; exit 2; fi
command -v wrk >/dev/null || { echo "loadtest.sh: wrk not found (apt-get install wrk)" >&2; exit 2; }

server_pid=""
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; }
trap stop_server EXIT

if [ -n "$index" ]; then
  url="http://127.0.0.1:$port"
  args=(serve --index "$index" --port "$port")
  [ -n "$searchers" ] && args+=(--searchers "$searchers")
  "$binary" "${args[@]}" >/tmp/termsearch-loadtest-serve.log 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "$url/api/documents" && break
    kill -0 "$server_pid" 2>/dev/null || { cat /tmp/termsearch-loadtest-serve.log >&2; exit 1; }
    sleep 0.2
  done
fi

[ -n "$out" ] && exec > >(tee "$out") 2>&1

cpu_ticks() {  # user + system CPU of process $1 so far, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}

run() {  # run LABEL DURATION ENDPOINT [KIND]; $conns (default --connections) sets the connections
  local label="$1" length="$2" c="${conns:-$connections}"; shift 2
  echo
  echo "=== $label: wrk -t$threads -c$c -d$length --latency -s Benchmarks/loadtest.lua $url -- $*"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local before=0 started ended hz
  hz=$(getconf CLK_TCK)
  [ -n "$server_pid" ] && before=$(cpu_ticks "$server_pid")
  started=$(date +%s.%N)
  # wrk shares the machine's cores with the server: its CPU time is reported beside the server's.
  /usr/bin/time -f "wrk CPU: %U s user + %S s system" \
    wrk -t"$threads" -c"$c" -d"$length" --latency -s "$lua" "$url" -- "$@"
  ended=$(date +%s.%N)
  if [ -n "$server_pid" ]; then
    awk -v t="$(( $(cpu_ticks "$server_pid") - before ))" -v hz="$hz" -v s="$started" -v e="$ended" \
      'BEGIN { printf "server CPU: %.1f s in %.1f s wall (%.2f cores)\n", t / hz, e - s, t / hz / (e - s) }'
  fi
}

echo "termsearch serve load test, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr)"
echo "wrk: $(wrk --version 2>&1 | head -1)"
echo "server: $url${index:+ ($("$binary" --version) serve --index $index${searchers:+ --searchers $searchers}; index $(du -sh "$index" | cut -f1))}"
echo "index holds: $(curl -fs "$url/api/documents" | python3 -c 'import json, sys; d = json.load(sys.stdin)["documents"]; print(len(d), "documents,", sum(x.get("clauses", 0) for x in d), "clauses")')"

run "warm-up, query mix, API (not recorded)" "$warmup" api >/dev/null
run "query mix, API GET /api/search" "$duration" api
run "query mix, HTML page GET /search" "$duration" page
# As many connections as threads (2, the default --searchers): no request waits for a searcher, so
# the latency is the service time of one search.
conns="$threads" run "query mix, API, $threads connections (no queueing)" "$kind_duration" api
for kind in $kinds; do
  run "one kind, API: $kind" "$kind_duration" api "$kind"
done

if [ -n "$server_pid" ]; then
  echo
  echo "server after the runs: $(grep -E 'VmHWM|VmRSS' /proc/"$server_pid"/status | tr -s ' \t' ' ' | paste -sd ';' | sed 's/;/, /g')"
fi
