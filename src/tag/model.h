/*
 * model.h - the tagger's model file: its layout on disk and in memory.
 *
 * One file holds everything the tag stage needs, so that a pipeline loads
 * it with one read:
 *
 *   header     magic "KHTAGGER", version, section count, file size, a
 *              checksum of the rest, tag count, lanes, weight scale
 *   sections   a table of {id, element size, offset, count}, then the
 *              sections, each 8-byte aligned:
 *     TAGS     the tag names the model was trained with (8 bytes each);
 *              they must be this library's, in its order
 *     FEATS    feature hash table, a power of two of u64 slots: the
 *              upper half of the key, then the key's row of weights,
 *              (first entry << 6) | number of entries; 0 is an empty slot.
 *              A key's home slot comes from its low bits, so 32 + log2
 *              (slots) bits of it are checked: two features that share
 *              them (about one chance in 10^5 per model) share a row.
 *     ENTRIES  the sparse rows (a feature has weights for three tags on
 *              average): u32 entries, (int16 weight << 16) | tag
 *     DENSE    the rows with many weights (the bias, the previous tags,
 *              frequent words), KH_POS_LANES int16 each, for which a
 *              vector add beats a loop over entries; a row whose count
 *              is KH_ROW_DENSE is row "first" of DENSE.  A weight is its
 *              integer times the header's scale.
 *     DKEYS    tag dictionary: words that always have one tag, by the
 *     DTAGS      hash of their text
 *     LKEYS    lemma exceptions (WordNet's *.exc): the hash of (word
 *     LVALS      class, inflected form) -> offset of the lemma in STRINGS
 *     WKEYS    the lexicon: hashes of (word class, lemma) for every
 *              one-word lemma of WordNet's index files, as a set
 *     STRINGS  NUL-terminated strings
 *     META     NUL-terminated text: corpus, held-out files, seed, counts
 *
 * All numbers are little-endian; the loader checks every size and offset
 * against the file, every row and string offset against its section, and
 * refuses the file on the first thing that does not fit.
 */
#ifndef KH_TAG_MODEL_H
#define KH_TAG_MODEL_H

#include "tag.h"

#include <stdint.h>

#define KH_TAGM_MAGIC "KHTAGGER"
#define KH_TAGM_VERSION 1
#define KH_TAGM_NAMELEN 8

enum {
    KH_SEC_TAGS = 1,
    KH_SEC_FEATS,
    KH_SEC_ENTRIES,
    KH_SEC_DENSE,
    KH_SEC_DKEYS,
    KH_SEC_DTAGS,
    KH_SEC_LKEYS,
    KH_SEC_LVALS,
    KH_SEC_WKEYS,
    KH_SEC_STRINGS,
    KH_SEC_META,
    KH_SEC_LAST = KH_SEC_META
};

typedef struct kh_tagm_header {
    char magic[8];
    uint32_t version;
    uint32_t nsections;
    uint64_t file_size;
    uint64_t checksum;      /* kh_tagm_checksum of [end of header, end) */
    uint32_t ntags;         /* KH_POS_COUNT */
    uint32_t lanes;         /* KH_POS_LANES */
    float scale;            /* a weight is its integer times this */
    uint32_t reserved;
} kh_tagm_header;

typedef struct kh_tagm_section {
    uint32_t id;            /* KH_SEC_* */
    uint32_t elem;          /* bytes per element */
    uint64_t offset;        /* from the start of the file, 8-aligned */
    uint64_t count;         /* elements */
} kh_tagm_section;

/* Word classes of the lemmatiser's tables (part of their hash keys). */
enum { KH_WC_NOUN = 1, KH_WC_VERB, KH_WC_ADJ, KH_WC_ADV };

/* The key of word s[0..n) of class wc in the lemma tables. */
static inline uint64_t kh_lemma_key(int wc, const char *s, size_t n)
{
    return kh_hash64(0x6c656d6d61000000ull + (uint64_t)wc, s, n);
}

/* The checksum of a model's body: a hash of its 8-byte words. */
uint64_t kh_tagm_checksum(const uint8_t *p, size_t n);

/* A loaded model: the file in one buffer and pointers into it. */
struct kh_tag_model {
    uint8_t *buf;
    size_t size;
    float scale;
    const uint64_t *feats;
    uint64_t fmask;
    const uint32_t *entries;
    uint64_t nentries;
    const int16_t *dense;
    uint64_t ndense;
    const uint64_t *dkeys;
    const uint8_t *dtags;
    uint64_t dmask;
    const uint64_t *lkeys;
    const uint32_t *lvals;
    uint64_t lmask;
    const uint64_t *wkeys;
    uint64_t wmask;
    const char *strings;
    uint64_t nstrings;
    const char *meta;
    /* rows of the features on the previous tags, resolved at load time
     * (0 when the model has none): they are used at every position */
    uint32_t t1[KH_POS_COUNT];
    uint32_t t2[KH_POS_COUNT];
    uint32_t t12[KH_POS_COUNT * KH_POS_COUNT];
};

/* A row: (first entry << 6) | count, never 0 for a row that exists. */
#define KH_ROW_FIRST(r) ((r) >> 6)
#define KH_ROW_COUNT(r) ((r) & 63)
#define KH_ROW_MAX_FIRST (((uint32_t)1 << 26) - 1)
#define KH_ROW_DENSE 63

/* An entry's tag and weight. */
#define KH_ENTRY(tag, w) (((uint32_t)(uint16_t)(int16_t)(w) << 16) | (tag))
#define KH_ENTRY_TAG(e) ((e) & 0xff)
#define KH_ENTRY_WEIGHT(e) ((int16_t)(uint16_t)((e) >> 16))

/* The row of feature key k, or 0. */
static inline uint32_t kh_tagm_row(const kh_tag_model *m, uint64_t k)
{
    for (uint64_t s = k & m->fmask;; s = (s + 1) & m->fmask) {
        uint64_t x = m->feats[s];
        if ((x >> 32) == (k >> 32) || x == 0)
            return (uint32_t)x;
    }
}

/* The slot where the look-up of key k starts, to prefetch it. */
static inline const uint64_t *kh_tagm_home(const kh_tag_model *m, uint64_t k)
{
    return &m->feats[k & m->fmask];
}

/* The tag the dictionary gives word key k, or 0. */
static inline int kh_tagm_dict(const kh_tag_model *m, uint64_t k)
{
    for (uint64_t s = k & m->dmask;; s = (s + 1) & m->dmask) {
        uint64_t x = m->dkeys[s];
        if (x == k)
            return m->dtags[s];
        if (x == 0)
            return 0;
    }
}

/* The exception lemma of key k (kh_lemma_key), or NULL. */
static inline const char *kh_tagm_exception(const kh_tag_model *m,
                                            uint64_t k)
{
    for (uint64_t s = k & m->lmask;; s = (s + 1) & m->lmask) {
        uint64_t x = m->lkeys[s];
        if (x == k)
            return m->strings + m->lvals[s];
        if (x == 0)
            return NULL;
    }
}

/* Whether key k (kh_lemma_key) is a lemma of the lexicon. */
static inline int kh_tagm_known(const kh_tag_model *m, uint64_t k)
{
    for (uint64_t s = k & m->wmask;; s = (s + 1) & m->wmask) {
        uint64_t x = m->wkeys[s];
        if (x == k)
            return 1;
        if (x == 0)
            return 0;
    }
}

/* ---- writing (model_write.c, for tools/train_tagger and the tests) ---- */

/* A model being written: the trainer fills these, then kh_tagm_write
 * lays them out.  Tables are given as key/value lists; the writer builds
 * the hash tables (in an order that depends only on the keys, so that the
 * same input gives the same bytes). */
typedef struct kh_tagm_build {
    float scale;
    const uint64_t *fkeys;      /* nfeat keys, distinct, not 0 */
    const uint32_t *frows;      /* their rows (KH_ROW_FIRST, _COUNT) */
    size_t nfeat;
    const uint32_t *entries;    /* KH_ENTRY(tag, weight) */
    size_t nentries;
    const int16_t *dense;       /* ndense * KH_POS_LANES */
    size_t ndense;
    const uint64_t *dkeys;      /* ndict words */
    const uint8_t *dtags;
    size_t ndict;
    const uint64_t *lkeys;      /* nexc exceptions */
    const uint32_t *lvals;      /* offsets into strings */
    size_t nexc;
    const uint64_t *wkeys;      /* nlex lexicon keys */
    size_t nlex;
    const char *strings;        /* nstrings bytes, NUL-terminated ones */
    size_t nstrings;
    const char *meta;
} kh_tagm_build;

/* Writes the model to path; returns KH_OK or KH_EIO (err filled). */
int kh_tagm_write(const kh_tagm_build *b, const char *path, kh_error *err);

/* The same into a malloc'd buffer (the caller frees it). */
uint8_t *kh_tagm_serialize(const kh_tagm_build *b, size_t *size);

#endif
