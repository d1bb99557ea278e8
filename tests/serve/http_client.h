/*
 * http_client.h - a small blocking HTTP/1.1 client for the tests of
 * `khaldun serve`: real sockets on loopback, the request sent as raw bytes
 * (so that a test can send what no well-behaved client would: "../",
 * a lying Content-Length, a missing Host), the answer read to the end
 * (every request says Connection: close).
 */
#ifndef KH_HTTP_CLIENT_H
#define KH_HTTP_CLIENT_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct hc_resp {
    int status;        /* 0 when no answer came */
    char *head;        /* the status line and headers */
    char *body;        /* NUL-terminated */
    size_t body_len;
} hc_resp;

static inline void hc_free(hc_resp *r)
{
    free(r->head);
    free(r->body);
    memset(r, 0, sizeof *r);
}

static inline int hc_connect(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Sends all of buf; a server that closes early (a 413 before the body)
 * is not an error here: its answer is read afterwards. */
static inline void hc_send(int fd, const char *buf, size_t n)
{
    while (n) {
        ssize_t w = send(fd, buf, n, MSG_NOSIGNAL);
        if (w <= 0)
            return;
        buf += w;
        n -= (size_t)w;
    }
}

/* Reads the answer until the server closes (at most timeout_ms between
 * reads). */
static inline hc_resp hc_read(int fd, int timeout_ms)
{
    hc_resp r = {0};
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0)
            break;
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
        ssize_t k = recv(fd, buf + n, cap - n, 0);
        if (k <= 0)
            break;
        n += (size_t)k;
    }
    buf[n] = '\0';
    char *sep = strstr(buf, "\r\n\r\n");
    if (sep && sscanf(buf, "HTTP/1.%*d %d", &r.status) == 1) {
        r.head = strndup(buf, (size_t)(sep - buf) + 2);
        r.body_len = n - (size_t)(sep + 4 - buf);
        r.body = malloc(r.body_len + 1);
        memcpy(r.body, sep + 4, r.body_len);
        r.body[r.body_len] = '\0';
    } else {
        r.head = strdup("");
        r.body = strdup("");
    }
    free(buf);
    return r;
}

/* Sends a raw request and reads the answer. */
static inline hc_resp hc_raw(int port, const char *req, size_t n)
{
    int fd = hc_connect(port);
    if (fd < 0) {
        hc_resp r = {0, strdup(""), strdup(""), 0};
        return r;
    }
    hc_send(fd, req, n);
    hc_resp r = hc_read(fd, 20000);
    close(fd);
    return r;
}

/* METHOD target with an optional body and extra header lines (each
 * ending in \r\n). */
static inline hc_resp hc_request(int port, const char *method,
                                 const char *target, const char *headers,
                                 const char *body, size_t body_len)
{
    size_t cap = strlen(target) + (headers ? strlen(headers) : 0) + 256 +
                 body_len;
    char *req = malloc(cap);
    int h = snprintf(req, cap, "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                     "Connection: close\r\n%s", method, target, port,
                     headers ? headers : "");
    if (body)
        h += snprintf(req + h, cap - (size_t)h, "Content-Length: %zu\r\n",
                      body_len);
    h += snprintf(req + h, cap - (size_t)h, "\r\n");
    if (body) {
        memcpy(req + h, body, body_len);
        h += (int)body_len;
    }
    hc_resp r = hc_raw(port, req, (size_t)h);
    free(req);
    return r;
}

static inline hc_resp hc_get(int port, const char *target)
{
    return hc_request(port, "GET", target, NULL, NULL, 0);
}

/* The value of header name (case does not count), copied into out; NULL
 * when absent. */
static inline const char *hc_header(const hc_resp *r, const char *name,
                                    char *out, size_t n)
{
    size_t len = strlen(name);
    for (const char *p = r->head ? strstr(r->head, "\r\n") : NULL; p;
         p = strstr(p + 2, "\r\n")) {
        const char *l = p + 2;
        if (strncasecmp(l, name, len) == 0 && l[len] == ':') {
            l += len + 1;
            while (*l == ' ')
                l++;
            size_t k = strcspn(l, "\r\n");
            snprintf(out, n, "%.*s", (int)k, l);
            return out;
        }
    }
    return NULL;
}

/* How many times needle occurs in s. */
static inline size_t hc_count(const char *s, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (const char *p = strstr(s, needle); p; p = strstr(p + k, needle))
        n++;
    return n;
}

#endif
