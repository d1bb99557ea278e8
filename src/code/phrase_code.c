/*
 * phrase_code.c - the actor code of a phrase, for the entities stage.
 *
 * An entity's code is what the coder would give the same words as an
 * actor: the phrase goes through the coder's own first stages (lex,
 * classify, actors) as a unit of its own, so that names, agents and
 * date-restricted codes are read exactly as in events ("Prime Minister
 * Mohammed Shia al-Sudani" -> IRQGOV at a 2024 story date, "a military
 * official in the Pentagon" -> USAMIL).  No verb patterns run.
 */
#include "code.h"

#include "../extract/extract.h"

#include <stdio.h>
#include <string.h>

size_t kh_phrase_unit_size(void)
{
    return sizeof(kh_unit);
}

int kh_code_phrase(const kh_dict *dict, const kh_doc *d, void *unit,
                   size_t first, size_t end, int32_t date, char out[48])
{
    out[0] = '\0';
    if (!dict || !unit || first >= end || end > d->ntokens)
        return 0;
    kh_unit *u = unit;
    u->dict = dict;
    u->doc = d;
    u->date = date;
    u->status = KH_UNIT_CODED;
    u->why = NULL;
    u->nevents = 0;
    u->nslots = 0;
    u->ncompounds = 0;
    u->shift = 0;
    u->fwd_in = NULL;
    kh_lex_build(u, first, end, dict->split_clitics);
    if (u->n <= 0 || u->n > KH_MAX_LEX) {
        u->n = 0;
        return 0;
    }
    kh_classify(u);
    /* A special code (### +++) says nothing about who the words name. */
    u->status = KH_UNIT_CODED;
    kh_actors(u);
    for (int k = 0; k < u->nslots; k++) {
        const kh_slot *s = &u->slots[k];
        if (s->nul || s->pronoun || !s->code[0] || s->code[0] == '~' ||
            strncmp(s->code, "---", 3) == 0)
            continue;
        snprintf(out, 48, "%s", s->code);
        return 1;
    }
    return 0;
}
