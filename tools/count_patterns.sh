#!/bin/sh
# count_patterns.sh - patterns of a verbs dictionary per CAMEO root.
#
# usage: tools/count_patterns.sh [FILE.verbs ...]   (default: the bundled
# data/dict/khaldun.verbs)
#
# A pattern counts for the root of its code ([0256] is root 02, [042:043]
# root 04); patterns coded [---] (no event) are counted apart.  The verbs
# are the lines that start a verb (a word and a code, not "- ").
set -eu
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- data/dict/khaldun.verbs
awk '
/^[ \t]*#/ { next }
/^- / {
    if (match($0, /\[[0-9][0-9]/)) { n[substr($0, RSTART + 1, 2)]++; total++ }
    else if ($0 ~ /\[---\]/) nocode++
    next
}
/^[A-Z][A-Z_=\x27]* *\[/ { verbs++ }
END {
    for (r = 1; r <= 20; r++) {
        k = sprintf("%02d", r)
        printf "%s %5d\n", k, n[k] + 0
    }
    printf "all %4d patterns with a code, %d with [---], %d verbs\n", total, nocode, verbs
}' "$@"
