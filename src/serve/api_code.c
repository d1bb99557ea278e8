/*
 * api_code.c - POST /api/code (code a pasted article, store nothing) and
 * POST /api/ingest (store it: only with --allow-writes and the token).
 *
 * The body is one article: plain text as `khaldun code` reads a file (an
 * optional "Source – Dateline" first line, the body, an optional URL last
 * line), or, when the Content-Type is application/json, one JSON Lines
 * record ({"id","text","date","url","source","title"}).  The answer is
 * `khaldun code`'s JSON object plus "text", the body the offsets point
 * into (the header and URL lines are not part of it).
 *
 * Bounds: the body is at most KH_SERVE_MAX_BODY (http.c answers 413 past
 * it), which bounds one coding's time (bench/run.sh measures it); one
 * article is coded at a time, and a request that waits longer than
 * code_wait_ms for its turn gets a 503 with Retry-After, so that a
 * client cannot queue up work without end.
 */
#include "serve.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static int lock_in_time(pthread_mutex_t *m, unsigned ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return pthread_mutex_timedlock(m, &ts) == 0 ? 0 : -1;
}

/* The article of the body, or NULL with a 400/503 in resp. */
static kh_doc *read_body(kh_server *srv, kh_serve_req *req,
                         kh_serve_resp *resp)
{
    if (kh_serve_check_unused(req, resp) < 0)
        return NULL;
    if (!srv->pipeline) {
        kh_serve_error(resp, 503, NULL, "coding is not available: %s",
                       srv->pipeline_error);
        return NULL;
    }
    if (!req->body || req->body_len == 0) {
        kh_serve_error(resp, 400, NULL, "the body is empty: send the "
                       "article as text/plain, or as application/json "
                       "{\"text\": ...}");
        return NULL;
    }
    const char *ct = req->content_type ? req->content_type : "";
    int json = strncasecmp(ct, "application/json", 16) == 0;
    kh_error err = {0};
    kh_doc *doc = json ? kh_read_json(req->body, req->body_len, "pasted", 1,
                                      &err)
                       : kh_read_text(req->body, req->body_len, "pasted",
                                      &err);
    if (!doc) {
        char buf[700];
        kh_serve_error(resp, 400, NULL, "%s", kh_error_format(&err, buf,
                                                              sizeof buf));
    }
    return doc;
}

int kh_serve_code(kh_server *srv, kh_serve_req *req, kh_serve_resp *resp)
{
    kh_doc *doc = read_body(srv, req, resp);
    if (!doc)
        return -1;
    if (lock_in_time(&srv->code_lock, srv->code_wait_ms) < 0) {
        kh_doc_free(doc);
        return kh_serve_error(resp, 503, NULL, "the server is coding other "
                              "articles; try again in a moment");
    }
    kh_error err = {0};
    int rc = kh_process(srv->pipeline, doc, &err);
    pthread_mutex_unlock(&srv->code_lock);
    if (rc != KH_OK) {
        char buf[700];
        kh_doc_free(doc);
        return kh_serve_error(resp, 400, NULL, "%s",
                              kh_error_format(&err, buf, sizeof buf));
    }
    size_t len, tlen;
    char *j = kh_doc_to_json(doc, &len);
    const char *text = kh_doc_input(doc, &tlen);
    kh_jbuf b = {0};
    if (j && len >= 2 && j[len - 1] == '}') {
        /* `khaldun code`'s object, and the text its offsets point into,
         * with the warnings of the reader and the stages */
        kh_jb_put(&b, j, len - 1);
        kh_jb_puts(&b, ",\"text\":");
        kh_jb_str(&b, text, tlen);
        kh_jb_puts(&b, ",\"warnings\":[");
        for (size_t i = 0; i < kh_doc_warning_count(doc); i++) {
            if (i)
                kh_jb_puts(&b, ",");
            kh_jb_cstr(&b, kh_doc_warning(doc, i));
        }
        kh_jb_puts(&b, "]}");
    } else {
        b.failed = 1;
    }
    free(j);
    kh_doc_free(doc);
    if (b.failed) {
        free(kh_jb_take(&b, NULL));
        return kh_serve_error(resp, 500, NULL, "out of memory");
    }
    resp->status = 200;
    resp->type = "application/json";
    resp->api = 1;
    resp->body = kh_jb_take(&b, &resp->len);
    return 0;
}

/* The token of "Authorization: Bearer TOKEN", or NULL. */
static const char *bearer(const char *h)
{
    if (!h || strncasecmp(h, "Bearer ", 7) != 0)
        return NULL;
    h += 7;
    while (*h == ' ')
        h++;
    return h;
}

int kh_serve_ingest(kh_server *srv, kh_serve_req *req, kh_serve_resp *resp)
{
    if (!srv->allow_writes || !srv->token || !srv->writer)
        return kh_serve_error(resp, 403, NULL, "this server is read-only "
                              "(start it with --allow-writes and a token to "
                              "store articles)");
    const char *t = bearer(req->authorization);
    if (!t || !kh_serve_token_equal(t, srv->token)) {
        resp->challenge = 1;
        return kh_serve_error(resp, 401, NULL, "%s", t ?
                              "the token is wrong" :
                              "writes need an 'Authorization: Bearer TOKEN' "
                              "header");
    }
    kh_doc *doc = read_body(srv, req, resp);
    if (!doc)
        return -1;
    /* the writer and the pipeline are both used under code_lock */
    if (lock_in_time(&srv->code_lock, srv->code_wait_ms) < 0) {
        kh_doc_free(doc);
        return kh_serve_error(resp, 503, NULL, "the server is coding other "
                              "articles; try again in a moment");
    }
    kh_ingest_result res = {0};
    kh_error err = {0};
    int rc = kh_store_ingest(srv->writer, srv->pipeline, doc, &res, &err);
    pthread_mutex_unlock(&srv->code_lock);
    const char *id = kh_doc_id(doc);
    kh_jbuf b = {0};
    if (rc == KH_OK) {
        static const char *const names[] = {NULL, "added", "near_duplicate",
                                            "same_id", "same_url",
                                            "same_text"};
        kh_jb_puts(&b, "{\"status\":");
        kh_jb_cstr(&b, res.status >= 1 && res.status <= 5 ? names[res.status]
                                                           : NULL);
        kh_jb_printf(&b, ",\"article\":%lld,\"article_id\":",
                     (long long)res.article);
        kh_jb_cstr(&b, id);
        kh_jb_printf(&b, ",\"first_copy\":%lld,\"events\":%zu,"
                     "\"new_events\":%zu}", (long long)res.first_copy,
                     res.events, res.new_events);
    }
    kh_doc_free(doc);
    if (rc != KH_OK) {
        char buf[700];
        return kh_serve_error(resp, rc == KH_EDB ? 503 : 400, NULL, "%s",
                              kh_error_format(&err, buf, sizeof buf));
    }
    if (b.failed) {
        free(kh_jb_take(&b, NULL));
        return kh_serve_error(resp, 500, NULL, "out of memory");
    }
    resp->status = res.status <= KH_INGEST_NEAR_DUPLICATE ? 201 : 200;
    resp->type = "application/json";
    resp->api = 1;
    resp->body = kh_jb_take(&b, &resp->len);
    return 0;
}
