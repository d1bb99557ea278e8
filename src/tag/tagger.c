/*
 * tagger.c - the tag stage: a Penn Treebank tag and a lemma for every token.
 *
 * The algorithm: a greedy, left-to-right averaged perceptron (Collins 2002;
 * the design of Honnibal's "A good part-of-speech tagger in about 200 lines
 * of Python", with richer features for unknown words).  Each token gets the
 * tag with the highest sum of the weights of its features: its own word,
 * affixes and shape, the words around it, and the two tags already chosen
 * before it.  Why this and not a CRF, a bidirectional model or a neural
 * tagger:
 *   - accuracy: on newswire it is within about half a point of the best
 *     feature-based taggers (Stanford's left3words model, which the
 *     PETRARCH suites were parsed with, is the same family), and most of
 *     what is left is tokens that the Brown-to-Penn mapping cannot tell
 *     apart anyway;
 *   - speed: one pass, no search, about thirty table look-ups and vector
 *     adds per token, and none at all for the frequent unambiguous words
 *     (the tag dictionary), which is what a day of news on one core needs;
 *   - training: a few passes over 1.2 million tokens in seconds, with a
 *     fixed seed for the order, so the model is rebuilt at build time and
 *     is the same bytes every time;
 *   - size: weights are 16-bit integers in one file read with one read.
 *
 * Data layout: the model (model.h) maps feature hashes to rows of
 * KH_POS_LANES 16-bit weights; a position's scores are the sum of its
 * rows in 32-bit lanes, which the compiler vectorises.  The rows of the
 * previous-tag features are looked up once, at load time.  Words are
 * turned into kh_tword (features.c) once per document (memo), so each
 * word's hashes are computed once although five positions, and the word's
 * other occurrences, use them.
 *
 * A sentence is tagged as a whole (the splitter bounds its length); tokens
 * outside every sentence (there are none today) are tagged as runs of
 * their own.
 */
#include "tag.h"

#include "model.h"
#include "../core/arena.h"
#include "../core/intern.h"
#include "../text/text.h"

#include <stdlib.h>
#include <string.h>

/* The longest run tagged at once: the splitter's limit, so that its
 * buffers fit on the stack. */
#define RUN_MAX KH_MAX_SENTENCE_TOKENS

static inline void add_row(const kh_tag_model *m, int32_t *acc, uint32_t r)
{
    if (KH_ROW_COUNT(r) == KH_ROW_DENSE) {
        const int16_t *d = m->dense + (size_t)KH_ROW_FIRST(r) * KH_POS_LANES;
        for (int t = 0; t < KH_POS_LANES; t++)
            acc[t] += d[t];
        return;
    }
    const uint32_t *e = m->entries + KH_ROW_FIRST(r);
    for (uint32_t j = 0; j < KH_ROW_COUNT(r); j++)
        acc[KH_ENTRY_TAG(e[j])] += KH_ENTRY_WEIGHT(e[j]);
}

void kh_tag_words(const kh_tag_model *m, const kh_tword *w, size_t n,
                  uint8_t *tags)
{
    int mode = kh_sentence_mode(w, n);
    int t1 = 0, t2 = 0;
    uint64_t keys[KH_MAX_SFEAT + KH_NDYN];
    for (size_t i = 0; i < n; i++) {
        int best = 0;
        if (mode == KH_MODE_NORMAL)
            best = kh_tagm_dict(m, kh_tagdict_key(&w[i]));
        if (!best) {
            int32_t acc[KH_POS_LANES] = {0};
            size_t k = kh_static_features(w, n, i, mode, keys);
            kh_dynamic_features(w, n, i, mode, t1, t2, keys + k);
            uint32_t rows[KH_MAX_SFEAT + 4];
            size_t nr = 0;
            /* the look-ups are independent: prefetch every slot, then
             * every row, so that their cache misses overlap */
            keys[k] = keys[k + 3];
            for (size_t f = 0; f <= k; f++)
                __builtin_prefetch(kh_tagm_home(m, keys[f]));
            for (size_t f = 0; f <= k; f++)
                rows[nr] = kh_tagm_row(m, keys[f]), nr += rows[nr] != 0;
            for (size_t r = 0; r < nr; r++)
                __builtin_prefetch(KH_ROW_COUNT(rows[r]) == KH_ROW_DENSE
                                       ? (const void *)(m->dense +
                                             (size_t)KH_ROW_FIRST(rows[r]) *
                                                 KH_POS_LANES)
                                       : (const void *)(m->entries +
                                             KH_ROW_FIRST(rows[r])));
            rows[nr] = m->t1[t1], nr += rows[nr] != 0;
            rows[nr] = m->t2[t2], nr += rows[nr] != 0;
            rows[nr] = m->t12[t1 * KH_POS_COUNT + t2], nr += rows[nr] != 0;
            for (size_t r = 0; r < nr; r++)
                add_row(m, acc, rows[r]);
            best = 1;
            for (int t = 2; t < KH_POS_COUNT; t++)
                if (acc[t] > acc[best])
                    best = t;
        }
        tags[i] = (uint8_t)best;
        t2 = t1;
        t1 = best;
    }
}

/* The words of a document already turned into kh_tword: two words in
 * five repeat one before them in the same article, and a look-up here
 * costs a fraction of kh_tword_init, which depends on the text alone. */
typedef struct {
    uint32_t *slot;         /* entry + 1, or 0 */
    uint32_t mask;
    kh_tword *tw;           /* the entries (their s is not kept) */
    uint32_t *hash, *off;   /* each entry's hash, and its text in chars */
    char *chars;
    size_t n, cap, nchars, capchars;
} memo;

static void memo_init(memo *c, size_t ntokens)
{
    size_t ns = 64;
    while (ns < 2 * ntokens)
        ns *= 2;
    c->slot = kh_xcalloc(ns, sizeof *c->slot);
    c->mask = (uint32_t)(ns - 1);
    c->tw = kh_xmalloc((ntokens + 1) * sizeof *c->tw);
    c->hash = kh_xmalloc(2 * (ntokens + 1) * sizeof *c->hash);
    c->off = c->hash + ntokens + 1;
    c->capchars = 4096;
    c->chars = kh_xmalloc(c->capchars);
    c->n = c->nchars = 0;
    c->cap = ntokens;
}

static void memo_free(memo *c)
{
    free(c->slot);
    free(c->tw);
    free(c->hash);
    free(c->chars);
}

/* Fills w for s[0..len), from c when the word was seen (w->s is s). */
static void word_of(memo *c, kh_tword *w, const char *s, size_t len)
{
    if (len == 0 || len > KH_TW_MAXLEN) {
        kh_tword_init(w, s, len);
        return;
    }
    uint32_t h = kh_hash(s, len), k = h & c->mask;
    for (; c->slot[k]; k = (k + 1) & c->mask) {
        size_t e = c->slot[k] - 1;
        if (c->hash[e] == h && c->tw[e].len == len &&
            memcmp(c->chars + c->off[e], s, len) == 0) {
            *w = c->tw[e];
            w->s = s;
            return;
        }
    }
    kh_tword_init(w, s, len);
    if (c->n >= c->cap)
        return;
    if (c->nchars + len > c->capchars) {
        c->capchars *= 2;
        c->chars = kh_xrealloc(c->chars, c->capchars);
    }
    memcpy(c->chars + c->nchars, s, len);
    c->off[c->n] = (uint32_t)c->nchars;
    c->nchars += len;
    c->tw[c->n] = *w;
    c->hash[c->n] = h;
    c->slot[k] = (uint32_t)++c->n;
}

/* Tags tokens [a, b) of d (b - a <= RUN_MAX) and sets their lemmas. */
static void tag_run(const kh_tag_model *m, kh_doc *d, size_t a, size_t b,
                    memo *c)
{
    kh_tword w[RUN_MAX];
    char bufs[RUN_MAX][KH_TW_MAXLEN];
    uint8_t tags[RUN_MAX];
    size_t n = b - a;
    if (n == 0 || n > RUN_MAX)
        return;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = kh_tag_norm_token(d, a + i, bufs[i], &len);
        word_of(c, &w[i], s, len);
    }
    kh_tag_words(m, w, n, tags);
    char lemma[256];
    for (size_t i = 0; i < n; i++) {
        kh_token *t = &d->tokens[a + i];
        int tag = tags[i];
        /* a web address or handle is a noun whatever its letters */
        if (t->kind == KH_TOK_URL)
            tag = KH_POS_NN;
        t->tag = (uint8_t)tag;
        size_t len = kh_lemmatize(m, w[i].s, w[i].len, tag, lemma,
                                  sizeof lemma);
        if (len < sizeof lemma) {
            d->lemma[a + i] = kh_arena_strndup(&d->arena, lemma, len);
        } else {   /* a long URL: lower-cased whole */
            char *big = kh_arena_alloc(&d->arena, len + 1);
            kh_lemmatize(m, w[i].s, w[i].len, tag, big, len + 1);
            d->lemma[a + i] = big;
        }
    }
}

static void tag_span(const kh_tag_model *m, kh_doc *d, size_t a, size_t b,
                     memo *c)
{
    while (a < b) {
        size_t e = b - a > RUN_MAX ? a + RUN_MAX : b;
        tag_run(m, d, a, e, c);
        a = e;
    }
}

int kh_tag_doc(const kh_tag_model *m, kh_doc *d)
{
    d->lemma = kh_arena_alloc(&d->arena,
                              (d->ntokens ? d->ntokens : 1) *
                                  sizeof *d->lemma);
    memo c;
    memo_init(&c, d->ntokens);
    size_t pos = 0;
    for (size_t s = 0; s < d->nsents; s++) {
        size_t a = d->sents[s].tok_first, b = d->sents[s].tok_end;
        if (a < pos || b > d->ntokens || a > b)
            continue;   /* cannot happen: sentences are ordered spans */
        tag_span(m, d, pos, a, &c);
        tag_span(m, d, a, b, &c);
        pos = b;
    }
    tag_span(m, d, pos, d->ntokens, &c);
    memo_free(&c);
    return KH_OK;
}
