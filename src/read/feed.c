/*
 * feed.c - RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per item.
 *
 * An item's text is its full content when the feed carries it
 * (content:encoded, Atom <content>), else its description or summary,
 * else its title alone (a headline is codeable).  That content is HTML,
 * escaped with entities or in CDATA, and is read as a page is (html.c).
 * The feed's own title is the source; an item's date, link and guid or id
 * are its date, URL and id.
 */
#include "markup.h"
#include "read.h"

#include "../core/error.h"

#include <stdio.h>
#include <string.h>

enum { F_TITLE, F_LINK, F_ID, F_DATE, F_CONTENT, F_SUMMARY, F_N };

typedef struct {
    const char *tag;
    int field;
} field_name;

static const field_name fields[] = {
    {"title", F_TITLE},         {"link", F_LINK},
    {"guid", F_ID},             {"id", F_ID},
    {"pubdate", F_DATE},        {"published", F_DATE},
    {"dc:date", F_DATE},        {"updated", F_DATE},
    {"content:encoded", F_CONTENT}, {"content", F_CONTENT},
    {"description", F_SUMMARY}, {"summary", F_SUMMARY},
};

static int field_of(const char *tag)
{
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (strcmp(tag, fields[i].tag) == 0)
            return fields[i].field;
    return -1;
}

/* The markup of an element's content s[a..b): CDATA as it is, the rest
 * with references decoded (so "&lt;p&gt;" is a tag again), tags kept. */
static void unwrap(const char *s, size_t a, size_t b, kh_buf *out)
{
    size_t pos = a, last = a;
    kh_ml_tag t;
    kh_buf_clear(out);
    while (kh_ml_next(s, b, &pos, &t)) {
        kh_ml_decode(s + last, t.start - last, out);
        if (strcmp(t.name, "!cdata") == 0)
            kh_buf_put(out, s + t.attr_start, t.content_end - t.attr_start);
        else
            kh_buf_put(out, s + t.start, t.end - t.start);
        last = pos;
    }
    kh_ml_decode(s + last, b - last, out);
    kh_buf_cstr(out);
}

/* The text of an element's content: its markup read as HTML. */
static void field_text(const char *s, size_t a, size_t b, kh_buf *out,
                       kh_buf *tmp)
{
    unwrap(s, a, b, tmp);
    kh_buf_clear(out);
    kh_html_text(tmp->data, tmp->len, out, NULL);
}

typedef struct {
    kh_buf v[F_N];
    int has[F_N];
    size_t start;      /* the item's open tag */
} item;

static long line_at(const char *s, size_t off, size_t *from, long *line)
{
    for (; *from < off; (*from)++)
        *line += s[*from] == '\n';
    return *line;
}

/* Builds the document of an item and hands it (or its error) to cb. */
static int emit(item *it, const char *name, long line,
                const char *source, size_t nth,
                int (*cb)(void *, kh_doc *, const kh_error *), void *ctx)
{
    const kh_buf *text = it->has[F_CONTENT] && it->v[F_CONTENT].len
                             ? &it->v[F_CONTENT]
                         : it->has[F_SUMMARY] && it->v[F_SUMMARY].len
                             ? &it->v[F_SUMMARY]
                             : &it->v[F_TITLE];
    char id[32], date[11] = "";
    snprintf(id, sizeof id, "item-%zu", nth);
    const char *ids = it->v[F_ID].len     ? it->v[F_ID].data
                      : it->v[F_LINK].len ? it->v[F_LINK].data
                                          : NULL;
    if (it->v[F_DATE].len && !kh_ml_date(it->v[F_DATE].data, date))
        date[0] = '\0';
    kh_markup_meta m = {
        .id = ids, .id_fallback = id, .url = it->v[F_LINK].data,
        .source = source, .title = it->v[F_TITLE].data,
        .date = date[0] ? date : NULL};
    kh_error err;
    kh_doc *d = kh_doc_from_markup(text->data ? text->data : "", text->len,
                                   name, line, &m, &err);
    return d ? cb(ctx, d, NULL) : cb(ctx, NULL, &err);
}

int kh_read_feed(const char *s, size_t n, const char *name,
                 int (*cb)(void *ctx, kh_doc *doc, const kh_error *err),
                 void *ctx, kh_error *err)
{
    kh_buf source = KH_BUF_INIT, tmp = KH_BUF_INIT;
    item it;
    memset(&it, 0, sizeof it);
    size_t pos = 0, nitems = 0, lfrom = 0;
    long line = 1;
    int feed = 0, in_item = 0, rc = KH_OK, stop = 0;
    kh_ml_tag t;
    while (!stop && kh_ml_next(s, n, &pos, &t)) {
        const char *nm = t.name;
        if (!feed) {
            feed = strcmp(nm, "rss") == 0 || strcmp(nm, "feed") == 0 ||
                   strcmp(nm, "rdf:rdf") == 0;
            if (!feed && nm[0] != '!' && !t.closing)
                break;   /* the first element says what the file is */
            continue;
        }
        int is_item = strcmp(nm, "item") == 0 || strcmp(nm, "entry") == 0;
        if (is_item && !t.closing && !t.self_closing) {
            for (int f = 0; f < F_N; f++)
                kh_buf_clear(&it.v[f]), it.has[f] = 0;
            it.start = t.start;
            in_item = 1;
            continue;
        }
        if (is_item && t.closing && in_item) {
            in_item = 0;
            nitems++;
            long at = line_at(s, it.start, &lfrom, &line);
            if (emit(&it, name, at, kh_buf_cstr(&source), nitems, cb,
                     ctx) != 0)
                stop = 1;
            continue;
        }
        int f = field_of(nm);
        if (f < 0)
            continue;
        if (!in_item) {
            /* the feed's title, before its items */
            if (f == F_TITLE && !t.closing && !source.len && !nitems) {
                size_t e = kh_ml_raw_end(s, n, t.end, nm);
                field_text(s, t.end, e, &source, &tmp);
                pos = e;
            }
            continue;
        }
        if (f == F_LINK && !t.closing && kh_ml_attr(s, &t, "href", &tmp)) {
            /* Atom: <link rel="alternate" href="..."/> */
            kh_buf rel = KH_BUF_INIT;
            int alt = !kh_ml_attr(s, &t, "rel", &rel) ||
                      strcmp(kh_buf_cstr(&rel), "alternate") == 0;
            kh_buf_free(&rel);
            if (alt && !it.has[F_LINK]) {
                kh_buf_clear(&it.v[F_LINK]);
                kh_buf_puts(&it.v[F_LINK], tmp.data);
                it.has[F_LINK] = 1;
            }
            continue;
        }
        if (!t.closing && !t.self_closing) {
            /* the content ends at the first close tag of its name: the
             * tags inside it (escaped HTML has none; XHTML content does)
             * are skipped over */
            size_t e = kh_ml_raw_end(s, n, t.end, nm);
            if (!it.has[f]) {
                field_text(s, t.end, e, &it.v[f], &tmp);
                it.has[f] = 1;
            }
            pos = e;
        }
    }
    if (!feed)
        rc = kh_fail(err, KH_EINPUT, name, 0, 0,
                     "not an RSS or Atom feed (no <rss>, <feed> or "
                     "<rdf:RDF> element)");
    else if (!nitems && !stop)
        rc = kh_fail(err, KH_EEMPTY, name, 0, 0, "a feed without items");
    for (int f = 0; f < F_N; f++)
        kh_buf_free(&it.v[f]);
    kh_buf_free(&source);
    kh_buf_free(&tmp);
    return rc;
}
