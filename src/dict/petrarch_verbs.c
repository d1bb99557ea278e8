/*
 * petrarch_verbs.c - PETRARCH's verb dictionary (CAMEO.2.0.txt).
 *
 *   &CURRENCY                   a synset; &AUXVERB1_ (a final _): no plurals
 *   +MONEY                      a member: words that follow one another,
 *   +CASH_                        with a regular plural unless it ends in _
 *   --- ASK   [---]  ---        a verb block and its code (none: null)
 *   ASK     [020]               a verb with its own code
 *   QUERY {QUERYING QUERIES QUERIED }      irregular forms
 *   +CORDON_OFF {+CORDONED_OFF ...}        a multi-word verb: + marks the
 *   WIRE_+TAP                              word that is the verb
 *   - * (FOR {FINANCIAL AID})   [0231]   # ASK      a pattern
 *   ~ a (a b ATTACK) SAY = a b 015                   a transformation
 *
 * Each verb line is a kh_verb (its own code, else the block's) whose main
 * form is a KH_ROOT_VERB root matching with the regular endings (on the
 * word after the +), and whose irregular forms are roots matching exactly;
 * every root's payload is the verb.  The verbs of a block share the
 * block's patterns: one range of kh_dict.patterns that each kh_verb of the
 * block points at.
 *
 * Patterns.  PETRARCH matches a pattern against the parse tree: {A B} is
 * a noun phrase whose head is B, (FOR AID) a prepositional phrase.  We
 * code raw text, so the grouping is dropped and the words are kept in
 * their order, each free to have other words before it (a blank), as
 * TABARI's patterns are: "* (FOR {FINANCIAL AID})" becomes
 * "* FOR FINANCIAL AID".  A brace group holding | is a TABARI alternative
 * and stays one; TO/FOR (a few Phoenix patterns) is read as the
 * alternative its writer meant, { TO | FOR }, where PETRARCH would have
 * looked for the token "TO/FOR" and never found it.  _ and - join two
 * elements, $ + % ^ * and &SYNSET are TABARI's.
 *
 * A bare word matches that word exactly.  TABARI treats it as a stem,
 * but these dictionaries were written for PETRARCH, which compares whole
 * tokens: their writers list the plurals they want (STRIKE and STRIKES,
 * RALLY and RALLIES are separate patterns), synsets get theirs made for
 * them, and short heads written bare (AID, ARM, BASE, FIRE, PLAN) would
 * as stems also match AIDE, ARMY, BASEBALL, FIREWORKS, PLANE.  A word
 * followed by ~ is still a stem, for dictionaries that ask for one.
 *
 * Synset names may hold _ (&FIGHT_OF_WORDS), but a name is also joined to
 * the next word by _ (NEW_&TIETYPES_RELATIONS): the longest prefix that
 * names a defined synset, ending before an _, is the reference.
 *
 * Transformations (~ lines) rewrite verb-on-verb structures of the parse
 * tree ("A said A will attack B" -> A threatens B); the coder has no such
 * tree, so they are counted in kh_petr_stats and not stored.
 */
#include "petrarch.h"

#include "../core/arena.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Nesting of { } alternatives and of ( ) { } groups. */
#define MAX_DEPTH 8
#define MAX_GROUPS 16

/* ---- patterns and synset members ------------------------------------------ */

/* The synsets of the file.  Names are looked up in the file's own list,
 * which kh_dict_synset would find too, but only after walking past every
 * anonymous { | } group stored since: many groups and many references
 * would make that quadratic.  Members are added to their synset when it
 * closes, all together, so that kh_dict_alt_add never has to move the
 * synset's spans past groups that its members created. */
typedef struct {
    uint32_t syn;      /* the open synset, or KH_NONE */
    int noplural;      /* its label ended with _ */
    int bad;           /* its label was malformed: skip its members */
    kh_span *pend;     /* members of the open synset, not yet added */
    size_t npend, cap_pend;
    uint32_t *names;   /* alt indexes of the file's synsets */
    size_t nnames, cap_names;
} synstate;

typedef struct {
    kh_petr_rd *r;
    const char *s;
    size_t n, i;
    long col0;          /* the column of s[0] in the line */
    int member;         /* a synset member: words only, consecutive */
    uint32_t self;      /* the synset being defined, or KH_NONE */
    const synstate *ss;
    int depth;
    int verbs;          /* * at the top level */
    size_t npels;
    char err[200];
    long err_col;
} pp;

static int fail(pp *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int fail(pp *p, const char *fmt, ...)
{
    if (!p->err[0]) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(p->err, sizeof p->err, fmt, ap);
        va_end(ap);
        p->err_col = p->col0 + (long)p->i;
    }
    return 0;
}

static int word_char(int c)
{
    return c > 0x20 && c != 0x7f && c != '_' && c != '-' && c != '~' &&
           c != '=' && c != '/' && c != '{' && c != '}' && c != '|' &&
           c != '(' && c != ')' && c != '[' && c != ']';
}

static int push(pp *p, kh_pvec *v, kh_pel el)
{
    if (++p->npels > KH_PETR_MAX_PELS)
        return fail(p, "more than %d elements", KH_PETR_MAX_PELS);
    if (p->member && v->n)
        el.adjacent = 1;
    kh_pvec_push(v, el);
    return 1;
}

/* Reads a word at p->i into *el (exact, or a stem with ~). */
static int word(pp *p, kh_pel *el)
{
    size_t a = p->i;
    while (p->i < p->n && word_char((unsigned char)p->s[p->i]))
        p->i++;
    if (p->i == a) {
        unsigned char c = (unsigned char)p->s[p->i];
        return c < 0x20 || c == 0x7f
                   ? fail(p, "control character 0x%02X", c)
                   : fail(p, "a word was expected before '%c'", c);
    }
    if (p->i - a > KH_PETR_MAX_WORD)
        return fail(p, "word longer than %d bytes", KH_PETR_MAX_WORD);
    el->type = KH_PEL_WORD;
    el->match = KH_MATCH_EXACT;
    el->arg = kh_dict_word(p->r->d, p->s + a, p->i - a);
    if (p->i < p->n && p->s[p->i] == '~') {
        el->match = KH_MATCH_STEM;
        p->i++;
    } else if (p->i < p->n && p->s[p->i] == '=') {
        p->i++;
    }
    return 1;
}

/* WORD/WORD/...: one alternative of single words. */
static int slashes(pp *p, kh_pel *el)
{
    kh_dict *d = p->r->d;
    uint32_t g = kh_dict_add_alt(d, KH_NONE);
    kh_pel first = *el;
    first.adjacent = 0;
    kh_pvec one = {0};
    kh_pvec_push(&one, first);
    kh_dict_alt_add(d, g, kh_pvec_commit(d, &one));
    while (p->i < p->n && p->s[p->i] == '/') {
        p->i++;
        kh_pel w = {0, 0, 0, 0, 0};
        if (!word(p, &w)) {
            free(one.v);
            return 0;
        }
        one.v[0] = w;
        kh_dict_alt_add(d, g, kh_pvec_commit(d, &one));
    }
    free(one.v);
    el->type = KH_PEL_ALT;
    el->match = KH_MATCH_EXACT;
    el->arg = g;
    return 1;
}

static uint32_t find_synset(const kh_dict *d, const synstate *ss,
                            const char *name, size_t n)
{
    for (size_t i = ss->nnames; i-- > 0;) {
        const char *t = kh_dict_str_text(d, d->alts[ss->names[i]].name);
        if (strlen(t) == n && memcmp(t, name, n) == 0)
            return ss->names[i];
    }
    return kh_dict_synset(d, name, n);   /* one of an earlier file */
}

/* &NAME at p->i: the longest defined prefix that ends before an _. */
static int synset_ref(pp *p, kh_pel *el)
{
    size_t a = p->i + 1, e = a;
    while (e < p->n && (isalnum((unsigned char)p->s[e]) || p->s[e] == '_'))
        e++;
    while (e > a && p->s[e - 1] == '_')
        e--;
    if (e == a)
        return fail(p, "& without a synset name");
    char name[130];
    size_t full = e - a;
    for (;;) {
        if (e - a < sizeof name - 1) {
            name[0] = '&';
            memcpy(name + 1, p->s + a, e - a);
            uint32_t syn = find_synset(p->r->d, p->ss, name, e - a + 1);
            if (syn != KH_NONE) {
                if (p->self != KH_NONE && syn >= p->self)
                    return fail(p, "synset &%.*s may not contain itself or "
                                "a synset defined after it",
                                (int)(e - a), p->s + a);
                el->type = KH_PEL_SYNSET;
                el->arg = syn;
                p->i = e;
                return 1;
            }
        }
        while (e > a && p->s[e - 1] != '_')
            e--;
        if (e == a)
            return fail(p, "synset &%.*s is not defined (a synset must be "
                        "defined before it is used)", (int)full, p->s + a);
        e--;   /* before the _ */
    }
}

/* Whether the { at p->i holds a | of its own: a TABARI alternative
 * rather than a PETRARCH noun phrase. */
static int has_bar(const pp *p)
{
    int depth = 0;
    for (size_t k = p->i + 1; k < p->n; k++) {
        char c = p->s[k];
        if (c == '{')
            depth++;
        else if (c == '}' && depth-- == 0)
            return 0;
        else if (c == '|' && depth == 0)
            return 1;
    }
    return 0;
}

static int seq(pp *p, kh_pvec *v, int in_alt);

static int alternatives(pp *p, kh_pel *el)
{
    kh_dict *d = p->r->d;
    if (++p->depth > MAX_DEPTH)
        return fail(p, "alternatives nested more than %d deep", MAX_DEPTH);
    p->i++;
    uint32_t g = kh_dict_add_alt(d, KH_NONE);
    for (;;) {
        kh_pvec alt = {0};
        int ok = seq(p, &alt, 1);
        if (ok && !alt.n)
            ok = fail(p, "empty alternative in { | }");
        if (ok)
            kh_dict_alt_add(d, g, kh_pvec_commit(d, &alt));
        free(alt.v);
        if (!ok)
            return 0;
        if (p->i >= p->n)
            return fail(p, "missing } after alternatives");
        if (p->s[p->i++] == '}')
            break;
    }
    p->depth--;
    el->type = KH_PEL_ALT;
    el->arg = g;
    return 1;
}

/* Parses elements into v up to the end, or (in_alt) to the | or } that
 * ends an alternative. */
static int seq(pp *p, kh_pvec *v, int in_alt)
{
    char groups[MAX_GROUPS];
    int ng = 0, adj = 0;
    while (p->i < p->n) {
        char c = p->s[p->i];
        if (c == ' ' || c == '\t') {
            p->i++;
            adj = 0;
            continue;
        }
        if (c == '_' || c == '-') {
            p->i++;
            adj = 1;
            continue;
        }
        if (c == '(' || (c == '{' && !has_bar(p))) {
            if (ng == MAX_GROUPS)
                return fail(p, "groups nested more than %d deep", MAX_GROUPS);
            groups[ng++] = c;
            p->i++;
            adj = 0;
            continue;
        }
        if (c == ')' || (c == '}' && ng && groups[ng - 1] == '{')) {
            if (!ng || groups[ng - 1] != (c == ')' ? '(' : '{'))
                return fail(p, "'%c' without its opening bracket", c);
            ng--;
            p->i++;
            adj = 0;
            continue;
        }
        if (c == '|' || c == '}') {
            if (in_alt)
                break;
            return fail(p, c == '|' ? "| outside { }" : "} without {");
        }
        kh_pel el = {0, KH_MATCH_EXACT, (uint8_t)adj, 0, 0};
        adj = 0;
        int ok;
        if (c == '*' || c == '$' || c == '+' || c == '%' || c == '^') {
            if (p->member)
                return fail(p, "'%c' in a synset member (members are words)",
                            c);
            if (c == '*' && (in_alt || p->verbs++))
                return fail(p, in_alt ? "* inside alternatives"
                                      : "more than one * in the pattern");
            el.type = c == '*'   ? KH_PEL_VERB
                      : c == '$' ? KH_PEL_SOURCE
                      : c == '+' ? KH_PEL_TARGET
                      : c == '%' ? KH_PEL_COMPOUND
                                 : KH_PEL_SKIP;
            p->i++;
            ok = 1;
        } else if (c == '&') {
            ok = synset_ref(p, &el);
        } else if (c == '{') {
            ok = alternatives(p, &el);
        } else {
            ok = word(p, &el);
            if (ok && p->i < p->n && p->s[p->i] == '/')
                ok = slashes(p, &el);
        }
        if (!ok || !push(p, v, el))
            return 0;
    }
    if (ng)
        return fail(p, "'%c' is never closed", groups[ng - 1]);
    return 1;
}

/* Parses s[0..n) (at column col) into a committed span; returns 0 with a
 * warning when malformed. */
static int parse(kh_petr_rd *r, const char *s, size_t n, long col, int member,
                 const synstate *ss, kh_pvec *v, int *verbs)
{
    pp p;
    memset(&p, 0, sizeof p);
    p.r = r;
    p.s = s;
    p.n = n;
    p.col0 = col;
    p.member = member;
    p.self = member ? ss->syn : KH_NONE;
    p.ss = ss;
    v->n = 0;
    int ok = seq(&p, v, 0);
    if (ok && !v->n)
        ok = fail(&p, "empty phrase");
    if (!ok) {
        kh_petr_bad(r, p.err_col, "%s", p.err);
        return 0;
    }
    if (verbs)
        *verbs = p.verbs;
    return 1;
}

/* ---- synsets ------------------------------------------------------------ */

/* Adds the open synset's members and closes it. */
static void synset_close(kh_petr_rd *r, synstate *ss)
{
    for (size_t i = 0; i < ss->npend; i++)
        kh_dict_alt_add(r->d, ss->syn, ss->pend[i]);
    ss->npend = 0;
    ss->syn = KH_NONE;
    ss->bad = 0;
}

static void synset_label(kh_petr_rd *r, synstate *ss, const char *s, size_t n)
{
    synset_close(r, ss);
    size_t k = 1;
    while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '_'))
        k++;
    size_t name = k;
    while (name > 1 && s[name - 1] == '_')
        name--;
    ss->syn = KH_NONE;
    ss->bad = 1;   /* until the label is known to be good */
    if (name == 1) {
        kh_petr_bad(r, 1, "& without a synset name");
        return;
    }
    if (k < n) {
        kh_petr_bad(r, (long)k + 1, "unexpected text after the synset name");
        return;
    }
    if (name > 128) {
        kh_petr_bad(r, 1, "synset name longer than 127 characters");
        return;
    }
    ss->bad = 0;
    ss->noplural = name < k;
    /* A name defined again adds to the set, as in TABARI. */
    ss->syn = find_synset(r->d, ss, s, name);
    if (ss->syn == KH_NONE) {
        ss->syn = kh_dict_add_alt(r->d, kh_dict_str(r->d, s, name));
        if (ss->nnames == ss->cap_names) {
            ss->cap_names = ss->cap_names ? ss->cap_names * 2 : 64;
            ss->names = kh_xrealloc(ss->names,
                                    ss->cap_names * sizeof *ss->names);
        }
        ss->names[ss->nnames++] = ss->syn;
    }
    r->st->synsets++;
}

static int ends_us(const char *s, size_t n)
{
    kh_petr_trim(&s, &n);
    return n && s[n - 1] == '_';
}

static void pend(synstate *ss, kh_span sp)
{
    if (ss->npend == ss->cap_pend) {
        ss->cap_pend = ss->cap_pend ? ss->cap_pend * 2 : 64;
        ss->pend = kh_xrealloc(ss->pend, ss->cap_pend * sizeof *ss->pend);
    }
    ss->pend[ss->npend++] = sp;
}

static void synset_member(kh_petr_rd *r, synstate *ss, const char *s,
                          size_t n, long col, kh_pvec *v)
{
    if (!parse(r, s, n, col, 1, ss, v, NULL))
        return;
    kh_dict *d = r->d;
    pend(ss, kh_pvec_commit(d, v));
    r->st->synset_members++;
    kh_pel *last = &v->v[v->n - 1];
    if (ss->noplural || ends_us(s, n) || last->type != KH_PEL_WORD)
        return;
    uint32_t pl = kh_petr_plural(d, last->arg);
    if (pl == KH_NONE)
        return;
    last->arg = pl;
    pend(ss, kh_pvec_commit(d, v));
}

/* ---- verbs -------------------------------------------------------------- */

typedef struct {
    int open;
    kh_ecode code;
    uint32_t first_verb, first_pattern;
} block;

static void close_block(kh_petr_rd *r, block *b)
{
    if (!b->open)
        return;
    kh_dict *d = r->d;
    for (size_t v = b->first_verb; v < d->nverbs; v++) {
        d->verbs[v].patterns_first = b->first_pattern;
        d->verbs[v].npatterns = (uint32_t)d->npatterns - b->first_pattern;
    }
    b->open = 0;
}

static void block_header(kh_petr_rd *r, block *b, const char *s, size_t n)
{
    close_block(r, b);
    b->open = 1;
    b->first_verb = (uint32_t)r->d->nverbs;
    b->first_pattern = (uint32_t)r->d->npatterns;
    b->code = (kh_ecode){KH_NONE, KH_NONE, KH_EC_NULL};
    r->st->blocks++;
    const char *o = memchr(s, '[', n);
    if (!o)
        return;   /* no code: the null code */
    const char *c = memchr(o, ']', (size_t)(s + n - o));
    if (!c) {
        kh_petr_bad(r, (long)(o - s) + 1, "missing ] after [ (the block's "
                                          "code is null)");
        return;
    }
    kh_ecode ec;
    if (!kh_petr_ecode(r->d, o + 1, (size_t)(c - o - 1), &ec))
        kh_petr_bad(r, (long)(o - s) + 1, "bad event code [%.*s] (the "
                    "block's code is null)", (int)(c - o - 1), o + 1);
    else
        b->code = ec;
    if (memchr(c, '[', (size_t)(s + n - c)))
        kh_petr_bad(r, (long)(c - s) + 2, "a second code in the block "
                                          "header (the first is used)");
}

/* One verb form ("ASK", "+CORDON_OFF", "WIRE_+TAP") into v: the word
 * after + (or the only word) takes the regular endings when main is set;
 * the others match exactly.  Returns 0 with a warning when malformed. */
static int verb_form(kh_petr_rd *r, const char *s, size_t n, long col,
                     int main, kh_pvec *v)
{
    v->n = 0;
    int plus = -1, joined = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '_' || s[i] == '-') {
            joined |= s[i] == '_';
            i++;
            continue;
        }
        if (s[i] == '+') {
            if (plus >= 0) {
                kh_petr_bad(r, col + (long)i, "more than one + in the verb");
                return 0;
            }
            plus = (int)v->n;
            i++;
        }
        size_t a = i;
        for (; i < n && s[i] != '_' && s[i] != '-'; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x20 || c == 0x7f || strchr("+*$%^&|=~/(){}[]<>\"", c)) {
                kh_petr_bad(r, col + (long)i, "unexpected '%c' in the verb "
                            "'%.*s'", c, (int)n, s);
                return 0;
            }
        }
        if (i == a || i - a > KH_PETR_MAX_WORD || v->n >= KH_PETR_MAX_PELS) {
            kh_petr_bad(r, col + (long)a, i == a ? "+ without a word after it"
                                                 : "verb word too long");
            return 0;
        }
        kh_pel p = {KH_PEL_WORD, KH_MATCH_EXACT, v->n > 0, 0,
                    kh_dict_word(r->d, s + a, i - a)};
        kh_pvec_push(v, p);
    }
    if (!v->n) {
        kh_petr_bad(r, col, "empty verb");
        return 0;
    }
    if (v->n > 1 && plus < 0 && main && joined) {
        kh_petr_bad(r, col, "multi-word verb '%.*s' without a + before the "
                    "word that is the verb", (int)n, s);
        return 0;
    }
    /* RE-OPEN is one token for PETRARCH, two words for us (the coder
     * splits at hyphens): the verb, with its endings, is the last. */
    if (main)
        v->v[plus >= 0 ? (size_t)plus : v->n - 1].match = KH_MATCH_ENDINGS;
    return 1;
}

static void verb_line(kh_petr_rd *r, block *b, const char *s, size_t n,
                      kh_pvec *v)
{
    if (!b->open) {
        kh_petr_bad(r, 1, "verb before any --- block header");
        return;
    }
    size_t k = 0;
    while (k < n && !isspace((unsigned char)s[k]) && s[k] != '{' &&
           s[k] != '[')
        k++;
    const char *forms = NULL, *code = NULL;
    size_t nforms = 0, ncode = 0;
    for (size_t i = k; i < n;) {
        if (isspace((unsigned char)s[i])) {
            i++;
            continue;
        }
        char open = s[i], shut = open == '{' ? '}' : ']';
        const char *c = open == '{' || open == '['
                            ? memchr(s + i, shut, n - i) : NULL;
        if (!c) {
            if (open == '{' || open == '[')
                kh_petr_bad(r, (long)i + 1, "missing %c after %c", shut, open);
            else
                kh_petr_bad(r, (long)i + 1, "unexpected text after the verb "
                            "(a verb is a word, or words joined by _ with a "
                            "+ before the verb): %.*s", (int)(n - i), s + i);
            return;
        }
        const char **which = open == '{' ? &forms : &code;
        if (*which) {
            kh_petr_bad(r, (long)i + 1, "a second %c...%c after the verb",
                        open, shut);
            return;
        }
        *which = s + i + 1;
        *(open == '{' ? &nforms : &ncode) = (size_t)(c - s - i - 1);
        i = (size_t)(c - s) + 1;
    }
    kh_verb vb = {b->code, 0, 0, KH_NONE};
    if (code && !kh_petr_ecode(r->d, code, ncode, &vb.code)) {
        kh_petr_bad(r, (long)(code - s), "bad event code [%.*s]", (int)ncode,
                    code);
        return;
    }
    if (!verb_form(r, s, k, 1, 1, v))
        return;
    uint32_t vi = kh_dict_add_verb(r->d, &vb);
    r->d->verbs[vi].root = kh_petr_add_root(r, v, KH_ROOT_VERB, vi);
    r->st->verbs++;
    r->st->verb_forms++;
    for (size_t i = 0; forms && i < nforms;) {
        if (isspace((unsigned char)forms[i])) {
            i++;
            continue;
        }
        size_t a = i;
        while (i < nforms && !isspace((unsigned char)forms[i]))
            i++;
        if (verb_form(r, forms + a, i - a, (long)(forms - s + a) + 1, 0, v)) {
            kh_petr_add_root(r, v, KH_ROOT_VERB, vi);
            r->st->verb_forms++;
        }
    }
}

static void pattern_line(kh_petr_rd *r, block *b, const synstate *ss,
                         const char *s, size_t n, kh_pvec *v)
{
    if (!b->open) {
        kh_petr_bad(r, 1, "pattern before any --- block header");
        return;
    }
    const char *o = NULL;
    for (size_t i = n; i-- > 0;)
        if (s[i] == '[') {
            o = s + i;
            break;
        }
    const char *c = o ? memchr(o, ']', (size_t)(s + n - o)) : NULL;
    if (!o || !c) {
        kh_petr_bad(r, o ? (long)(o - s) + 1 : 1,
                    o ? "missing ] after [" : "pattern without a [code]");
        return;
    }
    for (const char *q = c + 1; q < s + n; q++)
        if (!isspace((unsigned char)*q)) {
            kh_petr_bad(r, (long)(q - s) + 1, "text after the pattern's "
                                              "code");
            return;
        }
    kh_pattern pt;
    memset(&pt, 0, sizeof pt);
    if (!kh_petr_ecode(r->d, o + 1, (size_t)(c - o - 1), &pt.code)) {
        kh_petr_bad(r, (long)(o - s) + 1, "bad event code [%.*s]",
                    (int)(c - o - 1), o + 1);
        return;
    }
    int verbs = 0;
    if (!parse(r, s + 1, (size_t)(o - s - 1), 2, 0, ss, v, &verbs))
        return;
    if (verbs != 1) {
        kh_petr_bad(r, 2, "pattern without the verb marker *");
        return;
    }
    pt.pels = kh_pvec_commit(r->d, v);
    pt.length = kh_dict_span_length(r->d, pt.pels);
    pt.file = r->file;
    pt.line = (uint32_t)r->line;
    kh_dict_add_pattern(r->d, &pt);
    r->st->patterns++;
}

void kh_petr_read_verbs(kh_petr_rd *r)
{
    block b = {0, {KH_NONE, KH_NONE, KH_EC_NULL}, 0, 0};
    synstate ss;
    memset(&ss, 0, sizeof ss);
    ss.syn = KH_NONE;
    kh_pvec v = {0};
    const char *s;
    size_t n;
    while (kh_petr_next_line(r, &s, &n)) {
        kh_petr_trim(&s, &n);
        if (s[0] == '+' && (ss.syn != KH_NONE || ss.bad)) {
            if (!ss.bad)
                synset_member(r, &ss, s + 1, n - 1, 2, &v);
            continue;
        }
        if (s[0] == '&') {
            synset_label(r, &ss, s, n);
            continue;
        }
        /* anything else ends the members of a synset */
        synset_close(r, &ss);
        if (s[0] == '~')
            r->st->transformations++;
        else if (n >= 3 && memcmp(s, "---", 3) == 0)
            block_header(r, &b, s, n);
        else if (s[0] == '-')
            pattern_line(r, &b, &ss, s, n, &v);
        else
            verb_line(r, &b, s, n, &v);
    }
    synset_close(r, &ss);
    close_block(r, &b);
    free(ss.pend);
    free(ss.names);
    free(v.v);
}
