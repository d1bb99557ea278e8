/*
 * stage.c - the events stage: every sentence of a document through the
 * coder, the events kept in the document.
 *
 * A pronoun that opens a sentence before any actor stands for the first
 * actor of the sentence before ("He added that ..."), as TABARI's FORWARD
 * does for consecutive records.  A story discard drops the document's
 * events.
 */
#include "code.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Text offsets of lex words [a, b] (inclusive). */
static void span(const kh_unit *u, int a, int b, uint32_t *s, uint32_t *e)
{
    const kh_doc *d = u->doc;
    *s = d->tokens[u->lex[a].tok0].start;
    *e = d->tokens[u->lex[b].tok1 - 1].end;
}

/* A growing array of events in the document's arena. */
typedef struct {
    kh_event *v;
    size_t n, cap;
} evec;

static kh_event *push(kh_doc *doc, evec *a)
{
    if (a->n == a->cap) {
        size_t ncap = a->cap ? a->cap * 2 : 16;
        a->v = kh_arena_grow(&doc->arena, a->v, a->cap * sizeof *a->v,
                             ncap * sizeof *a->v);
        a->cap = ncap;
    }
    return &a->v[a->n++];
}

/* The unit's events (or its pending ones) as the document's. */
static void keep(kh_doc *doc, evec *out, const kh_unit *u, size_t sent,
                 int pending)
{
    const kh_dict *d = u->dict;
    int n = pending ? u->npending : u->nevents;
    for (int i = 0; i < n; i++) {
        const kh_cevent *ce = pending ? &u->pending[i] : &u->events[i];
        kh_event *e = push(doc, out);
        memset(e, 0, sizeof *e);
        e->sentence = (uint32_t)sent;
        e->date_ref = e->place = e->quote = -1;   /* later stages */
        int v = ce->verb;
        span(u, v, u->lex[v].end - 1, &e->verb_start, &e->verb_end);
        e->start = e->verb_start, e->end = e->verb_end;
        if (ce->src_slot >= 0) {
            const kh_slot *sl = &u->slots[ce->src_slot];
            span(u, sl->first, sl->last, &e->src_start, &e->src_end);
        }
        if (ce->tgt_slot >= 0) {
            const kh_slot *sl = &u->slots[ce->tgt_slot];
            span(u, sl->first, sl->last, &e->tgt_start, &e->tgt_end);
        }
        uint32_t lo[2] = {e->src_start, e->tgt_start};
        uint32_t hi[2] = {e->src_end, e->tgt_end};
        for (int k = 0; k < 2; k++) {
            if (hi[k] == lo[k])
                continue;
            if (lo[k] < e->start)
                e->start = lo[k];
            if (hi[k] > e->end)
                e->end = hi[k];
        }
        snprintf(e->source, sizeof e->source, "%s", ce->source);
        snprintf(e->target, sizeof e->target, "%s", ce->target);
        snprintf(e->code, sizeof e->code, "%s", ce->code);
        char rule[600];
        uint32_t file, line;
        if (ce->pattern != KH_NONE) {
            file = d->patterns[ce->pattern].file;
            line = d->patterns[ce->pattern].line;
        } else {
            const kh_root *r = &d->roots[d->verbs[ce->verb_index].root];
            file = r->file, line = r->line;
        }
        snprintf(rule, sizeof rule, "%s:%u", kh_dict_str_text(d, file), line);
        e->rule = kh_arena_strdup(&doc->arena, rule);
        if (ce->date > 0)
            snprintf(e->date, sizeof e->date, "%04u-%02u-%02u",
                     (unsigned)ce->date / 10000u % 10000u,
                     (unsigned)ce->date / 100u % 100u,
                     (unsigned)ce->date % 100u);
        else   /* a pending event (its source waits): the story date */
            memcpy(e->date, doc->date, sizeof e->date);
    }
}

static int related(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    size_t n = na < nb ? na : nb;
    return n >= 3 && memcmp(a, b, n) == 0;
}

static int violent(const char *code)
{
    return strncmp(code, "18", 2) == 0 || strncmp(code, "19", 2) == 0 ||
           strncmp(code, "20", 2) == 0;
}

/* SET: UNKNOWN SOURCES.  A violent event whose sentence does not say who
 * did it ("a drone targeted the headquarters of the Nujaba movement")
 * takes its source from the nearest other violent event of the article on
 * the same target, or a part or whole of it ("US forces took a necessary
 * measure against Abu Taqwa", of the Nujaba): that country's forces, or
 * that actor.  An event nothing resolves is dropped, as a sentence
 * without a source codes nothing. */
static void resolve(kh_doc *doc, evec *all, const evec *pend)
{
    for (size_t i = 0; i < pend->n; i++) {
        kh_event p = pend->v[i];
        long best = -1, dist = 0;
        for (size_t k = 0; k < doc->nevents; k++) {
            const kh_event *e = &doc->events[k];
            if (!violent(e->code) || !related(e->target, p.target) ||
                related(e->source, p.target) || e->source[0] == '-')
                continue;
            long dd = (long)e->sentence - (long)p.sentence;
            dd = dd < 0 ? -2 * dd : dd;   /* a later sentence first */
            if (best < 0 || dd < dist)
                best = (long)k, dist = dd;
        }
        if (best < 0)
            continue;
        const char *src = doc->events[best].source;
        char code[48];
        if (strcmp(p.source, "---") == 0 || strlen(src) < 3)
            snprintf(code, sizeof code, "%.47s", src);
        else   /* "---MIL", a drone: the country's and its own role */
            snprintf(code, sizeof code, "%.3s%.40s", src, p.source + 3);
        if (strcmp(code, p.target) == 0)
            continue;
        memcpy(p.source, code, sizeof p.source);
        *push(doc, all) = p;
    }
}

static int by_sentence(const void *a, const void *b)
{
    const kh_event *x = a, *y = b;
    if (x->sentence != y->sentence)
        return x->sentence < y->sentence ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* The words of a dateline folded as the dictionaries write them (upper
 * case ASCII; other bytes and punctuation split words).  Returns the
 * count. */
static int dateline_words(const char *s, char w[8][32])
{
    int n = 0;
    size_t k = 0;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     c == '\'';
        if (letter && n < 8 && k < 31) {
            w[n][k++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
            continue;
        }
        if (k && n < 8) {
            w[n][k] = '\0';
            n++;
        }
        k = 0;
        if (!c)
            return n;
    }
}

int kh_dateline_place(const kh_dict *d, const char *dateline, int32_t date,
                      char out[KH_CODE_LEN])
{
    out[0] = '\0';
    if (!dateline || !d->options.places)
        return 0;
    char w[8][32];
    int n = dateline_words(dateline, w);
    uint32_t id[8];
    for (int i = 0; i < n; i++)
        id[i] = kh_dict_word_find(d, w[i], strlen(w[i]));
    /* the longest actor or place that the words are, from any word on
     * ("Basra", "Deir Ezzor", "the Kurdistan Region") */
    for (int i = 0; i < n; i++) {
        size_t nr;
        const uint32_t *roots = kh_dict_roots_of(d, id[i], &nr);
        for (size_t k = 0; k < nr; k++) {
            const kh_root *r = &d->roots[roots[k]];
            if (r->kind != KH_ROOT_ACTOR || r->words.n > (uint32_t)(n - i))
                continue;
            uint32_t e = 0;
            for (; e < r->words.n; e++)
                if (d->pels[r->words.first + e].arg != id[i + e])
                    break;
            if (e < r->words.n)
                continue;
            uint32_t c = kh_dict_actor_code(d, &d->actors[r->payload], date);
            if (c == KH_NONE)
                continue;
            const char *code = kh_dict_str_text(d, c);
            size_t cl = strlen(code);
            int gov = cl >= 6 && cl % 3 == 0 &&
                      strcmp(code + cl - 3, "GOV") == 0;
            if (cl < 3 || code[0] == '-' || strchr(code, '/') ||
                !(kh_state_code(code) || gov || d->actors[r->payload].place))
                continue;
            snprintf(out, KH_CODE_LEN, "%s", code);
            if (gov)
                out[cl - 3] = '\0';
            else if (cl > 3 && !d->actors[r->payload].place)
                out[3] = '\0';   /* a state's role: its country */
            return 1;
        }
    }
    return 0;
}

int kh_code_doc(const kh_dict *d, kh_doc *doc)
{
    /* not zeroed: kh_code_unit sets what it reads, and the unit is large
     * (a sentence's words, actors and events) */
    kh_unit *u = kh_xmalloc(sizeof *u);
    int32_t date = kh_date_int(doc->date[0] ? doc->date : NULL);
    kh_forward fwd = {0};
    evec all = {0}, pend = {0};
    int discard = 0;
    char home[KH_CODE_LEN];
    kh_dateline_place(d, doc->dateline, date, home);
    /* KH_TRACE_ARTICLE=1: the coder's view of every sentence, on stderr
     * (`khaldun validate` has KH_TRACE for its records) */
    const char *trace = getenv("KH_TRACE_ARTICLE");
    if (trace && *trace)
        fprintf(stderr, "TRACE article %s: dateline place %s\n",
                doc->id ? doc->id : "", home[0] ? home : "none");
    for (size_t s = 0; s < doc->nsents; s++) {
        const kh_sentence *st = &doc->sents[s];
        u->fwd_in = fwd.valid ? &fwd : NULL;
        u->home_in = home;
        kh_code_unit(u, d, doc, st->tok_first, st->tok_end, date);
        if (u->status == KH_UNIT_STORY_DISCARD) {
            discard = 1;   /* a sports story, a chronology... */
            break;
        }
        if (trace && *trace) {
            fprintf(stderr, "TRACE sentence %zu: %s\n", s,
                    u->why ? u->why : "");
            kh_trace_unit(u, stderr);
        }
        keep(doc, &all, u, s, 0);
        keep(doc, &pend, u, s, 1);
        fwd = u->fwd_out;
    }
    free(u);
    doc->events = all.v;
    doc->nevents = discard ? 0 : all.n;
    if (!discard && pend.n) {
        size_t before = all.n;
        resolve(doc, &all, &pend);
        doc->events = all.v;
        doc->nevents = all.n;
        if (all.n > before)
            qsort(doc->events, doc->nevents, sizeof *doc->events,
                  by_sentence);
    }
    return KH_OK;
}
