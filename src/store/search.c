/*
 * search.c - full-text search: the query language users write, and the
 * FTS5 query it becomes.
 *
 * Users write words, "phrases", OR and -exclusions; FTS5 has its own
 * syntax in which a stray '.', ':' or '-' is an error ("U.S." is one).  So
 * the user's query is parsed here and written out again with every term
 * quoted as an FTS5 string: whatever the input, the result is a valid FTS5
 * query (the fuzz harness checks this against a real index), and a
 * malformed input is an error message that says what to write instead.
 *
 * Precedence as in web search engines: OR binds two neighbouring terms,
 * then every group must match, then the excluded terms must not.
 */
#include "store.h"

#include "../core/error.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_TERMS 64

typedef struct {
    const char *s;     /* the term's text (not NUL-terminated) */
    size_t n;
    int prefix;        /* word* */
    int neg;           /* -term or NOT term */
    int or_next;       /* OR between this term and the next */
} term;

/* Does s[0..n) hold anything FTS5's unicode61 tokenizer keeps: a letter,
 * a number or a private-use character?  (A term of punctuation alone
 * would be an empty phrase, which matches nothing.) */
static int has_word(const char *s, size_t n)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (n > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &cp);
        if (k <= 0) {
            k = 1;    /* invalid UTF-8: a byte that is not a word */
        } else {
            switch (utf8proc_category(cp)) {
            case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
            case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
            case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
            case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
            case UTF8PROC_CATEGORY_CO:
                return 1;
            default:
                break;
            }
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Appends a term as an FTS5 string ("..." with quotes doubled). */
static void put_term(kh_buf *b, const term *t)
{
    kh_buf_putc(b, '"');
    for (size_t i = 0; i < t->n; i++) {
        if (t->s[i] == '"')
            kh_buf_putc(b, '"');
        kh_buf_putc(b, t->s[i]);
    }
    kh_buf_putc(b, '"');
    if (t->prefix)
        kh_buf_puts(b, " *");
}

char *kh_store_search_query(const char *query, kh_error *err)
{
    if (!query) {
        kh_fail(err, KH_EUSAGE, NULL, 0, 0, "no search query");
        return NULL;
    }
    term t[MAX_TERMS];
    size_t n = 0;
    int neg = 0, or_pending = 0;
    const char *p = query;
    for (;;) {
        while (is_blank(*p))
            p++;
        if (!*p)
            break;
        term x = {0};
        if (*p == '-' && (p[1] == '"' || (p[1] && !is_blank(p[1])))) {
            neg = 1;
            p++;
            continue;
        }
        if (*p == '"') {
            const char *end = strchr(p + 1, '"');
            if (!end) {
                kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                        "the quote that opens at byte %zu of the search is "
                        "not closed", (size_t)(p - query) + 1);
                return NULL;
            }
            x.s = p + 1;
            x.n = (size_t)(end - p - 1);
            p = end + 1;
        } else {
            const char *start = p;
            while (*p && !is_blank(*p) && *p != '"')
                p++;
            x.s = start;
            x.n = (size_t)(p - start);
            if (x.n == 2 && memcmp(x.s, "OR", 2) == 0) {
                or_pending = n > 0 && !neg;
                continue;
            }
            if (x.n == 3 && memcmp(x.s, "AND", 3) == 0)
                continue;
            if (x.n == 3 && memcmp(x.s, "NOT", 3) == 0) {
                neg = 1;
                continue;
            }
            while (x.n && x.s[x.n - 1] == '*') {
                x.n--;
                x.prefix = 1;
            }
        }
        if (!has_word(x.s, x.n)) {
            neg = 0;     /* nothing to search for: dropped, with its - */
            continue;
        }
        if (n == MAX_TERMS) {
            kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                    "the search has more than %d terms", MAX_TERMS);
            return NULL;
        }
        x.neg = neg;
        if (or_pending && !neg && !t[n - 1].neg)
            t[n - 1].or_next = 1;
        or_pending = 0;
        neg = 0;
        t[n++] = x;
    }
    size_t npos = 0;
    for (size_t i = 0; i < n; i++)
        npos += !t[i].neg;
    if (!npos) {
        kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                n ? "the search has only excluded terms: add a word to "
                    "look for"
                  : "the search has no words to look for");
        return NULL;
    }
    kh_buf b = KH_BUF_INIT;
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        if (t[i].neg)
            continue;
        kh_buf_puts(&b, first ? "(" : " AND (");
        first = 0;
        put_term(&b, &t[i]);
        while (t[i].or_next && i + 1 < n) {
            kh_buf_puts(&b, " OR ");
            put_term(&b, &t[++i]);
        }
        kh_buf_putc(&b, ')');
    }
    if (npos < n) {
        kh_buf_puts(&b, " NOT (");
        first = 1;
        for (size_t i = 0; i < n; i++) {
            if (!t[i].neg)
                continue;
            if (!first)
                kh_buf_puts(&b, " OR ");
            first = 0;
            put_term(&b, &t[i]);
        }
        kh_buf_putc(&b, ')');
    }
    return kh_buf_take(&b, NULL);
}

int kh_store_search(kh_store *s, const kh_search_opts *o,
                    int (*cb)(void *ctx, const kh_store_hit *h), void *ctx,
                    kh_error *err)
{
    if (!o)
        return kh_fail(err, KH_EUSAGE, NULL, 0, 0, "no search options");
    int since = 0, until = 0;
    if (o->since && !(since = kh_period_day(o->since, 0)))
        return kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                       "\"%.40s\" is not a date: write YYYY, YYYY-MM or "
                       "YYYY-MM-DD", o->since);
    if (o->until && !(until = kh_period_day(o->until, 1)))
        return kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                       "\"%.40s\" is not a date: write YYYY, YYYY-MM or "
                       "YYYY-MM-DD", o->until);
    char *match = kh_store_search_query(o->query, err);
    if (!match)
        return err ? err->code : KH_EUSAGE;
    kh_buf q = KH_BUF_INIT;
    kh_buf_puts(&q,
                "SELECT a.id, a.ext_id, a.title, so.name, a.date, a.url,"
                " snippet(articles_fts, -1, ?, ?, '…', 24),"
                " bm25(articles_fts, 2.0, 1.0) AS rank,"
                " (SELECT count(DISTINCT event) FROM mentions"
                "  WHERE article = a.id), a.first_copy"
                " FROM articles_fts JOIN articles a"
                " ON a.id = articles_fts.rowid"
                " LEFT JOIN sources so ON so.id = a.source"
                " WHERE articles_fts MATCH ?");
    if (since || until)
        kh_buf_puts(&q, " AND a.day BETWEEN ? AND ?");
    if (o->source)
        kh_buf_puts(&q, " AND a.source IN (SELECT id FROM sources"
                        " WHERE name = ?)");
    if (!o->duplicates)
        kh_buf_puts(&q, " AND a.first_copy IS NULL");
    kh_buf_puts(&q, " ORDER BY rank, a.id LIMIT ? OFFSET ?");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, kh_buf_cstr(&q), -1, &st, NULL);
    kh_buf_free(&q);
    if (rc != SQLITE_OK) {
        free(match);
        return kh_store_dberr(s, err, rc, "preparing the search");
    }
    int i = 1;
    kh_bind_text(st, i++, o->mark_open ? o->mark_open : "[");
    kh_bind_text(st, i++, o->mark_close ? o->mark_close : "]");
    kh_bind_text(st, i++, match);
    if (since || until) {
        sqlite3_bind_int(st, i++, since ? since : 1);
        sqlite3_bind_int(st, i++, until ? until : 99991231);
    }
    if (o->source)
        kh_bind_text(st, i++, o->source);
    sqlite3_bind_int64(st, i++, o->limit ? (int64_t)o->limit : 20);
    sqlite3_bind_int64(st, i++, (int64_t)o->offset);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        kh_store_hit h = {0};
        h.article = sqlite3_column_int64(st, 0);
        h.article_id = (const char *)sqlite3_column_text(st, 1);
        h.title = (const char *)sqlite3_column_text(st, 2);
        h.source = (const char *)sqlite3_column_text(st, 3);
        h.date = (const char *)sqlite3_column_text(st, 4);
        h.url = (const char *)sqlite3_column_text(st, 5);
        h.snippet = (const char *)sqlite3_column_text(st, 6);
        h.rank = sqlite3_column_double(st, 7);
        h.events = sqlite3_column_int64(st, 8);
        h.first_copy = sqlite3_column_int64(st, 9);
        if (cb(ctx, &h)) {
            r = SQLITE_DONE;
            break;
        }
    }
    rc = r == SQLITE_DONE ? KH_OK : kh_store_dberr(s, err, r, "searching");
    sqlite3_finalize(st);
    free(match);
    return rc;
}
