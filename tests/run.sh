#!/bin/sh
# run.sh - runs every test of `make check` and prints a summary.
#
# Test programs speak TAP (cmocka with CMOCKA_MESSAGE_OUTPUT=TAP, and the
# fuzz runner).  BUILD names the tree (default build): its tests run,
# then those of BUILD/san, then the fuzzers of BUILD/fuzz.  Each program's
# full log goes to BUILD/test-logs/; its failures are printed here, then
# one line per program, and the last line is "N passed, N failed".  A
# program that dies (a sanitizer report, a signal) counts as a failure
# even if its log says nothing.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
export BUILD
logs=$BUILD/test-logs
mkdir -p "$logs"
export CMOCKA_MESSAGE_OUTPUT=TAP
# Sanitizers: stop at the first error, and report leaks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

total_pass=0
total_fail=0
total_skip=0

# run LABEL COMMAND...: runs one TAP program and adds up its results.
run() {
    label=$1
    shift
    log=$logs/$(echo "$label" | tr '/ ' '__').log
    "$@" >"$log" 2>&1
    status=$?
    # cmocka writes a skipped test as "not ok N # SKIP name"
    skip=$(grep -c '^\(not \)\?ok .*# SKIP' "$log")
    pass=$(grep '^ok ' "$log" | grep -vc '# SKIP')
    fail=$(grep '^not ok ' "$log" | grep -vc '# SKIP')
    if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then
        fail=1
        echo "not ok - $label exited with status $status"
        tail -n 20 "$log" | sed 's/^/#   /'
    fi
    if [ "$fail" -gt 0 ]; then
        # Each failure with the lines cmocka printed for it.
        awk '/^not ok / && !/# SKIP/{print "  " $0; keep=6; next} keep>0 && /^#/{print "    " $0; keep--}' "$log"
    fi
    # suites report their scores as "# score NAME: ..." lines
    grep -h '^# score ' "$log" | sed 's/^# /  /'
    printf '%-34s %4d passed, %d failed%s\n' "$label" "$pass" "$fail" \
        "$([ "$skip" -gt 0 ] && echo ", $skip skipped")"
    total_pass=$((total_pass + pass))
    total_fail=$((total_fail + fail))
    total_skip=$((total_skip + skip))
}

[ -d ../shared ] || echo "note: ../shared is absent; the tests that need it are skipped"

for build in "$BUILD" "$BUILD/san"; do
    kind=$([ "$build" = "$BUILD" ] && echo "" || echo " (asan+ubsan)")
    for t in "$build"/tests/test_*; do
        [ -x "$t" ] || continue
        run "$(basename "$t")$kind" "$t"
    done
done

run "fuzz (${FUZZ_SECONDS:-10}s each)" tests/fuzz/run.sh

echo
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
