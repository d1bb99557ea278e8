/*
 * store.h - the store's internal interface (the public one is the
 * kh_store_ part of khaldun.h; SCHEMA.md describes the tables).
 *
 * A kh_store is one SQLite connection and the statements it prepares once
 * (the ones ingest runs per article).  Queries whose filters vary build
 * their SQL per call, with a placeholder for every value: no text a user
 * gives ever becomes SQL.
 */
#ifndef KH_STORE_H
#define KH_STORE_H

#include "khaldun.h"

#include "../core/buf.h"

#include <sqlite3.h>

/* The application id in the SQLite header ("KhlD"): a file without it is
 * not ours. */
#define KH_STORE_APP_ID 0x4B686C44

/* The most rows one INSERT of kh_rows writes, and the number of its
 * sizes (16, 8, 4, 2, 1). */
#define KH_ROWS_MAX 16
#define KH_ROWS_LEVELS 5

/* Statements prepared once per connection (see kh_store_stmt). */
enum {
    ST_FIND_ID, ST_FIND_URL, ST_FIND_HASH, ST_NEAR, ST_NEAR_GET,
    ST_SOURCE_GET,
    ST_SOURCE_ADD, ST_ARTICLE_ADD, ST_FTS_ADD, ST_BAND_ADD, ST_SENT_ADD,
    ST_PLACE_GET, ST_PLACE_ADD, ST_APLACE_ADD, ST_PMENTION_ADD,
    ST_ENTITY_ADD, ST_EMENTION_ADD, ST_QUOTE_ADD, ST_DATE_ADD, ST_EVENT_GET,
    ST_EVENT_ADD, ST_EVENT_BUMP, ST_SEEN_SOURCE, ST_MENTION_ADD,
    ST_NAME_GET, ST_NAME_ADD, ST_NAME_FTS, ST_DAY_COUNT, ST_DAY_ACTOR,
    ST_DAY_PLACE, ST_COUNT
};

struct kh_store {
    sqlite3 *db;
    char *path;
    unsigned flags;
    int schema;             /* the file's version once open */
    int in_batch;           /* between kh_store_begin and kh_store_commit */
    int wrote;              /* an article was stored through it */
    char plan;              /* the plan of the last kh_store_events (query.c:
                               S sample, F scan, L list, A all by date,
                               P plain) or aggregate (B bound, I index
                               list), for the tests */
    int64_t agg_probe;      /* ids the aggregates' probe reads (query.c,
                               agg_plan); 0: the default (tests set it) */
    sqlite3_stmt *st[ST_COUNT];
    /* the multi-row forms of the INSERTs of ST_*: KH_ROWS_MAX rows, then
     * half as many, down to one (rows.c) */
    sqlite3_stmt *rows[ST_COUNT][KH_ROWS_LEVELS];
};

/* Fills err from SQLite's last error on s (rc is the failing result code;
 * what says what was being done) and returns the KH_E* code: KH_ECORRUPT
 * for a damaged file, KH_EDB for the rest. */
int kh_store_dberr(kh_store *s, kh_error *err, int rc, const char *what);

/* The statement `which`, prepared on first use and reset for reuse; NULL
 * with err filled when it cannot be prepared. */
sqlite3_stmt *kh_store_stmt(kh_store *s, int which, kh_error *err);

/* The SQL of statement `which` (ingest.c). */
const char *kh_store_sql(int which);

/* Rows of one table written with multi-row INSERTs (rows.c): SQLite's
 * work per statement run (cursors, registers, reset) is as much as that
 * of a small row, so an article's sentences, entities or mentions go in
 * a few statements of up to KH_ROWS_MAX rows rather than one each.
 *
 *   kh_rows w;
 *   kh_rows_begin(&w, s, ST_SENT_ADD, 4, n);
 *   for each of the n rows:
 *       st = kh_rows_next(&w, &base, err); bind columns base + 1 ...
 *   rc = kh_rows_end(&w);
 *
 * Every column of every row must be bound (nothing is cleared between
 * runs).  which is an ST_ INSERT of one row with ncols placeholders. */
typedef struct kh_rows {
    kh_store *s;
    int which, ncols;
    size_t left;            /* rows not handed out yet */
    int k, used;            /* the current statement's rows, bound so far */
    sqlite3_stmt *st;
    int rc;                 /* the first failure (SQLite's code) */
} kh_rows;

void kh_rows_begin(kh_rows *w, kh_store *s, int which, int ncols, size_t n);
/* The statement to bind the next row to; *base is the number of the
 * parameter before its first.  NULL (w->rc set, err filled) on failure. */
sqlite3_stmt *kh_rows_next(kh_rows *w, int *base, kh_error *err);
/* Runs the last statement; SQLITE_OK or the first failure's code. */
int kh_rows_end(kh_rows *w);

/* Runs SQL without results (no values: only for fixed statements). */
int kh_store_exec(kh_store *s, const char *sql, kh_error *err);

/* Binds s[0..n) as text, or NULL when s is NULL. */
int kh_bind_text(sqlite3_stmt *st, int i, const char *s);

/* ---- schema (schema.c) --------------------------------------------------- */

typedef struct kh_migration {
    int version;        /* the user_version after it ran */
    const char *sql;    /* statements separated by ';' */
} kh_migration;

extern const kh_migration kh_store_migrations[];
extern const size_t kh_store_nmigrations;

/* Brings db from version `from` to the last of m[0..n) in one
 * transaction, setting the application id and user_version; KH_OK, or an
 * error (nothing changed). */
int kh_schema_migrate(sqlite3 *db, const kh_migration *m, size_t n, int from,
                      const char *path, kh_error *err);

/* The tables a store of the current version has (NULL-terminated). */
extern const char *const kh_store_tables[];

/* ---- filters (filter.c) -------------------------------------------------- */

/* Forms of a filter's conditions (see kh_where_build). */
enum { KH_WHERE_IN, KH_WHERE_SCAN, KH_WHERE_DRIVE };

/* A FROM and WHERE clause over events `e` and its values, built from a
 * filter. */
typedef struct kh_where {
    kh_buf from;            /* " FROM events e", or a join (DRIVE) */
    kh_buf sql;             /* " WHERE ..." or "" */
    const char *text[24];   /* values to bind, in order */
    int64_t num[24];
    char kind[24];          /* 't' text, 'i' integer */
    int n;
    char buf[8][64];        /* storage for values computed from the filter */
    int nbuf;
    char *owned[3];         /* malloc'd values (name phrases) */
    int nowned;
    int nconds;
    int form;               /* KH_WHERE_* */
    int distinct;           /* rows of the FROM may repeat an event */
    int driving;            /* a name condition drives the join already */
    int cursor;             /* one of nconds is the keyset cursor's */
} kh_where;

/* Builds w from f (which may be NULL); KH_EUSAGE with err filled when a
 * field is malformed.  The form says how the conditions on names are
 * written: IN, a list of the events their mentions report (for
 * aggregates, which read every match); SCAN, a check of each event read
 * in date order; DRIVE, the first name's mentions joined to their events,
 * so that a LIMIT stops the work early (rows may repeat an event:
 * w->distinct).  Free w with kh_where_free. */
int kh_where_build(kh_where *w, const kh_event_filter *f, int form,
                   kh_error *err);
void kh_where_free(kh_where *w);
/* Binds w's values to st from position first on; returns the next. */
int kh_where_bind(const kh_where *w, sqlite3_stmt *st, int first);

/* Narrows a date range (days, 0 when open) to the side of f's keyset
 * cursor, so that the range and the cursor bound the same index seek
 * (SQLite takes one upper bound of events_day, and it must be the
 * cursor's). */
void kh_cursor_days(const kh_event_filter *f, int *from, int *to);

/* YYYY, YYYY-MM or YYYY-MM-DD into the first (end == 0) or last day of the
 * period as YYYYMMDD; 0 when malformed. */
int kh_period_day(const char *s, int end);

/* YYYYMMDD as YYYY-MM-DD; "" when day is not in 1..99991231. */
void kh_day_str(int64_t day, char out[11]);

/* ---- counts by day (rollup.c) ------------------------------------------ */

typedef struct kh_rollup_row {
    char *key;               /* the actor code (day_actors) */
    int64_t id;              /* the place (day_places) */
    int64_t events, mentions;
} kh_rollup_row;

/* The sums of day_actors (places 0) or day_places (1) over the days
 * from..to, by code or place, most events first: *rows (free with
 * kh_rollup_free) and *n. */
int kh_rollup_top(kh_store *s, int places, int64_t from, int64_t to,
                  kh_rollup_row **rows, size_t *n, kh_error *err);
void kh_rollup_free(kh_rollup_row *rows, size_t n);

/* ---- text (text.c) ------------------------------------------------------- */

/* 64-bit hash of the body with runs of white space folded to one space
 * and none at the ends: the same text however it was wrapped. */
uint64_t kh_text_hash(const char *s, size_t n);

/* Near duplicates: MinHash signatures of the body's word 3-shingles (case
 * folded), KH_MINHASH values each.  sig receives the signature; returns
 * how many shingles there were (too few make it meaningless). */
#define KH_MINHASH 64
size_t kh_minhash(const char *s, size_t n, uint32_t sig[KH_MINHASH]);

/* The share of equal values of two signatures: an estimate of the two
 * texts' Jaccard similarity (shared shingles over all shingles). */
double kh_minhash_similarity(const uint32_t *a, const uint32_t *b);

/* LSH: KH_BANDS bands of KH_BAND_ROWS values each, from the start of the
 * signature; texts that agree on a whole band are compared (on the whole
 * signature).  8 bands of 4 find a pair of similarity 0.8 with a
 * probability of 0.985, 0.9 with 0.9997, while a pair of 0.3 (articles
 * that share a paragraph) is compared with a probability of 0.06.  keys
 * receives one 63-bit key per band (its number in it). */
#define KH_BANDS 8
#define KH_BAND_ROWS 4
void kh_minhash_bands(const uint32_t sig[KH_MINHASH],
                      int64_t keys[KH_BANDS]);

/* Near duplicates: an estimated similarity of at least this, between
 * texts of at least KH_NEAR_MIN_SHINGLES shingles. */
#define KH_NEAR_SIMILARITY 0.75
#define KH_NEAR_MIN_SHINGLES 24

/* Actor codes: the ISO 3166-1 alpha-3 country that starts code (into
 * out[4], "" when none) and CAMEO's type codes (GOV, MIL, ...) in it. */
void kh_actor_country(const char *code, char out[4]);
int kh_actor_types(const char *code, char types[3][4]);
int kh_is_country(const char *s);

#endif
