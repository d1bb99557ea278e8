/*
 * text.c - what the store computes from text: the exact-text hash, the
 * MinHash of near duplicates, and the country and types in actor codes.
 *
 * MinHash (Broder 1997): for each of KH_MINHASH hash functions, the
 * smallest hash of any of the body's 3-word shingles (computed here with
 * one hash, see kh_minhash).  Two texts agree on a value with a
 * probability equal to their Jaccard similarity (shingles shared over
 * shingles in either), so a syndicated copy with a byline
 * added, a word changed or the last paragraph cut (similarity 0.9 and up)
 * agrees on most values, and unrelated texts on almost none.  Candidates
 * are found by LSH: the signature is cut in bands, and texts that agree on
 * a whole band are compared.  (SimHash was tried first: on articles of a
 * few hundred shingles one changed word flips up to 7 of its 64 bits, too
 * many to tell copies from neighbours.)
 */
#include "store.h"

#include <string.h>

static uint64_t mix64(uint64_t x)
{
    /* splitmix64's finaliser: every input bit moves every output bit. */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

uint64_t kh_text_hash(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    uint64_t h = 0xcbf29ce484222325ull;   /* FNV-1a */
    int pending = 0;                      /* a space owed before a word */
    while (p < end && is_space(*p))
        p++;
    for (; p < end; p++) {
        if (is_space(*p)) {
            pending = 1;
            continue;
        }
        if (pending) {
            h = (h ^ ' ') * 0x100000001b3ull;
            pending = 0;
        }
        h = (h ^ *p) * 0x100000001b3ull;
    }
    return mix64(h);
}

/* ASCII letters and digits: the bytes of words. */
static inline int ascii_word(unsigned char c)
{
    return (unsigned char)((c | 32) - 'a') < 26 || (unsigned char)(c - '0') < 10;
}

/* The length of the separator at p, a byte of 0x80 or more (0 when it
 * is part of a word): no-break space, and the general punctuation block
 * (typographic quotes, dashes).  Below 0x80, everything but letters and
 * digits separates words (ascii_word). */
static size_t separator_hi(const unsigned char *p, const unsigned char *end)
{
    unsigned char c = *p;
    if (c == 0xC2 && p + 1 < end && p[1] == 0xA0)
        return 2;
    if (c == 0xE2 && p + 2 < end && p[1] == 0x80)
        return 3;
    return 0;
}

_Static_assert(KH_MINHASH == 64, "kh_minhash bins by the top 6 bits");

size_t kh_minhash(const char *s, size_t n, uint32_t sig[KH_MINHASH])
{
    /* One permutation hashing (Li, Owen and Zhang 2012): one hash per
     * shingle, whose top bits choose one of the KH_MINHASH bins and whose
     * low 32 bits compete for the bin's minimum, instead of KH_MINHASH
     * hashes per shingle.  Bins no shingle fell in are filled from the next
     * bin that has one, marked with the distance (densification,
     * Shrivastava and Li 2014), so that two texts still agree on a bin
     * with a probability of their similarity. */
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    uint64_t best[KH_MINHASH];
    for (int i = 0; i < KH_MINHASH; i++)
        best[i] = UINT64_MAX;
    uint64_t w[3] = {0, 0, 0};   /* the last three words' hashes */
    size_t words = 0, shingles = 0;
    while (p < end) {
        if (*p < 0x80) {
            if (!ascii_word(*p)) {
                p++;
                continue;
            }
        } else {
            size_t sep = separator_hi(p, end);
            if (sep) {
                p += sep;
                continue;
            }
        }
        uint64_t h = 0xcbf29ce484222325ull;
        while (p < end) {
            unsigned char c = *p;
            if (c < 0x80) {
                if (!ascii_word(c))
                    break;
                if (c >= 'A' && c <= 'Z')
                    c = (unsigned char)(c + 32);
            } else if (separator_hi(p, end)) {
                break;
            }
            p++;
            h = (h ^ c) * 0x100000001b3ull;
        }
        w[0] = w[1], w[1] = w[2], w[2] = h;
        if (++words < 3)
            continue;
        uint64_t sh = mix64(w[0] * 0x9E3779B97F4A7C15ull ^
                            mix64(w[1] + 0x632BE59BD9B4E019ull) ^ w[2]);
        unsigned bin = (unsigned)(sh >> 58);   /* 64 bins */
        uint64_t v = sh & 0xffffffffull;
        if (v < best[bin])
            best[bin] = v;
        shingles++;
    }
    for (int i = 0; i < KH_MINHASH; i++) {
        if (best[i] != UINT64_MAX) {
            sig[i] = (uint32_t)best[i];
            continue;
        }
        int d = 1;
        while (d < KH_MINHASH && best[(i + d) % KH_MINHASH] == UINT64_MAX)
            d++;
        sig[i] = d < KH_MINHASH
                     ? (uint32_t)mix64(best[(i + d) % KH_MINHASH] +
                                       (uint64_t)d)
                     : 0;
    }
    return shingles;
}

double kh_minhash_similarity(const uint32_t *a, const uint32_t *b)
{
    int same = 0;
    for (int i = 0; i < KH_MINHASH; i++)
        same += a[i] == b[i];
    return (double)same / KH_MINHASH;
}

void kh_minhash_bands(const uint32_t sig[KH_MINHASH], int64_t keys[KH_BANDS])
{
    for (int b = 0; b < KH_BANDS; b++) {
        uint64_t h = (uint64_t)b;
        for (int r = 0; r < KH_BAND_ROWS; r++)
            h = mix64(h ^ sig[b * KH_BAND_ROWS + r]) + 0x9E3779B97F4A7C15ull;
        keys[b] = (int64_t)(h >> 1);   /* positive: SQLite's integers */
    }
}

/* ISO 3166-1 alpha-3, every code, in order (facts from the standard, as
 * Debian's iso-codes lists them). */
static const char countries[] =
    "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE "
    "BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB "
    "BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM "
    "CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI "
    "ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN "
    "GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN "
    "IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ "
    "KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC "
    "MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT "
    "MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU "
    "NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT "
    "REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM "
    "SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL "
    "TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT "
    "VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE ";

/* CAMEO's actor types: domestic roles, sectors and international kinds
 * (the CAMEO manual's actor codebook), sorted. */
static const char types[] =
    "AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI IGO IMG INS INT JUD "
    "LAB LEG MED MIL MNC MOD NGM NGO OPP PKO RAD REB REF SEP SPY UAF UIS ";

/* Binary search of the 3 letters at s in a list of "XXX " entries. */
static int in_list(const char *list, size_t len, const char *s)
{
    size_t lo = 0, hi = len / 4;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = memcmp(list + mid * 4, s, 3);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int kh_is_country(const char *s)
{
    return s && strlen(s) >= 3 && in_list(countries, sizeof countries - 1, s);
}

void kh_actor_country(const char *code, char out[4])
{
    out[0] = '\0';
    if (code && strlen(code) >= 3 && kh_is_country(code)) {
        memcpy(out, code, 3);
        out[3] = '\0';
    }
}

int kh_actor_types(const char *code, char out[3][4])
{
    int n = 0;
    size_t len = code ? strlen(code) : 0;
    for (size_t i = 0; i + 3 <= len && n < 3; i += 3) {
        if (in_list(types, sizeof types - 1, code + i)) {
            memcpy(out[n], code + i, 3);
            out[n++][3] = '\0';
        }
    }
    for (int k = n; k < 3; k++)
        out[k][0] = '\0';
    return n;
}
