/*
 * api.c - the routes of `khaldun serve`: a request in, a response out.
 *
 * Every answer of /api/ is JSON.  The read routes take the filters of
 * `khaldun events` as parameters (the same names, the same values), run
 * one store query (the store binds every value as an SQL parameter) and
 * write what it calls back.  A parameter that is not a route's, or whose
 * value is wrong, is a 400 that names it; a path that is no route, a 404;
 * a method a route does not take, a 405 with Allow.
 */
#include "serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A store error: the client's (a filter the store refuses) or ours. */
void kh_serve_store_error(kh_serve_resp *resp, const kh_error *err)
{
    if (err->code == KH_EUSAGE)
        kh_serve_error(resp, 400, NULL, "%s", err->message);
    else if (err->code == KH_EINPUT)
        kh_serve_error(resp, 404, NULL, "%s", err->message);
    else
        kh_serve_error(resp, err->code == KH_EDB ? 503 : 500, NULL,
                       "the store failed: %s", err->message);
}

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

/* ---- filters ------------------------------------------------------------ */

/* A date parameter: a range as `khaldun events --date` takes it; which
 * sides of it count depends on the parameter. */
static int date_param(kh_serve_req *req, kh_serve_resp *resp,
                      const char *key, int from, int to)
{
    const char *v = kh_serve_param_get(req, key);
    if (!v)
        return 0;
    char a[11], b[11];
    kh_error err;
    if (kh_store_parse_dates(v, a, b, &err) != KH_OK)
        return kh_serve_error(resp, 400, key, "%s: %s", key, err.message);
    if (from && a[0])
        memcpy(req->from, a, sizeof a);
    if (to && b[0])
        memcpy(req->to, b, sizeof b);
    return 0;
}

/* An actor, code or name parameter: short enough, and not empty. */
static int text_param(kh_serve_req *req, kh_serve_resp *resp,
                      const char *key, const char **out)
{
    const char *v = kh_serve_param_get(req, key);
    if (!v)
        return 0;
    if (!*v || strlen(v) > 200)
        return kh_serve_error(resp, 400, key, "%s must be 1 to 200 "
                              "characters long", key);
    *out = v;
    return 0;
}

/* The filter parameters of `khaldun events`. */
int kh_serve_read_filter(kh_serve_req *req, kh_serve_resp *resp, kh_store *s,
                       kh_event_filter *f)
{
    static const char *const texts[] = {"actor", "source", "target", "cameo",
                                        "root", "plover", "country", "place"};
    const char **slots[] = {&f->actor, &f->source, &f->target, &f->cameo,
                            &f->root, &f->plover, &f->country, &f->place};
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (text_param(req, resp, texts[i], slots[i]) < 0)
            return -1;
    int64_t n;
    if (kh_serve_param_int(req, resp, "quad", 1, 4, 0, &n) < 0)
        return -1;
    f->quad = (int)n;
    if (kh_serve_param_int(req, resp, "id", 1, INT64_MAX, 0, &n) < 0)
        return -1;
    f->id = n;
    req->from[0] = req->to[0] = '\0';
    if (date_param(req, resp, "date", 1, 1) < 0 ||
        date_param(req, resp, "since", 1, 0) < 0 ||
        date_param(req, resp, "until", 0, 1) < 0)
        return -1;
    if (req->from[0])
        f->since = req->from;
    if (req->to[0])
        f->until = req->to;
    if (f->since && f->until && strcmp(f->since, f->until) > 0)
        return kh_serve_error(resp, 400, "since", "since (%s) is after "
                              "until (%s)", f->since, f->until);
    const char *art = kh_serve_param_get(req, "article");
    if (art) {
        kh_error err;
        if (!s)
            return -1;
        if (kh_store_article_key(s, art, &f->article, &err) != KH_OK) {
            if (err.code == KH_EINPUT)
                return kh_serve_error(resp, 400, "article", "article: no "
                                      "article has the id '%.100s'", art);
            kh_serve_store_error(resp, &err);
            return -1;
        }
    }
    return 0;
}

/* ---- /api/events -------------------------------------------------------- */

typedef struct {
    kh_jbuf *b;
    size_t n, max;
    int more;
    int64_t last_id;    /* the last event shown: the next page's cursor */
    int32_t last_day;
} list_ctx;

static int put_event(void *p, const kh_store_event *ev)
{
    list_ctx *c = p;
    if (c->max && c->n == c->max) {
        c->more = 1;   /* the one past the page */
        return 1;
    }
    size_t len;
    char *j = kh_store_event_json(ev, &len);
    if (!j) {
        c->b->failed = 1;
        return 1;
    }
    if (c->n++)
        kh_jb_puts(c->b, ",");
    kh_jb_put(c->b, j, len);
    free(j);
    c->last_id = ev->id;
    c->last_day = ev->day;
    return 0;
}

static int put_mention(void *p, const kh_store_mention *m)
{
    list_ctx *c = p;
    size_t len;
    char *j = kh_store_mention_json(m, &len);
    if (!j) {
        c->b->failed = 1;
        return 1;
    }
    if (c->n++)
        kh_jb_puts(c->b, ",");
    kh_jb_put(c->b, j, len);
    free(j);
    return 0;
}

static const char *const orders[] = {"newest", "oldest", "mentions", "id"};

/* The keyset cursor of /api/events: "after" is the "next" of the page
 * before, the order's letter, the last event's day and its id
 * ("n20240306.123"): opaque to clients, checked here, and tied to the
 * order it was made for. */
static int after_param(kh_serve_req *req, kh_serve_resp *resp, int order,
                       kh_event_filter *f)
{
    const char *v = kh_serve_param_get(req, "after");
    if (!v)
        return 0;
    long long day = -1, id = 0;
    char tail = 0;
    if (order == 2)
        return kh_serve_error(resp, 400, "after", "after: a cursor pages "
                              "by date or id, not by mentions");
    if (v[0] != orders[order][0] ||
        sscanf(v + 1, "%lld.%lld%c", &day, &id, &tail) != 2 || day < 0 ||
        day > 99991231 || id < 1)
        return kh_serve_error(resp, 400, "after", "after: '%.40s' is not "
                              "a cursor of this order (give the \"next\" "
                              "of the page before)", v);
    f->after_day = (int32_t)day;
    f->after_id = id;
    return 0;
}

static void api_events(kh_serve_req *req, kh_serve_resp *resp, kh_store *s)
{
    kh_event_filter f;
    int64_t limit, offset, count;
    if (kh_serve_read_filter(req, resp, s, &f) < 0 ||
        kh_serve_param_int(req, resp, "limit", 1, KH_SERVE_MAX_LIMIT, 50,
                           &limit) < 0 ||
        kh_serve_param_int(req, resp, "offset", 0, 10000000, 0, &offset) < 0 ||
        kh_serve_param_int(req, resp, "count", 0, 1, 0, &count) < 0)
        return;
    int order = kh_serve_param_enum(req, resp, "order", orders, 4, 0);
    if (order < 0 || after_param(req, resp, order, &f) < 0 ||
        kh_serve_check_unused(req, resp) < 0)
        return;
    static const int order_codes[] = {KH_ORDER_NEWEST, KH_ORDER_OLDEST,
                                      KH_ORDER_MENTIONS, KH_ORDER_ID};
    f.order = order_codes[order];
    f.limit = (size_t)limit + 1;   /* one more says whether more match */
    f.offset = (size_t)offset;
    kh_jbuf b = {0};
    kh_jb_puts(&b, "{\"events\":[");
    list_ctx c = {&b, 0, (size_t)limit, 0, 0, 0};
    kh_error err;
    if (kh_store_events(s, &f, put_event, &c, &err) != KH_OK) {
        free(kh_jb_take(&b, NULL));
        kh_serve_store_error(resp, &err);
        return;
    }
    kh_jb_printf(&b, "],\"more\":%s,\"offset\":%lld,\"limit\":%lld",
                 c.more ? "true" : "false", (long long)offset,
                 (long long)limit);
    /* the next page starts after the last event shown: pass it back as
     * after= (no cursor by mentions: page those by offset) */
    if (c.more && order != 2)
        kh_jb_printf(&b, ",\"next\":\"%c%d.%lld\"", orders[order][0],
                     (int)c.last_day, (long long)c.last_id);
    else
        kh_jb_puts(&b, ",\"next\":null");
    if (count) {
        /* a count stops at 10,000: enough to page, and milliseconds on
         * a store of a million events (bench/run.sh) */
        int64_t total = 0;
        if (kh_store_count_events(s, &f, 10001, &total, &err) != KH_OK) {
            free(kh_jb_take(&b, NULL));
            kh_serve_store_error(resp, &err);
            return;
        }
        kh_jb_printf(&b, ",\"total\":%lld,\"total_capped\":%s",
                     (long long)(total > 10000 ? 10000 : total),
                     total > 10000 ? "true" : "false");
    }
    kh_jb_puts(&b, "}");
    ok_json(resp, &b);
}

/* /api/events/ID and /api/events/ID/mentions */
static void api_event(kh_serve_req *req, kh_serve_resp *resp, kh_store *s,
                      int64_t id, int mentions)
{
    int64_t limit;
    if (mentions && kh_serve_param_int(req, resp, "limit", 1, 1000, 100,
                                       &limit) < 0)
        return;
    if (kh_serve_check_unused(req, resp) < 0)
        return;
    kh_jbuf b = {0};
    list_ctx c = {&b, 0, 1, 0};
    kh_error err;
    kh_event_filter f;
    memset(&f, 0, sizeof f);
    f.id = id;
    kh_jb_puts(&b, "{\"event\":");
    if (kh_store_events(s, &f, put_event, &c, &err) != KH_OK) {
        free(kh_jb_take(&b, NULL));
        kh_serve_store_error(resp, &err);
        return;
    }
    if (c.n == 0) {
        free(kh_jb_take(&b, NULL));
        kh_serve_error(resp, 404, NULL, "no event has the id %lld",
                       (long long)id);
        return;
    }
    if (mentions) {
        kh_jb_puts(&b, ",\"mentions\":[");
        list_ctx m = {&b, 0, 0, 0};
        if (kh_store_mentions(s, id, (size_t)limit, put_mention, &m, &err) !=
            KH_OK) {
            free(kh_jb_take(&b, NULL));
            kh_serve_store_error(resp, &err);
            return;
        }
        kh_jb_puts(&b, "]");
    }
    kh_jb_puts(&b, "}");
    ok_json(resp, &b);
}

/* ---- /api/articles/ID ---------------------------------------------------- */

static void api_article(kh_serve_req *req, kh_serve_resp *resp, kh_store *s,
                        const char *id)
{
    if (kh_serve_check_unused(req, resp) < 0)
        return;
    kh_error err;
    int64_t key = 0;
    /* digits are the store's key (what events give as "article"); else
     * the id as given ("article_id") */
    size_t digits = strspn(id, "0123456789");
    if (id[0] && !id[digits] && digits < 19 && id[0] != '0')
        key = strtoll(id, NULL, 10);
    else if (kh_store_article_key(s, id, &key, &err) != KH_OK) {
        if (err.code == KH_EINPUT)
            kh_serve_error(resp, 404, NULL, "no article has the id '%.100s'",
                           id);
        else
            kh_serve_store_error(resp, &err);
        return;
    }
    size_t len;
    char *j = kh_store_article_json(s, key, &len, &err);
    if (!j) {
        if (err.code == KH_EINPUT || err.code == KH_EUSAGE)
            kh_serve_error(resp, 404, NULL, "no article has the key %lld",
                           (long long)key);
        else
            kh_serve_store_error(resp, &err);
        return;
    }
    resp->status = 200;
    resp->type = "application/json";
    resp->api = 1;
    resp->body = j;
    resp->len = len;
}

/* ---- /api/search -------------------------------------------------------- */

typedef struct {
    kh_jbuf *b;
    size_t n, max;
    int more;
} hit_ctx;

static int put_hit(void *p, const kh_store_hit *h)
{
    hit_ctx *c = p;
    if (c->n == c->max) {
        c->more = 1;
        return 1;
    }
    kh_jbuf *b = c->b;
    kh_jb_printf(b, "%s{\"article\":%lld,\"article_id\":", c->n++ ? "," : "",
                 (long long)h->article);
    kh_jb_cstr(b, h->article_id);
    kh_jb_puts(b, ",\"title\":");
    kh_jb_cstr(b, h->title);
    kh_jb_puts(b, ",\"source\":");
    kh_jb_cstr(b, h->source);
    kh_jb_puts(b, ",\"date\":");
    kh_jb_cstr(b, h->date);
    kh_jb_puts(b, ",\"url\":");
    kh_jb_cstr(b, h->url);
    kh_jb_puts(b, ",\"snippet\":");
    kh_jb_cstr(b, h->snippet);
    kh_jb_printf(b, ",\"rank\":%.4f,\"events\":%lld,\"first_copy\":%lld}",
                 h->rank, (long long)h->events, (long long)h->first_copy);
    return 0;
}

static void api_search(kh_serve_req *req, kh_serve_resp *resp, kh_store *s)
{
    kh_search_opts o;
    memset(&o, 0, sizeof o);
    int64_t limit, offset, all;
    o.query = kh_serve_param_get(req, "q");
    req->from[0] = req->to[0] = '\0';
    if (!o.query || !*o.query) {
        kh_serve_error(resp, 400, "q", "q (the words to search for) is "
                       "missing");
        return;
    }
    if (strlen(o.query) > 1000) {
        kh_serve_error(resp, 400, "q", "q is longer than 1000 bytes");
        return;
    }
    if (date_param(req, resp, "date", 1, 1) < 0 ||
        date_param(req, resp, "since", 1, 0) < 0 ||
        date_param(req, resp, "until", 0, 1) < 0 ||
        text_param(req, resp, "source", &o.source) < 0 ||
        kh_serve_param_int(req, resp, "limit", 1, 100, 20, &limit) < 0 ||
        kh_serve_param_int(req, resp, "offset", 0, 100000, 0, &offset) < 0 ||
        kh_serve_param_int(req, resp, "all", 0, 1, 0, &all) < 0 ||
        kh_serve_check_unused(req, resp) < 0)
        return;
    kh_error err;
    char *fts = kh_store_search_query(o.query, &err);
    if (!fts) {
        kh_serve_error(resp, 400, "q", "q: %s", err.message);
        return;
    }
    free(fts);
    o.since = req->from[0] ? req->from : NULL;
    o.until = req->to[0] ? req->to : NULL;
    o.limit = (size_t)limit + 1;
    o.offset = (size_t)offset;
    o.mark_open = "\x01";   /* the page turns these into <mark> */
    o.mark_close = "\x02";
    o.duplicates = (int)all;
    kh_jbuf b = {0};
    kh_jb_puts(&b, "{\"hits\":[");
    hit_ctx c = {&b, 0, (size_t)limit, 0};
    if (kh_store_search(s, &o, put_hit, &c, &err) != KH_OK) {
        free(kh_jb_take(&b, NULL));
        kh_serve_store_error(resp, &err);
        return;
    }
    kh_jb_printf(&b, "],\"more\":%s,\"offset\":%lld,\"limit\":%lld}",
                 c.more ? "true" : "false", (long long)offset,
                 (long long)limit);
    ok_json(resp, &b);
}

/* ---- dispatch ------------------------------------------------------------ */

/* "/api/events/123/mentions" after "/api/events/": the id and the rest. */
static int path_id(const char *p, int64_t *id, const char **rest)
{
    size_t d = strspn(p, "0123456789");
    if (d == 0 || d > 18 || p[0] == '0')
        return -1;
    *id = strtoll(p, NULL, 10);
    *rest = p + d;
    return 0;
}

static int method_is(kh_serve_resp *resp, const char *method,
                     const char *want)
{
    /* HEAD is GET without the body (libmicrohttpd drops it) */
    if (strcmp(method, want) == 0 ||
        (strcmp(want, "GET") == 0 && strcmp(method, "HEAD") == 0))
        return 1;
    resp->allow = strcmp(want, "GET") == 0 ? "GET, HEAD" : want;
    kh_serve_error(resp, 405, NULL, "%s takes %s, not %s", "this route",
                   resp->allow, method);
    return 0;
}

void kh_serve_dispatch(kh_server *srv, kh_store *s, kh_serve_req *req,
                       kh_serve_resp *resp)
{
    const char *p = req->path;
    resp->fd = -1;
    if (strncmp(p, "/api/", 5) != 0 && strcmp(p, "/api") != 0) {
        if (strcmp(req->method, "GET") != 0 &&
            strcmp(req->method, "HEAD") != 0) {
            resp->allow = "GET, HEAD";
            kh_serve_error(resp, 405, NULL, "the web page takes GET and "
                           "HEAD, not %s", req->method);
            return;
        }
        kh_serve_file(srv, p, resp);
        return;
    }
    const char *r = p + 4;   /* "/events", ... */
    if (strcmp(r, "/code") == 0) {
        if (method_is(resp, req->method, "POST"))
            kh_serve_code(srv, req, resp);
        return;
    }
    if (strcmp(r, "/ingest") == 0) {
        if (method_is(resp, req->method, "POST"))
            kh_serve_ingest(srv, req, resp);
        return;
    }
    /* the routes without an id; 6-8 are those with one (below) */
    static const char *const reads[] = {"/events", "/search", "/timeline",
                                        "/actors/top", "/places", "/stats",
                                        NULL, NULL, NULL, "/export"};
    int route = -1;
    int64_t id = 0;
    const char *rest = NULL;
    for (int i = 0; i < 10; i++)
        if (reads[i] && strcmp(r, reads[i]) == 0)
            route = i;
    if (route < 0 && strncmp(r, "/events/", 8) == 0 &&
        path_id(r + 8, &id, &rest) == 0 &&
        (!*rest || strcmp(rest, "/mentions") == 0))
        route = *rest ? 7 : 6;
    if (route < 0 && strncmp(r, "/articles/", 10) == 0 && r[10] &&
        strlen(r + 10) <= 200)
        route = 8;
    if (route < 0) {
        kh_serve_error(resp, 404, NULL, "no such route: %.200s (the API: "
                       "/api/events, /api/events/ID, /api/events/ID/mentions, "
                       "/api/articles/ID, /api/search, /api/timeline, "
                       "/api/actors/top, /api/places, /api/stats, "
                       "/api/export, POST "
                       "/api/code, POST /api/ingest)", p);
        return;
    }
    if (!method_is(resp, req->method, "GET"))
        return;
    if (!s) {
        kh_serve_error(resp, 503, NULL, "the store %s cannot be opened",
                       srv->db);
        return;
    }
    switch (route) {
    case 0: api_events(req, resp, s); break;
    case 1: api_search(req, resp, s); break;
    case 2: kh_serve_counts(req, resp, s, KH_SERVE_TIMELINE); break;
    case 3: kh_serve_counts(req, resp, s, KH_SERVE_ACTORS); break;
    case 4: kh_serve_counts(req, resp, s, KH_SERVE_PLACES); break;
    case 5: kh_serve_stats(req, resp, s); break;
    case 6: api_event(req, resp, s, id, 0); break;
    case 7: api_event(req, resp, s, id, 1); break;
    case 8: api_article(req, resp, s, r + 10); break;
    case 9: kh_serve_export(req, resp, s); break;
    }
}
