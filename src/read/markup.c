/*
 * markup.c - the text of an HTML page: a forgiving tag scanner, character
 * references, and the page's readable text and metadata.
 *
 * News pages are rarely valid HTML, so nothing here fails: a '<' that
 * starts no tag is text, an unterminated comment or tag ends the input,
 * and an element left open runs to the end.  The text is what a reader
 * sees of the story: the first <article> (else <main>, else <body>, else
 * everything), paragraphs on lines of their own, without scripts, styles,
 * navigation, asides, footers, forms or figures.  Offsets of the document
 * built from it refer to this text, which the store keeps as the
 * article's.
 */
#include "markup.h"

#include "../core/doc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- tags ---------------------------------------------------------------- */

static int name_char(unsigned char c)
{
    return isalnum(c) || c == ':' || c == '-' || c == '_';
}

/* An unterminated comment or tag at i: it and all after it are markup,
 * returned as the tag "!rest" so that the text before it is kept. */
static int unterminated(const char *s, size_t n, size_t i, size_t *pos,
                        kh_ml_tag *t)
{
    (void)s;
    memset(t, 0, sizeof *t);
    strcpy(t->name, "!rest");
    t->start = i;
    t->attr_start = t->end = t->content_end = n;
    *pos = n;
    return 1;
}

/* A comment or declaration [a, b): markup that holds no text. */
static int markup(size_t a, size_t b, const char *name, size_t *pos,
                  kh_ml_tag *t)
{
    memset(t, 0, sizeof *t);
    strcpy(t->name, name);
    t->start = a;
    t->attr_start = t->end = t->content_end = b;
    *pos = b;
    return 1;
}

int kh_ml_next(const char *s, size_t n, size_t *pos, kh_ml_tag *t)
{
    size_t i = *pos;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 1 >= n)
            break;
        if (s[i + 1] == '!') {
            if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
                const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);
                if (!e)
                    return unterminated(s, n, i, pos, t);
                return markup(i, (size_t)(e - s) + 3, "!--", pos, t);
            }
            if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
                const char *e = memmem(s + i + 9, n - i - 9, "]]>", 3);
                memset(t, 0, sizeof *t);
                strcpy(t->name, "!cdata");
                t->start = i;
                t->attr_start = i + 9;
                t->content_end = e ? (size_t)(e - s) : n;
                t->end = e ? t->content_end + 3 : n;
                *pos = t->end;
                return 1;
            }
        }
        if (s[i + 1] == '!' || s[i + 1] == '?') {   /* doctype, PI */
            const char *g = memchr(s + i, '>', n - i);
            if (!g)
                return unterminated(s, n, i, pos, t);
            return markup(i, (size_t)(g - s) + 1, "!decl", pos, t);
        }
        size_t j = i + 1;
        int closing = s[j] == '/';
        j += closing;
        if (j >= n || !isalpha((unsigned char)s[j])) {
            i++;   /* "a < b": text */
            continue;
        }
        memset(t, 0, sizeof *t);
        size_t k = 0;
        for (; j < n && name_char((unsigned char)s[j]); j++)
            if (k + 1 < sizeof t->name)
                t->name[k++] = (char)tolower((unsigned char)s[j]);
        t->attr_start = j;
        /* the end: a '>' outside a quoted attribute value (a quote counts
         * only after '=', so a stray one cannot swallow the page) */
        char q = 0, prev = 0;
        for (; j < n; j++) {
            char c = s[j];
            if (q) {
                if (c == q)
                    q = 0;
            } else if ((c == '"' || c == '\'') && prev == '=') {
                q = c;
            } else if (c == '>') {
                break;
            }
            if (!isspace((unsigned char)c))
                prev = c;
        }
        if (j >= n)
            return unterminated(s, n, i, pos, t);
        t->start = i;
        t->end = j + 1;
        t->content_end = t->end;
        t->closing = closing;
        t->self_closing = j > t->attr_start && s[j - 1] == '/';
        *pos = t->end;
        return 1;
    }
    *pos = n;
    return 0;
}

int kh_ml_attr(const char *s, const kh_ml_tag *t, const char *name,
               kh_buf *out)
{
    size_t i = t->attr_start, e = t->end - 1, nl = strlen(name);
    kh_buf_clear(out);
    while (i < e) {
        while (i < e && (isspace((unsigned char)s[i]) || s[i] == '/'))
            i++;
        size_t a = i;
        while (i < e && !isspace((unsigned char)s[i]) && s[i] != '=' &&
               s[i] != '/')
            i++;
        size_t an = i - a;
        while (i < e && isspace((unsigned char)s[i]))
            i++;
        size_t va = i, vb = i;
        if (i < e && s[i] == '=') {
            i++;
            while (i < e && isspace((unsigned char)s[i]))
                i++;
            if (i < e && (s[i] == '"' || s[i] == '\'')) {
                char q = s[i++];
                va = i;
                while (i < e && s[i] != q)
                    i++;
                vb = i;
                if (i < e)
                    i++;
            } else {
                va = i;
                while (i < e && !isspace((unsigned char)s[i]))
                    i++;
                vb = i;
            }
        }
        if (an == 0) {
            i++;
            continue;
        }
        if (an == nl && strncasecmp(s + a, name, nl) == 0) {
            kh_ml_decode(s + va, vb - va, out);
            kh_buf_cstr(out);
            return 1;
        }
    }
    return 0;
}

size_t kh_ml_raw_end(const char *s, size_t n, size_t from, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = from; i + 2 + nl <= n; i++) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 2 + nl <= n && s[i + 1] == '/' &&
            strncasecmp(s + i + 2, name, nl) == 0 &&
            (i + 2 + nl == n || !name_char((unsigned char)s[i + 2 + nl])))
            return i;
    }
    return n;
}

/* ---- character references ------------------------------------------------ */

static const struct { const char *name; unsigned cp; } named[] = {
    {"amp", '&'}, {"apos", '\''}, {"bull", 0x2022}, {"copy", 0xA9},
    {"deg", 0xB0}, {"eacute", 0xE9}, {"euro", 0x20AC}, {"gt", '>'},
    {"hellip", 0x2026}, {"laquo", 0xAB}, {"ldquo", 0x201C},
    {"lsquo", 0x2018}, {"lt", '<'}, {"mdash", 0x2014}, {"middot", 0xB7},
    {"nbsp", ' '}, {"ndash", 0x2013}, {"pound", 0xA3}, {"quot", '"'},
    {"raquo", 0xBB}, {"rdquo", 0x201D}, {"reg", 0xAE}, {"rsquo", 0x2019},
    {"thinsp", ' '}, {"times", 0xD7}, {"trade", 0x2122},
};

static void put_cp(kh_buf *b, unsigned cp)
{
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        cp = 0xFFFD;
    char u[4];
    size_t k;
    if (cp < 0x80) {
        u[0] = (char)cp, k = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F));
        k = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12);
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)), k = 3;
    } else {
        u[0] = (char)(0xF0 | cp >> 18);
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F)), k = 4;
    }
    kh_buf_put(b, u, k);
}

/* The code point of the reference at s[0..n) (after '&', before ';'), or
 * 0 when it is not one. */
static unsigned reference(const char *s, size_t n)
{
    if (n >= 2 && s[0] == '#') {
        int hex = s[1] == 'x' || s[1] == 'X';
        size_t i = 1 + (size_t)hex;
        unsigned long v = 0;
        if (i >= n)
            return 0;
        for (; i < n; i++) {
            int c = (unsigned char)s[i], d;
            if (isdigit(c))
                d = c - '0';
            else if (hex && isxdigit(c))
                d = tolower(c) - 'a' + 10;
            else
                return 0;
            v = v * (hex ? 16 : 10) + (unsigned)d;
            if (v > 0x10FFFF)
                v = 0x110000;
        }
        return v ? (unsigned)v : 0xFFFD;
    }
    for (size_t k = 0; k < sizeof named / sizeof *named; k++)
        if (strlen(named[k].name) == n && memcmp(named[k].name, s, n) == 0)
            return named[k].cp;
    return 0;
}

void kh_ml_decode(const char *s, size_t n, kh_buf *out)
{
    size_t i = 0, run = 0;
    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        if (!amp)
            break;
        size_t a = (size_t)(amp - s), e = a + 1;
        while (e < n && e - a <= 10 && s[e] != ';' && s[e] != '&' &&
               !isspace((unsigned char)s[e]))
            e++;
        unsigned cp = e < n && s[e] == ';' ? reference(s + a + 1, e - a - 1)
                                           : 0;
        if (!cp) {
            i = a + 1;
            continue;
        }
        kh_buf_put(out, s + run, a - run);
        put_cp(out, cp);
        i = run = e + 1;
    }
    kh_buf_put(out, s + run, n - run);
}

/* ---- dates ----------------------------------------------------------------- */

int kh_ml_date(const char *s, char out[11])
{
    while (isspace((unsigned char)*s))
        s++;
    char iso[11];
    if (strlen(s) >= 10 && isdigit((unsigned char)s[0]) && s[4] == '-') {
        memcpy(iso, s, 10);
        iso[10] = '\0';
        return kh_parse_iso_date(iso, out);
    }
    /* RFC 822: [Sat, ]06 Jan 2024 ... */
    const char *p = strchr(s, ',');
    p = p && p - s < 12 ? p + 1 : s;
    while (isspace((unsigned char)*p))
        p++;
    int day = 0, k = 0;
    for (; isdigit((unsigned char)*p) && k < 2; p++, k++)
        day = day * 10 + (*p - '0');
    if (!k || *p != ' ')
        return 0;
    p++;
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    int month = 0;
    for (int m = 0; m < 12; m++)
        if (strncasecmp(p, months + 3 * m, 3) == 0)
            month = m + 1;
    if (!month)
        return 0;
    while (*p && *p != ' ')
        p++;
    while (*p == ' ')
        p++;
    int year = 0;
    for (k = 0; isdigit((unsigned char)*p) && k < 5; p++, k++)
        year = year * 10 + (*p - '0');
    if (k != 4)
        return 0;
    char ymd[40];
    snprintf(ymd, sizeof ymd, "%04d%02d%02d", year, month, day);
    return kh_parse_iso_date(ymd, out);
}
