#!/bin/sh
# run.sh - `make bench`: builds the benchmarks and runs them on generated
# corpora.  Numbers are CPU time on one core.
set -eu
cd "$(dirname "$0")/.."
mkdir -p build/bench
CFLAGS="-std=c11 -D_GNU_SOURCE -O2 -g -Iinclude"
LIBS="build/libkhaldun.a $(pkg-config --libs libutf8proc sqlite3) -lm"
cc $CFLAGS -o build/bench/gen_corpus bench/gen_corpus.c
cc $CFLAGS -o build/bench/bench_text bench/bench_text.c $LIBS
cc $CFLAGS -o build/bench/bench_tag bench/bench_tag.c $LIBS
MB=${BENCH_MB:-64}
corpus=build/bench/corpus-${MB}mb.jsonl
[ -f "$corpus" ] || build/bench/gen_corpus "$MB" "$corpus"
echo "== read + normalise + split + tokenise ($corpus, $(du -m "$corpus" | cut -f1) MB)"
build/bench/bench_text "$corpus" 7
echo "== tag stage: part-of-speech tags and lemmas ($corpus; goal: 1 M tokens/s)"
build/bench/bench_tag "$corpus" 3
cc $CFLAGS -o build/bench/bench_dict bench/bench_dict.c $LIBS
phoenix=${KH_SHARED:-../shared}/dictionaries/phoenix
echo "== load the Phoenix dictionaries ($phoenix)"
if [ -d "$phoenix" ]; then build/bench/bench_dict "$phoenix" 5; else echo "skipped: $phoenix is absent"; fi
echo "== load the bundled dictionaries (data/dict/khaldun.project, generated countries included; goal: < 200 ms)"
build/bench/bench_dict data/dict/khaldun.project 5
cc $CFLAGS -Isrc -o build/bench/bench_code bench/bench_code.c $LIBS
giga=${KH_SHARED:-../shared}/eval/gigaword-sample/GigaWord.sample.PETR.xml
echo "== coding end to end, raw text to events, full Phoenix dictionaries (goal: 20,000 sentences/s, < 200 MB, load < 0.5 s)"
if [ -f "$giga" ]; then build/bench/bench_code "$phoenix" "$giga" 20000; else echo "skipped: $giga is absent"; fi
cc $CFLAGS -Isrc -o build/bench/bench_places bench/bench_places.c $LIBS
echo "== places stage: gazetteer load, the stage alone, coding with and without it ($corpus, first 3,000 articles)"
build/bench/bench_places "$corpus" 3000 3
cc $CFLAGS -Isrc -o build/bench/bench_dates bench/bench_dates.c $LIBS
echo "== the dates stage: alone, and end to end with and without it (full Phoenix dictionaries)"
if [ -f "$giga" ]; then build/bench/bench_dates "$phoenix" "$giga" 20000; else echo "skipped: $giga is absent"; fi
cc $CFLAGS -Isrc -o build/bench/bench_extract bench/bench_extract.c $LIBS
echo "== the whole-article stages (entities, quotes, places) on top of coding, bundled dictionaries ($corpus; goal: 80% or more of the coder's speed)"
build/bench/bench_extract "$corpus" "" 2000 5
echo "== the same with the Phoenix dictionaries on the GigaWord sample"
if [ -f "$giga" ] && [ -d "$phoenix" ]; then build/bench/bench_extract "$giga" "$phoenix" 2000 5 2>/dev/null; else echo "skipped: $giga or $phoenix is absent"; fi
cc $CFLAGS -Isrc -o build/bench/bench_store bench/bench_store.c $LIBS
echo "== store: ingest of 10,000 generated articles ($corpus), read + code + store + commit (goal: 1,000 articles/s on one core)"
build/bench/bench_store ingest "$corpus" 10000
echo "== store alone: the first 3,000 articles coded first, then stored (instructions: bench_store's comment)"
build/bench/bench_store alone "$corpus" 3000
echo "== store: khaldun events filters on 1,000,000 synthetic events (goal: under 50 ms each; the store is built once, ~5 min, into build/bench/store-1m.db)"
build/bench/bench_store events build/bench/store-1m.db 1000000
echo "== serve: the JSON API under load on loopback (wrk -t2 -c16 -d5s; goal: zero errors)"
bench/bench_serve.sh
