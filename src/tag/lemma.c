/*
 * lemma.c - the lemmatiser: the dictionary form of a word, given its tag.
 *
 * WordNet's way (its "morphy"), with our order of rules: an irregular form
 * is looked up in WordNet's exception lists (went -> go, children ->
 * child, better -> good); a regular one is undone by suffix rules, and of
 * the candidates the first that WordNet knows as a lemma of that class
 * wins (attacked -> attack, hoped -> hope, stopped -> stop, buses -> bus,
 * horses -> horse).  Which candidate comes first matters when WordNet
 * knows two (hop and hope, sing and singe): after a consonant-vowel-
 * consonant stem the form with a silent e comes first (hoped -> hope; had
 * the lemma been hop, English would have doubled the p), else the bare
 * stem (singing -> sing).  Words WordNet does not know (a new verb, a
 * misspelling) get the rules' best guess.  Tables come from the model
 * file, built from Debian's wordnet-base at build time.
 *
 * Only verbs, common nouns, adjectives and adverbs are reduced; proper
 * nouns and the other classes are lower-cased, and the clitics of the
 * tokeniser get their full forms ('s -> be, n't -> not, wo -> will).
 */
#include "tag.h"

#include "model.h"
#include "../text/utf8.h"

#include <string.h>
#include <utf8proc.h>

/* Words longer than this are only lower-cased. */
#define LEMMA_MAX 96

/* Lower-cases s[0..n) into out[cap] (NUL-terminated when it fits);
 * returns the length the result needs. */
static size_t lowercase(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = (unsigned char)s[i];
        unsigned char enc[4];
        int len = 1;
        if (c < 0x80) {
            enc[0] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   (unsigned char)s[i + 2] == 0x99) {
            enc[0] = '\'';   /* a curly apostrophe: ’s is 's */
            i += 3;
        } else {
            int32_t cp;
            int m = kh_utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (m <= 0) {
                enc[0] = (unsigned char)c;
                i++;
            } else {
                len = kh_utf8_encode(utf8proc_tolower(cp), enc);
                if (len <= 0) {
                    memcpy(enc, s + i, (size_t)m);
                    len = m;
                }
                i += (size_t)m;
            }
        }
        if (k + (size_t)len < cap)
            memcpy(out + k, enc, (size_t)len);
        k += (size_t)len;
    }
    if (k < cap)
        out[k] = '\0';
    else if (cap)
        out[cap - 1] = '\0';
    return k;
}

static int known(const kh_tag_model *m, int wc, const char *s, size_t n)
{
    return n > 0 && kh_tagm_known(m, kh_lemma_key(wc, s, n));
}

static int vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int consonant(char c)
{
    return c >= 'a' && c <= 'z' && !vowel(c);
}

/* A stem that ends consonant, vowel, consonant (hop, rat, visit): the
 * silent-e form is tried first. */
static int cvc(const char *s, size_t n)
{
    return n >= 3 && consonant(s[n - 3]) && vowel(s[n - 2]) &&
           consonant(s[n - 1]) && s[n - 1] != 'w' && s[n - 1] != 'x' &&
           s[n - 1] != 'y';
}

/* Candidates, in order, for a stem left by -ed, -ing, -er or -est; the
 * first that class wc knows goes to out.  Returns its length, or 0. */
static size_t undo_suffix(const kh_tag_model *m, int wc, const char *stem,
                          size_t n, char *out, int guess)
{
    char c[4][LEMMA_MAX + 2];
    size_t cl[4];
    int k = 0;
    if (n == 0)
        return 0;
    int doubled = n >= 2 && stem[n - 1] == stem[n - 2] &&
                  consonant(stem[n - 1]);
    if (doubled) {
        memcpy(c[k], stem, n - 1), cl[k++] = n - 1;
    }
    if (n >= 2 && stem[n - 1] == 'i') {   /* tried, happier -> y */
        memcpy(c[k], stem, n - 1), c[k][n - 1] = 'y', cl[k++] = n;
    }
    int e_first = cvc(stem, n);
    if (!e_first)
        memcpy(c[k], stem, n), cl[k++] = n;
    memcpy(c[k], stem, n), c[k][n] = 'e', cl[k++] = n + 1;
    if (e_first)
        memcpy(c[k], stem, n), cl[k++] = n;
    for (int i = 0; i < k; i++)
        if (known(m, wc, c[i], cl[i])) {
            memcpy(out, c[i], cl[i]);
            return cl[i];
        }
    if (!guess)
        return 0;
    /* not in WordNet: the rules' best guess */
    char last = stem[n - 1];
    if (doubled && strchr("bdgmnprt", last)) {
        memcpy(out, stem, n - 1);
        return n - 1;
    }
    memcpy(out, stem, n);
    if (last == 'v' || last == 'u' || (last == 'c' && n >= 2 &&
                                       stem[n - 2] != 'c') ||
        (last == 'z' && n >= 2 && (stem[n - 2] == 'i' || stem[n - 2] == 'y'))
        || (last == 'g' && n >= 2 && strchr("rld", stem[n - 2]))) {
        out[n] = 'e';
        return n + 1;
    }
    return n;
}

static int ends(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* Whether -es rather than -s is the ending to try first: churches,
 * crosses, boxes, heroes, buses (a stem of three letters or more that
 * ends in s), but not houses or uses. */
static int es_first(const char *w, size_t n)
{
    if (ends(w, n, "ches") || ends(w, n, "shes") || ends(w, n, "sses") ||
        ends(w, n, "xes") || ends(w, n, "zes") || ends(w, n, "oes"))
        return 1;
    return ends(w, n, "ses") && n >= 5 &&
           (ends(w, n - 2, "us") || ends(w, n - 2, "as") ||
            ends(w, n - 2, "ns") || ends(w, n - 2, "is"));
}

/* Plural nouns and third-person verbs: -s, -es, -ies, -men. */
static size_t undo_s(const kh_tag_model *m, int wc, const char *w, size_t n,
                     char *out)
{
    if (wc == KH_WC_NOUN && ends(w, n, "men") && n > 3) {
        /* gunmen, women; not specimen */
        memcpy(out, w, n);
        out[n - 2] = 'a';
        if (known(m, wc, out, n) || !known(m, wc, w, n))
            return n;
    }
    if (!ends(w, n, "s") || n < 3 || ends(w, n, "ss")) {
        memcpy(out, w, n);
        return n;
    }
    if (ends(w, n, "ies") && n > 4) {
        memcpy(out, w, n - 3);
        out[n - 3] = 'y';
        if (known(m, wc, out, n - 2))
            return n - 2;
        if (wc == KH_WC_NOUN && known(m, wc, w, n)) {   /* series */
            memcpy(out, w, n);
            return n;
        }
    }
    int order[2] = {1, 2};
    if (es_first(w, n))
        order[0] = 2, order[1] = 1;
    for (int i = 0; i < 2; i++)
        if ((order[i] == 1 || ends(w, n, "es")) &&
            known(m, wc, w, n - (size_t)order[i])) {
            memcpy(out, w, n - (size_t)order[i]);
            return n - (size_t)order[i];
        }
    if (known(m, wc, w, n) && wc == KH_WC_NOUN) {   /* means, headquarters */
        memcpy(out, w, n);
        return n;
    }
    /* the rules' guess */
    if (ends(w, n, "ies") && n > 4) {
        memcpy(out, w, n - 3);
        out[n - 3] = 'y';
        return n - 2;
    }
    if (ends(w, n, "sses") || ends(w, n, "xes") || ends(w, n, "ches") ||
        ends(w, n, "shes") || ends(w, n, "zzes") || ends(w, n, "oes")) {
        memcpy(out, w, n - 2);
        return n - 2;
    }
    if (ends(w, n, "us") || ends(w, n, "is")) {
        memcpy(out, w, n);
        return n;
    }
    memcpy(out, w, n - 1);
    return n - 1;
}

/* Forms of the closed classes that the tables do not hold: the clitics
 * of the tokeniser and the auxiliaries. */
static const char *closed_form(const char *w, size_t n, int t)
{
    static const struct {
        const char *w;
        int tag;      /* 0: any verb tag */
        const char *lemma;
    } tab[] = {
        {"'s", KH_POS_VBZ, "be"}, {"'re", 0, "be"}, {"'m", 0, "be"},
        {"'ve", 0, "have"}, {"'d", KH_POS_VBD, "have"},
        {"'d", KH_POS_VBN, "have"}, {"'d", KH_POS_MD, "would"},
        {"'ll", KH_POS_MD, "will"}, {"ca", KH_POS_MD, "can"},
        {"wo", KH_POS_MD, "will"}, {"sha", KH_POS_MD, "shall"},
        {"n't", KH_POS_RB, "not"}, {"an", KH_POS_DT, "a"},
        {"'s", KH_POS_PRP, "us"}, {"ai", 0, "be"},
        {"is", 0, "be"}, {"are", 0, "be"}, {"am", 0, "be"},
        {"was", 0, "be"}, {"were", 0, "be"}, {"been", 0, "be"},
        {"being", 0, "be"}, {"has", 0, "have"}, {"had", 0, "have"},
        {"having", 0, "have"}, {"does", 0, "do"}, {"did", 0, "do"},
        {"done", 0, "do"}, {"doing", 0, "do"},
    };
    for (size_t i = 0; i < sizeof tab / sizeof *tab; i++)
        if ((tab[i].tag == t || (tab[i].tag == 0 && kh_pos_is_verb(t))) &&
            strlen(tab[i].w) == n && memcmp(tab[i].w, w, n) == 0)
            return tab[i].lemma;
    return NULL;
}

static size_t put(char *out, size_t cap, const char *s, size_t n)
{
    if (cap) {
        size_t k = n < cap - 1 ? n : cap - 1;
        memcpy(out, s, k);
        out[k] = '\0';
    }
    return n;
}

size_t kh_lemmatize(const kh_tag_model *m, const char *s, size_t n, int t,
                    char *out, size_t cap)
{
    char w[LEMMA_MAX + 1];
    size_t wn = lowercase(s, n, w, sizeof w);
    if (wn >= LEMMA_MAX)
        return lowercase(s, n, out, cap);
    /* the closed classes: verbs (auxiliaries and clitics), modals, n't,
     * an, and the 's of let's */
    if (kh_pos_is_verb(t) || t == KH_POS_MD || t == KH_POS_RB ||
        t == KH_POS_DT || t == KH_POS_PRP) {
        const char *c = closed_form(w, wn, t);
        if (c)
            return put(out, cap, c, strlen(c));
    }

    int wc = 0;
    if (t == KH_POS_NNS)
        wc = KH_WC_NOUN;
    else if (t == KH_POS_VBD || t == KH_POS_VBG || t == KH_POS_VBN ||
             t == KH_POS_VBZ)
        wc = KH_WC_VERB;
    else if (t == KH_POS_JJR || t == KH_POS_JJS)
        wc = KH_WC_ADJ;
    else if (t == KH_POS_RBR || t == KH_POS_RBS)
        wc = KH_WC_ADV;
    if (!wc || !m)
        return put(out, cap, w, wn);

    const char *exc = kh_tagm_exception(m, kh_lemma_key(wc, w, wn));
    if (exc)
        return put(out, cap, exc, strlen(exc));

    char r[LEMMA_MAX + 4];
    size_t rn = 0;
    switch (t) {
    case KH_POS_NNS:
    case KH_POS_VBZ:
        rn = undo_s(m, wc, w, wn, r);
        break;
    case KH_POS_VBD:
    case KH_POS_VBN:
        if (ends(w, wn, "ed") && wn > 3)
            rn = undo_suffix(m, wc, w, wn - 2, r, 1);
        break;
    case KH_POS_VBG:
        if (ends(w, wn, "ing") && wn > 4)
            rn = undo_suffix(m, wc, w, wn - 3, r, 1);
        break;
    case KH_POS_JJR:
    case KH_POS_RBR:
        if (ends(w, wn, "er") && wn > 3)
            rn = undo_suffix(m, wc, w, wn - 2, r, wc == KH_WC_ADJ);
        break;
    case KH_POS_JJS:
    case KH_POS_RBS:
        if (ends(w, wn, "est") && wn > 4)
            rn = undo_suffix(m, wc, w, wn - 3, r, wc == KH_WC_ADJ);
        break;
    default:
        break;
    }
    if (!rn)
        return put(out, cap, w, wn);
    return put(out, cap, r, rn);
}
