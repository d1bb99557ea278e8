/*
 * petrarch_nouns.c - PETRARCH's actors, agents and discards.
 *
 * Actors (Phoenix.*.actors.txt, PETR.Validate.actors.txt):
 *
 *   AFGHANISTAN_  [AFG]            a primary phrase and its default code
 *   +KABUL_                        a synonym: same actor
 *       [AFGELI 620101-780427]     a code between two dates (inclusive)
 *       [HOB <950601] [HOBREB >990816]   before / after a date
 *       [AFGELI]                   the default, used when no date fits
 *
 * A group (a primary line, the + lines and the [...] lines after it, up
 * to the next primary) is one kh_actor; each phrase is a KH_ROOT_ACTOR
 * root.  Dates are YYYYMMDD or YYMMDD (00-30 is 20YY, else 19YY).  Codes
 * keep their order, the undated ones last, as kh_dict_actor_code wants.
 * Text after the last ]] of a line is ignored, as PETRARCH ignores it
 * (the International file has company sectors and revenues there).
 *
 * Agents (Phoenix.agents.txt):
 *
 *   !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON    a substitution set
 *   CONGRESS!PERSON! [~LEG]      CONGRESSMAN ... CONGRESSPERSON, no plurals
 *   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]  an explicit plural
 *   POLICE {} [~COP]             no plural
 *   HUMAN_RIGHTS_BODY [NGO~]     ~ after the code: it goes before the
 *                                actor's code (kh_agent.prefix)
 *
 * Other agents get the regular plural of their last word (S, IES, ES:
 * kh_petr_plural), unless the phrase ends with _ (the verbs file's rule
 * for synsets, which the agents file's "stopped" nouns follow).
 *
 * Discards (Phoenix.discards.txt): a phrase per line, + in front for a
 * story discard (payload 1) rather than a sentence discard (0); the last
 * word is a stem unless the phrase ends with _.
 *
 * PETRARCH matches all of these phrases as runs of consecutive words
 * (a blank and an _ mean the same), and words whole: kh_petr_words.
 */
#include "petrarch.h"

#include "../core/arena.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- codes and dates ------------------------------------------------------ */

static int days_in(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

/* YYYYMMDD or YYMMDD as YYYYMMDD, or -1. */
static int32_t parse_date(const char *s, size_t n)
{
    if (n != 6 && n != 8)
        return -1;
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (n == 6)
        v += (v / 10000 <= 30 ? 2000 : 1900) * 10000;
    int y = v / 10000, m = v / 100 % 100, d = v % 100;
    if (m < 1 || m > 12 || d < 1 || d > days_in(y, m))
        return -1;
    return v;
}

static int code_char(int c)
{
    return isalnum(c) || c == '/' || c == '+' || c == '#' || c == '.' ||
           c == '_';
}

/* The inside of one [...] of an actor: CODE, then nothing, <date, >date
 * or date-date (blanks allowed around the operators). */
static int parse_dcode(kh_petr_rd *r, const char *s, size_t n, long col,
                       kh_dcode *out)
{
    const char *all = s;
    size_t alln = n;
    kh_petr_trim(&s, &n);
    size_t k = 0;
    while (k < n && !isspace((unsigned char)s[k]) && s[k] != '<' &&
           s[k] != '>')
        k++;
    int dashes = k > 0, digits = k > 0, ok = k > 0;
    for (size_t i = 0; i < k; i++) {
        dashes &= s[i] == '-';
        digits &= isdigit((unsigned char)s[i]) != 0;
        ok &= code_char((unsigned char)s[i]);
    }
    if (!ok && !dashes) {
        kh_petr_bad(r, col, "no code (or a bad one) in [%.*s]", (int)alln,
                    all);
        return 0;
    }
    if (digits) {
        kh_petr_bad(r, col, "a date where the code should be, in [%.*s]",
                    (int)alln, all);
        return 0;
    }
    out->code = kh_dict_str(r->d, s, k);
    out->from = 0;
    out->to = 99999999;
    char buf[40];
    size_t m = 0;
    for (size_t i = k; i < n; i++) {
        if (isspace((unsigned char)s[i]))
            continue;
        if (m == sizeof buf - 1)
            goto bad;
        buf[m++] = s[i];
    }
    buf[m] = '\0';
    if (!m)
        return 1;
    if (buf[0] == '<' || buf[0] == '>') {
        int32_t dt = parse_date(buf + 1, m - 1);
        if (dt < 0)
            goto bad;
        if (buf[0] == '<')
            out->to = dt;
        else
            out->from = dt;
        return 1;
    }
    char *dash = strchr(buf, '-');
    if (dash) {
        int32_t a = parse_date(buf, (size_t)(dash - buf));
        int32_t b = parse_date(dash + 1, strlen(dash + 1));
        if (a < 0 || b < 0)
            goto bad;
        if (a > b) {
            kh_petr_bad(r, col, "the dates of [%.*s] are in the wrong order",
                        (int)alln, all);
            return 0;
        }
        out->from = a;
        out->to = b;
        return 1;
    }
bad:
    kh_petr_bad(r, col, "bad date restriction in [%.*s] (want <DATE, >DATE "
                "or DATE-DATE, dates YYYYMMDD or YYMMDD)", (int)alln, all);
    return 0;
}

/* A group of synonyms being read. */
typedef struct {
    int open;             /* a primary line has begun it */
    uint32_t actor;       /* KH_NONE until a phrase of it is stored */
    kh_dcode *codes;
    size_t ncodes, cap;
} group;

static void close_group(kh_petr_rd *r, group *g)
{
    if (g->actor != KH_NONE) {
        kh_dict *d = r->d;
        uint32_t first = (uint32_t)d->ndcodes;
        /* dated codes in the order written, then the defaults */
        for (int undated = 0; undated < 2; undated++)
            for (size_t i = 0; i < g->ncodes; i++)
                if ((g->codes[i].from == 0 && g->codes[i].to == 99999999) ==
                    undated)
                    kh_dict_add_dcode(d, g->codes[i]);
        d->actors[g->actor].codes_first = first;
        d->actors[g->actor].ncodes = (uint32_t)d->ndcodes - first;
        r->st->dcodes += g->ncodes;
    }
    g->open = 0;
    g->actor = KH_NONE;
    g->ncodes = 0;
}

/* Reads the [...] blocks of s[0..n) (at column col) into the group;
 * stops at the first text that is not a block. */
static void group_codes(kh_petr_rd *r, group *g, const char *s, size_t n,
                        long col)
{
    for (size_t i = 0; i < n;) {
        if (isspace((unsigned char)s[i])) {
            i++;
            continue;
        }
        if (s[i] != '[')
            return;   /* comments of the file's own kind: ignored */
        const char *close = memchr(s + i, ']', n - i);
        if (!close) {
            kh_petr_bad(r, col + (long)i, "missing ] after [");
            return;
        }
        kh_dcode c;
        if (parse_dcode(r, s + i + 1, (size_t)(close - s - i - 1),
                        col + (long)i, &c)) {
            if (g->ncodes == g->cap) {
                g->cap = g->cap ? g->cap * 2 : 8;
                g->codes = kh_xrealloc(g->codes, g->cap * sizeof *g->codes);
            }
            g->codes[g->ncodes++] = c;
        }
        i = (size_t)(close - s) + 1;
    }
}

static void group_phrase(kh_petr_rd *r, group *g, const char *s, size_t n,
                         long col, kh_pvec *v)
{
    if (!kh_petr_words(r, s, n, col, v))
        return;
    if (g->actor == KH_NONE) {
        kh_actor a = {0, 0, KH_NONE, 0};
        g->actor = kh_dict_add_actor(r->d, &a);
        r->st->actors++;
    }
    uint32_t root = kh_petr_add_root(r, v, KH_ROOT_ACTOR, g->actor);
    if (r->d->actors[g->actor].parent == KH_NONE)
        r->d->actors[g->actor].parent = root;
    r->st->actor_phrases++;
}

void kh_petr_read_actors(kh_petr_rd *r)
{
    group g = {0, KH_NONE, NULL, 0, 0};
    kh_pvec v = {0};
    const char *s;
    size_t n;
    while (kh_petr_next_line(r, &s, &n)) {
        size_t lead = 0;
        while (lead < n && isspace((unsigned char)s[lead]))
            lead++;
        const char *t = s + lead;
        size_t tn = n - lead;
        long col = (long)lead + 1;
        if (t[0] == '[') {
            if (!g.open) {
                kh_petr_bad(r, col, "date restriction without an actor "
                                    "before it");
                continue;
            }
            group_codes(r, &g, t, tn, col);
            continue;
        }
        int synonym = t[0] == '+';
        if (synonym) {
            if (!g.open) {
                kh_petr_bad(r, col, "synonym without an actor before it");
                continue;
            }
            t++, tn--, col++;
        } else {
            close_group(r, &g);
            g.open = 1;
        }
        const char *b = memchr(t, '[', tn);
        size_t pl = b ? (size_t)(b - t) : tn;
        group_phrase(r, &g, t, pl, col, &v);
        if (b)
            group_codes(r, &g, b, tn - pl, col + (long)pl);
    }
    close_group(r, &g);
    free(g.codes);
    free(v.v);
}

/* ---- agents ------------------------------------------------------------- */

/* Substitution sets are the file's own: PETRARCH forgets them between
 * files too. */
typedef struct {
    char *name;      /* without the !s */
    char **items;
    size_t n;
} macro;

typedef struct {
    macro *m;
    size_t n, cap;
} macros;

/* Expansions of one line are bounded: a marker per set used, and at
 * most this many phrases. */
#define MAX_EXPANSIONS 64
#define MAX_MARKERS 4

static void free_macros(macros *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        for (size_t k = 0; k < ms->m[i].n; k++)
            free(ms->m[i].items[k]);
        free(ms->m[i].items);
        free(ms->m[i].name);
    }
    free(ms->m);
}

static char *xstrndup(const char *s, size_t n)
{
    char *p = kh_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* "!NAME! = A, B, C" */
static void define_macro(kh_petr_rd *r, macros *ms, const char *s, size_t n)
{
    const char *close = n > 1 ? memchr(s + 1, '!', n - 1) : NULL;
    const char *eq = memchr(s, '=', n);
    if (!close || close == s + 1 || !eq || eq < close) {
        kh_petr_bad(r, 1, "malformed substitution set (want !NAME! = A, B, "
                          "C)");
        return;
    }
    for (const char *q = close + 1; q < eq; q++)
        if (!isspace((unsigned char)*q)) {
            kh_petr_bad(r, (long)(q - s) + 1, "text between !NAME! and =");
            return;
        }
    macro m = {xstrndup(s + 1, (size_t)(close - s - 1)), NULL, 0};
    const char *p = eq + 1, *end = s + n;
    while (p <= end) {
        const char *c = memchr(p, ',', (size_t)(end - p));
        const char *e = c ? c : end;
        const char *it = p;
        size_t in = (size_t)(e - p);
        kh_petr_trim(&it, &in);
        if (in) {
            m.items = kh_xrealloc(m.items, (m.n + 1) * sizeof *m.items);
            m.items[m.n++] = xstrndup(it, in);
        }
        p = e + 1;
    }
    if (!m.n) {
        kh_petr_bad(r, (long)(eq - s) + 1, "substitution set !%s! is empty",
                    m.name);
        free(m.name);
        return;
    }
    /* a redefinition replaces: the newest set is found first */
    if (ms->n == ms->cap) {
        ms->cap = ms->cap ? ms->cap * 2 : 8;
        ms->m = kh_xrealloc(ms->m, ms->cap * sizeof *ms->m);
    }
    ms->m[ms->n++] = m;
    r->st->macros++;
}

typedef struct {
    char **s;
    size_t n;
} strs;

static void strs_free(strs *x)
{
    for (size_t i = 0; i < x->n; i++)
        free(x->s[i]);
    free(x->s);
    x->s = NULL;
    x->n = 0;
}

/* Appends to out every expansion of s[0..n) (markers substituted);
 * returns 0 with a warning when a marker is malformed or unknown. */
static int expand(kh_petr_rd *r, const macros *ms, const char *s, size_t n,
                  int depth, strs *out)
{
    const char *a = memchr(s, '!', n);
    if (!a) {
        if (out->n >= MAX_EXPANSIONS) {
            kh_petr_bad(r, 0, "more than %d phrases from substitutions",
                        MAX_EXPANSIONS);
            return 0;
        }
        out->s = kh_xrealloc(out->s, (out->n + 1) * sizeof *out->s);
        out->s[out->n++] = xstrndup(s, n);
        return 1;
    }
    const char *b = memchr(a + 1, '!', n - (size_t)(a + 1 - s));
    if (!b) {
        kh_petr_bad(r, 0, "! without a closing ! (a substitution marker is "
                          "!NAME!)");
        return 0;
    }
    if (depth >= MAX_MARKERS) {
        kh_petr_bad(r, 0, "more than %d substitution markers in a phrase",
                    MAX_MARKERS);
        return 0;
    }
    size_t nl = (size_t)(b - a - 1);
    const macro *m = NULL;
    for (size_t i = ms->n; i-- > 0;)
        if (strlen(ms->m[i].name) == nl && memcmp(ms->m[i].name, a + 1, nl) ==
            0) {
            m = &ms->m[i];
            break;
        }
    if (!m) {
        kh_petr_bad(r, 0, "substitution set !%.*s! is not defined",
                    (int)nl, a + 1);
        return 0;
    }
    size_t pre = (size_t)(a - s), post = n - (size_t)(b + 1 - s);
    for (size_t i = 0; i < m->n; i++) {
        size_t il = strlen(m->items[i]);
        char *t = kh_xmalloc(pre + il + post + 1);
        memcpy(t, s, pre);
        memcpy(t + pre, m->items[i], il);
        memcpy(t + pre + il, b + 1, post);
        int ok = expand(r, ms, t, pre + il + post, depth + 1, out);
        free(t);
        if (!ok)
            return 0;
    }
    return 1;
}

/* The code of an agent: ~CODE or CODE~. */
static int agent_code(kh_petr_rd *r, const char *s, size_t n, long col,
                      kh_agent *a)
{
    kh_petr_trim(&s, &n);
    int pre = n > 1 && s[0] == '~', post = n > 1 && s[n - 1] == '~';
    if (pre == post) {
        kh_petr_bad(r, col, "agent code [%.*s] wants one ~, before or after "
                    "the code", (int)n, s);
        return 0;
    }
    const char *c = pre ? s + 1 : s;
    size_t cn = n - 1;
    for (size_t i = 0; i < cn; i++)
        if (!isalnum((unsigned char)c[i]) && c[i] != '/') {
            kh_petr_bad(r, col, "bad character '%c' in agent code [%.*s]",
                        c[i], (int)n, s);
            return 0;
        }
    a->code = kh_dict_str(r->d, c, cn);
    a->prefix = (uint8_t)post;
    return 1;
}

static int ends_with_us(const char *s, size_t n)
{
    kh_petr_trim(&s, &n);
    return n && s[n - 1] == '_';
}

/* Stores the phrases (and, when plural, their regular plurals) of one
 * agent; returns how many roots were added. */
static size_t agent_roots(kh_petr_rd *r, const strs *phrases, int plurals,
                          uint32_t agent, long col, kh_pvec *v)
{
    size_t added = 0;
    for (size_t i = 0; i < phrases->n; i++) {
        const char *p = phrases->s[i];
        if (!kh_petr_words(r, p, strlen(p), col, v))
            continue;
        kh_petr_add_root(r, v, KH_ROOT_AGENT, agent);
        added++;
        if (!plurals || ends_with_us(p, strlen(p)))
            continue;
        kh_pel *last = &v->v[v->n - 1];
        uint32_t pl = kh_petr_plural(r->d, last->arg);
        if (pl == KH_NONE)
            continue;
        last->arg = pl;
        kh_petr_add_root(r, v, KH_ROOT_AGENT, agent);
        added++;
    }
    return added;
}

static void agent_line(kh_petr_rd *r, const macros *ms, const char *s,
                       size_t n, kh_pvec *v)
{
    const char *b = memchr(s, '[', n);
    if (!b) {
        kh_petr_bad(r, 1, "agent without a [code]");
        return;
    }
    const char *close = memchr(b, ']', (size_t)(s + n - b));
    if (!close) {
        kh_petr_bad(r, (long)(b - s) + 1, "missing ] after [");
        return;
    }
    kh_agent a = {KH_NONE, 0};
    if (!agent_code(r, b + 1, (size_t)(close - b - 1), (long)(b - s) + 1, &a))
        return;
    size_t pl = (size_t)(b - s);
    const char *brace = memchr(s, '{', pl);
    const char *plural = NULL;
    size_t npl = 0;
    if (brace) {
        const char *cb = memchr(brace, '}', (size_t)(b - brace));
        if (!cb) {
            kh_petr_bad(r, (long)(brace - s) + 1, "missing } after {");
            return;
        }
        for (const char *q = cb + 1; q < b; q++)
            if (!isspace((unsigned char)*q)) {
                kh_petr_bad(r, (long)(q - s) + 1, "text between } and [");
                return;
            }
        plural = brace + 1;
        npl = (size_t)(cb - brace - 1);
        pl = (size_t)(brace - s);
    }
    strs ph = {0}, plu = {0};
    int marker = memchr(s, '!', pl) != NULL;
    if (!expand(r, ms, s, pl, 0, &ph))
        goto out;
    if (plural) {
        kh_petr_trim(&plural, &npl);
        if (npl && !expand(r, ms, plural, npl, 0, &plu))
            goto out;
    }
    uint32_t ai = kh_dict_add_agent(r->d, &a);
    /* Substituted phrases take no plurals: the sets list them. */
    size_t roots = agent_roots(r, &ph, !plural && !marker, ai, 1, v);
    roots += agent_roots(r, &plu, 0, ai, plural ? (long)(plural - s) + 1 : 1,
                         v);
    if (!roots) {
        r->d->nagents--;
    } else {
        r->st->agents++;
        r->st->agent_forms += roots;
    }
out:
    strs_free(&ph);
    strs_free(&plu);
}

void kh_petr_read_agents(kh_petr_rd *r)
{
    macros ms = {0};
    kh_pvec v = {0};
    const char *s;
    size_t n;
    while (kh_petr_next_line(r, &s, &n)) {
        kh_petr_trim(&s, &n);
        const char *b = memchr(s, '[', n);
        const char *eq = memchr(s, '=', n);
        if (s[0] == '!' && eq && (!b || eq < b))
            define_macro(r, &ms, s, n);
        else
            agent_line(r, &ms, s, n, &v);
    }
    free_macros(&ms);
    free(v.v);
}

/* ---- discards ----------------------------------------------------------- */

void kh_petr_read_discards(kh_petr_rd *r)
{
    kh_pvec v = {0};
    const char *s;
    size_t n;
    while (kh_petr_next_line(r, &s, &n)) {
        size_t lead = 0;
        while (lead < n && isspace((unsigned char)s[lead]))
            lead++;
        s += lead, n -= lead;
        int story = s[0] == '+';
        if (story)
            s++, n--;
        if (!kh_petr_words(r, s, n, (long)lead + 1 + story, &v))
            continue;
        if (!ends_with_us(s, n))
            v.v[v.n - 1].match = KH_MATCH_STEM;
        kh_petr_add_root(r, &v, KH_ROOT_DISCARD, (uint32_t)story);
        r->st->discards++;
    }
    free(v.v);
}
