/*
 * lex.c - a unit's words as the dictionaries spell them.
 *
 * TABARI reads text split at blanks, upper-cased, with hyphens turned
 * into blanks, commas (and semicolons) as words of their own, a period
 * kept only after a capital (U.N.) and other punctuation dropped (manual
 * 7.3).  Our tokens are finer than that, so a word here is a run of
 * tokens with no space between them ("U" "." "S" -> U.S, "Gondor" "’s" ->
 * GONDOR'S), split again at hyphens.  PETRARCH's dictionaries are written
 * for Treebank tokens, so with split_clitics "’s" and "n't" stay words of
 * their own (DID N'T).
 */
#include "code.h"

#include "../text/text.h"

#include <string.h>

#define MAX_WORD 64

static int tok_is(const kh_doc *d, const kh_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->end - t->start == n && memcmp(d->text + t->start, s, n) == 0;
}

static int wordish(const kh_token *t)
{
    return t->kind == KH_TOK_WORD || t->kind == KH_TOK_NUMBER ||
           t->kind == KH_TOK_ABBREV || t->kind == KH_TOK_URL;
}

static int clitic(const kh_doc *d, const kh_token *t)
{
    size_t n = t->end - t->start;
    const char *s = d->text + t->start;
    if (n < 2)
        return 0;
    char c = s[0];
    int apos = c == '\'' || (unsigned char)c == 0xE2;
    if (apos)
        return 1;   /* ’s 're 've 'll 'd 'm */
    return (s[0] == 'n' || s[0] == 'N') && n >= 3;   /* n't */
}

typedef struct {
    kh_unit *u;
    char buf[MAX_WORD * 2];
    size_t n;
    uint32_t tok0, tok1;
    int cap, number;
    int open;
    int quote;    /* inside a direct quotation */
} wb;

static void emit(wb *w, const char *s, size_t n, uint32_t t0, uint32_t t1,
                 int type, int flags)
{
    kh_unit *u = w->u;
    if (u->n >= KH_MAX_LEX) {
        u->n = KH_MAX_LEX + 1;   /* too long: the caller reports it */
        return;
    }
    if (n > MAX_WORD)
        n = MAX_WORD;
    if (u->nchars + n + 1 > sizeof u->chars)
        return;
    kh_lexw *x = &u->lex[u->n++];
    memset(x, 0, sizeof *x);
    x->tok0 = t0, x->tok1 = t1;
    x->off = (uint32_t)u->nchars;
    x->len = (uint16_t)n;
    memcpy(u->chars + u->nchars, s, n);
    u->chars[u->nchars + n] = '\0';
    u->nchars += n + 1;
    x->type = (uint8_t)type;
    x->flags = (uint8_t)flags;
    x->word = kh_dict_word_find(u->dict, s, n);
    x->lemma = KH_NONE;
    x->root = KH_NONE;
    x->head = -1;
    x->ref = -1;
    x->slot = -1;
    x->code = KH_NONE;
    x->end = (uint16_t)u->n;
}

/* Emits the open word, split at hyphens. */
static void flush(wb *w)
{
    if (!w->open)
        return;
    w->open = 0;
    const char *s = w->buf;
    size_t n = w->n;
    int flags = (w->cap ? LF_CAP : 0) | (w->quote ? LF_QUOTE : 0);
    while (n) {
        const char *h = memchr(s, '-', n);
        size_t k = h ? (size_t)(h - s) : n;
        if (k) {
            int type = w->number && s[0] >= '0' && s[0] <= '9' ? L_NUMBER
                                                                : L_NULL;
            emit(w, s, k, w->tok0, w->tok1, type, flags);
            flags &= ~LF_CAP;
        }
        if (!h)
            break;
        s += k + 1;
        n -= k + 1;
    }
}

/* Appends token t's text, folded, to the open word. */
static void append(wb *w, const kh_doc *d, const kh_token *t, size_t ti)
{
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    if (!w->open) {
        w->open = 1;
        w->n = 0;
        w->tok0 = (uint32_t)ti;
        w->cap = (t->flags & (KH_TF_UPPER | KH_TF_NONCASED)) != 0;
        w->number = t->kind == KH_TOK_NUMBER;
    }
    w->tok1 = (uint32_t)ti + 1;
    char tmp[MAX_WORD * 2];
    size_t m = kh_fold_word(s, n, tmp, sizeof tmp);
    if (m > sizeof tmp)
        m = sizeof tmp;
    /* 1,500 -> 1500 */
    if (t->kind == KH_TOK_NUMBER) {
        size_t k = 0;
        for (size_t i = 0; i < m; i++)
            if (tmp[i] != ',')
                tmp[k++] = tmp[i];
        m = k;
    }
    /* A final period stays only after a capital: U.N. but Mr -> MR. */
    if (t->kind == KH_TOK_ABBREV && n >= 2 && s[n - 1] == '.' &&
        s[n - 2] >= 'a' && s[n - 2] <= 'z' && m)
        m--;
    if (w->n + m > sizeof w->buf)
        m = sizeof w->buf - w->n;
    memcpy(w->buf + w->n, tmp, m);
    w->n += m;
}

/* The lemma of each word that is one whole token, as a dictionary word
 * id (SET: LEMMAS): "struck" gets STRIKE, "attacks" ATTACK. */
static void lemmas(kh_unit *u)
{
    const kh_doc *d = u->doc;
    for (int i = 0; i < u->n && i < KH_MAX_LEX; i++) {
        kh_lexw *x = &u->lex[i];
        if (x->tok1 != x->tok0 + 1 || x->type == L_COMMA ||
            (d->tokens[x->tok0].flags & KH_TF_HYPHEN))
            continue;
        const char *l = d->lemma[x->tok0];
        if (!l || !*l)
            continue;
        char buf[MAX_WORD * 2];
        size_t m = kh_fold_word(l, strlen(l), buf, sizeof buf);
        if (m > sizeof buf)
            continue;
        uint32_t id = kh_dict_word_find(u->dict, buf, m);
        if (id != x->word)
            x->lemma = id;
    }
}

int kh_lex_build(kh_unit *u, size_t tok_first, size_t tok_end,
                 int split_clitics)
{
    const kh_doc *d = u->doc;
    wb w = {0};
    w.u = u;
    u->n = 0;
    u->nchars = 0;
    /* A sentence whose first quotation mark closes one began inside a
     * quote that an earlier sentence opened. */
    for (size_t i = tok_first; i < tok_end; i++) {
        int k = d->tokens[i].kind;
        if (k == KH_TOK_QUOTE_OPEN || k == KH_TOK_QUOTE_CLOSE) {
            w.quote = k == KH_TOK_QUOTE_CLOSE;
            break;
        }
    }
    int lower = 0, letters = 0;
    for (size_t i = tok_first; i < tok_end; i++) {
        const kh_token *t = &d->tokens[i];
        int glued = i > tok_first && !(t->flags & KH_TF_SPACE);
        if (wordish(t)) {
            if (split_clitics && clitic(d, t) && glued) {
                flush(&w);
                append(&w, d, t, i);
                flush(&w);
                continue;
            }
            if (!glued || !w.open)
                flush(&w);
            append(&w, d, t, i);
            for (uint32_t k = t->start; k < t->end; k++) {
                unsigned char c = (unsigned char)d->text[k];
                if (c >= 'a' && c <= 'z')
                    lower = 1, letters++;
                else if (c >= 'A' && c <= 'Z')
                    letters++;
            }
            continue;
        }
        /* U.S military: a period between glued letters stays inside */
        if (t->kind == KH_TOK_PUNCT && tok_is(d, t, ".") && w.open && glued &&
            i + 1 < tok_end && wordish(&d->tokens[i + 1]) &&
            !(d->tokens[i + 1].flags & KH_TF_SPACE)) {
            if (w.n < sizeof w.buf)
                w.buf[w.n++] = '.';
            continue;
        }
        flush(&w);
        if (t->kind == KH_TOK_QUOTE_OPEN || t->kind == KH_TOK_QUOTE_CLOSE)
            w.quote = t->kind == KH_TOK_QUOTE_OPEN;
        if (t->kind == KH_TOK_PUNCT &&
            (tok_is(d, t, ",") || tok_is(d, t, ";")))
            emit(&w, ",", 1, (uint32_t)i, (uint32_t)i + 1, L_COMMA, 0);
        /* everything else separates words and is dropped */
    }
    flush(&w);
    u->allcaps = letters > 0 && !lower;
    if (u->dict->options.lemmas && d->lemma && u->n <= KH_MAX_LEX)
        lemmas(u);
    /* the set of the unit's known words */
    memset(u->wordset, 0xff, sizeof u->wordset);
    uint32_t n = KH_WORDSET;
    for (int i = 0; i < u->n && i < KH_MAX_LEX; i++) {
        /* the word, and its lemma: patterns may need either */
        for (int twice = 0; twice < 2; twice++) {
            uint32_t wd = twice ? u->lex[i].lemma : u->lex[i].word;
            if (wd == KH_NONE)
                continue;
            uint32_t k = (wd * 2654435761u) % n;
            while (u->wordset[k] != KH_NONE && u->wordset[k] != wd)
                k = (k + 1) % n;
            u->wordset[k] = wd;
        }
    }
    return u->n;
}
