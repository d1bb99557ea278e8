/*
 * petrxml.c - PETRARCH's validation XML (see petrxml.h).
 *
 * A small XML reader for one known vocabulary rather than a general one:
 * elements, attributes in ' or " quotes, the five named entities and
 * numeric ones, comments, CDATA, <? ?> and <! > declarations.  It walks
 * the buffer once, keeping a stack of open element names, and acts on
 * the elements it knows; <Parse> is skipped by searching for </Parse>,
 * so the trees (most of the file) are never tokenised or stored.
 *
 * Comments that hold a <Sentence> are parsed again as a fragment whose
 * records are marked commented; the fragment cannot itself hold a comment
 * (XML comments do not nest), so this recursion is one level deep.
 * Every loop moves forward in the buffer: the parse is linear.
 */
#include "petrxml.h"

#include "../core/buf.h"
#include "../core/error.h"
#include "../text/utf8.h"
#include "read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define MAX_DEPTH 64
#define MAX_FILE ((size_t)256 << 20)

typedef struct {
    const char *name;
    kh_petrxml_warn_fn warn;
    void *ctx;
    kh_petrxml *x;
    const char *base, *end;     /* the whole file */
    const char *lpos, *lstart;  /* line_of's cache: a position, the start
                                   of its line, and the line's number */
    long lline;
    kh_error *err;              /* the first error (fragment: local) */
    int failed;
    size_t cap_records, cap_configs;
    size_t config_mark;         /* configs before it belong to records
                                   already read */
    int after_stop;
} px;

typedef struct {
    int commented;
    const char *stack[MAX_DEPTH];
    size_t stackn[MAX_DEPTH];
    int depth;
    int in_env;
    int in_sentence;
    kh_petr_record rec;
    kh_petr_coding *codings;
    size_t ncodings, cap_codings;
    int has_text;
    kh_buf text;                /* <Text>, or an <Environment> leaf */
    int capture;                /* the innermost element's text is kept */
} frag;

/* ---- positions and messages ---------------------------------------------- */

/* The line (and column) of at.  Positions mostly move forward, so the
 * count goes on from the last one: finding every line is linear. */
static long line_of(px *p, const char *at, long *col)
{
    if (at < p->lpos) {
        p->lpos = p->lstart = p->base;
        p->lline = 1;
    }
    for (const char *q = p->lpos;
         (q = memchr(q, '\n', (size_t)(at - q))) != NULL; q++) {
        p->lline++;
        p->lstart = q + 1;
    }
    p->lpos = at;
    if (col)
        *col = (long)(at - p->lstart) + 1;
    return p->lline;
}

static void warnf(px *p, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void warnf(px *p, const char *at, const char *fmt, ...)
{
    if (!p->warn)
        return;
    kh_error e;
    memset(&e, 0, sizeof e);
    e.code = KH_EINPUT;
    snprintf(e.file, sizeof e.file, "%s", p->name);
    e.line = line_of(p, at, &e.column);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    p->warn(p->ctx, &e);
}

static int failf(px *p, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int failf(px *p, const char *at, const char *fmt, ...)
{
    if (p->failed)
        return 0;
    p->failed = 1;
    if (p->err) {
        memset(p->err, 0, sizeof *p->err);
        p->err->code = KH_EINPUT;
        snprintf(p->err->file, sizeof p->err->file, "%s", p->name);
        p->err->line = line_of(p, at, &p->err->column);
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
        va_end(ap);
    }
    return 0;
}

/* ---- characters ------------------------------------------------------------ */

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int name_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == ':' || c == '.' ||
           c == '-' || c >= 0x80;
}

/* Appends s[0..n) to b with entities decoded. */
static void decode(px *p, kh_buf *b, const char *s, size_t n)
{
    static const struct {
        const char *name;
        char c;
    } named[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'},
                 {"apos", '\''}};
    size_t i = 0;
    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        size_t run = amp ? (size_t)(amp - s) - i : n - i;
        kh_buf_put(b, s + i, run);
        i += run;
        if (!amp)
            break;
        const char *semi = memchr(amp, ';', n - i < 12 ? n - i : 12);
        int done = 0;
        if (semi) {
            const char *e = amp + 1;
            size_t en = (size_t)(semi - e);
            for (size_t k = 0; k < 5 && !done; k++)
                if (strlen(named[k].name) == en &&
                    memcmp(named[k].name, e, en) == 0) {
                    kh_buf_putc(b, named[k].c);
                    done = 1;
                }
            if (!done && en >= 2 && e[0] == '#') {
                int hex = e[1] == 'x' || e[1] == 'X';
                long v = 0;
                size_t k = hex ? 2 : 1;
                int ok = k < en;
                for (; k < en && ok && v <= 0x10FFFF; k++) {
                    int c = (unsigned char)e[k], d;
                    if (c >= '0' && c <= '9')
                        d = c - '0';
                    else if (hex && c >= 'a' && c <= 'f')
                        d = c - 'a' + 10;
                    else if (hex && c >= 'A' && c <= 'F')
                        d = c - 'A' + 10;
                    else
                        ok = 0, d = 0;
                    v = v * (hex ? 16 : 10) + d;
                }
                if (ok && v > 0 && v <= 0x10FFFF &&
                    !(v >= 0xD800 && v <= 0xDFFF)) {
                    unsigned char enc[4];
                    kh_buf_put(b, enc, (size_t)kh_utf8_encode((int32_t)v, enc));
                    done = 1;
                }
            }
        }
        if (done) {
            i = (size_t)(semi - s) + 1;
        } else {
            warnf(p, amp, "unknown entity or bare & (kept as written)");
            kh_buf_putc(b, '&');
            i++;
        }
    }
}

/* s with white space runs made one blank and the ends trimmed, in place;
 * returns the new length. */
static size_t squeeze(char *s, size_t n)
{
    size_t o = 0;
    int blank = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_space((unsigned char)s[i])) {
            blank = o > 0;
            continue;
        }
        if (blank)
            s[o++] = ' ';
        blank = 0;
        s[o++] = s[i];
    }
    s[o] = '\0';
    return o;
}

static const char *keep(px *p, const char *s, size_t n)
{
    return kh_arena_strndup(&p->x->arena, s, n);
}

/* ---- attributes ---------------------------------------------------------- */

typedef struct {
    const char *name;
    size_t nname;
    const char *val;     /* raw, entities not yet decoded */
    size_t nval;
} attr;

#define MAX_ATTRS 16

/* Parses the attributes of a start tag from *q up to > or />; fills
 * a[0..*na) (the first MAX_ATTRS), *selfclose, and moves *q past the
 * tag. */
static int attributes(px *p, const char **q, const char *end, attr *a,
                      int *na, int *selfclose)
{
    const char *s = *q;
    *na = 0;
    *selfclose = 0;
    for (;;) {
        while (s < end && is_space((unsigned char)*s))
            s++;
        if (s >= end)
            return failf(p, *q, "tag is never closed by >");
        if (*s == '>') {
            *q = s + 1;
            return 1;
        }
        if (*s == '/' && s + 1 < end && s[1] == '>') {
            *selfclose = 1;
            *q = s + 2;
            return 1;
        }
        const char *nm = s;
        while (s < end && name_char((unsigned char)*s))
            s++;
        if (s == nm)
            return failf(p, s, "unexpected '%c' in a tag", *s);
        size_t nn = (size_t)(s - nm);
        while (s < end && is_space((unsigned char)*s))
            s++;
        if (s >= end || *s != '=')
            return failf(p, s, "attribute %.*s has no = value", (int)nn, nm);
        s++;
        while (s < end && is_space((unsigned char)*s))
            s++;
        if (s >= end || (*s != '"' && *s != '\''))
            return failf(p, s, "the value of %.*s is not in quotes", (int)nn,
                         nm);
        const char *close = memchr(s + 1, *s, (size_t)(end - s - 1));
        if (!close)
            return failf(p, s, "the value of %.*s has no closing quote",
                         (int)nn, nm);
        if (*na < MAX_ATTRS)
            a[(*na)++] = (attr){nm, nn, s + 1, (size_t)(close - s - 1)};
        s = close + 1;
        if (s < end && !is_space((unsigned char)*s) && *s != '>' && *s != '/')
            return failf(p, s, "no blank between two attributes");
    }
}

/* The decoded value of attribute name, or NULL. */
static const char *attr_get(px *p, const attr *a, int na, const char *name,
                            kh_buf *tmp)
{
    for (int i = 0; i < na; i++)
        if (a[i].nname == strlen(name) &&
            memcmp(a[i].name, name, a[i].nname) == 0) {
            kh_buf_clear(tmp);
            decode(p, tmp, a[i].val, a[i].nval);
            return keep(p, kh_buf_cstr(tmp), tmp->len);
        }
    return NULL;
}

static int is(const char *s, size_t n, const char *name)
{
    return n == strlen(name) && memcmp(s, name, n) == 0;
}

static int truthy(const char *v)
{
    return v && (strcasecmp(v, "true") == 0 || strcmp(v, "1") == 0);
}

/* ---- elements ------------------------------------------------------------ */

static int32_t ymd(const char *s)
{
    if (strlen(s) != 8)
        return 0;
    int32_t v = 0;
    for (int i = 0; i < 8; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    int m = v / 100 % 100, d = v % 100;
    return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? v : 0;
}

static void start_sentence(px *p, frag *f, const char *at, const attr *a,
                           int na, kh_buf *tmp)
{
    kh_petr_record *r = &f->rec;
    memset(r, 0, sizeof *r);
    const char *v;
    r->id = (v = attr_get(p, a, na, "id", tmp)) ? v : "";
    r->date = (v = attr_get(p, a, na, "date", tmp)) ? v : "";
    r->category = (v = attr_get(p, a, na, "category", tmp)) ? v : "";
    r->source = (v = attr_get(p, a, na, "source", tmp)) ? v : "";
    r->sentence = truthy(attr_get(p, a, na, "sentence", tmp));
    r->ymd = ymd(r->date);
    r->text = "";
    r->commented = f->commented;
    r->line = line_of(p, at, NULL);
    if (!r->ymd)
        warnf(p, at, "record %s: date \"%s\" is not YYYYMMDD", r->id,
              r->date);
    f->in_sentence = 1;
    f->ncodings = 0;
    f->has_text = 0;
}

static void end_sentence(px *p, frag *f, const char *at)
{
    kh_petrxml *x = p->x;
    kh_petr_record *r = &f->rec;
    if (!f->has_text)
        warnf(p, at, "record %s has no <Text>", r->id);
    if (f->ncodings) {
        kh_petr_coding *c = kh_arena_alloc(&x->arena,
                                           f->ncodings * sizeof *c);
        memcpy(c, f->codings, f->ncodings * sizeof *c);
        r->codings = c;
        r->ncodings = f->ncodings;
    }
    r->skipped = p->after_stop && !f->commented;
    if (!f->commented) {
        r->config_first = p->config_mark;
        r->nconfig = x->nconfigs - p->config_mark;
        p->config_mark = x->nconfigs;
    } else {
        r->config_first = x->nconfigs;
    }
    if (x->nrecords == p->cap_records) {
        p->cap_records = p->cap_records ? p->cap_records * 2 : 64;
        x->records = kh_xrealloc(x->records,
                                 p->cap_records * sizeof *x->records);
    }
    x->records[x->nrecords++] = *r;
    f->in_sentence = 0;
}

static void event_coding(px *p, frag *f, const char *at, const attr *a,
                         int na, kh_buf *tmp)
{
    if (!f->in_sentence) {
        warnf(p, at, "<EventCoding> outside a <Sentence> (ignored)");
        return;
    }
    kh_petr_record *r = &f->rec;
    const char *v;
    if ((v = attr_get(p, a, na, "noevents", tmp)) != NULL)
        r->noevents = truthy(v);
    if ((v = attr_get(p, a, na, "error", tmp)) != NULL && !r->error)
        r->error = v;
    const char *s = attr_get(p, a, na, "sourcecode", tmp);
    const char *t = attr_get(p, a, na, "targetcode", tmp);
    const char *e = attr_get(p, a, na, "eventcode", tmp);
    if (!s && !t && !e)
        return;
    if (!s || !t || !e)
        warnf(p, at, "record %s: <EventCoding> without sourcecode, "
              "targetcode or eventcode", r->id);
    if (f->ncodings == f->cap_codings) {
        f->cap_codings = f->cap_codings ? f->cap_codings * 2 : 8;
        f->codings = kh_xrealloc(f->codings,
                                 f->cap_codings * sizeof *f->codings);
    }
    f->codings[f->ncodings++] = (kh_petr_coding){s ? s : "", t ? t : "",
                                                 e ? e : "",
                                                 line_of(p, at, NULL)};
}

static void config(px *p, frag *f, const char *at, const attr *a, int na,
                   kh_buf *tmp)
{
    if (f->commented)
        return;   /* a commented-out option applies to nothing */
    kh_petrxml *x = p->x;
    const char *o = attr_get(p, a, na, "option", tmp);
    const char *v = attr_get(p, a, na, "value", tmp);
    if (!o || !v) {
        warnf(p, at, "<Config> without option or value (ignored)");
        return;
    }
    if (x->nconfigs == p->cap_configs) {
        p->cap_configs = p->cap_configs ? p->cap_configs * 2 : 16;
        x->configs = kh_xrealloc(x->configs,
                                 p->cap_configs * sizeof *x->configs);
    }
    x->configs[x->nconfigs++] = (kh_petr_config){o, v, line_of(p, at, NULL),
                                                 f->in_env};
    /* <Environment>'s options hold for the whole file: no record's */
    if (f->in_env && p->config_mark == x->nconfigs - 1)
        p->config_mark = x->nconfigs;
}

/* The text of an <Environment> leaf. */
static void env_leaf(px *p, frag *f, const char *nm, size_t nn)
{
    kh_petr_env *e = &p->x->env;
    char *t = (char *)kh_buf_cstr(&f->text);
    size_t n = squeeze(t, f->text.len);
    const char *v = keep(p, t, n);
    if (is(nm, nn, "Verbfile"))
        e->verbfile = v;
    else if (is(nm, nn, "Actorfile"))
        e->actorfile = v;
    else if (is(nm, nn, "Agentfile"))
        e->agentfile = v;
    else if (is(nm, nn, "Discardfile"))
        e->discardfile = v;
    else if (is(nm, nn, "Errorfile"))
        e->errorfile = v;
    else if (is(nm, nn, "Pause"))
        e->pause = v;
    else if (is(nm, nn, "Include")) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            k += v[i] != ' ' && (i == 0 || v[i - 1] == ' ');
        const char **list = kh_arena_alloc(&p->x->arena,
                                           (k ? k : 1) * sizeof *list);
        size_t m = 0;
        for (size_t i = 0; i < n;) {
            size_t a = i;
            while (i < n && v[i] != ' ')
                i++;
            list[m++] = keep(p, v + a, i - a);
            i++;
        }
        e->include = list;
        e->ninclude = m;
    }
}

static int env_leaf_name(const char *nm, size_t nn)
{
    static const char *const leaves[] = {"Verbfile", "Actorfile",
                                         "Agentfile", "Discardfile",
                                         "Errorfile", "Pause", "Include"};
    for (size_t i = 0; i < sizeof leaves / sizeof *leaves; i++)
        if (is(nm, nn, leaves[i]))
            return 1;
    return 0;
}

/* ---- the walk ------------------------------------------------------------ */

static int parse_range(px *p, const char *s, const char *end, int commented);

static const char *find(const char *s, const char *end, const char *pat)
{
    return memmem(s, (size_t)(end - s), pat, strlen(pat));
}

/* A comment at s ("<!--"): skipped, or parsed when it holds records. */
static int comment(px *p, frag *f, const char **q, const char *end)
{
    const char *s = *q;
    const char *close = find(s + 4, end, "-->");
    if (!close)
        return failf(p, s, "<!-- is never closed by -->");
    *q = close + 3;
    if (f->commented || !find(s + 4, close, "<Sentence"))
        return 1;
    /* Records commented out: parsed on their own; a fragment that does
     * not parse costs a warning, never the file. */
    kh_error ferr;
    kh_error *saved = p->err;
    kh_petrxml_warn_fn warn = p->warn;
    size_t nrec = p->x->nrecords;
    p->err = &ferr;
    p->warn = NULL;   /* what is commented out is not checked */
    int ok = parse_range(p, s + 4, close, 1);
    p->err = saved;
    p->warn = warn;
    if (!ok) {
        p->failed = 0;
        p->x->nrecords = nrec;
        warnf(p, s, "records in this comment do not parse (%s, line %ld); "
              "skipped", ferr.message, ferr.line);
    }
    return 1;
}

static int start_tag(px *p, frag *f, const char **q, const char *end,
                     kh_buf *tmp)
{
    const char *lt = *q, *s = lt + 1;
    const char *nm = s;
    while (s < end && name_char((unsigned char)*s))
        s++;
    size_t nn = (size_t)(s - nm);
    if (!nn)
        return failf(p, lt, "< not followed by a tag name (write &lt;)");
    attr a[MAX_ATTRS];
    int na, selfclose;
    if (!attributes(p, &s, end, a, &na, &selfclose))
        return 0;
    *q = s;
    if (is(nm, nn, "Parse")) {
        if (selfclose)
            return 1;
        const char *close = find(s, end, "</Parse");
        if (!close)
            return failf(p, lt, "<Parse> is never closed");
        const char *gt = memchr(close, '>', (size_t)(end - close));
        if (!gt)
            return failf(p, close, "</Parse is never closed by >");
        *q = gt + 1;
        return 1;
    }
    if (is(nm, nn, "Sentence")) {
        if (f->in_sentence)
            return failf(p, lt, "<Sentence> inside a <Sentence>");
        start_sentence(p, f, lt, a, na, tmp);
        if (selfclose)
            end_sentence(p, f, lt);
    } else if (is(nm, nn, "EventCoding")) {
        event_coding(p, f, lt, a, na, tmp);
    } else if (is(nm, nn, "Config")) {
        config(p, f, lt, a, na, tmp);
    } else if (is(nm, nn, "Environment")) {
        f->in_env = 1;
    } else if (is(nm, nn, "Stop")) {
        if (!f->commented)
            p->after_stop = 1;
    } else if (is(nm, nn, "Text") && f->in_sentence) {
        if (f->has_text)
            warnf(p, lt, "record %s has a second <Text> (appended)",
                  f->rec.id);
        else
            kh_buf_clear(&f->text);
        f->has_text = 1;
    } else if (f->in_env && env_leaf_name(nm, nn)) {
        kh_buf_clear(&f->text);
    }
    if (selfclose)
        return 1;
    if (f->depth == MAX_DEPTH)
        return failf(p, lt, "elements nested more than %d deep", MAX_DEPTH);
    f->stack[f->depth] = nm;
    f->stackn[f->depth++] = nn;
    f->capture = (is(nm, nn, "Text") && f->in_sentence) ||
                 (f->in_env && env_leaf_name(nm, nn));
    return 1;
}

static int end_tag(px *p, frag *f, const char **q, const char *end)
{
    const char *lt = *q, *s = lt + 2, *nm = s;
    while (s < end && name_char((unsigned char)*s))
        s++;
    size_t nn = (size_t)(s - nm);
    while (s < end && is_space((unsigned char)*s))
        s++;
    if (s >= end || *s != '>')
        return failf(p, lt, "end tag is never closed by >");
    *q = s + 1;
    if (!f->depth)
        return failf(p, lt, "</%.*s> closes nothing", (int)nn, nm);
    const char *open = f->stack[f->depth - 1];
    size_t on = f->stackn[f->depth - 1];
    if (on != nn || memcmp(open, nm, nn) != 0)
        return failf(p, lt, "</%.*s> where </%.*s> was expected", (int)nn, nm,
                     (int)on, open);
    f->depth--;
    f->capture = 0;
    if (is(nm, nn, "Sentence")) {
        end_sentence(p, f, lt);
    } else if (is(nm, nn, "Text") && f->in_sentence) {
        char *t = (char *)kh_buf_cstr(&f->text);
        size_t n = squeeze(t, f->text.len);
        f->rec.text = keep(p, t, n);
        f->text.len = n;
    } else if (is(nm, nn, "Environment")) {
        f->in_env = 0;
    } else if (f->in_env && !f->commented && env_leaf_name(nm, nn)) {
        env_leaf(p, f, nm, nn);
    }
    /* text after a child of <Text> is still the record's */
    if (f->depth) {
        const char *top = f->stack[f->depth - 1];
        size_t tn = f->stackn[f->depth - 1];
        f->capture = (is(top, tn, "Text") && f->in_sentence) ||
                     (f->in_env && env_leaf_name(top, tn));
    }
    return 1;
}

static int walk(px *p, frag *f, const char *s, const char *end, kh_buf *tmp)
{
    while (s < end) {
        const char *lt = memchr(s, '<', (size_t)(end - s));
        const char *stop = lt ? lt : end;
        if (f->capture)
            decode(p, &f->text, s, (size_t)(stop - s));
        if (!lt)
            break;
        s = lt;
        size_t left = (size_t)(end - s);
        if (left >= 4 && memcmp(s, "<!--", 4) == 0) {
            if (!comment(p, f, &s, end))
                return 0;
        } else if (left >= 9 && memcmp(s, "<![CDATA[", 9) == 0) {
            const char *close = find(s + 9, end, "]]>");
            if (!close)
                return failf(p, s, "<![CDATA[ is never closed by ]]>");
            if (f->capture)
                kh_buf_put(&f->text, s + 9, (size_t)(close - s - 9));
            s = close + 3;
        } else if (left >= 2 && (s[1] == '?' || s[1] == '!')) {
            const char *close = s[1] == '?' ? find(s + 2, end, "?>")
                                            : memchr(s, '>', left);
            if (!close)
                return failf(p, s, "declaration is never closed");
            s = close + (s[1] == '?' ? 2 : 1);
        } else if (left >= 2 && s[1] == '/') {
            if (!end_tag(p, f, &s, end))
                return 0;
        } else if (!start_tag(p, f, &s, end, tmp)) {
            return 0;
        }
    }
    if (f->depth)
        return failf(p, f->stack[f->depth - 1] - 1, "<%.*s> is never closed",
                     (int)f->stackn[f->depth - 1], f->stack[f->depth - 1]);
    return 1;
}

static int parse_range(px *p, const char *s, const char *end, int commented)
{
    frag f;
    memset(&f, 0, sizeof f);
    f.commented = commented;
    kh_buf tmp = KH_BUF_INIT;
    int ok = walk(p, &f, s, end, &tmp);
    kh_buf_free(&tmp);
    kh_buf_free(&f.text);
    free(f.codings);
    return ok;
}

kh_petrxml *kh_petrxml_parse(const char *buf, size_t len, const char *name,
                             kh_petrxml_warn_fn warn, void *ctx,
                             kh_error *err)
{
    kh_petrxml *x = kh_xcalloc(1, sizeof *x);
    kh_arena_init(&x->arena);
    kh_error local;
    px p;
    memset(&p, 0, sizeof p);
    p.name = name ? name : "<memory>";
    p.warn = warn;
    p.ctx = ctx;
    p.x = x;
    p.base = buf ? buf : "";
    p.end = p.base + (buf ? len : 0);
    p.lpos = p.lstart = p.base;
    p.lline = 1;
    p.err = err ? err : &local;
    if (!parse_range(&p, p.base, p.end, 0)) {
        kh_petrxml_free(x);
        return NULL;
    }
    /* Categories the environment does not include are skipped. */
    for (size_t i = 0; i < x->nrecords && x->env.ninclude; i++) {
        kh_petr_record *r = &x->records[i];
        int in = 0;
        for (size_t k = 0; k < x->env.ninclude && !in; k++)
            in = strcmp(x->env.include[k], r->category) == 0;
        if (!in)
            r->skipped = 1;
    }
    return x;
}

kh_petrxml *kh_petrxml_read(const char *path, kh_petrxml_warn_fn warn,
                            void *ctx, kh_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        kh_fail(err, KH_EIO, path, 0, 0, "%s", strerror(errno));
        return NULL;
    }
    char *buf;
    size_t len;
    int rc = kh_read_fd(fd, MAX_FILE, &buf, &len);
    int e = errno;
    close(fd);
    if (rc != KH_OK) {
        if (rc == KH_ELIMIT)
            kh_fail(err, KH_ELIMIT, path, 0, 0, "file over %zu MiB",
                    MAX_FILE >> 20);
        else
            kh_fail(err, KH_EIO, path, 0, 0, "%s", strerror(e));
        return NULL;
    }
    kh_petrxml *x = kh_petrxml_parse(buf, len, path, warn, ctx, err);
    free(buf);
    return x;
}

void kh_petrxml_free(kh_petrxml *x)
{
    if (!x)
        return;
    free(x->records);
    free(x->configs);
    kh_arena_free(&x->arena);
    free(x);
}
