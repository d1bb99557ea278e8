/*
 * quotes_speech.c - verbs of saying and their subjects.
 *
 * A verb of saying is found by its lemma (say, tell, stress, point out,
 * "according to"); some need their context to be one: "added" and
 * "continued" only next to a quote, "that", a colon or the sentence's end
 * ("the fighting continued to ..." says nothing), "noted" and "claimed"
 * only where the tagger read a verb.
 *
 * Its subject is the noun phrase before it ("a military official in the
 * Pentagon explained", "Mustafa said", "he added"), through an apposition
 * ("Prime Minister, Mohammed Shia Al-Sudani, said": the name), or after
 * it when nothing comes before ("“...,” said the minister", "according to
 * the ministry").  A phrase is read from the tags, without a parser:
 * determiners, adjectives, nouns and capitalised words, and "of", "in" or
 * "at" when a noun comes before them and a determiner or a name after
 * them.  Its head, the last word before any preposition, says what kind
 * of speaker it is: a name, a pronoun, a description ("the official") or
 * a document ("the statement said", which speaks for its author).
 */
#include "extract.h"

#include "../tag/tag.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_NP 14

/* Whether token i is the word s[0..n) (any case); tok_is() for literals. */
static inline int tok_is_n(const kh_doc *d, size_t i, const char *s, size_t n)
{
    const kh_token *t = &d->tokens[i];
    return t->end - t->start == n && ((d->text[t->start] ^ s[0]) & ~0x20) == 0 &&
           strncasecmp(d->text + t->start, s, n) == 0;
}
#define tok_is(d, i, lit) tok_is_n((d), (i), (lit), sizeof(lit) - 1)
#define tok_is_s(d, i, s) tok_is_n((d), (i), (s), strlen(s))

static int tag_of(const kh_doc *d, size_t i)
{
    return d->tokens[i].tag;
}

static int is_punct(const kh_doc *d, size_t i, char c)
{
    const kh_token *t = &d->tokens[i];
    return t->kind == KH_TOK_PUNCT && t->end - t->start == 1 &&
           d->text[t->start] == c;
}

static int is_quote_mark(const kh_doc *d, size_t i)
{
    int k = d->tokens[i].kind;
    return k == KH_TOK_QUOTE_OPEN || k == KH_TOK_QUOTE_CLOSE;
}

/* The lemma's class for a verb the tagger took for a noun ("adding_NN"):
 * the word less -ing or -ed, with or without a final e. */
static unsigned stem_class(const kh_doc *d, size_t i)
{
    const kh_token *t = &d->tokens[i];
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    char buf[32];
    size_t cut = 0;
    if (n > 5 && strncasecmp(s + n - 3, "ing", 3) == 0)
        cut = 3;
    else if (n > 4 && strncasecmp(s + n - 2, "ed", 2) == 0)
        cut = 2;
    if (!cut || n - cut + 1 >= sizeof buf)
        return 0;
    memcpy(buf, s, n - cut);
    unsigned c = kh_word_class(buf, n - cut);
    if (!(c & (KH_W_SPEECH | KH_W_SPEECH_CTX | KH_W_SPEECH_WEAK))) {
        buf[n - cut] = 'e';
        c = kh_word_class(buf, n - cut + 1);
    }
    return c;
}

static int speech_ctx_ok(const kh_doc *d, size_t i, size_t end)
{
    /* after it: that, a colon or comma, a quote, the end */
    if (end >= d->ntokens)
        return 1;
    const kh_token *n = &d->tokens[end];
    if (n->flags & (KH_TF_NEWLINE | KH_TF_PARA))
        return 1;
    if (tok_is(d, end, "that") || is_punct(d, end, ':') ||
        is_punct(d, end, ',') || is_punct(d, end, '.') || is_quote_mark(d, end))
        return 1;
    /* before it, after a pronoun or a name: a quote's close and comma */
    for (size_t k = i, steps = 0; k > 0 && steps < 8; k--, steps++) {
        if (d->tokens[k - 1].kind == KH_TOK_QUOTE_CLOSE)
            return 1;
        if (d->tokens[k - 1].flags & KH_TF_SENT_END)
            break;
    }
    return 0;
}

int kh_is_speech_verb(const kh_doc *d, size_t i, size_t *endp)
{
    const kh_token *t = &d->tokens[i];
    if (t->kind != KH_TOK_WORD)
        return 0;
    int tag = t->tag;
    /* the tagger's word classes first: most tokens are not verbs */
    if (tag && !kh_pos_is_verb(tag) && tag != KH_POS_NN && tag != KH_POS_JJ)
        return 0;
    size_t n = t->end - t->start;
    if (n < 3)
        return 0;
    unsigned c;
    if (tag == KH_POS_NN || tag == KH_POS_JJ) {
        /* only a verb the tagger missed: "adding_NN" */
        const char *w = d->text + t->start;
        if (!((n > 5 && memcmp(w + n - 3, "ing", 3) == 0) ||
              (n > 4 && memcmp(w + n - 2, "ed", 2) == 0)))
            return 0;
        c = stem_class(d, i);
    } else {
        c = kh_lemma_class(d, i);
    }
    if (!(c & (KH_W_SPEECH | KH_W_SPEECH_CTX | KH_W_SPEECH_WEAK)))
        return 0;
    /* a noun after a determiner or an adjective: "the statement"; the
     * tagger's verbs only after a determiner ("the said agreement") */
    if (i > 0) {
        int pt = tag_of(d, i - 1);
        if (pt == KH_POS_DT || pt == KH_POS_PRPS || pt == KH_POS_POS ||
            (pt == KH_POS_JJ && !kh_pos_is_verb(tag) &&
             !(kh_tok_class(d, i - 1) & KH_W_ROLE)))
            return 0;
    }
    if ((tag == KH_POS_NN || tag == KH_POS_JJ) &&
        d->lemma && d->lemma[i] &&
        strlen(d->lemma[i]) == n)
        return 0;   /* "the report", "a claim": the word itself */
    size_t end = i + 1;
    if (c & KH_W_SPEECH_WEAK) {
        if (tag && !kh_pos_is_verb(tag))
            return 0;
        /* "pointed out", not "pointed to the map" */
        if (d->lemma && d->lemma[i] && strcmp(d->lemma[i], "point") == 0) {
            if (end >= d->ntokens || !tok_is(d, end, "out"))
                return 0;
            end++;
        }
    }
    if (c & KH_W_SPEECH_CTX) {
        /* "went on" */
        if (d->lemma && d->lemma[i] && strcmp(d->lemma[i], "go") == 0) {
            if (end >= d->ntokens || !tok_is(d, end, "on"))
                return 0;
            end++;
        }
        if (!speech_ctx_ok(d, i, end))
            return 0;
    }
    if (endp)
        *endp = end;
    return 1;
}

/* ---- noun phrases -------------------------------------------------------- */

static int is_wordtok(const kh_token *t)
{
    return t->kind == KH_TOK_WORD || t->kind == KH_TOK_ABBREV ||
           t->kind == KH_TOK_NUMBER;
}

static int capitalised(const kh_doc *d, size_t i)
{
    return kh_tok_capitalised(d, i);
}

/* A word that may be inside a noun phrase. */
static int np_word(const kh_doc *d, size_t i)
{
    const kh_token *t = &d->tokens[i];
    if (t->kind == KH_TOK_ABBREV)
        return 1;
    if (t->kind == KH_TOK_NUMBER)
        return 1;
    if (t->kind != KH_TOK_WORD) {
        /* Shia' al-Sudani: an apostrophe glued to a name */
        return (t->kind == KH_TOK_PUNCT || t->kind == KH_TOK_QUOTE_CLOSE) &&
               !(t->flags & KH_TF_SPACE) && i + 1 < d->ntokens &&
               i > 0 && capitalised(d, i - 1) && capitalised(d, i + 1) &&
               (d->text[t->start] == '\'' ||
                (unsigned char)d->text[t->start] == 0xE2);
    }
    int tag = t->tag;
    if (capitalised(d, i)) {
        /* He, The, In: capitalised function words are not names */
        return !(kh_tok_class(d, i) & KH_W_STOP) || tag == KH_POS_DT ||
               tag == KH_POS_PRPS;
    }
    if (!tag)
        return !(kh_tok_class(d, i) & KH_W_STOP) || tok_is(d, i, "the") ||
               tok_is(d, i, "a") || tok_is(d, i, "an");
    switch (tag) {
    case KH_POS_NN: case KH_POS_NNS: case KH_POS_NNP: case KH_POS_NNPS:
    case KH_POS_JJ: case KH_POS_JJR: case KH_POS_JJS: case KH_POS_CD:
    case KH_POS_DT: case KH_POS_PRPS: case KH_POS_POS: case KH_POS_VBN:
        return !(tag == KH_POS_DT && (tok_is(d, i, "that") ||
                                       tok_is(d, i, "which")));
    }
    /* role nouns the tagger took for something else: "the official_JJ" */
    return (kh_tok_class(d, i) & (KH_W_ROLE | KH_W_ORGHEAD)) != 0;
}

static int is_det(const kh_doc *d, size_t i)
{
    int tag = tag_of(d, i);
    return tag == KH_POS_DT || tag == KH_POS_PRPS || tok_is(d, i, "the") ||
           tok_is(d, i, "a") || tok_is(d, i, "an");
}

static int np_prep(const kh_doc *d, size_t i)
{
    return tok_is(d, i, "of") || tok_is(d, i, "in") || tok_is(d, i, "at") ||
           tok_is(d, i, "for") || tok_is(d, i, "from");
}

static int nounish(const kh_doc *d, size_t i)
{
    int tag = tag_of(d, i);
    return kh_pos_is_noun(tag) || capitalised(d, i) ||
           (kh_tok_class(d, i) & (KH_W_ROLE | KH_W_ORGHEAD));
}

/* The noun phrase that ends at token j, not before lo: its first token,
 * or j + 1 when there is none. */
static size_t np_back(const kh_doc *d, const int32_t *qmap, size_t j,
                      size_t lo)
{
    size_t k = j + 1;
    while (k > lo && j + 1 - k < MAX_NP) {
        size_t i = k - 1;
        if (qmap[i] >= 0)
            break;
        if (np_word(d, i)) {
            k = i;
            if (is_det(d, i)) {
                /* the NP starts here, unless a preposition joins it to a
                 * noun before: "official in [the Pentagon]" */
                if (i > lo + 1 && np_prep(d, i - 1) && nounish(d, i - 2) &&
                    qmap[i - 2] < 0) {
                    k = i - 1;
                    continue;
                }
                break;
            }
            continue;
        }
        /* "in the Pentagon", "of Iraq": a preposition between a noun and a
         * capitalised word */
        if (np_prep(d, i) && k <= j && capitalised(d, k) && i > lo &&
            nounish(d, i - 1)) {
            k = i;
            continue;
        }
        break;
    }
    /* never start on a preposition */
    while (k <= j && np_prep(d, k))
        k++;
    return k;
}

/* The noun phrase that starts at token k, not at or after hi: one past its
 * last token (k when there is none). */
static size_t np_fwd(const kh_doc *d, const int32_t *qmap, size_t k,
                     size_t hi)
{
    size_t e = k;
    int head_role = 0, head_name = 0;
    while (e < hi && e - k < MAX_NP) {
        if (qmap[e] >= 0)
            break;
        if (np_word(d, e)) {
            if (e > k && is_det(d, e) && !np_prep(d, e - 1))
                break;   /* a second phrase */
            if (kh_pos_is_verb(tag_of(d, e)) && tag_of(d, e) != KH_POS_VBN &&
                !capitalised(d, e))
                break;
            if (capitalised(d, e) &&
                !(kh_tok_class(d, e) & (KH_W_TITLE | KH_W_ROLE)))
                head_name = 1;
            else if (kh_tok_class(d, e) & KH_W_ROLE)
                head_role = 1, head_name = 0;
            e++;
            continue;
        }
        /* "a military official in the Pentagon", "a member of its
         * committee", not "X in a statement" */
        if (np_prep(d, e) && e > k && head_role && !head_name &&
            e + 1 < hi && (capitalised(d, e + 1) || tok_is(d, e, "of") ||
                           (is_det(d, e + 1) && e + 2 < hi &&
                            capitalised(d, e + 2)))) {
            e++;
            continue;
        }
        break;
    }
    while (e > k && (np_prep(d, e - 1) || is_det(d, e - 1)))
        e--;
    return e;
}

static int doc_noun(const kh_doc *d, size_t i)
{
    return d->tokens[i].kind == KH_TOK_WORD &&
           (kh_tok_class(d, i) & KH_W_DOCNOUN);
}

static int pronoun(const kh_doc *d, size_t i, int *plural)
{
    static const char *const sing[] = {"he", "she"};
    static const char *const plur[] = {"they", "we", "it"};
    for (int k = 0; k < 2; k++)
        if (tok_is_s(d, i, sing[k]))
            return *plural = 0, 1;
    for (int k = 0; k < 3; k++)
        if (tok_is_s(d, i, plur[k]))
            return *plural = k < 2, 1;
    return 0;
}

/* Fills the subject of s from tokens [a, b), a noun phrase. */
static void set_subject(const kh_doc *d, kh_speech *s, size_t a, size_t b)
{
    s->kind = KH_SUBJ_NONE;
    if (a >= b)
        return;
    int plural = 0;
    if (b - a == 1 && pronoun(d, a, &plural)) {
        s->s0 = (uint32_t)a, s->s1 = (uint32_t)b;
        s->head = (uint32_t)a;
        s->kind = KH_SUBJ_PRONOUN;
        s->plural = (uint8_t)plural;
        return;
    }
    /* the head: the last word before a preposition */
    size_t h = a;
    for (size_t i = a; i < b; i++) {
        if (i > a && np_prep(d, i))
            break;
        if (is_wordtok(&d->tokens[i]) && d->tokens[i].tag != KH_POS_POS)
            h = i;
    }
    s->s0 = (uint32_t)a, s->s1 = (uint32_t)b;
    s->definite = (uint8_t)(tok_is(d, a, "the") || tok_is(d, a, "this") ||
                            tok_is(d, a, "that"));
    /* "Member of Parliament Raad al-Maliki": a title with "of" before
     * the name, all one capitalised run */
    if (kh_tok_capitalised(d, h) && (kh_tok_class(d, h) & KH_W_TITLE) &&
        kh_tok_capitalised(d, b - 1) &&
        !(kh_tok_class(d, b - 1) & (KH_W_TITLE | KH_W_ROLE | KH_W_STOP))) {
        int run = 1;
        for (size_t i = h; i < b && run; i++)
            run = kh_tok_capitalised(d, i) || tok_is(d, i, "of") ||
                  tok_is(d, i, "the") || !is_wordtok(&d->tokens[i]);
        if (run)
            h = b - 1;
    }
    s->head = (uint32_t)h;
    int tag = tag_of(d, h);
    unsigned c = kh_tok_class(d, h);
    const kh_token *ht = &d->tokens[h];
    s->plural = (uint8_t)(tag == KH_POS_NNS || tag == KH_POS_NNPS);
    if (capitalised(d, h) && !(c & (KH_W_TITLE | KH_W_ROLE))) {
        /* a name, unless it is a capitalised common word at the start */
        if (!(c & KH_W_STOP))
            s->kind = KH_SUBJ_NAME;
        return;
    }
    if (doc_noun(d, h)) {
        s->kind = KH_SUBJ_DOC;
        return;
    }
    if ((c & (KH_W_ROLE | KH_W_ORGHEAD | KH_W_TITLE)) ||
        (kh_pos_is_noun(tag) && ht->kind == KH_TOK_WORD))
        s->kind = KH_SUBJ_DESC;
}

/* The subject before a comma that comes right before the verb: "X, the
 * spokesman, said", "Prime Minister, X, said", "X, who ..., told", "X,
 * speaking on condition of anonymity, told", "X, in a statement, said".
 * The phrase set off between two commas is the subject only when nothing
 * better comes before it. */
static int subject_set_off(const kh_doc *d, const int32_t *qmap,
                           kh_speech *s, size_t e, size_t lo)
{
    if (e <= lo)
        return 0;
    /* the comma that opens the set-off part */
    size_t c = lo;
    int found = 0;
    for (size_t k = e, steps = 0; k > lo && steps < 18; k--, steps++) {
        size_t w = k - 1;
        if (qmap[w] >= 0 || is_punct(d, w, ';') || is_punct(d, w, ':') ||
            d->tokens[w].kind == KH_TOK_QUOTE_CLOSE)
            break;
        if (is_punct(d, w, ',')) {
            c = w;
            found = 1;
            break;
        }
    }
    kh_speech before = *s, inner = *s;
    before.kind = inner.kind = KH_SUBJ_NONE;
    if (found && c > lo) {
        size_t a = np_back(d, qmap, c - 1, lo);
        if (a <= c - 1)
            set_subject(d, &before, a, c);
    }
    /* the part set off, when it is a noun phrase of its own */
    size_t a = np_back(d, qmap, e - 1, lo);
    if (a <= e - 1 && a == (found ? c + 1 : lo))
        set_subject(d, &inner, a, e);
    /* "The Deputy Minister of Education, Dr. X, said": a title first,
     * then the person's name set off */
    if (before.kind == KH_SUBJ_NAME && inner.kind == KH_SUBJ_NAME) {
        size_t f = before.s0;
        if (f < before.s1 && is_det(d, f))
            f++;
        if (f < before.s1 && (kh_tok_class(d, f) & KH_W_TITLE))
            return *s = inner, 1;
    }
    if (before.kind == KH_SUBJ_NAME)
        return *s = before, 1;
    if (inner.kind == KH_SUBJ_NAME)
        return *s = inner, 1;
    if (before.kind != KH_SUBJ_NONE)
        return *s = before, 1;
    if (inner.kind != KH_SUBJ_NONE)
        return *s = inner, 1;
    return 0;
}

/* The subject written before the verb at v (after skipping adverbs and
 * auxiliaries), within [lo, v).  Returns 1 when one was found. */
static int subject_before(const kh_doc *d, const int32_t *qmap, kh_speech *s,
                          size_t v, size_t lo)
{
    size_t j = v;
    while (j > lo) {
        size_t i = j - 1;
        int tag = tag_of(d, i);
        if (tag == KH_POS_RB || tag == KH_POS_RBR || tag == KH_POS_RBS ||
            tag == KH_POS_MD || tok_is(d, i, "has") || tok_is(d, i, "have") ||
            tok_is(d, i, "had") || tok_is(d, i, "also") ||
            tok_is(d, i, "was") || tok_is(d, i, "is") || tok_is(d, i, "will") ||
            tok_is(d, i, "would") || tok_is(d, i, "did") ||
            tok_is(d, i, "does") || tok_is(d, i, "then")) {
            j = i;
            continue;
        }
        break;
    }
    if (j <= lo || qmap[j - 1] >= 0)
        return 0;
    size_t e = j - 1;
    int plural;
    if (pronoun(d, e, &plural)) {
        set_subject(d, s, e, e + 1);
        return 1;
    }
    if (is_punct(d, e, ','))
        return subject_set_off(d, qmap, s, e, lo);
    size_t a = np_back(d, qmap, e, lo);
    if (a > e)
        return 0;
    set_subject(d, s, a, e + 1);
    return s->kind != KH_SUBJ_NONE;
}

static int subject_after(const kh_doc *d, const int32_t *qmap, kh_speech *s,
                         size_t k, size_t hi)
{
    size_t e = np_fwd(d, qmap, k, hi);
    if (e <= k)
        return 0;
    set_subject(d, s, k, e);
    s->after = 1;
    /* "according to the mayor of Amedi, Rekan Ahmed": the name set off
     * after the description */
    if (s->kind == KH_SUBJ_DESC && e + 1 < hi && is_punct(d, e, ',')) {
        size_t e2 = np_fwd(d, qmap, e + 1, hi);
        if (e2 > e + 1 && (e2 == hi || !kh_is_speech_verb(d, e2, NULL))) {
            kh_speech t = *s;
            set_subject(d, &t, e + 1, e2);
            if (t.kind == KH_SUBJ_NAME)
                *s = t;
        }
    }
    return s->kind != KH_SUBJ_NONE;
}

typedef struct {
    kh_speech *v;
    size_t n, cap;
} svec;

static kh_speech *add(svec *v)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        v->v = kh_xrealloc(v->v, v->cap * sizeof *v->v);
    }
    kh_speech *s = &v->v[v->n++];
    memset(s, 0, sizeof *s);
    return s;
}

size_t kh_find_speech(const kh_doc *d, const int32_t *qmap, kh_speech **out)
{
    svec v = {0};
    for (size_t si = 0; si < d->nsents; si++) {
        const kh_sentence *st = &d->sents[si];
        size_t lo = st->tok_first, hi = st->tok_end;
        for (size_t i = lo; i < hi; i++) {
            const kh_token *t = &d->tokens[i];
            /* most tokens: not a word the tagger could call a verb */
            if (qmap[i] >= 0 || t->kind != KH_TOK_WORD ||
                (t->tag && !kh_pos_is_verb(t->tag) && t->tag != KH_POS_NN &&
                 t->tag != KH_POS_JJ && t->tag != KH_POS_IN))
                continue;
            size_t end;
            /* according to X */
            if (tok_is(d, i, "according") && i + 2 < hi &&
                tok_is(d, i + 1, "to")) {
                kh_speech *s = add(&v);
                s->verb = (uint32_t)i, s->verb_end = (uint32_t)(i + 2);
                s->sentence = (uint32_t)si;
                subject_after(d, qmap, s, i + 2, hi);
                s->after = 1;
                i++;
                continue;
            }
            if (!kh_is_speech_verb(d, i, &end))
                continue;
            kh_speech *s = add(&v);
            s->verb = (uint32_t)i, s->verb_end = (uint32_t)end;
            s->sentence = (uint32_t)si;
            /* the segment before the verb: back to the sentence's start,
             * a quote's close, or a colon */
            size_t seg = lo;
            for (size_t k = i; k > lo; k--) {
                if (qmap[k - 1] >= 0 || is_punct(d, k - 1, ':') ||
                    is_punct(d, k - 1, ';')) {
                    seg = k;
                    break;
                }
            }
            /* "quoted a member of its committee, X, as saying" */
            if (i > lo + 2 && tok_is(d, i - 1, "as")) {
                for (size_t k = i - 1, steps = 0; k > lo && steps < 20;
                     k--, steps++) {
                    if (tok_is(d, k - 1, "quoted") ||
                        tok_is(d, k - 1, "quoting")) {
                        subject_after(d, qmap, s, k, i - 1);
                        break;
                    }
                }
                if (s->kind != KH_SUBJ_NONE) {
                    i = end - 1;
                    continue;
                }
            }
            if (!subject_before(d, qmap, s, i, seg)) {
                /* "said X": nothing but a comma or a quote before it */
                size_t p = i;
                while (p > lo && (is_punct(d, p - 1, ',') ||
                                  tag_of(d, p - 1) == KH_POS_RB))
                    p--;
                if (p == lo || qmap[p - 1] >= 0 ||
                    d->tokens[p - 1].kind == KH_TOK_QUOTE_CLOSE ||
                    is_punct(d, p - 1, ':'))
                    subject_after(d, qmap, s, end, hi);
            }
            i = end - 1;
        }
    }
    *out = v.v;
    return v.n;
}
