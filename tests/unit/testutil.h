/*
 * testutil.h - shared helpers for the unit and CLI tests (cmocka).
 *
 * Tests run from the repository root (make check does so); ../shared is
 * found beside it, or at $KH_SHARED.
 */
#ifndef KH_TESTUTIL_H
#define KH_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "khaldun.h"

/* Reads a whole file; NULL when it cannot. The caller frees. */
static inline char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* s without the white space at its ends (in place). */
static inline char *tu_trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
                 s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

/* A floor of a tests/floors file of "name value" lines (# comments): fails
 * the test when the file or the name is missing. */
static inline double tu_floor_of(const char *file, const char *name)
{
    char *text = tu_read_file(file, NULL);
    if (!text)
        fail_msg("cannot read %s (run the tests from the repository root)",
                 file);
    double v = -1;
    size_t n = strlen(name);
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (strncmp(line, name, n) == 0 && (line[n] == ' ' || line[n] == '\t'))
            v = strtod(line + n, NULL);
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    if (v < 0)
        fail_msg("no floor named %s in %s", name, file);
    return v;
}

static inline int tu_write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(data, 1, n, f);
    return fclose(f) == 0 && w == n ? 0 : -1;
}

/* The folder of shared suites, or NULL when it is absent. */
static inline const char *tu_shared(void)
{
    static char path[1024];
    const char *env = getenv("KH_SHARED");
    snprintf(path, sizeof path, "%s", env && *env ? env : "../shared");
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? path : NULL;
}

/* A document made from text and run through the whole pipeline. */
static inline kh_doc *tu_process_meta(const char *text, size_t len,
                                      const kh_meta *meta)
{
    static kh_pipeline *p;
    if (!p)
        p = kh_pipeline_new(NULL, NULL);
    kh_error err;
    kh_doc *d = kh_doc_new(text, len, meta, &err);
    if (!d)
        return NULL;
    if (kh_process(p, d, &err) != KH_OK) {
        kh_doc_free(d);
        return NULL;
    }
    return d;
}

static inline kh_doc *tu_process(const char *text)
{
    return tu_process_meta(text, strlen(text), NULL);
}

/* Sentence i of d as a malloc'd string. */
static inline char *tu_sentence(const kh_doc *d, size_t i)
{
    size_t s, e, len;
    const char *in = kh_doc_input(d, &len);
    if (kh_doc_sentence(d, i, &s, &e) != KH_OK)
        return NULL;
    char *out = malloc(e - s + 1);
    memcpy(out, in + s, e - s);
    out[e - s] = '\0';
    return out;
}

/* Token i of d as a static string (overwritten by the next call). */
static inline const char *tu_token(const kh_doc *d, size_t i, int *kind)
{
    static char buf[4096];
    size_t s, e, len;
    const char *in = kh_doc_input(d, &len);
    if (kh_doc_token(d, i, &s, &e, kind) != KH_OK)
        return NULL;
    size_t n = e - s < sizeof buf - 1 ? e - s : sizeof buf - 1;
    memcpy(buf, in + s, n);
    buf[n] = '\0';
    return buf;
}

/* The tokens of d joined by '|', into a static buffer. */
static inline const char *tu_tokens(const kh_doc *d)
{
    static char buf[8192];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < kh_doc_token_count(d); i++) {
        const char *t = tu_token(d, i, NULL);
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? "|" : "",
                              t);
        if (n >= sizeof buf)
            break;
    }
    return buf;
}

#endif
