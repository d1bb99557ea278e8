/*
 * match.c - verb patterns (TABARI manual 5.5-5.7).
 *
 * A pattern is a run of elements with one * for the verb.  The elements
 * after * are matched forward from the verb; those before it backward
 * from the verb, each as close to the element on its right as it can be
 * (so in "$ *" the source is the actor nearest the verb, and in
 * "$ HOSTING ^ * TABASKI" the actor before HOSTING).  An element joined by
 * a connector must touch its neighbour; otherwise other words may come
 * between.  $ + % ^ take the nearest actor where they stand (source,
 * target, a compound, an actor skipped).  Matching stays inside the verb's
 * clause, does not cross a comma, and skips the words of dropped comma
 * clauses as if they were not there.
 *
 * The search backtracks (a word may occur twice; an alternative may fit
 * several ways) within a budget of steps per pattern, so no sentence can
 * make it slow.  Patterns are tried longest first; a match that used { | }
 * alternatives counts the letters it actually matched, and longer
 * patterns are still tried before it is taken (manual 5.7.1).  A synset
 * adds nothing to a pattern's length.
 */
#include "code.h"

#include <string.h>

#define STEP_BUDGET 20000
#define MAX_ENDS 16

typedef struct {
    const kh_unit *u;
    const kh_dict *d;
    int lo, hi;          /* the region: lex [lo, hi) */
    int verb, verb_end;  /* the verb's lex span [verb, verb_end) */
    int steps;
    int src, tgt, cmp;   /* slots taken by $ + % */
    uint64_t skipped;    /* slots passed over by ^ */
    uint32_t len;        /* letters matched by alternatives */
    int first, last;
} mctx;

static int vis(const mctx *c, int i)
{
    return i >= c->lo && i < c->hi && !(c->u->lex[i].flags & LF_ELIM);
}

static int next_vis(const mctx *c, int i)
{
    while (i < c->hi && !vis(c, i))
        i++;
    return i;
}

static int prev_vis(const mctx *c, int i)
{
    i--;
    while (i >= c->lo && !vis(c, i))
        i--;
    return i;
}

static int is_token(int t)
{
    return t == KH_PEL_SOURCE || t == KH_PEL_TARGET ||
           t == KH_PEL_COMPOUND || t == KH_PEL_SKIP;
}

static int phrase_ends(mctx *c, const kh_pel *els, uint32_t n, uint32_t k,
                       int pos, int *ends, int ne);
static int take_token(mctx *c, const kh_pel *e, int s);

/* The ends (one past the last word) at which element e can match when
 * its first word is at p.  Words, synsets and alternatives only. */
static int elem_ends(mctx *c, const kh_pel *e, int p, int *ends)
{
    if (++c->steps > STEP_BUDGET || !vis(c, p) || p == c->verb)
        return 0;
    const kh_unit *u = c->u;
    if (e->type == KH_PEL_WORD) {
        if (u->lex[p].type == L_COMMA || !kh_word_matches(u, e, p, 0))
            return 0;
        ends[0] = p + 1;
        return 1;
    }
    if (e->type != KH_PEL_ALT && e->type != KH_PEL_SYNSET)
        return 0;
    const kh_alt *g = &c->d->alts[e->arg];
    const kh_dict *d = c->d;
    int ne = 0;
    /* the phrases that start with this very word, found by its id (and
     * by its lemma's: SET: LEMMAS)... */
    for (int twice = 0; twice < 2; twice++) {
        uint32_t w = twice ? u->lex[p].lemma : u->lex[p].word;
        if (w == KH_NONE || !g->nkeys)
            continue;
        const kh_alt_key *k = d->alt_keys + g->keys_first;
        size_t lo = 0, hi = g->nkeys;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (k[mid].word < w)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < g->nkeys && k[lo].word == w && ne < MAX_ENDS; lo++) {
            kh_span s = d->alt_spans[g->first + k[lo].phrase];
            ne = phrase_ends(c, d->pels + s.first, s.n, 0, p, ends, ne);
        }
    }
    /* ...and those that start otherwise (a stem, a synset, a group) */
    for (uint32_t i = 0; i < g->nothers && ne < MAX_ENDS; i++) {
        kh_span s = d->alt_spans[g->first + d->alt_others[g->others_first + i]];
        ne = phrase_ends(c, d->pels + s.first, s.n, 0, p, ends, ne);
    }
    return ne;
}

/* Adds to ends[ne..] every end of phrase els[k..n) matched from pos (its
 * element k exactly at pos).  Returns the new count. */
static int phrase_ends(mctx *c, const kh_pel *els, uint32_t n, uint32_t k,
                       int pos, int *ends, int ne)
{
    if (k == n) {
        for (int i = 0; i < ne; i++)
            if (ends[i] == pos)
                return ne;
        if (ne < MAX_ENDS)
            ends[ne++] = pos;
        return ne;
    }
    const kh_pel *e = &els[k];
    if (e->type == KH_PEL_VERB)
        return ne;
    if (is_token(e->type)) {
        /* "+PESO_$": the actor right there (or the first one on, when
         * not joined) takes the role */
        for (int p = next_vis(c, pos); p < c->hi; p = next_vis(c, p + 1)) {
            int s = c->u->lex[p].slot;
            if (s >= 0 && c->u->slots[s].first == p) {
                if (!take_token(c, e, s))
                    return ne;
                return phrase_ends(c, els, n, k + 1, c->u->slots[s].last + 1,
                                   ends, ne);
            }
            if (k == 0 || e->adjacent)
                break;
        }
        return ne;
    }
    int sub[MAX_ENDS];
    int first = next_vis(c, pos);
    int last = k == 0 || e->adjacent ? first : c->hi - 1;
    for (int p = first; p <= last && p < c->hi; p = next_vis(c, p + 1)) {
        int ns = elem_ends(c, e, p, sub);
        for (int i = 0; i < ns; i++)
            ne = phrase_ends(c, els, n, k + 1, sub[i], ends, ne);
        if (c->steps > STEP_BUDGET)
            break;
    }
    return ne;
}

static void note(mctx *c, const kh_pel *e, int p, int end)
{
    if (p < c->first)
        c->first = p;
    if (end - 1 > c->last)
        c->last = end - 1;
    if (e->type == KH_PEL_ALT)
        for (int i = p; i < end; i++)
            c->len += c->u->lex[i].len + (i > p);
}

static int take_token(mctx *c, const kh_pel *e, int s)
{
    if (e->type == KH_PEL_COMPOUND && c->u->slots[s].compound < 0)
        return 0;
    if (e->type == KH_PEL_SOURCE)
        c->src = s;
    else if (e->type == KH_PEL_TARGET)
        c->tgt = s;
    else if (e->type == KH_PEL_COMPOUND)
        c->cmp = s;
    else if (s < 64)
        c->skipped |= (uint64_t)1 << s;
    return 1;
}

/* After the verb: elements els[k..n) from pos on. */
static int fwd(mctx *c, const kh_pel *els, uint32_t n, uint32_t k, int pos)
{
    if (k == n)
        return 1;
    const kh_pel *e = &els[k];
    int first = next_vis(c, pos);
    int last = e->adjacent ? first : c->hi - 1;
    for (int p = first; p <= last && p < c->hi; p = next_vis(c, p + 1)) {
        if (is_token(e->type)) {
            /* the first actor (or compound) from here, and only it */
            int s = c->u->lex[p].slot;
            if (s < 0 || c->u->slots[s].first != p)
                continue;
            if (e->type == KH_PEL_COMPOUND && c->u->slots[s].compound < 0)
                continue;
            int end = c->u->slots[s].last + 1;
            if (!fwd(c, els, n, k + 1, end))
                return 0;
            take_token(c, e, s);
            note(c, e, p, end);
            return 1;
        }
        int ends[MAX_ENDS];
        int ne = elem_ends(c, e, p, ends);
        for (int i = 0; i < ne; i++)
            if (fwd(c, els, n, k + 1, ends[i])) {
                note(c, e, p, ends[i]);
                return 1;
            }
        if (c->steps > STEP_BUDGET)
            return 0;
    }
    return 0;
}

/* Before the verb: elements els[0..k] leftward, element k ending at or
 * before right (exactly at right when joined to it). */
static int bwd(mctx *c, const kh_pel *els, int k, int right, int joined)
{
    if (k < 0)
        return 1;
    const kh_pel *e = &els[k];
    if (is_token(e->type)) {
        /* the nearest actor (or compound) that ends before right */
        for (int p = prev_vis(c, right); p >= c->lo; p = prev_vis(c, p)) {
            int s = c->u->lex[p].slot;
            if (s < 0)
                continue;
            const kh_slot *sl = &c->u->slots[s];
            if (sl->last >= right)
                continue;
            if (joined && next_vis(c, sl->last + 1) != right)
                return 0;
            if (e->type == KH_PEL_COMPOUND && sl->compound < 0) {
                if (joined)
                    return 0;
                p = sl->first;
                continue;
            }
            if (!bwd(c, els, k - 1, sl->first, e->adjacent))
                return 0;
            take_token(c, e, s);
            note(c, e, sl->first, sl->last + 1);
            return 1;
        }
        return 0;
    }
    for (int p = prev_vis(c, right); p >= c->lo; p = prev_vis(c, p)) {
        int ends[MAX_ENDS];
        int ne = elem_ends(c, e, p, ends);
        for (int i = 0; i < ne; i++) {
            int to = next_vis(c, ends[i]);
            if (joined ? to != right : ends[i] > right)
                continue;
            if (bwd(c, els, k - 1, p, e->adjacent)) {
                note(c, e, p, ends[i]);
                return 1;
            }
        }
        if (c->steps > STEP_BUDGET)
            return 0;
    }
    return 0;
}

static void init(mctx *c, const kh_unit *u, int verb)
{
    memset(c, 0, sizeof *c);
    c->u = u;
    c->d = u->dict;
    c->verb = verb;
    c->verb_end = u->lex[verb].end;
    int cl = u->lex[verb].clause;
    /* the region: the verb's clause, between the commas around it */
    int lo = verb, hi = c->verb_end;
    while (lo > 0 && u->lex[lo - 1].clause == cl &&
           !(u->lex[lo - 1].type == L_COMMA &&
             !(u->lex[lo - 1].flags & (LF_ELIM | LF_COMPOUND))))
        lo--;
    while (hi < u->n && u->lex[hi].clause == cl &&
           !(u->lex[hi].type == L_COMMA &&
             !(u->lex[hi].flags & (LF_ELIM | LF_COMPOUND))))
        hi++;
    c->lo = lo, c->hi = hi;
}

static int try_pattern(mctx *c, const kh_pattern *pt)
{
    c->steps = 0;
    c->src = c->tgt = c->cmp = -1;
    c->skipped = 0;
    c->len = 0;
    c->first = c->verb, c->last = c->verb_end - 1;
    const kh_pel *els = c->d->pels + pt->pels.first;
    int vk = -1;
    for (uint32_t i = 0; i < pt->pels.n; i++)
        if (els[i].type == KH_PEL_VERB)
            vk = (int)i;
    if (vk < 0)
        return 0;
    /* the part after the verb first: it is cheaper and fails more */
    if (!fwd(c, els, pt->pels.n, (uint32_t)vk + 1, c->verb_end))
        return 0;
    return bwd(c, els, vk - 1, c->verb, els[vk].adjacent);
}

static int has_alternatives(const kh_dict *d, const kh_pattern *pt)
{
    for (uint32_t i = 0; i < pt->pels.n; i++)
        if (d->pels[pt->pels.first + i].type == KH_PEL_ALT)
            return 1;
    return 0;
}

/* The fixed letters of a pattern: its length without its alternatives. */
static uint32_t fixed_length(const kh_dict *d, const kh_pattern *pt)
{
    uint32_t len = pt->length;
    for (uint32_t i = 0; i < pt->pels.n; i++) {
        const kh_pel *e = &d->pels[pt->pels.first + i];
        if (e->type != KH_PEL_ALT)
            continue;
        kh_span one = {pt->pels.first + i, 1};
        uint32_t l = kh_dict_span_length(d, one);
        len = len > l ? len - l : 0;
    }
    return len;
}

/* Whether the unit holds the first word of some phrase of group g. */
static int has_any(const kh_unit *u, uint32_t g)
{
    const kh_dict *d = u->dict;
    const kh_alt *a = &d->alts[g];
    const kh_alt_key *k = d->alt_keys + a->keys_first;
    for (uint32_t i = 0; i < a->nkeys; i++)
        if ((i == 0 || k[i].word != k[i - 1].word) &&
            kh_unit_has_word(u, k[i].word))
            return 1;
    return 0;
}

static int best_of(const kh_unit *u, int verb, uint32_t first, uint32_t np,
                   kh_pmatch *m)
{
    mctx c;
    init(&c, u, verb);
    const kh_dict *d = u->dict;
    int found = 0;
    uint32_t best_len = 0;
    for (uint32_t i = 0; i < np; i++) {
        const kh_pattern *pt = &d->patterns[first + i];
        if (found && pt->length <= best_len)
            break;
        int absent = 0;
        for (int k = 0; k < pt->nneed && !absent; k++)
            absent = !kh_unit_has_word(u, pt->need[k]);
        for (int k = 0; k < 2 && !absent && pt->need_alt[k] != KH_NONE; k++)
            absent = !has_any(u, pt->need_alt[k]);
        if (absent || !try_pattern(&c, pt))
            continue;
        int alts = has_alternatives(d, pt);
        uint32_t len = alts ? fixed_length(d, pt) + c.len : pt->length;
        if (!found || len > best_len) {
            found = 1;
            best_len = len;
            m->pattern = first + i;
            m->src = c.src, m->tgt = c.tgt, m->compound = c.cmp;
            m->designated = c.src >= 0 || c.tgt >= 0 || c.cmp >= 0;
            m->outside_first = 0;
            if (c.cmp >= 0) {
                for (int p = c.lo; p < c.hi; p++) {
                    int s = u->lex[p].slot;
                    if (s < 0 || u->slots[s].first != p)
                        continue;
                    m->outside_first = u->slots[s].compound !=
                                       u->slots[c.cmp].compound;
                    break;
                }
            }
            m->skipped = c.skipped;
            m->first = c.first, m->last = c.last;
        }
        if (!alts)
            break;   /* a fixed pattern's length is exact: nothing longer
                        remains untried */
    }
    return found;
}

int kh_match_verb(const kh_unit *u, int verb, uint32_t verb_index,
                  kh_pmatch *m)
{
    const kh_verb *v = &u->dict->verbs[verb_index];
    m->pattern = KH_NONE;
    m->src = m->tgt = m->compound = -1;
    m->designated = 0;
    m->skipped = 0;
    m->outside_first = 0;
    m->first = verb, m->last = u->lex[verb].end - 1;
    return best_of(u, verb, v->patterns_first, v->npatterns, m);
}

int kh_match_time(const kh_unit *u, int at, uint32_t time_index,
                  int32_t *shift, uint32_t *flags)
{
    const kh_time *t = &u->dict->times[time_index];
    kh_pmatch m;
    m.pattern = KH_NONE;
    *shift = t->shift;
    *flags = t->flags;
    if (t->npatterns &&
        best_of(u, at, t->patterns_first, t->npatterns, &m)) {
        const kh_pattern *pt = &u->dict->patterns[m.pattern];
        *flags = pt->code.flags & (KH_EC_NULL | KH_EC_DISCARD |
                                   KH_EC_COMPLEX);
        *shift = (int32_t)pt->code.code;
        return 1;
    }
    return 0;
}
