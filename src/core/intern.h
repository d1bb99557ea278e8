/*
 * intern.h - a string interner: each distinct string gets a small id.
 *
 * Open addressing with the hash kept beside the id, strings stored end to
 * end in one growing buffer, so interning a million words costs a few
 * allocations and ids index a flat offset array.
 */
#ifndef KH_INTERN_H
#define KH_INTERN_H

#include <stddef.h>
#include <stdint.h>

typedef struct kh_intern {
    uint32_t *slots;      /* pairs: id + 1 (0 when empty), and the hash
                             of its string, side by side so that a probe
                             touches one cache line */
    size_t nslots;        /* a power of two */
    uint32_t *offsets;    /* id -> offset in chars; offsets[n] = end */
    size_t n, cap;
    char *chars;          /* NUL after each string */
    size_t nchars, capchars;
} kh_intern;

void kh_intern_init(kh_intern *t);
void kh_intern_free(kh_intern *t);

/* The id of s[0..n), adding it when new. */
uint32_t kh_intern_put(kh_intern *t, const char *s, size_t n);
/* The id of s[0..n), or UINT32_MAX when it is not interned. */
uint32_t kh_intern_get(const kh_intern *t, const char *s, size_t n);
/* The string of an id (NUL-terminated) and its length. */
const char *kh_intern_str(const kh_intern *t, uint32_t id, size_t *len);

uint32_t kh_hash(const char *s, size_t n);

#endif
