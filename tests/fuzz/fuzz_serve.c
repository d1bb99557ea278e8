/*
 * fuzz_serve.c - libFuzzer harness: what a client of `khaldun serve`
 * sends.  The input is a request: its first byte picks the method, the
 * bytes up to the first newline are the request target as sent (path and
 * query, percent-encoded or not), the rest is the body.  It goes through
 * the server's own parsing (kh_serve_parse_target) and routes
 * (kh_serve_dispatch) over a small store in memory and the repository's
 * web/ folder, without a socket.  Every answer must have a status the
 * server documents, an API answer must be valid JSON (an error one with
 * an "error"), and a file must be inside web/.
 */
#include "khaldun.h"
#include "core/arena.h"
#include "read/json.h"
#include "serve/serve.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kh_server srv;
static kh_store *store;
static char web[PATH_MAX];

static void init(void)
{
    kh_error err;
    store = kh_store_open(":memory:", KH_STORE_CREATE, &err);
    kh_pipeline *p = kh_pipeline_new(NULL, &err);
    if (!store || !p)
        abort();
    static const char *const texts[] = {
        "The United States condemned Iran on Monday over the attack in "
        "Baghdad.",
        "Turkish warplanes bombed Kurdish rebels in northern Iraq, the "
        "U.S. military said. \"We will respond,\" Al-Sudani's office said.",
    };
    for (int i = 0; i < 2; i++) {
        kh_meta m = {0};
        m.id = i ? "b" : "a";
        m.date = "2024-01-06";
        m.source = "Wire";
        kh_doc *d = kh_doc_new(texts[i], strlen(texts[i]), &m, &err);
        if (!d || kh_store_ingest(store, p, d, NULL, &err) != KH_OK)
            abort();
        kh_doc_free(d);
    }
    srv.db = ":memory:";
    srv.pipeline = p;
    pthread_mutex_init(&srv.code_lock, NULL);
    srv.code_wait_ms = 1000;
    if (realpath("web", web))
        srv.web = web;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!store)
        init();
    if (size < 1 || size > 8192)
        return 0;
    static const char *const methods[] = {"GET", "POST", "HEAD", "DELETE"};
    const char *method = methods[data[0] & 3];
    const char *rest = (const char *)data + 1;
    size_t n = size - 1;
    const char *nl = memchr(rest, '\n', n);
    size_t tlen = nl ? (size_t)(nl - rest) : n;
    char *target = malloc(tlen + 1);
    memcpy(target, rest, tlen);
    target[tlen] = '\0';
    kh_serve_req req;
    memset(&req, 0, sizeof req);
    req.method = method;
    kh_serve_resp resp;
    memset(&resp, 0, sizeof resp);
    resp.fd = -1;
    if (kh_serve_parse_target(target, &req, &resp) == 0) {
        if (nl) {
            req.body = nl + 1;
            req.body_len = n - tlen - 1;
        }
        req.content_type = (data[0] & 4) ? "application/json" : "text/plain";
        kh_serve_dispatch(&srv, store, &req, &resp);
    }
    switch (resp.status) {
    case 200: case 201: case 400: case 403: case 404: case 405: case 503:
        break;
    default:
        abort();   /* 500 or nothing: the server failed */
    }
    if (resp.fd >= 0) {
        /* a file: only under web/, and only for GET and HEAD */
        if (resp.status != 200 || (method[0] != 'G' && method[0] != 'H') ||
            strstr(req.path, ".."))
            abort();
        close(resp.fd);
    } else if (resp.filename) {
        /* an export: only from /api/export */
        if (resp.status != 200 || !resp.body ||
            strcmp(req.path, "/api/export") != 0)
            abort();
    } else {
        if (!resp.body || !resp.type ||
            strcmp(resp.type, "application/json") != 0)
            abort();
        kh_arena a;
        kh_arena_init(&a);
        size_t off;
        const char *msg;
        kh_jval *v = kh_json_parse(&a, resp.body, resp.len, &off, &msg);
        if (!v)
            abort();   /* every API answer is valid JSON */
        if (resp.status >= 400 && !strstr(resp.body, "\"error\":"))
            abort();
        kh_arena_free(&a);
    }
    free(resp.body);
    kh_serve_req_free(&req);
    free(target);
    return 0;
}
