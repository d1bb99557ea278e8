/*
 * request.c - what a client sends, read strictly: the request target,
 * percent-decoded, and the checks of parameter values.
 *
 * The target is taken as sent (libmicrohttpd's URI log callback gives it
 * before any decoding), so that this file alone decides what a path and a
 * parameter are, and the fuzz harness (tests/fuzz/fuzz_serve.c) tests
 * exactly what the server runs.  Refused: a NUL byte anywhere (%00), a
 * malformed escape, a path that does not start with '/', more than
 * KH_SERVE_MAX_PARAMS parameters, a parameter given twice.  Every error
 * names the parameter and says what it takes.
 */
#include "serve.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kh_serve_error(kh_serve_resp *resp, int status, const char *param,
                   const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    kh_jbuf b = {0};
    kh_jb_puts(&b, "{\"error\":");
    kh_jb_cstr(&b, msg);
    if (param) {
        kh_jb_puts(&b, ",\"parameter\":");
        kh_jb_cstr(&b, param);
    }
    kh_jb_puts(&b, "}");
    free(resp->body);
    resp->status = status;
    resp->type = "application/json";
    resp->api = 1;
    resp->body = kh_jb_take(&b, &resp->len);
    return -1;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes s[0..n) into a new string: %XX escapes and, in the query, '+'
 * as a space.  NULL (with why) for a bad escape or a NUL byte. */
static char *decode(const char *s, size_t n, int plus, const char **why)
{
    char *out = malloc(n + 1);
    if (!out) {
        *why = "out of memory";
        return NULL;
    }
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (c == '%') {
            if (i + 2 >= n || hexval(s[i + 1]) < 0 ||
                hexval(s[i + 2]) < 0) {
                free(out);
                *why = "a '%' that is not followed by two hex digits";
                return NULL;
            }
            c = hexval(s[i + 1]) * 16 + hexval(s[i + 2]);
            i += 2;
        } else if (c == '+' && plus) {
            c = ' ';
        }
        if (c == 0) {
            free(out);
            *why = "a NUL byte";
            return NULL;
        }
        out[j++] = (char)c;
    }
    out[j] = '\0';
    return out;
}

void kh_serve_req_free(kh_serve_req *req)
{
    free(req->path);
    req->path = NULL;
    for (size_t i = 0; i < req->nparams; i++) {
        free(req->params[i].key);
        free(req->params[i].value);
    }
    req->nparams = 0;
}

int kh_serve_parse_target(const char *target, kh_serve_req *req,
                          kh_serve_resp *resp)
{
    req->path = NULL;
    req->nparams = 0;
    if (!target || target[0] != '/')
        return kh_serve_error(resp, 400, NULL, "the request target must be "
                              "a path that starts with '/'");
    size_t plen = strcspn(target, "?#");
    const char *why = NULL;
    req->path = decode(target, plen, 0, &why);
    if (!req->path)
        return kh_serve_error(resp, 400, NULL, "the path has %s", why);
    if (target[plen] != '?')
        return 0;
    const char *q = target + plen + 1;
    size_t qlen = strcspn(q, "#");
    size_t i = 0;
    while (i < qlen) {
        size_t end = i;
        while (end < qlen && q[end] != '&')
            end++;
        if (end > i) {
            size_t eq = i;
            while (eq < end && q[eq] != '=')
                eq++;
            if (req->nparams == KH_SERVE_MAX_PARAMS) {
                kh_serve_req_free(req);
                return kh_serve_error(resp, 400, NULL, "more than %d "
                                      "parameters", KH_SERVE_MAX_PARAMS);
            }
            char *key = decode(q + i, eq - i, 1, &why);
            if (!key) {
                kh_serve_req_free(req);
                return kh_serve_error(resp, 400, NULL, "a parameter name "
                                      "has %s", why);
            }
            size_t vs = eq < end ? eq + 1 : end;
            char *value = decode(q + vs, end - vs, 1, &why);
            if (!value) {
                kh_serve_error(resp, 400, key, "the value of '%s' has %s",
                               key, why);
                free(key);
                kh_serve_req_free(req);
                return -1;
            }
            for (size_t k = 0; k < req->nparams; k++)
                if (strcmp(req->params[k].key, key) == 0) {
                    kh_serve_error(resp, 400, key, "'%s' is given twice",
                                   key);
                    free(key);
                    free(value);
                    kh_serve_req_free(req);
                    return -1;
                }
            req->params[req->nparams].key = key;
            req->params[req->nparams].value = value;
            req->params[req->nparams].used = 0;
            req->nparams++;
        }
        i = end + 1;
    }
    return 0;
}

const char *kh_serve_param_get(kh_serve_req *req, const char *key)
{
    for (size_t i = 0; i < req->nparams; i++)
        if (strcmp(req->params[i].key, key) == 0) {
            req->params[i].used = 1;
            return req->params[i].value;
        }
    return NULL;
}

int kh_serve_param_int(kh_serve_req *req, kh_serve_resp *resp,
                       const char *key, int64_t lo, int64_t hi, int64_t def,
                       int64_t *out)
{
    const char *v = kh_serve_param_get(req, key);
    if (!v) {
        *out = def;
        return 0;
    }
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (!*v || *end || errno || (v[0] < '0' || v[0] > '9') || n < lo ||
        n > hi)
        return kh_serve_error(resp, 400, key, "%s takes a whole number from "
                              "%lld to %lld, not '%.80s'", key,
                              (long long)lo, (long long)hi, v);
    *out = n;
    return 0;
}

int kh_serve_param_enum(kh_serve_req *req, kh_serve_resp *resp,
                        const char *key, const char *const *names, int n,
                        int def)
{
    const char *v = kh_serve_param_get(req, key);
    if (!v)
        return def;
    for (int i = 0; i < n; i++)
        if (strcmp(v, names[i]) == 0)
            return i;
    char list[256] = "";
    for (int i = 0; i < n; i++) {
        size_t l = strlen(list);
        snprintf(list + l, sizeof list - l, "%s%s", i ? (i == n - 1 ? " or "
                                                                     : ", ")
                                                       : "", names[i]);
    }
    return kh_serve_error(resp, 400, key, "%s must be %s, not '%.80s'", key,
                          list, v);
}

int kh_serve_check_unused(kh_serve_req *req, kh_serve_resp *resp)
{
    for (size_t i = 0; i < req->nparams; i++)
        if (!req->params[i].used)
            return kh_serve_error(resp, 400, req->params[i].key,
                                  "unknown parameter '%.80s' for %s",
                                  req->params[i].key, req->path);
    return 0;
}

int kh_serve_token_equal(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    /* every byte of a is read whatever b is: the time tells only a's
     * length, which is the client's own */
    unsigned char diff = la != lb;
    for (size_t i = 0; i < la; i++)
        diff |= (unsigned char)a[i] ^ (unsigned char)(i < lb ? b[i] : 0);
    return diff == 0;
}
