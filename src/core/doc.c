/*
 * doc.c - documents: creation, metadata, and the public accessors.
 */
#include "doc.h"

#include "buf.h"
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

kh_doc *kh_doc_alloc(const char *buf, size_t len)
{
    kh_doc *d = kh_xcalloc(1, sizeof *d);
    kh_arena_init(&d->arena);
    if (!buf)
        len = 0;
    /* KH_TEXT_PAD zero bytes after the text, so that scanners may read a
     * vector's width past any position without a bound check. */
    d->input = kh_arena_alloc(&d->arena, len + KH_TEXT_PAD);
    if (len)
        memcpy(d->input, buf, len);
    memset(d->input + len, 0, KH_TEXT_PAD);
    d->input_len = len;
    d->body_start = 0;
    d->body_end = d->input_len;
    d->first_invalid = -1;
    d->warnings_tail = &d->warnings;
    return d;
}

int kh_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int kh_parse_iso_date(const char *s, char out[11])
{
    int y, m, d;
    size_t n = strlen(s);
    if (n == 10 && s[4] == '-' && s[7] == '-') {
        y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    } else if (n == 8) {
        y = digits(s, 4), m = digits(s + 4, 2), d = digits(s + 6, 2);
    } else {
        return 0;
    }
    if (y < 1 || m < 1 || d < 1 || d > kh_days_in_month(y, m))
        return 0;
    if (y > 9999)
        return 0;
    /* by hand: this runs for every article, snprintf is slow */
    int parts[3] = {y, m, d}, widths[3] = {4, 2, 2}, k = 0;
    for (int p = 0; p < 3; p++) {
        for (int w = widths[p] - 1; w >= 0; w--, parts[p] /= 10)
            out[k + w] = (char)('0' + parts[p] % 10);
        k += widths[p];
        out[k++] = p < 2 ? '-' : '\0';
    }
    return 1;
}

kh_doc *kh_doc_new(const char *text, size_t len, const kh_meta *meta,
                   kh_error *err)
{
    char date[11] = "";
    if (meta && meta->date && meta->date[0] &&
        !kh_parse_iso_date(meta->date, date)) {
        kh_fail(err, KH_EUSAGE, NULL, 0, 0,
                "story date \"%.40s\" is not YYYY-MM-DD or YYYYMMDD",
                meta->date);
        return NULL;
    }
    kh_doc *d = kh_doc_alloc(text, len);
    if (meta) {
        d->id = kh_arena_strdup(&d->arena, meta->id);
        d->url = kh_arena_strdup(&d->arena, meta->url);
        d->source = kh_arena_strdup(&d->arena, meta->source);
        d->dateline = kh_arena_strdup(&d->arena, meta->dateline);
        d->title = kh_arena_strdup(&d->arena, meta->title);
    }
    if (date[0]) {
        memcpy(d->date, date, sizeof date);
        d->date_given = 1;
    }
    return d;
}

void kh_doc_free(kh_doc *doc)
{
    if (!doc)
        return;
    kh_arena_free(&doc->arena);
    free(doc);
}

void kh_doc_warn(kh_doc *d, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    kh_warning *w = kh_arena_alloc(&d->arena, sizeof *w);
    w->msg = kh_arena_strdup(&d->arena, tmp);
    w->next = NULL;
    *d->warnings_tail = w;
    d->warnings_tail = &w->next;
    d->nwarnings++;
}

size_t kh_doc_text_off(const kh_doc *d, size_t off)
{
    if (!d->map)
        return off;
    /* The map is non-decreasing: find the first text offset whose input
     * offset is >= off. */
    size_t lo = 0, hi = d->text_len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->map[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const char *kh_doc_id(const kh_doc *doc) { return doc->id; }
const char *kh_doc_url(const kh_doc *doc) { return doc->url; }
const char *kh_doc_source(const kh_doc *doc) { return doc->source; }
const char *kh_doc_dateline(const kh_doc *doc) { return doc->dateline; }
const char *kh_doc_title(const kh_doc *doc) { return doc->title; }

const char *kh_doc_date(const kh_doc *doc)
{
    return doc->date[0] ? doc->date : NULL;
}

const char *kh_doc_origin(const kh_doc *doc, long *line)
{
    if (line)
        *line = doc->origin_line;
    return doc->origin;
}

size_t kh_doc_warning_count(const kh_doc *doc) { return doc->nwarnings; }

const char *kh_doc_warning(const kh_doc *doc, size_t i)
{
    const kh_warning *w = doc->warnings;
    while (w && i--)
        w = w->next;
    return w ? w->msg : NULL;
}

const char *kh_doc_input(const kh_doc *doc, size_t *len)
{
    if (len)
        *len = doc->input_len;
    return doc->input;
}

size_t kh_doc_invalid_bytes(const kh_doc *doc, long *first_offset)
{
    if (first_offset)
        *first_offset = doc->first_invalid;
    return doc->invalid_bytes;
}

size_t kh_doc_sentence_count(const kh_doc *doc) { return doc->nsents; }

int kh_doc_sentence(const kh_doc *doc, size_t i, size_t *start, size_t *end)
{
    if (i >= doc->nsents)
        return KH_EUSAGE;
    *start = kh_doc_in_off(doc, doc->sents[i].start);
    *end = kh_doc_in_off(doc, doc->sents[i].end);
    return KH_OK;
}

int kh_doc_sentence_tokens(const kh_doc *doc, size_t i, size_t *first,
                           size_t *last)
{
    if (i >= doc->nsents)
        return KH_EUSAGE;
    *first = doc->sents[i].tok_first;
    *last = doc->sents[i].tok_end;
    return KH_OK;
}

size_t kh_doc_token_count(const kh_doc *doc) { return doc->ntokens; }

int kh_doc_token(const kh_doc *doc, size_t i, size_t *start, size_t *end,
                 int *kind)
{
    if (i >= doc->ntokens)
        return KH_EUSAGE;
    *start = kh_doc_in_off(doc, doc->tokens[i].start);
    *end = kh_doc_in_off(doc, doc->tokens[i].end);
    if (kind)
        *kind = doc->tokens[i].kind;
    return KH_OK;
}

size_t kh_doc_event_count(const kh_doc *doc) { return doc->nevents; }

int kh_doc_event(const kh_doc *doc, size_t i, kh_event_info *out)
{
    if (i >= doc->nevents)
        return KH_EUSAGE;
    const kh_event *e = &doc->events[i];
    out->sentence = e->sentence;
    out->start = kh_doc_in_off(doc, e->start);
    out->end = kh_doc_in_off(doc, e->end);
    out->verb_start = kh_doc_in_off(doc, e->verb_start);
    out->verb_end = kh_doc_in_off(doc, e->verb_end);
    out->source_start = kh_doc_in_off(doc, e->src_start);
    out->source_end = kh_doc_in_off(doc, e->src_end);
    out->target_start = kh_doc_in_off(doc, e->tgt_start);
    out->target_end = kh_doc_in_off(doc, e->tgt_end);
    out->source = e->source;
    out->target = e->target;
    out->code = e->code;
    out->rule = e->rule;
    out->date = e->date[0] ? e->date : NULL;
    out->in_quote = e->in_quote;
    return KH_OK;
}
