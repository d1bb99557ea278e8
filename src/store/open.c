/*
 * open.c - opening a store: is the file ours, of a version we read, whole?
 *
 * The first 100 bytes of a SQLite file are its header: the magic string,
 * the page size, the number of pages, the user_version (our schema
 * version) and the application id (ours: KH_STORE_APP_ID).  They are read
 * with plain read() before SQLite opens the file, so that a file of
 * another program, a damaged one or one from a newer Khaldun is refused
 * without SQLite writing anything (not even a -wal or -shm beside it).
 * Then SQLite reads the schema, and a store opened for writing is checked
 * page by page (PRAGMA quick_check) before the first write, so that
 * ingest never builds on a damaged file.
 *
 * Once open: WAL mode (readers never block the writer), synchronous=NORMAL
 * (a commit survives the process being killed; only a power failure can
 * lose the last ones), SQLite's defensive mode (SQL cannot damage the
 * file), and a busy timeout so that a second writer waits its turn.
 */
#include "store.h"

#include "../core/arena.h"
#include "../core/error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How long a writer waits for another to finish, in milliseconds. */
#define BUSY_MS 30000

int kh_store_schema_version(void)
{
    return kh_store_migrations[kh_store_nmigrations - 1].version;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           p[3];
}

enum { FILE_NONE, FILE_EMPTY, FILE_OURS, FILE_BLANK_SQLITE, FILE_SEE_WAL };

static int newer(const char *path, int v, kh_error *err)
{
    return kh_fail(err, KH_ENEWER, path, 0, 0,
                   "the store has schema version %d, written by a newer "
                   "Khaldun (this one reads up to %d); it was not changed",
                   v, kh_store_schema_version());
}

/* What the header of path says.  Returns KH_OK with *kind (and *version
 * for FILE_OURS), or an error: the file is not a store, is damaged, or is
 * newer. */
static int check_header(const char *path, int *kind, int *version,
                        kh_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT) {
            *kind = FILE_NONE;
            return KH_OK;
        }
        return kh_fail(err, KH_EIO, path, 0, 0, "%s", strerror(errno));
    }
    if (!S_ISREG(st.st_mode))
        return kh_fail(err, KH_ENOTSTORE, path, 0, 0,
                       "not a Khaldun store (not a regular file)");
    if (st.st_size == 0) {
        *kind = FILE_EMPTY;
        return KH_OK;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return kh_fail(err, KH_EIO, path, 0, 0, "%s", strerror(errno));
    unsigned char h[100];
    ssize_t n = read(fd, h, sizeof h);
    close(fd);
    if (n < 0)
        return kh_fail(err, KH_EIO, path, 0, 0, "%s", strerror(errno));
    if (n < 100 || memcmp(h, "SQLite format 3", 16) != 0)
        return kh_fail(err, KH_ENOTSTORE, path, 0, 0,
                       "not a Khaldun store (not a SQLite database); "
                       "it was not changed");
    uint32_t app = be32(h + 68);
    if (app != KH_STORE_APP_ID && app != 0)
        return kh_fail(err, KH_ENOTSTORE, path, 0, 0,
                       "not a Khaldun store (a SQLite database of another "
                       "program, application id 0x%08x); it was not "
                       "changed", app);
    unsigned page = (unsigned)h[16] << 8 | h[17];
    if (page == 1)
        page = 65536;
    if (page < 512 || (page & (page - 1)) || h[18] < 1 || h[18] > 2 ||
        h[19] < 1 || h[19] > 2)
        return kh_fail(err, KH_ECORRUPT, path, 0, 0,
                       "the store is damaged (its header is not valid); "
                       "it was not changed");
    if ((uint64_t)st.st_size % page != 0)
        return kh_fail(err, KH_ECORRUPT, path, 0, 0,
                       "the store is damaged (%lld bytes is not a whole "
                       "number of %u-byte pages: cut short?); it was not "
                       "changed", (long long)st.st_size, page);
    /* The page count in the header is valid when the change counter
     * matches the version-valid-for number; pages the WAL holds may be
     * missing from the file itself, so only without a WAL. */
    uint32_t pages = be32(h + 28);
    char wal[4200];
    struct stat ws;
    snprintf(wal, sizeof wal, "%s-wal", path);
    int has_wal = stat(wal, &ws) == 0 && ws.st_size > 0;
    if (pages && be32(h + 24) == be32(h + 92) && !has_wal &&
        (uint64_t)pages * page > (uint64_t)st.st_size)
        return kh_fail(err, KH_ECORRUPT, path, 0, 0,
                       "the store is damaged (its header counts %u pages, "
                       "the file holds %llu: cut short?); it was not "
                       "changed", pages,
                       (unsigned long long)st.st_size / page);
    /* With a WAL beside it, the header in the file may be older than the
     * store (the WAL holds newer pages, page 1 among them): then SQLite
     * reads the application id and version through the WAL, in
     * kh_store_open. */
    if (has_wal) {
        *kind = FILE_SEE_WAL;
        return KH_OK;
    }
    if (app == 0) {
        *kind = FILE_BLANK_SQLITE;   /* ours only if it has no tables */
        return KH_OK;
    }
    int v = (int)be32(h + 60);
    if (v > kh_store_schema_version())
        return newer(path, v, err);
    *kind = FILE_OURS;
    *version = v;
    return KH_OK;
}

int kh_store_dberr(kh_store *s, kh_error *err, int rc, const char *what)
{
    const char *path = s && s->path ? s->path : NULL;
    const char *msg = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return kh_fail(err, KH_ECORRUPT, path, 0, 0,
                       "the store is damaged (%s: %s); restore it from a "
                       "copy", what, msg);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return kh_fail(err, KH_EDB, path, 0, 0,
                       "%s: the store is locked by another process (%s)",
                       what, msg);
    case SQLITE_FULL:
        return kh_fail(err, KH_EDB, path, 0, 0, "%s: the disk is full",
                       what);
    case SQLITE_READONLY:
        return kh_fail(err, KH_EDB, path, 0, 0,
                       "%s: the store cannot be written (%s)", what, msg);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
        return kh_fail(err, KH_EIO, path, 0, 0, "%s: %s", what, msg);
    }
    return kh_fail(err, KH_EDB, path, 0, 0, "%s: %s", what, msg);
}

int kh_store_exec(kh_store *s, const char *sql, kh_error *err)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? KH_OK : kh_store_dberr(s, err, rc, sql);
}

int kh_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC)
             : sqlite3_bind_null(st, i);
}

/* One integer from a query without parameters, or -1. */
static int64_t query_int(sqlite3 *db, const char *sql, int *rc)
{
    sqlite3_stmt *st;
    int64_t v = -1;
    *rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (*rc != SQLITE_OK)
        return -1;
    *rc = sqlite3_step(st);
    if (*rc == SQLITE_ROW) {
        v = sqlite3_column_int64(st, 0);
        *rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return v;
}

/* After SQLite has opened the file: the schema is ours and whole. */
static int check_schema(kh_store *s, kh_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_master "
                                "WHERE type = 'table' AND name = ?", -1,
                                &st, NULL);
    if (rc != SQLITE_OK)
        return kh_store_dberr(s, err, rc, "reading the schema");
    for (const char *const *t = kh_store_tables; *t; t++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, *t, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) {
            sqlite3_finalize(st);
            return kh_fail(err, KH_ECORRUPT, s->path, 0, 0,
                           "the store is damaged (the table '%s' is "
                           "missing); it was not changed", *t);
        }
        if (rc != SQLITE_ROW) {
            sqlite3_finalize(st);
            return kh_store_dberr(s, err, rc, "reading the schema");
        }
    }
    sqlite3_finalize(st);
    return KH_OK;
}

/* PRAGMA quick_check: every page and index entry is readable and
 * consistent.  Linear in the file's size (some 5 s of CPU per GB). */
static int quick_check(kh_store *s, kh_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st,
                                NULL);
    if (rc != SQLITE_OK)
        return kh_store_dberr(s, err, rc, "checking the store");
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return kh_store_dberr(s, err, rc, "checking the store");
    }
    const char *res = (const char *)sqlite3_column_text(st, 0);
    int ok = res && strcmp(res, "ok") == 0;
    if (!ok)
        kh_fail(err, KH_ECORRUPT, s->path, 0, 0,
                "the store is damaged (%.200s); it was not changed",
                res ? res : "unreadable");
    sqlite3_finalize(st);
    return ok ? KH_OK : KH_ECORRUPT;
}

static void older_readonly(const char *path, int version, kh_error *err)
{
    kh_fail(err, KH_EUSAGE, path, 0, 0,
            "the store has schema version %d, older than this Khaldun's "
            "%d: open it for writing once to upgrade it (khaldun ingest "
            "--db FILE)", version, kh_store_schema_version());
}

kh_store *kh_store_open(const char *path, unsigned flags, kh_error *err)
{
    if (!path || !*path) {
        kh_fail(err, KH_EUSAGE, NULL, 0, 0, "no store file named");
        return NULL;
    }
    int memory = strcmp(path, ":memory:") == 0;
    int ro = (flags & KH_STORE_READONLY) != 0;
    int kind = FILE_NONE, version = 0;
    if (!memory && check_header(path, &kind, &version, err) != KH_OK)
        return NULL;
    if (kind == FILE_NONE && !memory && !(flags & KH_STORE_CREATE)) {
        kh_fail(err, KH_EIO, path, 0, 0,
                "no such store (khaldun ingest --db FILE creates one)");
        return NULL;
    }
    if (ro && (kind == FILE_EMPTY || kind == FILE_NONE || memory)) {
        kh_fail(err, KH_ENOTSTORE, path, 0, 0,
                "an empty file, not a Khaldun store yet (khaldun ingest "
                "--db FILE makes it one)");
        return NULL;
    }
    if (ro && kind == FILE_OURS && version < kh_store_schema_version()) {
        older_readonly(path, version, err);
        return NULL;
    }
    kh_store *s = kh_xcalloc(1, sizeof *s);
    s->path = kh_xstrdup(path);
    s->flags = flags;
    /* NOMUTEX: a kh_store is used by one thread at a time (khaldun.h),
     * so SQLite need not lock the connection around every call (a tenth
     * of ingest's instructions in SQLite went to those locks). */
    int oflags = (ro ? SQLITE_OPEN_READONLY
                     : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                 SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path, &s->db, oflags, NULL);
    if (rc != SQLITE_OK) {
        kh_store_dberr(s, err, rc, "cannot open the store");
        kh_store_close(s);
        return NULL;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, BUSY_MS);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
    if (kind == FILE_SEE_WAL) {
        /* The same checks as check_header's, through the WAL. */
        int64_t app = query_int(s->db, "PRAGMA application_id", &rc);
        int64_t v = rc == SQLITE_OK ? query_int(s->db, "PRAGMA user_version",
                                                &rc) : 0;
        if (rc != SQLITE_OK) {
            kh_store_dberr(s, err, rc, "reading the header");
            kh_store_close(s);
            return NULL;
        }
        if (app != KH_STORE_APP_ID && app != 0) {
            kh_fail(err, KH_ENOTSTORE, path, 0, 0,
                    "not a Khaldun store (a SQLite database of another "
                    "program, application id 0x%08x); it was not changed",
                    (unsigned)app);
            kh_store_close(s);
            return NULL;
        }
        if (v > kh_store_schema_version()) {
            newer(path, (int)v, err);
            kh_store_close(s);
            return NULL;
        }
        kind = app ? FILE_OURS : FILE_BLANK_SQLITE;
        version = (int)v;
        if (ro && kind == FILE_OURS && version < kh_store_schema_version()) {
            older_readonly(path, version, err);
            kh_store_close(s);
            return NULL;
        }
    }
    if (kind == FILE_BLANK_SQLITE) {
        /* An application id of 0: a store whose creation was cut short, or
         * a database of another program.  Ours only if it has no tables. */
        int64_t n = query_int(s->db, "SELECT count(*) FROM sqlite_master",
                              &rc);
        if (rc != SQLITE_OK) {
            kh_store_dberr(s, err, rc, "reading the schema");
            kh_store_close(s);
            return NULL;
        }
        if (n > 0 || ro) {
            kh_fail(err, KH_ENOTSTORE, path, 0, 0,
                    n > 0 ? "not a Khaldun store (a SQLite database of "
                            "another program); it was not changed"
                          : "an empty database, not a Khaldun store yet");
            kh_store_close(s);
            return NULL;
        }
    }
    if (kind == FILE_OURS) {
        if (check_schema(s, err) != KH_OK ||
            (!ro && !(flags & KH_STORE_NOCHECK) &&
             quick_check(s, err) != KH_OK)) {
            kh_store_close(s);
            return NULL;
        }
    }
    /* A checkpoint every 40 MB of WAL rather than SQLite's 4: a page an
     * ingest changes many times is copied back to the file fewer times. */
    if (!ro && (rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL;"
                                  "PRAGMA wal_autocheckpoint = 10000", NULL,
                                  NULL, NULL)) != SQLITE_OK) {
        kh_store_dberr(s, err, rc, "cannot open the store for writing");
        kh_store_close(s);
        return NULL;
    }
    sqlite3_exec(s->db, "PRAGMA synchronous = NORMAL;"
                 "PRAGMA cache_size = -32768;"
                 "PRAGMA temp_store = MEMORY;"
                 "PRAGMA mmap_size = 2147418112", NULL, NULL, NULL);
    if (!ro && (kind != FILE_OURS || version < kh_store_schema_version())) {
        if (kh_schema_migrate(s->db, kh_store_migrations,
                              kh_store_nmigrations,
                              kind == FILE_OURS ? version : 0, path,
                              err) != KH_OK) {
            kh_store_close(s);
            return NULL;
        }
    }
    int64_t v = query_int(s->db, "PRAGMA user_version", &rc);
    if (rc != SQLITE_OK) {
        kh_store_dberr(s, err, rc, "reading the schema version");
        kh_store_close(s);
        return NULL;
    }
    s->schema = (int)v;
    return s;
}

/* The query planner's statistics (sqlite_stat1), refreshed when the
 * events have doubled since they were last gathered: which index serves a
 * combination of filters best depends on how many rows each value has.
 * About two seconds of CPU per million events, once per doubling. */
static void refresh_statistics(kh_store *s)
{
    sqlite3_stmt *st;
    int64_t events = 0, analyzed = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT (SELECT max(id) FROM events),"
                           " (SELECT value FROM meta WHERE key = ?)", -1,
                           &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_text(st, 1, "analyzed_events", -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        events = sqlite3_column_int64(st, 0);
        analyzed = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (events < 10000 || events < 2 * analyzed)
        return;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE; ANALYZE events;"
                     " ANALYZE mentions; ANALYZE names", NULL, NULL,
                     NULL) != SQLITE_OK) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return;
    }
    if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO meta(key, value)"
                           " VALUES(?, ?)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, "analyzed_events", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, events);
        sqlite3_step(st);
        sqlite3_finalize(st);
    }
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

void kh_store_close(kh_store *s)
{
    if (!s)
        return;
    if (s->db && s->wrote && !s->in_batch)
        refresh_statistics(s);
    for (int i = 0; i < ST_COUNT; i++) {
        sqlite3_finalize(s->st[i]);
        for (int k = 0; k < KH_ROWS_LEVELS; k++)
            sqlite3_finalize(s->rows[i][k]);
    }
    if (s->db) {
        if (s->in_batch)
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        /* Let SQLite fold the WAL back into the file when it is the last
         * connection; a failure leaves a WAL the next open replays. */
        sqlite3_close_v2(s->db);
    }
    free(s->path);
    free(s);
}

int kh_store_begin(kh_store *s, kh_error *err)
{
    if (s->in_batch)
        return kh_fail(err, KH_EUSAGE, s->path, 0, 0,
                       "a batch is open already");
    if (s->flags & KH_STORE_READONLY)
        return kh_fail(err, KH_EUSAGE, s->path, 0, 0,
                       "the store was opened read-only");
    /* IMMEDIATE takes the write lock now: a transaction that reads first
     * and writes later could find another writer in its way. */
    int rc = kh_store_exec(s, "BEGIN IMMEDIATE", err);
    if (rc == KH_OK)
        s->in_batch = 1;
    return rc;
}

int kh_store_commit(kh_store *s, kh_error *err)
{
    if (!s->in_batch)
        return kh_fail(err, KH_EUSAGE, s->path, 0, 0, "no batch is open");
    int rc = kh_store_exec(s, "COMMIT", err);
    if (rc != KH_OK) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        s->in_batch = 0;
        return rc;
    }
    s->in_batch = 0;
    return KH_OK;
}

void kh_store_rollback(kh_store *s)
{
    if (!s || !s->in_batch)
        return;
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_batch = 0;
}

int kh_store_stats_get(kh_store *s, kh_store_stats *out, kh_error *err)
{
    static const char *const sql[] = {
        "SELECT count(*) FROM articles",
        "SELECT count(*) FROM articles WHERE first_copy IS NOT NULL",
        "SELECT count(*) FROM sentences",
        "SELECT count(*) FROM events",
        "SELECT count(*) FROM mentions",
        "SELECT count(*) FROM sources",
        "SELECT count(*) FROM places",
        "SELECT count(*) FROM quotes",
        "SELECT count(*) FROM entities",
        "SELECT count(*) FROM dates",
        "SELECT min(day) FROM events WHERE day > 0",
        "SELECT max(day) FROM events WHERE day > 0",
    };
    memset(out, 0, sizeof *out);
    out->schema = s->schema;
    int64_t *dst[] = {&out->articles, &out->near_duplicates, &out->sentences,
                      &out->events, &out->mentions, &out->sources,
                      &out->places, &out->quotes, &out->entities,
                      &out->dates};
    for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
        int rc;
        int64_t v = query_int(s->db, sql[i], &rc);
        if (rc != SQLITE_OK)
            return kh_store_dberr(s, err, rc, "counting");
        if (i < 10) {
            *dst[i] = v;
        } else if (v > 0) {
            kh_day_str(v, i == 10 ? out->first_day : out->last_day);
        }
    }
    return KH_OK;
}
