/*
 * http.c - libmicrohttpd under the routes: threads, store connections,
 * limits and headers.
 *
 * Threads: a pool of libmicrohttpd's internal threads; each opens its own
 * read-only store connection at its first request (a kh_store is one
 * SQLite connection, for one thread at a time) and closes it when it
 * ends.  SQLite's WAL lets these readers run beside an ingest.
 *
 * Limits: a body over KH_SERVE_MAX_BODY is answered 413 as soon as its
 * Content-Length says so (and else when it passes the limit: the rest is
 * read and dropped); idle connections are closed after a timeout; the
 * headers of a request are bounded by libmicrohttpd (its memory limit:
 * 431/414 past it); at most 256 connections at once.
 *
 * Every answer carries a Content-Security-Policy that allows only the
 * page's own files (no inline script or style, no other origin),
 * nosniff, no referrer and no framing; API answers are not cached.
 */
#include "serve.h"

#include <microhttpd.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define CSP "default-src 'self'; script-src 'self'; style-src 'self'; " \
            "img-src 'self' data:; connect-src 'self'; object-src 'none'; " \
            "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

typedef struct conn {
    char *target;        /* the request target as sent */
    char *body;
    size_t len;
    int started, too_big, answered;
} conn;

static pthread_key_t store_key;
static pthread_once_t store_once = PTHREAD_ONCE_INIT;

static void close_store(void *s)
{
    kh_store_close(s);
}

static void make_key(void)
{
    pthread_key_create(&store_key, close_store);
}

/* This thread's store connection, opened at its first request. */
static kh_store *thread_store(const kh_server *srv)
{
    kh_store *s = pthread_getspecific(store_key);
    if (s)
        return s;
    kh_error err;
    s = kh_store_open(srv->db, KH_STORE_READONLY | KH_STORE_NOCHECK, &err);
    if (!s) {
        char buf[1024];
        fprintf(stderr, "khaldun: serve: %s\n",
                kh_error_format(&err, buf, sizeof buf));
        return NULL;
    }
    pthread_setspecific(store_key, s);
    return s;
}

static void *uri_log(void *cls, const char *uri, struct MHD_Connection *con)
{
    (void)cls;
    (void)con;
    conn *c = calloc(1, sizeof *c);
    if (c && uri)
        c->target = strdup(uri);
    return c;
}

static void completed(void *cls, struct MHD_Connection *con, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)con;
    (void)toe;
    conn *c = *con_cls;
    if (c) {
        free(c->target);
        free(c->body);
        free(c);
        *con_cls = NULL;
    }
}

static enum MHD_Result send_resp(struct MHD_Connection *con,
                                 kh_serve_resp *r)
{
    struct MHD_Response *m;
    if (r->fd >= 0) {
        m = MHD_create_response_from_fd64(r->file_size, r->fd);
        if (!m)
            close(r->fd);
        r->fd = -1;
    } else {
        if (r->body) {
            m = MHD_create_response_from_buffer(r->len, r->body,
                                                MHD_RESPMEM_MUST_FREE);
            if (m)
                r->body = NULL;   /* libmicrohttpd frees it */
        } else {
            m = MHD_create_response_from_buffer(0, (void *)"",
                                                MHD_RESPMEM_PERSISTENT);
        }
    }
    if (!m)
        return MHD_NO;
    MHD_add_response_header(m, "Content-Type", r->type ? r->type :
                            "application/octet-stream");
    MHD_add_response_header(m, "Content-Security-Policy", CSP);
    MHD_add_response_header(m, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(m, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(m, "X-Frame-Options", "DENY");
    MHD_add_response_header(m, "Cache-Control", r->api ? "no-store" :
                            "no-cache");
    if (r->allow)
        MHD_add_response_header(m, "Allow", r->allow);
    if (r->challenge)
        MHD_add_response_header(m, "WWW-Authenticate",
                                "Bearer realm=\"khaldun\"");
    if (r->filename) {
        char cd[128];
        snprintf(cd, sizeof cd, "attachment; filename=\"%s\"", r->filename);
        MHD_add_response_header(m, "Content-Disposition", cd);
    }
    if (r->status == 503)
        MHD_add_response_header(m, "Retry-After", "2");
    enum MHD_Result ok = MHD_queue_response(con, (unsigned)r->status, m);
    MHD_destroy_response(m);
    return ok;
}

/* The host of a Host header ("127.0.0.1:8080", "[::1]:80") is one that
 * names this loopback server. */
static int host_ok(const char *h)
{
    if (!h)
        return 1;   /* HTTP/1.0 clients may leave it out */
    size_t n = h[0] == '[' ? strcspn(h, "]") + 1 : strcspn(h, ":");
    static const char *const names[] = {"localhost", "127.0.0.1", "[::1]"};
    for (int i = 0; i < 3; i++)
        if (strlen(names[i]) == n && strncasecmp(h, names[i], n) == 0)
            return 1;
    return 0;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *con,
                              const char *url, const char *method,
                              const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    (void)version;
    kh_server *srv = cls;
    conn *c = *con_cls;
    if (!c) {
        if (!(c = calloc(1, sizeof *c)))
            return MHD_NO;
        *con_cls = c;
    }
    kh_serve_resp resp = {0};
    resp.fd = -1;
    if (!c->started) {
        c->started = 1;
        const char *cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
                                                     "Content-Length");
        if (cl && strtoull(cl, NULL, 10) > KH_SERVE_MAX_BODY) {
            /* answered before the body is read; the connection closes */
            c->answered = 1;
            kh_serve_error(&resp, 413, NULL, "the body is larger than %zu "
                           "bytes", KH_SERVE_MAX_BODY);
            return send_resp(con, &resp);
        }
        return MHD_YES;
    }
    if (*upload_size) {
        if (!c->too_big && !c->answered) {
            if (c->len + *upload_size > KH_SERVE_MAX_BODY) {
                c->too_big = 1;
                free(c->body);
                c->body = NULL;
                c->len = 0;
            } else {
                char *b = realloc(c->body, c->len + *upload_size + 1);
                if (!b)
                    return MHD_NO;
                memcpy(b + c->len, upload, *upload_size);
                c->body = b;
                c->len += *upload_size;
            }
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (c->answered)
        return MHD_YES;
    c->answered = 1;
    kh_serve_req req;
    memset(&req, 0, sizeof req);
    req.method = method;
    if (c->too_big) {
        kh_serve_error(&resp, 413, NULL, "the body is larger than %zu bytes",
                       KH_SERVE_MAX_BODY);
    } else if (srv->check_host &&
               !host_ok(MHD_lookup_connection_value(con, MHD_HEADER_KIND,
                                                    "Host"))) {
        kh_serve_error(&resp, 403, NULL, "this server answers only requests "
                       "to localhost or 127.0.0.1 (the Host header names "
                       "another host)");
    } else if (kh_serve_parse_target(c->target ? c->target : url, &req,
                                     &resp) == 0) {
        req.body = c->body;
        req.body_len = c->len;
        req.content_type = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
                                                       "Content-Type");
        req.authorization = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
                                                        "Authorization");
        kh_store *s = NULL;
        if (strncmp(req.path, "/api/", 5) == 0)
            s = thread_store(srv);
        kh_serve_dispatch(srv, s, &req, &resp);
    }
    if (srv->log_requests)
        fprintf(stderr, "khaldun: serve: %s %s %d\n", method,
                c->target ? c->target : url, resp.status);
    kh_serve_req_free(&req);
    enum MHD_Result ok = send_resp(con, &resp);
    free(resp.body);
    if (resp.fd >= 0)
        close(resp.fd);
    return ok;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    fputs("khaldun: serve: ", stderr);
    vfprintf(stderr, fmt, ap);
}

void *kh_serve_start(kh_server *srv, const kh_serve_opts *o, int *port,
                     char *err, size_t errlen)
{
    pthread_once(&store_once, make_key);
    char portstr[16];
    snprintf(portstr, sizeof portstr, "%d", o->port);
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    int rc = getaddrinfo(o->host, portstr, &hints, &ai);
    if (rc != 0) {
        snprintf(err, errlen, "--host %s: %s", o->host, gai_strerror(rc));
        return NULL;
    }
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
    if (ai->ai_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    /* loopback: only requests that name it (see host_ok) */
    if (ai->ai_family == AF_INET)
        srv->check_host =
            (ntohl(((struct sockaddr_in *)ai->ai_addr)->sin_addr.s_addr) >>
             24) == 127;
    else if (ai->ai_family == AF_INET6)
        srv->check_host = IN6_IS_ADDR_LOOPBACK(
            &((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr);
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)o->port, NULL, NULL, handle, srv,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
        MHD_OPTION_SOCK_ADDR, ai->ai_addr,
        MHD_OPTION_THREAD_POOL_SIZE, o->threads ? o->threads : 4,
        MHD_OPTION_CONNECTION_TIMEOUT, o->timeout_s ? o->timeout_s : 30,
        MHD_OPTION_CONNECTION_LIMIT, 256,
        MHD_OPTION_URI_LOG_CALLBACK, uri_log, NULL,
        MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
        MHD_OPTION_END);
    freeaddrinfo(ai);
    if (!d) {
        snprintf(err, errlen, "cannot listen on %s port %d (in use, or not "
                 "an address of this machine)", o->host, o->port);
        return NULL;
    }
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    *port = info ? info->port : o->port;
    return d;
}

void kh_serve_stop(void *daemon)
{
    if (daemon)
        MHD_stop_daemon(daemon);
}
