/*
 * json.c - the JSON Lines output of `khaldun code` (DESIGN.md's contract).
 *
 * Offsets are byte offsets into the input as given; a span's "text" is the
 * input bytes between them, so a consumer can check one against the other.
 */
#include "output.h"

#include "../code/cameo.h"
#include "../extract/extract.h"
#include "../text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kh_json_string(kh_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    kh_buf_reserve(b, n + 2);
    kh_buf_putc(b, '"');
    while (p < end) {
        /* Copy the run that needs no escaping in one go. */
        const unsigned char *q = p;
        while (q < end && *q >= 0x20 && *q < 0x80 && *q != '"' && *q != '\\')
            q++;
        if (q > p)
            kh_buf_put(b, p, (size_t)(q - p));
        p = q;
        if (p >= end)
            break;
        unsigned c = *p;
        if (c < 0x80) {
            char e[7] = {'\\', 0, 0, 0, 0, 0, 0};
            size_t en = 2;
            switch (c) {
            case '"': e[1] = '"'; break;
            case '\\': e[1] = '\\'; break;
            case '\n': e[1] = 'n'; break;
            case '\r': e[1] = 'r'; break;
            case '\t': e[1] = 't'; break;
            case '\b': e[1] = 'b'; break;
            case '\f': e[1] = 'f'; break;
            default:
                e[1] = 'u', e[2] = '0', e[3] = '0';
                e[4] = hex[c >> 4], e[5] = hex[c & 15];
                en = 6;
            }
            kh_buf_put(b, e, en);
            p++;
            continue;
        }
        int32_t cp;
        int len = kh_utf8_decode(p, (size_t)(end - p), &cp);
        if (len < 0) {
            kh_buf_puts(b, "\\ufffd");
            p += -len;
        } else if (cp == 0x2028 || cp == 0x2029) {
            kh_buf_puts(b, cp == 0x2028 ? "\\u2028" : "\\u2029");
            p += len;
        } else {
            kh_buf_put(b, p, (size_t)len);
            p += len;
        }
    }
    kh_buf_putc(b, '"');
}

void kh_json_cstr(kh_buf *b, const char *s)
{
    if (s)
        kh_json_string(b, s, strlen(s));
    else
        kh_buf_puts(b, "null");
}

static void key(kh_buf *b, const char *k)
{
    kh_buf_putc(b, '"');
    kh_buf_puts(b, k);
    kh_buf_puts(b, "\":");
}

static void span_text(kh_buf *b, const kh_doc *d, size_t s, size_t e)
{
    kh_buf_printf(b, "\"start\":%zu,\"end\":%zu,\"text\":", s, e);
    kh_json_string(b, d->input + s, e - s);
}

/* {"text": ..., "code": ..., "start": ..., "end": ...} for an actor; text,
 * start and end null without words (a default actor, a pronoun whose
 * antecedent is in another sentence). */
static void actor_json(kh_buf *b, const kh_doc *d, uint32_t s, uint32_t e,
                       const char *code)
{
    kh_buf_puts(b, "{\"text\":");
    size_t is = 0, ie = 0;
    if (e > s) {
        is = kh_doc_in_off(d, s), ie = kh_doc_in_off(d, e);
        kh_json_string(b, d->input + is, ie - is);
    } else {
        kh_buf_puts(b, "null");
    }
    kh_buf_puts(b, ",\"code\":");
    kh_json_cstr(b, code);
    if (e > s)
        kh_buf_printf(b, ",\"start\":%zu,\"end\":%zu}", is, ie);
    else
        kh_buf_puts(b, ",\"start\":null,\"end\":null}");
}

static void place_json(kh_buf *b, const kh_place *p, const kh_doc *d,
                       size_t index);

/* One event: where, who, what (with CAMEO's root, quad class, Goldstein
 * weight and PLOVER type when the code is CAMEO's), when. */
static void event_json(kh_buf *b, const kh_doc *d, const kh_event *e)
{
    kh_buf_printf(b, "{\"sentence\":%u,\"start\":%zu,\"end\":%zu,"
                  "\"source\":", e->sentence, kh_doc_in_off(d, e->start),
                  kh_doc_in_off(d, e->end));
    actor_json(b, d, e->src_start, e->src_end, e->source);
    kh_buf_puts(b, ",\"target\":");
    actor_json(b, d, e->tgt_start, e->tgt_end, e->target);
    kh_buf_puts(b, ",\"cameo\":");
    kh_json_cstr(b, e->code);
    size_t n = strlen(e->code);
    const kh_cameo_info *ci = kh_cameo_lookup_nearest(e->code, n);
    char root[3];
    kh_buf_puts(b, ",\"root\":");
    if (ci && kh_cameo_root(e->code, n, root) == KH_OK)
        kh_json_cstr(b, root);
    else
        kh_buf_puts(b, "null");
    if (ci) {
        kh_buf_printf(b, ",\"quad\":%u,\"goldstein\":%.1f,\"plover\":",
                      ci->quad, (double)ci->goldstein);
        kh_json_cstr(b, ci->plover_type);
    } else {
        kh_buf_puts(b, ",\"quad\":null,\"goldstein\":null,"
                       "\"plover\":null");
    }
    size_t vs = kh_doc_in_off(d, e->verb_start);
    size_t ve = kh_doc_in_off(d, e->verb_end);
    kh_buf_puts(b, ",\"verb\":");
    kh_json_string(b, d->input + vs, ve - vs);
    kh_buf_printf(b, ",\"verb_start\":%zu,\"verb_end\":%zu", vs, ve);
    kh_buf_puts(b, ",\"rule\":");
    kh_json_cstr(b, e->rule);
    kh_buf_puts(b, ",\"date\":");
    kh_json_cstr(b, e->date[0] ? e->date : NULL);
    kh_buf_puts(b, ",\"place\":");
    if (e->place >= 0 && (size_t)e->place < d->nplaces)
        place_json(b, &d->places[e->place], NULL, 0);
    else
        kh_buf_puts(b, "null");
    kh_buf_printf(b, ",\"in_quote\":%s}", e->in_quote ? "true" : "false");
}

/* [[start, end], ...] of the mentions whose ref is ref, in input offsets. */
static void mentions_json(kh_buf *b, const kh_doc *d, const kh_mention *m,
                          size_t n, size_t ref)
{
    kh_buf_putc(b, '[');
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        if (m[i].ref != ref)
            continue;
        kh_buf_printf(b, "%s[%zu,%zu]", first ? "" : ",",
                      kh_doc_in_off(d, m[i].start), kh_doc_in_off(d, m[i].end));
        first = 0;
    }
    kh_buf_putc(b, ']');
}

static const char *place_kind(int kind)
{
    switch (kind) {
    case KH_PLACE_COUNTRY: return "country";
    case KH_PLACE_ADMIN1: return "region";
    case KH_PLACE_CITY: return "city";
    }
    return NULL;
}

/* A place; with its mentions when d is given (the "places" list), without
 * them inside an event. */
static void place_json(kh_buf *b, const kh_place *p, const kh_doc *d,
                       size_t index)
{
    kh_buf_puts(b, "{\"name\":");
    kh_json_cstr(b, p->name);
    kh_buf_puts(b, ",\"country\":");
    kh_json_cstr(b, p->country[0] ? p->country : NULL);
    if (p->admin1[0])
        kh_buf_puts(b, ",\"admin1\":"), kh_json_cstr(b, p->admin1);
    kh_buf_puts(b, ",\"kind\":");
    kh_json_cstr(b, place_kind(p->kind));
    kh_buf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f", p->lat, p->lon);
    if (p->geonameid)
        kh_buf_printf(b, ",\"geonameid\":%u", p->geonameid);
    if (d) {
        kh_buf_puts(b, ",\"mentions\":");
        mentions_json(b, d, d->place_mentions, d->nplace_mentions, index);
    }
    kh_buf_putc(b, '}');
}

static const char *entity_type(int type)
{
    switch (type) {
    case KH_ENT_PERSON: return "PERSON";
    case KH_ENT_ORG: return "ORGANIZATION";
    case KH_ENT_PLACE: return "PLACE";
    }
    return NULL;
}

static void entity_json(kh_buf *b, const kh_doc *d, size_t i)
{
    const kh_entity *e = &d->entities[i];
    kh_buf_puts(b, "{\"name\":");
    kh_json_cstr(b, e->name);
    kh_buf_puts(b, ",\"type\":");
    kh_json_cstr(b, entity_type(e->type));
    kh_buf_puts(b, ",\"code\":");
    kh_json_cstr(b, e->code[0] ? e->code : NULL);
    if (e->title)
        kh_buf_puts(b, ",\"title\":"), kh_json_cstr(b, e->title);
    if (e->naliases) {
        kh_buf_puts(b, ",\"aliases\":[");
        for (size_t k = 0; k < e->naliases; k++) {
            if (k)
                kh_buf_putc(b, ',');
            kh_json_cstr(b, e->aliases[k]);
        }
        kh_buf_putc(b, ']');
    }
    if (e->place >= 0 && (size_t)e->place < d->nplaces)
        kh_buf_printf(b, ",\"place\":%d", e->place);
    kh_buf_puts(b, ",\"mentions\":");
    mentions_json(b, d, d->entity_mentions, d->nentity_mentions, i);
    kh_buf_putc(b, '}');
}

/* A quote: its words, and its speaker as written here ("text"), as the
 * article names them in full ("name") and as coded ("code"). */
static void quote_json(kh_buf *b, const kh_doc *d, const kh_quote *q)
{
    kh_buf_printf(b, "{\"sentence\":%u,", q->sentence);
    span_text(b, d, kh_doc_in_off(d, q->start), kh_doc_in_off(d, q->end));
    kh_buf_puts(b, ",\"speaker\":");
    const kh_entity *e = q->speaker >= 0 && (size_t)q->speaker < d->nentities
                             ? &d->entities[q->speaker] : NULL;
    if (q->spk_end <= q->spk_start && !e) {
        kh_buf_puts(b, "null");
    } else {
        kh_buf_puts(b, "{\"text\":");
        if (q->spk_end > q->spk_start) {
            size_t s = kh_doc_in_off(d, q->spk_start);
            size_t t = kh_doc_in_off(d, q->spk_end);
            kh_json_string(b, d->input + s, t - s);
        } else {
            kh_buf_puts(b, "null");
        }
        kh_buf_puts(b, ",\"name\":");
        kh_json_cstr(b, e ? e->name : NULL);
        kh_buf_puts(b, ",\"code\":");
        kh_json_cstr(b, e && e->code[0] ? e->code : NULL);
        if (e)
            kh_buf_printf(b, ",\"entity\":%d", q->speaker);
        kh_buf_putc(b, '}');
    }
    if (q->outer >= 0)
        kh_buf_printf(b, ",\"outer\":%d", q->outer);
    kh_buf_putc(b, '}');
}

void kh_doc_json(kh_buf *b, const kh_doc *d)
{
    kh_buf_putc(b, '{');
    key(b, "id"), kh_json_cstr(b, d->id);
    kh_buf_putc(b, ','), key(b, "url"), kh_json_cstr(b, d->url);
    kh_buf_putc(b, ','), key(b, "source"), kh_json_cstr(b, d->source);
    kh_buf_putc(b, ','), key(b, "dateline"), kh_json_cstr(b, d->dateline);
    if (d->title)
        kh_buf_putc(b, ','), key(b, "title"), kh_json_cstr(b, d->title);
    kh_buf_putc(b, ','), key(b, "date");
    kh_json_cstr(b, d->date[0] ? d->date : NULL);

    kh_buf_puts(b, ",\"sentences\":[");
    for (size_t i = 0; i < d->nsents; i++) {
        if (i)
            kh_buf_putc(b, ',');
        kh_buf_putc(b, '{');
        span_text(b, d, kh_doc_in_off(d, d->sents[i].start),
                  kh_doc_in_off(d, d->sents[i].end));
        kh_buf_putc(b, '}');
    }
    kh_buf_puts(b, "],\"events\":[");
    for (size_t i = 0; i < d->nevents; i++) {
        if (i)
            kh_buf_putc(b, ',');
        event_json(b, d, &d->events[i]);
    }
    kh_buf_puts(b, "],\"quotes\":[");
    for (size_t i = 0; i < d->nquotes; i++) {
        if (i)
            kh_buf_putc(b, ',');
        quote_json(b, d, &d->quotes[i]);
    }
    kh_buf_puts(b, "],\"entities\":[");
    for (size_t i = 0; i < d->nentities; i++) {
        if (i)
            kh_buf_putc(b, ',');
        entity_json(b, d, i);
    }
    kh_buf_puts(b, "],\"places\":[");
    for (size_t i = 0; i < d->nplaces; i++) {
        if (i)
            kh_buf_putc(b, ',');
        place_json(b, &d->places[i], d, i);
    }
    kh_buf_puts(b, "],\"dates\":[");
    for (size_t i = 0; i < d->ndates; i++) {
        const kh_date_mention *x = &d->dates[i];
        if (i)
            kh_buf_putc(b, ',');
        kh_buf_putc(b, '{');
        span_text(b, d, kh_doc_in_off(d, x->start), kh_doc_in_off(d, x->end));
        char v[16];
        kh_date_format(x, v, sizeof v);
        kh_buf_printf(b, ",\"value\":\"%s\",\"granularity\":\"%s\"", v,
                      kh_date_gran_name(x->gran));
        kh_buf_printf(b, ",\"sentence\":%u,\"relative\":%s", x->sentence,
                      x->relative ? "true" : "false");
        /* optional: the part of the period, a period from it on, a time */
        static const char *const mods[] = {"", "early", "mid", "late"};
        if (x->mod >= 1 && x->mod <= 3)
            kh_buf_printf(b, ",\"mod\":\"%s\"", mods[x->mod]);
        if (x->since)
            kh_buf_puts(b, ",\"since\":true");
        if (x->time[0])
            kh_buf_printf(b, ",\"time\":\"%s\"", x->time);
        kh_buf_putc(b, '}');
    }
    kh_buf_puts(b, "]}");
}

int kh_write_json(const kh_doc *doc, FILE *f)
{
    kh_buf b = KH_BUF_INIT;
    kh_doc_json(&b, doc);
    kh_buf_putc(&b, '\n');
    size_t n = b.len, w = fwrite(b.data, 1, n, f);
    kh_buf_free(&b);
    return w == n ? KH_OK : KH_EIO;
}

char *kh_doc_to_json(const kh_doc *doc, size_t *len)
{
    kh_buf b = KH_BUF_INIT;
    kh_doc_json(&b, doc);
    return kh_buf_take(&b, len);
}
