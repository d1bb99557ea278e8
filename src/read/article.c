/*
 * article.c - the read stage for one article: a plain-text file or a JSON
 * Lines record, with its metadata.
 *
 * A plain-text article is the body, optionally preceded by a header line
 * "Source – Dateline" (as in translated regional news) and optionally
 * followed by a line that is the source URL.  Either format may open with
 * a wire dateline, "BAGHDAD, Jan 6 (Reuters) - ", which names the place
 * and the agency.  These are metadata: the document keeps the whole input,
 * and marks the body, the part that holds sentences.
 */
#include "read.h"

#include "../core/error.h"
#include "../text/utf8.h"
#include "json.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* The base name of path without its extension: "a/b/000_x.txt" -> "000_x". */
static char *base_id(kh_arena *a, const char *path)
{
    if (!path || !*path || strcmp(path, "-") == 0 ||
        strcmp(path, "<stdin>") == 0)
        return kh_arena_strdup(a, "stdin");
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    size_t n = dot && dot > b ? (size_t)(dot - b) : strlen(b);
    return kh_arena_strndup(a, b, n);
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return 0;
    return 1;
}

/* Trims ASCII white space (and a no-break space) from both ends. */
static void trim(const char *s, size_t *a, size_t *b)
{
    for (;;) {
        if (*a < *b && isspace((unsigned char)s[*a]))
            (*a)++;
        else if (*b - *a >= 2 && (unsigned char)s[*a] == 0xC2 &&
                 (unsigned char)s[*a + 1] == 0xA0)
            *a += 2;
        else
            break;
    }
    for (;;) {
        if (*b > *a && isspace((unsigned char)s[*b - 1]))
            (*b)--;
        else if (*b - *a >= 2 && (unsigned char)s[*b - 2] == 0xC2 &&
                 (unsigned char)s[*b - 1] == 0xA0)
            *b -= 2;
        else
            break;
    }
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\t';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

/* The separators of a header line and of a wire dateline. */
static size_t separator_at(const char *s, size_t n, size_t i)
{
    static const char *const seps[] = {" \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                       " -- ", " - "};
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        size_t m = strlen(seps[k]);
        if (i + m <= n && memcmp(s + i, seps[k], m) == 0)
            return m;
    }
    return 0;
}

/* "Baghdad today – Baghdad": a short line, a dash between two short parts,
 * no final punctuation and no quotation marks. */
static int header_line(const char *s, size_t a, size_t b, size_t *src_end,
                       size_t *dl_start)
{
    size_t n = b - a;
    const char *l = s + a;
    if (n < 5 || n > 150)
        return 0;
    unsigned char last = (unsigned char)l[n - 1];
    if (strchr(".!?:;,\"'", last) || last >= 0x80)
        return 0;   /* a sentence, or ends in a closing quote */
    if (memchr(l, '"', n) || memmem(l, n, "\xE2\x80\x9C", 3))
        return 0;
    for (size_t i = 1; i < n; i++) {
        size_t m = separator_at(l, n, i);
        if (!m)
            continue;
        size_t left = i, right = n - i - m;
        if (!left || !right || count_words(l, left) > 6 ||
            count_words(l + i + m, right) > 4)
            return 0;
        unsigned char r0 = (unsigned char)l[i + m];
        if (!(isupper(r0) || r0 >= 0x80))
            return 0;
        *src_end = a + i;
        *dl_start = a + i + m;
        return 1;
    }
    return 0;
}

static int url_line(const char *s, size_t a, size_t b)
{
    size_t n = b - a;
    const char *l = s + a;
    if (!((n > 8 && strncmp(l, "https://", 8) == 0) ||
          (n > 7 && strncmp(l, "http://", 7) == 0) ||
          (n > 4 && strncmp(l, "www.", 4) == 0)))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (l[i] == ' ' || l[i] == '\t')
            return 0;
    return 1;
}

/* "NEW YORK" -> "New York", "AL-ANBAR" -> "Al-Anbar"; other case is kept. */
static char *place_name(kh_arena *a, const char *s, size_t n)
{
    char *p = kh_arena_strndup(a, s, n);
    int caps = 1;
    for (size_t i = 0; i < n; i++)
        if (islower((unsigned char)p[i]))
            caps = 0;
    if (!caps)
        return p;
    int start = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (isalpha(c)) {
            p[i] = (char)(start ? c : tolower(c));
            start = 0;
        } else {
            start = c == ' ' || c == '-' || c == '/';
        }
    }
    return p;
}

/* A dash between spaces at s[i..): returns the offset after it and the
 * spaces that follow, or 0. */
static size_t dash_at(const char *s, size_t lim, size_t i)
{
    while (i < lim && s[i] == ' ')
        i++;
    size_t m = 0;
    if (i + 3 <= lim && (memcmp(s + i, "\xE2\x80\x93", 3) == 0 ||
                         memcmp(s + i, "\xE2\x80\x94", 3) == 0))
        m = 3;
    else if (i + 2 <= lim && s[i] == '-' && s[i + 1] == '-')
        m = 2;
    else if (i < lim && s[i] == '-')
        m = 1;
    if (!m || i + m >= lim || s[i + m] != ' ')
        return 0;
    i += m;
    while (i < lim && s[i] == ' ')
        i++;
    return i;
}

/* Recognises a wire dateline at s[a..b): "BAGHDAD, Jan 6 (Reuters) - ",
 * "ERBIL, Iraq (AP) — ", "Washington (AFP) - ", "MOSUL, Iraq, March 3 - ".
 * It needs an agency in brackets, or a place in capitals followed by a
 * comma part (a region, a date).  On a match sets the place [*pa,*pb), the
 * agency [*ga,*gb) (empty when none) and returns the offset where the body
 * begins; else returns 0. */
static size_t wire_dateline(const char *s, size_t a, size_t b, size_t *pa,
                            size_t *pb, size_t *ga, size_t *gb)
{
    size_t lim = b - a < 120 ? b : a + 120, i = a;
    int caps = 1, parts = 0;
    while (i < lim && (isalpha((unsigned char)s[i]) || s[i] == ' ' ||
                       s[i] == '-' || s[i] == '\'' || s[i] == '.')) {
        if (islower((unsigned char)s[i]))
            caps = 0;
        i++;
    }
    size_t place_end = i;
    while (place_end > a && s[place_end - 1] == ' ')
        place_end--;
    if (place_end - a < 2 || count_words(s + a, place_end - a) > 4)
        return 0;
    for (size_t k = a; k < place_end; k++)   /* every word capitalised */
        if ((k == a || s[k - 1] == ' ') && !isupper((unsigned char)s[k]))
            return 0;
    while (i + 1 < lim && s[i] == ',' && s[i + 1] == ' ') {
        size_t j = i + 2;
        while (j < lim && (isalnum((unsigned char)s[j]) || s[j] == ' ' ||
                           s[j] == '.' || s[j] == '\''))
            j++;
        while (j > i + 2 && s[j - 1] == ' ')
            j--;
        if (j == i + 2 || count_words(s + i + 2, j - i - 2) > 4)
            return 0;
        i = j;
        parts++;
    }
    while (i < lim && s[i] == ' ')
        i++;
    *ga = *gb = 0;
    if (i < lim && s[i] == '(') {
        size_t j = i + 1;
        while (j < lim && s[j] != ')' && s[j] != '(' && j - i < 40)
            j++;
        if (j >= lim || s[j] != ')' || j == i + 1)
            return 0;
        *ga = i + 1, *gb = j;
        i = j + 1;
    }
    if (*ga == *gb && !(caps && parts))
        return 0;
    size_t body = dash_at(s, lim, i);
    if (!body)
        return 0;
    *pa = a, *pb = place_end;
    return body;
}

/* Applies a wire dateline at the start of the body, if there is one. */
static void read_wire_dateline(kh_doc *d)
{
    size_t pa, pb, ga, gb;
    size_t a = d->body_start, e = d->body_end;
    const char *nl = memchr(d->input + a, '\n', e - a);
    size_t line_end = nl ? (size_t)(nl - d->input) : e;
    size_t body = wire_dateline(d->input, a, line_end, &pa, &pb, &ga, &gb);
    if (!body)
        return;
    if (!d->dateline)
        d->dateline = place_name(&d->arena, d->input + pa, pb - pa);
    if (!d->source && gb > ga)
        d->source = kh_arena_strndup(&d->arena, d->input + ga, gb - ga);
    d->body_start = body;
}

/* Whether buf looks like a binary file: a NUL byte, or mostly invalid
 * UTF-8 in its first 4 KiB.  Sets err when it does. */
static int binary(const char *buf, size_t len, const char *name,
                  kh_error *err)
{
    const char *nul = memchr(buf, '\0', len);
    if (nul) {
        kh_fail(err, KH_EBINARY, name, 0, 0,
                "not a text file (a NUL byte at offset %zu)",
                (size_t)(nul - buf));
        return 1;
    }
    size_t n = len < 4096 ? len : 4096, bad = 0;
    const unsigned char *p = (const unsigned char *)buf;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int m = kh_utf8_decode(p + i, len - i, &cp);
        if (m < 0) {
            bad += (size_t)-m;
            i += (size_t)-m;
        } else {
            i += (size_t)m;
        }
    }
    if (n >= 16 && bad * 4 > n) {
        kh_fail(err, KH_EBINARY, name, 0, 0,
                "not a text file (%zu of the first %zu bytes are not UTF-8)",
                bad, n);
        return 1;
    }
    return 0;
}

/* Finds the metadata lines of d's input: the header line, the URL line,
 * the wire dateline; sets the body to what is left.  Fields already set
 * (from JSON) are kept.  Returns 0 when no body is left. */
static int read_layout(kh_doc *d)
{
    const char *buf = d->input;
    size_t a = 0, e = d->input_len;
    if (e >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        a = 3;
    trim(buf, &a, &e);
    const char *nl = memchr(buf + a, '\n', e - a);
    size_t first_end = nl ? (size_t)(nl - buf) : e;
    size_t fa = a, fb = first_end, src_end, dl_start;
    trim(buf, &fa, &fb);
    if (nl && header_line(buf, fa, fb, &src_end, &dl_start)) {
        size_t sa = fa, sb = src_end, da = dl_start, db = fb;
        trim(buf, &sa, &sb);
        trim(buf, &da, &db);
        if (!d->source)
            d->source = kh_arena_strndup(&d->arena, buf + sa, sb - sa);
        if (!d->dateline)
            d->dateline = kh_arena_strndup(&d->arena, buf + da, db - da);
        a = first_end + 1;
    }
    /* The last line, when it is a URL alone. */
    const char *lnl = e > a ? memrchr(buf + a, '\n', e - a) : NULL;
    size_t la = lnl ? (size_t)(lnl - buf) + 1 : a;
    if (la >= a && url_line(buf, la, e)) {
        if (!d->url)
            d->url = kh_arena_strndup(&d->arena, buf + la, e - la);
        e = la;
    }
    trim(buf, &a, &e);
    d->body_start = a;
    d->body_end = e;
    if (a >= e)
        return 0;
    read_wire_dateline(d);
    return 1;
}

kh_doc *kh_read_text(const char *buf, size_t len, const char *name,
                     kh_error *err)
{
    if (!buf)
        len = 0;
    if (len == 0 || is_blank(buf, len)) {
        kh_fail(err, KH_EEMPTY, name, 0, 0, "empty article (%s)",
                len ? "only white space" : "the file is empty");
        return NULL;
    }
    if (binary(buf, len, name, err))
        return NULL;
    kh_doc *d = kh_doc_alloc(buf, len);
    d->origin = kh_arena_strdup(&d->arena, name);
    d->id = base_id(&d->arena, name);
    if (!read_layout(d)) {
        kh_doc_free(d);
        kh_fail(err, KH_EEMPTY, name, 0, 0,
                "empty article (no text besides the header or URL line)");
        return NULL;
    }
    return d;
}

kh_doc *kh_doc_from_markup(const char *text, size_t len, const char *name,
                           long line, const kh_markup_meta *m,
                           kh_error *err)
{
    if (len == 0 || is_blank(text, len)) {
        kh_fail(err, KH_EEMPTY, name, line, 0,
                "empty article (no text in the %s)",
                line ? "feed's item" : "page");
        return NULL;
    }
    kh_doc *d = kh_doc_alloc(text, len);
    d->origin = kh_arena_strdup(&d->arena, name);
    d->origin_line = line;
    kh_arena *a = &d->arena;
    if (m->id && *m->id) {
        d->id = kh_arena_strdup(a, m->id);
    } else {
        char tmp[300];
        char *b = base_id(a, name);
        if (m->id_fallback)
            snprintf(tmp, sizeof tmp, "%s-%s", b, m->id_fallback);
        else
            snprintf(tmp, sizeof tmp, "%s", b);
        d->id = kh_arena_strdup(a, tmp);
    }
    if (m->url && *m->url)
        d->url = kh_arena_strdup(a, m->url);
    if (m->source && *m->source)
        d->source = kh_arena_strdup(a, m->source);
    if (m->title && *m->title)
        d->title = kh_arena_strdup(a, m->title);
    if (m->date && kh_parse_iso_date(m->date, d->date))
        d->date_given = 1;
    if (!read_layout(d)) {
        kh_doc_free(d);
        kh_fail(err, KH_EEMPTY, name, line, 0,
                "empty article (no text besides a header or URL line)");
        return NULL;
    }
    return d;
}

/* A string field of a JSON record: copies it, or warns when it is not a
 * string. */
static char *str_field(kh_doc *d, const kh_jval *o, const char *key)
{
    const kh_jval *v = kh_json_get(o, key);
    if (!v || v->type == KH_JNULL)
        return NULL;
    if (v->type != KH_JSTR) {
        kh_doc_warn(d, "field \"%s\" is not a string; ignored", key);
        return NULL;
    }
    return kh_arena_strndup(&d->arena, v->str, v->len);
}

kh_doc *kh_read_json(const char *buf, size_t len, const char *name, long line,
                     kh_error *err)
{
    kh_arena a;
    kh_arena_init(&a);
    size_t off = 0;
    const char *msg = NULL;
    kh_jval *o = kh_json_parse(&a, buf, len, &off, &msg);
    if (!o) {
        kh_fail(err, KH_EINPUT, name, line, (long)off + 1,
                "malformed JSON: %s", msg);
        kh_arena_free(&a);
        return NULL;
    }
    if (o->type != KH_JOBJ) {
        kh_fail(err, KH_EINPUT, name, line, 0,
                "a JSON Lines article must be an object");
        kh_arena_free(&a);
        return NULL;
    }
    const kh_jval *text = kh_json_get(o, "text");
    if (!text || text->type != KH_JSTR) {
        kh_fail(err, KH_EINPUT, name, line, 0,
                text ? "field \"text\" is not a string"
                     : "no \"text\" field");
        kh_arena_free(&a);
        return NULL;
    }
    if (is_blank(text->str, text->len)) {
        kh_fail(err, KH_EEMPTY, name, line, 0, "empty article (\"text\" %s)",
                text->len ? "is only white space" : "is empty");
        kh_arena_free(&a);
        return NULL;
    }
    kh_doc *d = kh_doc_alloc(text->str, text->len);
    d->origin = kh_arena_strdup(&d->arena, name);
    d->origin_line = line;
    const kh_jval *id = kh_json_get(o, "id");
    if (id && (id->type == KH_JSTR || id->type == KH_JNUM) && id->len)
        d->id = kh_arena_strndup(&d->arena, id->str, id->len);
    else {
        char tmp[300];
        char *b = base_id(&d->arena, name);
        snprintf(tmp, sizeof tmp, "%s-%ld", b, line);
        d->id = kh_arena_strdup(&d->arena, tmp);
    }
    d->url = str_field(d, o, "url");
    d->source = str_field(d, o, "source");
    d->title = str_field(d, o, "title");
    d->dateline = str_field(d, o, "dateline");
    char *date = str_field(d, o, "date");
    if (date && *date) {
        if (kh_parse_iso_date(date, d->date))
            d->date_given = 1;
        else
            kh_doc_warn(d, "date \"%.40s\" is not YYYY-MM-DD or YYYYMMDD; "
                        "ignored", date);
    }
    kh_arena_free(&a);
    if (!read_layout(d)) {
        kh_doc_free(d);
        kh_fail(err, KH_EEMPTY, name, line, 0,
                "empty article (no text besides the header or URL line)");
        return NULL;
    }
    return d;
}
