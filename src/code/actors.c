/*
 * actors.c - actors and agents into the codes events carry.
 *
 * An agent names a role ("police" ~COP, "human rights activists" NGM~);
 * next to an actor it adds its code to the actor's: right after the actor
 * ("Gondor police"), right before it ("President Peres"), or before OF or
 * IN and the actor ("ambassadors of Arnor").  ~COP goes after the actor's
 * code, NGM~ before it.  A code already in the actor's, on a 3-letter
 * boundary, is not added twice (USAGOV + GOV = USAGOV).  FORMER before
 * the actor or the agent makes the agent ELI (manual 5.4.1).  An agent
 * with no actor is dropped, or with SET: CONVERT AGENTS it stands alone
 * as "~CODE".
 */
#include "code.h"

#include <stdio.h>
#include <string.h>

/* Whether code c contains part at an offset that is a multiple of 3. */
static int aligned_in(const char *c, const char *part)
{
    size_t n = strlen(c), k = strlen(part);
    for (size_t off = 0; off + k <= n; off += 3)
        if (memcmp(c + off, part, k) == 0)
            return 1;
    return 0;
}

static void add_agent(char *code, const char *agent, int prefix)
{
    if (!*agent || aligned_in(code, agent))
        return;
    char tmp[KH_CODE_LEN];
    if (prefix)
        snprintf(tmp, sizeof tmp, "%s%s", agent, code);
    else
        snprintf(tmp, sizeof tmp, "%s%s", code, agent);
    memcpy(code, tmp, KH_CODE_LEN);
}

static int former_before(const kh_unit *u, int i)
{
    return i > 0 && (u->lex[i - 1].flags & LF_FORMER);
}

/* Applies the agent phrase at lex a to the code. */
static void apply(const kh_unit *u, int a, char *code, int former)
{
    const kh_dict *d = u->dict;
    const kh_agent *ag = &d->agents[d->roots[u->lex[a].root].payload];
    const char *ac = kh_dict_str_text(d, ag->code);
    if (former || former_before(u, a))
        ac = "ELI";
    add_agent(code, ac, ag->prefix && !(former || former_before(u, a)));
}

static int usable(const kh_unit *u, int i, int type)
{
    return i >= 0 && i < u->n && u->lex[i].type == type &&
           !(u->lex[i].flags & LF_ELIM);
}

void kh_actors(kh_unit *u)
{
    const kh_dict *d = u->dict;
    uint8_t used[KH_MAX_LEX] = {0};   /* agents already attached */
    u->nslots = 0;
    for (int i = 0; i < u->n; i++) {
        kh_lexw *x = &u->lex[i];
        x->slot = -1;
        if (x->flags & LF_ELIM)
            continue;
        if (x->type != L_ACTOR && x->type != L_PRONOUN)
            continue;
        if (u->nslots >= KH_MAX_ACTORS)
            break;
        kh_slot *s = &u->slots[u->nslots];
        memset(s, 0, sizeof *s);
        s->first = (int16_t)i;
        s->last = (int16_t)(x->end - 1);
        s->compound = -1;
        if (x->type == L_PRONOUN) {
            if (x->ref == -3 && u->fwd_in) {   /* forwarded */
                snprintf(s->code, sizeof s->code, "%s", u->fwd_in->code);
                s->last = (int16_t)i;
                x->slot = (int16_t)u->nslots++;
                continue;
            }
            if (x->ref < 0)
                continue;   /* refers to nothing */
            s->pronoun = 1;
            s->last = (int16_t)i;
            x->slot = (int16_t)u->nslots++;
            continue;
        }
        snprintf(s->code, sizeof s->code, "%s",
                 kh_dict_str_text(d, x->code));
        s->compound = x->ref;
        int former = former_before(u, i);
        /* agents after: "Gondor police", "Arnor former security
         * officials" */
        int j = x->end;
        while (j < u->n) {
            /* "Gondor 's government" with clitics split (PETRARCH) */
            size_t cl;
            const char *ct = kh_lex_text(u, j, &cl);
            if (cl == 2 && ct[0] == '\'' && ct[1] == 'S') {
                j++;
                continue;
            }
            if (u->lex[j].flags & LF_FORMER) {
                former = 1;
                j++;
                continue;
            }
            if (!usable(u, j, L_AGENT))
                break;
            apply(u, j, s->code, former);
            used[j] = 1;
            s->last = (int16_t)(u->lex[j].end - 1);
            j = u->lex[j].end;
        }
        /* agents before: "President Peres", "ambassadors of Arnor" */
        int b = i - 1;
        if (b >= 0 && u->lex[b].type == L_PREP)
            b--;
        while (b >= 0 && u->lex[b].type == L_LITR && u->lex[b].head >= 0)
            b = u->lex[b].head;
        if (usable(u, b, L_AGENT) && !used[b] && u->lex[b].end <= i) {
            apply(u, b, s->code, former);
            used[b] = 1;
            s->first = (int16_t)b;
        }
        x->slot = (int16_t)u->nslots++;
        u->lex[s->first].slot = x->slot;
    }
    /* Pronouns take their actor's slot code and compound. */
    for (int k = 0; k < u->nslots; k++) {
        kh_slot *s = &u->slots[k];
        if (!s->pronoun || u->lex[s->first].ref == -3)
            continue;
        int a = u->lex[s->first].ref;
        int as = a >= 0 ? u->lex[a].slot : -1;
        if (as < 0) {
            s->nul = 1;
            continue;
        }
        memcpy(s->code, u->slots[as].code, sizeof s->code);
        s->compound = u->slots[as].compound;
    }
    /* Agents that stand alone: "~GOV" with CONVERT AGENTS (TABARI),
     * "---GOV" when a missing actor is written --- (PETRARCH without
     * require_dyad). */
    if (!d->options.convert_agents && d->options.require_dyad)
        return;
    const char *blank = d->options.convert_agents ? "~" : "---";
    for (int i = 0; i < u->n && u->nslots < KH_MAX_ACTORS; i++) {
        kh_lexw *x = &u->lex[i];
        if (x->type != L_AGENT || used[i] || (x->flags & LF_ELIM) ||
            x->slot >= 0)
            continue;
        kh_slot *s = &u->slots[u->nslots];
        memset(s, 0, sizeof *s);
        const kh_agent *ag = &d->agents[d->roots[x->root].payload];
        const char *ac = kh_dict_str_text(d, ag->code);
        if (ag->prefix)
            snprintf(s->code, sizeof s->code, "%s%s", ac, blank);
        else
            snprintf(s->code, sizeof s->code, "%s%s", blank, ac);
        s->first = (int16_t)i;
        s->last = (int16_t)(x->end - 1);
        s->compound = x->ref;
        x->slot = (int16_t)u->nslots++;
    }
}
