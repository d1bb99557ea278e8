#!/bin/sh
# bench_serve.sh - `make bench`: `khaldun serve` under load on loopback.
#
# wrk (Debian) sends GET requests on 16 connections from 2 threads for
# 5 s to a server on the demo store (data/samples ingested into
# build/bench/serve.db), and, when bench/run.sh has built it, to the
# store of a million events.  Prints requests per second and the errors
# (non-2xx answers and socket errors), which must be zero.
set -eu
cd "$(dirname "$0")/.."
bin=build/khaldun
dir=build/bench
mkdir -p "$dir"
if ! command -v wrk >/dev/null 2>&1; then
    echo "skipped: wrk is missing (tools/deps.sh installs it)"
    exit 0
fi

# load DB PATH...: one wrk run per path against a server on DB.
load() {
    db=$1
    shift
    "$bin" serve --db "$db" --port 0 --no-code >"$dir/serve.out" 2>"$dir/serve.err" &
    pid=$!
    port=""
    for _ in $(seq 1 100); do
        port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$dir/serve.out")
        [ -n "$port" ] && break
        sleep 0.1
    done
    if [ -z "$port" ]; then
        echo "khaldun serve did not start:"; cat "$dir/serve.err"
        kill "$pid" 2>/dev/null; return 1
    fi
    for path in "$@"; do
        out=$(wrk -t2 -c16 -d5s --latency "http://127.0.0.1:$port$path")
        rps=$(echo "$out" | sed -n 's/^Requests\/sec: *//p')
        p50=$(echo "$out" | sed -n 's/^ *50% *//p')
        p99=$(echo "$out" | sed -n 's/^ *99% *//p')
        total=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
        non2xx=$(echo "$out" | sed -n 's/^ *Non-2xx or 3xx responses: *//p')
        sock=$(echo "$out" | sed -n 's/^ *Socket errors: *//p')
        printf '  %-44s %9s req/s  p50 %-8s p99 %-8s %s requests, errors: non-2xx %s, socket %s\n' \
            "$path" "$rps" "$p50" "$p99" "$total" "${non2xx:-0}" "${sock:-none}"
        if [ -n "$non2xx" ] || [ -n "$sock" ]; then
            echo "  ERROR: the server answered with errors"
        fi
    done
    kill -TERM "$pid"
    wait "$pid" || true
}

db=$dir/serve.db
rm -f "$db" "$db-wal" "$db-shm"
"$bin" ingest --db "$db" --no-progress data/samples 2>/dev/null
echo "demo store ($db: $("$bin" events --db "$db" --count) events)"
load "$db" "/api/events?limit=50" "/api/events?quad=4&limit=50" \
     "/api/timeline?group=quad&period=month" "/api/stats" "/index.html"
big=$dir/store-1m.db
if [ -f "$big" ]; then
    echo "store of a million events ($big)"
    load "$big" "/api/events?limit=50" "/api/events?actor=USA&quad=4&limit=50" \
         "/api/events?limit=50&offset=5000"
fi
