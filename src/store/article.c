/*
 * article.c - one stored article as the JSON object `khaldun code` writes
 * (DESIGN.md), rebuilt from its rows, with its text and store fields.
 *
 * The fields and their order follow src/output/json.c, so that a program
 * reading `khaldun code` output reads this too; what the store adds is
 * "text" (the input every offset points into), "event" in each event (the
 * id of its aggregated record) and "store".
 */
#include "store.h"

#include "../core/arena.h"
#include "../core/error.h"
#include "../extract/extract.h"
#include "../output/output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    kh_store *s;
    kh_buf *b;
    const char *text;    /* the article's input */
    size_t len;
    int64_t key;
    kh_error *err;
} ctx;

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* JSON string of text[s..e), or null when the span is empty or bad. */
static void span(ctx *c, int64_t s, int64_t e)
{
    if (s < 0 || e <= s || (size_t)e > c->len)
        kh_buf_puts(c->b, "null");
    else
        kh_json_string(c->b, c->text + s, (size_t)(e - s));
}

static void start_end_text(ctx *c, int64_t s, int64_t e)
{
    kh_buf_printf(c->b, "\"start\":%lld,\"end\":%lld,\"text\":",
                  (long long)s, (long long)e);
    if (e <= s)
        kh_json_string(c->b, "", 0);
    else
        span(c, s, e);
}

/* Prepares sql, binds the article's key to ?1. */
static sqlite3_stmt *rows(ctx *c, const char *sql)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        kh_store_dberr(c->s, c->err, rc, "reading the article");
        return NULL;
    }
    sqlite3_bind_int64(st, 1, c->key);
    return st;
}

/* Ends a loop over rows: KH_OK when they all came. */
static int done(ctx *c, sqlite3_stmt *st, int r)
{
    sqlite3_finalize(st);
    return r == SQLITE_DONE ? KH_OK
                            : kh_store_dberr(c->s, c->err, r,
                                             "reading the article");
}

static const char *place_kind(int kind)
{
    return kind == 1 ? "country" : kind == 2 ? "region"
                                   : kind == 3 ? "city" : NULL;
}

/* A place from columns i.. (name, country, admin1, kind, lat, lon,
 * geonameid), open: the caller closes it. */
static void place_json(ctx *c, sqlite3_stmt *st, int i)
{
    kh_buf *b = c->b;
    kh_buf_puts(b, "{\"name\":");
    kh_json_cstr(b, col(st, i));
    kh_buf_puts(b, ",\"country\":");
    const char *country = col(st, i + 1);
    kh_json_cstr(b, country && *country ? country : NULL);
    const char *admin1 = col(st, i + 2);
    if (admin1 && *admin1)
        kh_buf_puts(b, ",\"admin1\":"), kh_json_cstr(b, admin1);
    kh_buf_puts(b, ",\"kind\":");
    kh_json_cstr(b, place_kind(sqlite3_column_int(st, i + 3)));
    kh_buf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f",
                  sqlite3_column_double(st, i + 4),
                  sqlite3_column_double(st, i + 5));
    int64_t g = sqlite3_column_int64(st, i + 6);
    if (g)
        kh_buf_printf(b, ",\"geonameid\":%lld", (long long)g);
}

static int sentences(ctx *c)
{
    sqlite3_stmt *st = rows(c, "SELECT start, end FROM sentences"
                               " WHERE article = ?1 ORDER BY idx");
    if (!st)
        return KH_EDB;
    kh_buf_puts(c->b, ",\"sentences\":[");
    int r, n = 0;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        kh_buf_puts(c->b, n++ ? ",{" : "{");
        start_end_text(c, sqlite3_column_int64(st, 0),
                       sqlite3_column_int64(st, 1));
        kh_buf_putc(c->b, '}');
    }
    kh_buf_putc(c->b, ']');
    return done(c, st, r);
}

static void actor(ctx *c, sqlite3_stmt *st, int s, int e, int code)
{
    int64_t a = sqlite3_column_int64(st, s), z = sqlite3_column_int64(st, e);
    kh_buf_puts(c->b, "{\"text\":");
    span(c, a, z);
    kh_buf_puts(c->b, ",\"code\":");
    kh_json_cstr(c->b, col(st, code));
    if (a >= 0 && z > a && (size_t)z <= c->len)
        kh_buf_printf(c->b, ",\"start\":%lld,\"end\":%lld}", (long long)a,
                      (long long)z);
    else
        kh_buf_puts(c->b, ",\"start\":null,\"end\":null}");
}

static int events(ctx *c)
{
    sqlite3_stmt *st = rows(
        c, "SELECT m.sentence, m.start, m.end, m.source_start,"
           " m.source_end, e.source, m.target_start, m.target_end, e.target,"
           " e.code, e.root, e.quad, e.goldstein, e.plover, m.verb_start,"
           " m.verb_end, m.rule, e.day, p.name, p.country, p.admin1,"
           " p.kind, p.lat, p.lon, p.geonameid, m.in_quote, e.id, e.date"
           " FROM mentions m JOIN events e ON e.id = m.event"
           " LEFT JOIN places p ON p.id = e.place"
           " WHERE m.article = ?1 ORDER BY m.idx");
    if (!st)
        return KH_EDB;
    kh_buf *b = c->b;
    kh_buf_puts(b, ",\"events\":[");
    int r, n = 0;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        kh_buf_printf(b, "%s{\"sentence\":%lld,\"start\":%lld,\"end\":%lld,"
                      "\"source\":", n++ ? "," : "",
                      (long long)sqlite3_column_int64(st, 0),
                      (long long)sqlite3_column_int64(st, 1),
                      (long long)sqlite3_column_int64(st, 2));
        actor(c, st, 3, 4, 5);
        kh_buf_puts(b, ",\"target\":");
        actor(c, st, 6, 7, 8);
        kh_buf_puts(b, ",\"cameo\":");
        kh_json_cstr(b, col(st, 9));
        int quad = sqlite3_column_int(st, 11);
        const char *root = col(st, 10), *plover = col(st, 13);
        kh_buf_puts(b, ",\"root\":");
        kh_json_cstr(b, root && *root ? root : NULL);
        if (quad) {
            kh_buf_printf(b, ",\"quad\":%d,\"goldstein\":%.1f,\"plover\":",
                          quad, sqlite3_column_double(st, 12));
            kh_json_cstr(b, plover && *plover ? plover : NULL);
        } else {
            kh_buf_puts(b, ",\"quad\":null,\"goldstein\":null,"
                           "\"plover\":null");
        }
        kh_buf_puts(b, ",\"verb\":");
        int64_t vs = sqlite3_column_int64(st, 14);
        int64_t ve = sqlite3_column_int64(st, 15);
        if (ve <= vs)
            kh_json_string(b, "", 0);
        else
            span(c, vs, ve);
        kh_buf_printf(b, ",\"verb_start\":%lld,\"verb_end\":%lld",
                      (long long)vs, (long long)ve);
        kh_buf_puts(b, ",\"rule\":");
        kh_json_cstr(b, col(st, 16));
        int64_t day = sqlite3_column_int64(st, 17);
        if (sqlite3_column_type(st, 27) == SQLITE_TEXT) {
            kh_buf_puts(b, ",\"date\":");   /* coarser than a day */
            kh_json_cstr(b, col(st, 27));
        } else if (day > 0)
            kh_buf_printf(b, ",\"date\":\"%04d-%02d-%02d\"",
                          (int)(day / 10000 % 10000), (int)(day / 100 % 100),
                          (int)(day % 100));
        else
            kh_buf_puts(b, ",\"date\":null");
        kh_buf_puts(b, ",\"place\":");
        if (sqlite3_column_type(st, 18) != SQLITE_NULL) {
            place_json(c, st, 18);
            kh_buf_putc(b, '}');
        } else {
            kh_buf_puts(b, "null");
        }
        kh_buf_printf(b, ",\"in_quote\":%s,\"event\":%lld}",
                      sqlite3_column_int(st, 25) ? "true" : "false",
                      (long long)sqlite3_column_int64(st, 26));
    }
    kh_buf_putc(b, ']');
    return done(c, st, r);
}

static int quotes(ctx *c)
{
    sqlite3_stmt *st = rows(
        c, "SELECT q.sentence, q.start, q.end, q.speaker_start,"
           " q.speaker_end, q.speaker, en.name, en.code, q.outer"
           " FROM quotes q LEFT JOIN entities en"
           " ON en.article = q.article AND en.idx = q.speaker"
           " WHERE q.article = ?1 ORDER BY q.idx");
    if (!st)
        return KH_EDB;
    kh_buf *b = c->b;
    kh_buf_puts(b, ",\"quotes\":[");
    int r, n = 0;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        kh_buf_printf(b, "%s{\"sentence\":%lld,", n++ ? "," : "",
                      (long long)sqlite3_column_int64(st, 0));
        start_end_text(c, sqlite3_column_int64(st, 1),
                       sqlite3_column_int64(st, 2));
        int64_t ss = sqlite3_column_int64(st, 3);
        int64_t se = sqlite3_column_int64(st, 4);
        int has_entity = sqlite3_column_type(st, 6) != SQLITE_NULL;
        kh_buf_puts(b, ",\"speaker\":");
        if (se <= ss && !has_entity) {
            kh_buf_puts(b, "null");
        } else {
            kh_buf_puts(b, "{\"text\":");
            span(c, ss, se);
            kh_buf_puts(b, ",\"name\":");
            kh_json_cstr(b, has_entity ? col(st, 6) : NULL);
            kh_buf_puts(b, ",\"code\":");
            kh_json_cstr(b, has_entity ? col(st, 7) : NULL);
            if (has_entity)
                kh_buf_printf(b, ",\"entity\":%lld",
                              (long long)sqlite3_column_int64(st, 5));
            kh_buf_putc(b, '}');
        }
        if (sqlite3_column_type(st, 8) != SQLITE_NULL)
            kh_buf_printf(b, ",\"outer\":%lld",
                          (long long)sqlite3_column_int64(st, 8));
        kh_buf_putc(b, '}');
    }
    kh_buf_putc(b, ']');
    return done(c, st, r);
}

/* "mentions": [[start, end], ...] of one annotation, from a table of
 * (article, idx, ref, sentence, start, end) rows. */
static int mention_list(ctx *c, sqlite3_stmt *st, int64_t ref)
{
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 2, ref);
    kh_buf_puts(c->b, ",\"mentions\":[");
    int r, n = 0;
    while ((r = sqlite3_step(st)) == SQLITE_ROW)
        kh_buf_printf(c->b, "%s[%lld,%lld]", n++ ? "," : "",
                      (long long)sqlite3_column_int64(st, 0),
                      (long long)sqlite3_column_int64(st, 1));
    kh_buf_putc(c->b, ']');
    return r == SQLITE_DONE ? KH_OK
                            : kh_store_dberr(c->s, c->err, r,
                                             "reading the article");
}

static const char *entity_type(int t)
{
    return t == 1 ? "PERSON" : t == 2 ? "ORGANIZATION"
                               : t == 3 ? "PLACE" : NULL;
}

static int entities(ctx *c)
{
    sqlite3_stmt *st = rows(c, "SELECT idx, name, type, code, title,"
                               " aliases, place FROM entities"
                               " WHERE article = ?1 ORDER BY idx");
    sqlite3_stmt *ms = rows(c, "SELECT start, end FROM entity_mentions"
                               " WHERE article = ?1 AND entity = ?2"
                               " ORDER BY idx");
    if (!st || !ms) {
        sqlite3_finalize(st);
        sqlite3_finalize(ms);
        return KH_EDB;
    }
    kh_buf *b = c->b;
    kh_buf_puts(b, ",\"entities\":[");
    int r, n = 0, rc = KH_OK;
    while (rc == KH_OK && (r = sqlite3_step(st)) == SQLITE_ROW) {
        kh_buf_puts(b, n++ ? ",{\"name\":" : "{\"name\":");
        kh_json_cstr(b, col(st, 1));
        kh_buf_puts(b, ",\"type\":");
        kh_json_cstr(b, entity_type(sqlite3_column_int(st, 2)));
        kh_buf_puts(b, ",\"code\":");
        kh_json_cstr(b, col(st, 3));
        if (col(st, 4))
            kh_buf_puts(b, ",\"title\":"), kh_json_cstr(b, col(st, 4));
        const char *al = col(st, 5);
        if (al) {
            kh_buf_puts(b, ",\"aliases\":[");
            for (int k = 0;; k++) {
                size_t len = strcspn(al, "\n");
                if (k)
                    kh_buf_putc(b, ',');
                kh_json_string(b, al, len);
                if (!al[len])
                    break;
                al += len + 1;
            }
            kh_buf_putc(b, ']');
        }
        if (sqlite3_column_type(st, 6) != SQLITE_NULL)
            kh_buf_printf(b, ",\"place\":%lld",
                          (long long)sqlite3_column_int64(st, 6));
        rc = mention_list(c, ms, sqlite3_column_int64(st, 0));
        kh_buf_putc(b, '}');
    }
    kh_buf_putc(b, ']');
    sqlite3_finalize(ms);
    if (rc != KH_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    return done(c, st, r);
}

static int places(ctx *c)
{
    sqlite3_stmt *st = rows(c, "SELECT ap.idx, p.name, p.country, p.admin1,"
                               " p.kind, p.lat, p.lon, p.geonameid"
                               " FROM article_places ap JOIN places p"
                               " ON p.id = ap.place WHERE ap.article = ?1"
                               " ORDER BY ap.idx");
    sqlite3_stmt *ms = rows(c, "SELECT start, end FROM place_mentions"
                               " WHERE article = ?1 AND place = ?2"
                               " ORDER BY idx");
    if (!st || !ms) {
        sqlite3_finalize(st);
        sqlite3_finalize(ms);
        return KH_EDB;
    }
    kh_buf_puts(c->b, ",\"places\":[");
    int r, n = 0, rc = KH_OK;
    while (rc == KH_OK && (r = sqlite3_step(st)) == SQLITE_ROW) {
        if (n++)
            kh_buf_putc(c->b, ',');
        place_json(c, st, 1);
        rc = mention_list(c, ms, sqlite3_column_int64(st, 0));
        kh_buf_putc(c->b, '}');
    }
    kh_buf_putc(c->b, ']');
    sqlite3_finalize(ms);
    if (rc != KH_OK) {
        sqlite3_finalize(st);
        return rc;
    }
    return done(c, st, r);
}

static int dates(ctx *c)
{
    sqlite3_stmt *st = rows(c, "SELECT start, end, value, granularity,"
                               " sentence, relative, mod, since, time"
                               " FROM dates WHERE article = ?1 ORDER BY idx");
    if (!st)
        return KH_EDB;
    kh_buf *b = c->b;
    kh_buf_puts(b, ",\"dates\":[");
    int r, n = 0;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        kh_buf_puts(b, n++ ? ",{" : "{");
        start_end_text(c, sqlite3_column_int64(st, 0),
                       sqlite3_column_int64(st, 1));
        int g = sqlite3_column_int(st, 3);
        kh_buf_puts(b, ",\"value\":");
        kh_json_cstr(b, col(st, 2));
        kh_buf_puts(b, ",\"granularity\":");
        kh_json_cstr(b, kh_date_gran_name(g));
        kh_buf_printf(b, ",\"sentence\":%lld,\"relative\":%s",
                      (long long)sqlite3_column_int64(st, 4),
                      sqlite3_column_int(st, 5) ? "true" : "false");
        static const char *const mods[] = {"", "early", "mid", "late"};
        int mod = sqlite3_column_int(st, 6);
        if (mod >= 1 && mod <= 3)
            kh_buf_printf(b, ",\"mod\":\"%s\"", mods[mod]);
        if (sqlite3_column_int(st, 7))
            kh_buf_puts(b, ",\"since\":true");
        if (sqlite3_column_type(st, 8) == SQLITE_TEXT) {
            kh_buf_puts(b, ",\"time\":");
            kh_json_cstr(b, col(st, 8));
        }
        kh_buf_putc(b, '}');
    }
    kh_buf_putc(b, ']');
    return done(c, st, r);
}

char *kh_store_article_json(kh_store *s, int64_t article, size_t *len,
                            kh_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(
        s->db, "SELECT a.ext_id, a.url, so.name, a.dateline, a.title,"
               " a.date, a.text, a.first_copy, a.ingested"
               " FROM articles a LEFT JOIN sources so ON so.id = a.source"
               " WHERE a.id = ?", -1, &st, NULL);
    if (rc != SQLITE_OK) {
        kh_store_dberr(s, err, rc, "reading the article");
        return NULL;
    }
    sqlite3_bind_int64(st, 1, article);
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        if (rc == SQLITE_DONE)
            kh_fail(err, KH_EINPUT, s->path, 0, 0,
                    "no article with the key %lld", (long long)article);
        else
            kh_store_dberr(s, err, rc, "reading the article");
        sqlite3_finalize(st);
        return NULL;
    }
    kh_buf b = KH_BUF_INIT;
    ctx c = {s, &b, col(st, 6), (size_t)sqlite3_column_bytes(st, 6), article,
             err};
    kh_buf_puts(&b, "{\"id\":");
    kh_json_cstr(&b, col(st, 0));
    kh_buf_puts(&b, ",\"url\":");
    kh_json_cstr(&b, col(st, 1));
    kh_buf_puts(&b, ",\"source\":");
    kh_json_cstr(&b, col(st, 2));
    kh_buf_puts(&b, ",\"dateline\":");
    kh_json_cstr(&b, col(st, 3));
    if (col(st, 4))
        kh_buf_puts(&b, ",\"title\":"), kh_json_cstr(&b, col(st, 4));
    kh_buf_puts(&b, ",\"date\":");
    kh_json_cstr(&b, col(st, 5));
    rc = sentences(&c);
    if (rc == KH_OK)
        rc = events(&c);
    if (rc == KH_OK)
        rc = quotes(&c);
    if (rc == KH_OK)
        rc = entities(&c);
    if (rc == KH_OK)
        rc = places(&c);
    if (rc == KH_OK)
        rc = dates(&c);
    if (rc != KH_OK) {
        sqlite3_finalize(st);
        kh_buf_free(&b);
        return NULL;
    }
    kh_buf_puts(&b, ",\"text\":");
    kh_json_string(&b, c.text ? c.text : "", c.len);
    char when[24];
    time_t t = (time_t)sqlite3_column_int64(st, 8);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    kh_buf_printf(&b, ",\"store\":{\"key\":%lld,\"first_copy\":",
                  (long long)article);
    if (sqlite3_column_type(st, 7) == SQLITE_NULL)
        kh_buf_puts(&b, "null");
    else
        kh_buf_printf(&b, "%lld", (long long)sqlite3_column_int64(st, 7));
    kh_buf_printf(&b, ",\"ingested\":\"%s\"}}", when);
    sqlite3_finalize(st);
    return kh_buf_take(&b, len);
}
