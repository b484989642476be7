#!/usr/bin/env bash
# Compares lesson 01's synchronous server with lesson 07's callback server
# under the same load: h2load (Debian package nghttp2-client) sends the same
# unary SayHello request over and over, with the same concurrency, to each
# server in turn, and this prints both rates and their ratio. It builds
# nothing: give it the two server programs of one build type, e.g.
#
#   07-async/load_test.sh build/bench/01-unary/server build/bench/07-async/server
#
# Environment: REQUESTS (per run, default 50000), CLIENTS (connections,
# default 4), STREAMS (calls in flight per connection, default 32), ROUNDS
# (runs per server, alternating; the median counts; default 3).
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 LESSON01_SERVER LESSON07_SERVER" >&2
  exit 2
fi
sync_server=$1
callback_server=$2
requests=${REQUESTS:-50000}
clients=${CLIENTS:-4}
streams=${STREAMS:-32}
rounds=${ROUNDS:-3}
for tool in h2load nghttp; do
  command -v "$tool" >/dev/null || {
    echo "error: $tool not found (sudo apt-get install nghttp2-client)" >&2
    exit 1
  }
done

work=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A gRPC message on the wire: 1 byte "not compressed", 4 bytes big-endian
# length, then the protobuf bytes. HelloRequest{name: "world"} is field 1,
# wire type 2 (tag 0x0a), length 5, "world": 7 bytes. Both lessons'
# HelloRequest have this shape, so one file serves both.
request="$work/hello_request.bin"
printf '\x00\x00\x00\x00\x07\x0a\x05world' >"$request"
headers=(-H 'content-type: application/grpc' -H 'te: trailers')

# Starts a server on a free port; sets server_pid and server_address.
start_server() {
  local log="$work/server.log"
  "$@" --port=0 >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    server_address=$(grep -o 'listening on [^ ]*' "$log" | cut -d' ' -f3 || true)
    [[ -n "$server_address" ]] && return
    sleep 0.1  # Polling a log file for a process's start: not a test.
  done
  echo "error: $1 did not start: $(cat "$log")" >&2
  exit 1
}

stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || { echo "error: the server did not exit cleanly" >&2; exit 1; }
  server_pid=
}

# Requests per second of one h2load run of COUNT requests against URL.
measure() {
  local url=$1 count=$2 out
  out=$(h2load -n "$count" -c "$clients" -m "$streams" -d "$request" \
    "${headers[@]}" "$url")
  if ! grep -q " 0 failed, 0 errored" <<<"$out"; then
    echo "error: h2load reported failures against $url:" >&2
    echo "$out" >&2
    exit 1
  fi
  grep -o 'finished in [^,]*, [0-9.]* req/s' <<<"$out" | awk '{print $4}'
}

# One run against the program `$1` (path `$2`, then the program's flags):
# checks that a single request gets grpc-status 0 (HTTP 200 alone says
# nothing about a gRPC call), warms up, measures; prints the rate.
run_once() {
  local program=$1 path=$2 url
  shift 2
  start_server "$program" "$@"
  url="http://$server_address$path"
  if ! nghttp -v -d "$request" "${headers[@]}" "$url" 2>&1 | grep -q 'grpc-status: 0'; then
    echo "error: $url did not answer the request with grpc-status 0" >&2
    exit 1
  fi
  measure "$url" $((requests / 10)) >/dev/null
  measure "$url" "$requests"
  stop_server
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "h2load: $requests SayHello calls per run, $clients connections x $streams" \
     "streams; $rounds runs per server, alternating"
sync_rates=() callback_rates=()
for round in $(seq "$rounds"); do
  # Not $(run_once ...): a subshell would not stop its server on an error.
  run_once "$sync_server" /workbook.unary.Greeter/SayHello >"$work/rate"
  sync_rates+=("$(cat "$work/rate")")
  run_once "$callback_server" /workbook.async.Greeter/SayHello \
    --ms_per_letter=0 >"$work/rate"
  callback_rates+=("$(cat "$work/rate")")
  echo "  run $round: lesson 01 sync ${sync_rates[-1]} req/s, lesson 07 callback ${callback_rates[-1]} req/s"
done
sync=$(printf '%s\n' "${sync_rates[@]}" | median)
callback=$(printf '%s\n' "${callback_rates[@]}" | median)
echo "lesson 01 sync server:     $sync req/s (median)"
echo "lesson 07 callback server: $callback req/s (median)"
awk -v s="$sync" -v c="$callback" 'BEGIN {printf "ratio callback/sync:       %.2f\n", c / s}'
