/*
 * lines.c - reading input in lines and in whole, with limits.
 *
 * Limits are errors that the caller sees, never silent truncation: a line
 * over the limit is skipped (read and dropped, so memory stays bounded) and
 * reported by number; a file over the limit is reported with its size.
 */
#include "read.h"

#include "../core/arena.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK ((size_t)1 << 20)

struct kh_lines {
    int fd, own;
    char *buf;
    size_t cap, beg, end;   /* unread data is buf[beg..end) */
    size_t max;
    int eof, err;
    long lineno;
};

kh_lines *kh_lines_open(int fd, int own_fd, size_t max_line)
{
    kh_lines *l = kh_xcalloc(1, sizeof *l);
    l->fd = fd;
    l->own = own_fd;
    l->max = max_line;
    l->cap = CHUNK;
    l->buf = kh_xmalloc(l->cap + 1);
    return l;
}

void kh_lines_close(kh_lines *l)
{
    if (!l)
        return;
    if (l->own)
        close(l->fd);
    free(l->buf);
    free(l);
}

/* Reads more data after end; returns bytes read, 0 at EOF, -1 on error. */
static ssize_t fill(kh_lines *l)
{
    if (l->eof)
        return 0;
    if (l->beg > 0 && l->beg == l->end)
        l->beg = l->end = 0;
    if (l->end == l->cap) {
        if (l->beg > 0) {
            memmove(l->buf, l->buf + l->beg, l->end - l->beg);
            l->end -= l->beg;
            l->beg = 0;
        } else {
            l->cap *= 2;
            l->buf = kh_xrealloc(l->buf, l->cap + 1);
        }
    }
    ssize_t r;
    do
        r = read(l->fd, l->buf + l->end, l->cap - l->end);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        l->err = errno;
        return -1;
    }
    if (r == 0)
        l->eof = 1;
    l->end += (size_t)r;
    return r;
}

int kh_lines_next(kh_lines *l, const char **line, size_t *len, long *lineno)
{
    size_t scanned = 0;   /* bytes of the current line known to hold no \n */
    int skipping = 0;
    for (;;) {
        char *start = l->buf + l->beg;
        size_t avail = l->end - l->beg;
        char *nl = memchr(start + scanned, '\n', avail - scanned);
        if (nl || (l->eof && avail)) {
            size_t n = nl ? (size_t)(nl - start) : avail;
            l->beg += n + (nl ? 1 : 0);
            *lineno = ++l->lineno;
            if (skipping || n > l->max)
                return KH_ELIMIT;
            if (n && start[n - 1] == '\r')
                n--;
            start[n] = '\0';   /* the \n, or the spare byte past cap */
            *line = start;
            *len = n;
            return 1;
        }
        if (l->eof) {
            if (skipping) {
                *lineno = ++l->lineno;
                return KH_ELIMIT;
            }
            return 0;
        }
        scanned = avail;
        if (avail > l->max) {
            /* Too long: drop what we have and keep looking for its end. */
            skipping = 1;
            l->beg = l->end = 0;
            scanned = 0;
        }
        if (fill(l) < 0) {
            *lineno = l->lineno + 1;
            return KH_EIO;
        }
    }
}

int kh_lines_peek(kh_lines *l)
{
    for (;;) {
        for (size_t i = l->beg; i < l->end; i++) {
            unsigned char c = (unsigned char)l->buf[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return c;
        }
        if (l->eof || fill(l) <= 0)
            return -1;
    }
}

int kh_lines_slurp(kh_lines *l, size_t max, char **buf, size_t *len)
{
    size_t n = l->end - l->beg;
    size_t cap = n + CHUNK;
    char *b = kh_xmalloc(cap + 1);
    if (n)
        memcpy(b, l->buf + l->beg, n);
    l->beg = l->end = 0;
    while (!l->eof) {
        if (n > max)
            break;
        if (n == cap) {
            cap *= 2;
            b = kh_xrealloc(b, cap + 1);
        }
        ssize_t r;
        do
            r = read(l->fd, b + n, cap - n);
        while (r < 0 && errno == EINTR);
        if (r < 0) {
            free(b);
            return KH_EIO;
        }
        if (r == 0)
            l->eof = 1;
        n += (size_t)r;
    }
    if (n > max) {
        /* Count the rest without keeping it, for the message. */
        char tmp[65536];
        ssize_t r;
        while ((r = read(l->fd, tmp, sizeof tmp)) > 0 ||
               (r < 0 && errno == EINTR))
            if (r > 0)
                n += (size_t)r;
        free(b);
        *len = n;
        return KH_ELIMIT;
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return KH_OK;
}

int kh_read_fd(int fd, size_t max, char **buf, size_t *len)
{
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
        *len = (size_t)st.st_size;
        return KH_ELIMIT;
    }
    kh_lines l = {0};
    l.fd = fd;
    l.buf = NULL;
    return kh_lines_slurp(&l, max, buf, len);
}
