/*
 * test_store.c - the store: files it refuses, idempotent ingest, near
 * duplicates, aggregation, every annotation kept, queries, search, the
 * export formats and the schema's migrations.
 */
#include "testutil.h"

#include "core/arena.h"
#include "core/doc.h"
#include "read/json.h"
#include "store/store.h"

#include <dirent.h>
#include <sqlite3.h>
#include <unistd.h>

static char dir[] = "/tmp/khaldun-store-XXXXXX";
static kh_pipeline *pipe_;

static const char *at(const char *name)
{
    static char paths[8][1100];
    static int k;
    char *p = paths[k++ % 8];
    snprintf(p, 1100, "%s/%s", dir, name);
    return p;
}

static void rm(const char *name)
{
    char p[1200];
    snprintf(p, sizeof p, "%s", at(name));
    unlink(p);
    strcat(p, "-wal");
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", at(name));
    unlink(p);
}

static kh_store *fresh(const char *name)
{
    rm(name);
    kh_error err;
    kh_store *s = kh_store_open(at(name), KH_STORE_CREATE, &err);
    if (!s)
        print_message("open: %s\n", err.message);
    assert_non_null(s);
    return s;
}

static kh_doc *article(const char *id, const char *url, const char *source,
                       const char *date, const char *text)
{
    kh_meta m = {0};
    m.id = id, m.url = url, m.source = source, m.date = date;
    kh_error err;
    kh_doc *d = kh_doc_new(text, strlen(text), &m, &err);
    assert_non_null(d);
    return d;
}

/* Ingests and returns the status; the document is freed. */
static int ingest(kh_store *s, kh_doc *d, kh_ingest_result *res)
{
    kh_ingest_result tmp;
    kh_error err = {0};
    if (!res)
        res = &tmp;
    int rc = kh_store_ingest(s, pipe_, d, res, &err);
    if (rc != KH_OK)
        print_message("ingest: %s\n", err.message);
    assert_int_equal(rc, KH_OK);
    kh_doc_free(d);
    return res->status;
}

static kh_store_stats stats(kh_store *s)
{
    kh_store_stats st;
    kh_error err;
    assert_int_equal(kh_store_stats_get(s, &st, &err), KH_OK);
    return st;
}

/* ---- files the store refuses ------------------------------------------- */

static int exists(const char *path)
{
    return access(path, F_OK) == 0;
}

/* Opening name must fail with code, and leave the file's bytes alone
 * and nothing beside it. */
static void refused(const char *name, unsigned flags, int code,
                    const char *words)
{
    size_t n0, n1;
    char *before = tu_read_file(at(name), &n0);
    kh_error err = {0};
    kh_store *s = kh_store_open(at(name), flags, &err);
    if (s)
        kh_store_close(s);
    assert_null(s);
    assert_int_equal(err.code, code);
    if (!strstr(err.message, words))
        print_message("message: %s\n", err.message);
    assert_non_null(strstr(err.message, words));
    assert_string_equal(err.file, at(name));
    char *after = tu_read_file(at(name), &n1);
    assert_int_equal(n0, n1);
    assert_memory_equal(before, after, n0);
    char side[1200];
    snprintf(side, sizeof side, "%s-wal", at(name));
    assert_false(exists(side));
    snprintf(side, sizeof side, "%s-shm", at(name));
    assert_false(exists(side));
    free(before);
    free(after);
}

static void test_not_ours(void **state)
{
    (void)state;
    const char text[] = "This is not a database at all, just some text "
                        "that somebody named khaldun.db by mistake.\n";
    tu_write_file(at("text.db"), text, sizeof text - 1);
    refused("text.db", KH_STORE_CREATE, KH_ENOTSTORE, "not a SQLite");
    refused("text.db", KH_STORE_READONLY, KH_ENOTSTORE, "not a SQLite");
    tu_write_file(at("short.db"), "SQLite", 6);
    refused("short.db", 0, KH_ENOTSTORE, "not a SQLite");

    /* Another program's database: tables, no application id. */
    rm("other.db");
    sqlite3 *db;
    assert_int_equal(sqlite3_open(at("other.db"), &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t "
                                  "VALUES(1)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    refused("other.db", KH_STORE_CREATE, KH_ENOTSTORE, "another program");

    /* Another program's database with its own application id. */
    rm("app.db");
    assert_int_equal(sqlite3_open(at("app.db"), &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA application_id = 1234; "
                                  "CREATE TABLE t(x)", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    refused("app.db", 0, KH_ENOTSTORE, "application id");

    /* A directory. */
    mkdir(at("adir.db"), 0700);
    kh_error err;
    assert_null(kh_store_open(at("adir.db"), KH_STORE_CREATE, &err));
    assert_int_equal(err.code, KH_ENOTSTORE);
    rmdir(at("adir.db"));

    /* A missing file is created only when asked to. */
    rm("missing.db");
    assert_null(kh_store_open(at("missing.db"), 0, &err));
    assert_int_equal(err.code, KH_EIO);
    assert_false(exists(at("missing.db")));
    assert_null(kh_store_open(at("missing.db"), KH_STORE_READONLY, &err));
    assert_false(exists(at("missing.db")));
}

/* A store with a few articles, closed. */
static void make_store(const char *name)
{
    kh_store *s = fresh(name);
    char text[256];
    for (int i = 0; i < 30; i++) {
        char id[32];
        snprintf(id, sizeof id, "a%d", i);
        snprintf(text, sizeof text, "The United States condemned Iran on "
                 "Monday, number %d of many.", i);
        ingest(s, article(id, NULL, "Wire", "2024-01-06", text), NULL);
    }
    kh_store_close(s);
}

static void test_newer_and_damaged(void **state)
{
    (void)state;
    make_store("newer.db");
    sqlite3 *db;
    assert_int_equal(sqlite3_open(at("newer.db"), &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL,
                                  NULL), SQLITE_OK);
    sqlite3_close(db);
    refused("newer.db", 0, KH_ENEWER, "newer Khaldun");
    refused("newer.db", KH_STORE_READONLY, KH_ENEWER, "schema version 99");

    /* Cut short: the file is not a whole number of pages. */
    make_store("cut.db");
    size_t n = 0;
    char *bytes = tu_read_file(at("cut.db"), &n);
    assert_true(n > 8192);
    tu_write_file(at("cut.db"), bytes, n - 100);
    refused("cut.db", 0, KH_ECORRUPT, "damaged");
    /* ... or whole pages missing at the end. */
    tu_write_file(at("cut.db"), bytes, n - 4096);
    refused("cut.db", 0, KH_ECORRUPT, "cut short");
    free(bytes);

    /* A header that is not SQLite's (a page size of 1000). */
    make_store("hdr.db");
    bytes = tu_read_file(at("hdr.db"), &n);
    bytes[16] = 0x03, bytes[17] = (char)0xE8;
    tu_write_file(at("hdr.db"), bytes, n);
    refused("hdr.db", 0, KH_ECORRUPT, "damaged");
    free(bytes);

    /* Garbage over a page in the middle: found before anything is
     * written (opening for writing checks every page). */
    make_store("mid.db");
    bytes = tu_read_file(at("mid.db"), &n);
    size_t pages = n / 4096;
    assert_true(pages >= 4);
    for (size_t i = 0; i < 4096; i++)
        bytes[(pages / 2) * 4096 + i] = (char)(i * 7 + 13);
    tu_write_file(at("mid.db"), bytes, n);
    refused("mid.db", 0, KH_ECORRUPT, "damaged");
    free(bytes);
}

static void test_empty_files(void **state)
{
    (void)state;
    /* An empty file becomes a store when written to, not when read. */
    tu_write_file(at("empty.db"), "", 0);
    refused("empty.db", KH_STORE_READONLY, KH_ENOTSTORE, "empty");
    kh_error err;
    kh_store *s = kh_store_open(at("empty.db"), 0, &err);
    assert_non_null(s);
    assert_int_equal(stats(s).schema, kh_store_schema_version());
    kh_store_close(s);
    /* An empty SQLite database likewise (a creation cut short). */
    rm("blank.db");
    sqlite3 *db;
    assert_int_equal(sqlite3_open(at("blank.db"), &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode = WAL; VACUUM",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    s = kh_store_open(at("blank.db"), 0, &err);
    assert_non_null(s);
    kh_store_close(s);
    s = kh_store_open(at("blank.db"), KH_STORE_READONLY, &err);
    assert_non_null(s);
    kh_store_close(s);
}

/* ---- migrations ----------------------------------------------------------- */

static int64_t one_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0)
                                               : -1;
    sqlite3_finalize(st);
    return v;
}

static void test_migrations(void **state)
{
    (void)state;
    rm("mig.db");
    sqlite3 *db;
    assert_int_equal(sqlite3_open(at("mig.db"), &db), SQLITE_OK);
    const kh_migration m[] = {
        {1, "CREATE TABLE a(x); INSERT INTO a VALUES(1);"},
        {2, "ALTER TABLE a ADD COLUMN y DEFAULT 7; CREATE TABLE b(z);"},
        {3, "CREATE TABLE c(w); INSERT INTO nowhere VALUES(1);"},
    };
    kh_error err;
    assert_int_equal(kh_schema_migrate(db, m, 1, 0, "mig.db", &err), KH_OK);
    assert_int_equal(one_int(db, "PRAGMA user_version"), 1);
    assert_int_equal(one_int(db, "PRAGMA application_id"), KH_STORE_APP_ID);
    /* 1 -> 2 keeps the data and adds what 2 adds */
    assert_int_equal(kh_schema_migrate(db, m, 2, 1, "mig.db", &err), KH_OK);
    assert_int_equal(one_int(db, "PRAGMA user_version"), 2);
    assert_int_equal(one_int(db, "SELECT x + y FROM a"), 8);
    /* a failing migration changes nothing */
    assert_int_equal(kh_schema_migrate(db, m, 3, 2, "mig.db", &err), KH_EDB);
    assert_non_null(strstr(err.message, "schema 3"));
    assert_int_equal(one_int(db, "PRAGMA user_version"), 2);
    assert_int_equal(one_int(db, "SELECT count(*) FROM sqlite_master "
                                 "WHERE name = 'c'"), 0);
    /* running again is a no-op; a store newer than the list is refused */
    assert_int_equal(kh_schema_migrate(db, m, 2, 1, "mig.db", &err), KH_OK);
    assert_int_equal(kh_schema_migrate(db, m, 1, 0, "mig.db", &err),
                     KH_ENEWER);
    sqlite3_close(db);

    /* The real list builds every table the store checks for. */
    kh_store *s = fresh("real.db");
    for (const char *const *t = kh_store_tables; *t; t++) {
        sqlite3_stmt *st;
        sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master WHERE "
                           "name = ?", -1, &st, NULL);
        sqlite3_bind_text(st, 1, *t, -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), 1);
        sqlite3_finalize(st);
    }
    kh_store_close(s);
}

/* ---- ingest ------------------------------------------------------------- */

static const char para[] =
    "The United States condemned Iran on Monday over the attack on a "
    "tanker in the Gulf of Oman, officials in Washington said. The "
    "statement followed a meeting of the National Security Council, which "
    "discussed sanctions, naval patrols and the safety of shipping lanes. "
    "Iranian officials rejected the charge and called it baseless.\n";

static void test_idempotent(void **state)
{
    (void)state;
    kh_store *s = fresh("idem.db");
    kh_ingest_result r;
    assert_int_equal(ingest(s, article("x1", "https://a.example/1", "AFP",
                                       "2024-01-08", para), &r),
                     KH_INGEST_ADDED);
    int64_t key = r.article;
    assert_true(r.events >= 1);
    kh_store_stats a = stats(s);
    /* the same id, URL or text: nothing is added */
    assert_int_equal(ingest(s, article("x1", NULL, NULL, NULL, "Other."), &r),
                     KH_INGEST_SAME_ID);
    assert_int_equal(r.article, key);
    assert_int_equal(ingest(s, article("x2", "https://a.example/1", NULL,
                                       NULL, "Other words here."), &r),
                     KH_INGEST_SAME_URL);
    assert_int_equal(ingest(s, article("x3", NULL, NULL, NULL, para), &r),
                     KH_INGEST_SAME_TEXT);
    /* wrapped differently, it is the same text */
    char wrapped[sizeof para + 64];
    snprintf(wrapped, sizeof wrapped, "  %s", para);
    for (char *p = wrapped; *p; p++)
        if (*p == ' ' && p[1] == 'o' && p[2] == 'f')
            *p = '\n';
    assert_int_equal(ingest(s, article("x4", NULL, NULL, NULL, wrapped), &r),
                     KH_INGEST_SAME_TEXT);
    assert_int_equal(r.article, key);
    kh_store_stats b = stats(s);
    assert_int_equal(a.articles, b.articles);
    assert_int_equal(a.events, b.events);
    assert_int_equal(a.mentions, b.mentions);
    assert_int_equal(a.sentences, b.sentences);
    /* The duplicate was neither coded nor kept. */
    kh_doc *d = article("x1", NULL, NULL, NULL, para);
    kh_error err;
    assert_int_equal(kh_store_ingest(s, pipe_, d, &r, &err), KH_OK);
    assert_int_equal(kh_doc_sentence_count(d), 0);
    kh_doc_free(d);
    /* Read-only stores take nothing. */
    kh_store_close(s);
    s = kh_store_open(at("idem.db"), KH_STORE_READONLY, &err);
    assert_non_null(s);
    d = article("new", NULL, NULL, NULL, "Iraq and Syria signed a deal.");
    assert_int_equal(kh_store_ingest(s, pipe_, d, &r, &err), KH_EUSAGE);
    kh_doc_free(d);
    kh_store_close(s);
}

static void test_near_duplicates(void **state)
{
    (void)state;
    kh_store *s = fresh("near.db");
    kh_ingest_result r;
    assert_int_equal(ingest(s, article("orig", NULL, "AFP", "2024-01-08",
                                       para), &r), KH_INGEST_ADDED);
    int64_t first = r.article;
    /* A syndicated copy: a byline added, a word changed. */
    char copy[1024];
    snprintf(copy, sizeof copy, "By our correspondent. %s", para);
    char *w = strstr(copy, "baseless");
    memcpy(w, "unfounded", 9);
    w[9] = '.';
    w[10] = '\n';
    w[11] = '\0';
    assert_int_equal(ingest(s, article("copy1", NULL, "Gulf Daily",
                                       "2024-01-08", copy), &r),
                     KH_INGEST_NEAR_DUPLICATE);
    assert_int_equal(r.first_copy, first);
    int64_t copy_key = r.article;
    /* A copy of the copy links to the first one too. */
    char copy2[1100];
    snprintf(copy2, sizeof copy2, "%s(Reuters contributed.)\n", copy);
    assert_int_equal(ingest(s, article("copy2", NULL, "Reuters",
                                       "2024-01-08", copy2), &r),
                     KH_INGEST_NEAR_DUPLICATE);
    assert_int_equal(r.first_copy, first);
    /* A different article on the same subject is not a copy. */
    const char other[] =
        "Iran summoned the Swiss envoy on Tuesday after the United States "
        "accused it of attacking a tanker. The foreign ministry in Tehran "
        "said the charge was part of a campaign of pressure, and that "
        "Iranian forces had helped the crew of the damaged ship.\n";
    assert_int_equal(ingest(s, article("other", NULL, "IRNA", "2024-01-09",
                                       other), &r), KH_INGEST_ADDED);
    assert_int_equal(stats(s).near_duplicates, 2);
    assert_int_equal(stats(s).articles, 4);
    /* search shows first copies unless asked */
    char *js = kh_store_article_json(s, copy_key, NULL, NULL);
    assert_non_null(strstr(js, "\"first_copy\":1"));
    free(js);
    kh_store_close(s);
}

/* MinHash: near texts are similar, others are not. */
static void test_minhash(void **state)
{
    (void)state;
    uint32_t a[KH_MINHASH], b[KH_MINHASH], c[KH_MINHASH], d[KH_MINHASH];
    assert_true(kh_minhash(para, strlen(para), a) >= KH_NEAR_MIN_SHINGLES);
    char edited[sizeof para];
    memcpy(edited, para, sizeof para);
    memcpy(strstr(edited, "Monday"), "Friday", 6);
    kh_minhash(edited, strlen(edited), b);
    assert_true(kh_minhash_similarity(a, b) >= KH_NEAR_SIMILARITY);
    assert_true(kh_minhash_similarity(a, b) < 1);
    const char other[] = "Heavy rain flooded the streets of Basra on Sunday "
                         "and the provincial council closed schools until "
                         "the water pumps could be repaired by engineers "
                         "from the ministry in Baghdad.";
    kh_minhash(other, strlen(other), c);
    assert_true(kh_minhash_similarity(a, c) < 0.2);
    /* case and punctuation do not count */
    const char upper[] = "THE UNITED STATES, CONDEMNED IRAN!";
    const char lower[] = "the united states condemned iran";
    kh_minhash(upper, strlen(upper), c);
    kh_minhash(lower, strlen(lower), d);
    assert_memory_equal(c, d, sizeof c);
    /* bands: equal signatures, equal keys; one value apart, one band */
    int64_t ka[KH_BANDS], kb[KH_BANDS];
    kh_minhash_bands(a, ka);
    memcpy(b, a, sizeof a);
    b[5] ^= 1;
    kh_minhash_bands(b, kb);
    int same = 0;
    for (int i = 0; i < KH_BANDS; i++)
        same += ka[i] == kb[i], assert_true(ka[i] >= 0);
    assert_int_equal(same, KH_BANDS - 1);
    assert_true(kh_text_hash("a  b\n c", 7) == kh_text_hash(" a b c ", 7));
    assert_true(kh_text_hash("a b c", 5) != kh_text_hash("a bc", 4));
}

typedef struct {
    kh_store_event ev[16];
    char strings[16][8][64];
    int n;
} events;

static int collect(void *p, const kh_store_event *ev)
{
    events *e = p;
    if (e->n == 16)
        return 1;
    e->ev[e->n] = *ev;
    /* keep the strings the test looks at */
    const char *src[] = {ev->source, ev->target, ev->cameo, ev->date,
                         ev->source_name, ev->place, ev->article_id,
                         ev->plover};
    const char **dst[] = {&e->ev[e->n].source, &e->ev[e->n].target,
                          &e->ev[e->n].cameo, &e->ev[e->n].date,
                          &e->ev[e->n].source_name, &e->ev[e->n].place,
                          &e->ev[e->n].article_id, &e->ev[e->n].plover};
    for (int i = 0; i < 8; i++) {
        snprintf(e->strings[e->n][i], 64, "%s", src[i] ? src[i] : "");
        *dst[i] = src[i] ? e->strings[e->n][i] : NULL;
    }
    e->n++;
    return 0;
}

/* Fills *e (whose strings point into itself: not to be copied). */
static void query(kh_store *s, const kh_event_filter *f, events *e)
{
    memset(e, 0, sizeof *e);
    kh_error err;
    int rc = kh_store_events(s, f, collect, e, &err);
    if (rc != KH_OK)
        print_message("query: %s\n", err.message);
    assert_int_equal(rc, KH_OK);
}

static void test_aggregation(void **state)
{
    (void)state;
    kh_store *s = fresh("agg.db");
    const char *t1 = "The United States condemned Iran on Monday.";
    const char *t2 = "Officials said the United States condemned Iran on "
                     "Monday, in a statement.";
    const char *t3 = "Later the United States condemned Iran again. "
                     "The United States also condemned Iran.";
    kh_ingest_result r;
    ingest(s, article("a", "https://www.one.example/a", NULL, "2024-01-08",
                      t1), &r);
    assert_int_equal(r.new_events, 1);
    ingest(s, article("b", "https://two.example/b", NULL, "2024-01-08", t2),
           &r);
    assert_int_equal(r.events, 1);
    assert_int_equal(r.new_events, 0);
    /* the same publisher again, reporting it twice */
    ingest(s, article("c", "https://one.example/c", NULL, "2024-01-08", t3),
           &r);
    assert_int_equal(r.events, 2);
    /* another day: another event */
    assert_int_equal(ingest(s, article("d", NULL, "AFP", "2024-01-09",
                                       "The United States condemned Iran, "
                                       "officials said."), &r),
                     KH_INGEST_ADDED);
    assert_int_equal(r.new_events, 1);
    kh_event_filter f = {0};
    f.order = KH_ORDER_ID;
    events e;
    query(s, &f, &e);
    assert_int_equal(e.n, 2);
    kh_store_event *ev = &e.ev[0];
    assert_string_equal(ev->source, "USA");
    assert_string_equal(ev->target, "IRN");
    assert_string_equal(ev->cameo, "111");
    assert_string_equal(ev->date, "2024-01-08");
    assert_int_equal(ev->mentions, 4);
    assert_int_equal(ev->articles, 3);
    assert_int_equal(ev->sources, 2);    /* one.example, two.example */
    assert_int_equal(ev->quad, 3);
    assert_string_equal(ev->article_id, "a");
    assert_string_equal(ev->source_name, "United States");
    assert_true(ev->is_root);
    assert_string_equal(e.ev[1].date, "2024-01-09");
    assert_int_equal(e.ev[1].mentions, 1);
    assert_int_equal(e.ev[1].sources, 1);
    kh_store_stats st = stats(s);
    assert_int_equal(st.events, 2);
    assert_int_equal(st.mentions, 5);
    assert_string_equal(st.first_day, "2024-01-08");
    assert_string_equal(st.last_day, "2024-01-09");
    kh_store_close(s);
}

typedef struct {
    int n;
    char sentence[8][256];
    char source_text[8][64];
    char article[8][16];
} mentions;

static int collect_mention(void *p, const kh_store_mention *m)
{
    mentions *x = p;
    if (x->n == 8)
        return 1;
    snprintf(x->sentence[x->n], 256, "%.*s",
             (int)(m->sentence_end - m->sentence_start), m->sentence_text);
    snprintf(x->source_text[x->n], 64, "%s",
             m->source_text ? m->source_text : "");
    snprintf(x->article[x->n], 16, "%s", m->article_id);
    x->n++;
    return 0;
}

static void test_mentions_keep_sentences(void **state)
{
    (void)state;
    kh_store *s = fresh("ment.db");
    const char *t1 = "Rain fell in Basra. Turkish warplanes bombed Kurdish "
                     "rebels in northern Iraq on Sunday.";
    const char *t2 = "Turkish warplanes bombed Kurdish rebels in northern "
                     "Iraq, the ministry said.";
    ingest(s, article("first", NULL, "A", "2024-03-03", t1), NULL);
    ingest(s, article("second", NULL, "B", "2024-03-03", t2), NULL);
    events e;
    query(s, NULL, &e);
    assert_int_equal(e.n, 1);
    assert_int_equal(e.ev[0].mentions, 2);
    assert_false(e.ev[0].is_root ? 0 : 1);   /* the second has it first */
    mentions m = {0};
    kh_error err;
    assert_int_equal(kh_store_mentions(s, e.ev[0].id, 0, collect_mention, &m,
                                       &err), KH_OK);
    assert_int_equal(m.n, 2);
    assert_string_equal(m.article[0], "first");
    assert_string_equal(m.sentence[0], "Turkish warplanes bombed Kurdish "
                                       "rebels in northern Iraq on Sunday.");
    assert_string_equal(m.source_text[0], "Turkish warplanes");
    assert_string_equal(m.article[1], "second");
    assert_string_equal(m.sentence[1], t2);
    /* the limit */
    memset(&m, 0, sizeof m);
    kh_store_mentions(s, e.ev[0].id, 1, collect_mention, &m, &err);
    assert_int_equal(m.n, 1);
    kh_store_close(s);
}

/* Adds places, entities, quotes and dates to a processed document, as
 * their stages will (the structures of core/doc.h). */
static void annotate(kh_doc *d)
{
    kh_arena *a = &d->arena;
    d->nplaces = 2;
    d->places = kh_arena_calloc(a, 2 * sizeof *d->places);
    d->places[0].name = "Baghdad";
    memcpy(d->places[0].country, "IRQ", 4);
    memcpy(d->places[0].admin1, "IQ-BG", 6);
    d->places[0].lat = 33.3406, d->places[0].lon = 44.4009;
    d->places[0].geonameid = 98182;
    d->places[0].kind = KH_PLACE_CITY;
    d->places[1].name = "Syria";
    memcpy(d->places[1].country, "SYR", 4);
    d->places[1].lat = 35, d->places[1].lon = 38;
    d->places[1].kind = KH_PLACE_COUNTRY;
    const char *text = d->text;
    const char *bg = strstr(text, "Baghdad");
    assert_non_null(bg);
    d->nplace_mentions = 1;
    d->place_mentions = kh_arena_calloc(a, sizeof *d->place_mentions);
    d->place_mentions[0].start = (uint32_t)(bg - text);
    d->place_mentions[0].end = (uint32_t)(bg - text + 7);
    d->place_mentions[0].ref = 0;
    const char *min = strstr(text, "Fuad Hussein");
    assert_non_null(min);
    d->nentities = 1;
    d->entities = kh_arena_calloc(a, sizeof *d->entities);
    d->entities[0].name = "Fuad Hussein";
    d->entities[0].title = "Foreign Minister";
    d->entities[0].aliases = kh_arena_calloc(a, 2 * sizeof(char *));
    d->entities[0].aliases[0] = "Hussein";
    d->entities[0].aliases[1] = "the minister";
    d->entities[0].naliases = 2;
    memcpy(d->entities[0].code, "IRQGOV", 7);
    d->entities[0].type = KH_ENT_PERSON;
    d->entities[0].place = 0;
    d->nentity_mentions = 1;
    d->entity_mentions = kh_arena_calloc(a, sizeof *d->entity_mentions);
    d->entity_mentions[0].start = (uint32_t)(min - text);
    d->entity_mentions[0].end = (uint32_t)(min - text + 12);
    const char *q = strstr(text, "We will");
    assert_non_null(q);
    d->nquotes = 1;
    d->quotes = kh_arena_calloc(a, sizeof *d->quotes);
    d->quotes[0].sentence = 1;
    d->quotes[0].start = (uint32_t)(q - text);
    d->quotes[0].end = (uint32_t)(strstr(q, ".") - text);
    d->quotes[0].spk_start = (uint32_t)(min - text);
    d->quotes[0].spk_end = (uint32_t)(min - text + 12);
    d->quotes[0].speaker = 0;
    d->quotes[0].outer = -1;
    assert_true(d->nevents >= 1);
    /* the places above replace the stage's: both events of the first
     * sentence happened "in Baghdad" */
    for (size_t i = 0; i < d->nevents; i++)
        d->events[i].place = d->events[i].sentence == 0 ? 0 : -1;
    d->events[0].quote = 0;
    d->events[0].in_quote = 1;
}

static const char annotated_text[] =
    "Iraq and Syria signed an agreement on water in Baghdad on Sunday. "
    "Foreign Minister Fuad Hussein said: \"We will share the river.\"\n";

/* The article's JSON is `khaldun code`'s, with text, store and event ids
 * added: strip those and the two must be the same bytes. */
static void test_article_roundtrip(void **state)
{
    (void)state;
    kh_store *s = fresh("art.db");
    kh_doc *d = article("ann", "https://x.example/ann", "INA", "2024-02-04",
                        annotated_text);
    kh_error err;
    assert_int_equal(kh_process(pipe_, d, &err), KH_OK);
    annotate(d);
    size_t want_n;
    char *want = kh_doc_to_json(d, &want_n);
    kh_ingest_result r;
    assert_int_equal(kh_store_ingest(s, NULL, d, &r, &err), KH_OK);
    assert_int_equal(r.status, KH_INGEST_ADDED);
    kh_doc_free(d);
    size_t n;
    char *got = kh_store_article_json(s, r.article, &n, &err);
    assert_non_null(got);
    /* strip ,"event":N from each event, then ,"text":... to the end */
    char *text = strstr(got, ",\"text\":\"Iraq and Syria signed an agreement "
                             "on water in Baghdad on Sunday. Foreign");
    assert_non_null(text);
    *text = '\0';
    strcat(got, "}");
    for (char *p; (p = strstr(got, ",\"event\":")) != NULL;) {
        char *e = p + 9;
        while (*e >= '0' && *e <= '9')
            e++;
        memmove(p, e, strlen(e) + 1);
    }
    if (strcmp(got, want) != 0)
        print_message("want %s\ngot  %s\n", want, got);
    assert_string_equal(got, want);
    free(got);
    free(want);
    /* the places, entities and quotes are in their tables */
    kh_store_stats st = stats(s);
    assert_int_equal(st.places, 2);
    assert_int_equal(st.entities, 1);
    assert_int_equal(st.quotes, 1);
    /* and the event has its place */
    kh_event_filter f = {0};
    f.place = "baghdad";
    events e;
    query(s, &f, &e);
    assert_true(e.n >= 1);
    assert_string_equal(e.ev[0].place, "Baghdad");
    assert_int_equal(kh_store_article_key(s, "ann", &r.article, &err), KH_OK);
    assert_int_equal(kh_store_article_key(s, "nope", &r.article, &err),
                     KH_EINPUT);
    assert_null(kh_store_article_json(s, 999, NULL, &err));
    assert_int_equal(err.code, KH_EINPUT);
    kh_store_close(s);
}

static void test_batches(void **state)
{
    (void)state;
    kh_store *s = fresh("batch.db");
    kh_error err;
    assert_int_equal(kh_store_begin(s, &err), KH_OK);
    assert_int_equal(kh_store_begin(s, &err), KH_EUSAGE);
    ingest(s, article("b1", NULL, NULL, "2024-01-01",
                      "The United States condemned Iran."), NULL);
    /* a duplicate inside the same batch is seen */
    assert_int_equal(ingest(s, article("b1", NULL, NULL, NULL, "Other."),
                            NULL), KH_INGEST_SAME_ID);
    kh_store_rollback(s);
    assert_int_equal(stats(s).articles, 0);
    assert_int_equal(stats(s).events, 0);
    assert_int_equal(kh_store_begin(s, &err), KH_OK);
    ingest(s, article("b1", NULL, NULL, "2024-01-01",
                      "The United States condemned Iran."), NULL);
    ingest(s, article("b2", NULL, NULL, "2024-01-01",
                      "Iraq and Syria signed an agreement."), NULL);
    assert_int_equal(kh_store_commit(s, &err), KH_OK);
    assert_int_equal(kh_store_commit(s, &err), KH_EUSAGE);
    kh_store_close(s);
    /* what was committed is there for another connection */
    s = kh_store_open(at("batch.db"), KH_STORE_READONLY, &err);
    assert_int_equal(stats(s).articles, 2);
    assert_int_equal(stats(s).events, 3);
    kh_store_close(s);
}

/* ---- queries ------------------------------------------------------------ */

static kh_store *sample_store(void)
{
    kh_store *s = fresh("q.db");
    struct { const char *id, *src, *date, *text; } a[] = {
        {"q1", "AFP", "2024-01-06", "The United States condemned Iran."},
        {"q2", "Reuters", "2024-02-10",
         "Turkish warplanes bombed Kurdish rebels in northern Iraq."},
        {"q3", "AFP", "2024-03-15",
         "Iraq and Syria signed an agreement on water."},
        {"q4", "INA", "2023-12-31",
         "Jordan's King Abdullah met Iraqi Prime Minister Mohammed Shia "
         "al-Sudani in Amman."},
    };
    for (size_t i = 0; i < 4; i++)
        ingest(s, article(a[i].id, NULL, a[i].src, a[i].date, a[i].text),
               NULL);
    /* and one with places */
    kh_doc *d = article("ann", NULL, "INA", "2024-02-04", annotated_text);
    kh_error err;
    assert_int_equal(kh_process(pipe_, d, &err), KH_OK);
    annotate(d);
    ingest(s, d, NULL);
    return s;
}

static int count(kh_store *s, kh_event_filter f)
{
    int64_t n;
    kh_error err;
    int rc = kh_store_count_events(s, &f, 0, &n, &err);
    int64_t capped;
    assert_int_equal(kh_store_count_events(s, &f, 2, &capped, &err), KH_OK);
    assert_int_equal(capped, n < 2 ? n : 2);
    if (rc != KH_OK)
        print_message("count: %s\n", err.message);
    assert_int_equal(rc, KH_OK);
    events e;
    query(s, &f, &e);
    assert_int_equal(e.n, n);
    return (int)n;
}

static void test_filters(void **state)
{
    (void)state;
    kh_store *s = sample_store();
    kh_event_filter f = {0};
    int all = count(s, f);
    assert_int_equal(all, 7);   /* 1 + 1 + 2 + 1 + 2 (the annotated) */
    f = (kh_event_filter){0}, f.actor = "IRQ";
    assert_int_equal(count(s, f), 6);   /* IRQ, IRQGOV, IRQKRDREB */
    f = (kh_event_filter){0}, f.source = "IRQ";
    assert_int_equal(count(s, f), 2);
    f = (kh_event_filter){0}, f.target = "IRQKRDREB";
    assert_int_equal(count(s, f), 1);
    f = (kh_event_filter){0}, f.actor = "united states";
    assert_int_equal(count(s, f), 1);
    f = (kh_event_filter){0}, f.source = "Turkish";
    assert_int_equal(count(s, f), 1);
    f = (kh_event_filter){0}, f.target = "Turkish";
    assert_int_equal(count(s, f), 0);
    f = (kh_event_filter){0}, f.cameo = "19";
    assert_int_equal(count(s, f), 1);
    f = (kh_event_filter){0}, f.cameo = "05";
    assert_int_equal(count(s, f), 4);
    f = (kh_event_filter){0}, f.cameo = "057";
    assert_int_equal(count(s, f), 4);
    f = (kh_event_filter){0}, f.root = "11";
    assert_int_equal(count(s, f), 1);
    f = (kh_event_filter){0}, f.plover = "assault";
    assert_int_equal(count(s, f), 1);
    f = (kh_event_filter){0}, f.quad = 1;
    assert_int_equal(count(s, f), 5);
    f = (kh_event_filter){0}, f.quad = 4;
    assert_int_equal(count(s, f), 1);
    f = (kh_event_filter){0}, f.country = "syr";
    assert_int_equal(count(s, f), 4);
    f = (kh_event_filter){0}, f.country = "TUR";
    assert_int_equal(count(s, f), 1);
    f = (kh_event_filter){0}, f.place = "BAGHDAD";
    assert_int_equal(count(s, f), 2);   /* the annotated sentence's two */
    f = (kh_event_filter){0}, f.since = "2024-02";
    assert_int_equal(count(s, f), 5);
    f = (kh_event_filter){0}, f.since = "2024-02", f.until = "2024-02";
    assert_int_equal(count(s, f), 3);
    f = (kh_event_filter){0}, f.until = "2023";
    assert_int_equal(count(s, f), 1);
    f = (kh_event_filter){0}, f.quad = 1, f.since = "2024";
    f.country = "IRQ";
    assert_int_equal(count(s, f), 4);
    int64_t key;
    kh_error err;
    assert_int_equal(kh_store_article_key(s, "q3", &key, &err), KH_OK);
    f = (kh_event_filter){0}, f.article = key;
    assert_int_equal(count(s, f), 2);
    /* order, limit and offset */
    f = (kh_event_filter){0};
    events e;
    query(s, &f, &e);
    assert_string_equal(e.ev[0].date, "2024-03-15");
    assert_string_equal(e.ev[e.n - 1].date, "2023-12-31");
    f.order = KH_ORDER_OLDEST, f.limit = 2, f.offset = 1;
    query(s, &f, &e);
    assert_int_equal(e.n, 2);
    assert_string_equal(e.ev[0].date, "2024-01-06");
    f = (kh_event_filter){0}, f.id = e.ev[1].id;
    assert_int_equal(count(s, f), 1);
    /* malformed filters say what to write */
    static const struct { kh_event_filter f; const char *words; } bad[] = {
        {.f = {.cameo = "1a"}, .words = "2 to 4 digits"},
        {.f = {.cameo = "19999"}, .words = "2 to 4 digits"},
        {.f = {.root = "21"}, .words = "01 to 20"},
        {.f = {.quad = 5}, .words = "1 to 4"},
        {.f = {.country = "IRAQ"}, .words = "alpha-3"},
        {.f = {.plover = "AS SAULT"}, .words = "PLOVER"},
        {.f = {.since = "2024-13"}, .words = "not a date"},
        {.f = {.until = "yesterday"}, .words = "not a date"},
        {.f = {.actor = ""}, .words = "empty"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int64_t n;
        assert_int_equal(kh_store_count_events(s, &bad[i].f, 0, &n, &err),
                         KH_EUSAGE);
        assert_non_null(strstr(err.message, bad[i].words));
    }
    /* a name with FTS5's own syntax in it is only words */
    f = (kh_event_filter){0}, f.actor = "\"united\" OR NEAR(x*";
    assert_int_equal(count(s, f), 0);
    kh_store_close(s);
}

typedef struct {
    char keys[32][16];
    char names[32][48];
    char periods[32][16];
    int64_t n[32];
    int count;
} counts;

static int collect_count(void *p, const kh_store_count *c)
{
    counts *x = p;
    if (x->count == 32)
        return 1;
    snprintf(x->keys[x->count], 16, "%s", c->key ? c->key : "");
    snprintf(x->periods[x->count], 16, "%s", c->period ? c->period : "");
    snprintf(x->names[x->count], 48, "%s", c->name ? c->name : "");
    x->n[x->count++] = c->events;
    return 0;
}

static int collect_place(void *p, const kh_store_place *pl)
{
    counts *x = p;
    snprintf(x->keys[x->count], 16, "%s", pl->name);
    x->n[x->count++] = pl->events;
    return 0;
}

static void test_counts(void **state)
{
    (void)state;
    kh_store *s = sample_store();
    kh_error err;
    counts c = {0};
    assert_int_equal(kh_store_timeline(s, NULL, KH_GROUP_QUAD,
                                       KH_PERIOD_MONTH, collect_count, &c,
                                       &err), KH_OK);
    /* 2023-12 q1; 2024-01 q3; 2024-02 q1 (2: annotated), q4; 2024-03 q1 */
    assert_int_equal(c.count, 5);
    assert_string_equal(c.periods[0], "2023-12");
    assert_string_equal(c.periods[2], "2024-02");
    assert_string_equal(c.keys[2], "1");
    assert_int_equal(c.n[2], 2);
    assert_string_equal(c.keys[3], "4");
    memset(&c, 0, sizeof c);
    kh_event_filter f = {0};
    f.quad = 1;
    kh_store_timeline(s, &f, KH_GROUP_ROOT, KH_PERIOD_YEAR, collect_count,
                      &c, &err);
    assert_int_equal(c.count, 2);   /* 2023: 04 (q4); 2024: 05 */
    assert_string_equal(c.periods[0], "2023");
    assert_string_equal(c.keys[0], "04");
    assert_string_equal(c.periods[1], "2024");
    assert_string_equal(c.keys[1], "05");
    assert_int_equal(c.n[1], 4);
    memset(&c, 0, sizeof c);
    assert_int_equal(kh_store_top_actors(s, NULL, 3, collect_count, &c,
                                         &err), KH_OK);
    assert_int_equal(c.count, 3);
    assert_string_equal(c.keys[0], "IRQ");
    assert_int_equal(c.n[0], 4);
    assert_string_equal(c.keys[1], "SYR");
    assert_string_equal(c.names[0], "Iraq");   /* as the articles wrote */
    assert_string_equal(c.names[1], "Syria");
    memset(&c, 0, sizeof c);
    assert_int_equal(kh_store_places(s, NULL, 10, collect_place, &c, &err),
                     KH_OK);
    assert_int_equal(c.count, 3);   /* Baghdad 2; Iraq (q2), Amman (q4) */
    assert_string_equal(c.keys[0], "Baghdad");
    assert_int_equal(c.n[0], 2);
    /* by date only: from the counts by day */
    memset(&c, 0, sizeof c);
    f = (kh_event_filter){0};
    f.since = f.until = "2024-02";
    assert_int_equal(kh_store_top_actors(s, &f, 10, collect_count, &c,
                                         &err), KH_OK);
    assert_int_equal(c.count, 4);   /* IRQ 2, SYR 2, IRQKRDREB, TURMIL */
    assert_string_equal(c.keys[0], "IRQ");
    assert_int_equal(c.n[0], 2);
    assert_string_equal(c.keys[3], "TURMIL");
    memset(&c, 0, sizeof c);
    kh_store_timeline(s, &f, KH_GROUP_ROOT, KH_PERIOD_DAY, collect_count, &c,
                      &err);
    assert_int_equal(c.count, 2);   /* 02-04 root 05 (2), 02-10 root 19 */
    assert_string_equal(c.periods[0], "2024-02-04");
    assert_int_equal(c.n[0], 2);
    assert_string_equal(c.keys[1], "19");
    memset(&c, 0, sizeof c);
    f.since = f.until = "2024-03";
    kh_store_places(s, &f, 10, collect_place, &c, &err);
    assert_int_equal(c.count, 0);
    assert_int_equal(kh_store_timeline(s, NULL, 9, 1, collect_count, &c,
                                       &err), KH_EUSAGE);
    kh_store_close(s);
}

/* ---- plans ------------------------------------------------------------------ */

/* A store of 20,000 events made with SQL, whose shares are set so that
 * each plan of query.c runs: a page must be the same whichever does. */
static kh_store *plan_store(void)
{
    kh_store *s = fresh("plans.db");
    sqlite3 *db = s->db;
    assert_int_equal(sqlite3_exec(db,
        "BEGIN;"
        "INSERT INTO names(id, name) VALUES(1, 'Prime Minister'),"
        " (2, 'the army'), (3, 'Rare Envoy');"
        "INSERT INTO names_fts(rowid, name) VALUES(1, 'Prime Minister'),"
        " (2, 'the army'), (3, 'Rare Envoy');", NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_stmt *ar, *ev, *me;
    sqlite3_prepare_v2(db, "INSERT INTO articles(id, ext_id, text_hash, day,"
                       " text, body_start, body_end, ingested)"
                       " VALUES(?, ?, ?, 20240101, 'x', 0, 1, 0)", -1, &ar,
                       NULL);
    for (int i = 1; i <= 200; i++) {
        char id[16];
        snprintf(id, sizeof id, "p%d", i);
        sqlite3_bind_int(ar, 1, i);
        sqlite3_bind_text(ar, 2, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ar, 3, i);
        assert_int_equal(sqlite3_step(ar), SQLITE_DONE);
        sqlite3_reset(ar);
    }
    sqlite3_finalize(ar);
    sqlite3_prepare_v2(db, "INSERT INTO events(id, day, source, target, code,"
                       " place, root, quad, goldstein, plover, source_country,"
                       " target_country, country, num_mentions, num_sources,"
                       " num_articles, is_root, article, added) VALUES(?, ?,"
                       " ?, ?, ?, 0, ?, ?, 0, '', '', '', '', 1, 1, 1, 0, ?,"
                       " 0)", -1, &ev, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO mentions(event, article, idx,"
                       " sentence, start, end, verb_start, verb_end,"
                       " source_start, source_end, target_start, target_end,"
                       " source_name, in_quote) VALUES(?, ?, ?, 0, 0, 1, 0,"
                       " 1, 0, 1, 0, 1, ?, 0)", -1, &me, NULL);
    uint64_t r = 88172645463325252ull;
    int idx[201] = {0};
    for (int i = 1; i <= 20000; i++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        int doy = (int)(r % 366), m = 1;
        static const int len[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
                                  30, 31};
        while (doy >= len[m - 1])
            doy -= len[m - 1], m++;
        int day = 20240000 + m * 100 + doy + 1;
        int a = (int)(r >> 20) % 1000, b = (int)(r >> 40) % 1000;
        const char *src = a < 500 ? "AAAGOV" : a < 585 ? "BBB"
                          : a < 595 ? "CCC" : "DDD";
        char tgt[16];
        snprintf(tgt, sizeof tgt, "T%05d", i);
        int conflict = b < 85;
        int c = (int)((r >> 24) % 200);
        int name = c < 17 ? 1 : c == 199 ? 3 : 2;
        int art = 1 + i % 200;
        sqlite3_bind_int(ev, 1, i);
        sqlite3_bind_int(ev, 2, day);
        sqlite3_bind_text(ev, 3, src, -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 4, tgt, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ev, 5, conflict ? "190" : "010", -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 6, conflict ? "19" : "01", -1, SQLITE_STATIC);
        sqlite3_bind_int(ev, 7, conflict ? 4 : 1);
        sqlite3_bind_int(ev, 8, art);
        assert_int_equal(sqlite3_step(ev), SQLITE_DONE);
        sqlite3_reset(ev);
        sqlite3_bind_int(me, 1, i);
        sqlite3_bind_int(me, 2, art);
        sqlite3_bind_int(me, 3, idx[art]++);
        sqlite3_bind_int(me, 4, name);
        assert_int_equal(sqlite3_step(me), SQLITE_DONE);
        sqlite3_reset(me);
    }
    sqlite3_finalize(ev);
    sqlite3_finalize(me);
    assert_int_equal(sqlite3_exec(db, "COMMIT; ANALYZE", NULL, NULL, NULL),
                     SQLITE_OK);
    return s;
}

typedef struct {
    int64_t ids[600];
    int n;
} idlist;

static int collect_id(void *p, const kh_store_event *ev)
{
    idlist *l = p;
    if (l->n < 600)
        l->ids[l->n++] = ev->id;
    return 0;
}

static void test_plans(void **state)
{
    (void)state;
    kh_store *s = plan_store();
    static const struct {
        kh_event_filter f;
        const char *where;   /* the same filter, in plain SQL */
        char plan;           /* the plan query.c should choose */
    } cases[] = {
        {{.source = "AAA", .limit = 100}, "source >= 'AAA' AND source < 'AAB'",
         'S'},
        {{.source = "AAA", .limit = 50, .offset = 120},
         "source >= 'AAA' AND source < 'AAB'", 'S'},
        {{.quad = 4, .limit = 100}, "quad = 4", 'F'},
        {{.quad = 4, .limit = 10, .offset = 95}, "quad = 4", 'F'},
        {{.quad = 4, .limit = 100, .order = KH_ORDER_OLDEST}, "quad = 4",
         'F'},
        {{.cameo = "19", .limit = 100, .since = "2024-03",
          .until = "2024-08"}, "code >= '19' AND code < '1:' AND day"
         " BETWEEN 20240301 AND 20240831", 'F'},
        {{.actor = "prime minister", .limit = 100},
         "id IN (SELECT event FROM mentions WHERE source_name = 1)", 'F'},
        {{.source = "CCC", .limit = 100}, "source >= 'CCC' AND source < 'CCD'",
         'L'},
        {{.source = "CCC", .limit = 30, .offset = 40,
          .order = KH_ORDER_OLDEST}, "source >= 'CCC' AND source < 'CCD'",
         'L'},
        {{.actor = "rare envoy", .limit = 100},
         "id IN (SELECT event FROM mentions WHERE source_name = 3)", 'L'},
        {{.actor = "rare envoy", .quad = 4, .limit = 100},
         "quad = 4 AND id IN (SELECT event FROM mentions WHERE"
         " source_name = 3)", 'L'},
        {{.limit = 100, .since = "2024-02-29", .until = "2024-02-29"},
         "day = 20240229", 'S'},
        {{.limit = 100}, "1", 'A'},
        {{.source = "CCC"}, "source >= 'CCC' AND source < 'CCD'", 'P'},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const kh_event_filter *f = &cases[i].f;
        idlist got = {0}, want = {0};
        kh_error err;
        assert_int_equal(kh_store_events(s, f, collect_id, &got, &err),
                         KH_OK);
        char sql[512];
        int old = f->order == KH_ORDER_OLDEST;
        snprintf(sql, sizeof sql, "SELECT id FROM events WHERE %s ORDER BY"
                 " day %s, id %s LIMIT %d OFFSET %d", cases[i].where,
                 old ? "" : "DESC", old ? "" : "DESC",
                 f->limit ? (int)f->limit : -1, (int)f->offset);
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL),
                         SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW && want.n < 600)
            want.ids[want.n++] = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        if (got.n != want.n || s->plan != cases[i].plan || !want.n)
            print_message("case %zu (%s): %d rows by plan %c, want %d by "
                          "%c\n", i, cases[i].where, got.n, s->plan, want.n,
                          cases[i].plan);
        assert_true(want.n > 0);
        assert_int_equal(got.n, want.n);
        assert_memory_equal(got.ids, want.ids, sizeof(int64_t) * (size_t)got.n);
        assert_int_equal(s->plan, cases[i].plan);
        /* and the counts, whole and capped */
        snprintf(sql, sizeof sql, "SELECT count(*) FROM events WHERE %s",
                 cases[i].where);
        int64_t all = one_int(s->db, sql), n;
        assert_int_equal(kh_store_count_events(s, f, 0, &n, &err), KH_OK);
        assert_int_equal(n, all);
        assert_int_equal(kh_store_count_events(s, f, 50, &n, &err), KH_OK);
        assert_int_equal(n, all < 50 ? all : 50);
        /* keyset paging: each next page starts after the last event of
         * the one before, and is the page an offset gives */
        if (!f->limit)
            continue;
        kh_event_filter g = *f;
        int64_t first = f->offset;
        for (int page = 1; page <= 3 && got.n == (int)f->limit; page++) {
            int64_t last = got.ids[got.n - 1];
            snprintf(sql, sizeof sql, "SELECT day FROM events WHERE id = "
                     "%lld", (long long)last);
            g.after_day = (int32_t)one_int(s->db, sql);
            g.after_id = last;
            g.offset = 0;
            memset(&got, 0, sizeof got);
            memset(&want, 0, sizeof want);
            assert_int_equal(kh_store_events(s, &g, collect_id, &got, &err),
                             KH_OK);
            snprintf(sql, sizeof sql, "SELECT id FROM events WHERE %s ORDER"
                     " BY day %s, id %s LIMIT %d OFFSET %lld",
                     cases[i].where, old ? "" : "DESC", old ? "" : "DESC",
                     (int)f->limit, (long long)(first + page * f->limit));
            assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL),
                             SQLITE_OK);
            while (sqlite3_step(st) == SQLITE_ROW && want.n < 600)
                want.ids[want.n++] = sqlite3_column_int64(st, 0);
            sqlite3_finalize(st);
            assert_int_equal(got.n, want.n);
            assert_memory_equal(got.ids, want.ids,
                                sizeof(int64_t) * (size_t)got.n);
            /* counts ignore the cursor */
            assert_int_equal(kh_store_count_events(s, &g, 0, &n, &err),
                             KH_OK);
            assert_int_equal(n, all);
        }
    }
    /* by id, and through every page of a filter to its end */
    kh_event_filter g = {.source = "CCC", .limit = 7,
                         .order = KH_ORDER_ID};
    int64_t seen = 0, prev = 0;
    for (;;) {
        idlist got = {0};
        kh_error err;
        assert_int_equal(kh_store_events(s, &g, collect_id, &got, &err),
                         KH_OK);
        for (int k = 0; k < got.n; k++) {
            assert_true(got.ids[k] > prev);
            prev = got.ids[k];
        }
        seen += got.n;
        if (got.n < (int)g.limit)
            break;
        g.after_id = prev;
    }
    assert_int_equal(seen, one_int(s->db, "SELECT count(*) FROM events"
                                          " WHERE source >= 'CCC' AND"
                                          " source < 'CCD'"));
    /* no cursor by mentions */
    g = (kh_event_filter){.limit = 5, .order = KH_ORDER_MENTIONS,
                          .after_id = 3, .after_day = 20240101};
    idlist none = {0};
    kh_error err;
    assert_int_equal(kh_store_events(s, &g, collect_id, &none, &err),
                     KH_EUSAGE);
    kh_store_close(s);
}

typedef struct {
    int64_t events, mentions, capped;
    int rows;
    char first[16];
    int64_t first_events;
} agg_sum;

static int sum_count(void *p, const kh_store_count *c)
{
    agg_sum *a = p;
    if (!a->rows) {
        snprintf(a->first, sizeof a->first, "%s", c->key ? c->key : "");
        a->first_events = c->events;
    }
    a->events += c->events;
    a->mentions += c->mentions;
    a->capped = c->capped;
    a->rows++;
    return 0;
}

static int sum_place(void *p, const kh_store_place *pl)
{
    agg_sum *a = p;
    a->events += pl->events;
    a->capped = pl->capped;
    a->rows++;
    return 0;
}

/* A top actor's name: the one written most often for its code, as
 * source or as target (a code only ever a target has one too). */
static void test_actor_names(void **state)
{
    (void)state;
    kh_store *s = fresh("names.db");
    assert_int_equal(sqlite3_exec(s->db,
        "INSERT INTO articles(id, ext_id, text_hash, day, text, body_start,"
        " body_end, ingested) VALUES(1, 'a1', 1, 20240101, 'x', 0, 1, 0);"
        "INSERT INTO events(id, day, source, target, code, place, root, quad,"
        " goldstein, plover, source_country, target_country, country,"
        " source_name, target_name, num_mentions, num_sources, num_articles,"
        " is_root, article, added) VALUES"
        " (1, 20240101, 'XXX', 'YYY', '010', 0, '01', 1, 0, '', '', '', '',"
        "  'Ex', 'Why', 1, 1, 1, 0, 1, 0),"
        " (2, 20240102, 'XXX', 'YYY', '011', 0, '01', 1, 0, '', '', '', '',"
        "  'Ecks', 'the Why', 1, 1, 1, 0, 1, 0),"
        " (3, 20240103, 'XXX', 'YYY', '012', 0, '01', 1, 0, '', '', '', '',"
        "  'Ex', 'Why', 1, 1, 1, 0, 1, 0),"
        " (4, 20240104, 'ZZZ', 'XXX', '013', 0, '01', 1, 0, '', '', '', '',"
        "  NULL, 'Ecks', 1, 1, 1, 0, 1, 0),"
        " (5, 20240105, 'ZZZ', 'XXX', '014', 0, '01', 1, 0, '', '', '', '',"
        "  NULL, 'Ecks', 1, 1, 1, 0, 1, 0);",
        NULL, NULL, NULL), SQLITE_OK);
    counts c = {0};
    kh_error err;
    kh_event_filter f = {.quad = 1};   /* read from the events */
    assert_int_equal(kh_store_top_actors(s, &f, 5, collect_count, &c, &err),
                     KH_OK);
    assert_int_equal(c.count, 3);
    assert_string_equal(c.keys[0], "XXX");   /* 5 events: 3 source, 2 target */
    assert_int_equal(c.n[0], 5);
    /* Ecks 3 times (once as source, twice as target), Ex twice */
    assert_string_equal(c.names[0], "Ecks");
    assert_string_equal(c.keys[1], "YYY");   /* only ever a target */
    assert_string_equal(c.names[1], "Why");
    assert_string_equal(c.keys[2], "ZZZ");   /* never named */
    assert_string_equal(c.names[2], "");
    kh_store_close(s);
}

/* Aggregates with a filter other than dates: exact when the matches are
 * KH_AGG_CAP or fewer, else over the last KH_AGG_CAP stored (the highest
 * ids), and they say so. */
static void test_capped_aggregates(void **state)
{
    (void)state;
    kh_store *s = plan_store();
    kh_error err;
    int plans[2] = {0, 0};   /* capped counts by the bound, by the list */
    for (int probe = 0; probe < 2; probe++) {
        /* the default probe covers the 20,000 events; one of 2,000 finds too
         * few matches for the bound, and the capped counts come from the
         * filter's list */
        s->agg_probe = probe ? 2000 : 0;
        static const struct {
            kh_event_filter f;
            const char *where;
        } cases[] = {
            {{.source = "CCC"}, "source >= 'CCC' AND source < 'CCD'"},
            {{.quad = 4}, "quad = 4"},
            {{.quad = 1}, "quad = 1"},
            {{.actor = "prime minister"},
             "id IN (SELECT event FROM mentions WHERE source_name = 1)"},
        };
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
            char sql[512];
            snprintf(sql, sizeof sql, "SELECT count(*) FROM events WHERE %s",
                     cases[i].where);
            int64_t all = one_int(s->db, sql);
            int capped = all > KH_AGG_CAP;
            /* what the counts should be: over the last KH_AGG_CAP matches
             * stored, which are all of them when fewer match; the timeline
             * leaves the undated out */
            snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT day"
                     " FROM events WHERE %s ORDER BY id DESC LIMIT %d)"
                     " WHERE day > 0", cases[i].where, KH_AGG_CAP);
            int64_t dated = one_int(s->db, sql);
            snprintf(sql, sizeof sql, "SELECT coalesce(sum(num_mentions), 0)"
                     " FROM (SELECT * FROM events WHERE %s ORDER BY id DESC"
                     " LIMIT %d) WHERE day > 0", cases[i].where, KH_AGG_CAP);
            int64_t ments = one_int(s->db, sql);
            snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT * FROM"
                     " events WHERE %s ORDER BY id DESC LIMIT %d) WHERE"
                     " place > 0", cases[i].where, KH_AGG_CAP);
            int64_t placed = one_int(s->db, sql);
            /* the top actor: the source codes (targets are one an event) */
            snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT * FROM"
                     " events WHERE %s ORDER BY id DESC LIMIT %d) GROUP BY"
                     " source ORDER BY count(*) DESC, source LIMIT 1",
                     cases[i].where, KH_AGG_CAP);
            int64_t top = one_int(s->db, sql);
            agg_sum t = {0}, a = {0}, p = {0};
            assert_int_equal(kh_store_timeline(s, &cases[i].f, KH_GROUP_QUAD,
                                               KH_PERIOD_DAY, sum_count, &t,
                                               &err), KH_OK);
            assert_int_equal(t.events, dated);
            assert_int_equal(t.mentions, ments);
            assert_int_equal(t.capped, capped ? KH_AGG_CAP : 0);
            assert_int_equal(kh_store_top_actors(s, &cases[i].f, 5, sum_count,
                                                 &a, &err), KH_OK);
            assert_int_equal(a.rows, 5);
            assert_int_equal(a.first_events, top);
            assert_int_equal(a.capped, capped ? KH_AGG_CAP : 0);
            assert_int_equal(kh_store_places(s, &cases[i].f, 1000, sum_place,
                                             &p, &err), KH_OK);
            assert_int_equal(p.events, placed);
            if (p.rows)
                assert_int_equal(p.capped, capped ? KH_AGG_CAP : 0);
            if (capped)
                plans[s->plan == 'B' ? 0 : 1]++;
        }
    }
    assert_true(plans[0] > 0);
    assert_true(plans[1] > 0);
    /* the cases cover both sides of the cap */
    assert_true(one_int(s->db, "SELECT count(*) FROM events WHERE quad = 4")
                > KH_AGG_CAP ||
                one_int(s->db, "SELECT count(*) FROM events WHERE quad = 1")
                > KH_AGG_CAP);
    assert_true(one_int(s->db, "SELECT count(*) FROM events WHERE source"
                               " >= 'CCC' AND source < 'CCD'") < KH_AGG_CAP);
    kh_store_close(s);
}

/* ---- search --------------------------------------------------------------- */

static void test_search_query(void **state)
{
    (void)state;
    static const struct { const char *in, *out; } ok[] = {
        {"drone strike", "(\"drone\") AND (\"strike\")"},
        {"U.S. troops", "(\"U.S.\") AND (\"troops\")"},
        {"\"prime minister\" sudani*",
         "(\"prime minister\") AND (\"sudani\" *)"},
        {"iraq OR syria drone", "(\"iraq\" OR \"syria\") AND (\"drone\")"},
        {"a OR b OR c", "(\"a\" OR \"b\" OR \"c\")"},
        {"drone -syria -\"aid convoy\"",
         "(\"drone\") NOT (\"syria\" OR \"aid convoy\")"},
        {"drone NOT syria AND strike",
         "(\"drone\") AND (\"strike\") NOT (\"syria\")"},
        {"Al-Sudani's", "(\"Al-Sudani's\")"},
        {"say \"\"", "(\"say\")"},
        {"OR iraq OR", "(\"iraq\")"},
        {"— iraq —", "(\"iraq\")"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        kh_error err;
        char *q = kh_store_search_query(ok[i].in, &err);
        assert_non_null(q);
        assert_string_equal(q, ok[i].out);
        free(q);
    }
    static const struct { const char *in, *words; } bad[] = {
        {"", "no words"},
        {"  ... ", "no words"},
        {"-iraq", "only excluded"},
        {"\"open", "not closed"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        kh_error err;
        assert_null(kh_store_search_query(bad[i].in, &err));
        assert_int_equal(err.code, KH_EUSAGE);
        assert_non_null(strstr(err.message, bad[i].words));
    }
    char many[400] = "";
    for (int i = 0; i < 70; i++)
        strcat(many, "w ");
    kh_error err;
    assert_null(kh_store_search_query(many, &err));
    assert_non_null(strstr(err.message, "more than 64"));
}

typedef struct {
    int n;
    char ids[8][32];
    char snippet[8][512];
    int64_t events[8];
} hits;

static int collect_hit(void *p, const kh_store_hit *h)
{
    hits *x = p;
    if (x->n == 8)
        return 1;
    snprintf(x->ids[x->n], 32, "%s", h->article_id);
    snprintf(x->snippet[x->n], 512, "%s", h->snippet);
    x->events[x->n] = h->events;
    x->n++;
    return 0;
}

static hits search(kh_store *s, kh_search_opts o)
{
    hits h;
    memset(&h, 0, sizeof h);
    kh_error err;
    int rc = kh_store_search(s, &o, collect_hit, &h, &err);
    if (rc != KH_OK)
        print_message("search: %s\n", err.message);
    assert_int_equal(rc, KH_OK);
    return h;
}

static void test_search(void **state)
{
    (void)state;
    kh_store *s = sample_store();
    kh_search_opts o = {0};
    o.query = "warplanes";
    hits h = search(s, o);
    assert_int_equal(h.n, 1);
    assert_string_equal(h.ids[0], "q2");
    assert_non_null(strstr(h.snippet[0], "[warplanes]"));
    assert_int_equal(h.events[0], 1);
    o.query = "iraq*";
    assert_int_equal(search(s, o).n, 4);   /* Iraq, Iraqi: q2 q3 q4 ann */
    o.since = "2024-02", o.until = "2024-02-29";
    assert_int_equal(search(s, o).n, 2);
    o.since = o.until = NULL;
    o.source = "afp";
    h = search(s, o);
    assert_int_equal(h.n, 1);
    assert_string_equal(h.ids[0], "q3");
    o.source = NULL;
    o.query = "iraq* -syria";
    assert_int_equal(search(s, o).n, 2);
    o.query = "\"prime minister\" al-sudani";
    h = search(s, o);
    assert_int_equal(h.n, 1);
    assert_string_equal(h.ids[0], "q4");
    o.query = "U.S. OR warplanes";
    assert_int_equal(search(s, o).n, 1);
    o.query = "iraq*", o.limit = 1, o.offset = 1;
    assert_int_equal(search(s, o).n, 1);
    o.query = "iraq*", o.limit = 0, o.offset = 0;
    o.mark_open = "<b>", o.mark_close = "</b>";
    h = search(s, o);
    assert_non_null(strstr(h.snippet[0], "<b>"));
    o.query = "\"unclosed";
    kh_error err;
    assert_int_equal(kh_store_search(s, &o, collect_hit, &h, &err),
                     KH_EUSAGE);
    o.query = "x", o.since = "2024-99";
    assert_int_equal(kh_store_search(s, &o, collect_hit, &h, &err),
                     KH_EUSAGE);
    kh_store_close(s);
}

static void test_parse_dates(void **state)
{
    (void)state;
    static const struct { const char *in, *from, *to; } ok[] = {
        {"2024", "2024-01-01", "2024-12-31"},
        {"2024-02", "2024-02-01", "2024-02-29"},
        {"2023-02", "2023-02-01", "2023-02-28"},
        {"2024-01-06", "2024-01-06", "2024-01-06"},
        {"2024-01..2024-03", "2024-01-01", "2024-03-31"},
        {"2024-01-06..", "2024-01-06", ""},
        {"..2023", "", "2023-12-31"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        char a[11], b[11];
        kh_error err;
        assert_int_equal(kh_store_parse_dates(ok[i].in, a, b, &err), KH_OK);
        assert_string_equal(a, ok[i].from);
        assert_string_equal(b, ok[i].to);
    }
    static const char *const bad[] = {"", "..", "24", "2024-1", "2024-00",
                                      "2024-02-30", "2024/01", "2024..x",
                                      "2024-03..2024-01", "2024-01-06T00",
                                      "0000"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char a[11], b[11];
        kh_error err;
        assert_int_equal(kh_store_parse_dates(bad[i], a, b, &err),
                         KH_EUSAGE);
    }
}

/* ---- export ---------------------------------------------------------------- */

static char *export(kh_store *s, int format, unsigned flags, size_t *n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    kh_error err;
    kh_event_filter fl = {0};
    fl.order = KH_ORDER_ID;
    assert_int_equal(kh_store_export(s, &fl, format, flags, f, &err), KH_OK);
    fclose(f);
    *n = len;
    return buf;
}

static void test_export(void **state)
{
    (void)state;
    kh_store *s = sample_store();
    size_t n;
    char *g = export(s, KH_FORMAT_GDELT, 0, &n);
    int lines = 0;
    for (char *line = g; *line;) {
        char *nl = strchr(line, '\n');
        assert_non_null(nl);
        *nl = '\0';
        /* 61 columns */
        int cols = 1;
        for (char *p = line; *p; p++)
            cols += *p == '\t';
        assert_int_equal(cols, 61);
        char *c[61];
        char *p = line;
        for (int i = 0; i < 61; i++) {
            c[i] = p;
            p += strcspn(p, "\t");
            if (*p)
                *p++ = '\0';
        }
        assert_int_equal(atoi(c[0]), lines + 1);      /* GLOBALEVENTID */
        assert_int_equal(strlen(c[1]), 8);              /* SQLDATE */
        assert_int_equal(strlen(c[2]), 6);              /* MonthYear */
        assert_int_equal(strncmp(c[1], c[3], 4), 0);    /* Year */
        assert_true(strlen(c[26]) >= 3);                /* EventCode */
        assert_int_equal(strncmp(c[26], c[27], 3), 0);  /* EventBaseCode */
        assert_int_equal(strncmp(c[26], c[28], 2), 0);  /* EventRootCode */
        assert_true(atoi(c[29]) >= 1 && atoi(c[29]) <= 4);
        assert_true(atoi(c[31]) >= 1);                  /* NumMentions */
        assert_int_equal(strlen(c[59]), 14);            /* DATEADDED */
        if (strcmp(c[5], "TURMIL") == 0) {
            assert_string_equal(c[6], "Turkish warplanes");
            assert_string_equal(c[7], "TUR");
            assert_string_equal(c[12], "MIL");
            assert_string_equal(c[15], "IRQKRDREB");
            assert_string_equal(c[17], "IRQ");
            assert_string_equal(c[22], "REB");
            assert_string_equal(c[26], "195");
            assert_string_equal(c[30], "-10.0");
        }
        if (strcmp(c[52], "Baghdad") == 0) {
            assert_string_equal(c[51], "4");            /* world city */
            assert_string_equal(c[53], "IRQ");
            assert_string_equal(c[54], "IQ-BG");
            assert_string_equal(c[56], "33.3406");
            assert_string_equal(c[58], "98182");
        }
        lines++;
        line = nl + 1;
    }
    assert_int_equal(lines, 7);
    free(g);

    char *csv = export(s, KH_FORMAT_CSV, 0, &n);
    assert_true(strncmp(csv, "id,date,source,", 15) == 0);
    int rows = 0;
    for (char *p = csv; *p; p++)
        rows += *p == '\n';
    assert_int_equal(rows, 8);
    assert_null(strstr(csv, "\"Jordan's\""));   /* quoted only if needed */
    free(csv);

    char *jl = export(s, KH_FORMAT_JSONL, KH_EXPORT_MENTIONS, &n);
    kh_arena a;
    kh_arena_init(&a);
    int objs = 0;
    for (char *line = jl; *line;) {
        char *nl = strchr(line, '\n');
        size_t off;
        const char *msg;
        kh_jval *v = kh_json_parse(&a, line, (size_t)(nl - line), &off, &msg);
        assert_non_null(v);
        const kh_jval *ml = kh_json_get(v, "mention_list");
        assert_non_null(ml);
        assert_int_equal(ml->n, (size_t)kh_json_get(v, "mentions")->num);
        const kh_jval *st = kh_json_get(ml->items[0], "sentence_text");
        assert_int_equal(st->type, KH_JSTR);
        objs++;
        line = nl + 1;
    }
    assert_int_equal(objs, 7);
    kh_arena_free(&a);
    free(jl);
    kh_store_close(s);
}

/* CSV quoting of names with commas and quotes. */
/* Events dated coarser than a day keep that date ("last week" is a week),
 * and sort, filter and export as their period's first day. */
static void test_coarse_dates(void **state)
{
    (void)state;
    kh_store *s = fresh("coarse.db");
    static const char *const coded[] = {"2024-W06", "2024-03", "2023",
                                        "199X"};
    static const int32_t first[] = {20240205, 20240301, 20230101, 19900101};
    for (int i = 0; i < 4; i++) {
        char id[8];
        snprintf(id, sizeof id, "c%d", i);
        /* a different sentence each, so that no text is the same */
        static const char *const text[] = {
            "The United States condemned Iran.",
            "Turkish warplanes bombed Kurdish rebels in northern Iraq.",
            "Iraq and Syria signed an agreement on water.",
            "France condemned Russia."};
        kh_doc *d = article(id, NULL, "AFP", "2024-02-12", text[i]);
        kh_error err;
        assert_int_equal(kh_process(pipe_, d, &err), KH_OK);
        assert_true(d->nevents >= 1);
        snprintf(d->events[0].date, sizeof d->events[0].date, "%s",
                 coded[i]);
        ingest(s, d, NULL);
    }
    for (int i = 0; i < 4; i++) {
        kh_event_filter f = {0};
        char since[16];
        snprintf(since, sizeof since, "%04d-%02d-%02d", first[i] / 10000,
                 first[i] / 100 % 100, first[i] % 100);
        f.since = f.until = since;
        events e;
        query(s, &f, &e);
        assert_int_equal(e.n, 1);
        assert_string_equal(e.ev[0].date, coded[i]);
        assert_int_equal(e.ev[0].day, first[i]);
    }
    size_t n;
    char *g = export(s, KH_FORMAT_GDELT, 0, &n);
    assert_non_null(strstr(g, "\t20240205\t202402\t2024\t"));
    assert_non_null(strstr(g, "\t19900101\t199001\t1990\t"));
    free(g);
    kh_store_close(s);
}

static void test_csv_quoting(void **state)
{
    (void)state;
    kh_store_event ev = {0};
    ev.id = 9;
    ev.source = "USA";
    ev.source_name = "the \"U.S.\", it said";
    ev.cameo = "010";
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(kh_store_write_event(f, KH_FORMAT_CSV, &ev), KH_OK);
    fclose(f);
    assert_non_null(strstr(buf, ",\"the \"\"U.S.\"\", it said\","));
    free(buf);
}

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    kh_error err;
    pipe_ = kh_pipeline_new(NULL, &err);
    return pipe_ ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    kh_pipeline_free(pipe_);
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char p[1200];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_not_ours),
        cmocka_unit_test(test_newer_and_damaged),
        cmocka_unit_test(test_empty_files),
        cmocka_unit_test(test_migrations),
        cmocka_unit_test(test_idempotent),
        cmocka_unit_test(test_near_duplicates),
        cmocka_unit_test(test_minhash),
        cmocka_unit_test(test_aggregation),
        cmocka_unit_test(test_mentions_keep_sentences),
        cmocka_unit_test(test_article_roundtrip),
        cmocka_unit_test(test_batches),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_plans),
        cmocka_unit_test(test_capped_aggregates),
        cmocka_unit_test(test_actor_names),
        cmocka_unit_test(test_search_query),
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_parse_dates),
        cmocka_unit_test(test_export),
        cmocka_unit_test(test_csv_quoting),
        cmocka_unit_test(test_coarse_dates),
    };
    return cmocka_run_group_tests_name("store", tests, setup, teardown);
}
