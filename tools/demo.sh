#!/bin/sh
# demo.sh - `make demo`: codes the bundled sample articles and shows them.
#
# Until the store lands, the demo prints each article's JSON (the output of
# `khaldun code`) and a one-line summary per article.
set -eu
cd "$(dirname "$0")/.."
bin=build/khaldun
out=build/demo.jsonl
"$bin" code data/samples > "$out"
cat "$out"
echo
echo "Coded $(wc -l < "$out") sample articles from data/samples into $out:"
awk -F'"sentences":\\[' '{
    id = $1; sub(/.*"id":"/, "", id); sub(/".*/, "", id)
    s = $2; sub(/\],"events":.*/, "", s)
    n = gsub(/"start":/, "", s)
    printf "  %-34s %3d sentences\n", id, n
}' "$out"
cat <<'MSG'

Next:
  build/khaldun code ARTICLE.txt          code your own article (or a folder,
                                          or JSON Lines, or - for stdin)
  build/khaldun code --help               the options
  make check                              run every test
MSG
