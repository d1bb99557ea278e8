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
 *
 * Our own dictionaries turn on three more rules (SET: ACTOR RULES =
 * TRUE); TABARI's and PETRARCH's keep the rules above, which their
 * suites test:
 * - GOV yields to a role.  "Official", "ministry", "embassy" are ~GOV
 *   because officials of states are most of those reported; on a code
 *   that already has a role after its country they add nothing ("a
 *   Pentagon official" stays USAMIL, not USAMILGOV), nor on an
 *   organisation's (IGO..., NGO...: "a UN official" is the UN), and a
 *   later role replaces a GOV that ends the code ("Iraqi government
 *   forces" is IRQMIL).  Group codes (LBNHEZ) have no role, so "a
 *   Hezbollah official" is still LBNHEZGOV.
 * - Two actors side by side, the second's code extending the first's,
 *   are one: "Iraqi Prime Minister Mohammed Shia al-Sudani" (IRQGOV,
 *   IRQGOV), "the U.S. State Department" (USA, USAGOV), "Lebanese
 *   Hezbollah" (LBN, LBNHEZ) each name one actor, with the longer
 *   code.
 * - A government metonym (a code ending in GOV: a capital, "the
 *   Kremlin") right after IN or AT, with or without THE, is where
 *   something happened, not who did it: "arrested a suspect in Erbil"
 *   has no target.  Unless an agent that no other actor took stands
 *   before IN ("an official in Baghdad"): then the two compose, as
 *   above.
 * - Armed forces do not compose through IN: "900 troops in Syria" and
 *   "its forces in Iraq" are deployed there, mostly someone else's.
 * - PRO- and ANTI- make an actor a modifier: "pro-Iranian militias" are
 *   not Iran, "anti-American protests" are not against an actor here.
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

/* CAMEO's role codes: a code with one of these after its country has a
 * role.  GOV is among them; the rules below treat it apart. */
static int is_role(const char *p)
{
    static const char roles[][4] = {
        "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "UAF",
        "SPY", "CVL", "MED", "BUS", "REL", "EDU", "REF", "HLH", "ELI",
        "LAB", "AGR", "CRM", "HRI"};
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (memcmp(p, roles[i], 3) == 0)
            return 1;
    return 0;
}

/* Whether code c has a role other than GOV after its first three
 * letters. */
static int has_other_role(const char *c)
{
    size_t n = strlen(c);
    for (size_t off = 3; off + 3 <= n; off += 3)
        if (is_role(c + off) && memcmp(c + off, "GOV", 3) != 0)
            return 1;
    return 0;
}

static void add_agent(char *code, const char *agent, int prefix, int rules)
{
    if (!*agent || aligned_in(code, agent))
        return;
    if (rules && !prefix && strlen(agent) == 3) {
        size_t n = strlen(code);
        /* GOV yields to a role already there, and to an organisation */
        if (memcmp(agent, "GOV", 3) == 0 &&
            (has_other_role(code) || memcmp(code, "IGO", 3) == 0 ||
             memcmp(code, "NGO", 3) == 0))
            return;
        /* a role replaces a GOV that ends the code */
        if (is_role(agent) && n >= 6 && n % 3 == 0 &&
            memcmp(code + n - 3, "GOV", 3) == 0) {
            memcpy(code + n - 3, agent, 3);
            return;
        }
    }
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
    add_agent(code, ac, ag->prefix && !(former || former_before(u, a)),
              d->options.actor_rules);
}

/* Whether the actor at lex j extends code c: its code starts with c
 * ("USAGOV" after "USA", "IRQGOV" after "IRQGOV"). */
static int extends(const kh_unit *u, int j, const char *c)
{
    if (u->lex[j].code == KH_NONE)
        return 0;
    const char *o = kh_dict_str_text(u->dict, u->lex[j].code);
    size_t n = strlen(c);
    return n >= 3 && strncmp(o, c, n) == 0 && !strchr(o, '/');
}

static int text_is(const kh_unit *u, int i, const char *w)
{
    size_t n;
    const char *t = kh_lex_text(u, i, &n);
    return n == strlen(w) && memcmp(t, w, n) == 0;
}

/* Whether the agent at lex b is an armed force (MIL, UAF): "troops in
 * Syria", "its forces in Iraq" are deployed there, mostly someone
 * else's, so with ACTOR RULES they do not compose through IN. */
static int deployed(const kh_unit *u, int b)
{
    const kh_dict *d = u->dict;
    const char *c = kh_dict_str_text(
        d, d->agents[d->roots[u->lex[b].root].payload].code);
    return strcmp(c, "MIL") == 0 || strcmp(c, "UAF") == 0;
}

/* ACTOR RULES: whether the actor at lex i is not an actor here, but a
 * place (a government metonym after IN or AT) or a modifier (after PRO
 * or ANTI).  used[] says which agents other actors took. */
static int not_an_actor(const kh_unit *u, int i, const char *code,
                        const uint8_t *used)
{
    if (i == 0)
        return 0;
    if (text_is(u, i - 1, "PRO") || text_is(u, i - 1, "ANTI"))
        return 1;
    size_t n = strlen(code);
    if (n < 6 || memcmp(code + n - 3, "GOV", 3) != 0)
        return 0;
    int p = i - 1;
    if (u->lex[p].type == L_DETERM && text_is(u, p, "THE") && p > 0)
        p--;
    if (!text_is(u, p, "IN") && !text_is(u, p, "AT"))
        return 0;
    /* "an official in Baghdad": an agent no one took composes with it */
    int b = p - 1;
    while (b >= 0 && u->lex[b].type == L_LITR && u->lex[b].head >= 0)
        b = u->lex[b].head;
    if (b >= 0 && u->lex[b].type == L_AGENT && !used[b] &&
        !(u->lex[b].flags & LF_ELIM) && text_is(u, p, "IN") &&
        !deployed(u, b))
        return 0;
    return 1;
}

/* SET: PLACES.  Notes that the unit names a place of code's country: the
 * code less a GOV that ends it (Basra IRQ, Erbil IRQKRDGOV: IRQKRD);
 * places of two countries leave none. */
static void note_place(kh_unit *u, const char *code)
{
    if (!u->dict->options.places || u->place_mixed || strlen(code) < 3 ||
        strchr(code, '/'))
        return;
    char c[KH_CODE_LEN];
    snprintf(c, sizeof c, "%s", code);
    size_t n = strlen(c);
    if (n >= 6 && n % 3 == 0 && memcmp(c + n - 3, "GOV", 3) == 0)
        c[n - 3] = '\0';
    if (!u->place[0])
        memcpy(u->place, c, sizeof u->place);
    else if (memcmp(u->place, c, 3) != 0)
        u->place_mixed = 1, u->place[0] = '\0';
    else if (strcmp(u->place, c) != 0)
        u->place[3] = '\0';   /* IRQ and IRQKRD: IRQ */
}

/* ACTOR RULES.  Whether the words at lex i are inside the name of the
 * article's own outlet ("told Yemen Horizon", "Baghdad Today reported"):
 * a newspaper is no act of the country in its name. */
static int in_source_name(const kh_unit *u, int i)
{
    const char *src = u->doc ? u->doc->source : NULL;
    if (!src || !*src)
        return 0;
    char w[6][32];
    int nw = 0;
    size_t k = 0;
    for (const char *p = src;; p++) {
        unsigned char c = (unsigned char)*p;
        if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && k < 31) {
            if (nw >= 6)
                return 0;
            w[nw][k++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
            continue;
        }
        if (k)
            w[nw][k] = '\0', nw++;
        k = 0;
        if (!c)
            break;
    }
    if (nw < 2)
        return 0;   /* one word is a country's name as often */
    for (int j = i - nw + 1; j <= i; j++) {
        if (j < 0 || j + nw > u->n)
            continue;
        int e = 0;
        while (e < nw && text_is(u, j + e, w[e]))
            e++;
        if (e == nw)
            return 1;
    }
    return 0;
}

/* Whether the actor at lex i was written in a <PLACE> section. */
static int is_place(const kh_unit *u, int i)
{
    const kh_dict *d = u->dict;
    return d->options.places && d->options.actor_rules &&
           d->actors[d->roots[u->lex[i].root].payload].place;
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
    uint8_t merged[KH_MAX_LEX] = {0}; /* actors joined to the one before */
    u->nslots = 0;
    for (int i = 0; i < u->n; i++) {
        kh_lexw *x = &u->lex[i];
        if (merged[i])
            continue;
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
        if (d->options.actor_rules && in_source_name(u, i)) {
            x->type = L_NOUN;
            continue;
        }
        if (d->options.actor_rules && not_an_actor(u, i, s->code, used)) {
            note_place(u, s->code);
            x->type = L_NOUN;
            continue;
        }
        int place = is_place(u, i), composed = 0;
        s->compound = x->ref;
        int former = former_before(u, i);
        /* agents after: "Gondor police", "Arnor former security
         * officials"; with ACTOR RULES, an actor after that extends the
         * code ("U.S. State Department") joins this one */
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
            if (d->options.actor_rules && usable(u, j, L_ACTOR) &&
                extends(u, j, s->code)) {
                snprintf(s->code, sizeof s->code, "%s",
                         kh_dict_str_text(d, u->lex[j].code));
                merged[j] = 1;
                /* "Indian Prime Minister Narendra Modi and ...": the
                 * compound was found at the name the AND touches */
                if (s->compound < 0)
                    s->compound = u->lex[j].ref;
                u->lex[j].slot = (int16_t)u->nslots;
                s->last = (int16_t)(u->lex[j].end - 1);
                j = u->lex[j].end;
                continue;
            }
            if (!usable(u, j, L_AGENT))
                break;
            apply(u, j, s->code, former);
            composed = 1;
            used[j] = 1;
            s->last = (int16_t)(u->lex[j].end - 1);
            j = u->lex[j].end;
        }
        /* "Indian and Pakistani soldiers": the agents after the last of
         * two adjectives joined by AND are the first's too (ACTOR
         * RULES) */
        if (!composed && d->options.actor_rules && j < u->n &&
            u->lex[j].type == L_CONJ && text_is(u, j, "AND") &&
            j + 1 < u->n && u->lex[j + 1].type == L_ACTOR &&
            (u->lex[j + 1].flags & LF_CAP) && (x->flags & LF_CAP)) {
            int k = u->lex[j + 1].end, took = 0;
            while (usable(u, k, L_AGENT) && u->lex[k].end > k) {
                apply(u, k, s->code, former);
                took = 1;
                k = u->lex[k].end;
            }
            composed = took;
        }
        /* agents before: "President Peres", "ambassadors of Arnor" */
        int b = i - 1, in = 0;
        if (b >= 0 && u->lex[b].type == L_PREP) {
            in = text_is(u, b, "IN");
            b--;
        }
        while (b >= 0 && u->lex[b].type == L_LITR && u->lex[b].head >= 0)
            b = u->lex[b].head;
        if (usable(u, b, L_AGENT) && !used[b] && u->lex[b].end <= i &&
            !(in && d->options.actor_rules && deployed(u, b))) {
            apply(u, b, s->code, former);
            composed = 1;
            used[b] = 1;
            s->first = (int16_t)b;
        }
        if (place) {
            /* a city or a province is where, and whose its agents are
             * ("security forces in Basra", "the Nineveh court"), never
             * an actor alone ("south of Mosul") */
            note_place(u, kh_dict_str_text(d, x->code));
            if (!composed) {
                x->type = L_NOUN;
                continue;
            }
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
