/*
 * tokenize.c - the token stage: words, numbers, abbreviations, punctuation
 * and quotation marks, with byte offsets into the normalised text.
 *
 * One left-to-right pass, no backtracking beyond a few bytes of look-ahead,
 * so the cost is linear in the text whatever it holds.  ASCII bytes are
 * classed by a table; other code points by their Unicode category.
 *
 * The tokens follow the Penn Treebank's conventions where the tagger and the
 * dictionaries need them: clitics are split ("Washington’s" -> "Washington"
 * "’s", "don't" -> "do" "n't"), inner hyphens and apostrophes stay inside a
 * word ("Al-Sudani", "Ta'if"), and a period stays on a word only when the
 * word is an abbreviation ("U.S.", "Gen.", "a.m."), which is what the
 * sentence splitter needs to know.  Quotation marks are classed as opening
 * or closing, the straight ones by the characters around them.
 */
#include "text.h"

#include "utf8.h"

#include <string.h>

/* ASCII classes are the KH_CC_* classes, so the table answers cls_at. */
enum {
    A_SPACE = KH_CC_SPACE, A_UPPER = KH_CC_UPPER, A_LOWER = KH_CC_LOWER,
    A_DIGIT = KH_CC_DIGIT, A_PUNCT = KH_CC_PUNCT, A_SYMBOL = KH_CC_SYMBOL
};

/* The class of each ASCII byte, written out so that the table is constant
 * (and so shared safely by threads). */
#define S A_SPACE
#define U A_UPPER
#define L A_LOWER
#define D A_DIGIT
#define P A_PUNCT
#define Y A_SYMBOL
static const unsigned char ascii_class[128] = {
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, P, P, Y, Y, Y, Y, P, P, P, Y, Y, P, P, P, Y,
    D, D, D, D, D, D, D, D, D, D, P, P, Y, Y, Y, P,
    Y, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, P, Y, P, Y, P,
    Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, P, Y, P, Y, S,
};
#undef S
#undef U
#undef L
#undef D
#undef P
#undef Y

typedef struct {
    const unsigned char *s;
    size_t end;          /* end of the body */
    kh_doc *d;
    size_t cap;
    int dq_open;         /* a straight double quote is open */
    int sq_open;         /* a single quote is open */
} tk;

/* The class (KH_CC_*) and length of a non-ASCII code point at i. */
static int cls_slow(const tk *t, size_t i, int32_t *cpo, int *len)
{
    int32_t cp;
    int n = kh_utf8_decode(t->s + i, t->end - i, &cp);
    if (n < 0)   /* cannot happen after normalisation; be safe */
        n = 1, cp = 0xFFFD;
    if (cpo)
        *cpo = cp;
    if (len)
        *len = n;
    return kh_char_class(cp);
}

/* The class (KH_CC_*) and length of the code point at i: inline, because
 * it is asked of nearly every byte. */
static inline int cls_at(const tk *t, size_t i, int32_t *cpo, int *len)
{
    unsigned c = t->s[i];
    if (c < 0x80) {
        if (cpo)
            *cpo = (int32_t)c;
        if (len)
            *len = 1;
        return ascii_class[c];
    }
    return cls_slow(t, i, cpo, len);
}

/* The class of the code point that ends just before i. */
static int prev_class(const tk *t, size_t i)
{
    if (i == 0)
        return KH_CC_SPACE;
    size_t k = i - 1;
    while (k > 0 && i - k < 4 && (t->s[k] & 0xC0) == 0x80)
        k--;
    return cls_at(t, k, NULL, NULL);
}

static int is_wordch(int k)
{
    return k == KH_CC_UPPER || k == KH_CC_LOWER || k == KH_CC_LETTER ||
           k == KH_CC_MARK || k == KH_CC_DIGIT;
}

static int is_letter(int k)
{
    return k == KH_CC_UPPER || k == KH_CC_LOWER || k == KH_CC_LETTER;
}

/* Apostrophes: ' ’ ʼ.  Returns the byte length, or 0. */
static int apostrophe_at(const tk *t, size_t i)
{
    if (i >= t->end)
        return 0;
    if (t->s[i] == '\'')
        return 1;
    if (i + 2 < t->end + 0 && t->s[i] == 0xE2 && t->s[i + 1] == 0x80 &&
        t->s[i + 2] == 0x99)
        return 3;   /* U+2019 */
    if (i + 1 < t->end && t->s[i] == 0xCA && t->s[i + 1] == 0xBC)
        return 2;   /* U+02BC */
    return 0;
}

static int lower_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Length of the clitic that starts at i (an apostrophe then s, re, ve, ll,
 * d or m, then no letter), or 0. */
static size_t clitic_at(const tk *t, size_t i)
{
    int a = apostrophe_at(t, i);
    if (!a)
        return 0;
    static const char *const cl[] = {"s", "re", "ve", "ll", "d", "m"};
    size_t j = i + (size_t)a;
    for (size_t k = 0; k < sizeof cl / sizeof *cl; k++) {
        size_t n = strlen(cl[k]), m = 0;
        while (m < n && j + m < t->end &&
               lower_ascii(t->s[j + m]) == cl[k][m])
            m++;
        if (m == n) {
            if (j + n >= t->end || !is_wordch(cls_at(t, j + n, NULL, NULL)))
                return (size_t)a + n;
        }
    }
    return 0;
}

/* "n't" at i, followed by no letter: returns its length, else 0. */
static size_t nt_at(const tk *t, size_t i)
{
    if (i >= t->end || lower_ascii(t->s[i]) != 'n')
        return 0;
    int a = apostrophe_at(t, i + 1);
    if (!a)
        return 0;
    size_t j = i + 1 + (size_t)a;
    if (j >= t->end || lower_ascii(t->s[j]) != 't')
        return 0;
    if (j + 1 < t->end && is_wordch(cls_at(t, j + 1, NULL, NULL)))
        return 0;
    return j + 1 - i;
}

static int tld(const unsigned char *s, size_t n)
{
    static const char *const tlds[] = {
        "com", "net", "org", "gov", "edu", "int", "mil", "info", "io",
        "co", "uk", "iq", "sy", "ir", "tr", "ps", "lb", "ae", "sa", "eg",
        "news", "tv", "fr", "de", "ru", "cn", "in", "us", "eu", "ly", "ye"};
    for (size_t k = 0; k < sizeof tlds / sizeof *tlds; k++)
        if (strlen(tlds[k]) == n && memcmp(tlds[k], s, n) == 0)
            return 1;
    return 0;
}

static inline kh_token *push(tk *t, size_t start, size_t end, int kind,
                      unsigned flags)
{
    kh_doc *d = t->d;
    if (d->ntokens == t->cap) {
        size_t ncap = t->cap * 2;
        d->tokens = kh_arena_grow(&d->arena, d->tokens,
                                  t->cap * sizeof *d->tokens,
                                  ncap * sizeof *d->tokens);
        t->cap = ncap;
    }
    kh_token *k = &d->tokens[d->ntokens++];
    k->start = (uint32_t)start;
    k->end = (uint32_t)end;
    k->kind = (uint8_t)kind;
    k->tag = 0;
    k->flags = (uint16_t)(kind == KH_TOK_ABBREV ? flags | KH_TF_TERM : flags);
    k->aux = 0;
    return k;
}

/* Sets the shape flags of a word or number token. */
static unsigned shape(const tk *t, size_t a, size_t b)
{
    unsigned f = 0;
    int letters = 0, uppers = 0, first = 1;
    for (size_t i = a; i < b;) {
        int n = 1, k;
        unsigned c = t->s[i];
        if (c < 0x80)
            k = ascii_class[c];
        else
            k = cls_slow(t, i, NULL, &n);
        if (k == KH_CC_DIGIT)
            f |= KH_TF_DIGIT;
        else if (c == '-')
            f |= KH_TF_HYPHEN;
        if (is_letter(k)) {
            letters++;
            if (k == KH_CC_UPPER) {
                uppers++;
                if (first)
                    f |= KH_TF_UPPER;
                else if (!(f & KH_TF_UPPER) && letters > 1)
                    f |= KH_TF_INNERCAP;
            } else if (first && k == KH_CC_LETTER) {
                f |= KH_TF_NONCASED;
            }
            first = 0;
        }
        i += (size_t)n;
    }
    if (letters >= 2 && uppers == letters)
        f |= KH_TF_ALLCAPS;
    if (f & KH_TF_UPPER)
        f &= ~(unsigned)KH_TF_INNERCAP;
    return f;
}

/* Scans a URL, e-mail or handle from i; returns its end. */
static size_t scan_url(const tk *t, size_t i)
{
    size_t j = i;
    while (j < t->end && !(t->s[j] < 0x80 && ascii_class[t->s[j]] == A_SPACE))
        j++;
    /* Trailing punctuation belongs to the sentence, not the address. */
    while (j > i + 1) {
        unsigned c = t->s[j - 1];
        if (c < 0x80 && strchr(".,;:!?)]}\"'>", (int)c)) {
            j--;
            continue;
        }
        if (c >= 0x80) {   /* a closing quotation mark: ” ’ » */
            size_t k = j - 1;
            while (k > i && (t->s[k] & 0xC0) == 0x80)
                k--;
            int32_t cp;
            int n = kh_utf8_decode(t->s + k, t->end - k, &cp);
            if (n > 0 && (cp == 0x201D || cp == 0x2019 || cp == 0xBB)) {
                j = k;
                continue;
            }
        }
        break;
    }
    return j;
}

/* Bits of the characters a word is made of, gathered in one pass so that
 * the shape of a word costs nothing more than finding its end. */
enum { B_UP = 1, B_LO = 2, B_DG = 4, B_NC = 8, B_MK = 16 };

static const unsigned char ascii_bits[256] = {
    ['0'] = B_DG, ['1'] = B_DG, ['2'] = B_DG, ['3'] = B_DG, ['4'] = B_DG,
    ['5'] = B_DG, ['6'] = B_DG, ['7'] = B_DG, ['8'] = B_DG, ['9'] = B_DG,
    ['A'] = B_UP, ['B'] = B_UP, ['C'] = B_UP, ['D'] = B_UP, ['E'] = B_UP,
    ['F'] = B_UP, ['G'] = B_UP, ['H'] = B_UP, ['I'] = B_UP, ['J'] = B_UP,
    ['K'] = B_UP, ['L'] = B_UP, ['M'] = B_UP, ['N'] = B_UP, ['O'] = B_UP,
    ['P'] = B_UP, ['Q'] = B_UP, ['R'] = B_UP, ['S'] = B_UP, ['T'] = B_UP,
    ['U'] = B_UP, ['V'] = B_UP, ['W'] = B_UP, ['X'] = B_UP, ['Y'] = B_UP,
    ['Z'] = B_UP,
    ['a'] = B_LO, ['b'] = B_LO, ['c'] = B_LO, ['d'] = B_LO, ['e'] = B_LO,
    ['f'] = B_LO, ['g'] = B_LO, ['h'] = B_LO, ['i'] = B_LO, ['j'] = B_LO,
    ['k'] = B_LO, ['l'] = B_LO, ['m'] = B_LO, ['n'] = B_LO, ['o'] = B_LO,
    ['p'] = B_LO, ['q'] = B_LO, ['r'] = B_LO, ['s'] = B_LO, ['t'] = B_LO,
    ['u'] = B_LO, ['v'] = B_LO, ['w'] = B_LO, ['x'] = B_LO, ['y'] = B_LO,
    ['z'] = B_LO,
};

static int starts_url(const tk *t, size_t i)
{
    size_t n = t->end - i;
    const char *p = (const char *)t->s + i;
    return (n > 8 && (strncmp(p, "http://", 7) == 0 ||
                      strncmp(p, "https://", 8) == 0)) ||
           (n > 5 && strncmp(p, "www.", 4) == 0 &&
            ((unsigned char)p[4] >= 0x80 || ascii_bits[(unsigned char)p[4]]));
}

static unsigned class_bits(int k)
{
    switch (k) {
    case KH_CC_UPPER: return B_UP;
    case KH_CC_LOWER: return B_LO;
    case KH_CC_DIGIT: return B_DG;
    case KH_CC_LETTER: return B_NC;
    case KH_CC_MARK: return B_MK;
    default: return 0;
    }
}

/* The shape flags of a word from its first character's bits and the bits
 * of all its characters; all-capital candidates are counted exactly. */
static unsigned shape_of(const tk *t, size_t a, size_t b, unsigned first,
                         unsigned acc)
{
    if ((acc & B_UP) && !(acc & (B_LO | B_NC)))
        return shape(t, a, b);   /* ISIS, NATO, U.S.: count the letters */
    unsigned f = 0;
    if (first & B_UP)
        f |= KH_TF_UPPER;
    else if (first & B_NC)
        f |= KH_TF_NONCASED;
    else if ((first & B_LO) && (acc & B_UP))
        f |= KH_TF_INNERCAP;
    if (acc & B_DG)
        f |= KH_TF_DIGIT;
    return f;
}

/* The end of the run of ASCII letters and digits that starts at p, and the
 * B_* bits of its characters.  The text is padded (KH_TEXT_PAD), so the
 * SSE2 version may read 16 bytes from any position of it; the run always
 * stops at the padding's zero bytes. */
#if defined(__SSE2__)
#include <emmintrin.h>

static inline const unsigned char *alnum_run(const unsigned char *p,
                                             unsigned *acc)
{
    /* x is in [lo, lo + n) when x + (0x80 - lo), as a signed byte, is
     * below -128 + n: SSE2 has only signed comparisons. */
    const __m128i up_b = _mm_set1_epi8((char)(0x80 - 'A'));
    const __m128i lo_b = _mm_set1_epi8((char)(0x80 - 'a'));
    const __m128i dg_b = _mm_set1_epi8((char)(0x80 - '0'));
    const __m128i n26 = _mm_set1_epi8((char)(-128 + 26));
    const __m128i n10 = _mm_set1_epi8((char)(-128 + 10));
    unsigned a = 0;
    for (;;) {
        __m128i v = _mm_loadu_si128((const __m128i *)p);
        unsigned up = (unsigned)_mm_movemask_epi8(
            _mm_cmplt_epi8(_mm_add_epi8(v, up_b), n26));
        unsigned lo = (unsigned)_mm_movemask_epi8(
            _mm_cmplt_epi8(_mm_add_epi8(v, lo_b), n26));
        unsigned dg = (unsigned)_mm_movemask_epi8(
            _mm_cmplt_epi8(_mm_add_epi8(v, dg_b), n10));
        unsigned stop = ~(up | lo | dg) & 0xFFFF;
        unsigned below = stop ? (1u << __builtin_ctz(stop)) - 1 : 0xFFFF;
        a |= (up & below ? B_UP : 0) | (lo & below ? B_LO : 0) |
             (dg & below ? B_DG : 0);
        if (stop) {
            *acc = a;
            return p + __builtin_ctz(stop);
        }
        p += 16;
    }
}
#else
static inline const unsigned char *alnum_run(const unsigned char *p,
                                             unsigned *acc)
{
    unsigned a = 0, b;
    while ((b = ascii_bits[*p]) != 0) {
        a |= b;
        p++;
    }
    *acc = a;
    return p;
}
#endif

/* Bytes after which a word can end with nothing more to decide. */
static const unsigned char plain_follow[256] = {
    [' '] = 1, ['\n'] = 1, ['\t'] = 1, ['\r'] = 1, [','] = 1, [';'] = 1,
    [':'] = 1, [')'] = 1, [']'] = 1, ['!'] = 1, ['?'] = 1, ['"'] = 1,
    ['\0'] = 1,
};

/* Scans a word or number from i (a word character); pushes the token(s). */
static size_t scan_word(tk *t, size_t i)
{
    size_t start = i, j = i;
    int n;
    unsigned first = t->s[i] < 0x80 ? ascii_bits[t->s[i]]
                                    : class_bits(cls_slow(t, i, NULL, &n));
    int numeric = first == B_DG;
    unsigned acc = 0, hyphen = 0;
    size_t nt;

    /* "n't" right after a word is a token of its own. */
    if ((t->s[j] | 0x20) == 'n' && start > 0 && (nt = nt_at(t, j)) != 0 &&
        is_wordch(prev_class(t, start))) {
        push(t, j, j + nt, KH_TOK_WORD, shape(t, j, j + nt));
        return j + nt;
    }

    for (;;) {
        /* the run of word characters: ASCII in a tight loop, the rest
         * through the Unicode tables */
        size_t run = j;
        unsigned racc = 0;
        const unsigned char *s = t->s;
        for (;;) {
            /* no bound check: the byte at the end of the body is never a
             * word byte (kh_tokenize makes sure), so the loop stops there */
            unsigned ra;
            j = (size_t)(alnum_run(s + j, &ra) - s);
            racc |= ra;
            if (j >= t->end || t->s[j] < 0x80)
                break;
            int k = cls_slow(t, j, NULL, &n);
            if (!is_wordch(k))
                break;
            racc |= class_bits(k);
            j += (size_t)n;
        }
        acc |= racc;
        int all_digits = racc == B_DG;
        if (j >= t->end)
            break;
        unsigned c = t->s[j];
        size_t next = j + 1;
        int nk = next < t->end ? cls_at(t, next, NULL, NULL) : KH_CC_SPACE;
        int a;

        if (c == '-' && is_wordch(nk)) {
            j = next;               /* Al-Sudani, self-defense, 2023-24 */
            hyphen = KH_TF_HYPHEN;
            continue;
        }
        if (c == 0xE2 && j + 3 < t->end && t->s[j + 1] == 0x80 &&
            (t->s[j + 2] == 0x90 || t->s[j + 2] == 0x91) &&
            is_wordch(cls_at(t, j + 3, NULL, NULL))) {
            j += 3;                 /* U+2010, U+2011 hyphens */
            hyphen = KH_TF_HYPHEN;
            continue;
        }
        if ((c == '\'' || c == 0xE2 || c == 0xCA) &&
            (a = apostrophe_at(t, j)) != 0) {
            /* don't -> do n't: end the word before the n */
            if (j - run >= 2 && lower_ascii(t->s[j - 1]) == 'n' &&
                nt_at(t, j - 1)) {
                j--;
                break;
            }
            if (clitic_at(t, j))
                break;              /* Washington’s -> Washington ’s */
            size_t after = j + (size_t)a;
            if (after < t->end && is_letter(cls_at(t, after, NULL, NULL))) {
                j = after;          /* O'Brien, Ta'if, Shia'a */
                continue;
            }
            break;
        }
        if (c == '.' && next < t->end) {
            size_t len = j - run;
            /* U.S., e.g., a.m., Ph.D., U.S.A.: short letter groups, each
             * with its period, no space */
            if (len <= 3 && run == start && !numeric && is_letter(nk) &&
                t->s[next] < 0x80) {
                size_t m = next;
                int groups = 0;
                for (;;) {
                    size_t g = m;
                    while (g < t->end && g - m < 4 && t->s[g] < 0x80 &&
                           is_letter(cls_at(t, g, NULL, NULL)))
                        g++;
                    if (g == m || g - m > 3 || g >= t->end || t->s[g] != '.')
                        break;
                    m = g + 1;
                    groups++;
                    if (m >= t->end || t->s[m] >= 0x80 ||
                        !is_letter(cls_at(t, m, NULL, NULL)))
                        break;
                }
                if (groups) {
                    push(t, start, m, KH_TOK_ABBREV, shape(t, start, m));
                    return m;
                }
            }
            /* 3.5, 1.25: decimals */
            if (numeric && all_digits && nk == KH_CC_DIGIT) {
                j = next;
                continue;
            }
            /* hathalyoum.net, example.co.uk: domain names; with an @,
             * e-mail addresses */
            if (!numeric && (nk == KH_CC_LOWER) && t->s[next] < 0x80) {
                size_t m = next;
                int at = 0;
                while (m < t->end && t->s[m] < 0x80 &&
                       (ascii_class[t->s[m]] == A_LOWER ||
                        ascii_class[t->s[m]] == A_DIGIT ||
                        t->s[m] == '-' || t->s[m] == '_' ||
                        (t->s[m] == '@' && !at && (at = 1)) ||
                        (t->s[m] == '.' && m + 1 < t->end &&
                         t->s[m + 1] < 0x80 &&
                         ascii_class[t->s[m + 1]] == A_LOWER)))
                    m++;
                size_t lab = m;
                while (lab > next && t->s[lab - 1] != '.')
                    lab--;
                if (at || tld(t->s + lab, m - lab)) {
                    push(t, start, m, KH_TOK_URL, 0);
                    return m;
                }
            }
            break;
        }
        if ((c == ',' || c == ':' || c == '/') && numeric && all_digits &&
            nk == KH_CC_DIGIT) {
            /* 2,500 (groups of three), 12:30, 1/2, 6/1/2024 */
            if (c == ',') {
                size_t m = next;
                while (m < t->end && m - next < 4 &&
                       t->s[m] < 0x80 && ascii_class[t->s[m]] == A_DIGIT)
                    m++;
                if (m - next != 3)
                    break;
            }
            j = next;
            continue;
        }
        if (c == '@' && !numeric && is_wordch(nk)) {
            size_t m = scan_url(t, start);   /* an e-mail address */
            push(t, start, m, KH_TOK_URL, 0);
            return m;
        }
        if (c == '&' && j > start && t->s[j - 1] < 0x80 &&
            ascii_class[t->s[j - 1]] == A_UPPER &&
            nk == KH_CC_UPPER) {
            j = next;               /* AT&T, S&P */
            continue;
        }
        break;
    }
    size_t end = j;
    int kind = numeric ? KH_TOK_NUMBER : KH_TOK_WORD;
    unsigned f = shape_of(t, start, end, first, acc) | hyphen;
    /* An abbreviation keeps its period: Gen., Jan., Inc., and initials. */
    if (!numeric && end < t->end && t->s[end] == '.') {
        size_t len = end - start;
        int ak = kh_abbrev_kind((const char *)t->s + start, len);
        int initial = len == 1 && (f & KH_TF_UPPER);
        if (ak != KH_ABBR_NONE || initial) {
            push(t, start, end + 1, KH_TOK_ABBREV, f);
            return end + 1;
        }
    }
    push(t, start, end, kind, f);
    return end;
}

/* A quotation mark at i of byte length n: classes it and pushes it. */
static void push_quote(tk *t, size_t i, size_t n, int32_t cp, unsigned f)
{
    int kind;
    int space_before = i == t->d->text_body_start ||
                       (f & (KH_TF_SPACE | KH_TF_NEWLINE));
    size_t after = i + n;
    int kn = after < t->end ? cls_at(t, after, NULL, NULL) : KH_CC_SPACE;
    switch (cp) {
    case 0x201C: case 0x201E: case 0xAB: case 0x2039: case 0x2018:
    case 0x201A:
        kind = KH_TOK_QUOTE_OPEN;
        break;
    case 0x201D: case 0xBB: case 0x203A:
        kind = KH_TOK_QUOTE_CLOSE;
        break;
    case '"':
        /* Straight quotes: by the characters around them. */
        if (space_before && kn != KH_CC_SPACE)
            kind = KH_TOK_QUOTE_OPEN;
        else if (!space_before)
            kind = KH_TOK_QUOTE_CLOSE;
        else
            kind = t->dq_open ? KH_TOK_QUOTE_CLOSE : KH_TOK_QUOTE_OPEN;
        t->dq_open = kind == KH_TOK_QUOTE_OPEN;
        break;
    default:   /* ' or ’ not inside a word */
        if (space_before)
            kind = kn == KH_CC_SPACE ? KH_TOK_PUNCT : KH_TOK_QUOTE_OPEN;
        else if (t->sq_open || !is_wordch(prev_class(t, i)))
            kind = KH_TOK_QUOTE_CLOSE;
        else
            kind = KH_TOK_WORD;   /* the possessive of a plural: soldiers' */
        break;
    }
    if (cp == 0x2018 || cp == 0x201A || ((cp == '\'' || cp == 0x2019) &&
                                         kind == KH_TOK_QUOTE_OPEN))
        t->sq_open = 1;
    else if ((cp == '\'' || cp == 0x2019) && kind == KH_TOK_QUOTE_CLOSE)
        t->sq_open = 0;
    push(t, i, i + n, kind, f);
}

int kh_tokenize(kh_doc *d)
{
    tk t = {0};
    t.s = (const unsigned char *)d->text;
    t.end = d->text_body_end;
    t.d = d;
    size_t body = t.end - d->text_body_start;
    t.cap = body / 5 + 16;
    d->tokens = kh_arena_alloc(&d->arena, t.cap * sizeof *d->tokens);
    d->ntokens = 0;

    size_t i = d->text_body_start;
    unsigned pending = 0;
    int newlines = 0;
    /* The word scanner runs without a bound check, so the body must end
     * before a byte that is not part of a word: white space or the final
     * NUL, always, except when a caller cut a body inside a word. */
    if (ascii_bits[t.s[t.end]]) {
        size_t cut = t.end;
        while (cut > i && ascii_bits[t.s[cut - 1]])
            cut--;
        t.end = cut;
        kh_doc_warn(d, "the article body ends inside a word; its last "
                    "%zu bytes were left out", d->text_body_end - cut);
    }
    /* Locals, not t's fields, in the hot loops: t's address is taken, so
     * the compiler would reload its fields after every store. */
    const unsigned char *const s = t.s;
    const size_t end = t.end;
    while (i < end) {
        if (s[i] == ' ') {   /* the commonest byte between tokens */
            pending |= KH_TF_SPACE;
            do
                i++;
            while (i < end && s[i] == ' ');
            continue;
        }
        int32_t cp;
        int n;
        int k = cls_at(&t, i, &cp, &n);
        if (k == KH_CC_SPACE) {
            pending |= KH_TF_SPACE;
            if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
                newlines += cp == 0x2029 ? 2 : 1;
                pending |= newlines >= 2 ? KH_TF_PARA | KH_TF_NEWLINE
                                         : KH_TF_NEWLINE;
            }
            i += (size_t)n;
            continue;
        }
        unsigned f = pending;
        pending = 0;
        newlines = 0;
        size_t before = d->ntokens;
        unsigned c = s[i];

        if (ascii_bits[c] && !(c == 'h' && s[i + 1] == 't') &&
            !(c == 'w' && s[i + 1] == 'w')) {
            /* Most tokens are ASCII words followed by a space or plain
             * punctuation: find the end and the shape in one loop; anything
             * else (a hyphen, an apostrophe, a period, "n't") goes to the
             * full scanner. */
            unsigned acc;
            size_t j = (size_t)(alnum_run(s + i, &acc) - s);
            unsigned nc = j < end ? s[j] : ' ';
            unsigned first = ascii_bits[c];
            if (plain_follow[nc] && ((c | 0x20) != 'n' || (f & KH_TF_SPACE)) &&
                !(acc == B_DG && (nc == ',' || nc == ':'))) {
                push(&t, i, j, first == B_DG ? KH_TOK_NUMBER : KH_TOK_WORD,
                     shape_of(&t, i, j, first, acc));
                i = j;
            } else {
                i = scan_word(&t, i);
            }
        } else if (((c == 'h' && i + 1 < end && s[i + 1] == 't') ||
             (c == 'w' && i + 1 < end && s[i + 1] == 'w')) &&
            starts_url(&t, i)) {
            size_t e = scan_url(&t, i);
            push(&t, i, e, KH_TOK_URL, 0);
            i = e;
        } else if ((c == '@' || c == '#') && i + 1 < end &&
                   is_wordch(cls_at(&t, i + 1, NULL, NULL))) {
            size_t e = i + 1;
            int m;
            while (e < end && (is_wordch(cls_at(&t, e, NULL, &m)) ||
                                 s[e] == '_'))
                e += (size_t)m;
            push(&t, i, e, KH_TOK_URL, 0);
            i = e;
        } else if (is_wordch(k) && k != KH_CC_MARK) {
            i = scan_word(&t, i);
        } else if (k == KH_CC_MARK) {
            i = scan_word(&t, i);   /* a stray combining mark */
        } else if ((c == '\'' || cp == 0x2019) && i > d->text_body_start &&
                   !(f & KH_TF_SPACE) && clitic_at(&t, i)) {
            size_t e = i + clitic_at(&t, i);
            push(&t, i, e, KH_TOK_WORD, 0);
            i = e;
        } else if (cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D ||
                   cp == 0x2018 || cp == 0x2019 || cp == 0x201E ||
                   cp == 0x201A || cp == 0xAB || cp == 0xBB ||
                   cp == 0x2039 || cp == 0x203A) {
            push_quote(&t, i, (size_t)n, cp, f);
            i += (size_t)n;
        } else if (c == '.' || c == '!' || c == '?' || cp == 0x2026) {
            /* Runs of terminal punctuation are one token: ... ?! !!! */
            size_t e = i + (size_t)n;
            while (e < end && (s[e] == '.' || s[e] == '!' || s[e] == '?'))
                e++;
            push(&t, i, e, KH_TOK_PUNCT, KH_TF_TERM);
            i = e;
        } else if (c == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2015) {
            size_t e = i + (size_t)n;
            if (c == '-')
                while (e < end && s[e] == '-')
                    e++;
            push(&t, i, e, KH_TOK_DASH, 0);
            i = e;
        } else if (k == KH_CC_PUNCT) {
            push(&t, i, i + (size_t)n, KH_TOK_PUNCT, 0);
            i += (size_t)n;
        } else {
            push(&t, i, i + (size_t)n, KH_TOK_SYMBOL, 0);
            i += (size_t)n;
        }
        if (d->ntokens > before)
            d->tokens[before].flags |= (uint16_t)f;
    }
    return KH_OK;
}
