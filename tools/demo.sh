#!/bin/sh
# demo.sh - `make demo`: codes the bundled sample articles into a store,
# khaldun.db, and shows its events as a table.
#
# Running it again adds nothing (the store knows the articles it has) and
# shows the same table.  KHALDUN_DB puts the store elsewhere.
set -eu
cd "$(dirname "$0")/.."
bin=build/khaldun
db=${KHALDUN_DB:-khaldun.db}
"$bin" ingest --db "$db" --no-progress data/samples
echo
"$bin" events --db "$db" --format table --limit 100
cat <<MSG

Next:
  $bin search --db $db drone strike     search the articles, with their events
  $bin events --db $db --quad 4         material conflict only ('events --help':
                                            actor, CAMEO, PLOVER, country, place,
                                            dates; --format jsonl|csv|gdelt)
  $bin export --db $db --format gdelt   the events as GDELT 2.0 rows
  $bin ingest --db $db ARTICLES...      code and store your own articles
  $bin code ARTICLE.txt                 code one without storing it (JSON)
  make check                                 run every test

Look at it in a browser:
  $bin serve --db $db                   then open http://127.0.0.1:8080/
                                            (or: make serve; Ctrl-C stops it)
MSG
