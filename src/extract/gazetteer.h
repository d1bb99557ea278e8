/*
 * gazetteer.h - the gazetteer file: places and a name index, built at
 * build time by tools/gen_gazetteer.c (mk/gazetteer.mk), read here.
 *
 * The file is little-endian, one header and five sections, each 8-aligned:
 *
 *   header   magic "KHGAZ\r\n\032", version, file size, then for each
 *            section its count and offset
 *   places   kh_gaz_place[nplaces]: name, coordinates, population,
 *            GeoNames id, country, ISO 3166-2 subdivision, kind
 *   names    kh_gaz_name[nnames]: one folded key (kh_gaz_key) and the
 *            places it names, a slice of refs
 *   buckets  uint32_t[2 * nbuckets], a power of two of pairs: an
 *            open-addressing hash table of the names, linear probing; each
 *            pair is (name index + 1, the key's hash), 0 for an empty
 *            bucket, so that a probe rarely reads a name that is not it
 *   refs     uint32_t[nrefs]: a place index (low 28 bits) and KH_GR_* flags
 *   strings  NUL-terminated names and keys; the last byte is NUL
 *
 * Every count and offset is checked when the file is loaded (sections in
 * the file, strings terminated, refs to existing places, one empty bucket
 * at least so that a probe ends), so that whatever loads is safe to use.
 * A name of several words is found word by word: each key of a name's
 * first words is in the index too ("WEST" for "WEST BANK", with no refs
 * when no place has that name), and its `more` says how many words the
 * longest name beginning with it has, so that a search stops early.
 */
#ifndef KH_GAZETTEER_H
#define KH_GAZETTEER_H

#include "extract.h"

#include <stddef.h>
#include <stdint.h>

#define KH_GAZ_FILE "gazetteer.bin"
#define KH_GAZ_MAGIC "KHGAZ\r\n\032"
#define KH_GAZ_VERSION 1
#define KH_GAZ_MAX_SIZE (512u << 20)
#define KH_GAZ_MAXW 8        /* words in a name, at most */
#define KH_GAZ_KEYMAX 160    /* bytes in a key, at most */

typedef struct kh_gaz_header {
    char magic[8];
    uint32_t version, size;
    uint32_t nplaces, off_places;
    uint32_t nnames, off_names;
    uint32_t nbuckets, off_buckets;
    uint32_t nrefs, off_refs;
    uint32_t nstrings, off_strings;
    uint32_t reserved[2];
} kh_gaz_header;

/* Place flags. */
enum {
    KH_GP_CAPITAL = 1 << 0,  /* a country's capital */
    KH_GP_COMMON = 1 << 1,   /* its name is mostly a common word in the
                                Brown corpus ("Mobile", "Best", "Of") */
    KH_GP_SEAT = 1 << 2,     /* a subdivision's seat */
};

typedef struct kh_gaz_place {
    uint32_t name;       /* offset in strings */
    int32_t lat, lon;    /* 1e-5 degrees */
    uint32_t pop;        /* population; 0 when unknown */
    uint32_t rank_pop;   /* population used to rank: pop, else a floor by
                            the kind of place (a seat of a district is
                            larger than a village) */
    uint32_t geonameid;  /* 0 when none */
    char country[3];     /* ISO 3166-1 alpha-3, or NUL bytes */
    uint8_t kind;        /* KH_PLACE_* */
    char admin1[8];      /* ISO 3166-2 code, NUL-padded ("" if unknown) */
    uint8_t flags;       /* KH_GP_* */
    uint8_t pad[3];
} kh_gaz_place;

typedef struct kh_gaz_name {
    uint32_t key;        /* offset in strings */
    uint16_t len;        /* bytes of the key */
    uint8_t words;       /* words in the key */
    uint8_t more;        /* words of the longest name starting with it */
    uint32_t first, count;   /* refs[first .. first + count) */
} kh_gaz_name;

/* Ref flags, in the top four bits. */
#define KH_GR_PLACE 0x0fffffffu
enum {
    KH_GR_PREFERRED = 1u << 28,  /* our alias file prefers this reading */
    KH_GR_DEMONYM = 1u << 29,    /* "Iraqi": says the country, names no
                                    place */
    KH_GR_WEAK = 1u << 30,       /* a subdivision named as its own seat
                                    ("Baghdad"): the city unless the text
                                    says "province" */
    KH_GR_ACRONYM = 1u << 31,    /* an acronym ("US", "UAE"): only in
                                    capitals */
};

struct kh_gazetteer {
    const uint8_t *buf;
    size_t size;
    int mapped;             /* buf is an mmap, else malloc */
    const kh_gaz_place *places;
    const kh_gaz_name *names;
    const uint32_t *buckets, *refs;
    const char *strings;
    uint32_t nplaces, nnames, nbuckets, nrefs, nstrings;
    uint64_t *filter;       /* KH_GAZ_FILTER_BITS: a bit per key hash,
                               made when loaded */
};

#define KH_GAZ_FILTER_BITS (1u << 21)

/* Folds a name as written (s[0..n), UTF-8) into its key: words upper-case
 * without accents, apostrophes and periods dropped ("Ta‘izz" -> "TAIZZ",
 * "U.S." -> "US"), other punctuation and spaces one space between words
 * ("Deir ez-Zor" -> "DEIR EZ ZOR"), and an Arabic article that opens a
 * name of two words or more written one way ("As Sulaymaniyah",
 * "al-Sulaymaniyah" -> "AL SULAYMANIYAH").  Writes at most cap bytes
 * (no NUL); returns the key's length, 0 when it has no word or is longer
 * than cap.  *words gets the number of words when words is not NULL. */
size_t kh_gaz_key(const char *s, size_t n, char *out, size_t cap,
                  int *words);

/* The hash of a key, as the bucket table uses it. */
uint32_t kh_gaz_hash(const char *key, size_t len);

/* The index entry of key[0..len), or NULL. */
const kh_gaz_name *kh_gaz_find(const kh_gazetteer *g, const char *key,
                               size_t len);

/* Checks a gazetteer image buf[0..n) and, when it is sound, returns a
 * gazetteer that reads it in place (buf must outlive it; kh_gaz_free does
 * not free it).  name is for messages. */
int kh_gaz_open_mem(const void *buf, size_t n, const char *name,
                    kh_gazetteer **out, kh_error *err);

/* ---- building one (gazetteer_build.c) --------------------------------- */

typedef struct kh_gazb kh_gazb;

kh_gazb *kh_gazb_new(void);
void kh_gazb_free(kh_gazb *b);

/* Adds a place (name copied; country alpha-3 or NULL; admin1 or NULL);
 * returns its index. */
uint32_t kh_gazb_place(kh_gazb *b, const char *name, const char *country,
                       const char *admin1, int kind, double lat, double lon,
                       uint32_t pop, uint32_t rank_pop, uint32_t geonameid,
                       unsigned flags);

/* The place i, to change after adding it (admin1, flags, rank). */
kh_gaz_place *kh_gazb_place_at(kh_gazb *b, uint32_t i);

/* Indexes the place under name (folded with kh_gaz_key) with KH_GR_*
 * flags; a name already given to the place keeps the first flags but
 * gains KH_GR_PREFERRED.  Returns 0 when the name has no key. */
int kh_gazb_name(kh_gazb *b, const char *name, size_t len, uint32_t place,
                 uint32_t flags);

/* Writes the file image (malloc'd) into *out, *n. */
void kh_gazb_serialize(kh_gazb *b, uint8_t **out, size_t *n);

#endif
