#!/bin/sh
# run.sh - the browser tests (make check): the demo store (data/samples
# ingested into a fresh store), `khaldun serve` on a free port, and
# tests/browser/page.mjs in headless Chromium.  Prints TAP; screenshots go
# to BUILD/test-output/browser/.  Chromium and playwright-core are set up
# by tools/deps.sh: their absence is a failure, not a skip.
set -u
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
out=$BUILD/test-output/browser
mkdir -p "$out"
bin=$BUILD/khaldun
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
    echo "not ok 1 - chromium is missing ($chromium): run tools/deps.sh"
    echo "1..1"
    exit 1
fi
if [ ! -f node_modules/playwright-core/package.json ]; then
    echo "not ok 1 - npm playwright-core is missing: run tools/deps.sh"
    echo "1..1"
    exit 1
fi
db=$out/demo.db
rm -f "$db" "$db-wal" "$db-shm"
"$bin" ingest --db "$db" --no-progress data/samples >"$out/ingest.log" 2>&1 || {
    echo "not ok 1 - khaldun ingest data/samples failed (see $out/ingest.log)"
    echo "1..1"
    exit 1
}
"$bin" serve --db "$db" --port 0 >"$out/serve.out" 2>"$out/serve.err" &
pid=$!
port=""
for _ in $(seq 1 300); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out/serve.out")
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "not ok 1 - khaldun serve did not start (see $out/serve.err)"
    echo "1..1"
    kill "$pid" 2>/dev/null
    exit 1
fi
CHROMIUM=$chromium node tests/browser/page.mjs "http://127.0.0.1:$port/" "$out"
status=$?
kill -TERM "$pid"
wait "$pid"
sstatus=$?
if [ "$sstatus" -ne 0 ]; then
    echo "# khaldun serve exited with status $sstatus (see $out/serve.err)"
    status=1
fi
exit $status
