/*
 * quotes_marks.c - quotation marks paired into quotes, and quoted names
 * told apart from quotes.
 *
 * The tokenizer has already classed each mark as opening or closing (the
 * straight ones by the characters around them).  Here a stack pairs them:
 * a closing mark closes the innermost open quote of its own style (double:
 * “ ” „ and "; guillemets « »; single: ‘ ’ ' ‹ ›), so that a single quote
 * nests inside a double one.  Marks that close nothing are stray.  Wire
 * copy leaves a quote open at the end of a paragraph when the next one
 * goes on quoting (and opens with a mark again), so a quote still open at
 * a paragraph's end ends there; an unclosed single mark is more likely an
 * apostrophe and is dropped.
 *
 * Quotation marks also set off names and titles: the “Al-Nujaba
 * Movement”, nicknamed “Abu Taqwa”, a so-called “truce”.  A short quote
 * is a name when a naming word comes before it, or when its words are
 * capitalised (or few) and no verb of saying is near: no one is quoted
 * as saying “Popular Mobilization”.
 */
#include "extract.h"

#include "../tag/tag.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { ST_DOUBLE = 1, ST_GUILLEMET, ST_SINGLE };

#define MAX_DEPTH 16

static int style_of(const kh_doc *d, const kh_token *t)
{
    const unsigned char *s = (const unsigned char *)d->text + t->start;
    size_t n = t->end - t->start;
    if (n == 1)
        return s[0] == '"' ? ST_DOUBLE : ST_SINGLE;   /* " or ' */
    if (n == 2 && s[0] == 0xC2)
        return ST_GUILLEMET;                          /* « » */
    if (n == 3 && s[0] == 0xE2 && s[1] == 0x80) {
        switch (s[2]) {
        case 0x9C: case 0x9D: case 0x9E:              /* “ ” „ */
            return ST_DOUBLE;
        case 0xB9: case 0xBA:                         /* ‹ › */
            return ST_SINGLE;
        default:                                      /* ‘ ’ ‚ */
            return ST_SINGLE;
        }
    }
    return ST_DOUBLE;
}

/* Whether a paragraph ends before token i: a blank line, or a line break
 * after the end of a sentence (one paragraph a line, as translated news
 * is often laid out; a line broken inside a sentence is only wrapped). */
static int para_break(const kh_doc *d, size_t i)
{
    const kh_token *t = &d->tokens[i];
    if (i == 0)
        return 0;
    if (t->flags & KH_TF_PARA)
        return 1;
    if (!(t->flags & KH_TF_NEWLINE))
        return 0;
    const kh_token *p = &d->tokens[i - 1];
    if (p->flags & KH_TF_SENT_END)
        return 1;
    if (p->kind == KH_TOK_QUOTE_CLOSE)
        return 1;
    if (p->kind == KH_TOK_PUNCT && p->end - p->start == 1) {
        char c = d->text[p->start];
        return c == '.' || c == '!' || c == '?';
    }
    return 0;
}

typedef struct {
    uint32_t slot;    /* index in the output */
    uint8_t style;
} open_q;

typedef struct {
    kh_qmark *q;
    uint8_t *ok;
    size_t n, cap;
} qvec;

static uint32_t push_q(qvec *v, uint32_t open, int32_t outer)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        v->q = kh_xrealloc(v->q, v->cap * sizeof *v->q);
        v->ok = kh_xrealloc(v->ok, v->cap);
    }
    kh_qmark *q = &v->q[v->n];
    memset(q, 0, sizeof *q);
    q->open = open;
    q->first = open + 1;
    q->outer = outer;
    v->ok[v->n] = 0;
    return (uint32_t)v->n++;
}

/* Ends the quote of slot s at token e (its closing mark, or the token
 * that starts the next paragraph when cut). */
static void end_q(qvec *v, uint32_t s, uint32_t e, int cut)
{
    kh_qmark *q = &v->q[s];
    q->end = e;
    q->close = e;
    (void)cut;
    v->ok[s] = q->end > q->first;
}

static int is_word(const kh_token *t)
{
    return t->kind == KH_TOK_WORD || t->kind == KH_TOK_ABBREV ||
           t->kind == KH_TOK_NUMBER;
}

/* Whether token i is the word s[0..n) (any case); tok_is() for literals. */
static inline int tok_is_n(const kh_doc *d, size_t i, const char *s, size_t n)
{
    const kh_token *t = &d->tokens[i];
    return t->end - t->start == n && ((d->text[t->start] ^ s[0]) & ~0x20) == 0 &&
           strncasecmp(d->text + t->start, s, n) == 0;
}
#define tok_is(d, i, lit) tok_is_n((d), (i), (lit), sizeof(lit) - 1)
#define tok_is_s(d, i, s) tok_is_n((d), (i), (s), strlen(s))

/* A word of a name: capitalised, or a particle (al, bin) or a connector
 * (of, the, and) between capitalised words. */
static int name_like(const kh_doc *d, size_t first, size_t end, int *words)
{
    int caps = 0, lower = 0;
    *words = 0;
    for (size_t i = first; i < end; i++) {
        const kh_token *t = &d->tokens[i];
        if (!is_word(t))
            continue;
        (*words)++;
        if (lower)
            continue;   /* only the count matters now */
        if (t->flags & (KH_TF_UPPER | KH_TF_NONCASED) ||
            t->kind == KH_TOK_NUMBER) {
            caps++;
            continue;
        }
        if (tok_is(d, i, "of") || tok_is(d, i, "the") || tok_is(d, i, "and") ||
            tok_is(d, i, "for") || kh_tok_capitalised(d, i) ||
            (kh_tok_class(d, i) & KH_W_PARTICLE))
            continue;   /* al-Nujaba, bin */
        lower = 1;
    }
    return caps > 0 && !lower;
}

/* The sentence of token i. */
static size_t sentence_of(const kh_doc *d, size_t i)
{
    size_t lo = 0, hi = d->nsents;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sents[mid].tok_end <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether a verb of saying is near the quote: within six tokens before
 * its opening mark or after its closing one, in the same sentence and
 * not inside another quote. */
static int speech_near(const kh_doc *d, const kh_qmark *q, const uint8_t *in)
{
    size_t s0 = sentence_of(d, q->open), s1 = sentence_of(d, q->close);
    size_t lo = s0 < d->nsents ? d->sents[s0].tok_first : 0;
    size_t hi = s1 < d->nsents ? d->sents[s1].tok_end : d->ntokens;
    size_t a = q->open > lo + 6 ? q->open - 6 : lo;
    for (size_t i = a; i < q->open; i++)
        if (!in[i] && kh_is_speech_verb(d, i, NULL))
            return 1;
    size_t b = q->close + 7 < hi ? q->close + 7 : hi;
    for (size_t i = q->close + 1; i < b; i++)
        if (!in[i] && kh_is_speech_verb(d, i, NULL))
            return 1;
    return 0;
}

/* Whether quote q is a quoted name or title rather than a quote. */
static int quoted_name(const kh_doc *d, const kh_qmark *q, const uint8_t *in)
{
    int words;
    int caps = name_like(d, q->first, q->end, &words);
    if (words == 0)
        return 1;
    if (words > 6)
        return 0;
    size_t b = q->open;
    unsigned before = 0;
    int det = 0;
    if (b > 0) {
        before = kh_tok_class(d, b - 1);
        int tag = d->tokens[b - 1].tag;
        det = tag == KH_POS_DT || tag == KH_POS_PRPS ||
              tok_is(d, b - 1, "the") || tok_is(d, b - 1, "a") ||
              tok_is(d, b - 1, "an");
        /* known as “X”, referred to as “X” */
        if (b > 1 && tok_is(d, b - 1, "as") &&
            (kh_tok_class(d, b - 2) & KH_W_NAMING))
            before |= KH_W_NAMING;
    }
    if (before & KH_W_NAMING)
        return 1;
    int near = speech_near(d, q, in);
    if (caps && (det || !near))
        return 1;
    /* a title in capitals ("the manuscript of “The Book of Songs”") unless
     * a verb of saying or "that" introduces it: said “Enough Is Enough” */
    if (caps && words >= 2) {
        size_t k = b;
        while (k > 0 && (d->tokens[k - 1].kind == KH_TOK_PUNCT &&
                         d->tokens[k - 1].end - d->tokens[k - 1].start == 1 &&
                         (d->text[d->tokens[k - 1].start] == ':' ||
                          d->text[d->tokens[k - 1].start] == ',')))
            k--;
        if (!(k > 0 && (tok_is(d, k - 1, "that") ||
                        kh_is_speech_verb(d, k - 1, NULL))))
            return 1;
    }
    /* a “red line”, mourned three “martyrs”: a few words set off, nobody
     * saying them */
    if (!near && (words <= 2 || (words <= 3 && det)))
        return 1;
    return 0;
}

size_t kh_pair_quotes(const kh_doc *d, kh_qmark **out)
{
    qvec v = {0};
    open_q st[MAX_DEPTH];
    int depth = 0;
    for (size_t i = 0; i < d->ntokens; i++) {
        const kh_token *t = &d->tokens[i];
        if (depth && para_break(d, i)) {
            /* cut what is still open: the paragraph ends the quote */
            while (depth) {
                depth--;
                if (st[depth].style != ST_SINGLE)
                    end_q(&v, st[depth].slot, (uint32_t)i, 1);
            }
        }
        if (t->kind == KH_TOK_QUOTE_OPEN) {
            if (depth == MAX_DEPTH)
                continue;
            int32_t outer = depth ? (int32_t)st[depth - 1].slot : -1;
            st[depth].slot = push_q(&v, (uint32_t)i, outer);
            st[depth].style = (uint8_t)style_of(d, t);
            depth++;
        } else if (t->kind == KH_TOK_QUOTE_CLOSE) {
            int s = style_of(d, t);
            int k = depth - 1;
            while (k >= 0 && st[k].style != s)
                k--;
            if (k < 0)
                continue;   /* closes nothing: stray */
            /* what opened inside and never closed ends here too, unless
             * it was a single mark (an apostrophe, most likely) */
            for (int j = depth - 1; j > k; j--)
                if (st[j].style != ST_SINGLE)
                    end_q(&v, st[j].slot, (uint32_t)i, 1);
            end_q(&v, st[k].slot, (uint32_t)i, 0);
            depth = k;
        }
    }
    while (depth) {
        depth--;
        if (st[depth].style != ST_SINGLE)
            end_q(&v, st[depth].slot, (uint32_t)d->ntokens, 1);
    }
    /* keep the quotes that closed, renumbering their outer links */
    int32_t *remap = kh_xmalloc((v.n + 1) * sizeof *remap);
    size_t n = 0;
    for (size_t k = 0; k < v.n; k++) {
        remap[k] = v.ok[k] ? (int32_t)n : -1;
        if (!v.ok[k])
            continue;
        kh_qmark q = v.q[k];
        /* an outer quote that was dropped passes on its own outer */
        while (q.outer >= 0 && !v.ok[q.outer])
            q.outer = v.q[q.outer].outer;
        q.outer = q.outer >= 0 ? remap[q.outer] : -1;
        v.q[n++] = q;
    }
    free(remap);
    free(v.ok);
    /* names: judged with the marks of every quote known (a verb of saying
     * near a quote but inside another one does not count; speech_near
     * looks only outside the quote's own marks) */
    uint8_t *in = n ? kh_xcalloc(d->ntokens + 1, 1) : NULL;
    for (size_t k = 0; k < n; k++)
        if (!in[v.q[k].open])   /* an inner quote's tokens are set already */
            memset(in + v.q[k].open, 1,
                   (v.q[k].close < d->ntokens ? v.q[k].close
                                               : d->ntokens - 1) -
                       v.q[k].open + 1);
    for (size_t k = 0; k < n; k++)
        v.q[k].name = (uint8_t)quoted_name(d, &v.q[k], in);
    free(in);
    *out = v.q;
    return n;
}

int32_t *kh_quote_map(const kh_doc *d, const kh_qmark *q, size_t nq)
{
    int32_t *m = kh_xmalloc((d->ntokens + 1) * sizeof *m);
    for (size_t i = 0; i <= d->ntokens; i++)
        m[i] = -1;
    /* in order of opening, so an inner quote overwrites its outer one */
    for (size_t k = 0; k < nq; k++) {
        if (q[k].name)
            continue;
        for (size_t i = q[k].open; i <= q[k].close && i < d->ntokens; i++)
            m[i] = (int32_t)k;
    }
    return m;
}
