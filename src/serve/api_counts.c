/*
 * api_counts.c - the routes that count: GET /api/timeline (events by
 * period and quad class or CAMEO root), /api/actors/top, /api/places
 * (with their coordinates, for the map) and /api/stats.  Each takes the
 * filters of /api/events.
 */
#include "serve.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    kh_jbuf *b;
    size_t n;
    int64_t capped;   /* the store's kh_store_count.capped */
} list_ctx;

static void ok_json(kh_serve_resp *resp, kh_jbuf *b)
{
    if (b->failed) {
        free(kh_jb_take(b, NULL));
        kh_serve_error(resp, 500, NULL, "out of memory");
        return;
    }
    resp->status = 200;
    resp->type = "application/json";
    resp->api = 1;
    resp->body = kh_jb_take(b, &resp->len);
}

static int put_count(void *p, const kh_store_count *k)
{
    list_ctx *c = p;
    kh_jbuf *b = c->b;
    kh_jb_puts(b, c->n++ ? ",{\"key\":" : "{\"key\":");
    kh_jb_cstr(b, k->key);
    kh_jb_puts(b, ",\"name\":");
    kh_jb_cstr(b, k->name);
    if (k->period) {
        kh_jb_puts(b, ",\"period\":");
        kh_jb_cstr(b, k->period);
    }
    kh_jb_printf(b, ",\"events\":%lld,\"mentions\":%lld}",
                 (long long)k->events, (long long)k->mentions);
    c->capped = k->capped;
    return 0;
}

static int put_place(void *p, const kh_store_place *pl)
{
    list_ctx *c = p;
    kh_jbuf *b = c->b;
    static const char *const kinds[] = {NULL, "country", "region", "city"};
    kh_jb_printf(b, "%s{\"id\":%lld,\"name\":", c->n++ ? "," : "",
                 (long long)pl->id);
    kh_jb_cstr(b, pl->name);
    kh_jb_puts(b, ",\"country\":");
    kh_jb_cstr(b, pl->country);
    kh_jb_puts(b, ",\"admin1\":");
    kh_jb_cstr(b, pl->admin1);
    kh_jb_puts(b, ",\"kind\":");
    kh_jb_cstr(b, pl->kind >= 1 && pl->kind <= 3 ? kinds[pl->kind] : NULL);
    kh_jb_printf(b, ",\"lat\":%.4f,\"lon\":%.4f,\"geonameid\":%u,"
                 "\"events\":%lld,\"mentions\":%lld}", pl->lat, pl->lon,
                 pl->geonameid, (long long)pl->events,
                 (long long)pl->mentions);
    c->capped = pl->capped;
    return 0;
}

void kh_serve_counts(kh_serve_req *req, kh_serve_resp *resp, kh_store *s,
                     int what)
{
    static const char *const groups[] = {"quad", "root", "none"};
    static const char *const periods[] = {"day", "month", "year"};
    kh_event_filter f;
    int group = 0, period = 0;
    int64_t n = 0;
    if (kh_serve_read_filter(req, resp, s, &f) < 0)
        return;
    if (what == KH_SERVE_TIMELINE) {
        if ((group = kh_serve_param_enum(req, resp, "group", groups, 3, 0)) <
                0 ||
            (period = kh_serve_param_enum(req, resp, "period", periods, 3,
                                          1)) < 0)
            return;
    } else if (kh_serve_param_int(req, resp, "n", 1, 1000,
                                  what == KH_SERVE_ACTORS ? 20 : 200, &n) < 0) {
        return;
    }
    if (kh_serve_check_unused(req, resp) < 0)
        return;
    kh_jbuf b = {0};
    list_ctx c = {&b, 0, 0};
    kh_error err;
    int rc;
    if (what == KH_SERVE_TIMELINE) {
        static const int gc[] = {KH_GROUP_QUAD, KH_GROUP_ROOT, KH_GROUP_NONE};
        static const int pc[] = {KH_PERIOD_DAY, KH_PERIOD_MONTH,
                                 KH_PERIOD_YEAR};
        kh_jb_printf(&b, "{\"group\":\"%s\",\"period\":\"%s\",\"rows\":[",
                     groups[group], periods[period]);
        rc = kh_store_timeline(s, &f, gc[group], pc[period], put_count, &c,
                               &err);
    } else if (what == KH_SERVE_ACTORS) {
        kh_jb_puts(&b, "{\"actors\":[");
        rc = kh_store_top_actors(s, &f, (size_t)n, put_count, &c, &err);
    } else {
        kh_jb_puts(&b, "{\"places\":[");
        rc = kh_store_places(s, &f, (size_t)n, put_place, &c, &err);
    }
    if (rc != KH_OK) {
        free(kh_jb_take(&b, NULL));
        kh_serve_store_error(resp, &err);
        return;
    }
    /* a filter other than dates that matches more than KH_AGG_CAP events
     * is counted over the last KH_AGG_CAP of them stored: "capped" says
     * how many were counted, null when the counts are whole */
    if (c.capped)
        kh_jb_printf(&b, "],\"capped\":%lld}", (long long)c.capped);
    else
        kh_jb_puts(&b, "],\"capped\":null}");
    ok_json(resp, &b);
}

void kh_serve_stats(kh_serve_req *req, kh_serve_resp *resp, kh_store *s)
{
    if (kh_serve_check_unused(req, resp) < 0)
        return;
    kh_store_stats st;
    kh_error err;
    if (kh_store_stats_get(s, &st, &err) != KH_OK) {
        kh_serve_store_error(resp, &err);
        return;
    }
    kh_jbuf b = {0};
    kh_jb_printf(&b, "{\"schema\":%d,\"articles\":%lld,\"near_duplicates\":"
                 "%lld,\"sentences\":%lld,\"events\":%lld,\"mentions\":%lld,"
                 "\"sources\":%lld,\"places\":%lld,\"quotes\":%lld,"
                 "\"entities\":%lld,\"dates\":%lld,\"first_day\":",
                 st.schema, (long long)st.articles,
                 (long long)st.near_duplicates, (long long)st.sentences,
                 (long long)st.events, (long long)st.mentions,
                 (long long)st.sources, (long long)st.places,
                 (long long)st.quotes, (long long)st.entities,
                 (long long)st.dates);
    kh_jb_cstr(&b, st.first_day[0] ? st.first_day : NULL);
    kh_jb_puts(&b, ",\"last_day\":");
    kh_jb_cstr(&b, st.last_day[0] ? st.last_day : NULL);
    kh_jb_printf(&b, ",\"version\":\"%s\"}", KH_VERSION);
    ok_json(resp, &b);
}

