/*
 * gazetteer_build.c - writes a gazetteer file (format in gazetteer.h).
 *
 * Used by tools/gen_gazetteer.c for the real one, and by the tests and the
 * fuzz harness for small ones.  Names are kept in insertion order and the
 * places of a name sorted by rank, so the same input gives the same bytes.
 */
#include "gazetteer.h"

#include "../core/arena.h"

#include <stdlib.h>
#include <string.h>

typedef struct bname {
    uint32_t key, len;     /* in b->keys */
    uint8_t words, more;
    uint32_t *refs;
    uint32_t nrefs, cap;
} bname;

struct kh_gazb {
    kh_gaz_place *places;
    uint32_t nplaces, pcap;
    char *strs;            /* place names */
    size_t nstrs, scap;
    char *keys;
    size_t nkeys, kcap;
    bname *names;
    uint32_t nnames, ncap;
    uint32_t *table;       /* name index + 1 */
    uint32_t tsize;
};

kh_gazb *kh_gazb_new(void)
{
    kh_gazb *b = kh_xcalloc(1, sizeof *b);
    b->tsize = 1024;
    b->table = kh_xcalloc(b->tsize, sizeof *b->table);
    return b;
}

void kh_gazb_free(kh_gazb *b)
{
    if (!b)
        return;
    for (uint32_t i = 0; i < b->nnames; i++)
        free(b->names[i].refs);
    free(b->names);
    free(b->places);
    free(b->strs);
    free(b->keys);
    free(b->table);
    free(b);
}

static size_t put(char **buf, size_t *n, size_t *cap, const char *s,
                  size_t len)
{
    if (*n + len + 1 > *cap) {
        *cap = (*n + len + 1) * 2;
        *buf = kh_xrealloc(*buf, *cap);
    }
    size_t at = *n;
    memcpy(*buf + at, s, len);
    (*buf)[at + len] = 0;
    *n += len + 1;
    return at;
}

uint32_t kh_gazb_place(kh_gazb *b, const char *name, const char *country,
                       const char *admin1, int kind, double lat, double lon,
                       uint32_t pop, uint32_t rank_pop, uint32_t geonameid,
                       unsigned flags)
{
    if (b->nplaces == b->pcap) {
        b->pcap = b->pcap ? b->pcap * 2 : 256;
        b->places = kh_xrealloc(b->places, b->pcap * sizeof *b->places);
    }
    kh_gaz_place *p = &b->places[b->nplaces];
    memset(p, 0, sizeof *p);
    p->name = (uint32_t)put(&b->strs, &b->nstrs, &b->scap, name,
                            strlen(name));
    if (country)
        memcpy(p->country, country, strnlen(country, 3));
    if (admin1)
        memcpy(p->admin1, admin1, strnlen(admin1, 7));
    p->kind = (uint8_t)kind;
    p->lat = (int32_t)(lat * 1e5 + (lat < 0 ? -0.5 : 0.5));
    p->lon = (int32_t)(lon * 1e5 + (lon < 0 ? -0.5 : 0.5));
    p->pop = pop;
    p->rank_pop = rank_pop > pop ? rank_pop : pop;
    p->geonameid = geonameid;
    p->flags = (uint8_t)flags;
    return b->nplaces++;
}

kh_gaz_place *kh_gazb_place_at(kh_gazb *b, uint32_t i)
{
    return i < b->nplaces ? &b->places[i] : NULL;
}

static void grow_table(kh_gazb *b)
{
    uint32_t size = b->tsize * 2, mask = size - 1;
    uint32_t *t = kh_xcalloc(size, sizeof *t);
    for (uint32_t i = 0; i < b->nnames; i++) {
        const bname *nm = &b->names[i];
        uint32_t h = kh_gaz_hash(b->keys + nm->key, nm->len) & mask;
        while (t[h])
            h = (h + 1) & mask;
        t[h] = i + 1;
    }
    free(b->table);
    b->table = t;
    b->tsize = size;
}

/* The name of key[0..len), added when new. */
static bname *name_for(kh_gazb *b, const char *key, size_t len, int words)
{
    uint32_t mask = b->tsize - 1;
    uint32_t h = kh_gaz_hash(key, len) & mask;
    for (; b->table[h]; h = (h + 1) & mask) {
        bname *nm = &b->names[b->table[h] - 1];
        if (nm->len == len && memcmp(b->keys + nm->key, key, len) == 0)
            return nm;
    }
    if (b->nnames == b->ncap) {
        b->ncap = b->ncap ? b->ncap * 2 : 1024;
        b->names = kh_xrealloc(b->names, b->ncap * sizeof *b->names);
    }
    bname *nm = &b->names[b->nnames];
    memset(nm, 0, sizeof *nm);
    nm->key = (uint32_t)put(&b->keys, &b->nkeys, &b->kcap, key, len);
    nm->len = (uint32_t)len;
    nm->words = nm->more = (uint8_t)words;
    b->table[h] = ++b->nnames;
    if (b->nnames * 2 > b->tsize)
        grow_table(b);
    return &b->names[b->nnames - 1];
}

int kh_gazb_name(kh_gazb *b, const char *name, size_t len, uint32_t place,
                 uint32_t flags)
{
    char key[KH_GAZ_KEYMAX];
    int words;
    size_t kl = kh_gaz_key(name, len, key, sizeof key, &words);
    if (kl == 0 || words > KH_GAZ_MAXW || place >= b->nplaces)
        return 0;
    /* The first words of the name lead to it. */
    for (size_t i = 0, w = 0; i < kl; i++) {
        if (key[i] != ' ')
            continue;
        w++;
        bname *pre = name_for(b, key, i, (int)w);
        if (pre->more < words)
            pre->more = (uint8_t)words;
    }
    bname *nm = name_for(b, key, kl, words);
    for (uint32_t i = 0; i < nm->nrefs; i++) {
        if ((nm->refs[i] & KH_GR_PLACE) == place) {
            nm->refs[i] |= flags & KH_GR_PREFERRED;
            return 1;
        }
    }
    if (nm->nrefs == nm->cap) {
        nm->cap = nm->cap ? nm->cap * 2 : 2;
        nm->refs = kh_xrealloc(nm->refs, nm->cap * sizeof *nm->refs);
    }
    nm->refs[nm->nrefs++] = place | (flags & ~KH_GR_PLACE);
    return 1;
}

static const kh_gazb *sort_b;

/* Preferred readings first, then by rank, then in the order added. */
static int ref_cmp(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, c = *(const uint32_t *)y;
    int pa = !!(a & KH_GR_PREFERRED), pc = !!(c & KH_GR_PREFERRED);
    if (pa != pc)
        return pc - pa;
    const kh_gaz_place *p = &sort_b->places[a & KH_GR_PLACE];
    const kh_gaz_place *q = &sort_b->places[c & KH_GR_PLACE];
    if (p->rank_pop != q->rank_pop)
        return p->rank_pop < q->rank_pop ? 1 : -1;
    return (a & KH_GR_PLACE) < (c & KH_GR_PLACE) ? -1 : 1;
}

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

void kh_gazb_serialize(kh_gazb *b, uint8_t **out, size_t *n)
{
    uint32_t nrefs = 0;
    sort_b = b;
    for (uint32_t i = 0; i < b->nnames; i++) {
        if (b->names[i].nrefs > 1)
            qsort(b->names[i].refs, b->names[i].nrefs, sizeof(uint32_t),
                  ref_cmp);
        nrefs += b->names[i].nrefs;
    }
    uint32_t nbuckets = 16;
    while (nbuckets < b->nnames * 2 + 1)
        nbuckets *= 2;
    size_t nstrings = b->nstrs + b->nkeys + 1;
    kh_gaz_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, KH_GAZ_MAGIC, 8);
    h.version = KH_GAZ_VERSION;
    size_t off = align8(sizeof h);
    h.nplaces = b->nplaces, h.off_places = (uint32_t)off;
    off = align8(off + (size_t)b->nplaces * sizeof(kh_gaz_place));
    h.nnames = b->nnames, h.off_names = (uint32_t)off;
    off = align8(off + (size_t)b->nnames * sizeof(kh_gaz_name));
    h.nbuckets = nbuckets, h.off_buckets = (uint32_t)off;
    off = align8(off + (size_t)nbuckets * 8);
    h.nrefs = nrefs, h.off_refs = (uint32_t)off;
    off = align8(off + (size_t)nrefs * 4);
    h.nstrings = (uint32_t)nstrings, h.off_strings = (uint32_t)off;
    off = align8(off + nstrings);
    h.size = (uint32_t)off;
    uint8_t *buf = kh_xcalloc(1, off);
    memcpy(buf, &h, sizeof h);
    /* strings: one NUL, the place names, the keys */
    char *strings = (char *)buf + h.off_strings;
    if (b->nstrs)
        memcpy(strings + 1, b->strs, b->nstrs);
    if (b->nkeys)
        memcpy(strings + 1 + b->nstrs, b->keys, b->nkeys);
    kh_gaz_place *places = (kh_gaz_place *)(buf + h.off_places);
    for (uint32_t i = 0; i < b->nplaces; i++) {
        places[i] = b->places[i];
        places[i].name += 1;
    }
    kh_gaz_name *names = (kh_gaz_name *)(buf + h.off_names);
    uint32_t *refs = (uint32_t *)(buf + h.off_refs);
    uint32_t *buckets = (uint32_t *)(buf + h.off_buckets);
    uint32_t r = 0;
    for (uint32_t i = 0; i < b->nnames; i++) {
        const bname *nm = &b->names[i];
        names[i].key = (uint32_t)(1 + b->nstrs + nm->key);
        names[i].len = (uint16_t)nm->len;
        names[i].words = nm->words;
        names[i].more = nm->more;
        names[i].first = r;
        names[i].count = nm->nrefs;
        if (nm->nrefs)
            memcpy(refs + r, nm->refs, nm->nrefs * sizeof *refs);
        r += nm->nrefs;
        uint32_t mask = nbuckets - 1;
        uint32_t hh = kh_gaz_hash(b->keys + nm->key, nm->len), k = hh & mask;
        while (buckets[2 * k])
            k = (k + 1) & mask;
        buckets[2 * k] = i + 1;
        buckets[2 * k + 1] = hh;
    }
    *out = buf;
    *n = off;
}
