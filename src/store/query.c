/*
 * query.c - reading events back: lists, counts, mentions, timelines, top
 * actors and places, for `khaldun events` and the JSON API.
 *
 * Every query is the filter's WHERE clause (filter.c) around a fixed
 * statement; the only SQL chosen at run time is from our own constants
 * (an ORDER BY, a period's divisor), never from a caller's text.
 */
#include "store.h"

#include "../code/cameo.h"
#include "../core/arena.h"
#include "../core/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void time_str(int64_t t, char out[24])
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* Prepares sql (a statement built from constants and a WHERE clause). */
static sqlite3_stmt *prepare(kh_store *s, const char *sql, kh_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        kh_store_dberr(s, err, rc, "preparing a query");
        return NULL;
    }
    return st;
}

/* The WHERE clause with one more condition of ours. */
static void where_and(kh_buf *b, const kh_where *w, const char *cond)
{
    if (w->sql.len) {
        kh_buf_put(b, w->sql.data, w->sql.len);
        if (cond)
            kh_buf_printf(b, " AND %s", cond);
    } else if (cond) {
        kh_buf_printf(b, " WHERE %s", cond);
    }
}

#define EVENT_COLUMNS \
    "e.id, e.day, e.source, e.target, e.source_name, e.target_name," \
    " e.source_country, e.target_country, e.code, e.root, e.quad," \
    " e.goldstein, e.plover, p.name, p.country, p.admin1, p.kind, p.lat," \
    " p.lon, p.geonameid, e.num_mentions, e.num_sources, e.num_articles," \
    " e.is_root, e.article, a.ext_id, a.url, e.added, e.date"

static const char *nonempty(const char *s)
{
    return s && *s ? s : NULL;
}

/* Fills ev from a row of EVENT_COLUMNS; date and added are its buffers. */
static void read_event(sqlite3_stmt *st, kh_store_event *ev, char date[11],
                       char added[24])
{
    memset(ev, 0, sizeof *ev);
    ev->id = sqlite3_column_int64(st, 0);
    int64_t day = sqlite3_column_int64(st, 1);
    ev->day = (int32_t)day;
    if (sqlite3_column_type(st, 28) == SQLITE_TEXT) {
        /* coarser than a day: as coded */
        snprintf(date, 11, "%s", (const char *)sqlite3_column_text(st, 28));
        ev->date = date;
    } else if (day > 0) {
        kh_day_str(day, date);
        ev->date = date;
    }
    ev->source = col_text(st, 2);
    ev->target = col_text(st, 3);
    ev->source_name = col_text(st, 4);
    ev->target_name = col_text(st, 5);
    ev->source_country = nonempty(col_text(st, 6));
    ev->target_country = nonempty(col_text(st, 7));
    ev->cameo = col_text(st, 8);
    ev->root = nonempty(col_text(st, 9));
    ev->quad = sqlite3_column_int(st, 10);
    ev->goldstein = sqlite3_column_double(st, 11);
    ev->plover = nonempty(col_text(st, 12));
    if (sqlite3_column_type(st, 13) != SQLITE_NULL) {
        ev->place = col_text(st, 13);
        ev->place_country = nonempty(col_text(st, 14));
        ev->place_admin1 = nonempty(col_text(st, 15));
        ev->place_kind = sqlite3_column_int(st, 16);
        ev->lat = sqlite3_column_double(st, 17);
        ev->lon = sqlite3_column_double(st, 18);
        ev->geonameid = (uint32_t)sqlite3_column_int64(st, 19);
    }
    ev->mentions = sqlite3_column_int64(st, 20);
    ev->sources = sqlite3_column_int64(st, 21);
    ev->articles = sqlite3_column_int64(st, 22);
    ev->is_root = sqlite3_column_int(st, 23);
    ev->article = sqlite3_column_int64(st, 24);
    ev->article_id = col_text(st, 25);
    ev->url = col_text(st, 26);
    time_str(sqlite3_column_int64(st, 27), added);
    ev->added = added;
}

static const char *order_by(int order, const char *t)
{
    static char buf[96];
    switch (order) {
    case KH_ORDER_OLDEST:
        snprintf(buf, sizeof buf, " ORDER BY %s.day, %s.id", t, t);
        break;
    case KH_ORDER_MENTIONS:
        snprintf(buf, sizeof buf, " ORDER BY e.num_mentions DESC, e.id");
        break;
    case KH_ORDER_ID:
        snprintf(buf, sizeof buf, " ORDER BY e.id");
        break;
    default:
        snprintf(buf, sizeof buf, " ORDER BY %s.day DESC, %s.id DESC", t, t);
    }
    return buf;
}

/* Runs a query built around w, binding w's values (twice when twice) and
 * then the integers extra[0..nextra). */
static sqlite3_stmt *prepare_where(kh_store *s, const char *sql,
                                   const kh_where *w, int twice,
                                   const int64_t *extra, int nextra,
                                   kh_error *err)
{
    sqlite3_stmt *st = prepare(s, sql, err);
    if (!st)
        return NULL;
    int i = kh_where_bind(w, st, 1);
    if (twice)
        i = kh_where_bind(w, st, i);
    for (int k = 0; k < nextra; k++)
        sqlite3_bind_int64(st, i++, extra[k]);
    return st;
}

/* f without its keyset cursor (counts and aggregates ignore it); copy
 * holds it when it had one. */
static const kh_event_filter *unpaged(const kh_event_filter *f,
                                      kh_event_filter *copy)
{
    if (!f || !f->after_id)
        return f;
    *copy = *f;
    copy->after_id = 0;
    copy->after_day = 0;
    return copy;
}

/* The number of events that match, counting no further than max (0: all).
 * With a limit, the conditions drive the work from their indexes and stop
 * at max; without, every match is counted. */
static int count_upto(kh_store *s, const kh_event_filter *f, int64_t max,
                      int64_t *n, kh_error *err)
{
    *n = 0;
    kh_where w;
    kh_event_filter copy;
    f = unpaged(f, &copy);
    int rc = kh_where_build(&w, f, max > 0 ? KH_WHERE_DRIVE : KH_WHERE_IN,
                            err);
    if (rc != KH_OK)
        return rc;
    kh_buf q = KH_BUF_INIT;
    if (max > 0) {
        kh_buf_printf(&q, "SELECT count(*) FROM (SELECT %se.id",
                      w.distinct ? "DISTINCT " : "");
        kh_buf_put(&q, w.from.data, w.from.len);
        where_and(&q, &w, NULL);
        kh_buf_puts(&q, " LIMIT ?)");
    } else {
        kh_buf_puts(&q, "SELECT count(*)");
        kh_buf_put(&q, w.from.data, w.from.len);
        where_and(&q, &w, NULL);
    }
    sqlite3_stmt *st = prepare_where(s, kh_buf_cstr(&q), &w, 0, &max,
                                     max > 0, err);
    kh_buf_free(&q);
    if (!st) {
        kh_where_free(&w);
        return err ? err->code : KH_EDB;
    }
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
        *n = sqlite3_column_int64(st, 0);
        rc = KH_OK;
    } else {
        rc = kh_store_dberr(s, err, r, "counting events");
    }
    sqlite3_finalize(st);
    kh_where_free(&w);
    return rc;
}

int kh_store_count_events(kh_store *s, const kh_event_filter *f,
                          int64_t max, int64_t *n, kh_error *err)
{
    return count_upto(s, f, max < 0 ? 0 : max, n, err);
}

/* How a page of events in date order is read.  Two plans, and which is
 * cheaper depends on how many events match, which SQLite cannot tell from
 * a range of codes, a name or a combination of filters:
 *   SCAN: read the events in date order (events_day, within the date
 *         range if there is one) and check each against the filter until
 *         the page is full: cheap when many match, as it fills fast;
 *   LIST: find the matches through the filters' indexes, sort them by
 *         date and take the page: cheap when few match.
 * For a page of k events among N, of which a share p match, SCAN reads
 * about k / p events and LIST p * N: the same when p = sqrt(k / N).  So
 * the first S = 10 k events in date order are checked (a sample: it often
 * holds the whole page already), which measures p, and the cheaper plan
 * runs.  Either way a page reads at most about 2 sqrt(k * N) events plus
 * the sample: some 20,000 for 100 of a million. */
#define SCAN_MAX 10000   /* pages deeper than this go to LIST directly */

/* The date range a filter sets, as days (0 when open), narrowed to the
 * cursor's side. */
static void day_range(const kh_event_filter *f, int *from, int *to)
{
    *from = f->since ? kh_period_day(f->since, 0) : 0;
    *to = f->until ? kh_period_day(f->until, 1) : 0;
    kh_cursor_days(f, from, to);
}

/* The keyset cursor of a page in date order (filter.c writes the same
 * condition into the filter's WHERE) for the reads of events_day in
 * order: " AND (e.day, e.id) < (?, ?)" and its two values, or nothing. */
static void cursor_cond(const kh_event_filter *f, kh_buf *q, int64_t *vals,
                        int *nv)
{
    if (!f->after_id)
        return;
    kh_buf_printf(q, " AND (e.day, e.id) %c (?, ?)",
                  f->order == KH_ORDER_OLDEST ? '>' : '<');
    vals[(*nv)++] = f->after_day;
    vals[(*nv)++] = f->after_id;
}

/* The first need matching ids in date order among the first `sample`
 * events of the date range (sample 0: all of them). */
static int scan_ids(kh_store *s, const kh_event_filter *f, int64_t *ids,
                    size_t need, size_t sample, size_t *n, kh_error *err)
{
    *n = 0;
    kh_where w;
    int rc = kh_where_build(&w, f, KH_WHERE_SCAN, err);
    if (rc != KH_OK)
        return rc;
    kh_buf q = KH_BUF_INIT;
    int from, to;
    day_range(f, &from, &to);
    int64_t vals[5];
    int nv = 0;
    if (sample) {
        /* The sample: the first events of the range (after the cursor),
         * whatever they are; the filter then checks them. */
        kh_buf_puts(&q, "SELECT e.id FROM (SELECT * FROM events e"
                        " INDEXED BY events_day WHERE e.day BETWEEN ? AND ?");
        vals[nv++] = from ? from : 0;
        vals[nv++] = to ? to : 99991231;
        cursor_cond(f, &q, vals, &nv);
        kh_buf_puts(&q, order_by(f->order, "e"));
        kh_buf_puts(&q, " LIMIT ?) e");
        vals[nv++] = (int64_t)sample;
    } else {
        kh_buf_puts(&q, "SELECT e.id FROM events e INDEXED BY events_day");
    }
    where_and(&q, &w, NULL);
    kh_buf_puts(&q, order_by(f->order, "e"));
    kh_buf_puts(&q, " LIMIT ?");
    sqlite3_stmt *st = prepare(s, kh_buf_cstr(&q), err);
    kh_buf_free(&q);
    if (!st) {
        kh_where_free(&w);
        return err ? err->code : KH_EDB;
    }
    int i = 1;
    for (int k = 0; k < nv; k++)       /* the sample's, before w's */
        sqlite3_bind_int64(st, i++, vals[k]);
    i = kh_where_bind(&w, st, i);
    sqlite3_bind_int64(st, i, (int64_t)need);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW && *n < need)
        ids[(*n)++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    kh_where_free(&w);   /* after the statement: it borrowed the values */
    if (r != SQLITE_DONE && r != SQLITE_ROW)
        return kh_store_dberr(s, err, r, "reading events");
    return KH_OK;
}

/* The number of events in the filter's date range, up to max. */
static int64_t range_size(kh_store *s, const kh_event_filter *f, int64_t max)
{
    int from, to;
    day_range(f, &from, &to);
    kh_buf q = KH_BUF_INIT;
    int64_t vals[5] = {from ? from : 0, to ? to : 99991231};
    int nv = 2;
    kh_buf_puts(&q, "SELECT count(*) FROM (SELECT 1 FROM events e INDEXED BY"
                    " events_day WHERE e.day BETWEEN ? AND ?");
    cursor_cond(f, &q, vals, &nv);
    kh_buf_puts(&q, " LIMIT ?)");
    vals[nv++] = max;
    sqlite3_stmt *st = prepare(s, kh_buf_cstr(&q), NULL);
    kh_buf_free(&q);
    if (!st)
        return max;
    for (int k = 0; k < nv; k++)
        sqlite3_bind_int64(st, k + 1, vals[k]);
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0)
                                               : max;
    sqlite3_finalize(st);
    return n;
}

/* SCAN or LIST for a page of f (see above): *ids (malloc'd) and *n are
 * the page's ids when the sample or SCAN found them; *list is set when
 * LIST should run instead. */
static int plan_page(kh_store *s, const kh_event_filter *f, int64_t **ids,
                     size_t *n, int *list, kh_error *err)
{
    size_t need = f->offset + f->limit;
    size_t sample = 10 * need < 1000 ? 1000 : 10 * need;
    *list = 0;
    *ids = kh_xmalloc(need * sizeof **ids);
    *n = 0;
    if (f->id || f->article) {
        *list = 1;   /* one event, or one article's: few by nature */
        return KH_OK;
    }
    s->plan = 'S';
    int rc = scan_ids(s, f, *ids, need, sample, n, err);
    if (rc != KH_OK || *n >= need)
        return rc;
    /* How many events did the sample hold?  Fewer than asked: it was the
     * whole range, and the matches are all there are. */
    int64_t held = range_size(s, f, (int64_t)sample);
    if (held < (int64_t)sample)
        return KH_OK;
    sqlite3_stmt *st = prepare(s, "SELECT max(id) FROM events", err);
    if (!st)
        return err ? err->code : KH_EDB;
    int64_t total = sqlite3_step(st) == SQLITE_ROW
                        ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    double p = (double)*n / (double)sample;
    if (total > 0 && p * p >= (double)need / (double)total) {
        s->plan = 'F';
        return scan_ids(s, f, *ids, need, 0, n, err);
    }
    *list = 1;
    return KH_OK;
}

/* Calls cb for the events ids[0..n), in that order. */
static int rows_by_id(kh_store *s, const int64_t *ids, size_t n,
                      int (*cb)(void *ctx, const kh_store_event *ev),
                      void *ctx, kh_error *err)
{
    sqlite3_stmt *st = prepare(s, "SELECT " EVENT_COLUMNS " FROM events e"
                                  " LEFT JOIN places p ON p.id = e.place"
                                  " LEFT JOIN articles a"
                                  " ON a.id = e.article WHERE e.id = ?",
                               err);
    if (!st)
        return err ? err->code : KH_EDB;
    int rc = KH_OK;
    for (size_t i = 0; i < n; i++) {
        sqlite3_bind_int64(st, 1, ids[i]);
        int r = sqlite3_step(st);
        if (r == SQLITE_ROW) {
            kh_store_event ev;
            char date[11], added[24];
            read_event(st, &ev, date, added);
            if (cb(ctx, &ev))
                break;
        } else if (r != SQLITE_DONE) {
            rc = kh_store_dberr(s, err, r, "reading events");
            break;
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

int kh_store_events(kh_store *s, const kh_event_filter *f,
                    int (*cb)(void *ctx, const kh_store_event *ev),
                    void *ctx, kh_error *err)
{
    int order = f ? f->order : KH_ORDER_NEWEST;
    int dated = order == KH_ORDER_NEWEST || order == KH_ORDER_OLDEST;
    kh_where w;
    int rc = kh_where_build(&w, f, KH_WHERE_DRIVE, err);
    if (rc != KH_OK)
        return rc;
    /* SCAN without a filter needs no sample; with one, see plan_page.
     * Without a limit or in another order, every match is read anyway. */
    int filtered = w.nconds - w.cursor;   /* conditions besides the cursor */
    int scan = dated && !filtered, list = 0;
    if (dated && filtered && f->limit && f->offset + f->limit <= SCAN_MAX) {
        int64_t *ids;
        size_t n;
        rc = plan_page(s, f, &ids, &n, &list, err);
        if (rc != KH_OK || !list) {
            kh_where_free(&w);
            if (rc == KH_OK && n > f->offset)
                rc = rows_by_id(s, ids + f->offset, n - f->offset, cb, ctx,
                                err);
            free(ids);
            return rc;
        }
        free(ids);
    } else if (dated && filtered && f->limit) {
        list = 1;
    }
    s->plan = list ? 'L' : scan ? 'A' : 'P';
    kh_buf q = KH_BUF_INIT;
    if (list) {
        /* LIST: the matches' ids and days, sorted; then the page's rows. */
        kh_buf_printf(&q, "WITH sel AS MATERIALIZED (SELECT %se.id AS id,"
                      " e.day AS day", w.distinct ? "DISTINCT " : "");
        kh_buf_put(&q, w.from.data, w.from.len);
        where_and(&q, &w, NULL);
        kh_buf_printf(&q, ") SELECT " EVENT_COLUMNS " FROM (SELECT id, day"
                      " FROM sel%s LIMIT ? OFFSET ?) t JOIN events e"
                      " ON e.id = t.id", order_by(order, "sel"));
        kh_buf_puts(&q, " LEFT JOIN places p ON p.id = e.place"
                        " LEFT JOIN articles a ON a.id = e.article");
        kh_buf_puts(&q, order_by(order, "t"));
    } else {
        /* SCAN without a filter, or every match in the order asked. */
        kh_buf_puts(&q, "SELECT " EVENT_COLUMNS);
        if (scan)
            kh_buf_puts(&q, " FROM events e INDEXED BY events_day");
        else if (w.distinct)
            kh_buf_puts(&q, " FROM events e");
        else
            kh_buf_put(&q, w.from.data, w.from.len);
        kh_buf_puts(&q, " LEFT JOIN places p ON p.id = e.place"
                        " LEFT JOIN articles a ON a.id = e.article");
        if (w.distinct) {
            /* the matches, each once */
            kh_buf_puts(&q, " WHERE e.id IN (SELECT e.id");
            kh_buf_put(&q, w.from.data, w.from.len);
            where_and(&q, &w, NULL);
            kh_buf_putc(&q, ')');
        } else {
            where_and(&q, &w, NULL);
        }
        kh_buf_puts(&q, order_by(order, "e"));
        kh_buf_puts(&q, " LIMIT ? OFFSET ?");
    }
    int64_t page[2] = {f && f->limit ? (int64_t)f->limit : -1,
                       f ? (int64_t)f->offset : 0};
    sqlite3_stmt *st = prepare_where(s, kh_buf_cstr(&q), &w, 0, page, 2,
                                     err);
    kh_buf_free(&q);
    if (!st) {
        kh_where_free(&w);
        return err ? err->code : KH_EDB;
    }
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        kh_store_event ev;
        char date[11], added[24];
        read_event(st, &ev, date, added);
        if (cb(ctx, &ev)) {
            r = SQLITE_DONE;
            break;
        }
    }
    rc = r == SQLITE_DONE ? KH_OK : kh_store_dberr(s, err, r,
                                                    "reading events");
    sqlite3_finalize(st);
    kh_where_free(&w);
    return rc;
}

/* A copy of text[s..e) when it is a valid span of n bytes, else NULL. */
static char *slice(const char *text, size_t n, int64_t s, int64_t e)
{
    if (!text || s < 0 || e <= s || (size_t)e > n)
        return NULL;
    char *out = malloc((size_t)(e - s) + 1);
    if (!out)
        kh_oom();
    memcpy(out, text + s, (size_t)(e - s));
    out[e - s] = '\0';
    return out;
}

int kh_store_mentions(kh_store *s, int64_t event, size_t limit,
                      int (*cb)(void *ctx, const kh_store_mention *m),
                      void *ctx, kh_error *err)
{
    sqlite3_stmt *st = prepare(
        s,
        "SELECT m.event, m.article, a.ext_id, so.name, a.date, a.url,"
        " m.sentence, se.start, se.end, m.start, m.end, m.source_start,"
        " m.source_end, m.target_start, m.target_end, m.verb_start,"
        " m.verb_end, m.rule, m.in_quote, a.text"
        " FROM mentions m JOIN articles a ON a.id = m.article"
        " LEFT JOIN sources so ON so.id = a.source"
        " LEFT JOIN sentences se ON se.article = m.article"
        "  AND se.idx = m.sentence"
        " WHERE m.event = ? ORDER BY m.article, m.idx LIMIT ?",
        err);
    if (!st)
        return err ? err->code : KH_EDB;
    sqlite3_bind_int64(st, 1, event);
    sqlite3_bind_int64(st, 2, limit ? (int64_t)limit : -1);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        kh_store_mention m;
        memset(&m, 0, sizeof m);
        m.event = sqlite3_column_int64(st, 0);
        m.article = sqlite3_column_int64(st, 1);
        m.article_id = col_text(st, 2);
        m.article_source = col_text(st, 3);
        m.article_date = col_text(st, 4);
        m.url = col_text(st, 5);
        m.sentence = (size_t)sqlite3_column_int64(st, 6);
        m.sentence_start = (size_t)sqlite3_column_int64(st, 7);
        m.sentence_end = (size_t)sqlite3_column_int64(st, 8);
        m.start = (size_t)sqlite3_column_int64(st, 9);
        m.end = (size_t)sqlite3_column_int64(st, 10);
        m.rule = col_text(st, 17);
        m.in_quote = sqlite3_column_int(st, 18);
        const char *text = col_text(st, 19);
        size_t n = (size_t)sqlite3_column_bytes(st, 19);
        char *sent = slice(text, n, sqlite3_column_int64(st, 7),
                           sqlite3_column_int64(st, 8));
        char *src = slice(text, n, sqlite3_column_int64(st, 11),
                          sqlite3_column_int64(st, 12));
        char *tgt = slice(text, n, sqlite3_column_int64(st, 13),
                          sqlite3_column_int64(st, 14));
        char *verb = slice(text, n, sqlite3_column_int64(st, 15),
                           sqlite3_column_int64(st, 16));
        m.sentence_text = sent;
        m.source_text = src;
        m.target_text = tgt;
        m.verb = verb;
        int stop = cb(ctx, &m);
        free(sent), free(src), free(tgt), free(verb);
        if (stop) {
            r = SQLITE_DONE;
            break;
        }
    }
    int rc = r == SQLITE_DONE ? KH_OK
                              : kh_store_dberr(s, err, r, "reading mentions");
    sqlite3_finalize(st);
    return rc;
}

/* Does f filter by dates only (or not at all)?  Then the counts by day
 * answer the aggregates, and *from, *to are its range. */
static int dates_only(const kh_event_filter *f, int64_t *from, int64_t *to)
{
    *from = 0;
    *to = 99991231;
    if (!f)
        return 1;
    if (f->id || f->actor || f->source || f->target || f->cameo ||
        f->root || f->plover || f->quad || f->country || f->place ||
        f->article)
        return 0;
    if (f->since)
        *from = kh_period_day(f->since, 0);
    if (f->until)
        *to = kh_period_day(f->until, 1);
    if (f->since || f->until)
        *from = *from < 1 ? 1 : *from;   /* a range leaves undated out */
    return 1;
}

/* A filter other than dates: the aggregates read the last KH_AGG_CAP
 * matches stored (the highest ids), not every match: a common actor
 * matches a tenth of a million events, and reading them all takes a
 * second.  By id, not by date: ids come in order from the table itself
 * or from the filter's indexes without reading a row, where a date order
 * reads every match's row to sort them; a store ingested in date order
 * has its newest events last.  Two plans, as for pages:
 *   BOUND: the last 10 caps of ids, read in order (the table's own
 *          order: sequential pages), hold more than a cap of matches
 *          (a share of 10% or more): the (cap+1)-th match from the end
 *          is the bound, and the matches above it are counted;
 *   LIST:  else the filter's indexes give every match's id (fewer than
 *          a tenth of the events), and the highest cap + 1 are kept.
 * agg_plan runs the probe of BOUND: *bound is the bound, or 0. */
#define AGG_PROBE (10 * KH_AGG_CAP)

/* The aggregates' WHERE: each event checked as it is read (a name's
 * EXISTS among the event's mentions), which lets a read in id order stop
 * at the cap; but a name of a cap of events or fewer (counted from its
 * mentions, milliseconds) is a list of them, made once: reading every
 * event to find them would take seconds. */
static int agg_where(kh_store *s, kh_where *w, const kh_event_filter *f,
                     kh_error *err)
{
    int rc = kh_where_build(w, f, KH_WHERE_SCAN, err);
    if (rc != KH_OK || !w->nowned)
        return rc;
    int64_t n;
    if ((rc = count_upto(s, f, KH_AGG_CAP + 1, &n, err)) != KH_OK) {
        kh_where_free(w);
        return rc;
    }
    if (n > KH_AGG_CAP)
        return KH_OK;
    kh_where_free(w);
    return kh_where_build(w, f, KH_WHERE_IN, err);
}

/* How many matches (up to a cap + 1) the ids above lo hold, and the
 * least of them. */
static int probe(kh_store *s, const kh_where *w, int64_t lo, int64_t *n,
                 int64_t *least, kh_error *err)
{
    kh_buf q = KH_BUF_INIT;
    kh_buf_puts(&q, "SELECT count(*), min(id) FROM (SELECT e.id AS id"
                    " FROM events e NOT INDEXED");
    where_and(&q, w, "e.id > ?");
    kh_buf_puts(&q, " ORDER BY e.id DESC LIMIT ?)");
    int64_t extra[2] = {lo, KH_AGG_CAP + 1};
    sqlite3_stmt *st = prepare_where(s, kh_buf_cstr(&q), w, 0, extra, 2,
                                     err);
    kh_buf_free(&q);
    if (!st)
        return err ? err->code : KH_EDB;
    int r = sqlite3_step(st);
    *n = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    *least = r == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
    sqlite3_finalize(st);
    return r == SQLITE_ROW ? KH_OK
                           : kh_store_dberr(s, err, r, "counting events");
}

/* The probe of BOUND: the last AGG_PROBE ids; when they hold fewer than a
 * cap of matches but the share they show would find one within five
 * times as many, those (the scan reads some 3 rows a microsecond, a
 * fifth of what the filter's list costs a match). */
static int agg_plan(kh_store *s, const kh_where *w, int64_t *bound,
                    kh_error *err)
{
    *bound = 0;
    s->plan = 'I';
    if (w->nowned)
        return KH_OK;   /* a name: SQLite reads the events in id order,
                           checking each event's mentions, and stops at
                           the cap: no probe */
    sqlite3_stmt *st = prepare(s, "SELECT max(id) FROM events", err);
    if (!st)
        return err ? err->code : KH_EDB;
    int64_t top = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0)
                                                 : 0;
    sqlite3_finalize(st);
    int64_t window = s->agg_probe ? s->agg_probe : AGG_PROBE, n, least;
    int rc = probe(s, w, top > window ? top - window : 0, &n, &least, err);
    if (rc != KH_OK)
        return rc;
    if (n <= KH_AGG_CAP && n > 0 && top > window) {
        int64_t wider = (KH_AGG_CAP + 1) * window / n * 5 / 4;
        if (wider > 5 * window)
            return KH_OK;
        window = wider;
        rc = probe(s, w, top > window ? top - window : 0, &n, &least, err);
        if (rc != KH_OK)
            return rc;
    }
    if (n > KH_AGG_CAP) {
        *bound = least;
        s->plan = 'B';
    }
    return KH_OK;
}

/* Writes "WITH sel ..., pick ... " into q for the plan: `pick` is the ids
 * to count, and `(SELECT count(*) FROM sel)` more than the cap says it
 * was reached (BOUND: sel holds the cap above the bound, and one more is
 * the bound itself).  Returns the values to bind after w's into extra[],
 * then n; returns how many. */
static int capped_ids(kh_buf *q, const kh_where *w, int64_t bound,
                      int64_t n, int64_t extra[3])
{
    if (bound) {
        kh_buf_puts(q, "WITH sel0 AS MATERIALIZED (SELECT e.id AS id"
                       " FROM events e NOT INDEXED");
        where_and(q, w, "e.id > ?");
        kh_buf_puts(q, "), sel AS (SELECT id FROM sel0 UNION ALL"
                       " SELECT 0), pick AS (SELECT id FROM sel0) ");
        extra[0] = bound;
        extra[1] = n;
        return 2;
    }
    kh_buf_puts(q, "WITH sel AS MATERIALIZED (SELECT e.id AS id"
                   " FROM events e");
    where_and(q, w, NULL);
    kh_buf_puts(q, " ORDER BY e.id DESC LIMIT ?), pick AS"
                   " (SELECT id FROM sel ORDER BY id DESC LIMIT ?) ");
    extra[0] = KH_AGG_CAP + 1;
    extra[1] = KH_AGG_CAP;
    extra[2] = n;
    return 3;
}

static const char *const quad_names[] = {
    NULL, "verbal cooperation", "material cooperation", "verbal conflict",
    "material conflict",
};

/* The start of a filtered aggregate of at most n rows: f's conditions
 * (without paging) in *w, and in *q the CTEs of its matches, capped as
 * agg_plan decides (capped_ids), whose bindings are extra[0..*nextra).
 * On an error *w is freed. */
static int agg_begin(kh_store *s, const kh_event_filter *f, int64_t n,
                     kh_where *w, kh_buf *q, int64_t extra[3], int *nextra,
                     kh_error *err)
{
    kh_event_filter copy;
    f = unpaged(f, &copy);
    int rc = agg_where(s, w, f, err);
    if (rc != KH_OK)
        return rc;
    int64_t bound;
    if ((rc = agg_plan(s, w, &bound, err)) != KH_OK) {
        kh_where_free(w);
        return rc;
    }
    *nextra = capped_ids(q, w, bound, n, extra);
    return KH_OK;
}

int kh_store_timeline(kh_store *s, const kh_event_filter *f, int group,
                      int period,
                      int (*cb)(void *ctx, const kh_store_count *c),
                      void *ctx, kh_error *err)
{
    const char *div = period == KH_PERIOD_YEAR ? "10000"
                      : period == KH_PERIOD_MONTH ? "100" : "1";
    const char *grp = group == KH_GROUP_QUAD ? "e.quad"
                      : group == KH_GROUP_ROOT ? "e.root" : "NULL";
    if (period < KH_PERIOD_DAY || period > KH_PERIOD_YEAR ||
        group < KH_GROUP_QUAD || group > KH_GROUP_NONE)
        return kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                       "unknown period or group");
    kh_where w;
    kh_event_filter copy;
    f = unpaged(f, &copy);
    int rc = agg_where(s, &w, f, err);
    if (rc != KH_OK)
        return rc;
    kh_buf q = KH_BUF_INIT;
    int64_t range[2], extra[3], bound = 0;
    int nextra = 0;
    int rolled = dates_only(f, &range[0], &range[1]);
    if (!rolled && (rc = agg_plan(s, &w, &bound, err)) != KH_OK) {
        kh_where_free(&w);
        return rc;
    }
    if (rolled) {
        kh_buf_printf(&q, "SELECT e.day / %s AS t, %s AS g, sum(e.events),"
                          " sum(e.mentions), 0 FROM day_counts e"
                          " WHERE e.day > 0 AND e.day BETWEEN ? AND ?",
                      div, grp);
    } else {
        /* (no n: every group) */
        nextra = capped_ids(&q, &w, bound, 0, extra) - 1;
        kh_buf_printf(&q, "SELECT e.day / %s AS t, %s AS g, count(*),"
                          " sum(e.num_mentions), (SELECT count(*) FROM sel)"
                          " FROM pick JOIN events e ON e.id = pick.id"
                          " WHERE e.day > 0", div, grp);
    }
    kh_buf_puts(&q, " GROUP BY t, g ORDER BY t, g");
    sqlite3_stmt *st = rolled ? prepare(s, kh_buf_cstr(&q), err)
                              : prepare_where(s, kh_buf_cstr(&q), &w, 0,
                                              extra, nextra, err);
    kh_buf_free(&q);
    if (!st) {
        kh_where_free(&w);
        return err ? err->code : KH_EDB;
    }
    if (rolled) {
        sqlite3_bind_int64(st, 1, range[0]);
        sqlite3_bind_int64(st, 2, range[1]);
    }
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t t = sqlite3_column_int64(st, 0);
        char per[16], key[16];
        if (period == KH_PERIOD_YEAR)
            snprintf(per, sizeof per, "%04d", (int)(t % 10000));
        else if (period == KH_PERIOD_MONTH)
            snprintf(per, sizeof per, "%04d-%02d", (int)(t / 100 % 10000),
                     (int)(t % 100));
        else
            kh_day_str(t, per);
        kh_store_count c = {0};
        c.period = per;
        if (group == KH_GROUP_QUAD) {
            int qd = sqlite3_column_int(st, 1);
            snprintf(key, sizeof key, "%d", qd);
            c.key = key;
            c.name = qd >= 1 && qd <= 4 ? quad_names[qd] : NULL;
        } else if (group == KH_GROUP_ROOT) {
            c.key = col_text(st, 1);
            const kh_cameo_info *ci =
                c.key ? kh_cameo_lookup(c.key, strlen(c.key)) : NULL;
            c.name = ci ? ci->name : NULL;
        }
        c.events = sqlite3_column_int64(st, 2);
        c.mentions = sqlite3_column_int64(st, 3);
        c.capped = sqlite3_column_int64(st, 4) > KH_AGG_CAP ? KH_AGG_CAP : 0;
        if (cb(ctx, &c)) {
            r = SQLITE_DONE;
            break;
        }
    }
    rc = r == SQLITE_DONE ? KH_OK
                          : kh_store_dberr(s, err, r, "counting events");
    sqlite3_finalize(st);
    kh_where_free(&w);
    return rc;
}

/* The name articles wrote most often for an actor code, as source or
 * target, in its newest 200 events of each role (events_source and
 * events_target give them in date order): into out, "" when none. */
static void actor_name(sqlite3_stmt *st, const char *code, char *out,
                       size_t size)
{
    out[0] = '\0';
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW && col_text(st, 0))
        snprintf(out, size, "%s", col_text(st, 0));
}

/* The name statement of actor_name. */
static sqlite3_stmt *name_stmt(kh_store *s, kh_error *err)
{
    return prepare(
        s,
        "SELECT name, count(*) AS k FROM ("
        "SELECT * FROM (SELECT source_name AS name FROM events"
        " INDEXED BY events_source WHERE source = ?1 AND source_name <> ''"
        " ORDER BY day DESC, id DESC LIMIT 200) UNION ALL "
        "SELECT * FROM (SELECT target_name FROM events"
        " INDEXED BY events_target WHERE target = ?1 AND target_name <> ''"
        " ORDER BY day DESC, id DESC LIMIT 200))"
        " GROUP BY name ORDER BY k DESC, name LIMIT 1", err);
}

/* The top actors of a date range (or of all days), from day_actors. */
static int top_actors_rolled(kh_store *s, int64_t from, int64_t to,
                             size_t n,
                             int (*cb)(void *ctx, const kh_store_count *c),
                             void *ctx, kh_error *err)
{
    kh_rollup_row *rows;
    size_t nrows;
    int rc = kh_rollup_top(s, 0, from, to, &rows, &nrows, err);
    if (rc != KH_OK)
        return rc;
    sqlite3_stmt *nm = name_stmt(s, err);
    if (!nm) {
        kh_rollup_free(rows, nrows);
        return err ? err->code : KH_EDB;
    }
    for (size_t i = 0; i < nrows && i < n; i++) {
        kh_store_count c = {0};
        char name[256];
        c.key = rows[i].key;
        c.events = rows[i].events;
        c.mentions = rows[i].mentions;
        actor_name(nm, c.key, name, sizeof name);
        c.name = nonempty(name);
        if (cb(ctx, &c))
            break;
    }
    sqlite3_finalize(nm);
    kh_rollup_free(rows, nrows);
    return KH_OK;
}

int kh_store_top_actors(kh_store *s, const kh_event_filter *f, size_t n,
                        int (*cb)(void *ctx, const kh_store_count *c),
                        void *ctx, kh_error *err)
{
    int64_t range[2];
    if (dates_only(f, &range[0], &range[1]))
        return top_actors_rolled(s, range[0], range[1], n ? n : 10, cb, ctx,
                                 err);
    kh_where w;
    kh_buf q = KH_BUF_INIT;
    int64_t extra[3];
    int nextra;
    int rc = agg_begin(s, f, n ? (int64_t)n : 10, &w, &q, extra, &nextra,
                       err);
    if (rc != KH_OK)
        return rc;
    {
        /* each event read once, counted for its source and its target */
        kh_buf_puts(&q, "SELECT code, count(*) AS n, sum(m),"
                        " (SELECT count(*) FROM sel)"
                        " FROM (SELECT CASE k.r WHEN 1 THEN e.source ELSE"
                        " e.target END AS code, e.num_mentions AS m"
                        " FROM pick CROSS JOIN events e ON e.id = pick.id"
                        " CROSS JOIN (SELECT 1 AS r UNION ALL SELECT 2) k)"
                        " WHERE code <> ''"
                        " GROUP BY code ORDER BY n DESC, code LIMIT ?");
    }
    sqlite3_stmt *st = prepare_where(s, kh_buf_cstr(&q), &w, 0, extra,
                                     nextra, err);
    kh_buf_free(&q);
    sqlite3_stmt *nm = st ? name_stmt(s, err) : NULL;
    if (!st || !nm) {
        sqlite3_finalize(st);
        kh_where_free(&w);
        return err ? err->code : KH_EDB;
    }
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        kh_store_count c = {0};
        char name[256];
        c.key = col_text(st, 0);
        c.events = sqlite3_column_int64(st, 1);
        c.mentions = sqlite3_column_int64(st, 2);
        c.capped = sqlite3_column_int64(st, 3) > KH_AGG_CAP ? KH_AGG_CAP : 0;
        actor_name(nm, c.key, name, sizeof name);
        c.name = nonempty(name);
        if (cb(ctx, &c)) {
            r = SQLITE_DONE;
            break;
        }
    }
    rc = r == SQLITE_DONE ? KH_OK
                          : kh_store_dberr(s, err, r, "counting actors");
    sqlite3_finalize(nm);
    sqlite3_finalize(st);
    kh_where_free(&w);
    return rc;
}

/* The places of a date range (or of all days), from day_places. */
static int places_rolled(kh_store *s, int64_t from, int64_t to, size_t n,
                         int (*cb)(void *ctx, const kh_store_place *p),
                         void *ctx, kh_error *err)
{
    kh_rollup_row *rows;
    size_t nrows;
    int rc = kh_rollup_top(s, 1, from, to, &rows, &nrows, err);
    if (rc != KH_OK)
        return rc;
    sqlite3_stmt *st = prepare(s, "SELECT name, country, admin1, kind, lat,"
                                  " lon, geonameid FROM places WHERE id = ?",
                               err);
    if (!st) {
        kh_rollup_free(rows, nrows);
        return err ? err->code : KH_EDB;
    }
    size_t sent = 0;
    for (size_t i = 0; i < nrows && sent < n; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, rows[i].id);
        int r = sqlite3_step(st);
        if (r == SQLITE_DONE)
            continue;   /* as the join did: a place no longer there */
        if (r != SQLITE_ROW) {
            rc = kh_store_dberr(s, err, r, "counting places");
            break;
        }
        kh_store_place p = {0};
        p.id = rows[i].id;
        p.name = col_text(st, 0);
        p.country = nonempty(col_text(st, 1));
        p.admin1 = nonempty(col_text(st, 2));
        p.kind = sqlite3_column_int(st, 3);
        p.lat = sqlite3_column_double(st, 4);
        p.lon = sqlite3_column_double(st, 5);
        p.geonameid = (uint32_t)sqlite3_column_int64(st, 6);
        p.events = rows[i].events;
        p.mentions = rows[i].mentions;
        sent++;
        if (cb(ctx, &p))
            break;
    }
    sqlite3_finalize(st);
    kh_rollup_free(rows, nrows);
    return rc;
}

int kh_store_places(kh_store *s, const kh_event_filter *f, size_t n,
                    int (*cb)(void *ctx, const kh_store_place *p),
                    void *ctx, kh_error *err)
{
    int64_t range[2];
    if (dates_only(f, &range[0], &range[1]))
        return places_rolled(s, range[0], range[1], n ? n : 100, cb, ctx,
                             err);
    kh_where w;
    kh_buf q = KH_BUF_INIT;
    int64_t extra[3];
    int nextra;
    int rc = agg_begin(s, f, n ? (int64_t)n : 100, &w, &q, extra, &nextra,
                       err);
    if (rc != KH_OK)
        return rc;
    kh_buf_puts(&q, "SELECT p.id, p.name, p.country, p.admin1, p.kind,"
                    " p.lat, p.lon, p.geonameid,");
    {
        kh_buf_puts(&q, " count(*) AS n, sum(e.num_mentions),"
                        " (SELECT count(*) FROM sel)"
                        " FROM pick JOIN events e ON e.id = pick.id"
                        " JOIN places p ON p.id = e.place"
                        " WHERE e.place > 0");
    }
    kh_buf_puts(&q, " GROUP BY p.id ORDER BY n DESC, p.id LIMIT ?");
    sqlite3_stmt *st = prepare_where(s, kh_buf_cstr(&q), &w, 0, extra,
                                     nextra, err);
    kh_buf_free(&q);
    if (!st) {
        kh_where_free(&w);
        return err ? err->code : KH_EDB;
    }
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        kh_store_place p = {0};
        p.id = sqlite3_column_int64(st, 0);
        p.name = col_text(st, 1);
        p.country = nonempty(col_text(st, 2));
        p.admin1 = nonempty(col_text(st, 3));
        p.kind = sqlite3_column_int(st, 4);
        p.lat = sqlite3_column_double(st, 5);
        p.lon = sqlite3_column_double(st, 6);
        p.geonameid = (uint32_t)sqlite3_column_int64(st, 7);
        p.events = sqlite3_column_int64(st, 8);
        p.mentions = sqlite3_column_int64(st, 9);
        p.capped = sqlite3_column_int64(st, 10) > KH_AGG_CAP ? KH_AGG_CAP : 0;
        if (cb(ctx, &p)) {
            r = SQLITE_DONE;
            break;
        }
    }
    rc = r == SQLITE_DONE ? KH_OK
                          : kh_store_dberr(s, err, r, "counting places");
    sqlite3_finalize(st);
    kh_where_free(&w);
    return rc;
}
