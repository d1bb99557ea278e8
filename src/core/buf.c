/* buf.c - growable byte buffer (see buf.h). */
#include "buf.h"

#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kh_buf_reserve(kh_buf *b, size_t extra)
{
    if (extra > SIZE_MAX / 2 - b->len)
        kh_oom();
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    b->data = kh_xrealloc(b->data, cap);
    b->cap = cap;
}

void kh_buf_put(kh_buf *b, const void *p, size_t n)
{
    kh_buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void kh_buf_puts(kh_buf *b, const char *s)
{
    kh_buf_put(b, s, strlen(s));
}

void kh_buf_putc(kh_buf *b, char c)
{
    kh_buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void kh_buf_printf(kh_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        kh_buf_put(b, tmp, (size_t)n);
        return;
    }
    kh_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *kh_buf_cstr(kh_buf *b)
{
    if (!b->data)
        kh_buf_reserve(b, 0), b->data[0] = '\0';
    return b->data;
}

char *kh_buf_take(kh_buf *b, size_t *len)
{
    kh_buf_cstr(b);
    char *p = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void kh_buf_clear(kh_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void kh_buf_free(kh_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
