/*
 * ingest.c - storing a coded article: idempotence, near duplicates, and
 * the aggregation of events across articles.
 *
 * An article is the same as a stored one when its id, its URL or its text
 * (the body with white space folded) is; it is then neither coded nor
 * stored, which is what makes a rerun of an interrupted ingest cheap and
 * exact.  A near duplicate (MinHash, text.c) is stored and linked to the
 * first copy of the article it resembles.  The checks run before coding, and the UNIQUE constraints on the
 * three catch a race with another writer.
 *
 * Events are aggregated as GDELT does: one record per day, source, target,
 * code and place, with the number of mentions (every report), articles
 * (each article counts once) and sources (each publisher counts once:
 * the article's source, else its URL's host).  Each mention keeps its
 * article, sentence and spans.
 *
 * Everything an article adds is written in one transaction, or in a
 * savepoint of the caller's batch, so that a failure or a kill leaves the
 * store as it was before the article (or the batch).
 */
#include "store.h"

#include "../code/cameo.h"
#include "../core/doc.h"
#include "../core/error.h"
#include "../extract/dates.h"
#include "../extract/extract.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const sql[ST_COUNT] = {
    [ST_FIND_ID] = "SELECT id FROM articles WHERE ext_id = ?",
    [ST_FIND_URL] = "SELECT id FROM articles WHERE url = ?",
    [ST_FIND_HASH] = "SELECT id FROM articles WHERE text_hash = ?",
    [ST_NEAR] = "SELECT article FROM minhash_bands WHERE band = ?",
    [ST_NEAR_GET] = "SELECT minhash, first_copy FROM articles WHERE id = ?",
    [ST_SOURCE_GET] = "SELECT id FROM sources WHERE name = ?",
    [ST_SOURCE_ADD] = "INSERT INTO sources(name) VALUES(?)",
    [ST_ARTICLE_ADD] =
        "INSERT INTO articles(ext_id, url, text_hash, minhash, first_copy,"
        " source, dateline, title, date, day, origin, origin_line, text,"
        " body_start, body_end, ingested)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [ST_FTS_ADD] = "INSERT INTO articles_fts(rowid, title, text)"
                   " VALUES(?, ?, ?)",
    [ST_BAND_ADD] = "INSERT OR IGNORE INTO minhash_bands(band, article)"
                    " VALUES(?, ?)",
    [ST_SENT_ADD] = "INSERT INTO sentences(article, idx, start, end)"
                    " VALUES(?, ?, ?, ?)",
    [ST_PLACE_GET] = "SELECT id FROM places WHERE name = ? AND country = ?"
                     " AND admin1 = ? AND kind = ? AND geonameid = ?",
    [ST_PLACE_ADD] = "INSERT INTO places(name, country, admin1, kind, lat,"
                     " lon, geonameid) VALUES(?, ?, ?, ?, ?, ?, ?)",
    [ST_APLACE_ADD] = "INSERT INTO article_places(article, idx, place)"
                      " VALUES(?, ?, ?)",
    [ST_PMENTION_ADD] = "INSERT INTO place_mentions(article, idx, place,"
                        " sentence, start, end) VALUES(?, ?, ?, ?, ?, ?)",
    [ST_ENTITY_ADD] = "INSERT INTO entities(article, idx, name, type, code,"
                      " title, aliases, place)"
                      " VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
    [ST_EMENTION_ADD] = "INSERT INTO entity_mentions(article, idx, entity,"
                        " sentence, start, end) VALUES(?, ?, ?, ?, ?, ?)",
    [ST_QUOTE_ADD] = "INSERT INTO quotes(article, idx, sentence, start, end,"
                     " speaker_start, speaker_end, speaker, outer)"
                     " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [ST_DATE_ADD] = "INSERT INTO dates(article, idx, sentence, start, end,"
                    " value, granularity, relative, mod, since, time)"
                    " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [ST_EVENT_GET] = "SELECT id FROM events WHERE day = ? AND source = ?"
                     " AND target = ? AND code = ? AND place = ?",
    [ST_EVENT_ADD] =
        "INSERT INTO events(day, source, target, code, place, root, quad,"
        " goldstein, plover, source_country, target_country, country,"
        " source_name, target_name, num_mentions, num_sources,"
        " num_articles, is_root, article, added, date)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, ?, ?, ?,"
        " ?)",
    [ST_EVENT_BUMP] = "UPDATE events SET num_mentions = num_mentions + 1,"
                      " num_articles = num_articles + ?,"
                      " num_sources = num_sources + ?,"
                      " is_root = max(is_root, ?) WHERE id = ?",
    [ST_SEEN_SOURCE] = "SELECT 1 FROM mentions WHERE event = ?"
                       " AND source IS ? LIMIT 1",
    [ST_MENTION_ADD] =
        "INSERT INTO mentions(event, article, idx, source, sentence, start,"
        " end, verb_start, verb_end, source_start, source_end,"
        " target_start, target_end, rule, date_ref, quote, in_quote,"
        " source_name, target_name)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [ST_NAME_GET] = "SELECT id FROM names WHERE name = ?",
    [ST_NAME_ADD] = "INSERT INTO names(name) VALUES(?)",
    [ST_NAME_FTS] = "INSERT INTO names_fts(rowid, name) VALUES(?, ?)",
    [ST_DAY_COUNT] = "INSERT INTO day_counts(day, root, quad, events,"
                     " mentions) VALUES(?, ?, ?, ?, 1)"
                     " ON CONFLICT(day, root) DO UPDATE"
                     " SET events = events + excluded.events,"
                     " mentions = mentions + 1",
    [ST_DAY_ACTOR] = "INSERT INTO day_actors(day, code, events, mentions)"
                     " VALUES(?, ?, ?, 1) ON CONFLICT(day, code) DO UPDATE"
                     " SET events = events + excluded.events,"
                     " mentions = mentions + 1",
    [ST_DAY_PLACE] = "INSERT INTO day_places(day, place, events, mentions)"
                     " VALUES(?, ?, ?, 1) ON CONFLICT(day, place) DO UPDATE"
                     " SET events = events + excluded.events,"
                     " mentions = mentions + 1",
};

const char *kh_store_sql(int which)
{
    return sql[which];
}

sqlite3_stmt *kh_store_stmt(kh_store *s, int which, kh_error *err)
{
    sqlite3_stmt *st = s->st[which];
    if (st) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return st;
    }
    int rc = sqlite3_prepare_v3(s->db, sql[which], -1,
                                SQLITE_PREPARE_PERSISTENT, &st, NULL);
    if (rc != SQLITE_OK) {
        kh_store_dberr(s, err, rc, "preparing a statement");
        return NULL;
    }
    s->st[which] = st;
    return st;
}

/* Runs a statement to its end; SQLITE_DONE (or SQLITE_ROW) is success. */
static int run(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* The integer of the first row of a prepared query, or 0 without one;
 * -1 on error (*rc set). */
static int64_t first_int(sqlite3_stmt *st, int *rc)
{
    int r = sqlite3_step(st);
    int64_t v = 0;
    *rc = SQLITE_OK;
    if (r == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else if (r != SQLITE_DONE)
        *rc = r, v = -1;
    sqlite3_reset(st);
    return v;
}

/* The body of the article, whose hashes decide what is a duplicate. */
static const char *body(const kh_doc *d, size_t *n)
{
    size_t s = d->body_start <= d->input_len ? d->body_start : 0;
    size_t e = d->body_end <= d->input_len && d->body_end >= s
                   ? d->body_end : d->input_len;
    *n = e - s;
    return d->input + s;
}

/* Looks the article up by id, URL and text hash. */
static int find_same(kh_store *s, const kh_doc *d, uint64_t hash,
                     kh_ingest_result *res, kh_error *err)
{
    static const int which[] = {ST_FIND_ID, ST_FIND_URL, ST_FIND_HASH};
    static const int status[] = {KH_INGEST_SAME_ID, KH_INGEST_SAME_URL,
                                 KH_INGEST_SAME_TEXT};
    for (int i = 0; i < 3; i++) {
        if ((i == 0 && !d->id) || (i == 1 && !d->url))
            continue;
        sqlite3_stmt *st = kh_store_stmt(s, which[i], err);
        if (!st)
            return err ? err->code : KH_EDB;
        if (i == 0)
            kh_bind_text(st, 1, d->id);
        else if (i == 1)
            kh_bind_text(st, 1, d->url);
        else
            sqlite3_bind_int64(st, 1, (int64_t)hash);
        int rc;
        int64_t id = first_int(st, &rc);
        if (rc != SQLITE_OK)
            return kh_store_dberr(s, err, rc, "looking for the article");
        if (id > 0) {
            res->status = status[i];
            res->article = id;
            return 1;
        }
    }
    return 0;
}

/* The first copy of a near duplicate of the text of signature sig, or
 * 0.  One lookup per band (an IN list of them costs twice as much), then
 * each candidate's whole signature. */
static int64_t find_near(kh_store *s, const uint32_t *sig,
                         const int64_t *bands, int *rc, kh_error *err)
{
    int64_t cand[64], best = 0;
    int n = 0, r = SQLITE_DONE;
    *rc = SQLITE_OK;
    for (int b = 0; b < KH_BANDS && r == SQLITE_DONE; b++) {
        sqlite3_stmt *st = kh_store_stmt(s, ST_NEAR, err);
        if (!st)
            return *rc = SQLITE_ERROR, 0;
        sqlite3_bind_int64(st, 1, bands[b]);
        while ((r = sqlite3_step(st)) == SQLITE_ROW) {
            int64_t a = sqlite3_column_int64(st, 0);
            int seen = 0;
            for (int i = 0; i < n && !seen; i++)
                seen = cand[i] == a;
            /* A band shared by very many articles (boilerplate) says
             * little; the first 64 candidates are enough. */
            if (!seen && n < 64)
                cand[n++] = a;
        }
        sqlite3_reset(st);
    }
    for (int i = 0; i < n && r == SQLITE_DONE; i++) {
        sqlite3_stmt *st = kh_store_stmt(s, ST_NEAR_GET, err);
        if (!st)
            return *rc = SQLITE_ERROR, 0;
        sqlite3_bind_int64(st, 1, cand[i]);
        r = sqlite3_step(st);
        if (r != SQLITE_ROW)
            break;
        uint32_t other[KH_MINHASH];
        if (sqlite3_column_bytes(st, 0) == (int)sizeof other) {
            memcpy(other, sqlite3_column_blob(st, 0), sizeof other);
            if (kh_minhash_similarity(sig, other) >= KH_NEAR_SIMILARITY) {
                int64_t first = sqlite3_column_type(st, 1) == SQLITE_NULL
                                    ? cand[i] : sqlite3_column_int64(st, 1);
                if (!best || first < best)
                    best = first;
            }
        }
        sqlite3_reset(st);
        r = SQLITE_DONE;
    }
    if (r != SQLITE_DONE) {
        *rc = r;
        kh_store_dberr(s, err, r, "looking for near duplicates");
    }
    return best;
}

/* The source that counts for num_sources: the publisher's name, else the
 * host of the URL (without "www."); NULL when neither is known. */
static const char *source_key(const kh_doc *d, char *buf, size_t n)
{
    if (d->source && *d->source)
        return d->source;
    if (!d->url)
        return NULL;
    const char *h = strstr(d->url, "://");
    h = h ? h + 3 : d->url;
    if (strncmp(h, "www.", 4) == 0)
        h += 4;
    size_t len = strcspn(h, "/?#:");
    if (!len || len >= n)
        return NULL;
    memcpy(buf, h, len);
    buf[len] = '\0';
    return buf;
}

static int64_t source_id(kh_store *s, const char *name, int *rc,
                         kh_error *err)
{
    *rc = SQLITE_OK;
    if (!name)
        return 0;
    sqlite3_stmt *st = kh_store_stmt(s, ST_SOURCE_GET, err);
    if (!st)
        return *rc = SQLITE_ERROR, -1;
    kh_bind_text(st, 1, name);
    int64_t id = first_int(st, rc);
    if (id != 0)
        return id;
    st = kh_store_stmt(s, ST_SOURCE_ADD, err);
    if (!st)
        return *rc = SQLITE_ERROR, -1;
    kh_bind_text(st, 1, name);
    if ((*rc = run(st)) != SQLITE_OK)
        return -1;
    return sqlite3_last_insert_rowid(s->db);
}

/* The day (YYYYMMDD) of a date as the pipeline writes it; a coarser date
 * is its period's first day (2024-W06: its Monday; 2024-02: the 1st;
 * 2024: January 1; 199X: 1990-01-01), so that it sorts and filters with
 * the days it spans.  0 when there is none. */
static int day_of(const char *date)
{
    if (!date || strlen(date) < 4)
        return 0;
    size_t n = strlen(date);
    int y = atoi(date);
    if (n == 4 && date[3] == 'X')
        return (atoi(date) * 10) * 10000 + 101;
    if (n == 4)
        return y * 10000 + 101;
    if (n == 7)
        return y * 10000 + atoi(date + 5) * 100 + 1;
    if (n == 8 && date[5] == 'W') {
        /* ISO week 1 holds January 4 */
        long jan4 = kh_days_from_civil(y, 1, 4);
        long wd = ((jan4 % 7) + 7 + 3) % 7;   /* 0 Monday (1970-01-01 was a
                                                 Thursday) */
        long mon = jan4 - wd + 7L * (atoi(date + 6) - 1);
        int yy, mm, dd;
        kh_civil_from_days(mon, &yy, &mm, &dd);
        return yy * 10000 + mm * 100 + dd;
    }
    if (n == 10)
        return y * 10000 + atoi(date + 5) * 100 + atoi(date + 8);
    return 0;
}

/* Binds a span of the article as input offsets. */
static void bind_off(sqlite3_stmt *st, int i, const kh_doc *d, uint32_t off)
{
    sqlite3_bind_int64(st, i, (int64_t)kh_doc_in_off(d, off));
}

/* Binds the input text of a span, or NULL when it is empty. */
static void bind_span(sqlite3_stmt *st, int i, const kh_doc *d, uint32_t s,
                      uint32_t e)
{
    if (e <= s) {
        sqlite3_bind_null(st, i);
        return;
    }
    size_t is = kh_doc_in_off(d, s), ie = kh_doc_in_off(d, e);
    sqlite3_bind_text(st, i, d->input + is, (int)(ie - is), SQLITE_STATIC);
}

/* Binds an index that may be -1 (none) as NULL. */
static void bind_ref(sqlite3_stmt *st, int i, int64_t v)
{
    if (v < 0)
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_int64(st, i, v);
}

#define TRY(x) do { if ((rc = (x)) != SQLITE_OK) goto fail; } while (0)
#define STMT(var, which) do { \
        if (!(var = kh_store_stmt(s, which, err))) return KH_EDB; \
    } while (0)

/* The mentions of an article's places or entities (statement which):
 * article, idx, ref, sentence, start, end. */
static int add_mentions(kh_store *s, int which, const kh_doc *d,
                        const kh_mention *ms, size_t n, int64_t art,
                        kh_error *err)
{
    kh_rows w;
    sqlite3_stmt *st;
    int b;
    kh_rows_begin(&w, s, which, 6, n);
    for (size_t i = 0; i < n; i++) {
        const kh_mention *m = &ms[i];
        if (!(st = kh_rows_next(&w, &b, err)))
            return KH_EDB;
        sqlite3_bind_int64(st, b + 1, art);
        sqlite3_bind_int64(st, b + 2, (int64_t)i);
        sqlite3_bind_int64(st, b + 3, m->ref);
        sqlite3_bind_int64(st, b + 4, m->sentence);
        bind_off(st, b + 5, d, m->start);
        bind_off(st, b + 6, d, m->end);
    }
    int rc = kh_rows_end(&w);
    return rc == SQLITE_OK ? KH_OK
                           : kh_store_dberr(s, err, rc, "storing mentions");
}

/* The places of the article: each found or added in the shared table;
 * ids[i] receives the id of d->places[i]. */
static int add_places(kh_store *s, const kh_doc *d, int64_t art,
                      int64_t *ids, kh_error *err)
{
    int rc = SQLITE_OK;
    sqlite3_stmt *st;
    for (size_t i = 0; i < d->nplaces; i++) {
        const kh_place *p = &d->places[i];
        const char *name = p->name ? p->name : "";
        STMT(st, ST_PLACE_GET);
        kh_bind_text(st, 1, name);
        kh_bind_text(st, 2, p->country);
        kh_bind_text(st, 3, p->admin1);
        sqlite3_bind_int(st, 4, p->kind);
        sqlite3_bind_int64(st, 5, p->geonameid);
        int64_t id = first_int(st, &rc);
        if (rc != SQLITE_OK)
            goto fail;
        if (!id) {
            STMT(st, ST_PLACE_ADD);
            kh_bind_text(st, 1, name);
            kh_bind_text(st, 2, p->country);
            kh_bind_text(st, 3, p->admin1);
            sqlite3_bind_int(st, 4, p->kind);
            sqlite3_bind_double(st, 5, p->lat);
            sqlite3_bind_double(st, 6, p->lon);
            sqlite3_bind_int64(st, 7, p->geonameid);
            TRY(run(st));
            id = sqlite3_last_insert_rowid(s->db);
        }
        ids[i] = id;
    }
    kh_rows w;
    int b;
    kh_rows_begin(&w, s, ST_APLACE_ADD, 3, d->nplaces);
    for (size_t i = 0; i < d->nplaces; i++) {
        if (!(st = kh_rows_next(&w, &b, err)))
            return KH_EDB;
        sqlite3_bind_int64(st, b + 1, art);
        sqlite3_bind_int64(st, b + 2, (int64_t)i);
        sqlite3_bind_int64(st, b + 3, ids[i]);
    }
    TRY(kh_rows_end(&w));
    int mr = add_mentions(s, ST_PMENTION_ADD, d, d->place_mentions,
                          d->nplace_mentions, art, err);
    if (mr != KH_OK)
        return mr;
    return KH_OK;
fail:
    return kh_store_dberr(s, err, rc, "storing places");
}

/* Sentences, entities, quotes and dates: rows of this article only,
 * each table's in a few multi-row INSERTs (rows.c). */
static int add_annotations(kh_store *s, const kh_doc *d, int64_t art,
                           kh_error *err)
{
    kh_rows w;
    sqlite3_stmt *st;
    int b;
    kh_rows_begin(&w, s, ST_SENT_ADD, 4, d->nsents);
    for (size_t i = 0; i < d->nsents; i++) {
        if (!(st = kh_rows_next(&w, &b, err)))
            return KH_EDB;
        sqlite3_bind_int64(st, b + 1, art);
        sqlite3_bind_int64(st, b + 2, (int64_t)i);
        bind_off(st, b + 3, d, d->sents[i].start);
        bind_off(st, b + 4, d, d->sents[i].end);
    }
    if (kh_rows_end(&w) != SQLITE_OK)
        goto fail;
    /* the aliases, one per line, of every entity: bound as static text,
     * so they stay in one buffer until the last row is written */
    kh_buf aliases = KH_BUF_INIT;
    size_t *at = kh_xcalloc(d->nentities + 1, sizeof *at);
    for (size_t i = 0; i < d->nentities; i++) {
        const kh_entity *e = &d->entities[i];
        at[i] = aliases.len;
        for (size_t k = 0; k < e->naliases; k++) {
            if (k)
                kh_buf_putc(&aliases, '\n');
            kh_buf_puts(&aliases, e->aliases[k] ? e->aliases[k] : "");
        }
        kh_buf_put(&aliases, "", 1);
    }
    kh_rows_begin(&w, s, ST_ENTITY_ADD, 8, d->nentities);
    for (size_t i = 0; i < d->nentities; i++) {
        const kh_entity *e = &d->entities[i];
        if (!(st = kh_rows_next(&w, &b, err)))
            break;
        sqlite3_bind_int64(st, b + 1, art);
        sqlite3_bind_int64(st, b + 2, (int64_t)i);
        kh_bind_text(st, b + 3, e->name ? e->name : "");
        sqlite3_bind_int(st, b + 4, e->type);
        kh_bind_text(st, b + 5, e->code[0] ? e->code : NULL);
        kh_bind_text(st, b + 6, e->title);
        kh_bind_text(st, b + 7, e->naliases ? aliases.data + at[i] : NULL);
        bind_ref(st, b + 8, e->place >= 0 && (size_t)e->place < d->nplaces
                                ? e->place : -1);
    }
    int rc = kh_rows_end(&w);
    kh_buf_free(&aliases);
    free(at);
    if (rc != SQLITE_OK)
        goto fail;
    int mr = add_mentions(s, ST_EMENTION_ADD, d, d->entity_mentions,
                          d->nentity_mentions, art, err);
    if (mr != KH_OK)
        return mr;
    kh_rows_begin(&w, s, ST_QUOTE_ADD, 9, d->nquotes);
    for (size_t i = 0; i < d->nquotes; i++) {
        const kh_quote *q = &d->quotes[i];
        if (!(st = kh_rows_next(&w, &b, err)))
            return KH_EDB;
        sqlite3_bind_int64(st, b + 1, art);
        sqlite3_bind_int64(st, b + 2, (int64_t)i);
        sqlite3_bind_int64(st, b + 3, q->sentence);
        bind_off(st, b + 4, d, q->start);
        bind_off(st, b + 5, d, q->end);
        bind_off(st, b + 6, d, q->spk_start);
        bind_off(st, b + 7, d, q->spk_end);
        bind_ref(st, b + 8, q->speaker >= 0 &&
                                (size_t)q->speaker < d->nentities
                                ? q->speaker : -1);
        bind_ref(st, b + 9, q->outer >= 0 && (size_t)q->outer < d->nquotes
                                ? q->outer : -1);
    }
    if (kh_rows_end(&w) != SQLITE_OK)
        goto fail;
    kh_rows_begin(&w, s, ST_DATE_ADD, 11, d->ndates);
    for (size_t i = 0; i < d->ndates; i++) {
        const kh_date_mention *x = &d->dates[i];
        char value[16];
        kh_date_format(x, value, sizeof value);
        if (!(st = kh_rows_next(&w, &b, err)))
            return KH_EDB;
        sqlite3_bind_int64(st, b + 1, art);
        sqlite3_bind_int64(st, b + 2, (int64_t)i);
        sqlite3_bind_int64(st, b + 3, x->sentence);
        bind_off(st, b + 4, d, x->start);
        bind_off(st, b + 5, d, x->end);
        /* copied: value is gone when the statement runs */
        sqlite3_bind_text(st, b + 6, value, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, b + 7, x->gran);
        sqlite3_bind_int(st, b + 8, x->relative);
        sqlite3_bind_int(st, b + 9, x->mod);
        sqlite3_bind_int(st, b + 10, x->since);
        if (x->time[0])
            kh_bind_text(st, b + 11, x->time);
        else
            sqlite3_bind_null(st, b + 11);
    }
    if (kh_rows_end(&w) != SQLITE_OK)
        goto fail;
    return KH_OK;
fail:
    return kh_store_dberr(s, err, w.rc, "storing the article's annotations");
}

/* The id of the actor's words text[s..e) in names, added when new; 0
 * when the span is empty. */
static int64_t name_id(kh_store *s, const kh_doc *d, uint32_t from,
                       uint32_t to, int *rc, kh_error *err)
{
    *rc = SQLITE_OK;
    if (to <= from)
        return 0;
    sqlite3_stmt *st = kh_store_stmt(s, ST_NAME_GET, err);
    if (!st)
        return *rc = SQLITE_ERROR, -1;
    bind_span(st, 1, d, from, to);
    int64_t id = first_int(st, rc);
    if (*rc != SQLITE_OK || id > 0)
        return id;
    if (!(st = kh_store_stmt(s, ST_NAME_ADD, err)))
        return *rc = SQLITE_ERROR, -1;
    bind_span(st, 1, d, from, to);
    if ((*rc = run(st)) != SQLITE_OK)
        return -1;
    id = sqlite3_last_insert_rowid(s->db);
    if (!(st = kh_store_stmt(s, ST_NAME_FTS, err)))
        return *rc = SQLITE_ERROR, -1;
    sqlite3_bind_int64(st, 1, id);
    bind_span(st, 2, d, from, to);
    if ((*rc = run(st)) != SQLITE_OK)
        return -1;
    return id;
}

/* The record of event e: found by its key, or added with the counts of
 * its first mention (*is_new). */
static int64_t event_record(kh_store *s, const kh_doc *d, const kh_event *e,
                            int64_t place, const char *place_country,
                            int64_t art, int64_t now, int *is_new, int *rc,
                            kh_error *err)
{
    sqlite3_stmt *st = kh_store_stmt(s, ST_EVENT_GET, err);
    if (!st)
        return *rc = SQLITE_ERROR, -1;
    int day = day_of(e->date);
    sqlite3_bind_int(st, 1, day);
    kh_bind_text(st, 2, e->source);
    kh_bind_text(st, 3, e->target);
    kh_bind_text(st, 4, e->code);
    sqlite3_bind_int64(st, 5, place);
    int64_t id = first_int(st, rc);
    *is_new = 0;
    if (*rc != SQLITE_OK || id > 0)
        return id;
    size_t n = strlen(e->code);
    const kh_cameo_info *ci = kh_cameo_lookup_nearest(e->code, n);
    char root[3] = "", sc[4], tc[4];
    if (ci)
        kh_cameo_root(e->code, n, root);
    kh_actor_country(e->source, sc);
    kh_actor_country(e->target, tc);
    if (!(st = kh_store_stmt(s, ST_EVENT_ADD, err)))
        return *rc = SQLITE_ERROR, -1;
    sqlite3_bind_int(st, 1, day);
    kh_bind_text(st, 2, e->source);
    kh_bind_text(st, 3, e->target);
    kh_bind_text(st, 4, e->code);
    sqlite3_bind_int64(st, 5, place);
    kh_bind_text(st, 6, root);
    sqlite3_bind_int(st, 7, ci ? ci->quad : 0);
    sqlite3_bind_double(st, 8, ci ? (double)ci->goldstein : 0.0);
    kh_bind_text(st, 9, ci && ci->plover_type ? ci->plover_type : "");
    kh_bind_text(st, 10, sc);
    kh_bind_text(st, 11, tc);
    kh_bind_text(st, 12, place_country ? place_country : "");
    bind_span(st, 13, d, e->src_start, e->src_end);
    bind_span(st, 14, d, e->tgt_start, e->tgt_end);
    /* its first mention, this one: counted here (add_events) */
    sqlite3_bind_int(st, 15, e->sentence == 0);
    sqlite3_bind_int64(st, 16, art);
    sqlite3_bind_int64(st, 17, now);
    if (strlen(e->date) != 10 && day)
        kh_bind_text(st, 18, e->date);   /* coarser than a day */
    else
        sqlite3_bind_null(st, 18);
    if ((*rc = run(st)) != SQLITE_OK)
        return -1;
    *is_new = 1;
    return sqlite3_last_insert_rowid(s->db);
}

/* Adds a mention (of a new event when is_new) to the counts by day. */
static int count_by_day(kh_store *s, const kh_event *e, int64_t place,
                        int is_new, kh_error *err)
{
    int day = day_of(e->date), rc;
    size_t n = strlen(e->code);
    const kh_cameo_info *ci = kh_cameo_lookup_nearest(e->code, n);
    char root[3] = "";
    if (ci)
        kh_cameo_root(e->code, n, root);
    sqlite3_stmt *st = kh_store_stmt(s, ST_DAY_COUNT, err);
    if (!st)
        return SQLITE_ERROR;
    sqlite3_bind_int(st, 1, day);
    kh_bind_text(st, 2, root);
    sqlite3_bind_int(st, 3, ci ? ci->quad : 0);
    sqlite3_bind_int(st, 4, is_new);
    if ((rc = run(st)) != SQLITE_OK)
        return rc;
    /* the source and the target, as kh_store_top_actors counts them */
    const char *codes[2] = {e->source, e->target};
    for (int i = 0; i < 2; i++) {
        if (!codes[i][0])
            continue;
        if (!(st = kh_store_stmt(s, ST_DAY_ACTOR, err)))
            return SQLITE_ERROR;
        sqlite3_bind_int(st, 1, day);
        kh_bind_text(st, 2, codes[i]);
        sqlite3_bind_int(st, 3, is_new);
        if ((rc = run(st)) != SQLITE_OK)
            return rc;
    }
    if (!place)
        return SQLITE_OK;
    if (!(st = kh_store_stmt(s, ST_DAY_PLACE, err)))
        return SQLITE_ERROR;
    sqlite3_bind_int(st, 1, day);
    sqlite3_bind_int64(st, 2, place);
    sqlite3_bind_int(st, 3, is_new);
    return run(st);
}

/* Counts one more mention of the record ev: of a new article or not,
 * and of a new source unless one of its mentions has source src. */
static int bump(kh_store *s, int64_t ev, int64_t src, int new_article,
                int is_root, kh_error *err)
{
    int rc;
    sqlite3_stmt *st = kh_store_stmt(s, ST_SEEN_SOURCE, err);
    if (!st)
        return SQLITE_ERROR;
    sqlite3_bind_int64(st, 1, ev);
    if (src)
        sqlite3_bind_int64(st, 2, src);
    int64_t seen_source = first_int(st, &rc);
    if (rc != SQLITE_OK)
        return rc;
    if (!(st = kh_store_stmt(s, ST_EVENT_BUMP, err)))
        return SQLITE_ERROR;
    sqlite3_bind_int(st, 1, new_article);
    sqlite3_bind_int(st, 2, !seen_source);
    sqlite3_bind_int(st, 3, is_root);
    sqlite3_bind_int64(st, 4, ev);
    return run(st);
}

/* The events: each joins its record and is kept as a mention. */
static int add_events(kh_store *s, const kh_doc *d, int64_t art, int64_t src,
                      const int64_t *place_ids, int64_t now,
                      kh_ingest_result *res, kh_error *err)
{
    int rc = SQLITE_OK;
    sqlite3_stmt *st;
    int64_t *seen = kh_xcalloc(d->nevents + 1, sizeof *seen);
    size_t nseen = 0;
    for (size_t i = 0; i < d->nevents; i++) {
        const kh_event *e = &d->events[i];
        int has_place = e->place >= 0 && (size_t)e->place < d->nplaces;
        int64_t place = has_place ? place_ids[e->place] : 0;
        int is_new;
        int64_t ev = event_record(s, d, e, place,
                                  has_place ? d->places[e->place].country
                                            : NULL,
                                  art, now, &is_new, &rc, err);
        if (rc != SQLITE_OK)
            goto fail;
        /* Counted before this mention is stored: another article of the
         * same source, another mention in this article. */
        int new_article = 1;
        for (size_t k = 0; k < nseen; k++)
            if (seen[k] == ev)
                new_article = 0;
        if (new_article)
            seen[nseen++] = ev;
        /* a new record counts this mention already: one mention, article
         * and source */
        if (!is_new && (rc = bump(s, ev, src, new_article, e->sentence == 0,
                                  err)) != SQLITE_OK)
            goto fail;
        int64_t sname = name_id(s, d, e->src_start, e->src_end, &rc, err);
        if (rc != SQLITE_OK)
            goto fail;
        int64_t tname = name_id(s, d, e->tgt_start, e->tgt_end, &rc, err);
        if (rc != SQLITE_OK)
            goto fail;
        if (!(st = kh_store_stmt(s, ST_MENTION_ADD, err))) {
            free(seen);
            return KH_EDB;
        }
        sqlite3_bind_int64(st, 1, ev);
        sqlite3_bind_int64(st, 2, art);
        sqlite3_bind_int64(st, 3, (int64_t)i);
        if (src)
            sqlite3_bind_int64(st, 4, src);
        sqlite3_bind_int64(st, 5, e->sentence);
        bind_off(st, 6, d, e->start);
        bind_off(st, 7, d, e->end);
        bind_off(st, 8, d, e->verb_start);
        bind_off(st, 9, d, e->verb_end);
        bind_off(st, 10, d, e->src_start);
        bind_off(st, 11, d, e->src_end);
        bind_off(st, 12, d, e->tgt_start);
        bind_off(st, 13, d, e->tgt_end);
        kh_bind_text(st, 14, e->rule);
        bind_ref(st, 15, e->date_ref >= 0 && (size_t)e->date_ref < d->ndates
                             ? e->date_ref : -1);
        bind_ref(st, 16, e->quote >= 0 && (size_t)e->quote < d->nquotes
                             ? e->quote : -1);
        sqlite3_bind_int(st, 17, e->in_quote);
        bind_ref(st, 18, sname ? sname : -1);
        bind_ref(st, 19, tname ? tname : -1);
        TRY(run(st));
        TRY(count_by_day(s, e, place, is_new, err));
        res->events++;
        res->new_events += (size_t)is_new;
    }
    free(seen);
    return KH_OK;
fail:
    free(seen);
    return kh_store_dberr(s, err, rc, "storing the events");
}

/* Everything of one new article, inside the caller's transaction. */
static int add_article(kh_store *s, const kh_doc *d, uint64_t hash,
                       const uint32_t *sig, const int64_t *bands,
                       int64_t first_copy, kh_ingest_result *res,
                       kh_error *err)
{
    int rc = SQLITE_OK;
    sqlite3_stmt *st;
    char host[256];
    /* The article keeps the source it came with; its mentions count the
     * publisher, which may be its URL's host. */
    int64_t given = source_id(s, d->source && *d->source ? d->source : NULL,
                              &rc, err);
    int64_t src = rc == SQLITE_OK ? source_id(s, source_key(d, host,
                                                             sizeof host),
                                              &rc, err) : 0;
    if (rc != SQLITE_OK)
        return kh_store_dberr(s, err, rc, "storing the source");
    int64_t now = (int64_t)time(NULL);
    STMT(st, ST_ARTICLE_ADD);
    kh_bind_text(st, 1, d->id);
    kh_bind_text(st, 2, d->url);
    sqlite3_bind_int64(st, 3, (int64_t)hash);
    if (bands)
        sqlite3_bind_blob(st, 4, sig, KH_MINHASH * sizeof *sig,
                          SQLITE_STATIC);
    bind_ref(st, 5, first_copy ? first_copy : -1);
    bind_ref(st, 6, given ? given : -1);
    kh_bind_text(st, 7, d->dateline);
    kh_bind_text(st, 8, d->title);
    kh_bind_text(st, 9, d->date[0] ? d->date : NULL);
    sqlite3_bind_int(st, 10, day_of(d->date));
    kh_bind_text(st, 11, d->origin);
    bind_ref(st, 12, d->origin_line > 0 ? d->origin_line : -1);
    sqlite3_bind_text(st, 13, d->input, (int)d->input_len, SQLITE_STATIC);
    sqlite3_bind_int64(st, 14, (int64_t)d->body_start);
    sqlite3_bind_int64(st, 15, (int64_t)d->body_end);
    sqlite3_bind_int64(st, 16, now);
    if ((rc = run(st)) != SQLITE_OK)
        return kh_store_dberr(s, err, rc, "storing the article");
    int64_t art = sqlite3_last_insert_rowid(s->db);
    res->article = art;
    STMT(st, ST_FTS_ADD);
    sqlite3_bind_int64(st, 1, art);
    kh_bind_text(st, 2, d->title);
    sqlite3_bind_text(st, 3, d->input, (int)d->input_len, SQLITE_STATIC);
    if ((rc = run(st)) != SQLITE_OK)
        return kh_store_dberr(s, err, rc, "indexing the article's text");
    kh_rows w;
    kh_rows_begin(&w, s, ST_BAND_ADD, 2, bands ? KH_BANDS : 0);
    for (int i = 0; bands && i < KH_BANDS; i++) {
        int b;
        if (!(st = kh_rows_next(&w, &b, err)))
            return KH_EDB;
        sqlite3_bind_int64(st, b + 1, bands[i]);
        sqlite3_bind_int64(st, b + 2, art);
    }
    if ((rc = kh_rows_end(&w)) != SQLITE_OK)
        return kh_store_dberr(s, err, rc, "storing the MinHash");
    int64_t *place_ids = kh_xcalloc(d->nplaces + 1, sizeof *place_ids);
    int r = add_places(s, d, art, place_ids, err);
    if (r == KH_OK)
        r = add_annotations(s, d, art, err);
    if (r == KH_OK)
        r = add_events(s, d, art, src, place_ids, now, res, err);
    free(place_ids);
    return r;
}

int kh_store_ingest(kh_store *s, const kh_pipeline *p, kh_doc *doc,
                    kh_ingest_result *res, kh_error *err)
{
    kh_ingest_result tmp;
    if (!res)
        res = &tmp;
    memset(res, 0, sizeof *res);
    if (!s || !doc)
        return kh_fail(err, KH_EUSAGE, NULL, 0, 0, "no store or document");
    if (s->flags & KH_STORE_READONLY)
        return kh_fail(err, KH_EUSAGE, s->path, 0, 0,
                       "the store was opened read-only");
    if (doc->input_len > (size_t)INT32_MAX)
        return kh_fail(err, KH_ELIMIT, doc->origin, 0, 0,
                       "article of %zu bytes is over the store's limit",
                       doc->input_len);
    size_t blen;
    const char *b = body(doc, &blen);
    uint64_t hash = kh_text_hash(b, blen);
    int rc = find_same(s, doc, hash, res, err);
    if (rc != 0)
        return rc > 0 ? KH_OK : rc;
    if (!doc->stages_done) {
        if (!p)
            return kh_fail(err, KH_EUSAGE, doc->origin, 0, 0,
                           "the article is not coded and no pipeline was "
                           "given");
        if ((rc = kh_process(p, doc, err)) != KH_OK)
            return rc;
    }
    uint32_t sig[KH_MINHASH];
    int64_t bands[KH_BANDS];
    int near = kh_minhash(b, blen, sig) >= KH_NEAR_MIN_SHINGLES;
    if (near)
        kh_minhash_bands(sig, bands);
    /* Outside a batch, the article is its own transaction.  Inside one,
     * the batch holds the write lock, so what find_same saw stands; a
     * failure rolls the whole batch back.  (A savepoint per article would
     * keep the batch, but costs a copy of every page the article touches,
     * which is as much as the rest of the store's work.) */
    if (!s->in_batch && (rc = kh_store_exec(s, "BEGIN IMMEDIATE", err)) !=
                            KH_OK)
        return rc;
    int64_t first = 0;
    if (near) {
        int r;
        first = find_near(s, sig, bands, &r, err);
        if (r != SQLITE_OK) {
            rc = err ? err->code : KH_EDB;
            goto undo;
        }
    }
    rc = add_article(s, doc, hash, sig, near ? bands : NULL, first, res,
                     err);
    if (rc != KH_OK) {
        /* Another writer may have stored the same article since
         * find_same looked (only possible outside a batch). */
        int ext = sqlite3_extended_errcode(s->db);
        if (!s->in_batch && ext == SQLITE_CONSTRAINT_UNIQUE) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            memset(res, 0, sizeof *res);
            int same = find_same(s, doc, hash, res, err);
            if (same > 0) {
                kh_error_clear(err);
                return KH_OK;
            }
            return same < 0 ? same : rc;
        }
        goto undo;
    }
    res->status = first ? KH_INGEST_NEAR_DUPLICATE : KH_INGEST_ADDED;
    res->first_copy = first;
    s->wrote = 1;
    if (!s->in_batch && (rc = kh_store_exec(s, "COMMIT", err)) != KH_OK)
        goto undo;
    return KH_OK;
undo:
    if (s->in_batch) {
        kh_store_rollback(s);
        if (err) {
            size_t n = strlen(err->message);
            snprintf(err->message + n, sizeof err->message - n, "%s",
                     "; the batch was rolled back");
        }
    } else {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    res->status = 0;
    res->events = res->new_events = 0;
    return rc;
}

int kh_store_article_key(kh_store *s, const char *id, int64_t *key,
                         kh_error *err)
{
    *key = 0;
    sqlite3_stmt *st = kh_store_stmt(s, ST_FIND_ID, err);
    if (!st)
        return KH_EDB;
    kh_bind_text(st, 1, id);
    int rc;
    int64_t v = first_int(st, &rc);
    if (rc != SQLITE_OK)
        return kh_store_dberr(s, err, rc, "looking for the article");
    if (v <= 0)
        return kh_fail(err, KH_EINPUT, s->path, 0, 0,
                       "no article with the id \"%.200s\"", id ? id : "");
    *key = v;
    return KH_OK;
}
