/*
 * arena.c - chunked bump allocator (see arena.h).
 *
 * Chunks double in size from 16 KiB up to 1 MiB, so a short article costs one
 * malloc and a long one a few; a request larger than a chunk gets a chunk of
 * its own.
 */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct kh_chunk {
    kh_chunk *next;
    size_t size;   /* usable bytes in data */
    size_t used;
    _Alignas(16) unsigned char data[];
};

#define ALIGN 16
#define FIRST_CHUNK ((size_t)16 << 10)
#define MAX_CHUNK ((size_t)1 << 20)

void kh_oom(void)
{
    fputs("khaldun: out of memory\n", stderr);
    abort();
}

void *kh_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        kh_oom();
    return p;
}

void *kh_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        kh_oom();
    return p;
}

void *kh_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        kh_oom();
    return q;
}

char *kh_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(kh_xmalloc(n), s, n);
}

void kh_arena_init(kh_arena *a)
{
    a->head = NULL;
    a->last = NULL;
    a->last_chunk = NULL;
    a->total = 0;
}

void kh_arena_free(kh_arena *a)
{
    kh_chunk *c = a->head;
    while (c) {
        kh_chunk *next = c->next;
        free(c);
        c = next;
    }
    kh_arena_init(a);
}

static size_t round_up(size_t n)
{
    if (n > SIZE_MAX - ALIGN)
        kh_oom();
    return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

static kh_chunk *new_chunk(kh_arena *a, size_t need)
{
    size_t size = a->head ? a->head->size * 2 : FIRST_CHUNK;
    if (size > MAX_CHUNK)
        size = MAX_CHUNK;
    if (size < need)
        size = need;
    if (size > SIZE_MAX - sizeof(kh_chunk))
        kh_oom();
    kh_chunk *c = kh_xmalloc(sizeof(kh_chunk) + size);
    c->size = size;
    c->used = 0;
    a->total += size;
    /* A chunk made for one oversized request goes second, so that the
     * partly filled head keeps serving small requests. */
    if (a->head && need > MAX_CHUNK / 2) {
        c->next = a->head->next;
        a->head->next = c;
    } else {
        c->next = a->head;
        a->head = c;
    }
    return c;
}

void *kh_arena_alloc(kh_arena *a, size_t n)
{
    n = round_up(n ? n : 1);
    kh_chunk *c = a->head;
    if (!c || c->size - c->used < n)
        c = new_chunk(a, n);
    void *p = c->data + c->used;
    c->used += n;
    a->last = p;
    a->last_chunk = c;
    return p;
}

void *kh_arena_calloc(kh_arena *a, size_t n)
{
    return memset(kh_arena_alloc(a, n), 0, n);
}

void *kh_arena_grow(kh_arena *a, void *p, size_t old_n, size_t new_n)
{
    if (!p)
        return kh_arena_alloc(a, new_n);
    if (new_n <= old_n)
        return p;
    kh_chunk *c = a->last_chunk;
    if (p == a->last && c) {
        size_t off = (size_t)((unsigned char *)p - c->data);
        if (c->size - off >= round_up(new_n)) {
            c->used = off + round_up(new_n);
            return p;
        }
    }
    void *q = kh_arena_alloc(a, new_n);
    memcpy(q, p, old_n);
    return q;
}

char *kh_arena_strndup(kh_arena *a, const char *s, size_t n)
{
    char *p = kh_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *kh_arena_strdup(kh_arena *a, const char *s)
{
    return s ? kh_arena_strndup(a, s, strlen(s)) : NULL;
}
