/*
 * events.c - who did what to whom (TABARI manual 5.8, 6.6, 7.6, 7.9).
 *
 * In each clause the verbs are tried left to right; a verb's code comes
 * from its longest matching pattern, else from the verb itself.  Source
 * and target come from the pattern's $ + %, else from the default
 * searches: the source is the first actor before the verb (in a later
 * clause, the source carried over unless an actor opens the clause), the
 * target the first actor after the verb with another code, else the
 * first such actor before it.  "X was attacked by Y" swaps them.  A
 * compound multiplies the events; a paired code (032:033) adds the
 * reverse event.  CODE BY CLAUSE (the default) keeps the first event of
 * each clause; a subordinate code (023?) counts only when nothing else
 * codes, a dominant one (111!) silences the others.
 */
#include "code.h"

#include "../tag/tag.h"

#include <stdio.h>
#include <string.h>

#define DEFAULT_SLOT (-2)

typedef struct {
    int slot;            /* a slot, DEFAULT_SLOT, or -1 */
    const char *code;    /* for DEFAULT_SLOT */
} who;

static int slot_here(const kh_unit *u, int i)
{
    int s = u->lex[i].slot;
    if (s < 0 || u->slots[s].nul || u->slots[s].first != i)
        return -1;
    return s;
}

/* The first actor whose phrase starts in [from, to), other than the
 * slots in skip (a bit per slot: the source, actors passed over by ^).
 * With not, its code must differ from not, except for a pronoun that
 * stands for a compound ("they presented their credentials": the
 * compound is its own target, less each member's event with itself). */
static int anchor_of(const kh_unit *u, int s)
{
    if (s < 0)
        return -1;
    const kh_slot *sl = &u->slots[s];
    return sl->pronoun ? u->lex[sl->first].ref : sl->first;
}

static int first_slot_a(const kh_unit *u, int from, int to, const char *not,
                        uint64_t skip, int src_anchor)
{
    for (int i = from < 0 ? 0 : from; i < to && i < u->n; i++) {
        int s = slot_here(u, i);
        /* the last words of a phrase that began before from, as in
         * "Durthang ... and an Orc leader" (DEBUG-01) */
        if (s < 0 && u->lex[i].type == L_LITR && u->lex[i].head >= 0 &&
            u->lex[i].head < from)
            s = slot_here(u, u->lex[i].head);
        if (s < 0 || (s < 64 && (skip >> s) & 1))
            continue;
        if (not && strcmp(u->slots[s].code, not) == 0) {
            /* a pronoun for a compound may be its own target, unless it
             * stands for the source itself (TABARI compares where they
             * point, not their codes: COMPOUND-24 against DEBUG-06) */
            const kh_slot *sl = &u->slots[s];
            if (!(sl->pronoun && sl->compound >= 0 &&
                  u->lex[sl->first].ref != src_anchor))
                continue;
        }
        return s;
    }
    return -1;
}

static int first_slot(const kh_unit *u, int from, int to, const char *not,
                      uint64_t skip)
{
    return first_slot_a(u, from, to, not, skip, -2);
}

static uint64_t bit(int s)
{
    return s >= 0 && s < 64 ? (uint64_t)1 << s : 0;
}

static int s_bit_skip(uint64_t skip, int s)
{
    return (skip & bit(s)) != 0;
}

/* Whether the verb at v is negated: NOT, NEVER or a -N'T word among the
 * three words before it (auxiliaries and adverbs come between: "did not
 * attack", "has never met", "won't sign"), with no actor, comma or
 * conjunction between. */
static int negated(const kh_unit *u, int v)
{
    for (int i = v - 1, k = 0; i >= 0 && k < 3; i--) {
        const kh_lexw *x = &u->lex[i];
        if (x->flags & LF_ELIM)
            continue;
        if (x->type == L_ACTOR || x->type == L_COMMA || x->type == L_CONJ ||
            x->type == L_VERB || x->type == L_PRONOUN || x->type == L_LITR)
            return 0;
        size_t n;
        const char *t = kh_lex_text(u, i, &n);
        if ((n == 3 && memcmp(t, "NOT", 3) == 0) ||
            (n == 5 && memcmp(t, "NEVER", 5) == 0) ||
            (n == 6 && memcmp(t, "CANNOT", 6) == 0) ||
            (n >= 3 && memcmp(t + n - 3, "N'T", 3) == 0))
            return 1;
        k++;
    }
    return 0;
}

static int clause_start(const kh_unit *u, int c)
{
    for (int i = 0; i < u->n; i++)
        if (u->lex[i].clause == c)
            return i;
    return u->n;
}

static int visible(const kh_unit *u, int i)
{
    return i >= 0 && i < u->n && !(u->lex[i].flags & LF_ELIM);
}

/* "X was (fiercely) attacked (earlier) by Y": an auxiliary one or two
 * words before the verb, BY one or two words after it.  Returns the
 * position of BY, or -1. */
static int passive_by(const kh_unit *u, int v)
{
    int aux = 0;
    for (int k = 1, i = v - 1; k <= 2 && i >= 0; i--) {
        if (!visible(u, i))
            continue;
        if (u->lex[i].type == L_AUXIL)
            aux = 1;
        k++;
    }
    if (!aux)
        return -1;
    for (int k = 1, i = u->lex[v].end; k <= 2 && i < u->n; i++) {
        if (!visible(u, i))
            continue;
        if (u->lex[i].type == L_BY)
            return i;
        k++;
    }
    return -1;
}

static const char *who_code(const kh_unit *u, who w)
{
    return w.slot == DEFAULT_SLOT ? w.code
           : w.slot >= 0          ? u->slots[w.slot].code
                                  : NULL;
}

/* The slots an actor stands for: its compound's members, or itself. */
static int members(const kh_unit *u, who w, int *out)
{
    if (w.slot < 0)
        return 0;
    const kh_slot *s = &u->slots[w.slot];
    if (s->compound < 0) {
        out[0] = w.slot;
        return 1;
    }
    int n = 0;
    for (int k = 0; k < u->nslots && n < KH_MAX_ACTORS; k++) {
        const kh_slot *o = &u->slots[k];
        if (o->compound == s->compound && !o->pronoun && !o->nul)
            out[n++] = k;
    }
    return n;
}

/* The codes of a coded compound ("FRO/BIL/SAM") one by one. */
static int split_codes(const char *code, char parts[][KH_CODE_LEN], int max)
{
    int n = 0;
    const char *p = code;
    while (*p && n < max) {
        const char *slash = strchr(p, '/');
        size_t k = slash ? (size_t)(slash - p) : strlen(p);
        if (k >= KH_CODE_LEN)
            k = KH_CODE_LEN - 1;
        memcpy(parts[n], p, k);
        parts[n][k] = '\0';
        n++;
        if (!slash)
            break;
        p = slash + 1;
    }
    return n;
}

static void add_event(kh_unit *u, const char *src, const char *tgt,
                      const char *code, int ss, int ts, int v,
                      const kh_pmatch *m, uint32_t vi, const kh_ecode *ec)
{
    if (strcmp(src, tgt) == 0)
        return;   /* an actor does nothing to itself */
    for (int i = 0; i < u->nevents; i++)
        if (strcmp(u->events[i].source, src) == 0 &&
            strcmp(u->events[i].target, tgt) == 0 &&
            strcmp(u->events[i].code, code) == 0)
            return;   /* the same event twice */
    kh_cevent *e;
    if (u->to_pending) {
        for (int i = 0; i < u->npending; i++)
            if (strcmp(u->pending[i].target, tgt) == 0 &&
                strcmp(u->pending[i].code, code) == 0)
                return;
        if (u->npending >= KH_MAX_PENDING)
            return;
        e = &u->pending[u->npending++];
    } else {
        if (u->nevents >= KH_MAX_EVENTS)
            return;
        e = &u->events[u->nevents++];
    }
    memset(e, 0, sizeof *e);
    snprintf(e->source, sizeof e->source, "%s", src);
    snprintf(e->target, sizeof e->target, "%s", tgt);
    snprintf(e->code, sizeof e->code, "%s", code);
    e->src_slot = (int16_t)ss;
    e->tgt_slot = (int16_t)ts;
    e->verb = (int16_t)v;
    e->pattern = m->pattern;
    e->verb_index = vi;
    e->subord = (ec->flags & KH_EC_SUBORD) != 0;
    e->dominant = (ec->flags & KH_EC_DOMINANT) != 0;
}

/* Adds the events of source src and target tgt with code ec.  Returns
 * how many were added. */
static int emit(kh_unit *u, who src, who tgt, const kh_ecode *ec, int v,
                const kh_pmatch *m, uint32_t vi, const char *code)
{
    /* % with a paired code: each pair of members once, A 044 B and
     * B 045 A (PATTERN-26) */
    int half = m->compound >= 0 && src.slot == tgt.slot &&
               (ec->flags & KH_EC_PAIRED) && m->outside_first;
    const kh_dict *d = u->dict;
    int before = u->nevents + u->npending;
    int sm[KH_MAX_ACTORS], tm[KH_MAX_ACTORS];
    int ns = src.slot == DEFAULT_SLOT ? 1 : members(u, src, sm);
    int nt = tgt.slot == DEFAULT_SLOT ? 1 : members(u, tgt, tm);
    /* A target found inside the source's own compound stands alone. */
    if (src.slot >= 0 && tgt.slot >= 0 && src.slot != tgt.slot &&
        !u->slots[tgt.slot].pronoun &&
        u->slots[src.slot].compound >= 0 &&
        u->slots[src.slot].compound == u->slots[tgt.slot].compound) {
        tm[0] = tgt.slot;
        nt = 1;
    }
    if (src.slot == DEFAULT_SLOT)
        sm[0] = DEFAULT_SLOT;
    if (tgt.slot == DEFAULT_SLOT)
        tm[0] = DEFAULT_SLOT;
    const char *c1 = code ? code : kh_dict_str_text(d, ec->code);
    const char *c2 = ec->code2 != KH_NONE && !code
                         ? kh_dict_str_text(d, ec->code2)
                         : NULL;
    for (int i = 0; i < ns; i++) {
        char sp[8][KH_CODE_LEN];
        int nsp = split_codes(sm[i] == DEFAULT_SLOT ? src.code
                                                    : u->slots[sm[i]].code,
                              sp, 8);
        for (int j = 0; j < nt; j++) {
            char tp[8][KH_CODE_LEN];
            int ntp = split_codes(tm[j] == DEFAULT_SLOT
                                      ? tgt.code
                                      : u->slots[tm[j]].code,
                                  tp, 8);
            if (half && j <= i)
                continue;
            for (int a = 0; a < nsp; a++)
                for (int b = 0; b < ntp; b++) {
                    add_event(u, sp[a], tp[b], c1, sm[i], tm[j], v, m, vi,
                              ec);
                    if (c2)
                        add_event(u, tp[b], sp[a], c2, tm[j], sm[i], v, m,
                                  vi, ec);
                }
        }
    }
    return u->nevents + u->npending - before;
}

/* ---- our rules (SET: lines of khaldun.options; dict.h) ----------------- */

static int code_is(const kh_dict *d, const kh_ecode *ec, const char *root)
{
    return ec->code != KH_NONE &&
           strncmp(kh_dict_str_text(d, ec->code), root, 2) == 0;
}

/* A verb of saying: a subordinate code of root 01 ("said" [010?]). */
static int saying(const kh_dict *d, const kh_ecode *ec)
{
    return (ec->flags & KH_EC_SUBORD) && code_is(d, ec, "01");
}

/* Material conflict that someone did to someone: roots 18, 19, 20. */
static int violent(const char *code)
{
    return strncmp(code, "18", 2) == 0 || strncmp(code, "19", 2) == 0 ||
           strncmp(code, "20", 2) == 0;
}

static int same_country(const char *a, const char *b)
{
    return strlen(a) >= 3 && strlen(b) >= 3 && memcmp(a, b, 3) == 0 &&
           memcmp(a, "---", 3) != 0;
}

/* The slots of code's country, and the unknown ones. */
static uint64_t country_bits(const kh_unit *u, const char *code)
{
    uint64_t b = 0;
    for (int k = 0; k < u->nslots && k < 64; k++)
        if (same_country(u->slots[k].code, code))
            b |= bit(k);
    return b;
}

static uint64_t placed_bits(const kh_unit *u)
{
    uint64_t b = 0;
    for (int k = 0; k < u->nslots && k < 64; k++)
        if (u->slots[k].placed)
            b |= bit(k);
    return b;
}

static uint64_t unknown_bits(const kh_unit *u)
{
    uint64_t b = 0;
    for (int k = 0; k < u->nslots && k < 64; k++)
        if (u->slots[k].unknown)
            b |= bit(k);
    return b;
}

static int text_is(const kh_unit *u, int i, const char *s)
{
    size_t n;
    const char *t = kh_lex_text(u, i, &n);
    return n == strlen(s) && memcmp(t, s, n) == 0;
}

/* SET: RELATIVE CLAUSES.  Whether the verb at v opens a relative clause:
 * THAT WHICH WHO after a noun, with at most three auxiliaries or adverbs
 * between ("the strike that was carried out", "militants who had
 * attacked").  "said that" is no relative clause; the tagger, when it ran,
 * says which THAT is which. */
static int relative_verb(const kh_unit *u, int v)
{
    for (int i = v - 1, k = 0; i >= 0 && k < 4; i--) {
        const kh_lexw *x = &u->lex[i];
        if (!visible(u, i))
            continue;
        if (text_is(u, i, "THAT") || text_is(u, i, "WHICH") ||
            text_is(u, i, "WHO") || text_is(u, i, "WHOM")) {
            if (u->doc->lemma && u->doc->tokens[x->tok0].tag)
            {
                int t = u->doc->tokens[x->tok0].tag;
                return t == KH_POS_WDT || t == KH_POS_WP;
            }
            return i > 0 && u->lex[i - 1].type != L_VERB;
        }
        if (x->type != L_AUXIL && x->type != L_NULL)
            return 0;
        k++;
    }
    return 0;
}

/* The first word of the comma region around v (match.c's region). */
static int region_start(const kh_unit *u, int v)
{
    int cl = u->lex[v].clause, lo = v;
    while (lo > 0 && u->lex[lo - 1].clause == cl &&
           !(u->lex[lo - 1].type == L_COMMA &&
             !(u->lex[lo - 1].flags & (LF_ELIM | LF_COMPOUND))))
        lo--;
    return lo;
}

/* Whether the actor phrase starting at i is the object of a preposition
 * ("US forces in Iraq", "a strike on Kataib Hezbollah"). */
static int after_preposition(const kh_unit *u, int i)
{
    static const char *const preps[] = {
        "IN", "OF", "AT", "ON", "FROM", "TO", "WITH", "NEAR", "AGAINST",
        "INTO", "INSIDE", "ACROSS", "AROUND", "OUTSIDE", "TOWARD", "TOWARDS",
        "FOR", "OVER", "UNDER", "BETWEEN", "AMONG", "WITHIN", "ALONG",
        "BEYOND", "BEHIND", "BY", "ABOUT", "UPON"};
    int j = i - 1;
    while (j >= 0 && (!visible(u, j) || u->lex[j].type == L_DETERM ||
                      u->lex[j].type == L_ADJ))
        j--;
    if (j < 0)
        return 0;
    for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
        if (text_is(u, j, preps[k]))
            return 1;
    return 0;
}

/* SET: NEAREST SOURCE.  The subject of the verb at v: the first actor of
 * its comma region after any verb before it, that is no preposition's
 * object ("the Pentagon said American aircraft struck": the aircraft;
 * "US forces in Iraq struck": US forces).  -1 when there is none. */
static int near_source(const kh_unit *u, int cs, int v, const char *not,
                       uint64_t skip)
{
    int lo = region_start(u, v);
    if (lo < cs)
        lo = cs;
    for (int i = v - 1; i >= lo; i--)
        if (u->lex[i].type == L_VERB && visible(u, i)) {
            lo = u->lex[i].end;
            break;
        }
    for (int i = lo; i < v; i++) {
        int s = slot_here(u, i);
        if (s < 0 || (s < 64 && (skip >> s) & 1))
            continue;
        if (not && strcmp(u->slots[s].code, not) == 0)
            continue;
        if (after_preposition(u, i))
            continue;
        return s;
    }
    return -1;
}

static int relative_pronoun(const kh_unit *u, int i)
{
    return text_is(u, i, "THAT") || text_is(u, i, "WHICH") ||
           text_is(u, i, "WHO") || text_is(u, i, "WHOM");
}

/* SET: CLAUSE SUBJECTS.  The subject of a relative clause's verb that
 * names none between the pronoun and the verb: the actor the pronoun
 * stands for, right before it ("militants who attacked", "the court,
 * which sentenced"), else -1: "a terrorist who took part in killing
 * policemen" has no known subject, whatever actor came earlier. */
static int relative_subject(const kh_unit *u, int v)
{
    for (int i = v - 1; i >= 0; i--) {
        if (!visible(u, i) || !relative_pronoun(u, i))
            continue;
        int j = i - 1;
        while (j >= 0 && (!visible(u, j) || u->lex[j].type == L_COMMA))
            j--;
        for (int k = 0; j >= 0 && k < u->nslots; k++)
            if (!u->slots[k].nul && j >= u->slots[k].first &&
                j <= u->slots[k].last)
                return k;
        return -1;
    }
    return -1;
}

/* SET: CLAUSE SUBJECTS.  Whether the clause of the verb at v says its
 * own subject, which the nearest actor search found none of: walking back
 * over the verbs of its region with no actor between ("took part in
 * killing", "decided to form"), a relative clause's is the actor its
 * pronoun stands for, a THAT clause's ("said in a statement that the
 * convict confessed") is no actor, and an actor between two verbs ("Iran
 * said Iraq decided to form") is the later verbs' subject.  Returns 1
 * with *subj (a slot, or -1: no known subject), or 0 when the clause
 * does not say. */
static int clause_subject(const kh_unit *u, int cs, int v, int *subj)
{
    int lo = region_start(u, v);
    if (lo < cs)
        lo = cs;
    for (int w = v, steps = 0; steps < 8; steps++) {
        if (relative_verb(u, w)) {
            *subj = relative_subject(u, w);
            return 1;
        }
        int pv = -1;
        for (int i = w - 1; i >= lo; i--)
            if (u->lex[i].type == L_VERB && visible(u, i)) {
                pv = i;
                break;
            }
        if (pv < 0)
            return 0;
        for (int i = u->lex[pv].end; i < w; i++) {
            if (!visible(u, i))
                continue;
            int s = slot_here(u, i);
            if (s >= 0 && !after_preposition(u, i)) {
                *subj = s;
                return 1;
            }
            if (text_is(u, i, "THAT")) {
                *subj = -1;
                return 1;
            }
        }
        w = pv;
    }
    return 0;
}

/* "The List announced ... on Thursday, accusing rival parties of fraud":
 * a present participle that opens a clause after a comma, after the
 * unit's first verb, says what the main clause's subject did.  Sets *subj
 * to that subject, the actor between the unit's start and its first verb
 * (-1 when none: nothing known did it), and returns 1; 0 when v is not
 * such a participle. */
static int participle_subject(const kh_unit *u, int v, int *subj)
{
    const kh_token *t = &u->doc->tokens[u->lex[v].tok0];
    if (t->tag != KH_POS_VBG)
        return 0;
    int p = v - 1;
    while (p >= 0 && !visible(u, p))
        p--;
    if (p < 0 || u->lex[p].type != L_COMMA)
        return 0;
    int first = -1;
    for (int i = 0; i < p && first < 0; i++)
        if (u->lex[i].type == L_VERB && visible(u, i))
            first = i;
    if (first < 0)
        return 0;
    *subj = -1;
    for (int i = 0; i < first; i++) {
        if (!visible(u, i))
            continue;
        int s = slot_here(u, i);
        if (s >= 0 && !after_preposition(u, i)) {
            *subj = s;
            break;
        }
    }
    return 1;
}

static int be_form(const kh_unit *u, int i)
{
    return u->lex[i].type == L_AUXIL || text_is(u, i, "IS") ||
           text_is(u, i, "ARE") || text_is(u, i, "BE") ||
           text_is(u, i, "BEING");
}

static int have_form(const kh_unit *u, int i)
{
    return text_is(u, i, "HAS") || text_is(u, i, "HAVE") ||
           text_is(u, i, "HAD") || text_is(u, i, "HAVING");
}

/* Whether the verb at v is passive: a form of BE before it (adverbs
 * aside), or a past participle that no HAVE comes before ("ten soldiers
 * killed in Ukraine", "militants trained by Iran"; the tagger tells the
 * participle from the past tense). */
static int passive_form(const kh_unit *u, int v)
{
    const kh_token *t = &u->doc->tokens[u->lex[v].tok0];
    int vbn = t->tag == KH_POS_VBN;
    for (int i = v - 1, k = 0; i >= 0 && k < 3; i--) {
        if (!visible(u, i))
            continue;
        if (be_form(u, i))
            return 1;
        if (have_form(u, i))
            return 0;
        const kh_token *ti = &u->doc->tokens[u->lex[i].tok0];
        int adverb = ti->tag ? ti->tag == KH_POS_RB || ti->tag == KH_POS_RBR
                             : text_is(u, i, "ALSO");
        if (!adverb || u->lex[i].type != L_NULL)
            break;
        k++;
    }
    if (!vbn)
        return 0;
    /* a participle alone is passive only when no object follows it ("ten
     * soldiers killed in Ukraine"; the tagger also calls the past tense
     * of "forces killed five militants" a participle) */
    int j = u->lex[v].end;
    while (j < u->n && !visible(u, j))
        j++;
    if (j >= u->n || u->lex[j].type == L_COMMA || u->lex[j].type == L_BY ||
        u->lex[j].type == L_PREP)
        return 1;
    static const char *const after[] = {"ON", "AT", "NEAR", "DURING",
                                        "AFTER", "WHILE", "WHEN", "AS",
                                        "AMID", "FROM", "INSIDE", "OUTSIDE"};
    for (size_t k = 0; k < sizeof after / sizeof *after; k++)
        if (text_is(u, j, after[k]))
            return 1;
    return 0;
}

/* "X is being attacked", "X was targeted on Friday by Y": the passive
 * with IS ARE BE BEING, or a participle alone, and BY up to four words on
 * (SET: NEAREST SOURCE; TABARI's own rule is passive_by). */
static int passive_by_wide(const kh_unit *u, int v)
{
    if (!passive_form(u, v))
        return -1;
    for (int k = 1, i = u->lex[v].end; k <= 4 && i < u->n; i++) {
        if (!visible(u, i))
            continue;
        if (u->lex[i].type == L_BY)
            return i;
        if (u->lex[i].type == L_ACTOR || u->lex[i].type == L_VERB ||
            u->lex[i].type == L_COMMA || u->lex[i].type == L_CONJ)
            break;
        k++;
    }
    return -1;
}

/* "X was martyred", "two soldiers were (also) killed", "ten soldiers
 * killed in Ukraine": a passive past participle and no BY after it.  The
 * subject is the target; the source is not said. */
static int passive_no_by(const kh_unit *u, int v)
{
    const kh_token *t = &u->doc->tokens[u->lex[v].tok0];
    size_t n;
    const char *w = kh_lex_text(u, v, &n);
    int participle = t->tag ? t->tag == KH_POS_VBN
                            : n > 3 && (memcmp(w + n - 2, "ED", 2) == 0 ||
                                        memcmp(w + n - 2, "EN", 2) == 0);
    return participle && passive_form(u, v);
}

/* Whether a phrase of the dictionaries' &GRIEVANCE synset is in the unit
 * ("violations", "the most serious incidents", "flagrant"): what makes a
 * report a complaint.  Members are words, joined or not. */
static int grievance(const kh_unit *u)
{
    const kh_dict *d = u->dict;
    if (d->grievance == KH_NONE)
        return 0;
    const kh_alt *g = &d->alts[d->grievance];
    for (uint32_t k = 0; k < g->n; k++) {
        kh_span sp = d->alt_spans[g->first + k];
        for (int i = 0; i < u->n; i++) {
            int j = i;
            uint32_t e = 0;
            for (; e < sp.n && j < u->n; e++, j++) {
                const kh_pel *p = &d->pels[sp.first + e];
                if (p->type != KH_PEL_WORD || !kh_word_matches(u, p, j, 0))
                    break;
            }
            if (e == sp.n)
                return 1;
        }
    }
    return 0;
}

static void accusations(kh_unit *u, int from, int v, const kh_pmatch *m,
                        uint32_t vi, const kh_ecode *ec)
{
    if (u->speaker < 0 || u->slots[u->speaker].nul ||
        u->slots[u->speaker].unknown || !grievance(u))
        return;
    char spk[KH_CODE_LEN];
    memcpy(spk, u->slots[u->speaker].code, KH_CODE_LEN);
    kh_ecode acc = *ec;
    acc.flags &= ~(KH_EC_SUBORD | KH_EC_PAIRED);
    int end = u->nevents;
    for (int i = from; i < end; i++) {
        const kh_cevent *e = &u->events[i];
        if (!violent(e->code) || strchr(spk, '/'))
            continue;
        if (!same_country(spk, e->target) || strcmp(spk, e->target) == 0 ||
            same_country(spk, e->source) || !strcmp(e->source, "---"))
            continue;
        char src[KH_CODE_LEN];
        memcpy(src, e->source, KH_CODE_LEN);
        int ss = e->src_slot;
        add_event(u, spk, src, "1123", u->speaker, ss, v, m, vi, &acc);
    }
}

/* SET: FUTURE AS INTENT.  "Iraq will withdraw its forces", "the US will
 * supply arms": what is announced for later is intent (CAMEO's 03 for
 * cooperation, 13 for threats), as its codebook pairs them.  Returns the
 * intent code of code, or NULL when code has none (statements, appeals,
 * demands, investigations, intents already). */
static const char *intent_of(const char *c)
{
    static const struct {
        const char *from, *to;   /* longest prefix first */
    } map[] = {
        {"057", "036"}, {"05", "030"}, {"04", "036"},
        {"060", "031"}, {"061", "0311"}, {"062", "0312"}, {"063", "0313"},
        {"064", "0314"},
        {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
        {"07", "033"},
        {"081", "0351"}, {"082", "0352"}, {"0831", "0341"}, {"0832", "0342"},
        {"0833", "0343"}, {"0834", "0344"}, {"083", "034"}, {"084", "0353"},
        {"085", "0354"}, {"086", "0355"}, {"087", "0356"}, {"08", "035"},
        {"14", "133"},
        {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"},
        {"165", "135"}, {"166", "136"}, {"16", "131"},
        {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"},
        {"1724", "1324"}, {"172", "132"}, {"175", "137"}, {"17", "130"},
        {"18", "1383"},
        {"191", "1381"}, {"192", "1382"}, {"19", "138"},
        {"204", "1385"}, {"20", "1383"},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
        size_t k = strlen(map[i].from);
        if (strncmp(c, map[i].from, k) != 0)
            continue;
        /* a longer entry of the same stem may come later: 0831 after 08 */
        for (size_t j = i + 1; j < sizeof map / sizeof *map; j++) {
            size_t kj = strlen(map[j].from);
            if (kj > k && strncmp(c, map[j].from, kj) == 0)
                return map[j].to;
        }
        return map[i].to;
    }
    return NULL;
}

/* Whether WILL SHALL WOULD ('LL) comes right before the verb at v,
 * adverbs aside ("will soon withdraw"). */
static int future(const kh_unit *u, int v)
{
    for (int i = v - 1, k = 0; i >= 0 && k < 3; i--) {
        if (!visible(u, i))
            continue;
        if (text_is(u, i, "WILL") || text_is(u, i, "SHALL") ||
            text_is(u, i, "WOULD") || text_is(u, i, "'LL"))
            return 1;
        /* "ready to deepen cooperation", "its readiness to resume
         * talks", "prepared to sign", "intends to send" */
        if (text_is(u, i, "TO") && i > 0) {
            int p = i - 1;
            while (p >= 0 && !visible(u, p))
                p--;
            static const char *const ready[] = {
                "READY", "READINESS", "WILLING", "WILLINGNESS", "PREPARED",
                "INTENDS", "INTEND", "INTENTION", "PLANS", "PLANNED",
                "EAGER", "DETERMINED"};
            for (size_t r = 0; p >= 0 && r < sizeof ready / sizeof *ready;
                 r++)
                if (text_is(u, p, ready[r]))
                    return 1;
            return 0;
        }
        const kh_token *t = &u->doc->tokens[u->lex[i].tok0];
        int adverb = t->tag ? t->tag == KH_POS_RB || t->tag == KH_POS_RBR
                            : 0;
        if (!adverb || u->lex[i].type != L_NULL)
            return 0;
        k++;
    }
    return 0;
}

/* Codes the verb at v of clause c.  Returns 0 when it coded nothing, 1
 * for subordinate events only, 2 for others; -1 when the unit is done
 * (a discard or complex code). */
static int code_verb(kh_unit *u, int c, int cs, int ce, int v, int opener,
                     int carry, int *coded_src)
{
    const kh_dict *d = u->dict;
    const kh_options *o = &d->options;
    kh_lexw *x = &u->lex[v];
    uint32_t vi = d->roots[x->root].payload;
    kh_pmatch m;
    kh_match_verb(u, v, vi, &m);
    const kh_ecode *ec = m.pattern != KH_NONE ? &d->patterns[m.pattern].code
                                              : &d->verbs[vi].code;
    if ((ec->flags & (KH_EC_DISCARD | KH_EC_COMPLEX)) &&
        d->format == KH_DICT_PETRARCH) {
        /* PETRARCH has no complex codes in patterns and keeps its
         * discards in their own list: such a pattern only stops the
         * verb's own code from applying */
        ec = &d->verbs[vi].code;
    }
    if (ec->flags & KH_EC_DISCARD) {
        u->status = KH_UNIT_DISCARD;
        u->why = "discard code in a verb pattern";
        return -1;
    }
    if (ec->flags & KH_EC_COMPLEX) {
        u->status = KH_UNIT_COMPLEX;
        u->why = "complex code in a verb pattern";
        return -1;
    }
    if ((ec->flags & KH_EC_NULL) || ec->code == KH_NONE)
        return 0;
    if (o->negation && negated(u, v))
        return 0;   /* "did not attack": nothing happened */
    int vend = x->end;
    who src = {m.src, NULL}, tgt = {m.tgt, NULL};
    if (m.compound >= 0)
        src.slot = tgt.slot = m.compound;
    uint64_t skip = m.skipped;
    /* an agent of no known country is never a target */
    uint64_t unknown = o->lone_agents ? unknown_bits(u) : 0;
    if (tgt.slot >= 0 && (bit(tgt.slot) & unknown))
        return 0;
    int by = -1;
    if (!m.designated) {
        by = o->nearest_source ? passive_by_wide(u, v) : passive_by(u, v);
    } else if (o->nearest_source && m.tgt >= 0 && m.src < 0) {
        /* "three Palestinians were arrested by Israeli forces": the
         * actor a pattern's + found after a passive verb is its agent */
        int b = passive_by_wide(u, v);
        if (b >= 0 && u->slots[m.tgt].first > b)
            by = b;
    }
    if (by >= 0) {
        src.slot = first_slot(u, by + 1, ce, NULL, skip);
        tgt.slot = first_slot(u, cs, v, NULL, skip | unknown);
    }
    int unsaid = 0;   /* a passive that does not say by whom */
    if (by < 0 && !m.designated && o->nearest_source && passive_no_by(u, v)) {
        tgt.slot = near_source(u, cs, v, NULL, skip | unknown);
        if (tgt.slot < 0)
            return 0;
        unsaid = 1;
    }
    if (src.slot == -1 && !unsaid) {
        const char *not = tgt.slot >= 0 ? u->slots[tgt.slot].code : NULL;
        int psubj;
        if (o->clause_subjects && participle_subject(u, v, &psubj)) {
            if (psubj < 0 || s_bit_skip(skip | bit(tgt.slot), psubj) ||
                psubj == tgt.slot)
                return 0;
            src.slot = psubj;
        }
        if (src.slot != -1)
            ;
        else if (o->nearest_source)
            src.slot = near_source(u, cs, v, not, skip | bit(tgt.slot));
        int subj;
        if (src.slot == -1 && o->clause_subjects &&
            clause_subject(u, cs, v, &subj)) {
            if (subj < 0 || (s_bit_skip(skip | bit(tgt.slot), subj)))
                return 0;
            src.slot = subj;
        }
        if (src.slot != -1)
            ;
        else if (c > 0 && opener < 0 && carry >= 0)
            src.slot = carry;
        else
            src.slot = first_slot(u, cs, v, not, skip | bit(tgt.slot));
        if (src.slot == -1 && o->default_source != KH_NONE &&
            o->default_prior) {
            src.slot = DEFAULT_SLOT;
            src.code = kh_dict_str_text(d, o->default_source);
        }
        /* greedy: after the verb (but, with our rules, not after a
         * target the pattern found: "the US claimed that they attacked
         * Iraq" has no other source) */
        int gto = o->nearest_source && m.tgt >= 0 ? u->slots[m.tgt].first
                                                   : ce;
        if (src.slot == -1)
            src.slot = first_slot(u, vend, gto, not, skip | bit(tgt.slot));
    }
    if (saying(d, ec) && src.slot >= 0)
        u->speaker = src.slot;
    if (unsaid)
        goto targeted;
    if (tgt.slot == -1) {
        const char *not = who_code(u, src);
        int anchor = anchor_of(u, src.slot);
        skip |= bit(src.slot) | unknown;
        /* "A U.S. official confirmed that the United States ...": a
         * statement about one's own country has no target; nor is an
         * actor of one's country the target of a statement. */
        int own = 0;
        if (o->places && saying(d, ec))
            skip |= placed_bits(u);   /* "told reporters" */
        if (o->saying_abroad && saying(d, ec) && not) {
            int t0 = first_slot_a(u, vend, ce, not, skip, anchor);
            own = t0 >= 0 && same_country(u->slots[t0].code, not);
            skip |= country_bits(u, not);
        }
        if (own)
            goto targeted;
        tgt.slot = first_slot_a(u, vend, ce, not, skip, anchor);
        if (tgt.slot == -1 && o->default_target != KH_NONE &&
            o->default_after) {
            tgt.slot = DEFAULT_SLOT;
            tgt.code = kh_dict_str_text(d, o->default_target);
        }
        if (tgt.slot == -1) {
            /* before the verb: an actor outside the source's compound
             * first (CODEBY-08), else one inside it ("Bree and Arnor
             * ...", DEFAULT-07b) */
            uint64_t mates = 0;
            if (src.slot >= 0 && u->slots[src.slot].compound >= 0)
                for (int k = 0; k < u->nslots && k < 64; k++)
                    if (u->slots[k].compound == u->slots[src.slot].compound)
                        mates |= bit(k);
            tgt.slot = first_slot_a(u, cs, v, not, skip | mates, anchor);
            if (tgt.slot == -1)
                tgt.slot = first_slot_a(u, cs, v, not, skip, anchor);
        }
        if (tgt.slot == -1 && src.slot >= 0 &&
            u->slots[src.slot].compound >= 0)
            tgt.slot = src.slot;   /* "A and B met" */
    }
targeted:
    if (src.slot == -1 && o->default_source != KH_NONE) {
        src.slot = DEFAULT_SLOT;
        src.code = kh_dict_str_text(d, o->default_source);
    }
    if (tgt.slot == -1 && o->default_target != KH_NONE) {
        tgt.slot = DEFAULT_SLOT;
        tgt.code = kh_dict_str_text(d, o->default_target);
    }
    if ((src.slot == -1 || tgt.slot == -1) && !o->require_dyad &&
        !(src.slot == -1 && tgt.slot == -1)) {
        /* PETRARCH without require_dyad: the missing side is "---" */
        if (src.slot == -1)
            src.slot = DEFAULT_SLOT, src.code = "---";
        else
            tgt.slot = DEFAULT_SLOT, tgt.code = "---";
    }
    const char *c1 = kh_dict_str_text(d, ec->code);
    const char *intent = NULL;   /* "will withdraw": 0356 for 087 */
    if (o->future_intent && future(u, v) && (intent = intent_of(c1)))
        c1 = intent;
    int unknown_src = src.slot >= 0 && u->slots[src.slot].unknown;
    if (o->unknown_sources && tgt.slot >= 0 && violent(c1) &&
        !(ec->flags & KH_EC_SUBORD) && (src.slot == -1 || unknown_src)) {
        /* "a drone targeted the headquarters of X": the article may say
         * whose drone (stage.c) */
        if (src.slot == -1)
            src.slot = DEFAULT_SLOT, src.code = "---";
        u->to_pending = 1;
        int added = emit(u, src, tgt, ec, v, &m, vi, intent);
        u->to_pending = 0;
        return added ? 2 : 0;
    }
    if (src.slot == -1 || tgt.slot == -1 || unknown_src)
        return 0;
    int first = u->nevents;
    int added = emit(u, src, tgt, ec, v, &m, vi, intent);
    if (!added)
        return 0;
    if (src.slot >= 0)
        *coded_src = src.slot;
    if (o->reported_accusations && !(ec->flags & KH_EC_SUBORD))
        accusations(u, first, v, &m, vi, ec);
    return ec->flags & KH_EC_SUBORD ? 1 : 2;
}

static void code_clauses(kh_unit *u)
{
    const kh_dict *d = u->dict;
    const kh_options *o = &d->options;
    int nclauses = u->n ? u->lex[u->n - 1].clause + 1 : 0;
    int carry = -1;   /* the source carried to the next clause */
    int coded_src = -1;
    int stop = 0;
    for (int c = 0; c < nclauses && !stop; c++) {
        int cs = clause_start(u, c);
        int ce = cs;
        while (ce < u->n && u->lex[ce].clause == c)
            ce++;
        /* an actor right after the conjunction opens a new subject */
        int opener = -1;
        for (int i = cs; i < ce; i++) {
            if (!visible(u, i) || u->lex[i].type == L_CONJ)
                continue;
            opener = slot_here(u, i);
            break;
        }
        /* With SET: RELATIVE CLAUSES, the verbs of relative clauses are
         * tried only when the others coded nothing: "the strike that
         * killed X was carried out by Y" is the carrying out. */
        int passes = o->relative ? 2 : 1, done = 0;
        for (int pass = 0; pass < passes && !done && !stop; pass++) {
            for (int v = cs; v < ce && !stop; v++) {
                kh_lexw *x = &u->lex[v];
                if (x->type != L_VERB || !visible(u, v))
                    continue;
                if (passes == 2 && relative_verb(u, v) != pass)
                    continue;
                int r = code_verb(u, c, cs, ce, v, opener, carry,
                                  &coded_src);
                if (r < 0)
                    return;
                if (r < 2)
                    continue;   /* a later verb may still code */
                done = 1;
                if (o->code_by == KH_CODE_BY_SENTENCE)
                    stop = 1;
                else if (o->code_by == KH_CODE_BY_CLAUSE)
                    break;
            }
        }
        /* a later clause keeps the subject only of a clause that coded
         * (COMPLEX-05: after "Gondor alleged", no event, the next clause
         * finds its own) */
        if (coded_src < 0 && o->clause_subjects) {
            /* SET: CLAUSE SUBJECTS: "the riot police used water cannons
             * and fired tear gas at the protesters": a clause that coded
             * nothing still passes on the subject it names, and one that
             * names none the subject before it */
            int subj = -1;
            for (int i = ce - 1; i >= cs; i--)
                if (u->lex[i].type == L_VERB && visible(u, i)) {
                    subj = near_source(u, cs, i, NULL, 0);
                    break;
                }
            if (subj >= 0)
                carry = subj;
        } else {
            carry = coded_src;
        }
        coded_src = -1;
    }
}

void kh_events(kh_unit *u)
{
    u->nevents = 0;
    if (u->status != KH_UNIT_CODED)
        return;
    code_clauses(u);
    if (u->status != KH_UNIT_CODED) {
        u->nevents = 0;
        return;
    }
    /* subordinate events only when nothing else coded; dominant ones
     * alone when there are any */
    int plain = 0, dominant = 0;
    for (int i = 0; i < u->nevents; i++) {
        plain += !u->events[i].subord;
        dominant += u->events[i].dominant;
    }
    int k = 0;
    for (int i = 0; i < u->nevents; i++) {
        const kh_cevent *e = &u->events[i];
        if (plain && e->subord)
            continue;
        if (dominant && !e->dominant)
            continue;
        u->events[k++] = *e;
    }
    u->nevents = k;
    const kh_options *o = &u->dict->options;
    if (u->nevents == 0 && o->cx_noevent) {
        u->status = KH_UNIT_COMPLEX;
        u->why = "no event";
    }
}
