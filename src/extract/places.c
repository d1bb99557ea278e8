/*
 * places.c - the places stage: place mentions, resolved in the gazetteer,
 * and each event's place.
 *
 * Three passes over the article, all linear in its tokens:
 *
 * 1. Find.  At each capitalised word (or "al-" word), the words that
 *    follow are folded into keys and looked up in the gazetteer's name
 *    index, longest name first ("Kurdistan Region of Iraq", "Deir ez-Zor",
 *    "al-Qaim"); the index says when no longer name can begin here, so a
 *    token costs a few hash lookups.  A found span is then judged by its
 *    surroundings: a capitalised word before or after it that is not part
 *    of the name makes it part of another name ("Paris Hilton", "Sardar
 *    Mustafa", "Baghdad Today"); a first word of a sentence must be tagged
 *    a proper noun ("Police said", "Mobile phones", "Best"); the outlet's
 *    own name is not a place; and a name that is an event's source or
 *    target, the subject of a saying verb or the agent after "by" is an
 *    actor ("Baghdad announced", "led by Washington"), not a place, unless
 *    a locative preposition governs it ("in Iraq").
 * 2. Focus.  Countries named (actors included), demonyms ("Iraqi") and
 *    the dateline vote for the article's countries.
 * 3. Resolve.  Each name's readings are scored: kind (a country before a
 *    region before a city), population, our preferred readings, the
 *    focus, and an apposition that contains it ("Mosul, Iraq").  A small
 *    town is kept only with support: in a country of the focus, governed
 *    by "in/near/...", or contained by the apposition; a town named by a
 *    common word needs that and a proper-noun tag; a subdivision of a
 *    country outside the focus needs the same.
 *
 * Each event then takes a place mentioned in its sentence, the one that
 * "in/near/southwest of" governs first and the nearest to its verb, else
 * the dateline's place.
 */
#include "gazetteer.h"

#include "../core/arena.h"
#include "../tag/tag.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A name found in the text. */
typedef struct cand {
    uint32_t tok, ntok;      /* tokens [tok, tok + ntok) */
    uint32_t sent;
    const kh_gaz_name *nm;
    uint8_t drop;            /* not a place mention at all */
    uint8_t actor;           /* a metonym: counts for the focus only */
    uint8_t demonym;
    uint8_t locative;        /* governed by in/near/... */
    uint8_t admin_word;      /* followed by province/governorate/... */
    uint8_t proper;          /* first word tagged NNP/NNPS */
    uint8_t opens;           /* first word opens the sentence */
    uint8_t surname;         /* the last word of a longer name */
    int32_t within;          /* the candidate of ", X" after it, or -1 */
    int32_t gp;              /* the chosen gazetteer place, or -1 */
} cand;

#define MAX_FOCUS 32

typedef struct focus {
    char cc[MAX_FOCUS][3];
    float votes[MAX_FOCUS];
    int n;
} focus;

typedef struct ctx {
    const kh_gazetteer *g;
    kh_doc *d;
    cand *c;
    size_t nc, cap;
    focus f;
} ctx;

/* ---- words ------------------------------------------------------------- */

/* Whether token i is the lower-case word w, in any case.  The first
 * letter is compared first: this runs for many words of the lists below. */
static int tok_is(const kh_doc *d, size_t i, const char *w)
{
    const kh_token *t = &d->tokens[i];
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    return (s[0] | 0x20) == w[0] && strncasecmp(s, w, n) == 0 && !w[n];
}

static int tok_in(const kh_doc *d, size_t i, const char *const *ws)
{
    for (; *ws; ws++)
        if (tok_is(d, i, *ws))
            return 1;
    return 0;
}

static const char *lemma_of(const kh_doc *d, size_t i, char *buf, size_t cap)
{
    if (d->lemma && d->lemma[i])
        return d->lemma[i];
    const kh_token *t = &d->tokens[i];
    size_t n = t->end - t->start < cap - 1 ? t->end - t->start : cap - 1;
    for (size_t k = 0; k < n; k++) {
        char ch = d->text[t->start + k];
        buf[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    buf[n] = 0;
    return buf;
}

static int is_word(const kh_token *t)
{
    return t->kind == KH_TOK_WORD || t->kind == KH_TOK_ABBREV;
}

static int capitalised(const kh_token *t)
{
    return is_word(t) && (t->flags & (KH_TF_UPPER | KH_TF_ALLCAPS));
}

static int proper_tag(int tag)
{
    return tag == KH_POS_NNP || tag == KH_POS_NNPS;
}

/* Tags a place name's first word cannot have. */
static int function_tag(int tag)
{
    return kh_pos_is_verb(tag) || tag == KH_POS_IN || tag == KH_POS_DT ||
           tag == KH_POS_CC || tag == KH_POS_PRP || tag == KH_POS_PRPS ||
           tag == KH_POS_MD || tag == KH_POS_WDT || tag == KH_POS_WP ||
           tag == KH_POS_WPS || tag == KH_POS_WRB || tag == KH_POS_TO ||
           tag == KH_POS_EX || tag == KH_POS_RB || tag == KH_POS_CD;
}

static const char *const directions[] = {
    "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "central", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "northeastern",
    "northwestern", "southeastern", "southwestern", "greater", "upper",
    "lower", "downtown", "occupied", "rural", NULL};

static const char *const admin_words[] = {
    "province", "governorate", "region", "district", "state", "oblast",
    "prefecture", "county", "provinces", "governorates", NULL};

/* "the outskirts of Mosul": nouns that make "of" locative. */
static const char *const areas[] = {
    "outskirts", "city", "town", "village", "villages", "province",
    "district", "mountains", "mountain", "suburbs", "suburb", "centre",
    "center", "streets", "region", "area", "areas", "heart", "capital",
    "port", "governorate", "countryside", "parts", "part", "west", "edge",
    "south", "north", "east", "border", "borders", "desert", "coast",
    "districts", "neighbourhood", "neighborhood", NULL};

/* Verbs after which "to" is locative ("travel to Baghdad"). */
static const char *const motions[] = {
    "travel", "go", "come", "return", "fly", "head", "move", "flee",
    "arrive", "drive", "walk", "sail", "march", "retreat", "advance",
    "withdraw", "relocate", "deploy", "escape", NULL};

static const char *const locatives[] = {
    "in", "at", "near", "outside", "inside", "across", "throughout",
    "around", "within", "from", "into", "toward", "towards", "via",
    "through", "nearby", NULL};

/* Verbs whose subject is an actor, not a place ("Baghdad announced"). */
static const char *const saying[] = {
    "say", "announce", "state", "declare", "deny", "accuse", "warn", "urge",
    "condemn", "demand", "reject", "call", "insist", "confirm", "claim",
    "ask", "reply", "respond", "threaten", "vow", "pledge", "agree",
    "refuse", "protest", "welcome", "criticize", "criticise", "blame",
    "tell", "report", "stress", "add", "explain", "note", "affirm",
    "reiterate", "express", "want", "believe", "argue", "decide", "sign",
    "approve", "order", "offer", "propose", "request", "expel", "recall",
    "impose", "sanction", "support", "oppose", "praise", "thank", "invite",
    "allege", "acknowledge", "admit", "summon", "veto", "insist", "hope",
    "consider", "recognize", "recognise", "dismiss", "slam", "vow", NULL};

static int in_list(const char *w, const char *const *ws)
{
    for (; *ws; ws++)
        if (strcmp(w, *ws) == 0)
            return 1;
    return 0;
}

/* Whether token i opens its sentence or a clause the way a sentence does:
 * its capital says nothing. */
static int opens(const kh_doc *d, const kh_sentence *s, size_t i)
{
    if (i == s->tok_first)
        return 1;
    const kh_token *p = &d->tokens[i - 1];
    if (p->kind == KH_TOK_QUOTE_OPEN || p->kind == KH_TOK_DASH)
        return 1;
    if (p->kind == KH_TOK_PUNCT) {
        char ch = d->text[p->start];
        return ch == ':' || ch == '(' || ch == ';' || ch == '[';
    }
    return 0;
}

/* A sentence in title case or capitals: capitals say little there. */
static int title_mode(const kh_doc *d, const kh_sentence *s)
{
    size_t words = 0, caps = 0;
    for (size_t i = s->tok_first; i < s->tok_end; i++) {
        if (!is_word(&d->tokens[i]))
            continue;
        words++;
        caps += capitalised(&d->tokens[i]) != 0;
    }
    return words >= 4 && caps * 10 >= words * 7;
}

/* ---- finding names ------------------------------------------------------- */

/* The article's own name at text offset off ("Baghdad Today" in "an
 * interview with Baghdad today"). */
static int outlet_at(const kh_doc *d, size_t off, size_t end)
{
    if (!d->source)
        return 0;
    size_t n = strlen(d->source);
    return n > end - off && off + n <= d->text_len &&
           strncasecmp(d->text + off, d->source, n) == 0;
}

/* Whether tokens [i, j] can be in a name: words, and hyphens between. */
static int name_token(const kh_token *t)
{
    return is_word(t);
}

/* The longest gazetteer name that starts at byte base of token i of
 * sentence s; its token count in *ntok. */
static const kh_gaz_name *longest_at(const ctx *x, const kh_sentence *s,
                                     size_t i, size_t base, uint32_t *ntok)
{
    const kh_doc *d = x->d;
    const kh_gaz_name *best = NULL;
    char key[KH_GAZ_KEYMAX];
    const kh_token *ti = &d->tokens[i];
    int art = ti->end - ti->start == 2 &&
              (tok_is(d, i, "al") || tok_is(d, i, "el") ||
               tok_is(d, i, "as") || tok_is(d, i, "ad") ||
               tok_is(d, i, "an") || tok_is(d, i, "ar"));
    for (size_t j = i; j < s->tok_end && j - i < KH_GAZ_MAXW; j++) {
        const kh_token *t = &d->tokens[j];
        if (!name_token(t))
            break;
        size_t kl = kh_gaz_key(d->text + base, t->end - base, key,
                               sizeof key, NULL);
        const kh_gaz_name *nm = kl ? kh_gaz_find(x->g, key, kl) : NULL;
        if (!nm) {
            if (art && j == i)
                continue;   /* "Al" alone leads nowhere; "Al Anbar" may */
            break;
        }
        if (nm->count) {
            best = nm;
            *ntok = (uint32_t)(j - i + 1);
        }
        if (nm->more <= nm->words && !(art && j == i))
            break;
    }
    return best;
}

/* The longest name at token i; "al-Nasiriyah" is also read without its
 * article when the gazetteer has no name with it. */
static const kh_gaz_name *longest(const ctx *x, const kh_sentence *s,
                                  size_t i, uint32_t *ntok)
{
    const kh_token *t = &x->d->tokens[i];
    const kh_gaz_name *nm = longest_at(x, s, i, t->start, ntok);
    const char *w = x->d->text + t->start;
    if (!nm && t->end - t->start > 3 && (strncasecmp(w, "al-", 3) == 0 ||
                                         strncasecmp(w, "el-", 3) == 0))
        nm = longest_at(x, s, i, t->start + 3, ntok);
    return nm;
}

static int may_start(const kh_doc *d, size_t i)
{
    const kh_token *t = &d->tokens[i];
    if (capitalised(t)) {
        /* "The", "In", "But" open sentences: no lookup (but "Al Anbar",
         * "As Sulaymaniyah", whatever the tagger made of the article) */
        int g = t->tag;
        if (t->end - t->start > 2 && !kh_pos_is_verb(g) &&
            g != KH_POS_RB && g != KH_POS_CD && function_tag(g) &&
            !tok_in(d, i, directions))
            return 0;
        return 1;
    }
    /* "al-Qaim", "el-Arish" */
    const char *s = d->text + t->start;
    return t->kind == KH_TOK_WORD && t->end - t->start > 3 && s[2] == '-' &&
           (s[0] == 'a' || s[0] == 'e') && s[1] == 'l' &&
           s[3] >= 'A' && s[3] <= 'Z';
}

static int may_start(const kh_doc *d, size_t i);

/* Whether c is governed by a locative preposition, over "the" and a
 * direction ("in northern Iraq"), "southwest of", "the outskirts of",
 * or "travel to". */
static int locative_before(const kh_doc *d, const kh_sentence *s, size_t a)
{
    size_t p = a;
    while (p > s->tok_first && (tok_is(d, p - 1, "the") ||
                                tok_in(d, p - 1, directions)))
        p--;
    if (p == s->tok_first)
        return 0;
    if (tok_in(d, p - 1, locatives))
        return 1;
    if (tok_is(d, p - 1, "of") && p - 1 > s->tok_first &&
        (tok_in(d, p - 2, directions) || tok_in(d, p - 2, areas)))
        return 1;
    if (tok_is(d, p - 1, "to") && p - 1 > s->tok_first) {
        char buf[64];
        return in_list(lemma_of(d, p - 2, buf, sizeof buf), motions);
    }
    return 0;
}

/* Whether c, not governed by a locative, names an actor: the subject of
 * a saying verb (over adverbs and auxiliaries), the agent after "by", or
 * an event's source or target. */
static int actor_at(const kh_doc *d, const kh_sentence *s, const cand *c)
{
    size_t a = c->tok, b = c->tok + c->ntok;
    if (a > s->tok_first && tok_is(d, a - 1, "by"))
        return 1;   /* "led by Washington" */
    size_t v = b;
    if (v < s->tok_end && d->tokens[v].tag == KH_POS_POS)
        v = s->tok_end;   /* "Iraq's": a possessive, never a subject */
    for (int k = 0; v < s->tok_end && k < 3; k++, v++) {
        int t = d->tokens[v].tag;
        if (t == KH_POS_RB || t == KH_POS_MD || tok_is(d, v, "has") ||
            tok_is(d, v, "have") || tok_is(d, v, "had"))
            continue;
        break;
    }
    if (v < s->tok_end && kh_pos_is_verb(d->tokens[v].tag) &&
        d->tokens[v].tag != KH_POS_VBG &&
        (d->tokens[v].tag != KH_POS_VBN || v > b)) {
        char buf[64];
        if (in_list(lemma_of(d, v, buf, sizeof buf), saying))
            return 1;
    }
    uint32_t ms = d->tokens[a].start, me = d->tokens[b - 1].end;
    for (size_t e = 0; e < d->nevents; e++) {
        const kh_event *ev = &d->events[e];
        if (ev->sentence != c->sent)
            continue;
        if ((ev->src_end > ev->src_start && ms < ev->src_end &&
             me > ev->src_start) ||
            (ev->tgt_end > ev->tgt_start && ms < ev->tgt_end &&
             me > ev->tgt_start))
            return 1;
    }
    return 0;
}

static int may_start(const kh_doc *d, size_t i);

/* Judges the span of c by its surroundings (see the top of the file). */
static void judge(ctx *x, cand *c, const kh_sentence *s, int title)
{
    const kh_doc *d = x->d;
    size_t a = c->tok, b = c->tok + c->ntok;   /* [a, b) */
    const kh_token *first = &d->tokens[a];
    int tag = first->tag;
    c->proper = proper_tag(tag);
    c->opens = (uint8_t)opens(d, s, a);
    c->locative = (uint8_t)locative_before(d, s, a);
    /* every reading is a demonym, or an acronym written in lower case */
    int places = 0, demonyms = 0;
    int caps = (first->flags & KH_TF_ALLCAPS) || first->kind == KH_TOK_ABBREV;
    for (uint32_t r = 0; r < c->nm->count; r++) {
        uint32_t ref = x->g->refs[c->nm->first + r];
        if (ref & KH_GR_DEMONYM)
            demonyms++;
        else if (!(ref & KH_GR_ACRONYM) || caps)
            places++;
    }
    c->drop = 1;
    if (!places) {
        c->demonym = demonyms > 0;
        return;
    }
    /* a first word must be a proper noun; elsewhere its capital says it
     * is a name unless its tag is a function word's (a capitalised word
     * after "in" is a place whatever the tagger thought: "in Reading") */
    if (c->opens ? !c->proper
                 : function_tag(tag) && !(c->locative && capitalised(first)))
        return;
    if (outlet_at(d, first->start, d->tokens[b - 1].end))
        return;
    /* a month or a day in a date ("in March 2023", "on Friday") names no
     * town (March, Cambridgeshire) */
    for (size_t i = 0; i < d->ndates; i++)
        if (d->dates[i].start < d->tokens[b - 1].end &&
            first->start < d->dates[i].end)
            return;
    /* part of a longer name: a capitalised word before or after */
    if (!title && a > s->tok_first && capitalised(&d->tokens[a - 1]) &&
        proper_tag(d->tokens[a - 1].tag) && !tok_in(d, a - 1, directions)) {
        c->surname = 1;   /* "Michael Jordan": later "Jordan" is him */
        return;
    }
    /* "U.S. troops", "US forces": an acronym as an adjective says the
     * country as "American" does */
    if (caps && c->ntok == 1 && first->end - first->start <= 5 &&
        b < s->tok_end && (d->tokens[b].tag == KH_POS_NN ||
                           d->tokens[b].tag == KH_POS_NNS) &&
        !capitalised(&d->tokens[b])) {
        c->demonym = 1;
        return;
    }
    if (b < s->tok_end && tok_in(d, b, admin_words)) {
        c->admin_word = tok_is(d, b, "county") ? 2 : 1;
    } else if (!title && b < s->tok_end &&
               ((capitalised(&d->tokens[b]) && proper_tag(d->tokens[b].tag)) ||
                may_start(d, b))) {
        return;
    }
    c->drop = 0;
    c->actor = !c->locative && actor_at(d, s, c);
}

static void find(ctx *x)
{
    kh_doc *d = x->d;
    for (size_t si = 0; si < d->nsents; si++) {
        const kh_sentence *s = &d->sents[si];
        int title = -1;   /* computed when a name is found */
        for (size_t i = s->tok_first; i < s->tok_end;) {
            uint32_t n = 0;
            const kh_gaz_name *nm = may_start(d, i) ? longest(x, s, i, &n)
                                                    : NULL;
            if (!nm) {
                i++;
                continue;
            }
            if (x->nc == x->cap) {
                x->cap = x->cap ? x->cap * 2 : 32;
                x->c = kh_xrealloc(x->c, x->cap * sizeof *x->c);
            }
            cand *c = &x->c[x->nc++];
            memset(c, 0, sizeof *c);
            c->tok = (uint32_t)i, c->ntok = n, c->sent = (uint32_t)si;
            c->nm = nm;
            c->within = c->gp = -1;
            if (title < 0)
                title = title_mode(d, s);
            judge(x, c, s, title);
            i += n;
        }
    }
    /* "in Salah al-Din and Diyala": the preposition governs the list */
    for (size_t k = 1; k < x->nc; k++) {
        cand *p = &x->c[k - 1], *c = &x->c[k];
        if (p->sent != c->sent || p->drop || !p->locative || c->locative)
            continue;
        size_t t = p->tok + p->ntok;
        while (t < c->tok && (tok_is(d, t, "and") || tok_is(d, t, "or") ||
                              d->text[d->tokens[t].start] == ','))
            t++;
        if (t == c->tok && c->tok > p->tok + p->ntok) {
            c->locative = 1;
            c->actor = 0;
        }
    }
    /* "Michael Jordan ... Jordan said": the surname of a name written in
     * full is that person wherever it recurs */
    for (size_t k = 0; k < x->nc; k++) {
        if (!x->c[k].surname)
            continue;
        for (size_t j = 0; j < x->nc; j++)
            if (x->c[j].nm == x->c[k].nm && !x->c[j].locative)
                x->c[j].drop = 1;
    }
    /* "Mosul, Iraq": the name after the comma contains this one */
    for (size_t k = 0; k + 1 < x->nc; k++) {
        cand *c = &x->c[k], *n = &x->c[k + 1];
        uint32_t after = c->tok + c->ntok;
        if (n->sent == c->sent && n->tok == after + 1 &&
            d->text[d->tokens[after].start] == ',' && !n->drop)
            c->within = (int32_t)(k + 1);
    }
}

/* ---- focus ------------------------------------------------------------------ */

static void vote(focus *f, const char *cc, float w)
{
    if (!cc[0])
        return;
    for (int i = 0; i < f->n; i++) {
        if (memcmp(f->cc[i], cc, 3) == 0) {
            f->votes[i] += w;
            return;
        }
    }
    if (f->n == MAX_FOCUS)
        return;
    memcpy(f->cc[f->n], cc, 3);
    f->votes[f->n++] = w;
}

/* 2 for the country with most votes, 1 for another with votes, else 0. */
static int focus_of(const focus *f, const char *cc)
{
    int top = -1, me = -1;
    for (int i = 0; i < f->n; i++) {
        if (top < 0 || f->votes[i] > f->votes[top])
            top = i;
        if (memcmp(f->cc[i], cc, 3) == 0)
            me = i;
    }
    if (me < 0)
        return 0;
    return me == top || f->votes[me] >= f->votes[top] ? 2 : 1;
}

static void collect_focus(ctx *x)
{
    for (size_t k = 0; k < x->nc; k++) {
        const cand *c = &x->c[k];
        if (c->drop && !c->demonym)
            continue;
        const kh_gaz_name *nm = c->nm;
        /* the first reading of its kind: countries, then subdivisions */
        for (uint32_t r = 0; r < nm->count; r++) {
            uint32_t ref = x->g->refs[nm->first + r];
            const kh_gaz_place *p = &x->g->places[ref & KH_GR_PLACE];
            if (ref & KH_GR_DEMONYM) {
                vote(&x->f, p->country, 0.5f);
                break;
            }
            if (p->kind == KH_PLACE_COUNTRY) {
                vote(&x->f, p->country, 1.0f);
                break;
            }
        }
    }
}

/* ---- resolving ----------------------------------------------------------- */

static double score(const ctx *x, const cand *c, uint32_t ref,
                    const kh_gaz_place *within)
{
    const kh_gaz_place *p = &x->g->places[ref & KH_GR_PLACE];
    double s;
    if (p->kind == KH_PLACE_COUNTRY)
        s = 9.5;
    else if (p->kind == KH_PLACE_ADMIN1)
        s = c && c->admin_word ? 20 : (ref & KH_GR_WEAK) ? 4.0 : 6.5;
    else
        s = log10((double)(p->rank_pop ? p->rank_pop : 1000)) +
            ((p->flags & KH_GP_CAPITAL) ? 0.3 : 0) -
            (c && c->admin_word ? 5 : 0);
    if (ref & KH_GR_PREFERRED)
        s += 4;
    int f = focus_of(&x->f, p->country);
    s += f == 2 ? 2.5 : f == 1 ? 1.5 : 0;
    if (within && p != within && memcmp(p->country, within->country, 3) == 0 &&
        (within->kind == KH_PLACE_COUNTRY ||
         (within->admin1[0] && strncmp(p->admin1, within->admin1, 8) == 0)))
        s += 6;
    return s;
}

/* The best reading of a name (index in the gazetteer), or -1. */
static int32_t best_reading(const ctx *x, const cand *c,
                            const kh_gaz_name *nm, const kh_gaz_place *within,
                            int caps)
{
    int32_t best = -1;
    double bs = -1e9;
    for (uint32_t r = 0; r < nm->count; r++) {
        uint32_t ref = x->g->refs[nm->first + r];
        if ((ref & KH_GR_DEMONYM) || ((ref & KH_GR_ACRONYM) && !caps))
            continue;
        double s = score(x, c, ref, within);
        if (s > bs) {
            bs = s;
            best = (int32_t)(ref & KH_GR_PLACE);
        }
    }
    return best;
}

/* Whether a city reading has the support a small or common-word town
 * needs. */
static int supported(const ctx *x, const cand *c, const kh_gaz_place *p,
                     int contained)
{
    int f = focus_of(&x->f, p->country) > 0;
    if (p->kind == KH_PLACE_COUNTRY)
        return 1;
    if (p->kind == KH_PLACE_ADMIN1)   /* "the Red Sea city" of Yemen is not
                                         Sudan's Red Sea State */
        return f || !x->f.n || c->locative || contained || c->admin_word;
    if (p->flags & KH_GP_COMMON)
        return (c->proper || !c->opens) && (c->locative || contained);
    if (c->admin_word == 2)
        return 0;   /* "Lamar County": a county the gazetteer lacks */
    return p->rank_pop >= 100000 || f || contained ||
           (c->locative && p->rank_pop >= 5000);
}

static void resolve(ctx *x)
{
    kh_doc *d = x->d;
    for (size_t k = x->nc; k-- > 0;) {   /* containers first */
        cand *c = &x->c[k];
        if (c->drop || c->actor)
            continue;
        const kh_gaz_place *within = NULL;
        if (c->within >= 0 && x->c[c->within].gp >= 0)
            within = &x->g->places[x->c[c->within].gp];
        const kh_token *t = &d->tokens[c->tok];
        int caps = (t->flags & KH_TF_ALLCAPS) || t->kind == KH_TOK_ABBREV;
        int32_t gp = best_reading(x, c, c->nm, within, caps);
        if (gp < 0)
            continue;
        const kh_gaz_place *p = &x->g->places[gp];
        if (c->admin_word == 1 && p->kind == KH_PLACE_CITY &&
            (p->flags & KH_GP_SEAT) && p->admin1[0]) {
            /* "Kursk region": the subdivision its seat governs, found
             * under its ISO code */
            char code[16];
            size_t kl = kh_gaz_key(p->admin1, strnlen(p->admin1, 8), code,
                                   sizeof code, NULL);
            const kh_gaz_name *an = kl ? kh_gaz_find(x->g, code, kl) : NULL;
            if (an && an->count) {
                gp = (int32_t)(x->g->refs[an->first] & KH_GR_PLACE);
                p = &x->g->places[gp];
            }
        }
        int contained = within && memcmp(p->country, within->country, 3) == 0;
        if (supported(x, c, p, contained))
            c->gp = gp;
    }
}

/* ---- output ------------------------------------------------------------------ */

static int32_t add_place(kh_doc *d, const kh_gazetteer *g, int32_t gp,
                         int32_t *map, size_t nmap)
{
    for (size_t i = 0; i < nmap && i < d->nplaces; i++)
        if (map[i] == gp)
            return (int32_t)i;
    const kh_gaz_place *p = &g->places[gp];
    kh_place *o = &d->places[d->nplaces];
    memset(o, 0, sizeof *o);
    o->name = kh_arena_strdup(&d->arena, g->strings + p->name);
    memcpy(o->country, p->country, 3);
    o->country[3] = 0;
    memcpy(o->admin1, p->admin1, 7);
    o->admin1[7] = 0;
    o->lat = p->lat / 1e5;
    o->lon = p->lon / 1e5;
    o->geonameid = p->geonameid;
    o->kind = p->kind;
    map[d->nplaces] = gp;
    return (int32_t)d->nplaces++;
}

/* The dateline's place: "Baghdad", "MOSUL, Iraq" (the part after the
 * comma is read from the header line, where the reader left it). */
static int32_t dateline_place(ctx *x, int32_t *container)
{
    *container = -1;
    kh_doc *d = x->d;
    if (!d->dateline || !*d->dateline)
        return -1;
    char key[KH_GAZ_KEYMAX];
    size_t kl = kh_gaz_key(d->dateline, strlen(d->dateline), key, sizeof key,
                           NULL);
    const kh_gaz_name *nm = kl ? kh_gaz_find(x->g, key, kl) : NULL;
    if (!nm || !nm->count)
        return -1;
    const kh_gaz_place *within = NULL;
    size_t hl = d->text_body_start, dl = strlen(d->dateline);
    for (size_t i = 0; hl >= dl && i + dl <= hl && !within; i++) {
        if (strncasecmp(d->text + i, d->dateline, dl) != 0 ||
            i + dl + 2 >= hl || d->text[i + dl] != ',')
            continue;
        size_t a = i + dl + 1, b = a;
        while (a < hl && d->text[a] == ' ')
            a++;
        b = a;
        while (b < hl && d->text[b] != ',' && d->text[b] != '(' &&
               d->text[b] != '\n' && !(d->text[b] == ' ' && b + 1 < hl &&
                                       (d->text[b + 1] == '-' ||
                                        (unsigned char)d->text[b + 1] == 0xE2)))
            b++;
        size_t wl = kh_gaz_key(d->text + a, b - a, key, sizeof key, NULL);
        const kh_gaz_name *w = wl ? kh_gaz_find(x->g, key, wl) : NULL;
        int32_t wp = w ? best_reading(x, NULL, w, NULL, 1) : -1;
        if (wp >= 0 && x->g->places[wp].kind != KH_PLACE_CITY) {
            within = &x->g->places[wp];
            *container = wp;
        }
    }
    return best_reading(x, NULL, nm, within, 1);
}

/* The place of each event: a mention in its sentence ("in" first, then
 * the nearest to its verb), else the dateline's. */
static void place_events(kh_doc *d, const ctx *x, const int32_t *mref,
                         const uint32_t *mcand, int32_t dateline)
{
    for (size_t e = 0; e < d->nevents; e++) {
        kh_event *ev = &d->events[e];
        int32_t best = -1;
        double bs = -1e18;
        for (size_t m = 0; m < d->nplace_mentions; m++) {
            const kh_mention *pm = &d->place_mentions[m];
            if (pm->sentence != ev->sentence)
                continue;
            double s = 0;
            if (x->c[mcand[m]].locative)
                s += 1e6;
            if (pm->start >= ev->start && pm->end <= ev->end)
                s += 1e5;
            s -= fabs((double)pm->start - (double)ev->verb_start);
            if (s > bs) {
                bs = s;
                best = mref[m];
            }
        }
        ev->place = best >= 0 ? best : dateline;
    }
}

int kh_find_places(const kh_gazetteer *g, kh_doc *d)
{
    for (size_t e = 0; e < d->nevents; e++)
        d->events[e].place = -1;
    if (!g || !g->nnames || !d->ntokens)
        return KH_OK;
    ctx x;
    memset(&x, 0, sizeof x);
    x.g = g;
    x.d = d;
    find(&x);
    collect_focus(&x);
    int32_t dlc;
    int32_t dl = dateline_place(&x, &dlc);
    if (dl >= 0)
        vote(&x.f, g->places[dl].country, 2.0f);
    resolve(&x);
    size_t nm = 0;
    for (size_t k = 0; k < x.nc; k++)
        nm += x.c[k].gp >= 0;
    d->places = kh_arena_alloc(&d->arena, (nm + 2) * sizeof *d->places);
    d->place_mentions = kh_arena_alloc(&d->arena,
                                       (nm + 1) * sizeof *d->place_mentions);
    int32_t *map = kh_xmalloc((nm + 2) * sizeof *map);
    int32_t *mref = kh_xmalloc((nm + 1) * sizeof *mref);
    uint32_t *mcand = kh_xmalloc((nm + 1) * sizeof *mcand);
    d->nplaces = d->nplace_mentions = 0;
    int32_t dli = -1;
    if (dl >= 0)
        dli = add_place(d, g, dl, map, d->nplaces);
    if (dl >= 0 && dlc >= 0)   /* "MOSUL, Iraq": the article names Iraq */
        add_place(d, g, dlc, map, d->nplaces);
    for (size_t k = 0; k < x.nc; k++) {
        const cand *c = &x.c[k];
        if (c->gp < 0)
            continue;
        int32_t pi = add_place(d, g, c->gp, map, d->nplaces);
        kh_mention *m = &d->place_mentions[d->nplace_mentions];
        m->start = d->tokens[c->tok].start;
        m->end = d->tokens[c->tok + c->ntok - 1].end;
        m->sentence = c->sent;
        m->ref = (uint32_t)pi;
        mcand[d->nplace_mentions] = (uint32_t)k;
        mref[d->nplace_mentions++] = pi;
    }
    place_events(d, &x, mref, mcand, dli);
    free(map);
    free(mref);
    free(mcand);
    free(x.c);
    return KH_OK;
}
