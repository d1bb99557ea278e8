/*
 * entities.c - the entities stage: the people, organisations and places an
 * article names, each listed once with every mention of it.
 *
 * 1. Names (entities_scan.c): runs of capitalised words with their titles,
 *    aliases and cues.
 * 2. Mentions merged, in text order: a name joins the most recent entity
 *    that it names again: the same words; its surname ("Al-Sudani" after
 *    "Mohammed Shia Al-Sudani"; al- and particles aside); some of the
 *    words of an organisation's name ("Al-Nujaba" after "the Al-Nujaba
 *    Movement"); its acronym ("U.S.", "US" after "the United States");
 *    an alias given for it ("nicknamed “Abu Taqwa”"); the same place of
 *    the gazetteer.  A longer name written later becomes the entity's
 *    name.
 * 3. Codes: the dictionaries code each entity's fullest name as the coder
 *    would code it as an actor, with its title when the name alone is
 *    unknown (src/code/phrase_code.c).
 * 4. Types: the cues of all its mentions and its code decide between
 *    person, organisation and place (a title or a given name; the head of
 *    an organisation's name, "the", an acronym, a news outlet's place in
 *    "a statement to Al-Hurra"; a gazetteer place, "in", "north of",
 *    "Anbar province", a country's code).  A single word with no cue at
 *    all is no entity.
 * Speakers the article describes without naming them ("a military
 * official in the Pentagon said") are added by the quotes stage
 * (quotes_speakers.c), which reads who speaks.
 */
#include "extract.h"

#include "../code/code.h"
#include "../dict/dict.h"
#include "../text/text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_ALIASES 4

typedef struct {
    int32_t best;            /* the candidate with the fullest name */
    int32_t title;           /* the candidate whose title it takes, -1 */
    uint32_t first_tok;      /* its first mention */
    uint32_t last_tok;       /* its latest mention: recency */
    int32_t aliases[MAX_ALIASES];
    int naliases;
    uint64_t bloom;          /* one bit for each word of its names: most
                                names share none with it */
    int person, org, place;  /* cue sums */
    int32_t place_ref;       /* doc->places, -1 */
    uint8_t gender;
    uint8_t type;            /* KH_ENT_*, 0 until decided; dropped then */
    uint8_t code_of_name;    /* the code is the name's, not its title's */
    uint8_t dated;           /* and bounded by dates: an office holder */
    uint8_t thing;           /* named as a project, a law, an operation */
    char code[48];
} went;

typedef struct {
    kh_doc *d;
    const kh_dict *dict;
    void *unit;              /* the coder's scratch unit */
    int32_t date;
    kh_ecand *c;
    size_t nc, capc;
    went *e;
    size_t ne, cape;
    char (*ccode)[48];       /* candidates' own codes, for merging */
    uint8_t *coded;
    size_t ncoded;
} estage;

static int all_upper(const char *s, size_t n);

static int keys_equal(const kh_ecand *a, const kh_ecand *b)
{
    return a->nkey == b->nkey && a->nkey > 0 &&
           memcmp(a->key, b->key, a->nkey * sizeof a->key[0]) == 0;
}

/* Whether the keys of a are the last keys of b (a surname). */
static int keys_suffix(const kh_ecand *a, const kh_ecand *b)
{
    if (!a->nkey || a->nkey >= b->nkey)
        return 0;
    return memcmp(a->key, b->key + (b->nkey - a->nkey),
                  a->nkey * sizeof a->key[0]) == 0;
}

/* Whether every key of a is among b's words before "of". */
static int keys_within(const kh_ecand *a, const kh_ecand *b)
{
    if (!a->nkey || a->nkey >= b->npre)
        return 0;
    for (int i = 0; i < a->nkey; i++) {
        int found = 0;
        for (int j = 0; j < b->npre && !found; j++)
            found = a->key[i] == b->key[j];
        if (!found)
            return 0;
    }
    return 1;
}

static int org_like(const kh_ecand *c)
{
    return c->orgish || c->org > c->person;
}

/* The code the coder gave tokens [a, z) when they were exactly an
 * actor of one of its events: the same words coded the same way, free. */
static int event_code(const kh_doc *d, size_t a, size_t z, char out[48])
{
    uint32_t s = d->tokens[a].start, e = d->tokens[z - 1].end;
    for (size_t i = 0; i < d->nevents; i++) {
        const kh_event *x = &d->events[i];
        const char *c = x->src_start == s && x->src_end == e ? x->source
                        : x->tgt_start == s && x->tgt_end == e ? x->target
                                                               : NULL;
        if (c && c[0] && c[0] != '-' && c[0] != '~') {
            memcpy(out, c, 48);
            return 1;
        }
    }
    return 0;
}

static int code_words(const estage *s, size_t a, size_t z, char out[48],
                      int *dated)
{
    /* the events do not say whether the code has dates: only when that
     * is not asked */
    if (!dated && event_code(s->d, a, z, out))
        return 1;
    return kh_code_phrase(s->dict, s->d, s->unit, a, z, s->date, out, dated);
}

/* The dictionaries' code of candidate k's words, computed once. */
static const char *cand_code(const estage *s, const kh_ecand *c)
{
    size_t k = (size_t)(c - s->c);
    if (!s->dict || k >= s->ncoded)
        return "";
    if (!s->coded[k]) {
        int dated = 0;
        s->ccode[k][0] = '\0';
        code_words(s, c->t0, c->t1, s->ccode[k], &dated);
        s->coded[k] = (uint8_t)(1 + dated);
    }
    return s->ccode[k];
}

/* Words of an organisation's name written alone ("Nujaba" for the
 * "Al-Nujaba Movement") name it unless the dictionaries say they are
 * something else ("Kurdistan" is not the Kurdistan Regional Government). */
static int same_code(const estage *s, const kh_ecand *shorter,
                     const kh_ecand *longer)
{
    const char *a = cand_code(s, shorter), *b = cand_code(s, longer);
    return !*a || !*b || strcmp(a, b) == 0;
}

/* Whether candidate c names entity e again; *longer is set when c is the
 * fuller name.  2 for a given name alone, which the caller takes only
 * when it is the one person with it. */
static uint64_t bloom_of(const kh_ecand *c)
{
    uint64_t b = 0;
    for (int i = 0; i < c->nkey; i++)
        b |= 1ull << (c->key[i] & 63);
    return b;
}

static int names_again(const estage *s, const kh_ecand *c, const went *e,
                       int *longer)
{
    const kh_ecand *b = &s->c[e->best];
    *longer = 0;
    /* no word in common, no place, no acronym: quickly nothing */
    if (!(bloom_of(c) & e->bloom) && (c->place < 0 || e->place_ref < 0) &&
        !c->is_acro && !b->is_acro)
        return 0;
    if (c->place >= 0 && e->place_ref >= 0)
        return c->place == e->place_ref;
    if (keys_equal(c, b))
        return 1;
    for (int k = 0; k < e->naliases; k++)
        if (keys_equal(c, &s->c[e->aliases[k]]))
            return 1;
    if (c->is_acro && !b->is_acro && b->nkey >= 2 &&
        strcmp(c->acro, b->acro) == 0)
        return 1;
    if (b->is_acro && !c->is_acro && c->nkey >= 2 &&
        strcmp(c->acro, b->acro) == 0)
        return *longer = 1, 1;
    /* a shorter name: a surname, or words of an organisation's name (not
     * a place: "Kurdistan" is not the Kurdistan Regional Government) */
    /* a surname: not of a place ("Gaza" is not "Wadi Gaza") */
    int b_place = b->placecue >= 2 || e->place > e->person;
    if (c->nkey < b->nkey) {
        if (!org_like(b) && !org_like(c) && !b_place && c->placecue < 2 &&
            keys_suffix(c, b))
            return 1;
        if (b->orghead && c->placecue < 2 && keys_within(c, b))
            return same_code(s, c, b);
        /* "the martyr Haidar" after "Sgt. Haidar Kadhim": a given name
         * alone, of a person (merge_names checks that no one else has it) */
        if (c->nkey == 1 && c->given && b->person > 0 && !org_like(b) &&
            c->key[0] == b->key[0])
            return 2;
        return 0;
    }
    if (c->nkey > b->nkey) {
        int hit = (!org_like(b) && !org_like(c) && !b_place &&
                   c->placecue < 2 && keys_suffix(b, c)) ||
                  (c->orghead && b->placecue < 2 && keys_within(b, c) &&
                   same_code(s, b, c));
        if (hit)
            *longer = 1;
        return hit;
    }
    return 0;
}

static int32_t new_entity(estage *s, int32_t cand)
{
    if (s->ne == s->cape) {
        s->cape = s->cape ? s->cape * 2 : 16;
        s->e = kh_xrealloc(s->e, s->cape * sizeof *s->e);
    }
    went *e = &s->e[s->ne];
    memset(e, 0, sizeof *e);
    e->best = cand;
    e->title = -1;
    e->place_ref = -1;
    e->first_tok = s->c[cand].t0;
    return (int32_t)s->ne++;
}

/* Candidate k joins entity ei. */
static void join(estage *s, size_t k, int32_t ei, int longer, int alias)
{
    kh_ecand *c = &s->c[k];
    went *e = &s->e[ei];
    c->ent = ei;
    if (longer)
        e->best = (int32_t)k;
    if (alias && e->naliases < MAX_ALIASES &&
        !keys_equal(c, &s->c[e->best])) {
        int dup = 0;
        for (int a = 0; a < e->naliases; a++)
            dup |= keys_equal(c, &s->c[e->aliases[a]]);
        if (!dup)
            e->aliases[e->naliases++] = (int32_t)k;
    }
    e->last_tok = c->t0;
    e->bloom |= bloom_of(c);
    e->person += c->person;
    e->org += c->org;
    e->place += c->placecue;
    e->thing |= c->thing;
    if (c->place >= 0)
        e->place_ref = c->place;
    if (e->title < 0 && c->ti0 < c->ti1)
        e->title = (int32_t)k;
    if (!e->gender)
        e->gender = c->gender;
}

static void merge_names(estage *s)
{
    for (size_t k = 0; k < s->nc; k++) {
        kh_ecand *c = &s->c[k];
        if (c->ent == -2 || c->title_only) {
            c->ent = -2;
            continue;
        }
        if (c->alias_of >= 0 && s->c[c->alias_of].ent >= 0) {
            join(s, k, s->c[c->alias_of].ent, 0, 1);
            continue;
        }
        if (c->adj == 2) {
            /* Iraqi, Saudi: an adjective when the dictionaries code the word
             * as a country; else a name (the Ratawi field) */
            const char *code = cand_code(s, c);
            c->adj = strlen(code) == 3 && all_upper(code, 3);
        }
        if (c->adj) {
            /* "Houthi spokesman" after "the Houthis": a mention, no cue */
            int32_t hit = -1;
            for (size_t ei = 0; ei < s->ne; ei++) {
                const kh_ecand *b = &s->c[s->e[ei].best];
                if (keys_equal(c, b) && (hit < 0 || s->e[ei].last_tok >=
                                                        s->e[hit].last_tok))
                    hit = (int32_t)ei;
            }
            if (hit < 0) {
                c->ent = -2;
                continue;
            }
            c->ent = hit;
            s->e[hit].last_tok = c->t0;
            continue;
        }
        int32_t best = -1, by_given = -1;
        int best_longer = 0, ngiven = 0;
        uint32_t best_tok = 0;
        for (size_t ei = 0; ei < s->ne; ei++) {
            int longer;
            int how = names_again(s, c, &s->e[ei], &longer);
            if (how == 2) {
                by_given = (int32_t)ei;
                ngiven++;
            } else if (how && (best < 0 || s->e[ei].last_tok >= best_tok)) {
                best = (int32_t)ei;
                best_longer = longer;
                best_tok = s->e[ei].last_tok;
            }
        }
        if (best < 0 && ngiven == 1)
            best = by_given;
        if (best < 0)
            best = new_entity(s, (int32_t)k);
        join(s, k, best, best_longer, 0);
    }
}

/* ---- places of the gazetteer ---------------------------------------------- */

/* The first token that ends after byte off. */
static size_t tok_at(const kh_doc *d, size_t off)
{
    size_t lo = 0, hi = d->ntokens;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->tokens[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static kh_ecand *push_cand(estage *s)
{
    if (s->nc == s->capc) {
        s->capc = s->capc ? s->capc * 2 : 16;
        s->c = kh_xrealloc(s->c, s->capc * sizeof *s->c);
    }
    kh_ecand *c = &s->c[s->nc++];
    memset(c, 0, sizeof *c);
    c->alias_of = -1;
    c->ent = -1;
    c->place = -1;
    return c;
}

/* The places stage's mentions: a name that is one is a place; a place
 * the scan missed is a name of its own. */
static void place_cands(estage *s, size_t *extra_from)
{
    kh_doc *d = s->d;
    *extra_from = s->nc;
    size_t k = 0;
    for (size_t m = 0; m < d->nplace_mentions; m++) {
        const kh_mention *pm = &d->place_mentions[m];
        if (pm->ref >= d->nplaces)
            continue;
        size_t a = tok_at(d, pm->start), b = tok_at(d, pm->end ? pm->end - 1
                                                               : 0) + 1;
        if (a >= d->ntokens || b > d->ntokens || a >= b)
            continue;
        while (k < *extra_from && s->c[k].t1 <= a)
            k++;
        int hit = 0;
        for (size_t j = k; j < *extra_from && s->c[j].t0 < b; j++) {
            if (s->c[j].ent == -2 && !s->c[j].title_only)
                s->c[j].ent = -1;   /* a place, not a demonym */
            s->c[j].place = (int32_t)pm->ref;
            s->c[j].placecue += 6;
            hit = 1;
        }
        if (hit)
            continue;
        kh_ecand *c = push_cand(s);
        c->t0 = (uint32_t)a, c->t1 = (uint32_t)b;
        c->ti0 = c->ti1 = c->t0;
        c->sentence = pm->sentence;
        c->place = (int32_t)pm->ref;
        c->placecue = 6;
        for (size_t i = a; i < b && c->nkey < KH_EKEY; i++) {
            uint64_t key = kh_name_word_key(d->text + d->tokens[i].start,
                                            d->tokens[i].end -
                                                d->tokens[i].start);
            if (key)
                c->key[c->nkey++] = key;
        }
        c->npre = c->nkey;
    }
}

/* ---- codes and types ------------------------------------------------------ */

static int all_upper(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return n > 0;
}

static void code_entity(estage *s, went *e)
{
    if (!s->dict)
        return;
    const kh_ecand *b = &s->c[e->best];
    const char *own = cand_code(s, b);
    if (*own) {
        memcpy(e->code, own, sizeof e->code);
        e->code_of_name = 1;
        /* an office holder's name: "Sarkozy", "Al-Sudani" */
        e->dated = s->coded[e->best] == 2;
        return;
    }
    if (e->title >= 0) {
        const kh_ecand *t = &s->c[e->title];
        size_t a = t->ti0 < t->t0 ? t->ti0 : t->t0;
        size_t z = t->ti1 > t->t1 ? t->ti1 : t->t1;
        /* the title next to the name: "Kurdish politician Sardar Mustafa" */
        if (z - a <= 16 && (t->ti1 + 1 >= t->t0 || t->t1 + 1 >= t->ti0) &&
            code_words(s, a, z, e->code, NULL))
            return;
    }
    for (int k = 0; k < e->naliases; k++) {
        const char *c = cand_code(s, &s->c[e->aliases[k]]);
        if (*c) {
            memcpy(e->code, c, sizeof e->code);
            return;
        }
    }
}

/* Whether code c (a country's code, then more) ends with or goes on with
 * one of the three-letter codes of set ("MIL REB ..."). */
static int code_suffix(const char *c, const char *set)
{
    size_t len = strlen(c);
    if (len < 6)
        return 0;
    char key[5] = {c[len - 3], c[len - 2], c[len - 1], ' ', '\0'};
    char key2[5] = {c[3], c[4], c[5], ' ', '\0'};
    return strstr(set, key) || strstr(set, key2);
}

/* Whether a one-word name reads as a demonym: Syrian, Iraqis, Lebanese,
 * Turkish, Americans (the caller checks that it is coded as a country). */
static int people_of(const kh_doc *d, const kh_ecand *c)
{
    const kh_token *t = &d->tokens[c->t0];
    const char *w = d->text + t->start;
    size_t n = t->end - t->start;
    static const char *const suf[] = {"ian", "ians", "ean", "eans", "ese",
                                      "ish", "can", "cans", "i", "is", "ic"};
    if (c->t1 != c->t0 + 1)
        return 0;
    for (size_t k = 0; k < sizeof suf / sizeof suf[0]; k++) {
        size_t m = strlen(suf[k]);
        if (n > m + 2 && strncmp(w + n - m, suf[k], m) == 0)
            return 1;
    }
    return 0;
}

/* Whether a three-letter code is CAMEO's code of a role or a sector, not
 * a country's: Reuters is MED in some dictionaries. */
static int role_code(const char *c)
{
    static const char roles[] =
        "AGR BUS COP CRM CVL EDU ELI ENV GOV HLH HRI IGO IMG INS JUD LAB "
        "LEG MED MIL MNC NGO NGM OPP PTY REB REF REL SPY UAF UIS ";
    char key[5] = {c[0], c[1], c[2], ' ', '\0'};
    return strstr(roles, key) != NULL;
}

static void decide_type(estage *s, went *e)
{
    const kh_ecand *b = &s->c[e->best];
    int P = e->person, O = e->org, L = e->place;
    /* a title's or an alias's code says nothing of what the name is */
    const char *code = e->code_of_name ? e->code : "";
    if (e->dated)
        P += 2;   /* codes with terms of office: a person's */
    size_t cl = strlen(code);
    if (cl == 3 && all_upper(code, 3) && b->org < 3 && !role_code(code))
        L += 3;   /* a country's code */
    if (cl == 3 && role_code(code))
        O += 2;   /* MED, IGO: a sector without a country */
    if (b->is_acro && !b->orgish)
        O += 1;   /* ISIS, PKK: an acronym no longer name explains */
    static const char orgs[] = "MIL REB INS SPY MED PTY BUS NGO IGO IMG "
                               "COP JUD LEG HEZ HMS PMF UAF OPP EDU REL ";
    if (cl >= 6 && P <= 2 && code_suffix(code, orgs))
        O += 2;
    if (cl >= 3 && (strncmp(code, "IGO", 3) == 0 ||
                    strncmp(code, "IMG", 3) == 0 ||
                    strncmp(code, "NGO", 3) == 0) && P <= 2)
        O += 2;
    /* Baghdad, Washington: a capital as its government's metonym */
    if (cl >= 6 && strcmp(code + cl - 3, "GOV") == 0 && b->nkey == 1 &&
        P <= 0 && O <= 2)
        L += 2;
    /* Syrians, Americans, an Iraqi: people of a country, not a place */
    if (cl == 3 && b->nkey == 1 && people_of(s->d, b))
        L = P = O = 0, e->code[0] = '\0';
    if (e->thing && O < 3 && L < 2 && P < 3) {
        e->type = 0;   /* the Development Road project */
        return;
    }
    if (L > 0 && L >= P && L >= O)
        e->type = KH_ENT_PLACE;
    else if (O > 0 && O >= P)
        e->type = KH_ENT_ORG;
    else if (P > 0)
        e->type = KH_ENT_PERSON;
    else if (b->nkey >= 2)
        e->type = b->orgish ? KH_ENT_ORG : KH_ENT_PERSON;
    else if (code[0])
        e->type = KH_ENT_ORG;
    else
        e->type = 0;   /* one unknown word, nothing says what it is */
}

/* ---- output --------------------------------------------------------------- */

static char *span_text(kh_doc *d, size_t a, size_t b)
{
    size_t s = d->tokens[a].start, e = d->tokens[b - 1].end;
    /* one space for each run of white space (a name never spans lines,
     * but a title may) */
    char *out = kh_arena_alloc(&d->arena, e - s + 1);
    size_t n = 0;
    int sp = 0;
    for (size_t i = s; i < e; i++) {
        char ch = d->text[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            sp = 1;
            continue;
        }
        if (sp && n)
            out[n++] = ' ';
        sp = 0;
        out[n++] = ch;
    }
    out[n] = '\0';
    return out;
}

static int cmp_mention(const void *a, const void *b)
{
    const kh_mention *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

static void output(estage *s)
{
    kh_doc *d = s->d;
    /* entities in the order of their first mention */
    int32_t *newid = kh_xmalloc((s->ne + 1) * sizeof *newid);
    size_t n = 0;
    for (size_t k = 0; k < s->nc; k++) {
        int32_t e = s->c[k].ent;
        if (e < 0 || !s->e[e].type || s->e[e].first_tok == UINT32_MAX)
            continue;
        s->e[e].first_tok = UINT32_MAX;   /* numbered */
        newid[e] = (int32_t)n++;
    }
    for (size_t k = 0; k < s->ne; k++)
        if (s->e[k].first_tok != UINT32_MAX)
            newid[k] = -1;
    d->entities = n ? kh_arena_calloc(&d->arena, n * sizeof *d->entities)
                    : NULL;
    d->nentities = n;
    for (size_t k = 0; k < s->ne; k++) {
        if (newid[k] < 0)
            continue;
        went *w = &s->e[k];
        kh_entity *x = &d->entities[newid[k]];
        const kh_ecand *b = &s->c[w->best];
        x->name = span_text(d, b->t0, b->t1);
        x->title = NULL;
        if (w->title >= 0) {
            const kh_ecand *t = &s->c[w->title];
            x->title = span_text(d, t->ti0, t->ti1);
        }
        if (w->naliases) {
            x->aliases = kh_arena_alloc(&d->arena,
                                        (size_t)w->naliases * sizeof(char *));
            for (int a = 0; a < w->naliases; a++) {
                const kh_ecand *c = &s->c[w->aliases[a]];
                x->aliases[a] = span_text(d, c->t0, c->t1);
            }
            x->naliases = (size_t)w->naliases;
        }
        memcpy(x->code, w->code, sizeof x->code);
        x->type = w->type;
        x->place = w->place_ref;
    }
    size_t nm = 0;
    for (size_t k = 0; k < s->nc; k++)
        if (s->c[k].ent >= 0 && newid[s->c[k].ent] >= 0)
            nm++;
    d->entity_mentions = nm ? kh_arena_alloc(&d->arena,
                                             nm * sizeof *d->entity_mentions)
                            : NULL;
    d->nentity_mentions = nm;
    nm = 0;
    for (size_t k = 0; k < s->nc; k++) {
        const kh_ecand *c = &s->c[k];
        if (c->ent < 0 || newid[c->ent] < 0)
            continue;
        kh_mention *m = &d->entity_mentions[nm++];
        m->start = d->tokens[c->t0].start;
        m->end = d->tokens[c->t1 - 1].end;
        m->sentence = c->sentence;
        m->ref = (uint32_t)newid[c->ent];
    }
    if (nm > 1)
        qsort(d->entity_mentions, nm, sizeof *d->entity_mentions,
              cmp_mention);
    free(newid);
}

/* YYYY-MM-DD as YYYYMMDD, 0 for none (as the coder reads the story
 * date, without its sscanf: this runs for every document). */
int32_t kh_story_date_int(const kh_doc *d)
{
    const char *s = d->date;
    int32_t v = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
            continue;
        }
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int kh_find_entities(const struct kh_dict *dict, kh_doc *d)
{
    d->entities = NULL;
    d->nentities = 0;
    d->entity_mentions = NULL;
    d->nentity_mentions = 0;
    if (!d->ntokens)
        return KH_OK;
    kh_word_cache_begin(d);
    estage s = {0};
    s.d = d;
    s.dict = dict;
    s.date = kh_story_date_int(d);
    if (dict)
        s.unit = kh_xmalloc(kh_phrase_unit_size());
    const kh_qmark *q;
    const int32_t *qmap;
    size_t nq = kh_quote_marks(d, &q, &qmap);
    s.nc = kh_entity_candidates(d, q, nq, qmap, &s.c);
    s.capc = s.nc;
    s.ncoded = s.nc;
    s.ccode = kh_xmalloc((s.nc + 1) * sizeof *s.ccode);
    s.coded = kh_xcalloc(s.nc + 1, 1);
    size_t extra;
    place_cands(&s, &extra);
    merge_names(&s);
    for (size_t ei = 0; ei < s.ne; ei++) {
        code_entity(&s, &s.e[ei]);
        decide_type(&s, &s.e[ei]);
    }
    (void)extra;
    output(&s);
    free(s.c);
    free(s.e);
    free(s.ccode);
    free(s.coded);
    free(s.unit);
    kh_word_cache_end();
    return KH_OK;
}

/* ---- gender, for the quotes stage ----------------------------------------- */

static int gender_of_words(const char *s)
{
    while (s && *s) {
        while (*s == ' ')
            s++;
        const char *e = s;
        while (*e && *e != ' ')
            e++;
        if (e > s) {
            unsigned c = kh_word_class(s, (size_t)(e - s));
            if (c & KH_W_FEMALE)
                return 'f';
            if (c & KH_W_MALE)
                return 'm';
        }
        s = e;
    }
    return 0;
}

int kh_entity_gender(const kh_doc *d, size_t ent)
{
    if (ent >= d->nentities)
        return 0;
    const kh_entity *e = &d->entities[ent];
    if (e->type != KH_ENT_PERSON)
        return 0;
    int g = gender_of_words(e->title);
    if (!g && e->name) {
        /* the first word of the name: a given name, Abu, Umm */
        char first[64];
        size_t n = strcspn(e->name, " ");
        if (n < sizeof first) {
            memcpy(first, e->name, n);
            first[n] = '\0';
            unsigned c = kh_word_class(first, n);
            g = c & KH_W_FEMALE ? 'f' : c & KH_W_MALE ? 'm' : 0;
        }
        if (!g)
            g = gender_of_words(e->name);   /* descriptions: spokeswoman */
    }
    return g;
}
