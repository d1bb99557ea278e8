/* markup.h - reading the text out of HTML pages and RSS/Atom feeds
 * (markup.c, feed.c).  Not a full HTML or XML parser: a forgiving scanner
 * of tags that never fails on malformed input, which is what news pages
 * and feeds in the wild need. */
#ifndef KH_MARKUP_H
#define KH_MARKUP_H

#include "../core/buf.h"

#include <stddef.h>

/* A tag found by kh_ml_next.  Names are lowercased into name[]. */
typedef struct kh_ml_tag {
    size_t start, end;     /* the tag's bytes [start, end) */
    char name[24];         /* "p", "/p", "!cdata", "" for text; truncated */
    int closing;           /* </p> */
    int self_closing;      /* <br/> */
    size_t attr_start;     /* where the attributes begin (inside the tag);
                              for "!cdata", where its content begins */
    size_t content_end;    /* for "!cdata", where its content ends */
} kh_ml_tag;

/* The next tag at or after *pos in s[0..n): returns 1 with *t and *pos
 * after it, 0 at the end.  The text between tags is the caller's.  Tags
 * that hold no text have names starting with '!': "!--" a comment,
 * "!decl" a doctype or processing instruction, "!rest" an unterminated
 * comment or tag (it runs to the end), and "!cdata" a CDATA section,
 * whose content is [t->attr_start, t->content_end). */
int kh_ml_next(const char *s, size_t n, size_t *pos, kh_ml_tag *t);

/* The value of attribute name (lowercase) of tag t, entity-decoded into
 * out (cleared first).  Returns 1 when the tag has it. */
int kh_ml_attr(const char *s, const kh_ml_tag *t, const char *name,
               kh_buf *out);

/* Appends s[0..n) to out with character references decoded (&amp;,
 * &#8217;, &#x2019;, the named ones news uses); a reference it does not
 * know stays as written. */
void kh_ml_decode(const char *s, size_t n, kh_buf *out);

/* The end of the raw-text element whose open tag ends at from ("script",
 * "style": no tags inside): the offset of its close tag, or n. */
size_t kh_ml_raw_end(const char *s, size_t n, size_t from,
                     const char *name);

/* What an HTML page says about itself. */
typedef struct kh_html_meta {
    kh_buf title, url, date, source;   /* date: as written (ISO 8601) */
} kh_html_meta;

/* Appends the readable text of HTML s[0..n) to out: paragraphs (p, div,
 * li, headings...) with a blank line between them, a <br> a line break,
 * white space folded, entities decoded, and nothing of scripts, styles,
 * navigation, asides, footers, forms, figures or the h1 headline (which
 * is the title).  When the page has an <article> (else a <main>), only its text.
 * meta, when not NULL, receives the title, canonical URL, publication
 * date and site name from <title>, <link rel=canonical>, <meta> (Open
 * Graph, article:published_time, Dublin Core) and <time datetime>. */
void kh_html_text(const char *s, size_t n, kh_buf *out, kh_html_meta *meta);

void kh_html_meta_free(kh_html_meta *m);

/* Reads the date at the start of s in ISO 8601 ("2024-01-06T...") or RFC
 * 822 ("Sat, 06 Jan 2024 10:00:00 GMT") form into out as YYYY-MM-DD.
 * Returns 1 on success. */
int kh_ml_date(const char *s, char out[11]);

#endif
