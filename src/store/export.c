/*
 * export.c - events as JSON Lines, CSV and GDELT 2.0 event-table rows.
 *
 * The GDELT format is the 61 tab-separated columns of GDELT 2.0's event
 * table ("*.export.CSV"), without a header, so that programs written for
 * GDELT read it.  README.md ("The store") lists the columns we fill and
 * the ones we leave empty; in short: ids, dates, actors (code, name,
 * country, types), the event codes, quad class, Goldstein, the counts,
 * IsRootEvent, the action's place, DATEADDED and SOURCEURL.  Tone and the
 * actors' own places are not computed, and the action's country is ISO
 * 3166-1 alpha-3 where GDELT writes FIPS 10-4.
 */
#include "store.h"

#include "../core/arena.h"
#include "../core/error.h"
#include "../output/output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *place_kind(int kind)
{
    return kind == 1 ? "country" : kind == 2 ? "region"
                                   : kind == 3 ? "city" : NULL;
}

static void actor_json(kh_buf *b, const char *code, const char *name,
                       const char *country)
{
    kh_buf_puts(b, "{\"code\":");
    kh_json_cstr(b, code && *code ? code : NULL);
    kh_buf_puts(b, ",\"name\":");
    kh_json_cstr(b, name);
    kh_buf_puts(b, ",\"country\":");
    kh_json_cstr(b, country);
    kh_buf_putc(b, '}');
}

static void event_json(kh_buf *b, const kh_store_event *ev)
{
    kh_buf_printf(b, "{\"id\":%lld,\"date\":", (long long)ev->id);
    kh_json_cstr(b, ev->date);
    kh_buf_puts(b, ",\"source\":");
    actor_json(b, ev->source, ev->source_name, ev->source_country);
    kh_buf_puts(b, ",\"target\":");
    actor_json(b, ev->target, ev->target_name, ev->target_country);
    kh_buf_puts(b, ",\"cameo\":");
    kh_json_cstr(b, ev->cameo);
    kh_buf_puts(b, ",\"root\":");
    kh_json_cstr(b, ev->root);
    if (ev->quad)
        kh_buf_printf(b, ",\"quad\":%d,\"goldstein\":%.1f", ev->quad,
                      ev->goldstein);
    else
        kh_buf_puts(b, ",\"quad\":null,\"goldstein\":null");
    kh_buf_puts(b, ",\"plover\":");
    kh_json_cstr(b, ev->plover);
    kh_buf_puts(b, ",\"place\":");
    if (ev->place) {
        kh_buf_puts(b, "{\"name\":");
        kh_json_cstr(b, ev->place);
        kh_buf_puts(b, ",\"country\":");
        kh_json_cstr(b, ev->place_country);
        if (ev->place_admin1)
            kh_buf_puts(b, ",\"admin1\":"), kh_json_cstr(b, ev->place_admin1);
        kh_buf_puts(b, ",\"kind\":");
        kh_json_cstr(b, place_kind(ev->place_kind));
        kh_buf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f", ev->lat, ev->lon);
        if (ev->geonameid)
            kh_buf_printf(b, ",\"geonameid\":%u", ev->geonameid);
        kh_buf_putc(b, '}');
    } else {
        kh_buf_puts(b, "null");
    }
    kh_buf_printf(b, ",\"mentions\":%lld,\"sources\":%lld,\"articles\":%lld,"
                  "\"is_root\":%s,\"article\":%lld,\"article_id\":",
                  (long long)ev->mentions, (long long)ev->sources,
                  (long long)ev->articles, ev->is_root ? "true" : "false",
                  (long long)ev->article);
    kh_json_cstr(b, ev->article_id);
    kh_buf_puts(b, ",\"url\":");
    kh_json_cstr(b, ev->url);
    kh_buf_puts(b, ",\"added\":");
    kh_json_cstr(b, ev->added);
    kh_buf_putc(b, '}');
}

char *kh_store_event_json(const kh_store_event *ev, size_t *len)
{
    kh_buf b = KH_BUF_INIT;
    event_json(&b, ev);
    return kh_buf_take(&b, len);
}

static void mention_json(kh_buf *b, const kh_store_mention *m)
{
    kh_buf_printf(b, "{\"event\":%lld,\"article\":%lld,\"article_id\":",
                  (long long)m->event, (long long)m->article);
    kh_json_cstr(b, m->article_id);
    kh_buf_puts(b, ",\"source\":");
    kh_json_cstr(b, m->article_source);
    kh_buf_puts(b, ",\"date\":");
    kh_json_cstr(b, m->article_date);
    kh_buf_puts(b, ",\"url\":");
    kh_json_cstr(b, m->url);
    kh_buf_printf(b, ",\"sentence\":%zu,\"sentence_start\":%zu,"
                  "\"sentence_end\":%zu,\"sentence_text\":", m->sentence,
                  m->sentence_start, m->sentence_end);
    kh_json_cstr(b, m->sentence_text);
    kh_buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"source_text\":",
                  m->start, m->end);
    kh_json_cstr(b, m->source_text);
    kh_buf_puts(b, ",\"target_text\":");
    kh_json_cstr(b, m->target_text);
    kh_buf_puts(b, ",\"verb\":");
    kh_json_cstr(b, m->verb);
    kh_buf_puts(b, ",\"rule\":");
    kh_json_cstr(b, m->rule);
    kh_buf_printf(b, ",\"in_quote\":%s}", m->in_quote ? "true" : "false");
}

char *kh_store_mention_json(const kh_store_mention *m, size_t *len)
{
    kh_buf b = KH_BUF_INIT;
    mention_json(&b, m);
    return kh_buf_take(&b, len);
}

/* ---- CSV ------------------------------------------------------------------ */

static const char csv_header[] =
    "id,date,source,source_name,source_country,target,target_name,"
    "target_country,cameo,root,quad,goldstein,plover,place,place_country,"
    "lat,lon,mentions,sources,articles,is_root,article_id,url,added\n";

/* A CSV field: quoted when it holds a comma, a quote or a line break. */
static void csv_field(kh_buf *b, const char *s, int last)
{
    if (s && s[strcspn(s, ",\"\r\n")]) {
        kh_buf_putc(b, '"');
        for (; *s; s++) {
            if (*s == '"')
                kh_buf_putc(b, '"');
            kh_buf_putc(b, *s);
        }
        kh_buf_putc(b, '"');
    } else if (s) {
        kh_buf_puts(b, s);
    }
    kh_buf_putc(b, last ? '\n' : ',');
}

static void csv_event(kh_buf *b, const kh_store_event *ev)
{
    char num[64];
    snprintf(num, sizeof num, "%lld", (long long)ev->id);
    csv_field(b, num, 0);
    csv_field(b, ev->date, 0);
    csv_field(b, ev->source, 0);
    csv_field(b, ev->source_name, 0);
    csv_field(b, ev->source_country, 0);
    csv_field(b, ev->target, 0);
    csv_field(b, ev->target_name, 0);
    csv_field(b, ev->target_country, 0);
    csv_field(b, ev->cameo, 0);
    csv_field(b, ev->root, 0);
    if (ev->quad) {
        kh_buf_printf(b, "%d,%.1f,", ev->quad, ev->goldstein);
    } else {
        kh_buf_puts(b, ",,");
    }
    csv_field(b, ev->plover, 0);
    csv_field(b, ev->place, 0);
    csv_field(b, ev->place_country, 0);
    if (ev->place)
        kh_buf_printf(b, "%.4f,%.4f,", ev->lat, ev->lon);
    else
        kh_buf_puts(b, ",,");
    kh_buf_printf(b, "%lld,%lld,%lld,%d,", (long long)ev->mentions,
                  (long long)ev->sources, (long long)ev->articles,
                  ev->is_root);
    csv_field(b, ev->article_id, 0);
    csv_field(b, ev->url, 0);
    csv_field(b, ev->added, 1);
}

/* ---- GDELT 2.0 ----------------------------------------------------------- */

/* A field of a tab-separated row: tabs and line breaks become spaces. */
static void tsv(kh_buf *b, const char *s)
{
    for (; s && *s; s++)
        kh_buf_putc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
    kh_buf_putc(b, '\t');
}

/* Actor{1,2}Code, Name, CountryCode, KnownGroupCode, EthnicCode,
 * Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code. */
static void gdelt_actor(kh_buf *b, const char *code, const char *name,
                        const char *country)
{
    char types[3][4];
    kh_actor_types(code, types);
    tsv(b, code);
    tsv(b, name);
    tsv(b, country);
    kh_buf_puts(b, "\t\t\t\t");   /* group, ethnic, religions: not coded */
    for (int i = 0; i < 3; i++)
        tsv(b, types[i]);
}

/* GDELT's geographic types: 1 country, 2 US state, 3 US city, 4 world
 * city, 5 world state (an ADM1 outside the US). */
static int gdelt_geo_type(const kh_store_event *ev)
{
    int us = ev->place_country && strcmp(ev->place_country, "USA") == 0;
    switch (ev->place_kind) {
    case 1: return 1;
    case 2: return us ? 2 : 5;
    case 3: return us ? 3 : 4;
    }
    return 0;
}

static void gdelt_event(kh_buf *b, const kh_store_event *ev)
{
    /* GDELT's dates are days: a coarser date is its period's first day */
    int y = ev->day / 10000, m = ev->day / 100 % 100, d = ev->day % 100;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        y = 0;
    kh_buf_printf(b, "%lld\t", (long long)ev->id);
    if (y) {
        static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243,
                                     273, 304, 334};
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        int doy = before[m - 1] + d + (leap && m > 2);
        kh_buf_printf(b, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y,
                      m, y, y + (double)doy / (leap ? 366 : 365));
    } else {
        kh_buf_puts(b, "\t\t\t\t");
    }
    gdelt_actor(b, ev->source, ev->source_name, ev->source_country);
    gdelt_actor(b, ev->target, ev->target_name, ev->target_country);
    char base[8] = "";
    if (ev->cameo)
        snprintf(base, sizeof base, "%.3s", ev->cameo);
    kh_buf_printf(b, "%d\t", ev->is_root);
    tsv(b, ev->cameo);
    tsv(b, base);
    tsv(b, ev->root);
    if (ev->quad)
        kh_buf_printf(b, "%d\t%.1f\t", ev->quad, ev->goldstein);
    else
        kh_buf_puts(b, "\t\t");
    kh_buf_printf(b, "%lld\t%lld\t%lld\t", (long long)ev->mentions,
                  (long long)ev->sources, (long long)ev->articles);
    kh_buf_puts(b, "\t");                     /* AvgTone: not computed */
    for (int a = 0; a < 2; a++)               /* Actor1Geo_, Actor2Geo_ */
        kh_buf_puts(b, "0\t\t\t\t\t\t\t\t");
    int type = gdelt_geo_type(ev);
    if (ev->place) {                          /* ActionGeo_ */
        kh_buf_printf(b, "%d\t", type);
        tsv(b, ev->place);
        tsv(b, ev->place_country);
        tsv(b, ev->place_admin1);
        kh_buf_printf(b, "\t%.4f\t%.4f\t", ev->lat, ev->lon);
        if (ev->geonameid)
            kh_buf_printf(b, "%u\t", ev->geonameid);
        else
            tsv(b, ev->place);
    } else {
        kh_buf_puts(b, "0\t\t\t\t\t\t\t\t");
    }
    /* DATEADDED: YYYYMMDDHHMMSS, from "YYYY-MM-DDTHH:MM:SSZ". */
    const char *a = ev->added ? ev->added : "";
    if (strlen(a) >= 19)
        kh_buf_printf(b, "%.4s%.2s%.2s%.2s%.2s%.2s\t", a, a + 5, a + 8,
                      a + 11, a + 14, a + 17);
    else
        kh_buf_putc(b, '\t');
    for (const char *u = ev->url; u && *u; u++)
        kh_buf_putc(b, *u == '\t' || *u == '\n' || *u == '\r' ? ' ' : *u);
    kh_buf_putc(b, '\n');
}

int kh_store_write_header(FILE *out, int format)
{
    if (format != KH_FORMAT_CSV)
        return KH_OK;
    return fputs(csv_header, out) < 0 ? KH_EIO : KH_OK;
}

static int write_buf(FILE *out, kh_buf *b)
{
    size_t w = fwrite(b->data, 1, b->len, out);
    return w == b->len ? KH_OK : KH_EIO;
}

static void format_event(kh_buf *b, int format, const kh_store_event *ev)
{
    if (format == KH_FORMAT_CSV) {
        csv_event(b, ev);
    } else if (format == KH_FORMAT_GDELT) {
        gdelt_event(b, ev);
    } else {
        event_json(b, ev);
        kh_buf_putc(b, '\n');
    }
}

int kh_store_write_event(FILE *out, int format, const kh_store_event *ev)
{
    kh_buf b = KH_BUF_INIT;
    format_event(&b, format, ev);
    int rc = write_buf(out, &b);
    kh_buf_free(&b);
    return rc;
}

typedef struct {
    kh_store *s;
    FILE *out;
    int format;
    unsigned flags;
    kh_buf line;
    int rc;              /* KH_EIO when out failed, a query's error */
    kh_error *err;
} export_ctx;

static int add_mention(void *p, const kh_store_mention *m)
{
    export_ctx *x = p;
    if (x->line.data[x->line.len - 1] != '[')
        kh_buf_putc(&x->line, ',');
    mention_json(&x->line, m);
    return 0;
}

static int export_one(void *p, const kh_store_event *ev)
{
    export_ctx *x = p;
    kh_buf_clear(&x->line);
    if (x->format == KH_FORMAT_JSONL && (x->flags & KH_EXPORT_MENTIONS)) {
        event_json(&x->line, ev);
        x->line.len--;   /* reopen the object */
        kh_buf_puts(&x->line, ",\"mention_list\":[");
        int rc = kh_store_mentions(x->s, ev->id, 0, add_mention, x, x->err);
        if (rc != KH_OK) {
            x->rc = rc;
            return 1;
        }
        kh_buf_puts(&x->line, "]}\n");
    } else {
        format_event(&x->line, x->format, ev);
    }
    if (write_buf(x->out, &x->line) != KH_OK) {
        x->rc = kh_fail(x->err, KH_EIO, NULL, 0, 0,
                        "cannot write the output");
        return 1;
    }
    return 0;
}

int kh_store_export(kh_store *s, const kh_event_filter *f, int format,
                    unsigned flags, FILE *out, kh_error *err)
{
    if (format < KH_FORMAT_JSONL || format > KH_FORMAT_GDELT)
        return kh_fail(err, KH_EUSAGE, NULL, 0, 0, "unknown format %d",
                       format);
    if (kh_store_write_header(out, format) != KH_OK)
        return kh_fail(err, KH_EIO, NULL, 0, 0, "cannot write the output");
    export_ctx x = {s, out, format, flags, KH_BUF_INIT, KH_OK, err};
    int rc = kh_store_events(s, f, export_one, &x, err);
    kh_buf_free(&x.line);
    if (rc == KH_OK)
        rc = x.rc;
    return rc;
}
