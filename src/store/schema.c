/*
 * schema.c - the store's tables, and the migrations that build them.
 *
 * The schema is versioned by SQLite's user_version; the application id
 * marks the file as ours.  Migration N takes a store of version N-1 to
 * version N; a new store runs them all.  They are append-only: a released
 * migration is never edited, a change is a new one (SCHEMA.md says how).
 * All run in one transaction, so a store is never left half upgraded.
 *
 * Offsets are byte offsets into articles.text, the input as given, the
 * same offsets `khaldun code` writes.  "idx" columns number an article's
 * annotations in the order the pipeline found them, and rows that refer to
 * another annotation of the same article do so by that number.
 */
#include "store.h"

#include "../core/error.h"

#include <stdio.h>
#include <string.h>

static const char schema_v1[] =
    /* What wrote the file, for people reading it with other tools. */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"
    " WITHOUT ROWID;"
    "INSERT INTO meta VALUES('created', strftime('%Y-%m-%dT%H:%M:%SZ','now'));"

    "CREATE TABLE sources(id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE COLLATE NOCASE);"

    /* ext_id, url and text_hash make ingest idempotent: an article that
     * matches any of them is not stored again.  source: as the article
     * gave it. */
    "CREATE TABLE articles(id INTEGER PRIMARY KEY,"
    " ext_id TEXT UNIQUE, url TEXT UNIQUE,"
    " text_hash INTEGER NOT NULL UNIQUE, minhash BLOB,"
    " first_copy INTEGER REFERENCES articles(id),"
    " source INTEGER REFERENCES sources(id),"
    " dateline TEXT, title TEXT, date TEXT, day INTEGER NOT NULL,"
    " origin TEXT, origin_line INTEGER,"
    " text TEXT NOT NULL, body_start INTEGER NOT NULL,"
    " body_end INTEGER NOT NULL, ingested INTEGER NOT NULL);"
    "CREATE INDEX articles_first_copy ON articles(first_copy)"
    " WHERE first_copy IS NOT NULL;"
    /* The LSH bands of each MinHash signature (text.c): articles that
     * share a band are compared as near duplicates. */
    "CREATE TABLE minhash_bands(band INTEGER NOT NULL,"
    " article INTEGER NOT NULL, PRIMARY KEY(band, article)) WITHOUT ROWID;"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text,"
    " content='articles', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2');"

    "CREATE TABLE sentences(article INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " PRIMARY KEY(article, idx)) WITHOUT ROWID;"

    /* Places are shared by every article and event that names them. */
    "CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " country TEXT NOT NULL, admin1 TEXT NOT NULL, kind INTEGER NOT NULL,"
    " lat REAL NOT NULL, lon REAL NOT NULL, geonameid INTEGER NOT NULL,"
    " UNIQUE(name, country, admin1, kind, geonameid));"
    "CREATE INDEX places_name ON places(name COLLATE NOCASE);"
    "CREATE TABLE article_places(article INTEGER NOT NULL,"
    " idx INTEGER NOT NULL, place INTEGER NOT NULL REFERENCES places(id),"
    " PRIMARY KEY(article, idx)) WITHOUT ROWID;"
    "CREATE TABLE place_mentions(article INTEGER NOT NULL,"
    " idx INTEGER NOT NULL, place INTEGER NOT NULL,"
    " sentence INTEGER NOT NULL, start INTEGER NOT NULL,"
    " end INTEGER NOT NULL, PRIMARY KEY(article, idx)) WITHOUT ROWID;"

    "CREATE TABLE entities(article INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " name TEXT NOT NULL, type INTEGER NOT NULL, code TEXT, title TEXT,"
    " aliases TEXT, place INTEGER,"
    " PRIMARY KEY(article, idx)) WITHOUT ROWID;"
    "CREATE TABLE entity_mentions(article INTEGER NOT NULL,"
    " idx INTEGER NOT NULL, entity INTEGER NOT NULL,"
    " sentence INTEGER NOT NULL, start INTEGER NOT NULL,"
    " end INTEGER NOT NULL, PRIMARY KEY(article, idx)) WITHOUT ROWID;"

    "CREATE TABLE quotes(article INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " sentence INTEGER NOT NULL, start INTEGER NOT NULL,"
    " end INTEGER NOT NULL, speaker_start INTEGER NOT NULL,"
    " speaker_end INTEGER NOT NULL, speaker INTEGER, outer INTEGER,"
    " PRIMARY KEY(article, idx)) WITHOUT ROWID;"

    "CREATE TABLE dates(article INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " sentence INTEGER NOT NULL, start INTEGER NOT NULL,"
    " end INTEGER NOT NULL, value TEXT NOT NULL,"
    " granularity INTEGER NOT NULL, relative INTEGER NOT NULL,"
    /* mod: 1 early, 2 mid, 3 late; since: a period from it on; time: of
     * day, as khaldun code writes them */
    " mod INTEGER NOT NULL DEFAULT 0, since INTEGER NOT NULL DEFAULT 0,"
    " time TEXT,"
    " PRIMARY KEY(article, idx)) WITHOUT ROWID;"

    /* One record per (day, source, target, code, place), as GDELT keeps
     * one per event it has seen, with the counts of who reported it.
     * Unknowns are 0 or '' (never NULL) so that the key is unique. */
    "CREATE TABLE events(id INTEGER PRIMARY KEY,"
    " day INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,"
    " code TEXT NOT NULL, place INTEGER NOT NULL,"
    " root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,"
    " plover TEXT NOT NULL, source_country TEXT NOT NULL,"
    " target_country TEXT NOT NULL, country TEXT NOT NULL,"
    " source_name TEXT, target_name TEXT,"
    " num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL,"
    " num_articles INTEGER NOT NULL, is_root INTEGER NOT NULL,"
    " article INTEGER NOT NULL REFERENCES articles(id),"
    " added INTEGER NOT NULL,"
    /* the date as coded when coarser than a day (2024-W06, 2024-02,
     * 2024, 199X); day is then the period's first day */
    " date TEXT);"
    /* The key; and the date order (day, then id) in which query.c reads
     * events when no other index serves a filter better. */
    "CREATE UNIQUE INDEX events_key ON events(day, source, target, code,"
    " place);"
    "CREATE INDEX events_day ON events(day);"
    /* The filters of `khaldun events` that can be rare have an index,
     * which also gives the date order of one value.  A CAMEO root is a
     * range of codes and an actor's country the start of its code, so
     * they share events_code, events_source and events_target; a quad
     * class holds a tenth of the events or more, so it is checked while
     * reading in date order (query.c) and has none. */
    "CREATE INDEX events_code ON events(code, day);"
    "CREATE INDEX events_plover ON events(plover, day);"
    "CREATE INDEX events_source ON events(source, day);"
    "CREATE INDEX events_target ON events(target, day);"
    "CREATE INDEX events_country ON events(country, day);"
    "CREATE INDEX events_place ON events(place, day);"

    /* Every article's report of an event, with its sentence and spans.
     * source: the publisher counted in num_sources (the article's source,
     * else its URL's host); source_name, target_name: the actors' words
     * (names.id). */
    "CREATE TABLE mentions(id INTEGER PRIMARY KEY,"
    " event INTEGER NOT NULL REFERENCES events(id),"
    " article INTEGER NOT NULL REFERENCES articles(id),"
    " idx INTEGER NOT NULL, source INTEGER,"
    " sentence INTEGER NOT NULL, start INTEGER NOT NULL,"
    " end INTEGER NOT NULL, verb_start INTEGER NOT NULL,"
    " verb_end INTEGER NOT NULL, source_start INTEGER NOT NULL,"
    " source_end INTEGER NOT NULL, target_start INTEGER NOT NULL,"
    " target_end INTEGER NOT NULL, source_name INTEGER,"
    " target_name INTEGER, rule TEXT, date_ref INTEGER,"
    " quote INTEGER, in_quote INTEGER NOT NULL,"
    " UNIQUE(article, idx));"
    "CREATE INDEX mentions_event ON mentions(event, source);"
    "CREATE INDEX mentions_source_name ON mentions(source_name)"
    " WHERE source_name IS NOT NULL;"
    "CREATE INDEX mentions_target_name ON mentions(target_name)"
    " WHERE target_name IS NOT NULL;"
    /* Counts by day, kept as events are stored: the timeline, the top
     * actors and the places of a store, or of a date range, are sums of
     * a few thousand rows here instead of a pass over every event. */
    "CREATE TABLE day_counts(day INTEGER NOT NULL, root TEXT NOT NULL,"
    " quad INTEGER NOT NULL, events INTEGER NOT NULL,"
    " mentions INTEGER NOT NULL, PRIMARY KEY(day, root)) WITHOUT ROWID;"
    "CREATE TABLE day_actors(day INTEGER NOT NULL, code TEXT NOT NULL,"
    " events INTEGER NOT NULL, mentions INTEGER NOT NULL,"
    " PRIMARY KEY(day, code)) WITHOUT ROWID;"
    "CREATE TABLE day_places(day INTEGER NOT NULL, place INTEGER NOT NULL,"
    " events INTEGER NOT NULL, mentions INTEGER NOT NULL,"
    " PRIMARY KEY(day, place)) WITHOUT ROWID;"
    /* The actors' words as the articles wrote them, each once, searchable:
     * a filter by name finds the names, then their mentions. */
    "CREATE TABLE names(id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE);"
    "CREATE VIRTUAL TABLE names_fts USING fts5(name, content='names',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 2');";

const kh_migration kh_store_migrations[] = {
    {1, schema_v1},
};
const size_t kh_store_nmigrations =
    sizeof kh_store_migrations / sizeof kh_store_migrations[0];

const char *const kh_store_tables[] = {
    "meta", "sources", "articles", "minhash_bands", "articles_fts",
    "sentences", "places", "article_places", "place_mentions", "entities",
    "entity_mentions", "quotes", "dates", "events", "mentions", "names",
    "names_fts", "day_counts", "day_actors", "day_places", NULL,
};

static int fail_db(sqlite3 *db, const char *path, const char *what,
                   kh_error *err)
{
    int rc = sqlite3_errcode(db);
    return kh_fail(err, rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB
                            ? KH_ECORRUPT : KH_EDB,
                   path, 0, 0, "%s: %s", what, sqlite3_errmsg(db));
}

int kh_schema_migrate(sqlite3 *db, const kh_migration *m, size_t n, int from,
                      const char *path, kh_error *err)
{
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return fail_db(db, path, "cannot lock the store to upgrade it", err);
    /* Another process may have upgraded it while we waited for the lock. */
    sqlite3_stmt *st;
    int now = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) ==
        SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            now = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    if (now < 0) {
        fail_db(db, path, "cannot read the schema version", err);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return err ? err->code : KH_EDB;
    }
    int last = n ? m[n - 1].version : 0;
    if (now >= last) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        if (now == last)
            return KH_OK;
        return kh_fail(err, KH_ENEWER, path, 0, 0,
                       "the store has schema version %d, newer than this "
                       "Khaldun's %d; it was not changed", now, last);
    }
    from = now;
    for (size_t i = 0; i < n; i++) {
        if (m[i].version <= from)
            continue;
        char *msg = NULL;
        if (sqlite3_exec(db, m[i].sql, NULL, NULL, &msg) != SQLITE_OK) {
            kh_fail(err, KH_EDB, path, 0, 0,
                    "upgrading the store to schema %d failed: %s",
                    m[i].version, msg ? msg : sqlite3_errmsg(db));
            sqlite3_free(msg);
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return KH_EDB;
        }
    }
    /* PRAGMAs take no parameters; these are our own constants. */
    char sql[128];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; "
             "PRAGMA user_version = %d", KH_STORE_APP_ID, last);
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        fail_db(db, path, "cannot write the schema version", err);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return err ? err->code : KH_EDB;
    }
    return KH_OK;
}
