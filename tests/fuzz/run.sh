#!/bin/sh
# run.sh - runs every libFuzzer harness in $BUILD/fuzz (BUILD defaults to
# build) for FUZZ_SECONDS each, seeded with the sample articles, and
# prints one TAP line per harness.
set -u
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-10}
fz=${BUILD:-build}/fuzz
n=0
for h in "$fz"/fuzz_*; do
    [ -x "$h" ] || continue
    n=$((n + 1))
    name=$(basename "$h")
    corpus=$fz/corpus/$name
    mkdir -p "$corpus"
    # Seeds: the samples, a few lines of the JSON Lines sample, and the
    # harness's own seeds when it has any.
    for f in data/samples/*.txt; do
        cp -n "$f" "$corpus/" 2>/dev/null
    done
    split -l 1 -d data/samples/13_batch.jsonl "$corpus/jsonl-" 2>/dev/null
    [ -d "tests/fuzz/seeds/$name" ] && cp -n tests/fuzz/seeds/"$name"/* "$corpus/" 2>/dev/null
    log=$fz/$name.log
    if "$h" -max_total_time="$secs" -max_len=16384 -rss_limit_mb=2048 \
            -timeout=10 -print_final_stats=1 -artifact_prefix="$fz/" \
            "$corpus" >"$log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
        echo "ok $n - fuzz $name (${secs}s, ${runs:-?} runs)"
    else
        echo "not ok $n - fuzz $name (see $log)"
        tail -n 30 "$log" | sed 's/^/# /'
    fi
done
echo "1..$n"
