/*
 * features.c - what the tagger looks at: normalised tokens, their shapes,
 * and the hashed features of each position.
 *
 * Unknown words are the tagger's hard case (a news wire names a new person
 * or place in most sentences), and they are handled by features, not word
 * lists: lower-case suffixes of one to four characters and prefixes of two
 * and three, a shape string (Al-Sudani is "Xx-Xx", 1,500 is "d,d", U.S. is
 * "X.X."), the parts around a hyphen ("al" in Al-Sudani, "based" in
 * Baghdad-based), the shapes of the neighbours (Abu Taqwa: two capitalised
 * words in a row), and a sentence mode: in a headline set in capitals or
 * in title case, capitalisation says little, so the mode is part of the
 * shape features and the exact-case word is left out, and the lower-case
 * word (learnt from ordinary sentences) decides.
 *
 * Every feature is a 64-bit hash of a template number and the strings it
 * is made of; the model maps hashes to weight rows.  The hashes of a word
 * are computed once (kh_tword_init) and shared by the five positions that
 * look at it.  The trainer calls these same functions, so training and
 * tagging cannot disagree on a feature.
 */
#include "tag.h"

#include "../text/utf8.h"

#include <string.h>
#include <utf8proc.h>

uint64_t kh_hash64(uint64_t seed, const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull ^ (seed * 0x9E3779B97F4A7C15ull);
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001B3ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h ? h : 1;
}

uint64_t kh_hash_mix(uint64_t a, uint64_t b)
{
    uint64_t x = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull);
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 29;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 32;
    return x ? x : 1;
}

/* The key of template tpl over value v. */
static inline uint64_t key(unsigned tpl, uint64_t v)
{
    return kh_hash_mix(0xA0761D6478BD642Full + tpl, v);
}

/* Character classes of the shape string. */
static int char_class(const char *s, size_t len, size_t i, int *n)
{
    unsigned c = (unsigned char)s[i];
    *n = 1;
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z')
            return 'X';
        if (c >= 'a' && c <= 'z')
            return 'x';
        if (c >= '0' && c <= '9')
            return 'd';
        return (int)c;
    }
    int32_t cp;
    int k = kh_utf8_decode((const unsigned char *)s + i, len - i, &cp);
    if (k <= 0)
        return '?';
    *n = k;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return 'X';
    case UTF8PROC_CATEGORY_LL: return 'x';
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return 'a';
    case UTF8PROC_CATEGORY_ND: return 'd';
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return 0;   /* marks join the letter */
    default: return '?';
    }
}

static inline char lower_ascii(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* The start of the last k characters of s[0..len), or -1 when s has no
 * more than k characters. */
static long suffix_start(const char *s, size_t len, int k)
{
    size_t i = len;
    int chars = 0;
    while (i > 0 && chars < k) {
        i--;
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            chars++;
    }
    if (chars < k || i == 0)
        return -1;
    return (long)i;
}

/* The end of the first k characters of s[0..len), or 0 when s has no more
 * than k characters. */
static size_t prefix_end(const char *s, size_t len, int k)
{
    size_t i = 0;
    int chars = 0;
    while (i < len && chars < k) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars++;
    }
    return chars == k && i < len ? i : 0;
}

void kh_tword_init(kh_tword *w, const char *s, size_t len)
{
    memset(w, 0, sizeof *w);
    w->s = s;
    w->len = (uint32_t)len;
    w->exact = kh_hash64(1, s, len);

    /* the lower-case form (ASCII letters: the features only need to match
     * the same word in another case, and Brown is ASCII) */
    char lo[KH_TW_MAXLEN];
    size_t n = len < KH_TW_MAXLEN ? len : KH_TW_MAXLEN;
    for (size_t i = 0; i < n; i++)
        lo[i] = lower_ascii(s[i]);
    if (len <= KH_TW_MAXLEN) {
        w->lo = kh_hash64(2, lo, n);
    } else {
        uint64_t h = kh_hash64(2, lo, n);
        w->lo = kh_hash_mix(h, kh_hash64(3, s + n, len - n));
    }

    /* shape string and bits, one pass */
    char shp[8];
    size_t ns = 0;
    int last = -1, first_letter = 1, letters = 0, uppers = 0;
    for (size_t i = 0; i < len;) {
        int k;
        int c = char_class(s, len, i, &k);
        if (c == 'X' || c == 'x' || c == 'a') {
            letters++;
            w->shape |= KH_WS_LETTER;
            if (c == 'X') {
                uppers++;
                if (first_letter)
                    w->shape |= KH_WS_UPPER;
            } else if (c == 'x') {
                w->shape |= KH_WS_LOWER;
            }
            first_letter = 0;
        } else if (c == 'd') {
            w->shape |= KH_WS_DIGIT;
        } else if (c == '-' && i > 0 && i + 1 < len) {
            w->shape |= KH_WS_HYPHEN;
        }
        if (c && c != last && ns < sizeof shp)
            shp[ns++] = (char)c;
        if (c)
            last = c;
        i += (size_t)k;
    }
    if (letters >= 2 && uppers == letters)
        w->shape |= KH_WS_ALLCAPS;
    w->nletters = (uint16_t)(letters > 65535 ? 65535 : letters);
    w->shp = kh_hash64(4, shp, ns);

    /* affixes of the lower-case form */
    if (len <= KH_TW_MAXLEN) {
        for (int k = 1; k <= 4; k++) {
            long st = suffix_start(lo, n, k);
            if (st > 0)
                w->suf[k - 1] = kh_hash64(10 + (uint64_t)k, lo + st,
                                          n - (size_t)st);
        }
        for (int k = 2; k <= 3; k++) {
            size_t e = prefix_end(lo, n, k);
            if (e)
                w->pre[k - 2] = kh_hash64(20 + (uint64_t)k, lo, e);
        }
        if (w->shape & KH_WS_HYPHEN) {
            const char *a = memchr(lo, '-', n);
            const char *b = lo + n;
            while (b > lo && b[-1] != '-')
                b--;
            if (a && a > lo && b < lo + n) {
                w->hy_first = kh_hash64(30, lo, (size_t)(a - lo));
                w->hy_last = kh_hash64(31, b, (size_t)(lo + n - b));
            }
        }
    }
}

int kh_sentence_mode(const kh_tword *w, size_t n)
{
    size_t words = 0, caps = 0, title = 0, lower_long = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i].nletters < 2)
            continue;
        words++;
        if (w[i].shape & KH_WS_ALLCAPS)
            caps++;
        else if (w[i].shape & KH_WS_UPPER)
            title++;
        else if (w[i].nletters >= 5)
            lower_long++;
    }
    if (words >= 4 && caps * 10 >= words * 8)
        return KH_MODE_ALLCAPS;
    if (words >= 4 && title >= 3 && lower_long == 0 &&
        (caps + title) * 10 >= words * 7)
        return KH_MODE_TITLE;
    return KH_MODE_NORMAL;
}

/* Templates.  The numbers are part of the model: changing one changes
 * every key of that template, so renumbering needs a retrained model. */
enum {
    F_BIAS = 1, F_LO, F_EXACT, F_SUF1, F_SUF2, F_SUF3, F_SUF4, F_PRE2,
    F_PRE3, F_SHAPE, F_SHAPE_FIRST, F_HY_FIRST, F_HY_LAST, F_LO_P1,
    F_LO_P2, F_LO_N1, F_LO_N2, F_SUF3_P1, F_SUF3_N1, F_SHP_P1, F_SHP_N1,
    F_PAIR_N1, F_PAIR_P1, F_LO_CAPS,
    D_T1 = 40, D_T2, D_T12, D_T1_LO,
};

/* Stand-ins for the words before the start and after the end. */
#define START_HASH 0x5354415254ull
#define END_HASH 0x454E44ull

static int opens(const kh_tword *w)
{
    return w->len >= 1 && (w->s[0] == '`' || w->s[0] == '(' ||
                           (w->len == 2 && w->s[0] == '-' && w->s[1] == '-'));
}

size_t kh_static_features(const kh_tword *w, size_t n, size_t i, int mode,
                          uint64_t *out)
{
    const kh_tword *x = &w[i];
    size_t k = 0;
    out[k++] = key(F_BIAS, 0);
    /* an all-capital word in an ordinary sentence is an acronym or a
     * name (US, AFP, IT), not the lower-case word (us, it) */
    if (mode == KH_MODE_NORMAL && (x->shape & KH_WS_ALLCAPS))
        out[k++] = key(F_LO_CAPS, x->lo);
    else
        out[k++] = key(F_LO, x->lo);
    if (mode == KH_MODE_NORMAL && x->exact != x->lo)
        out[k++] = key(F_EXACT, x->exact);
    for (int s = 0; s < 4; s++)
        if (x->suf[s])
            out[k++] = key(F_SUF1 + (unsigned)s, x->suf[s]);
    for (int p = 0; p < 2; p++)
        if (x->pre[p])
            out[k++] = key(F_PRE2 + (unsigned)p, x->pre[p]);
    out[k++] = key(F_SHAPE, kh_hash_mix(x->shp, (uint64_t)mode));
    if (i == 0 || opens(&w[i - 1]))
        out[k++] = key(F_SHAPE_FIRST, kh_hash_mix(x->shp, (uint64_t)mode));
    if (x->hy_first) {
        out[k++] = key(F_HY_FIRST, x->hy_first);
        out[k++] = key(F_HY_LAST, x->hy_last);
    }
    uint64_t p1 = i >= 1 ? w[i - 1].lo : START_HASH;
    uint64_t p2 = i >= 2 ? w[i - 2].lo : START_HASH;
    uint64_t n1 = i + 1 < n ? w[i + 1].lo : END_HASH;
    uint64_t n2 = i + 2 < n ? w[i + 2].lo : END_HASH;
    out[k++] = key(F_LO_P1, p1);
    out[k++] = key(F_LO_P2, p2);
    out[k++] = key(F_LO_N1, n1);
    out[k++] = key(F_LO_N2, n2);
    if (i >= 1 && w[i - 1].suf[2])
        out[k++] = key(F_SUF3_P1, w[i - 1].suf[2]);
    if (i + 1 < n && w[i + 1].suf[2])
        out[k++] = key(F_SUF3_N1, w[i + 1].suf[2]);
    out[k++] = key(F_SHP_P1, i >= 1 ? kh_hash_mix(w[i - 1].shp, (uint64_t)mode)
                                    : START_HASH);
    out[k++] = key(F_SHP_N1, i + 1 < n ? kh_hash_mix(w[i + 1].shp,
                                                     (uint64_t)mode)
                                       : END_HASH);
    out[k++] = key(F_PAIR_N1, kh_hash_mix(x->lo, n1));
    out[k++] = key(F_PAIR_P1, kh_hash_mix(p1, x->lo));
    return k;
}

void kh_dynamic_features(const kh_tword *w, size_t n, size_t i, int mode,
                         int t1, int t2, uint64_t *out)
{
    (void)n;
    (void)mode;
    out[0] = key(D_T1, (uint64_t)t1);
    out[1] = key(D_T2, (uint64_t)t2);
    out[2] = key(D_T12, (uint64_t)t1 * 64 + (uint64_t)t2);
    out[3] = w ? key(D_T1_LO, kh_hash_mix((uint64_t)t1, w[i].lo)) : 0;
}

uint64_t kh_tagdict_key(const kh_tword *w)
{
    return w->exact;
}

const char *kh_tag_norm_token(const kh_doc *d, size_t i, char *buf,
                              size_t *len)
{
    const kh_token *t = &d->tokens[i];
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    switch (t->kind) {
    case KH_TOK_QUOTE_OPEN:
        *len = 2;
        return "``";
    case KH_TOK_QUOTE_CLOSE:
        *len = 2;
        return "''";
    case KH_TOK_DASH:
        *len = 2;
        return "--";
    case KH_TOK_PUNCT:
        if (n == 1 && (s[0] == '[' || s[0] == '{')) {
            *len = 1;
            return "(";
        }
        if (n == 1 && (s[0] == ']' || s[0] == '}')) {
            *len = 1;
            return ")";
        }
        if (n == 3 && memcmp(s, "\xE2\x80\xA6", 3) == 0) {
            *len = 3;
            return "...";
        }
        break;
    case KH_TOK_WORD:
    case KH_TOK_ABBREV:
        /* curly and modifier apostrophes as the straight one */
        if (n <= KH_TW_MAXLEN && (memchr(s, 0xE2, n) || memchr(s, 0xCA, n))) {
            size_t k = 0;
            for (size_t j = 0; j < n; j++) {
                if (j + 2 < n && (unsigned char)s[j] == 0xE2 &&
                    (unsigned char)s[j + 1] == 0x80 &&
                    ((unsigned char)s[j + 2] == 0x99 ||
                     (unsigned char)s[j + 2] == 0x98)) {
                    buf[k++] = '\'';
                    j += 2;
                } else if (j + 1 < n && (unsigned char)s[j] == 0xCA &&
                           (unsigned char)s[j + 1] == 0xBC) {
                    buf[k++] = '\'';
                    j += 1;
                } else {
                    buf[k++] = s[j];
                }
            }
            *len = k;
            return buf;
        }
        break;
    default:
        break;
    }
    *len = n;
    return s;
}
