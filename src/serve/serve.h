/*
 * serve.h - `khaldun serve`: a read-only JSON API over a store, and the
 * web page, on libmicrohttpd.
 *
 * The server is three layers, so that the part that reads what clients
 * send can be tested and fuzzed without a socket:
 *
 *   request.c   the request target ("/api/events?actor=USA&limit=10") as
 *               sent, percent-decoded into a path and parameters, and the
 *               checks of parameter values (numbers, enumerations, dates)
 *               with errors that name the parameter;
 *   api.c, api_counts.c, api_export.c, api_code.c   the routes: a
 *               request in, a response out (status, type, body), over a
 *               kh_store the caller owns;
 *   files.c     the web folder: a decoded path to a file descriptor that
 *               cannot be outside the folder;
 *   http.c      libmicrohttpd: threads, one store connection per thread,
 *               body and time limits, the security headers.
 *
 * Only the public API (include/khaldun.h) is used.
 */
#ifndef KH_SERVE_H
#define KH_SERVE_H

#include "khaldun.h"

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

/* The largest request body (POST /api/code, /api/ingest). */
#define KH_SERVE_MAX_BODY ((size_t)1 << 20)
/* The most events a page of /api/events holds. */
#define KH_SERVE_MAX_LIMIT 500
/* The most query parameters a request may have. */
#define KH_SERVE_MAX_PARAMS 32

/* ---- JSON output ---------------------------------------------------------- */

typedef struct kh_jbuf {
    char *s;
    size_t len, cap;
    int failed;          /* out of memory: the buffer is then useless */
} kh_jbuf;

void kh_jb_put(kh_jbuf *b, const char *s, size_t n);
void kh_jb_puts(kh_jbuf *b, const char *s);
void kh_jb_printf(kh_jbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A JSON string of s[0..n) (null when s is NULL); bytes that are not
 * UTF-8 become U+FFFD so that the output always parses. */
void kh_jb_str(kh_jbuf *b, const char *s, size_t n);
void kh_jb_cstr(kh_jbuf *b, const char *s);
/* Gives the string (NUL-terminated) to the caller, and empties b. */
char *kh_jb_take(kh_jbuf *b, size_t *len);

/* ---- requests --------------------------------------------------------------- */

typedef struct kh_serve_param {
    char *key, *value;   /* decoded, NUL-terminated (NUL bytes refused) */
    int used;            /* a route read it (the rest are unknown) */
} kh_serve_param;

typedef struct kh_serve_req {
    const char *method;          /* "GET", "POST", ... as sent */
    char *path;                  /* decoded path, starts with '/' */
    kh_serve_param params[KH_SERVE_MAX_PARAMS];
    size_t nparams;
    const char *body;            /* POST body, body_len bytes */
    size_t body_len;
    const char *content_type;    /* header values, or NULL */
    const char *authorization;
    /* room for the dates a filter resolves */
    char from[11], to[11];
} kh_serve_req;

typedef struct kh_serve_resp {
    int status;
    const char *type;            /* Content-Type */
    char *body;                  /* malloc'd, or NULL */
    size_t len;
    int fd;                      /* a file to send instead (>= 0), */
    uint64_t file_size;          /* of this size */
    const char *allow;           /* the Allow header of a 405 */
    int challenge;               /* a 401: WWW-Authenticate: Bearer */
    const char *filename;        /* a download: Content-Disposition */
    int api;                     /* a JSON API answer: never cached */
} kh_serve_resp;

/* Parses the request target as sent (path and query, still
 * percent-encoded) into req->path and req->params.  Returns 0, or fills
 * resp with a 400 (or 414) and returns -1.  kh_serve_req_free frees what
 * it allocated. */
int kh_serve_parse_target(const char *target, kh_serve_req *req,
                          kh_serve_resp *resp);
void kh_serve_req_free(kh_serve_req *req);

/* The value of parameter key (marking it used), or NULL. */
const char *kh_serve_param_get(kh_serve_req *req, const char *key);

/* Fills resp with status and {"error": message} (and "parameter" when
 * param is not NULL).  Returns -1, for `return kh_serve_error(...)`. */
int kh_serve_error(kh_serve_resp *resp, int status, const char *param,
                   const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A whole number parameter from lo to hi (def when absent): 0, or -1
 * with a 400 in resp. */
int kh_serve_param_int(kh_serve_req *req, kh_serve_resp *resp,
                       const char *key, int64_t lo, int64_t hi, int64_t def,
                       int64_t *out);
/* One of names[0..n) (def when absent): its index, or -1 with a 400. */
int kh_serve_param_enum(kh_serve_req *req, kh_serve_resp *resp,
                        const char *key, const char *const *names, int n,
                        int def);
/* Refuses (400) a parameter no route read. */
int kh_serve_check_unused(kh_serve_req *req, kh_serve_resp *resp);

/* ---- the server --------------------------------------------------------------- */

typedef struct kh_server {
    const char *db;              /* the store's path */
    const char *web;             /* the web folder, resolved (realpath) */
    const char *token;           /* the write token, or NULL */
    int allow_writes;
    kh_pipeline *pipeline;       /* for /api/code and /api/ingest, or NULL */
    char pipeline_error[512];    /* why it is NULL */
    pthread_mutex_t code_lock;   /* one coding at a time */
    unsigned code_wait_ms;       /* how long a request waits for it */
    kh_store *writer;            /* opened for /api/ingest; used under
                                    code_lock */
    int log_requests;            /* one line per request on stderr */
    int check_host;              /* bound to loopback: the Host header
                                    must name it (DNS rebinding) */
} kh_server;

/* Answers one request with a store connection the caller owns (s may be
 * NULL when the store could not be opened: the API then answers 503). */
void kh_serve_dispatch(kh_server *srv, kh_store *s, kh_serve_req *req,
                       kh_serve_resp *resp);

/* The filter parameters of `khaldun events` (actor, ..., article) into
 * f; 0, or -1 with a 400 in resp (api.c). */
int kh_serve_read_filter(kh_serve_req *req, kh_serve_resp *resp,
                         kh_store *s, kh_event_filter *f);
/* A store error as an answer: 400 for a filter it refuses, 404 for
 * what it does not have, 503 for a database error. */
void kh_serve_store_error(kh_serve_resp *resp, const kh_error *err);

/* GET /api/timeline, /api/actors/top, /api/places, /api/stats
 * (api_counts.c). */
enum { KH_SERVE_TIMELINE, KH_SERVE_ACTORS, KH_SERVE_PLACES };
void kh_serve_counts(kh_serve_req *req, kh_serve_resp *resp, kh_store *s,
                     int what);
void kh_serve_stats(kh_serve_req *req, kh_serve_resp *resp, kh_store *s);

/* GET /api/export (api_export.c). */
void kh_serve_export(kh_serve_req *req, kh_serve_resp *resp, kh_store *s);

/* POST /api/code and /api/ingest (api_code.c). */
int kh_serve_code(kh_server *srv, kh_serve_req *req, kh_serve_resp *resp);
int kh_serve_ingest(kh_server *srv, kh_serve_req *req, kh_serve_resp *resp);

/* A static file of the web folder for a decoded path: resp gets the
 * open file, or a 404/400 (files.c). */
void kh_serve_file(const kh_server *srv, const char *path,
                   kh_serve_resp *resp);

/* The Content-Type of a file name by its extension. */
const char *kh_serve_mime(const char *name);

/* Compares a and b in time that does not depend on where they differ;
 * 1 when equal. */
int kh_serve_token_equal(const char *a, const char *b);

typedef struct kh_serve_opts {
    const char *host;
    int port;                    /* 0: any free port */
    unsigned threads;
    unsigned timeout_s;          /* idle connection timeout */
} kh_serve_opts;

/* Starts the daemon; returns an opaque handle (and the port it listens
 * on), or NULL with a message in err. */
void *kh_serve_start(kh_server *srv, const kh_serve_opts *o, int *port,
                     char *err, size_t errlen);
void kh_serve_stop(void *daemon);

#endif
