/*
 * quotes.c - the quotes stage: direct quotes and who said them.
 *
 * The marks are paired and quoted names set aside (quotes_marks.c); the
 * verbs of saying and their subjects are found outside the quotes
 * (quotes_speech.c).  Then, in text order:
 *
 * 1. Each verb of saying gets its speaker: the entity its subject names
 *    (the entities stage has listed names and described speakers); for
 *    "he" or "she", the last speaker of that gender or of none known (and
 *    the speaker then has that gender); for "they", "we" or "it", the last
 *    organisation or place that spoke; for "the statement said", the last
 *    speaker.  Indirect speech counts: "The official added that ..." makes
 *    the official the last speaker for a later "“...,” he continued".
 * 2. Each quote takes the verb that attributes it: one right after its
 *    close ("“...,” he continued", "“...,” said X", "“...,” Prime
 *    Minister, X, said"), else the nearest before it in its sentence
 *    ("X added that “...”", "according to X, “...”"), else one later in
 *    its sentence.  A verb with no subject of its own ("adding: “...”")
 *    passes to the sentence's other speaker.  A quote with none at all
 *    goes on the last speaker when it follows within a sentence or two
 *    (a quote continued after a paragraph break).  A quote inside another
 *    is the outer speaker's words.
 * 3. Events read inside a quote are marked in_quote, with the innermost
 *    quote's index.
 */
#include "extract.h"

#include "../tag/tag.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    kh_doc *d;
    kh_speech *sp;
    size_t nsp;
    int32_t *who;        /* per speech event: its speaker entity, -1 */
    int32_t *tent;       /* per token: the entity mentioned there, -1 */
    kh_speakers spk;     /* genders, and the speakers described */
    int32_t *hist;       /* speakers in text order */
    uint32_t *hist_tok;  /* the verb of each */
    size_t nh;
} qstage;

/* Whether token i is the word s[0..n) (any case); tok_is() for literals. */
static inline int tok_is_n(const kh_doc *d, size_t i, const char *s, size_t n)
{
    const kh_token *t = &d->tokens[i];
    return t->end - t->start == n && ((d->text[t->start] ^ s[0]) & ~0x20) == 0 &&
           strncasecmp(d->text + t->start, s, n) == 0;
}
#define tok_is(d, i, lit) tok_is_n((d), (i), (lit), sizeof(lit) - 1)
#define tok_is_s(d, i, s) tok_is_n((d), (i), (s), strlen(s))

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
    return lo < d->nsents ? lo : (d->nsents ? d->nsents - 1 : 0);
}

static int type_of(const qstage *s, int32_t e)
{
    return e >= 0 && (size_t)e < s->d->nentities ? s->d->entities[e].type
                                                 : 0;
}

/* The last speaker before token t that a pronoun can stand for: one of
 * its gender or of none known.  News names far more men than women, so a
 * speaker of unknown gender is taken for "he" at once, but "she" looks
 * first for a woman. */
static int32_t last_speaker(qstage *s, uint32_t t, int want_gender,
                            int want_group)
{
    if (want_gender == 'f')
        for (size_t k = s->nh; k > 0; k--) {
            int32_t e = s->hist[k - 1];
            if (s->hist_tok[k - 1] < t && type_of(s, e) == KH_ENT_PERSON &&
                kh_speaker_gender(&s->spk, (size_t)e) == want_gender)
                return e;
        }
    for (size_t k = s->nh; k > 0; k--) {
        if (s->hist_tok[k - 1] >= t)
            continue;
        int32_t e = s->hist[k - 1];
        int ty = type_of(s, e);
        if (want_group) {
            if (ty == KH_ENT_ORG || ty == KH_ENT_PLACE)
                return e;
            continue;
        }
        if (want_gender < 0)
            return e;   /* any: "the statement said" */
        if (ty != KH_ENT_PERSON)
            continue;
        int g = kh_speaker_gender(&s->spk, (size_t)e);
        if (!want_gender || !g || g == want_gender)
            return e;
    }
    return -1;
}

/* A person named in the few sentences before token t, for a pronoun that
 * no speaker before it can take. */
static int32_t last_person(qstage *s, uint32_t t, int g)
{
    const kh_doc *d = s->d;
    size_t st = sentence_of(d, t);
    for (size_t i = t; i > 0; i--) {
        if (sentence_of(d, i - 1) + 3 < st)
            break;
        int32_t e = s->tent[i - 1];
        if (e >= 0 && type_of(s, e) == KH_ENT_PERSON &&
            (!kh_speaker_gender(&s->spk, (size_t)e) || !g ||
             kh_speaker_gender(&s->spk, (size_t)e) == g))
            return e;
    }
    return -1;
}

static void resolve_speech(qstage *s)
{
    const kh_doc *d = s->d;
    for (size_t k = 0; k < s->nsp; k++) {
        const kh_speech *x = &s->sp[k];
        int32_t e = -1;
        switch (x->kind) {
        case KH_SUBJ_NAME:
            e = s->tent[x->head];
            for (size_t i = x->s0; e < 0 && i < x->s1; i++)
                e = s->tent[i];
            break;
        case KH_SUBJ_DESC:
            e = kh_describe_speaker(&s->spk, x, s->hist, s->nh, s->tent);
            break;
        case KH_SUBJ_PRONOUN: {
            int g = tok_is(d, x->head, "he") ? 'm'
                    : tok_is(d, x->head, "she") ? 'f' : 0;
            if (g) {
                e = last_speaker(s, x->verb, g, 0);
                if (e < 0)
                    e = last_person(s, x->head, g);
                if (e >= 0 && !kh_speaker_gender(&s->spk, (size_t)e))
                    s->spk.gender[e] = (uint8_t)g;
            } else {
                e = last_speaker(s, x->verb, 0, 1);
            }
            break;
        }
        case KH_SUBJ_DOC:
            e = last_speaker(s, x->verb, -1, 0);
            break;
        }
        s->who[k] = e;
        if (e >= 0) {
            s->hist[s->nh] = e;
            s->hist_tok[s->nh++] = x->verb;
        }
    }
}

/* Whether the tokens (a, b) hold only what comes between a quote and its
 * attribution: words of a name or a description, commas, adverbs. */
static int attribution_gap(const kh_doc *d, size_t a, size_t b)
{
    if (b - a > 14)
        return 0;
    for (size_t i = a + 1; i < b; i++) {
        const kh_token *t = &d->tokens[i];
        if (t->kind == KH_TOK_QUOTE_OPEN)
            return 0;
        /* another clause: "..., while X described them as" */
        if (t->tag == KH_POS_CC || t->tag == KH_POS_WDT ||
            t->tag == KH_POS_WP || t->tag == KH_POS_WRB ||
            tok_is(d, i, "while") || tok_is(d, i, "whereas") ||
            tok_is(d, i, "although") || tok_is(d, i, "because") ||
            tok_is(d, i, "as") || tok_is(d, i, "after") ||
            tok_is(d, i, "before") || tok_is(d, i, "since") ||
            tok_is(d, i, "if") || tok_is(d, i, "though") ||
            tok_is(d, i, "that"))
            return 0;
        if (kh_pos_is_verb(t->tag) && t->tag != KH_POS_VBN &&
            !kh_tok_capitalised(d, i))
            return 0;
        if (t->kind == KH_TOK_PUNCT && t->end - t->start == 1) {
            char c = d->text[t->start];
            if (c != ',' && c != '\'')
                return 0;
        }
    }
    return 1;
}

/* The first speech event after token t in sentence si with a subject,
 * when only an attribution's words come between: "“...,” he continued",
 * "“...,” said X", "“...,” Prime Minister, X, said".  -1 for none. */
static int trailing(const qstage *s, size_t t, size_t si)
{
    for (size_t k = 0; k < s->nsp; k++) {
        const kh_speech *x = &s->sp[k];
        if (x->verb <= t || x->sentence < si)
            continue;
        if (x->sentence > si)
            return -1;
        if (x->kind == KH_SUBJ_NONE)
            continue;   /* "adding:": it introduces the next quote */
        size_t from = x->after || x->s0 < t ? x->verb : x->s0;
        return attribution_gap(s->d, t, from) ? (int)k : -1;
    }
    return -1;
}

/* The speech event that attributes quote q, or -1. */
static int attribute(const qstage *s, const kh_qmark *q)
{
    const kh_doc *d = s->d;
    size_t so = sentence_of(d, q->open), sc = sentence_of(d, q->close);
    /* 1. right after the close */
    int k = trailing(s, q->close, sc);
    if (k >= 0)
        return k;
    /* 2. the nearest before the open, in its sentence */
    int best = -1;
    for (size_t j = 0; j < s->nsp; j++) {
        const kh_speech *x = &s->sp[j];
        if (x->verb >= q->open)
            break;
        if (x->sentence == so)
            best = (int)j;
    }
    if (best >= 0)
        return best;
    /* 3. later in the sentence the quote ends in */
    for (size_t j = 0; j < s->nsp; j++) {
        const kh_speech *x = &s->sp[j];
        if (x->verb > q->close && x->sentence == sc && x->kind)
            return (int)j;
        if (x->sentence > sc)
            break;
    }
    /* 4. "“... .” He said." cut by the splitter after the mark: a short
     *    attribution that opens the next sentence */
    if (sc + 1 < d->nsents && d->sents[sc].tok_end == q->close + 1) {
        const kh_sentence *nx = &d->sents[sc + 1];
        k = trailing(s, q->close, sc + 1);
        if (k >= 0 && s->sp[k].verb < nx->tok_first + 4 &&
            nx->tok_end <= s->sp[k].verb_end + 4)
            return k;
    }
    return -1;
}

int kh_find_quotes(const struct kh_dict *dict, kh_doc *d)
{
    d->quotes = NULL;
    d->nquotes = 0;
    if (!d->ntokens)
        return KH_OK;
    kh_word_cache_begin(d);
    const kh_qmark *q;
    const int32_t *qmap;
    size_t nq = kh_quote_marks(d, &q, &qmap);
    qstage s = {0};
    s.d = d;
    s.nsp = kh_find_speech(d, qmap, &s.sp);
    s.who = kh_xmalloc((s.nsp + 1) * sizeof *s.who);
    s.hist = kh_xmalloc((s.nsp + 1) * sizeof *s.hist);
    s.hist_tok = kh_xmalloc((s.nsp + 1) * sizeof *s.hist_tok);
    s.tent = kh_xmalloc((d->ntokens + 1) * sizeof *s.tent);
    for (size_t i = 0; i <= d->ntokens; i++)
        s.tent[i] = -1;
    for (size_t m = 0; m < d->nentity_mentions; m++) {
        const kh_mention *x = &d->entity_mentions[m];
        if (x->ref >= d->nentities || x->end <= x->start)
            continue;
        for (size_t i = tok_at(d, x->start);
             i < d->ntokens && d->tokens[i].start < x->end; i++)
            if (s.tent[i] < 0)
                s.tent[i] = (int32_t)x->ref;
    }
    kh_speakers_init(&s.spk, d, dict);
    resolve_speech(&s);

    /* the quotes, numbered in order of their opening marks */
    int32_t *qid = kh_xmalloc((nq + 1) * sizeof *qid);
    size_t n = 0;
    for (size_t k = 0; k < nq; k++)
        qid[k] = q[k].name ? -1 : (int32_t)n++;
    d->quotes = n ? kh_arena_calloc(&d->arena, n * sizeof *d->quotes) : NULL;
    d->nquotes = n;
    int32_t prev = -1;            /* the previous outermost quote */
    for (size_t k = 0; k < nq; k++) {
        if (qid[k] < 0)
            continue;
        kh_quote *x = &d->quotes[qid[k]];
        const kh_qmark *m = &q[k];
        x->sentence = (uint32_t)sentence_of(d, m->open);
        x->start = d->tokens[m->first].start;
        x->end = d->tokens[m->end - 1].end;
        x->speaker = -1;
        x->outer = -1;
        int32_t o = m->outer;
        while (o >= 0 && qid[o] < 0)
            o = q[o].outer;
        if (o >= 0) {
            /* words the outer speaker quotes */
            x->outer = qid[o];
            x->speaker = d->quotes[qid[o]].speaker;
            continue;
        }
        int a = attribute(&s, m);
        if (a >= 0) {
            const kh_speech *sp = &s.sp[a];
            x->speaker = s.who[a];
            if (sp->s1 > sp->s0) {
                x->spk_start = d->tokens[sp->s0].start;
                x->spk_end = d->tokens[sp->s1 - 1].end;
            }
            if (sp->kind == KH_SUBJ_NONE || x->speaker < 0) {
                /* "adding: “...”": the sentence's other speaker */
                for (size_t j = 0; j < s.nsp && x->speaker < 0; j++)
                    if (s.sp[j].sentence == sp->sentence && s.who[j] >= 0 &&
                        j != (size_t)a) {
                        x->speaker = s.who[j];
                        x->spk_start = d->tokens[s.sp[j].s0].start;
                        x->spk_end = d->tokens[s.sp[j].s1 - 1].end;
                    }
            }
        } else if (prev >= 0 && d->quotes[prev].speaker >= 0 &&
                   d->quotes[prev].sentence + 2 >= x->sentence) {
            /* a quote that goes on after the previous one */
            x->speaker = d->quotes[prev].speaker;
        }
        prev = qid[k];
    }

    /* events said inside a quote */
    for (size_t i = 0; i < d->nevents; i++) {
        kh_event *e = &d->events[i];
        size_t t = tok_at(d, e->verb_start);
        if (t < d->ntokens && qmap[t] >= 0 && qid[qmap[t]] >= 0) {
            e->in_quote = 1;
            e->quote = qid[qmap[t]];
        }
    }
    free(qid);
    kh_speakers_finish(&s.spk);
    free(s.tent);
    free(s.hist_tok);
    free(s.hist);
    free(s.who);
    free(s.sp);
    kh_word_cache_end();
    return KH_OK;
}
