/*
 * buf.h - a growable byte buffer for output and messages.
 */
#ifndef KH_BUF_H
#define KH_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct kh_buf {
    char *data;    /* NUL-terminated when len > 0 or after kh_buf_cstr */
    size_t len;
    size_t cap;
} kh_buf;

#define KH_BUF_INIT {NULL, 0, 0}

void kh_buf_reserve(kh_buf *b, size_t extra);
void kh_buf_put(kh_buf *b, const void *p, size_t n);
void kh_buf_puts(kh_buf *b, const char *s);
void kh_buf_putc(kh_buf *b, char c);
void kh_buf_printf(kh_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Returns the contents as a C string (never NULL). */
const char *kh_buf_cstr(kh_buf *b);
/* Hands the storage to the caller (free() it) and resets b. */
char *kh_buf_take(kh_buf *b, size_t *len);
void kh_buf_clear(kh_buf *b);
void kh_buf_free(kh_buf *b);

#endif
