/*
 * arena.h - bump allocation for everything a document owns.
 *
 * A document's annotations are many small objects with one lifetime, so they
 * come from an arena: allocation is a pointer bump, and freeing the document
 * frees a handful of chunks.  Growing the most recent allocation extends it
 * in place when the chunk has room, which makes arena-backed vectors cheap.
 */
#ifndef KH_ARENA_H
#define KH_ARENA_H

#include <stddef.h>

typedef struct kh_chunk kh_chunk;

typedef struct kh_arena {
    kh_chunk *head;   /* the chunk being filled; older ones follow */
    void *last;       /* the most recent allocation, for kh_arena_grow */
    kh_chunk *last_chunk; /* the chunk that holds it */
    size_t total;     /* bytes obtained from malloc, for statistics */
} kh_arena;

void kh_arena_init(kh_arena *a);
void kh_arena_free(kh_arena *a);

/* Returns n bytes aligned to 16, uninitialised.  Never returns NULL: out of
 * memory aborts (see khaldun.h). */
void *kh_arena_alloc(kh_arena *a, size_t n);
void *kh_arena_calloc(kh_arena *a, size_t n);

/* Resizes p (which came from this arena, old_n bytes) to new_n bytes and
 * returns the new address; extends in place when p is the last allocation. */
void *kh_arena_grow(kh_arena *a, void *p, size_t old_n, size_t new_n);

char *kh_arena_strndup(kh_arena *a, const char *s, size_t n);
char *kh_arena_strdup(kh_arena *a, const char *s);

/* malloc wrappers with the same out-of-memory policy. */
void *kh_xmalloc(size_t n);
void *kh_xcalloc(size_t n, size_t size);
void *kh_xrealloc(void *p, size_t n);
char *kh_xstrdup(const char *s);
void kh_oom(void);

#endif
