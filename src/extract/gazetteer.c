/*
 * gazetteer.c - the gazetteer file: name keys, loading and lookup.
 *
 * The file (format in gazetteer.h) is mapped read-only and shared by every
 * document of a pipeline; loading it is an mmap and one pass of checks
 * over its sections, a few milliseconds for the world's 135,000 cities.
 * A lookup folds the words of the text into a key (kh_gaz_key, the same
 * function the generator indexed the names with) and probes the hash
 * table: a place mention costs a few hash lookups, never a scan.
 */
#include "gazetteer.h"

#include "../core/error.h"
#include "../text/text.h"
#include "../text/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

/* ---- keys ---------------------------------------------------------------- */

/* Marks that are dropped inside a word: apostrophes, the ayn and hamza
 * of transliterated Arabic ("Ta‘izz", "Ma’rib"), accents written alone. */
static int dropped(int32_t c)
{
    switch (c) {
    case '\'': case '`': case '.':
    case 0x00B4: case 0x02B9: case 0x02BA: case 0x02BB: case 0x02BC:
    case 0x02BE: case 0x02BF: case 0x2018: case 0x2019: case 0x201B:
        return 1;
    }
    return 0;
}

/* Letters that do not decompose into an ASCII letter and a mark. */
static const char *special(int32_t c)
{
    switch (c) {
    case 0x00DF: return "SS";    /* ß */
    case 0x00E6: case 0x00C6: return "AE";
    case 0x00F8: case 0x00D8: return "O";
    case 0x0111: case 0x0110: case 0x00F0: case 0x00D0: return "D";
    case 0x0131: return "I";     /* dotless i */
    case 0x0142: case 0x0141: return "L";
    case 0x0153: case 0x0152: return "OE";
    case 0x00FE: case 0x00DE: return "TH";
    }
    return NULL;
}

/* The Arabic article as transliterations write it, assimilated or not. */
static int article(const char *w, size_t n)
{
    static const char *const arts[] = {"AL", "EL", "AS", "AD", "AN", "AR",
                                       "AZ", "AT", "ASH", "ATH", "ADH"};
    if (n < 2 || n > 3 || (w[0] != 'A' && w[0] != 'E'))
        return 0;
    for (size_t i = 0; i < sizeof arts / sizeof *arts; i++)
        if (strlen(arts[i]) == n && memcmp(arts[i], w, n) == 0)
            return 1;
    return 0;
}

size_t kh_gaz_key(const char *s, size_t n, char *out, size_t cap, int *words)
{
    char buf[KH_GAZ_KEYMAX + 8];
    size_t o = 0, first_end = 0;
    int nw = 0, in_word = 0, over = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n && !over;) {
        int32_t c = p[i];
        int len = 1;
        if (c >= 0x80) {
            len = kh_utf8_decode(p + i, n - i, &c);
            if (len < 0) {
                i += (size_t)-len;
                continue;
            }
        }
        i += (size_t)len;
        if (dropped(c))
            continue;
        char piece[32];
        size_t pl = 0;
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9'))
                piece[pl++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
        } else if (special(c)) {
            pl = strlen(special(c));
            memcpy(piece, special(c), pl);
        } else {
            int cat = utf8proc_category(c);
            if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
                (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)) {
                pl = kh_fold_word((const char *)p + i - (size_t)len,
                                  (size_t)len, piece, sizeof piece);
                if (pl > sizeof piece)
                    pl = 0;
            }
        }
        if (pl == 0) {          /* a space or punctuation: between words */
            in_word = 0;
            continue;
        }
        if (!in_word) {
            if (nw == 1)
                first_end = o;
            if (nw > 0) {
                if (o >= KH_GAZ_KEYMAX) {
                    over = 1;
                    break;
                }
                buf[o++] = ' ';
            }
            nw++;
            in_word = 1;
        }
        if (o + pl > KH_GAZ_KEYMAX) {
            over = 1;
            break;
        }
        if (pl == 1)            /* ASCII: nearly every character */
            buf[o] = piece[0];
        else
            memcpy(buf + o, piece, pl);
        o += pl;
    }
    if (nw == 1)
        first_end = o;
    if (words)
        *words = nw;
    if (over || nw == 0)
        return 0;
    size_t start = 0;
    if (nw >= 2 && article(buf, first_end) && first_end != 2) {
        /* "AS SULAYMANIYAH" -> "AL SULAYMANIYAH" */
        start = first_end - 2;
        buf[start] = 'A', buf[start + 1] = 'L';
    } else if (nw >= 2 && article(buf, first_end)) {
        buf[0] = 'A', buf[1] = 'L';
    }
    size_t len = o - start;
    if (len > cap)
        return 0;
    memcpy(out, buf + start, len);
    return len;
}

uint32_t kh_gaz_hash(const char *key, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 16777619u;
    }
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    return h;
}

const kh_gaz_name *kh_gaz_find(const kh_gazetteer *g, const char *key,
                               size_t len)
{
    if (!g || !g->nbuckets || len == 0 || len > 0xffff)
        return NULL;
    uint32_t mask = g->nbuckets - 1, h = kh_gaz_hash(key, len);
    /* most capitalised words are not places: one bit, in a table small
     * enough for the cache, says so without touching the buckets */
    uint32_t f = (h >> 11) & (KH_GAZ_FILTER_BITS - 1);
    if (!(g->filter[f >> 6] >> (f & 63) & 1))
        return NULL;
    for (uint32_t b = h & mask;; b = (b + 1) & mask) {
        uint32_t v = g->buckets[2 * b];
        if (v == 0)
            return NULL;   /* the loader saw an empty bucket: this ends */
        if (g->buckets[2 * b + 1] != h)
            continue;
        const kh_gaz_name *nm = &g->names[v - 1];
        if (nm->len == len && memcmp(g->strings + nm->key, key, len) == 0)
            return nm;
    }
}

/* ---- loading ------------------------------------------------------------- */

static int bad(kh_error *err, const char *name, const char *what)
{
    return kh_fail(err, KH_EINPUT, name, 0, 0, "not a usable gazetteer: %s "
                   "(rebuild it with `make`)", what);
}

/* Whether a section of n items of size sz at off lies in the file. */
static int in_file(uint32_t off, uint32_t n, size_t sz, size_t size)
{
    return off % 4 == 0 && off >= sizeof(kh_gaz_header) && off <= size &&
           (uint64_t)n * sz <= size - off;
}

static int validate(kh_gazetteer *g, const char *name, kh_error *err)
{
    kh_gaz_header h;
    if (g->size < sizeof h)
        return bad(err, name, "the file is shorter than its header");
    memcpy(&h, g->buf, sizeof h);
    if (memcmp(h.magic, KH_GAZ_MAGIC, 8) != 0)
        return bad(err, name, "no gazetteer magic number");
    if (h.version != KH_GAZ_VERSION)
        return bad(err, name, "a version this build does not read");
    if (h.size != g->size)
        return bad(err, name, "the file's size is not the size its header "
                   "says (cut short?)");
    if (!in_file(h.off_places, h.nplaces, sizeof(kh_gaz_place), g->size) ||
        !in_file(h.off_names, h.nnames, sizeof(kh_gaz_name), g->size) ||
        !in_file(h.off_buckets, h.nbuckets, 8, g->size) ||
        !in_file(h.off_refs, h.nrefs, 4, g->size) ||
        !in_file(h.off_strings, h.nstrings, 1, g->size))
        return bad(err, name, "a section lies outside the file");
    if (h.nplaces > KH_GR_PLACE)
        return bad(err, name, "too many places");
    if (h.nbuckets == 0 || (h.nbuckets & (h.nbuckets - 1)) ||
        h.nbuckets <= h.nnames)
        return bad(err, name, "the hash table is not a power of two larger "
                   "than the names");
    if (h.nstrings == 0 || g->buf[h.off_strings + h.nstrings - 1] != 0)
        return bad(err, name, "the strings do not end with a NUL");
    g->places = (const kh_gaz_place *)(g->buf + h.off_places);
    g->names = (const kh_gaz_name *)(g->buf + h.off_names);
    g->buckets = (const uint32_t *)(g->buf + h.off_buckets);
    g->refs = (const uint32_t *)(g->buf + h.off_refs);
    g->strings = (const char *)(g->buf + h.off_strings);
    g->nplaces = h.nplaces, g->nnames = h.nnames, g->nbuckets = h.nbuckets;
    g->nrefs = h.nrefs, g->nstrings = h.nstrings;
    for (uint32_t i = 0; i < g->nplaces; i++) {
        const kh_gaz_place *p = &g->places[i];
        if (p->name >= g->nstrings)
            return bad(err, name, "a place's name is outside the strings");
        if (p->kind < KH_PLACE_COUNTRY || p->kind > KH_PLACE_CITY)
            return bad(err, name, "a place of an unknown kind");
        if (p->lat < -9000000 || p->lat > 9000000 || p->lon < -18000000 ||
            p->lon > 18000000)
            return bad(err, name, "a place's coordinates are out of range");
    }
    for (uint32_t i = 0; i < g->nnames; i++) {
        const kh_gaz_name *nm = &g->names[i];
        if (nm->len == 0 || nm->key >= g->nstrings ||
            nm->len >= g->nstrings - nm->key || g->strings[nm->key + nm->len])
            return bad(err, name, "a name's key is outside the strings");
        if (nm->words == 0 || nm->more < nm->words || nm->more > KH_GAZ_MAXW)
            return bad(err, name, "a name's word counts are wrong");
        if (nm->first > g->nrefs || nm->count > g->nrefs - nm->first)
            return bad(err, name, "a name's places are outside the refs");
    }
    for (uint32_t i = 0; i < g->nrefs; i++)
        if ((g->refs[i] & KH_GR_PLACE) >= g->nplaces)
            return bad(err, name, "a name refers to a place that is not "
                       "there");
    uint32_t empty = 0;
    for (uint32_t i = 0; i < g->nbuckets; i++) {
        if (g->buckets[2 * i] == 0)
            empty++;
        else if (g->buckets[2 * i] > g->nnames)
            return bad(err, name, "a bucket refers to a name that is not "
                       "there");
    }
    if (!empty)
        return bad(err, name, "the hash table has no empty bucket");
    g->filter = kh_xcalloc(KH_GAZ_FILTER_BITS / 64, sizeof *g->filter);
    for (uint32_t i = 0; i < g->nbuckets; i++) {
        if (g->buckets[2 * i]) {
            uint32_t f = (g->buckets[2 * i + 1] >> 11) &
                         (KH_GAZ_FILTER_BITS - 1);
            g->filter[f >> 6] |= 1ull << (f & 63);
        }
    }
    return KH_OK;
}

int kh_gaz_open_mem(const void *buf, size_t n, const char *name,
                    kh_gazetteer **out, kh_error *err)
{
    *out = NULL;
    if (n > KH_GAZ_MAX_SIZE)
        return bad(err, name, "the file is too large");
    if ((uintptr_t)buf % 8)
        return kh_fail(err, KH_EUSAGE, name, 0, 0, "a gazetteer image must "
                       "be 8-aligned");
    kh_gazetteer *g = kh_xcalloc(1, sizeof *g);
    g->buf = buf;
    g->size = n;
    int rc = validate(g, name, err);
    if (rc != KH_OK) {
        free(g->filter);
        free(g);
        return rc;
    }
    *out = g;
    return KH_OK;
}

int kh_gaz_load(const char *data_dir, kh_gazetteer **out, kh_error *err)
{
    *out = NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", data_dir, KH_GAZ_FILE);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return kh_fail(err, KH_EIO, path, 0, 0, "cannot open the gazetteer: "
                       "%s (build it with `make`, or set KHALDUN_DATA to the "
                       "folder that holds %s)", strerror(errno), KH_GAZ_FILE);
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return kh_fail(err, KH_EIO, path, 0, 0, "the gazetteer is not a "
                       "regular file");
    }
    if ((uint64_t)st.st_size > KH_GAZ_MAX_SIZE || st.st_size == 0) {
        close(fd);
        return bad(err, path, st.st_size ? "the file is too large"
                                         : "the file is empty");
    }
    size_t n = (size_t)st.st_size;
    void *m = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED)
        return kh_fail(err, KH_EIO, path, 0, 0, "cannot map the gazetteer: "
                       "%s", strerror(errno));
    int rc = kh_gaz_open_mem(m, n, path, out, err);
    if (rc != KH_OK) {
        munmap(m, n);
        return rc;
    }
    (*out)->mapped = 1;
    return KH_OK;
}

void kh_gaz_free(kh_gazetteer *g)
{
    if (!g)
        return;
    if (g->mapped)
        munmap((void *)g->buf, g->size);
    free(g->filter);
    free(g);
}
