/*
 * jbuf.c - a growing buffer for JSON answers.
 *
 * Strings are escaped for JSON, and bytes that are not UTF-8 (a store
 * keeps what articles said, which the normaliser has cleaned, but a
 * request parameter echoed in an error is the client's) become U+FFFD, so
 * that every answer parses.  Running out of memory marks the buffer
 * failed; its owner answers 500.
 */
#include "serve.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(kh_jbuf *b, size_t n)
{
    if (b->failed)
        return -1;
    if (b->len + n + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->failed = 1;
        return -1;
    }
    b->s = s;
    b->cap = cap;
    return 0;
}

void kh_jb_put(kh_jbuf *b, const char *s, size_t n)
{
    if (grow(b, n) < 0)
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void kh_jb_puts(kh_jbuf *b, const char *s)
{
    kh_jb_put(b, s, strlen(s));
}

void kh_jb_printf(kh_jbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        kh_jb_put(b, small, (size_t)n);
        return;
    }
    if (grow(b, (size_t)n) < 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* The length of the UTF-8 sequence at s (at most n bytes), or 0 when it
 * is not one (overlong forms, surrogates and values past U+10FFFF
 * included). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t k;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        k = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        k = 4, min = 0x10000;
    else
        return 0;
    if (k > n)
        return 0;
    unsigned v = c & (0x7F >> k);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    return k;
}

void kh_jb_str(kh_jbuf *b, const char *str, size_t n)
{
    if (!str) {
        kh_jb_puts(b, "null");
        return;
    }
    const unsigned char *s = (const unsigned char *)str;
    kh_jb_put(b, "\"", 1);
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k = c >= 0x20 && c != '"' && c != '\\' ? utf8_len(s + i, n - i)
                                                        : 0;
        if (k) {
            i += k;
            run += k;
            continue;
        }
        kh_jb_put(b, (const char *)s + i - run, run);
        run = 0;
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            kh_jb_put(b, e, 2);
        } else if (c == '\n') {
            kh_jb_puts(b, "\\n");
        } else if (c == '\t') {
            kh_jb_puts(b, "\\t");
        } else if (c == '\r') {
            kh_jb_puts(b, "\\r");
        } else if (c < 0x20) {
            kh_jb_printf(b, "\\u%04x", c);
        } else {
            kh_jb_puts(b, "\\ufffd");
        }
        i++;
    }
    kh_jb_put(b, (const char *)s + i - run, run);
    kh_jb_put(b, "\"", 1);
}

void kh_jb_cstr(kh_jbuf *b, const char *s)
{
    kh_jb_str(b, s, s ? strlen(s) : 0);
}

char *kh_jb_take(kh_jbuf *b, size_t *len)
{
    if (b->failed || !b->s) {
        if (!b->failed && (b->s = malloc(1)))
            b->s[0] = '\0';
        else {
            free(b->s);
            b->s = NULL;
        }
    }
    char *s = b->s;
    if (len)
        *len = s ? b->len : 0;
    b->s = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
    return s;
}
