/* intern.c - string interner (see intern.h). */
#include "intern.h"

#include "arena.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a: short keys (words, codes), so simplicity beats throughput. */
uint32_t kh_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void kh_intern_init(kh_intern *t)
{
    memset(t, 0, sizeof *t);
}

void kh_intern_free(kh_intern *t)
{
    free(t->slots);
    free(t->offsets);
    free(t->chars);
    memset(t, 0, sizeof *t);
}

static int same(const kh_intern *t, uint32_t id, const char *s, size_t n)
{
    uint32_t a = t->offsets[id], b = t->offsets[id + 1] - 1;
    return b - a == n && memcmp(t->chars + a, s, n) == 0;
}

static void grow_slots(kh_intern *t)
{
    size_t ns = t->nslots ? t->nslots * 2 : 1024;
    uint32_t *slots = kh_xcalloc(2 * ns, sizeof *slots);
    for (size_t i = 0; i < t->nslots; i++) {
        if (!t->slots[2 * i])
            continue;
        size_t j = t->slots[2 * i + 1] & (ns - 1);
        while (slots[2 * j])
            j = (j + 1) & (ns - 1);
        slots[2 * j] = t->slots[2 * i];
        slots[2 * j + 1] = t->slots[2 * i + 1];
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = ns;
}

uint32_t kh_intern_get(const kh_intern *t, const char *s, size_t n)
{
    if (!t->nslots)
        return UINT32_MAX;
    uint32_t h = kh_hash(s, n);
    for (size_t j = h & (t->nslots - 1);; j = (j + 1) & (t->nslots - 1)) {
        uint32_t v = t->slots[2 * j];
        if (!v)
            return UINT32_MAX;
        if (t->slots[2 * j + 1] == h && same(t, v - 1, s, n))
            return v - 1;
    }
}

uint32_t kh_intern_put(kh_intern *t, const char *s, size_t n)
{
    uint32_t id = kh_intern_get(t, s, n);
    if (id != UINT32_MAX)
        return id;
    if ((t->n + 1) * 2 > t->nslots)
        grow_slots(t);
    if (t->n + 2 > t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1024;
        t->offsets = kh_xrealloc(t->offsets, t->cap * sizeof *t->offsets);
    }
    if (t->nchars + n + 1 > t->capchars) {
        size_t c = t->capchars ? t->capchars * 2 : 16384;
        while (c < t->nchars + n + 1)
            c *= 2;
        t->chars = kh_xrealloc(t->chars, c);
        t->capchars = c;
    }
    if (n)
        memcpy(t->chars + t->nchars, s, n);
    t->chars[t->nchars + n] = '\0';
    id = (uint32_t)t->n;
    t->offsets[id] = (uint32_t)t->nchars;
    t->nchars += n + 1;
    t->offsets[id + 1] = (uint32_t)t->nchars;
    t->n++;
    uint32_t h = kh_hash(s, n);
    size_t j = h & (t->nslots - 1);
    while (t->slots[2 * j])
        j = (j + 1) & (t->nslots - 1);
    t->slots[2 * j] = id + 1;
    t->slots[2 * j + 1] = h;
    return id;
}

const char *kh_intern_str(const kh_intern *t, uint32_t id, size_t *len)
{
    if (id >= t->n) {
        if (len)
            *len = 0;
        return "";
    }
    if (len)
        *len = t->offsets[id + 1] - 1 - t->offsets[id];
    return t->chars + t->offsets[id];
}
