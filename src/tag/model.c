/*
 * model.c - loading the tagger's model file (the layout is in model.h).
 *
 * The file is read into one buffer with one read and used in place: no
 * parsing, no allocation per entry, so a pipeline starts in milliseconds.
 * Because the rest of the stage then trusts the tables without checking
 * (a probe loop stops at an empty slot, a row index is used as is), this
 * file checks everything first: the magic, the version, the size, the
 * checksum, every section's place and size, every row index and string
 * offset, that each hash table is a power of two with an empty slot, and
 * that the model's tags are this library's.  A file that fails any check
 * is refused with a message that names the file and the check.
 */
#include "model.h"

#include "../core/arena.h"
#include "../core/error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Models larger than this are refused before they are read. */
#define KH_TAGM_MAX_SIZE ((uint64_t)1 << 30)

uint64_t kh_tagm_checksum(const uint8_t *p, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0x100000001B3ull;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 0x100000001B3ull;
    return h;
}

static int bad(kh_error *err, const char *name, const char *fmt,
               const char *what)
{
    return kh_fail(err, KH_EINPUT, name, 0, 0,
                   "not a valid tagger model: %s%s%s (rebuild it with "
                   "`make model`)", fmt, what ? " " : "", what ? what : "");
}

static const char *const sec_names[] = {
    "", "TAGS", "FEATS", "ENTRIES", "DENSE", "DKEYS", "DTAGS", "LKEYS",
    "LVALS", "WKEYS", "STRINGS", "META",
};

/* The element size each section must have. */
static uint32_t sec_elem(uint32_t id)
{
    switch (id) {
    case KH_SEC_TAGS: return KH_TAGM_NAMELEN;
    case KH_SEC_FEATS: case KH_SEC_DKEYS: case KH_SEC_LKEYS:
    case KH_SEC_WKEYS: return 8;
    case KH_SEC_LVALS: case KH_SEC_ENTRIES: return 4;
    case KH_SEC_DENSE: return 2 * KH_POS_LANES;
    default: return 1;
    }
}

/* Checks a hash table of count slots: a power of two with an empty slot,
 * so that a probe always ends. */
static int table_ok(const uint64_t *keys, uint64_t count)
{
    if (count == 0 || (count & (count - 1)) != 0)
        return 0;
    for (uint64_t i = 0; i < count; i++)
        if (keys[i] == 0)
            return 1;
    return 0;
}

static int host_is_little_endian(void)
{
    uint16_t x = 1;
    uint8_t b;
    memcpy(&b, &x, 1);
    return b == 1;
}

/* Validates m->buf[0..m->size) and sets the pointers of m. */
static int validate(kh_tag_model *m, const char *name, int check_sum,
                    kh_error *err)
{
    const uint8_t *p = m->buf;
    uint64_t n = m->size;
    kh_tagm_header h;
    if (n < sizeof h)
        return bad(err, name, "the file is too short for a header", NULL);
    memcpy(&h, p, sizeof h);
    if (memcmp(h.magic, KH_TAGM_MAGIC, 8) != 0)
        return bad(err, name, "wrong magic number", NULL);
    if (!host_is_little_endian())
        return bad(err, name, "model files are little-endian", NULL);
    if (h.version != KH_TAGM_VERSION)
        return kh_fail(err, KH_EINPUT, name, 0, 0, "tagger model version %u,"
                       " but this library reads version %u (rebuild it with"
                       " `make model`)", h.version, KH_TAGM_VERSION);
    if (h.file_size != n)
        return kh_fail(err, KH_EINPUT, name, 0, 0, "not a valid tagger "
                       "model: truncated or padded (the header says %llu "
                       "bytes, the file has %llu)",
                       (unsigned long long)h.file_size,
                       (unsigned long long)n);
    if (h.ntags != KH_POS_COUNT || h.lanes != KH_POS_LANES)
        return bad(err, name, "its tag set is not this library's", NULL);
    if (!(h.scale > 0 && h.scale < 1e6f))
        return bad(err, name, "bad weight scale", NULL);
    if (h.nsections != KH_SEC_LAST)
        return bad(err, name, "wrong number of sections", NULL);
    uint64_t table_end = sizeof h + (uint64_t)h.nsections *
                                        sizeof(kh_tagm_section);
    if (table_end > n)
        return bad(err, name, "the section table is past the end", NULL);
    if (check_sum && kh_tagm_checksum(p + sizeof h, n - sizeof h) !=
                         h.checksum)
        return bad(err, name, "checksum mismatch (the file is corrupt)",
                   NULL);

    const uint8_t *sec[KH_SEC_LAST + 1] = {0};
    uint64_t cnt[KH_SEC_LAST + 1] = {0};
    for (uint32_t i = 0; i < h.nsections; i++) {
        kh_tagm_section s;
        memcpy(&s, p + sizeof h + i * sizeof s, sizeof s);
        if (s.id < 1 || s.id > KH_SEC_LAST || sec[s.id])
            return bad(err, name, "unknown or repeated section", NULL);
        const char *sn = sec_names[s.id];
        if (s.elem != sec_elem(s.id))
            return bad(err, name, "wrong element size in section", sn);
        if (s.offset % 8 != 0 || s.offset < table_end || s.offset > n)
            return bad(err, name, "misplaced section", sn);
        if (s.count > (n - s.offset) / s.elem)
            return bad(err, name, "section runs past the end:", sn);
        sec[s.id] = p + s.offset;
        cnt[s.id] = s.count;
    }

    /* the tags, by name */
    if (cnt[KH_SEC_TAGS] != KH_POS_COUNT)
        return bad(err, name, "its tag set is not this library's", NULL);
    for (int t = 0; t < KH_POS_COUNT; t++) {
        const char *tn = (const char *)sec[KH_SEC_TAGS] + t * KH_TAGM_NAMELEN;
        if (strnlen(tn, KH_TAGM_NAMELEN) >= KH_TAGM_NAMELEN ||
            strcmp(tn, kh_pos_name(t)) != 0)
            return bad(err, name, "its tag set is not this library's", NULL);
    }

    /* the strings: every offset used below must land on a NUL-terminated
     * string inside the section */
    m->strings = (const char *)sec[KH_SEC_STRINGS];
    m->nstrings = cnt[KH_SEC_STRINGS];
    if (m->nstrings == 0 || m->strings[m->nstrings - 1] != '\0')
        return bad(err, name, "the strings are not NUL-terminated", NULL);
    m->meta = (const char *)sec[KH_SEC_META];
    if (cnt[KH_SEC_META] == 0 || m->meta[cnt[KH_SEC_META] - 1] != '\0')
        return bad(err, name, "the description is not NUL-terminated",
                   NULL);

    /* the features */
    m->feats = (const uint64_t *)sec[KH_SEC_FEATS];
    m->entries = (const uint32_t *)sec[KH_SEC_ENTRIES];
    m->nentries = cnt[KH_SEC_ENTRIES];
    m->dense = (const int16_t *)sec[KH_SEC_DENSE];
    m->ndense = cnt[KH_SEC_DENSE];
    if (!table_ok(m->feats, cnt[KH_SEC_FEATS]))
        return bad(err, name, "bad feature table", NULL);
    m->fmask = cnt[KH_SEC_FEATS] - 1;
    for (uint64_t i = 0; i <= m->fmask; i++) {
        uint32_t r = (uint32_t)m->feats[i];
        if (!m->feats[i])
            continue;
        if (KH_ROW_COUNT(r) == KH_ROW_DENSE ? KH_ROW_FIRST(r) >= m->ndense
            : (KH_ROW_COUNT(r) == 0 || KH_ROW_COUNT(r) >= KH_POS_COUNT ||
               (uint64_t)KH_ROW_FIRST(r) + KH_ROW_COUNT(r) > m->nentries))
            return bad(err, name, "a feature's row is past the weights",
                       NULL);
    }
    for (uint64_t i = 0; i < m->nentries; i++) {
        uint32_t t = KH_ENTRY_TAG(m->entries[i]);
        if (t == 0 || t >= KH_POS_COUNT || (m->entries[i] & 0xff00))
            return bad(err, name, "a weight's tag is out of range", NULL);
    }

    /* the tag dictionary */
    m->dkeys = (const uint64_t *)sec[KH_SEC_DKEYS];
    m->dtags = sec[KH_SEC_DTAGS];
    if (cnt[KH_SEC_DTAGS] != cnt[KH_SEC_DKEYS] ||
        !table_ok(m->dkeys, cnt[KH_SEC_DKEYS]))
        return bad(err, name, "bad tag dictionary", NULL);
    m->dmask = cnt[KH_SEC_DKEYS] - 1;
    for (uint64_t i = 0; i <= m->dmask; i++)
        if (m->dkeys[i] && (m->dtags[i] == 0 || m->dtags[i] >= KH_POS_COUNT))
            return bad(err, name, "a tag in the dictionary is out of range",
                       NULL);

    /* the lemma exceptions and the lexicon */
    m->lkeys = (const uint64_t *)sec[KH_SEC_LKEYS];
    m->lvals = (const uint32_t *)sec[KH_SEC_LVALS];
    if (cnt[KH_SEC_LVALS] != cnt[KH_SEC_LKEYS] ||
        !table_ok(m->lkeys, cnt[KH_SEC_LKEYS]))
        return bad(err, name, "bad lemma table", NULL);
    m->lmask = cnt[KH_SEC_LKEYS] - 1;
    for (uint64_t i = 0; i <= m->lmask; i++)
        if (m->lkeys[i] && m->lvals[i] >= m->nstrings)
            return bad(err, name, "a lemma is past the strings", NULL);
    m->wkeys = (const uint64_t *)sec[KH_SEC_WKEYS];
    if (!table_ok(m->wkeys, cnt[KH_SEC_WKEYS]))
        return bad(err, name, "bad lexicon table", NULL);
    m->wmask = cnt[KH_SEC_WKEYS] - 1;
    m->scale = h.scale;

    /* the rows of the previous-tag features, used at every position */
    for (int a = 0; a < KH_POS_COUNT; a++) {
        uint64_t k[KH_NDYN];
        kh_dynamic_features(NULL, 0, 0, 0, a, 0, k);
        m->t1[a] = kh_tagm_row(m, k[0]);
        kh_dynamic_features(NULL, 0, 0, 0, 0, a, k);
        m->t2[a] = kh_tagm_row(m, k[1]);
        for (int b = 0; b < KH_POS_COUNT; b++) {
            kh_dynamic_features(NULL, 0, 0, 0, a, b, k);
            m->t12[a * KH_POS_COUNT + b] = kh_tagm_row(m, k[2]);
        }
    }
    return KH_OK;
}

int kh_tag_model_parse(const void *buf, size_t n, const char *name,
                       int check_sum, kh_tag_model **out, kh_error *err)
{
    *out = NULL;
    if (n > KH_TAGM_MAX_SIZE)
        return bad(err, name, "the file is too large", NULL);
    kh_tag_model *m = kh_xcalloc(1, sizeof *m);
    /* 64-byte alignment: the sections are 8-aligned in the file, and the
     * weight rows are read a vector at a time */
    if (posix_memalign((void **)&m->buf, 64, n ? n : 1) != 0)
        kh_oom();
    if (n)
        memcpy(m->buf, buf, n);
    m->size = n;
    int rc = validate(m, name, check_sum, err);
    if (rc != KH_OK) {
        kh_tag_model_free(m);
        return rc;
    }
    *out = m;
    return KH_OK;
}

int kh_tag_model_load(const char *path, kh_tag_model **out, kh_error *err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return kh_fail(err, KH_EIO, path, 0, 0, "cannot open the tagger "
                       "model: %s (build it with `make model`, or set "
                       "KHALDUN_DATA to the folder that holds %s)",
                       strerror(errno), KH_TAG_MODEL_FILE);
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return kh_fail(err, KH_EIO, path, 0, 0, "the tagger model is not a "
                       "regular file");
    }
    if ((uint64_t)st.st_size > KH_TAGM_MAX_SIZE) {
        close(fd);
        return bad(err, path, "the file is too large", NULL);
    }
    size_t n = (size_t)st.st_size;
    kh_tag_model *m = kh_xcalloc(1, sizeof *m);
    if (posix_memalign((void **)&m->buf, 64, n ? n : 1) != 0)
        kh_oom();
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, m->buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (got != n) {
        kh_tag_model_free(m);
        return kh_fail(err, KH_EIO, path, 0, 0, "cannot read the tagger "
                       "model");
    }
    m->size = n;
    int rc = validate(m, path, 1, err);
    if (rc != KH_OK) {
        kh_tag_model_free(m);
        return rc;
    }
    *out = m;
    return KH_OK;
}

void kh_tag_model_free(kh_tag_model *m)
{
    if (!m)
        return;
    free(m->buf);
    free(m);
}

const char *kh_tag_model_meta(const kh_tag_model *m)
{
    return m ? m->meta : "";
}

const char *kh_data_dir(const char *dir)
{
#ifndef KH_DATA_DIR
#define KH_DATA_DIR "build/data"
#endif
    if (dir && *dir)
        return dir;
    const char *env = getenv("KHALDUN_DATA");
    if (env && *env)
        return env;
    return KH_DATA_DIR;
}
