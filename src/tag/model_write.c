/*
 * model_write.c - writing the tagger's model file (layout in model.h).
 *
 * Used by tools/train_tagger and by the tests that make small or broken
 * models.  The output depends only on the input lists: hash tables are
 * filled in the order the keys are given (the trainer sorts them), and
 * padding is zero, so that the same training gives the same bytes.
 */
#include "model.h"

#include "../core/arena.h"
#include "../core/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A power of two at least twice n, so that probes stay short and every
 * table has an empty slot. */
static size_t table_size(size_t n)
{
    size_t s = 1;
    while (s < 2 * n)
        s <<= 1;
    return s;
}

/* Inserts keys[0..n) into slots[size] (zeroed); *pos[i] receives the slot
 * of key i.  A repeated key keeps its first slot. */
static void fill(uint64_t *slots, size_t size, const uint64_t *keys,
                 size_t n, size_t *pos)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t k = keys[i];
        size_t s = (size_t)(k & (size - 1));
        while (slots[s] != 0 && slots[s] != k)
            s = (s + 1) & (size - 1);
        slots[s] = k;
        pos[i] = s;
    }
}

typedef struct {
    uint8_t *p;
    size_t n, cap;
} obuf;

static size_t put(obuf *o, const void *data, size_t n)
{
    size_t at = (o->n + 7) & ~(size_t)7;
    if (at + n > o->cap) {
        while (at + n > o->cap)
            o->cap = o->cap ? o->cap * 2 : 1 << 16;
        o->p = kh_xrealloc(o->p, o->cap);
    }
    memset(o->p + o->n, 0, at - o->n);
    if (n)
        memcpy(o->p + at, data, n);
    o->n = at + n;
    return at;
}

uint8_t *kh_tagm_serialize(const kh_tagm_build *b, size_t *size)
{
    kh_tagm_header h = {{0}};
    memcpy(h.magic, KH_TAGM_MAGIC, 8);
    h.version = KH_TAGM_VERSION;
    h.nsections = KH_SEC_LAST;
    h.ntags = KH_POS_COUNT;
    h.lanes = KH_POS_LANES;
    h.scale = b->scale;

    /* the hash tables */
    size_t fs = table_size(b->nfeat), ds = table_size(b->ndict),
           ls = table_size(b->nexc), ws = table_size(b->nlex);
    size_t maxn = b->nfeat > b->ndict ? b->nfeat : b->ndict;
    if (b->nexc > maxn)
        maxn = b->nexc;
    if (b->nlex > maxn)
        maxn = b->nlex;
    size_t *pos = kh_xmalloc((maxn + 1) * sizeof *pos);
    uint64_t *feats = kh_xcalloc(fs, 8);
    for (size_t i = 0; i < b->nfeat; i++) {
        /* as kh_tagm_row looks: home slot from the low bits, the upper
         * half compared; a key whose upper half is already in its chain
         * is a duplicate (the first one stays) */
        uint64_t k = b->fkeys[i];
        size_t s = (size_t)(k & (fs - 1));
        while (feats[s] != 0 && (feats[s] >> 32) != (k >> 32))
            s = (s + 1) & (fs - 1);
        if (feats[s] == 0 && b->frows[i] != 0)
            feats[s] = (k >> 32) << 32 | b->frows[i];
    }
    uint64_t *dkeys = kh_xcalloc(ds, 8);
    uint8_t *dtags = kh_xcalloc(ds, 1);
    fill(dkeys, ds, b->dkeys, b->ndict, pos);
    for (size_t i = 0; i < b->ndict; i++)
        dtags[pos[i]] = b->dtags[i];
    uint64_t *lkeys = kh_xcalloc(ls, 8);
    uint32_t *lvals = kh_xcalloc(ls, 4);
    fill(lkeys, ls, b->lkeys, b->nexc, pos);
    for (size_t i = 0; i < b->nexc; i++)
        lvals[pos[i]] = b->lvals[i];
    uint64_t *wkeys = kh_xcalloc(ws, 8);
    fill(wkeys, ws, b->wkeys, b->nlex, pos);
    free(pos);

    char names[KH_POS_COUNT][KH_TAGM_NAMELEN];
    memset(names, 0, sizeof names);
    for (int t = 0; t < KH_POS_COUNT; t++)
        snprintf(names[t], KH_TAGM_NAMELEN, "%s", kh_pos_name(t));
    const char *meta = b->meta ? b->meta : "";
    const char *strings = b->nstrings ? b->strings : "";
    size_t nstrings = b->nstrings ? b->nstrings : 1;

    struct {
        uint32_t id, elem;
        const void *data;
        uint64_t count;
    } secs[KH_SEC_LAST] = {
        {KH_SEC_TAGS, KH_TAGM_NAMELEN, names, KH_POS_COUNT},
        {KH_SEC_FEATS, 8, feats, fs},
        {KH_SEC_ENTRIES, 4, b->entries, b->nentries},
        {KH_SEC_DENSE, 2 * KH_POS_LANES, b->dense, b->ndense},
        {KH_SEC_DKEYS, 8, dkeys, ds},
        {KH_SEC_DTAGS, 1, dtags, ds},
        {KH_SEC_LKEYS, 8, lkeys, ls},
        {KH_SEC_LVALS, 4, lvals, ls},
        {KH_SEC_WKEYS, 8, wkeys, ws},
        {KH_SEC_STRINGS, 1, strings, nstrings},
        {KH_SEC_META, 1, meta, strlen(meta) + 1},
    };
    obuf o = {0};
    put(&o, &h, sizeof h);
    kh_tagm_section table[KH_SEC_LAST];
    memset(table, 0, sizeof table);
    size_t table_at = put(&o, table, sizeof table);
    for (int i = 0; i < KH_SEC_LAST; i++) {
        table[i].id = secs[i].id;
        table[i].elem = secs[i].elem;
        table[i].count = secs[i].count;
        table[i].offset = put(&o, secs[i].data,
                              (size_t)(secs[i].count * secs[i].elem));
    }
    put(&o, NULL, 0);   /* pad the end to 8 bytes */
    memcpy(o.p + table_at, table, sizeof table);
    h.file_size = o.n;
    h.checksum = kh_tagm_checksum(o.p + sizeof h, o.n - sizeof h);
    memcpy(o.p, &h, sizeof h);
    free(feats);
    free(dkeys);
    free(dtags);
    free(lkeys);
    free(lvals);
    free(wkeys);
    *size = o.n;
    return o.p;
}

int kh_tagm_write(const kh_tagm_build *b, const char *path, kh_error *err)
{
    size_t n;
    uint8_t *p = kh_tagm_serialize(b, &n);
    /* write to a temporary name, then rename: a reader never sees half a
     * model, and an interrupted build leaves no file that looks current */
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    int ok = f && fwrite(p, 1, n, f) == n;
    if (f && fclose(f) != 0)
        ok = 0;
    free(p);
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        return kh_fail(err, KH_EIO, path, 0, 0, "cannot write the model");
    }
    return KH_OK;
}
