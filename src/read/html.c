/*
 * html.c - the readable text of an HTML page and what the page says about
 * itself (title, canonical URL, publication date, site name).
 *
 * Two passes over the tags: the first reads the metadata and finds the
 * part of the page that holds the story (the first <article>, else
 * <main>, else <body>); the second writes that part's text.
 */
#include "markup.h"
#include "read.h"

#include "../core/error.h"

#include <ctype.h>
#include <string.h>

static int in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(name, *list) == 0)
            return 1;
    return 0;
}

/* Elements whose content is not text: no tags inside. */
static const char *const raw[] = {"script", "style", "textarea", "title",
                                  NULL};
/* Elements whose text is not the story's; the headline (h1) is the
 * document's title, and a wire dateline then opens the body. */
static const char *const skipped[] = {
    "aside", "audio", "button", "canvas", "figure", "footer", "form", "h1",
    "iframe", "map", "nav", "noscript", "object", "select", "svg",
    "template", "video", NULL};
/* Elements that end a paragraph. */
static const char *const blocks[] = {
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt",
    "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    NULL};

/* Appends s[a..b) decoded to out with white space folded, a paragraph
 * break (a newline) only between text; *space says a blank is owed. */
static void put_text(const char *s, size_t a, size_t b, kh_buf *out,
                     int *space, kh_buf *tmp)
{
    kh_buf_clear(tmp);
    kh_ml_decode(s + a, b - a, tmp);
    for (size_t i = 0; i < tmp->len; i++) {
        unsigned char c = (unsigned char)tmp->data[i];
        /* U+00A0 (a no-break space written as such) is white space too */
        int nb = c == 0xC2 && i + 1 < tmp->len &&
                 (unsigned char)tmp->data[i + 1] == 0xA0;
        if (isspace(c) || nb) {
            *space = 1;
            i += (size_t)nb;
            continue;
        }
        if (*space && out->len && out->data[out->len - 1] != '\n')
            kh_buf_putc(out, ' ');
        *space = 0;
        kh_buf_putc(out, (char)c);
    }
}

/* Ends a line (<br>: lines = 1) or a paragraph (a blank line after it,
 * which the sentence splitter takes as a boundary even when the
 * paragraph has no final stop, as a heading or a caption). */
static void paragraph(kh_buf *out, int *space, int lines)
{
    int have = 0;
    while (have < 2 && out->len > (size_t)have &&
           out->data[out->len - 1 - have] == '\n')
        have++;
    for (; out->len && have < lines; have++)
        kh_buf_putc(out, '\n');
    *space = 0;
}

/* The text of an element's content s[a..b), one line. */
static void inner_text(const char *s, size_t a, size_t b, kh_buf *out)
{
    kh_buf tmp = KH_BUF_INIT;
    int space = 0;
    size_t pos = a, last = a;
    kh_ml_tag t;
    kh_buf_clear(out);
    while (kh_ml_next(s, b, &pos, &t)) {
        put_text(s, last, t.start, out, &space, &tmp);
        last = pos;
    }
    put_text(s, last, b, out, &space, &tmp);
    kh_buf_free(&tmp);
    kh_buf_cstr(out);
}

/* Metadata names that give a page's publication date. */
static const char *const date_names[] = {
    "article:published_time", "datepublished", "date", "pubdate",
    "publishdate", "dc.date", "dc.date.issued", "dcterms.date",
    "dcterms.created", "parsely-pub-date", "sailthru.date", NULL};

typedef struct {
    size_t a, b;   /* the story's part of the page */
    kh_buf og_title, title, h1;
} scope;

/* The first pass: metadata, and the element that holds the story. */
static void survey(const char *s, size_t n, kh_html_meta *m, scope *sc)
{
    kh_buf v = KH_BUF_INIT, key = KH_BUF_INIT;
    size_t pos = 0, found[3][2] = {{0, 0}, {0, 0}, {0, 0}};
    int depth[3] = {0, 0, 0}, done[3] = {0, 0, 0}, canonical = 0;
    static const char *const holders[] = {"article", "main", "body"};
    kh_ml_tag t;
    while (kh_ml_next(s, n, &pos, &t)) {
        const char *nm = t.name;
        if (!t.closing && strcmp(nm, "meta") == 0 && m) {
            if (!kh_ml_attr(s, &t, "content", &v))
                continue;
            if (!kh_ml_attr(s, &t, "property", &key) &&
                !kh_ml_attr(s, &t, "name", &key) &&
                !kh_ml_attr(s, &t, "itemprop", &key))
                continue;
            for (char *p = key.data; p && *p; p++)
                *p = (char)tolower((unsigned char)*p);
            const char *k = kh_buf_cstr(&key);
            if (strcmp(k, "og:title") == 0 && !sc->og_title.len)
                kh_buf_puts(&sc->og_title, v.data);
            else if (strcmp(k, "og:url") == 0 && !canonical)
                kh_buf_clear(&m->url), kh_buf_puts(&m->url, v.data);
            else if (strcmp(k, "og:site_name") == 0 && !m->source.len)
                kh_buf_puts(&m->source, v.data);
            else if (in(k, date_names) && !m->date.len)
                kh_buf_puts(&m->date, v.data);
            continue;
        }
        if (!t.closing && strcmp(nm, "link") == 0 && m &&
            kh_ml_attr(s, &t, "rel", &key) &&
            strcmp(kh_buf_cstr(&key), "canonical") == 0 &&
            kh_ml_attr(s, &t, "href", &v)) {
            kh_buf_clear(&m->url), kh_buf_puts(&m->url, v.data);
            canonical = 1;
            continue;
        }
        if (!t.closing && strcmp(nm, "time") == 0 && m && !m->date.len &&
            kh_ml_attr(s, &t, "datetime", &v)) {
            kh_buf_puts(&m->date, v.data);
            continue;
        }
        if (!t.closing && in(nm, raw)) {
            size_t e = kh_ml_raw_end(s, n, t.end, nm);
            if (strcmp(nm, "title") == 0 && !sc->title.len)
                inner_text(s, t.end, e, &sc->title);
            pos = e;
            continue;
        }
        if (!t.closing && strcmp(nm, "h1") == 0 && !sc->h1.len) {
            size_t e = kh_ml_raw_end(s, n, t.end, "h1");
            inner_text(s, t.end, e, &sc->h1);
            continue;
        }
        for (int h = 0; h < 3; h++) {
            if (done[h] || strcmp(nm, holders[h]) != 0 || t.self_closing)
                continue;
            if (!t.closing) {
                if (depth[h]++ == 0)
                    found[h][0] = t.end, found[h][1] = n;
            } else if (depth[h] > 0 && --depth[h] == 0) {
                found[h][1] = t.start;
                done[h] = 1;
            }
        }
    }
    sc->a = 0, sc->b = n;
    for (int h = 0; h < 3; h++)
        if (found[h][0] && found[h][1] > found[h][0]) {
            sc->a = found[h][0], sc->b = found[h][1];
            break;
        }
    kh_buf_free(&v);
    kh_buf_free(&key);
}

void kh_html_text(const char *s, size_t n, kh_buf *out, kh_html_meta *meta)
{
    scope sc = {0, 0, KH_BUF_INIT, KH_BUF_INIT, KH_BUF_INIT};
    survey(s, n, meta, &sc);
    if (meta) {
        kh_buf *best = sc.og_title.len ? &sc.og_title
                       : sc.h1.len     ? &sc.h1
                                       : &sc.title;
        kh_buf_clear(&meta->title);
        kh_buf_put(&meta->title, best->data, best->len);
        kh_buf_cstr(&meta->title);
    }
    kh_buf tmp = KH_BUF_INIT;
    size_t pos = sc.a, last = sc.a;
    int space = 0, skip = 0;
    kh_ml_tag t;
    while (kh_ml_next(s, sc.b, &pos, &t)) {
        if (!skip)
            put_text(s, last, t.start, out, &space, &tmp);
        last = pos;
        if (!t.closing && in(t.name, raw)) {
            pos = last = kh_ml_raw_end(s, sc.b, t.end, t.name);
            continue;
        }
        if (in(t.name, skipped)) {
            if (!t.closing && !t.self_closing)
                skip++;
            else if (t.closing && skip > 0)
                skip--;
            continue;
        }
        if (!skip && in(t.name, blocks))
            paragraph(out, &space, strcmp(t.name, "br") == 0 ? 1 : 2);
    }
    if (!skip)
        put_text(s, last, sc.b, out, &space, &tmp);
    while (out->len && (out->data[out->len - 1] == '\n' ||
                        out->data[out->len - 1] == ' '))
        out->len--;
    kh_buf_cstr(out);
    kh_buf_free(&tmp);
    kh_buf_free(&sc.og_title);
    kh_buf_free(&sc.title);
    kh_buf_free(&sc.h1);
}

void kh_html_meta_free(kh_html_meta *m)
{
    kh_buf_free(&m->title);
    kh_buf_free(&m->url);
    kh_buf_free(&m->date);
    kh_buf_free(&m->source);
}

kh_doc *kh_read_html(const char *buf, size_t len, const char *name,
                     kh_error *err)
{
    if (!buf)
        len = 0;
    kh_buf text = KH_BUF_INIT;
    kh_html_meta m = {KH_BUF_INIT, KH_BUF_INIT, KH_BUF_INIT, KH_BUF_INIT};
    kh_html_text(buf ? buf : "", len, &text, &m);
    char date[11] = "";
    if (m.date.len && !kh_ml_date(m.date.data, date))
        date[0] = '\0';
    kh_markup_meta mm = {.url = kh_buf_cstr(&m.url),
                         .source = kh_buf_cstr(&m.source),
                         .title = kh_buf_cstr(&m.title),
                         .date = date[0] ? date : NULL};
    kh_doc *d = kh_doc_from_markup(kh_buf_cstr(&text), text.len, name, 0,
                                   &mm, err);
    kh_buf_free(&text);
    kh_html_meta_free(&m);
    return d;
}
