/*
 * trace.c - the coder's view of a unit, for debugging dictionaries and the
 * coder: each word with its type, clause and flags, then the actors and
 * the events.  `khaldun validate` prints it for the records named in the
 * KH_TRACE environment variable.
 */
#include "code.h"

#include <stdio.h>

static const char *const type_names[] = {
    "null", "litr", "ACTOR", "AGENT", "VERB", "time", "det", "noun", "adj",
    "aux", "by", "comma", "PRON", "conj", "num", "prep", "discard"};

void kh_trace_unit(const kh_unit *u, FILE *f)
{
    for (int i = 0; i < u->n; i++) {
        const kh_lexw *x = &u->lex[i];
        size_t len;
        const char *t = kh_lex_text(u, i, &len);
        fprintf(f, "  %3d c%-2d %-7s %-20.*s%s%s%s%s", i, x->clause,
                x->type < sizeof type_names / sizeof *type_names
                    ? type_names[x->type] : "?",
                (int)len, t, x->flags & LF_ELIM ? " ELIM" : "",
                x->flags & LF_COMPOUND ? " CMP" : "",
                x->flags & LF_NOUNSHIFT ? " shifted" : "",
                x->flags & LF_CAP ? " cap" : "");
        if (x->type == L_ACTOR)
            fprintf(f, " code=%s group=%d", kh_dict_str_text(u->dict, x->code),
                    x->ref);
        if (x->type == L_PRONOUN)
            fprintf(f, " ref=%d", x->ref);
        if (x->slot >= 0)
            fprintf(f, " slot=%d", x->slot);
        if (x->type == L_LITR)
            fprintf(f, " head=%d", x->head);
        if (x->root != KH_NONE) {
            const kh_root *r = &u->dict->roots[x->root];
            fprintf(f, " [%s:%u]", kh_dict_str_text(u->dict, r->file),
                    r->line);
        }
        fputc('\n', f);
    }
    for (int k = 0; k < u->nslots; k++)
        fprintf(f, "  slot %d: %s words %d-%d compound %d%s\n", k,
                u->slots[k].code, u->slots[k].first, u->slots[k].last,
                u->slots[k].compound, u->slots[k].nul ? " nul" : "");
    for (int e = 0; e < u->nevents; e++) {
        const kh_cevent *ev = &u->events[e];
        fprintf(f, "  event %s %s %s verb %d", ev->source, ev->target,
                ev->code, ev->verb);
        if (ev->pattern != KH_NONE)
            fprintf(f, " pattern line %u", u->dict->patterns[ev->pattern].line);
        fputc('\n', f);
    }
}
