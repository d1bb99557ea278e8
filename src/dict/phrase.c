/*
 * phrase.c - phrases and patterns as the formats write them.
 *
 *   UNITED_STATES            two words, the second right after the first
 *   ITHILEN TELEVISION       other words may come between
 *   ESTONIA_                 a root word with its regular endings only
 *   MOUSE=                   the word exactly (in a pattern: the form
 *                            written, not a word whose lemma it is)
 *   REAL~_PLEASANT           REAL as a stem, PLEASANT right after it
 *   SAID * TO ATTEND         a verb pattern: * is the verb
 *   +_WAS_*_BY_$             + target, $ source, % compound, ^ skip
 *   { A | B C }_D            alternatives, then D right after
 *   &TIETYPES TIES           a synset
 *
 * A blank between two elements lets other words come between them; an
 * underscore (or a hyphen, which TABARI reads as one) makes the second
 * follow the first at once.  A word followed by an underscore is matched
 * exactly; a word followed by nothing is a stem.  For roots, the last word
 * with an underscore also takes its kind's regular endings.
 *
 * Alternatives are parsed into their own spans before the phrase that
 * holds them is appended, so every phrase is one contiguous span.
 */
#include "dict.h"

#include "../core/arena.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    kh_dict *d;
    const char *s;
    size_t n, i;
    int kind;
    const char *err;
    int depth;
} pp;

typedef struct {
    kh_pel *v;
    size_t n, cap;
} pvec;

static void pv_push(pvec *v, kh_pel p)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->v = kh_xrealloc(v->v, v->cap * sizeof *v->v);
    }
    v->v[v->n++] = p;
}

static kh_span commit(kh_dict *d, const pvec *v)
{
    kh_span s = {(uint32_t)d->npels, (uint32_t)v->n};
    for (size_t i = 0; i < v->n; i++)
        kh_dict_add_pel(d, v->v[i]);
    return s;
}

static int word_char(int c)
{
    return c && !isspace(c) && c != '_' && c != '-' && c != '~' &&
           c != '=' && c != '{' && c != '}' && c != '|';
}

static int token_char(int c)
{
    return c == '*' || c == '$' || c == '+' || c == '%' || c == '^';
}

/* Parses elements into v until '|', '}' or the end.  adj says whether the
 * first element is joined to what came before. */
static int parse_seq(pp *p, pvec *v, int adj)
{
    int pending_adj = adj;
    while (p->i < p->n) {
        char c = p->s[p->i];
        if (isspace((unsigned char)c)) {
            p->i++;
            pending_adj = 0;
            continue;
        }
        if (c == '|' || c == '}')
            return 1;
        if (c == '_' || c == '-') {   /* a connector before an element */
            p->i++;
            pending_adj = 1;
            continue;
        }
        kh_pel el = {0, KH_MATCH_STEM, (uint8_t)pending_adj, 0, 0};
        pending_adj = 0;
        if (c == '{') {
            if (++p->depth > 8) {
                p->err = "alternatives nested too deeply";
                return 0;
            }
            p->i++;
            uint32_t g = kh_dict_add_alt(p->d, KH_NONE);
            for (;;) {
                pvec alt = {0};
                if (!parse_seq(p, &alt, 0)) {
                    free(alt.v);
                    return 0;
                }
                if (alt.n == 0) {
                    free(alt.v);
                    p->err = "empty alternative in { | }";
                    return 0;
                }
                kh_dict_alt_add(p->d, g, commit(p->d, &alt));
                free(alt.v);
                if (p->i >= p->n) {
                    p->err = "missing } after alternatives";
                    return 0;
                }
                if (p->s[p->i++] == '}')
                    break;
            }
            p->depth--;
            el.type = KH_PEL_ALT;
            el.arg = g;
            pv_push(v, el);
            continue;
        }
        if (token_char(c)) {
            p->i++;
            el.type = c == '*'   ? KH_PEL_VERB
                      : c == '$' ? KH_PEL_SOURCE
                      : c == '+' ? KH_PEL_TARGET
                      : c == '%' ? KH_PEL_COMPOUND
                                 : KH_PEL_SKIP;
            pv_push(v, el);
            continue;
        }
        if (c == '&') {
            size_t a = ++p->i;
            while (p->i < p->n && isalnum((unsigned char)p->s[p->i]))
                p->i++;
            if (p->i == a) {
                p->err = "& without a synset name";
                return 0;
            }
            char name[128];
            size_t len = p->i - a + 1;
            if (len >= sizeof name) {
                p->err = "synset name too long";
                return 0;
            }
            name[0] = '&';
            memcpy(name + 1, p->s + a, len - 1);
            uint32_t syn = kh_dict_synset(p->d, name, len);
            if (syn == KH_NONE) {
                p->err = "synset used before it is defined";
                return 0;
            }
            el.type = KH_PEL_SYNSET;
            el.arg = syn;
            pv_push(v, el);
            continue;
        }
        if (c == '~' || c == '=') {
            p->err = "~ or = without a word before it";
            return 0;
        }
        /* a word */
        size_t a = p->i;
        while (p->i < p->n && word_char((unsigned char)p->s[p->i]))
            p->i++;
        size_t wl = p->i - a;
        if (wl == 0) {
            /* Regression, found by fuzz_dict_tabari: a NUL byte is no
             * word and no separator, and looped forever. */
            p->err = "unexpected character in phrase";
            return 0;
        }
        if (wl > 200) {
            p->err = "word longer than 200 characters";
            return 0;
        }
        el.type = KH_PEL_WORD;
        el.arg = kh_dict_word(p->d, p->s + a, wl);
        if (p->i < p->n && p->s[p->i] == '~') {
            p->i++;   /* a stem, joined to what follows if _ comes next */
        } else if (p->i < p->n && p->s[p->i] == '=') {
            p->i++;
            /* in a root: no endings; in a pattern or synset: the form
             * written, never a word whose lemma it is (SET: LEMMAS) */
            el.match = p->kind ? KH_MATCH_EXACT : KH_MATCH_FORM;
            el.pad = 1;   /* '=': never takes endings (cleared below) */
        } else if (p->i < p->n &&
                   (p->s[p->i] == '_' || p->s[p->i] == '-')) {
            el.match = KH_MATCH_EXACT;
        }
        pv_push(v, el);
    }
    return 1;
}

int kh_dict_parse_phrase(kh_dict *d, const char *s, size_t n, int kind,
                         kh_span *out, const char **err)
{
    pp p = {d, s, n, 0, kind, NULL, 0};
    pvec v = {0};
    int ok = parse_seq(&p, &v, 0);
    if (ok && p.i < p.n) {
        p.err = p.s[p.i] == '}' ? "} without {" : "| outside { }";
        ok = 0;
    }
    if (ok && v.n == 0) {
        p.err = "empty phrase";
        ok = 0;
    }
    if (ok && kind) {
        /* Roots are words only; the last word's underscore means its
         * regular endings, an '=' means none. */
        for (size_t i = 0; i < v.n; i++)
            if (v.v[i].type != KH_PEL_WORD) {
                p.err = "only words may make an actor, agent or verb "
                        "phrase";
                ok = 0;
                break;
            }
        if (ok) {
            kh_pel *last = &v.v[v.n - 1];
            if (last->match == KH_MATCH_EXACT && !last->pad)
                last->match = KH_MATCH_ENDINGS;
        }
    }
    if (ok) {
        for (size_t i = 0; i < v.n; i++)
            v.v[i].pad = 0;
        *out = commit(d, &v);
    } else if (err) {
        *err = p.err ? p.err : "malformed phrase";
    }
    free(v.v);
    return ok;
}

static uint32_t pel_length(const kh_dict *d, const kh_pel *e)
{
    size_t len = 0;
    switch (e->type) {
    case KH_PEL_WORD:
        kh_dict_word_text(d, e->arg, &len);
        return (uint32_t)len + (e->match != KH_MATCH_STEM ? 1 : 0);
    case KH_PEL_SYNSET:
        return 0;   /* a synset adds nothing (SYNSET-07: * DOLLAR beats
                       * &CURRENCY) */
    case KH_PEL_ALT: {
        const kh_alt *g = &d->alts[e->arg];
        uint32_t best = 0;
        for (uint32_t i = 0; i < g->n; i++) {
            uint32_t l = kh_dict_span_length(d, d->alt_spans[g->first + i]);
            if (l > best)
                best = l;
        }
        return best;
    }
    default:
        return 0;
    }
}

uint32_t kh_dict_span_length(const kh_dict *d, kh_span s)
{
    uint32_t len = 0;
    for (uint32_t i = 0; i < s.n; i++) {
        const kh_pel *e = &d->pels[s.first + i];
        len += pel_length(d, e);
        /* A connector counts once: with the exact word before it, or
         * here when what comes before is not such a word. */
        if (e->adjacent && i > 0) {
            const kh_pel *b = &d->pels[s.first + i - 1];
            if (!(b->type == KH_PEL_WORD && b->match != KH_MATCH_STEM))
                len++;
        }
    }
    return len;
}
