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

static void keep(kh_doc *doc, size_t *cap, const kh_unit *u, size_t sent)
{
    const kh_dict *d = u->dict;
    for (int i = 0; i < u->nevents; i++) {
        const kh_cevent *ce = &u->events[i];
        if (doc->nevents == *cap) {
            size_t ncap = *cap ? *cap * 2 : 16;
            doc->events = kh_arena_grow(&doc->arena, doc->events,
                                        *cap * sizeof *doc->events,
                                        ncap * sizeof *doc->events);
            *cap = ncap;
        }
        kh_event *e = &doc->events[doc->nevents++];
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
    }
}

int kh_code_doc(const kh_dict *d, kh_doc *doc)
{
    /* not zeroed: kh_code_unit sets what it reads, and the unit is large
     * (a sentence's words, actors and events) */
    kh_unit *u = kh_xmalloc(sizeof *u);
    int32_t date = kh_date_int(doc->date[0] ? doc->date : NULL);
    kh_forward fwd = {0};
    size_t cap = 0;
    doc->events = NULL;
    doc->nevents = 0;
    for (size_t s = 0; s < doc->nsents; s++) {
        const kh_sentence *st = &doc->sents[s];
        u->fwd_in = fwd.valid ? &fwd : NULL;
        kh_code_unit(u, d, doc, st->tok_first, st->tok_end, date);
        if (u->status == KH_UNIT_STORY_DISCARD) {
            doc->nevents = 0;   /* a sports story, a chronology... */
            break;
        }
        keep(doc, &cap, u, s);
        fwd = u->fwd_out;
    }
    free(u);
    return KH_OK;
}
