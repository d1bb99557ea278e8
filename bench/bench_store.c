/*
 * bench_store.c - the store's speed: ingest, and the filters of
 * `khaldun events` on a store of a million events.
 *
 * usage: bench_store ingest CORPUS.jsonl N
 *        bench_store alone CORPUS.jsonl N
 *        bench_store events STORE.db [EVENTS]
 *
 * ingest: reads the first N articles of a JSON Lines corpus (gen_corpus)
 * and stores them in a new store as `khaldun ingest` does (read, code,
 * store, commit every 500), reporting CPU time on one core and articles
 * per second; then the same articles only coded, so that the store's
 * share is seen.
 *
 * events: builds (once; it is kept, and rebuilt when the generator
 * changes) a store of EVENTS (default 1,000,000) synthetic events over
 * three years, with their mentions, actor names, places and articles,
 * through SQL on the store's own schema; then times each filter of
 * `khaldun events`: the first page (100 events, newest first) and the
 * count of all that match, each the median of 5 runs.
 */
#include "khaldun.h"
#include "clock.h"
#include "code/cameo.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- ingest ---------------------------------------------------------------- */

static int bench_ingest(const char *corpus, long n)
{
    kh_error err;
    char db[] = "/tmp/khaldun-bench-store-XXXXXX";
    int fd = mkstemp(db);
    if (fd < 0)
        return 1;
    close(fd);
    unlink(db);
    kh_pipeline *p = kh_pipeline_new(NULL, &err);
    kh_store *s = kh_store_open(db, KH_STORE_CREATE, &err);
    if (!p || !s) {
        fprintf(stderr, "bench_store: %s\n", err.message);
        return 1;
    }
    const char *paths[] = {corpus};
    kh_reader *r = kh_reader_open(paths, 1, NULL);
    long done = 0, stored = 0, events = 0;
    double c0 = cpu_now(), w0 = wall_now();
    kh_store_begin(s, &err);
    kh_doc *d;
    while (done < n && kh_reader_next(r, &d, &err) == 1) {
        kh_ingest_result res;
        if (kh_store_ingest(s, p, d, &res, &err) != KH_OK) {
            fprintf(stderr, "bench_store: %s\n", err.message);
            return 1;
        }
        stored += res.status == KH_INGEST_ADDED ||
                  res.status == KH_INGEST_NEAR_DUPLICATE;
        events += (long)res.events;
        kh_doc_free(d);
        if (++done % 500 == 0) {
            kh_store_commit(s, &err);
            kh_store_begin(s, &err);
        }
    }
    kh_store_commit(s, &err);
    kh_store_close(s);
    double cpu = cpu_now() - c0, wall = wall_now() - w0;
    kh_reader_close(r);
    char wal[64];
    snprintf(wal, sizeof wal, "%s-wal", db);
    FILE *f = fopen(db, "rb");
    long size = 0;
    if (f) {
        fseek(f, 0, SEEK_END);
        size = ftell(f);
        fclose(f);
    }
    unlink(db);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", db);
    unlink(wal);
    printf("ingest: %ld articles (%ld stored, %ld events) in %.2f s CPU "
           "(%.2f s wall): %.0f articles/s on one core; store %.1f MB\n",
           done, stored, events, cpu, wall, (double)done / cpu,
           (double)size / 1e6);
    /* The same articles, coded only. */
    r = kh_reader_open(paths, 1, NULL);
    done = 0;
    c0 = cpu_now();
    while (done < n && kh_reader_next(r, &d, &err) == 1) {
        kh_process(p, d, &err);
        kh_doc_free(d);
        done++;
    }
    double code = cpu_now() - c0;
    kh_reader_close(r);
    printf("        coding alone: %.2f s CPU (%.0f articles/s); the store "
           "adds %.0f us an article\n", code, (double)done / code,
           (cpu - code) / (double)done * 1e6);
    kh_pipeline_free(p);
    return 0;
}

/* ---- the store alone ---------------------------------------------------- */

/* Codes the first N articles into memory, then stores them (commit every
 * 500), timing the store alone: what SQLite, FTS5 and MinHash cost an
 * article, without coding's share or the caches it shares with the store.
 * Under valgrind --tool=callgrind --collect-atstart=no
 * --toggle-collect=kh_store_ingest --toggle-collect=kh_store_commit
 * --toggle-collect=kh_store_close it counts the store's instructions. */
static int bench_alone(const char *corpus, long n)
{
    kh_error err;
    char db[] = "/tmp/khaldun-bench-store-XXXXXX";
    int fd = mkstemp(db);
    if (fd < 0)
        return 1;
    close(fd);
    unlink(db);
    kh_pipeline *p = kh_pipeline_new(NULL, &err);
    kh_store *s = kh_store_open(db, KH_STORE_CREATE, &err);
    if (!p || !s) {
        fprintf(stderr, "bench_store: %s\n", err.message);
        return 1;
    }
    const char *paths[] = {corpus};
    kh_reader *r = kh_reader_open(paths, 1, NULL);
    kh_doc **docs = calloc((size_t)n + 1, sizeof *docs);
    long done = 0;
    kh_doc *d;
    while (done < n && kh_reader_next(r, &d, &err) == 1) {
        kh_process(p, d, &err);
        docs[done++] = d;
    }
    kh_reader_close(r);
    double c0 = cpu_now();
    kh_store_begin(s, &err);
    for (long i = 0; i < done; i++) {
        kh_ingest_result res;
        if (kh_store_ingest(s, p, docs[i], &res, &err) != KH_OK) {
            fprintf(stderr, "bench_store: %s\n", err.message);
            return 1;
        }
        if ((i + 1) % 500 == 0) {
            kh_store_commit(s, &err);
            kh_store_begin(s, &err);
        }
    }
    kh_store_commit(s, &err);
    kh_store_close(s);
    double cpu = cpu_now() - c0;
    printf("store alone: %ld coded articles stored in %.2f s CPU: %.0f us "
           "an article\n", done, cpu, cpu / (double)done * 1e6);
    for (long i = 0; i < done; i++)
        kh_doc_free(docs[i]);
    free(docs);
    char side[64];
    unlink(db);
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
    kh_pipeline_free(p);
    return 0;
}

/* ---- a synthetic store of events ------------------------------------------ */

#define GENERATOR "events-v5"

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* 0..n-1, the lower ones more often (about Zipf's law). */
static int zipf(int n)
{
    double u = (double)(next() % 1000000) / 1000000.0;
    int k = (int)((double)n * u * u);
    return k < n ? k : n - 1;
}

static const struct { const char *code, *name; } countries[] = {
    {"USA", "United States"}, {"IRQ", "Iraq"}, {"SYR", "Syria"},
    {"IRN", "Iran"}, {"ISR", "Israel"}, {"RUS", "Russia"},
    {"UKR", "Ukraine"}, {"TUR", "Turkey"}, {"CHN", "China"},
    {"GBR", "Britain"}, {"FRA", "France"}, {"DEU", "Germany"},
    {"SAU", "Saudi Arabia"}, {"YEM", "Yemen"}, {"LBN", "Lebanon"},
    {"JOR", "Jordan"}, {"EGY", "Egypt"}, {"AFG", "Afghanistan"},
    {"PAK", "Pakistan"}, {"IND", "India"}, {"QAT", "Qatar"},
    {"ARE", "Emirates"}, {"KWT", "Kuwait"}, {"LBY", "Libya"},
    {"SDN", "Sudan"}, {"SOM", "Somalia"}, {"ETH", "Ethiopia"},
    {"NGA", "Nigeria"}, {"MLI", "Mali"}, {"JPN", "Japan"},
    {"KOR", "South Korea"}, {"PRK", "North Korea"}, {"BRA", "Brazil"},
    {"MEX", "Mexico"}, {"VEN", "Venezuela"}, {"COL", "Colombia"},
    {"ZAF", "South Africa"}, {"KEN", "Kenya"}, {"ZWE", "Zimbabwe"},
    {"NZL", "New Zealand"},
};
#define NCOUNTRIES (int)(sizeof countries / sizeof *countries)

static const struct { const char *code, *words; } roles[] = {
    {"", ""}, {"GOV", " government"}, {"MIL", " army"},
    {"GOV", " prime minister"}, {"REB", " rebels"}, {"COP", " police"},
    {"OPP", " opposition"}, {"JUD", " court"}, {"BUS", " businessmen"},
    {"MED", " journalists"}, {"CVL", " civilians"},
};
#define NROLES (int)(sizeof roles / sizeof *roles)

/* Cities and the index of their country in countries[]. */
static const struct { const char *name; int country; } cities[] = {
    {"Baghdad", 1}, {"Damascus", 2}, {"Tehran", 3}, {"Jerusalem", 4},
    {"Moscow", 5}, {"Kyiv", 6}, {"Ankara", 7}, {"Beijing", 8},
    {"London", 9}, {"Paris", 10}, {"Berlin", 11}, {"Riyadh", 12},
    {"Sanaa", 13}, {"Beirut", 14}, {"Amman", 15}, {"Cairo", 16},
    {"Kabul", 17}, {"Islamabad", 18}, {"New Delhi", 19}, {"Doha", 20},
    {"Basra", 1}, {"Mosul", 1}, {"Aleppo", 2}, {"Gaza", 4},
    {"Kharkiv", 6}, {"Erbil", 1}, {"Kirkuk", 1}, {"Taiz", 13},
    {"Aden", 13}, {"Idlib", 2},
};
#define NCITIES (int)(sizeof cities / sizeof *cities)

#define NPLACES 2000
#define NARTICLES 100000

static int exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "bench_store: %s: %s\n", sql, msg);
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "bench_store: %s: %s\n", sql, sqlite3_errmsg(db));
        exit(1);
    }
    return st;
}

static void step(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW && rc != SQLITE_CONSTRAINT) {
        fprintf(stderr, "bench_store: step: %d\n", rc);
        exit(1);
    }
    sqlite3_reset(st);
}

/* Is the store at path built by this generator, with n events? */
static int built(const char *path, long n)
{
    sqlite3 *db;
    if (access(path, F_OK) != 0 ||
        sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return 0;
    sqlite3_stmt *st;
    int ok = 0;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'bench'",
                           -1, &st, NULL) == SQLITE_OK) {
        char want[64];
        snprintf(want, sizeof want, "%s %ld", GENERATOR, n);
        ok = sqlite3_step(st) == SQLITE_ROW &&
             strcmp((const char *)sqlite3_column_text(st, 0), want) == 0;
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return ok;
}

static int build(const char *path, long n)
{
    char side[4200];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    kh_error err;
    kh_store *s = kh_store_open(path, KH_STORE_CREATE, &err);
    if (!s) {
        fprintf(stderr, "bench_store: %s\n", err.message);
        return -1;
    }
    kh_store_close(s);
    double w0 = wall_now();
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return -1;
    exec(db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;"
             "BEGIN");
    exec(db, "INSERT INTO sources(id, name) VALUES(1, 'Wire A'),"
             " (2, 'Wire B'), (3, 'Wire C')");
    /* places */
    sqlite3_stmt *pl = prep(db, "INSERT INTO places(id, name, country,"
                                " admin1, kind, lat, lon, geonameid)"
                                " VALUES(?, ?, ?, '', ?, ?, ?, ?)");
    static char place_country[NPLACES + 1][4];
    for (int i = 1; i <= NPLACES; i++) {
        char name[64];
        int ci;
        if (i <= NCITIES) {
            snprintf(name, sizeof name, "%s", cities[i - 1].name);
            ci = cities[i - 1].country;
        } else {
            snprintf(name, sizeof name, "Town %d", i);
            ci = zipf(NCOUNTRIES);
        }
        memcpy(place_country[i], countries[ci].code, 4);
        sqlite3_bind_int(pl, 1, i);
        sqlite3_bind_text(pl, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(pl, 3, countries[ci].code, -1, SQLITE_STATIC);
        sqlite3_bind_int(pl, 4, 3);
        sqlite3_bind_double(pl, 5, (double)(next() % 18000) / 100 - 90);
        sqlite3_bind_double(pl, 6, (double)(next() % 36000) / 100 - 180);
        sqlite3_bind_int(pl, 7, 100000 + i);
        step(pl);
    }
    sqlite3_finalize(pl);
    /* articles: short texts; what the filters read is their id and URL */
    sqlite3_stmt *ar = prep(db, "INSERT INTO articles(id, ext_id, url,"
                                " text_hash, source, date, day, text,"
                                " body_start, body_end, ingested)"
                                " VALUES(?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)");
    static int art_day[NARTICLES + 1];
    for (int i = 1; i <= NARTICLES; i++) {
        int day = (int)(next() % 1096);
        int y = 2022 + day / 366, m = 1 + day % 366 / 31,
            d = 1 + day % 366 % 31 % 28;
        art_day[i] = y * 10000 + m * 100 + d;
        char id[32], url[64], date[16], text[64];
        snprintf(id, sizeof id, "syn-%06d", i);
        snprintf(url, sizeof url, "https://news.example/%06d", i);
        snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
        snprintf(text, sizeof text, "Synthetic article %d.", i);
        sqlite3_bind_int(ar, 1, i);
        sqlite3_bind_text(ar, 2, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ar, 3, url, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ar, 4, (int64_t)(next() >> 1));
        sqlite3_bind_int(ar, 5, 1 + i % 3);
        sqlite3_bind_text(ar, 6, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ar, 7, art_day[i]);
        sqlite3_bind_text(ar, 8, text, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ar, 9, (int)strlen(text));
        sqlite3_bind_int64(ar, 10, 1700000000 + i);
        step(ar);
    }
    sqlite3_finalize(ar);
    /* events, their mentions and the actors' names */
    sqlite3_stmt *ev = prep(
        db, "INSERT OR IGNORE INTO events(id, day, source, target, code,"
            " place, root, quad, goldstein, plover, source_country,"
            " target_country, country, source_name, target_name,"
            " num_mentions, num_sources, num_articles, is_root, article,"
            " added) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?, ?, ?, ?, ?)");
    sqlite3_stmt *me = prep(
        db, "INSERT INTO mentions(id, event, article, idx, source, sentence,"
            " start, end, verb_start, verb_end, source_start, source_end,"
            " target_start, target_end, rule, in_quote, source_name,"
            " target_name) VALUES(?, ?, ?, ?, ?, 0, 0, 10, 0, 1, 0, 1, 2, 3,"
            " 'bench', 0, ?, ?)");
    /* the names actors are written with: country and role */
    sqlite3_stmt *nm = prep(db, "INSERT INTO names(id, name) VALUES(?, ?)");
    sqlite3_stmt *nf = prep(db, "INSERT INTO names_fts(rowid, name)"
                                " VALUES(?, ?)");
    for (int c = 0; c < NCOUNTRIES; c++) {
        for (int r = 0; r < NROLES; r++) {
            char name[96];
            snprintf(name, sizeof name, "%s%s", countries[c].name,
                     roles[r].words);
            sqlite3_bind_int(nm, 1, c * NROLES + r + 1);
            sqlite3_bind_text(nm, 2, name, -1, SQLITE_TRANSIENT);
            step(nm);
            sqlite3_bind_int(nf, 1, c * NROLES + r + 1);
            sqlite3_bind_text(nf, 2, name, -1, SQLITE_TRANSIENT);
            step(nf);
        }
    }
    sqlite3_finalize(nm);
    sqlite3_finalize(nf);
    static int art_idx[NARTICLES + 1];
    /* CAMEO codes of three and four digits, the common roots more often */
    const kh_cameo_info *codes[400];
    int ncodes = 0;
    for (size_t i = 0; i < kh_cameo_table_len && ncodes < 400; i++)
        if (strlen(kh_cameo_table[i].code) >= 3)
            codes[ncodes++] = &kh_cameo_table[i];
    long made = 0, mention = 0;
    for (long id = 1; made < n; id++) {
        int si = zipf(NCOUNTRIES), ti = zipf(NCOUNTRIES);
        int sr = (int)(next() % NROLES), tr = (int)(next() % NROLES);
        char src[16], tgt[16], sname[96], tname[96];
        snprintf(src, sizeof src, "%s%s", countries[si].code, roles[sr].code);
        snprintf(tgt, sizeof tgt, "%s%s", countries[ti].code, roles[tr].code);
        snprintf(sname, sizeof sname, "%s%s", countries[si].name,
                 roles[sr].words);
        snprintf(tname, sizeof tname, "%s%s", countries[ti].name,
                 roles[tr].words);
        /* roots 01-05 and 19 are most of the news */
        const kh_cameo_info *c = codes[next() % 3 ? zipf(ncodes / 3) * 3 %
                                                        ncodes
                                                  : (int)(next() % ncodes)];
        char root[3];
        kh_cameo_root(c->code, strlen(c->code), root);
        int art = 1 + (int)(next() % NARTICLES);
        int place = next() % 10 < 7 ? 1 + zipf(NPLACES) : 0;
        int m = 1 + (next() % 4 == 0 ? (int)(next() % 6) : 0);
        sqlite3_bind_int64(ev, 1, id);
        sqlite3_bind_int(ev, 2, art_day[art]);
        sqlite3_bind_text(ev, 3, src, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ev, 4, tgt, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ev, 5, c->code, -1, SQLITE_STATIC);
        sqlite3_bind_int(ev, 6, place);
        sqlite3_bind_text(ev, 7, root, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ev, 8, c->quad);
        sqlite3_bind_double(ev, 9, c->goldstein);
        sqlite3_bind_text(ev, 10, c->plover_type ? c->plover_type : "", -1,
                          SQLITE_STATIC);
        sqlite3_bind_text(ev, 11, countries[si].code, -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 12, countries[ti].code, -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 13, place ? place_country[place] : "", -1,
                          SQLITE_STATIC);
        sqlite3_bind_text(ev, 14, sname, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ev, 15, tname, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ev, 16, m);
        sqlite3_bind_int(ev, 17, m > 2 ? 2 : 1);
        sqlite3_bind_int(ev, 18, m);
        sqlite3_bind_int(ev, 19, (int)(next() % 3 == 0));
        sqlite3_bind_int(ev, 20, art);
        sqlite3_bind_int64(ev, 21, 1700000000 + id);
        step(ev);
        if (sqlite3_changes(db) == 0) {
            id--;   /* the same key twice: draw again */
            continue;
        }
        made++;
        for (int k = 0; k < m; k++) {
            int a = k ? 1 + (int)(next() % NARTICLES) : art;
            sqlite3_bind_int64(me, 1, ++mention);
            sqlite3_bind_int64(me, 2, id);
            sqlite3_bind_int(me, 3, a);
            sqlite3_bind_int(me, 4, art_idx[a]++);
            sqlite3_bind_int(me, 5, 1 + a % 3);
            sqlite3_bind_int(me, 6, si * NROLES + sr + 1);
            sqlite3_bind_int(me, 7, ti * NROLES + tr + 1);
            step(me);
        }
    }
    sqlite3_finalize(ev);
    sqlite3_finalize(me);
    char meta[128];
    snprintf(meta, sizeof meta, "INSERT INTO meta VALUES('bench', '%s %ld')",
             GENERATOR, n);
    if (exec(db, meta) || exec(db, "COMMIT"))
        return -1;
    /* The counts by day, which ingest keeps as it goes. */
    if (exec(db, "INSERT INTO day_counts SELECT day, root, quad, count(*),"
                 " sum(num_mentions) FROM events GROUP BY day, root;"
                 "INSERT INTO day_actors SELECT day, code, count(*), sum(m)"
                 " FROM (SELECT day, source AS code, num_mentions AS m"
                 " FROM events WHERE source <> '' UNION ALL SELECT day,"
                 " target, num_mentions FROM events WHERE target <> '')"
                 " GROUP BY day, code;"
                 "INSERT INTO day_places SELECT day, place, count(*),"
                 " sum(num_mentions) FROM events WHERE place > 0"
                 " GROUP BY day, place"))
        return -1;
    /* As `khaldun ingest` leaves a store: with the query planner's
     * statistics, which kh_store_close refreshes as the events double. */
    if (exec(db, "ANALYZE events; ANALYZE mentions; ANALYZE names") ||
        exec(db, "INSERT OR REPLACE INTO meta VALUES('analyzed_events',"
                 " (SELECT max(id) FROM events))"))
        return -1;
    sqlite3_close(db);
    printf("built %s: %ld events, %ld mentions, %d articles, %d places in "
           "%.0f s\n", path, made, mention, NARTICLES, NPLACES,
           wall_now() - w0);
    return 0;
}

static int count_cb(void *ctx, const kh_store_event *ev)
{
    (void)ev;
    ++*(long *)ctx;
    return 0;
}

static int agg_cb(void *ctx, const kh_store_count *c)
{
    (void)c;
    ++*(long *)ctx;
    return 0;
}

static int place_cb(void *ctx, const kh_store_place *p)
{
    (void)p;
    ++*(long *)ctx;
    return 0;
}

typedef struct {
    int64_t id;
    int32_t day;
} last_event;

static int last_cb(void *ctx, const kh_store_event *ev)
{
    last_event *l = ctx;
    l->id = ev->id;
    l->day = ev->day;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int bench_events(const char *path, long n)
{
    if (!built(path, n) && build(path, n) != 0)
        return 1;
    kh_error err;
    kh_store *s = kh_store_open(path, KH_STORE_READONLY, &err);
    if (!s) {
        fprintf(stderr, "bench_store: %s\n", err.message);
        return 1;
    }
    int64_t art;
    kh_store_article_key(s, "syn-012345", &art, &err);
    struct { const char *label; kh_event_filter f; } cases[] = {
        {"(no filter)", {0}},
        {"--actor USA", {.actor = "USA"}},
        {"--actor IRQGOV", {.actor = "IRQGOV"}},
        {"--actor ZWE", {.actor = "ZWE"}},
        {"--actor 'prime minister'", {.actor = "prime minister"}},
        {"--actor 'new zealand army'", {.actor = "new zealand army"}},
        {"--source RUSMIL", {.source = "RUSMIL"}},
        {"--target UKR", {.target = "UKR"}},
        {"--cameo 19", {.cameo = "19"}},
        {"--cameo 190", {.cameo = "190"}},
        {"--cameo 1823", {.cameo = "1823"}},
        {"--root 14", {.root = "14"}},
        {"--plover PROTEST", {.plover = "PROTEST"}},
        {"--quad 4", {.quad = 4}},
        {"--country SYR", {.country = "SYR"}},
        {"--country NZL", {.country = "NZL"}},
        {"--place Baghdad", {.place = "Baghdad"}},
        {"--place 'Town 1999' (rare)", {.place = "Town 1999"}},
        {"--date 2023-06", {.since = "2023-06", .until = "2023-06"}},
        {"--date 2022", {.since = "2022", .until = "2022"}},
        {"--date 2024-03-01", {.since = "2024-03-01", .until = "2024-03-01"}},
        {"--article syn-012345", {.article = art}},
        {"--quad 4 --country IRQ --date 2023",
         {.quad = 4, .country = "IRQ", .since = "2023", .until = "2023"}},
        {"--actor USA --cameo 19 --date 2023-01..2023-06",
         {.actor = "USA", .cameo = "19", .since = "2023-01",
          .until = "2023-06"}},
        {"--actor 'prime minister' --quad 1",
         {.actor = "prime minister", .quad = 1}},
        {"--source ZWEGOV --target NZL (empty)",
         {.source = "ZWEGOV", .target = "NZL"}},
    };
    size_t nc = sizeof cases / sizeof *cases;
    printf("%-46s %9s %9s %9s %9s\n", "khaldun events filter", "page CPU",
           "page wall", "count CPU", "matches");
    printf("%-46s %9s %9s %9s %9s\n", "(median of 5, ms)", "(100)", "(100)",
           "(to 10k)", "");
    double worst_page = 0, worst_wall = 0, worst_count = 0;
    const char *worst = "";
    for (size_t i = 0; i < nc; i++) {
        double page[5], wall[5], cnt[5];
        int64_t total = 0;
        for (int k = 0; k < 5; k++) {
            kh_event_filter f = cases[i].f;
            f.limit = 100;
            long rows = 0;
            double t0 = cpu_now(), w0 = wall_now();
            if (kh_store_events(s, &f, count_cb, &rows, &err) != KH_OK) {
                fprintf(stderr, "bench_store: %s\n", err.message);
                return 1;
            }
            double t1 = cpu_now(), w1 = wall_now();
            kh_store_count_events(s, &f, 10000, &total, &err);
            double t2 = cpu_now();
            page[k] = (t1 - t0) * 1e3;
            wall[k] = (w1 - w0) * 1e3;
            cnt[k] = (t2 - t1) * 1e3;
        }
        qsort(page, 5, sizeof *page, cmp_double);
        qsort(wall, 5, sizeof *wall, cmp_double);
        qsort(cnt, 5, sizeof *cnt, cmp_double);
        printf("%-46s %9.2f %9.2f %9.2f %8lld%s\n", cases[i].label, page[2],
               wall[2], cnt[2], (long long)total, total >= 10000 ? "+" : "");
        if (page[2] > worst_page) {
            worst_page = page[2];
            worst = cases[i].label;
        }
        if (wall[2] > worst_wall)
            worst_wall = wall[2];
        if (cnt[2] > worst_count)
            worst_count = cnt[2];
    }
    /* Deep pages: the 101st page of 50 by offset, and the same page by
     * keyset cursor (after the 5,000th event, found untimed). */
    printf("%-46s %9s %9s\n", "page 101 of 50 (median of 5, ms CPU)",
           "offset", "cursor");
    double worst_deep = 0;
    for (size_t i = 0; i < nc; i++) {
        if (cases[i].f.article)
            continue;
        kh_event_filter f = cases[i].f;
        f.limit = 1;
        f.offset = 4999;
        last_event last = {0};
        kh_store_events(s, &f, last_cb, &last, &err);
        if (!last.id)
            continue;   /* fewer than 5,000 match */
        double off[5], cur[5];
        for (int k = 0; k < 5; k++) {
            long rows = 0;
            f = cases[i].f;
            f.limit = 50;
            f.offset = 5000;
            double t0 = cpu_now();
            kh_store_events(s, &f, count_cb, &rows, &err);
            double t1 = cpu_now();
            f.offset = 0;
            f.after_day = last.day;
            f.after_id = last.id;
            kh_store_events(s, &f, count_cb, &rows, &err);
            double t2 = cpu_now();
            off[k] = (t1 - t0) * 1e3;
            cur[k] = (t2 - t1) * 1e3;
        }
        qsort(off, 5, sizeof *off, cmp_double);
        qsort(cur, 5, sizeof *cur, cmp_double);
        printf("%-46s %9.2f %9.2f\n", cases[i].label, off[2], cur[2]);
        if (cur[2] > worst_deep)
            worst_deep = cur[2];
    }
    printf("slowest page 101 by cursor: %.2f ms CPU (goal: under 50 ms)\n",
           worst_deep);
    /* What the web page asks besides the list (issue 8): reported, no
     * goal. */
    struct { const char *label; kh_event_filter f; } aggs[] = {
        {"all events", {0}},
        {"--date 2024-03", {.since = "2024-03", .until = "2024-03"}},
        {"--actor IRQ", {.actor = "IRQ"}},
        {"--quad 4", {.quad = 4}},
        {"--cameo 19", {.cameo = "19"}},
        {"--country SYR", {.country = "SYR"}},
        {"--actor 'prime minister'", {.actor = "prime minister"}},
        {"--actor IRQ --quad 4", {.actor = "IRQ", .quad = 4}},
        {"--place Baghdad", {.place = "Baghdad"}},
        {"--actor 'new zealand army'", {.actor = "new zealand army"}},
        {"--place 'Town 1999' (rare)", {.place = "Town 1999"}},
        {"--cameo 1823 (rare)", {.cameo = "1823"}},
    };
    for (size_t i = 0; i < sizeof aggs / sizeof *aggs; i++) {
        double t0 = cpu_now();
        long n = 0;
        kh_store_timeline(s, &aggs[i].f, KH_GROUP_QUAD, KH_PERIOD_MONTH,
                          agg_cb, &n, &err);
        double t1 = cpu_now();
        kh_store_top_actors(s, &aggs[i].f, 10, agg_cb, &n, &err);
        double t2 = cpu_now();
        kh_store_places(s, &aggs[i].f, 100, place_cb, &n, &err);
        double t3 = cpu_now();
        printf("aggregates of %-20s timeline by quad and month %.0f ms, top "
               "10 actors %.0f ms, top 100 places %.0f ms (CPU)\n",
               aggs[i].label, (t1 - t0) * 1e3, (t2 - t1) * 1e3,
               (t3 - t2) * 1e3);
    }
    printf("slowest first page: %.2f ms CPU (%s), %.2f ms wall; slowest "
           "count to 10,000: %.2f ms CPU (goal: pages under 50 ms)\n",
           worst_page, worst, worst_wall, worst_count);
    kh_store_close(s);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "ingest") == 0)
        return bench_ingest(argv[2], atol(argv[3]));
    if (argc >= 4 && strcmp(argv[1], "alone") == 0)
        return bench_alone(argv[2], atol(argv[3]));
    if (argc >= 3 && strcmp(argv[1], "events") == 0)
        return bench_events(argv[2], argc > 3 ? atol(argv[3]) : 1000000);
    fprintf(stderr, "usage: bench_store ingest CORPUS.jsonl N\n"
                    "       bench_store alone CORPUS.jsonl N\n"
                    "       bench_store events STORE.db [EVENTS]\n");
    return 2;
}
