/*
 * quotes_speakers.c - speakers the article describes without naming.
 *
 * "A military official in the Pentagon explained ...": the speaker is a
 * person all the same, and later "the official added" and "he continued"
 * are that person again.  The quotes stage adds such a speaker to the
 * entities (its description, less the article, is its name; the
 * dictionaries code the description as they would an actor: USAMIL), and
 * lists each later description of it as a mention.
 *
 * A definite description ("the official", "the prime minister", "the
 * ministry") is someone already met: the last speaker it describes (a
 * speaker so described, a person with that word in the title, an
 * organisation with that word in its name), else the last entity named
 * before it that it describes; "the group" is the last organisation.  An
 * indefinite one ("a U.S. official", "one aid official") is someone new.
 * Plural descriptions ("officials said") and words that name no role
 * ("the fighting continued") are nobody in particular.
 */
#include "extract.h"

#include "../text/text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* not looked at yet: genders are read only for pronouns */
#define GENDER_UNKNOWN 0xFF

static inline int tok_is_n(const kh_doc *d, size_t i, const char *s, size_t n)
{
    const kh_token *t = &d->tokens[i];
    return t->end - t->start == n &&
           strncasecmp(d->text + t->start, s, n) == 0;
}
#define tok_is(d, i, lit) tok_is_n((d), (i), (lit), sizeof(lit) - 1)

static uint64_t tok_key(const kh_doc *d, size_t i)
{
    const kh_token *t = &d->tokens[i];
    return kh_name_word_key(d->text + t->start, t->end - t->start);
}

/* Whether one of the words of s (split at spaces) has key h. */
static int has_word(const char *s, uint64_t h)
{
    while (s && *s) {
        while (*s == ' ')
            s++;
        const char *e = s;
        while (*e && *e != ' ')
            e++;
        if (e > s && kh_name_word_key(s, (size_t)(e - s)) == h)
            return 1;
        s = e;
    }
    return 0;
}

/* Whether entity e is what a description with head h (of class hc)
 * refers to. */
static int described_by(const kh_speakers *sp, size_t e, uint64_t h,
                        unsigned hc)
{
    const kh_entity *x = &sp->d->entities[e];
    if (sp->head[e])
        return sp->head[e] == h;
    if ((hc & (KH_W_ROLE | KH_W_TITLE)) && x->type == KH_ENT_PERSON &&
        has_word(x->title, h))
        return 1;
    return (hc & KH_W_ORGHEAD) && x->type == KH_ENT_ORG &&
           has_word(x->name, h);
}

/* The last entity mentioned before byte off that ok() accepts. */
static int32_t last_named(const kh_speakers *sp, uint32_t off, uint64_t h,
                          unsigned hc, int org_only)
{
    const kh_doc *d = sp->d;
    for (size_t m = d->nentity_mentions; m > 0; m--) {
        const kh_mention *x = &d->entity_mentions[m - 1];
        if (x->start >= off || x->ref >= d->nentities || sp->head[x->ref])
            continue;
        if (org_only ? d->entities[x->ref].type == KH_ENT_ORG
                     : described_by(sp, x->ref, h, hc))
            return (int32_t)x->ref;
    }
    return -1;
}

/* The description's words, less its article, white space collapsed. */
static char *name_of(kh_doc *d, size_t a, size_t b)
{
    size_t s = d->tokens[a].start, e = d->tokens[b - 1].end, n = 0;
    char *out = kh_arena_alloc(&d->arena, e - s + 1);
    int space = 0;
    for (size_t i = s; i < e; i++) {
        char c = d->text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = 1;
            continue;
        }
        if (space && n)
            out[n++] = ' ';
        space = 0;
        out[n++] = c;
    }
    out[n] = '\0';
    return out;
}

static int32_t new_entity(kh_speakers *sp, size_t a, size_t b, unsigned hc,
                          uint64_t h)
{
    kh_doc *d = sp->d;
    if (d->nentities == sp->cap) {
        size_t cap = sp->cap * 2 + 8;
        kh_entity *e = kh_arena_calloc(&d->arena, cap * sizeof *e);
        if (d->nentities)
            memcpy(e, d->entities, d->nentities * sizeof *e);
        d->entities = e;
        sp->gender = kh_xrealloc(sp->gender, cap);
        sp->head = kh_xrealloc(sp->head, cap * sizeof *sp->head);
        sp->cap = cap;
    }
    size_t i = d->nentities++;
    kh_entity *x = &d->entities[i];
    memset(x, 0, sizeof *x);
    x->name = name_of(d, a, b);
    x->type = (hc & (KH_W_ROLE | KH_W_TITLE)) ? KH_ENT_PERSON : KH_ENT_ORG;
    x->place = -1;
    if (sp->dict) {
        if (!sp->unit)
            sp->unit = kh_xmalloc(kh_phrase_unit_size());
        kh_code_phrase(sp->dict, d, sp->unit, a, b, sp->date, x->code,
                       NULL);
    }
    sp->gender[i] = hc & KH_W_MALE ? 'm' : hc & KH_W_FEMALE ? 'f' : 0;
    sp->head[i] = h;
    return (int32_t)i;
}

void kh_speakers_init(kh_speakers *sp, kh_doc *d, const struct kh_dict *dict)
{
    memset(sp, 0, sizeof *sp);
    sp->d = d;
    sp->dict = dict;
    sp->date = kh_story_date_int(d);
    sp->cap = d->nentities;
    sp->gender = kh_xmalloc(sp->cap + 1);
    memset(sp->gender, GENDER_UNKNOWN, sp->cap + 1);
    sp->head = kh_xcalloc(sp->cap + 1, sizeof *sp->head);
}

int kh_speaker_gender(kh_speakers *sp, size_t e)
{
    if (sp->gender[e] == GENDER_UNKNOWN)
        sp->gender[e] = (uint8_t)kh_entity_gender(sp->d, e);
    return sp->gender[e];
}

int32_t kh_describe_speaker(kh_speakers *sp, const kh_speech *x,
                            const int32_t *hist, size_t nh, int32_t *tent)
{
    kh_doc *d = sp->d;
    if (x->kind != KH_SUBJ_DESC || x->plural)
        return -1;
    unsigned hc = kh_tok_class(d, x->head);
    if (!(hc & (KH_W_ROLE | KH_W_TITLE | KH_W_ORGHEAD)))
        return -1;
    uint64_t h = tok_key(d, x->head);
    size_t a = x->s0;
    if (a < x->s1 && (tok_is(d, a, "the") || tok_is(d, a, "a") ||
                      tok_is(d, a, "an")))
        a++;
    if (a >= x->s1 || !h)
        return -1;
    int32_t e = -1;
    if (x->definite) {
        for (size_t j = nh; j > 0 && e < 0; j--)
            if (described_by(sp, (size_t)hist[j - 1], h, hc))
                e = hist[j - 1];
        if (hc & KH_W_GENERICORG) {
            /* "the group said": the last organisation that spoke, else
             * the last one named; none named, nobody in particular */
            for (size_t j = nh; j > 0 && e < 0; j--)
                if (d->entities[hist[j - 1]].type == KH_ENT_ORG)
                    e = hist[j - 1];
            if (e < 0)
                e = last_named(sp, d->tokens[x->s0].start, h, hc, 1);
            if (e < 0)
                return -1;
        }
        if (e < 0)
            e = last_named(sp, d->tokens[x->s0].start, h, hc, 0);
    }
    if (e < 0)
        e = new_entity(sp, a, x->s1, hc, h);
    if (sp->nnew == sp->capnew) {
        sp->capnew = sp->capnew * 2 + 8;
        sp->mnew = kh_xrealloc(sp->mnew, sp->capnew * sizeof *sp->mnew);
    }
    kh_mention *m = &sp->mnew[sp->nnew++];
    m->start = d->tokens[a].start;
    m->end = d->tokens[x->s1 - 1].end;
    m->sentence = x->sentence;
    m->ref = (uint32_t)e;
    for (size_t i = a; i < x->s1; i++)
        if (tent[i] < 0)
            tent[i] = e;
    return e;
}

static int cmp_mention(const void *a, const void *b)
{
    const kh_mention *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

void kh_speakers_finish(kh_speakers *sp)
{
    kh_doc *d = sp->d;
    if (sp->nnew) {
        size_t n = d->nentity_mentions + sp->nnew;
        kh_mention *m = kh_arena_alloc(&d->arena, n * sizeof *m);
        if (d->nentity_mentions)
            memcpy(m, d->entity_mentions,
                   d->nentity_mentions * sizeof *m);
        memcpy(m + d->nentity_mentions, sp->mnew, sp->nnew * sizeof *m);
        qsort(m, n, sizeof *m, cmp_mention);
        d->entity_mentions = m;
        d->nentity_mentions = n;
    }
    free(sp->mnew);
    free(sp->gender);
    free(sp->head);
    free(sp->unit);
    memset(sp, 0, sizeof *sp);
}
