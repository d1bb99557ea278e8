/*
 * lone.c - agents with no actor (SET: LONE AGENTS), after actors.c.
 *
 * "The Syrian army shelled rebel positions": "rebel" names a role and no
 * country.  A human reads Syrian rebels, because rebels, insurgents and
 * the opposition fight their own state: such an agent takes the country
 * of the nearest state actor of the sentence (a country, or its
 * government, military, police...), before it first.  A government,
 * police, a court or a parliament act at home: such an agent takes the
 * country of the state actors (or of a country's own opposition, rebels
 * or civilians) before it when they are of one country ("Iraqis
 * demonstrated against the government", "Georgian opposition parties
 * called on the prime minister to resign").  Other roles do not say whose they are
 * ("Israeli strikes killed civilians" are not Israeli civilians; a drone
 * may be anyone's), so an agent of another role stays without a country:
 * it is an unknown source ("a drone targeted the headquarters of X") whose
 * violent events wait for the rest of the article (stage.c), and never a
 * target.  A run of agents is one phrase ("rebel commanders").
 *
 * With SET: PLACES (ours), an agent that the sentence's state actors do
 * not place is where the sentence happens: "riot police fired tear gas at
 * protesters in Basra" are Iraqi police and Iraqi protesters, and so are
 * they in a story datelined Basra that names no place.  This holds for
 * the roles of home and of civilians (protesters, students, doctors,
 * journalists), not for armies, gunmen and spies, who act abroad as
 * often as at home, nor for international ones (aid groups, NGO~).
 */
#include "code.h"

#include <stdio.h>
#include <string.h>

int kh_state_code(const char *c)
{
    size_t n = strlen(c);
    for (size_t i = 0; i < 3 && i < n; i++)
        if (c[i] < 'A' || c[i] > 'Z')
            return 0;
    /* international, non-state and ethnic prefixes are not states */
    static const char *const nonstate[] = {"IGO", "IMG", "NGO", "MNC",
                                           "UIS", "NGM", "UAF"};
    if (n < 3)
        return 0;
    for (size_t i = 0; i < sizeof nonstate / sizeof *nonstate; i++)
        if (memcmp(c, nonstate[i], 3) == 0)
            return 0;
    if (n == 3)
        return 1;
    if (n != 6)
        return 0;
    static const char *const state[] = {"GOV", "MIL", "COP", "JUD", "LEG",
                                        "SPY"};
    for (size_t i = 0; i < sizeof state / sizeof *state; i++)
        if (memcmp(c + 3, state[i], 3) == 0)
            return 1;
    return 0;
}

/* Roles that fight or oppose their own state. */
static int domestic_role(const char *a)
{
    return strcmp(a, "REB") == 0 || strcmp(a, "INS") == 0 ||
           strcmp(a, "OPP") == 0;
}

/* Roles of a state that act at home: "the government", "the
 * authorities", "police", "the court", "parliament".  (Armies, drones
 * and spies act abroad as often as at home.) */
static int home_role(const char *a)
{
    return strcmp(a, "GOV") == 0 || strcmp(a, "COP") == 0 ||
           strcmp(a, "JUD") == 0 || strcmp(a, "LEG") == 0;
}

static int civil_role(const char *a);

/* A state actor, or a country's own people: its opposition, rebels,
 * protesters, civilians ("Georgian opposition parties called on the
 * prime minister": the prime minister is Georgia's). */
static int national_code(const char *c)
{
    if (kh_state_code(c))
        return 1;
    if (strlen(c) != 6)
        return 0;
    char p[4] = {c[0], c[1], c[2], '\0'};
    return kh_state_code(p) && (domestic_role(c + 3) || civil_role(c + 3));
}

/* The one country of the state actors (or of a country's own people)
 * before word i ("Iraqis protested against the government"), or NULL
 * when there are none or several.  An agent before any actor is more
 * often the other side's ("the government thanked China for its
 * help"). */
static const char *only_country(const kh_unit *u, int i)
{
    const char *c = NULL;
    for (int k = 0; k < u->nslots; k++) {
        const kh_slot *s = &u->slots[k];
        if (s->nul || s->unknown || !national_code(s->code) || s->first > i)
            continue;
        if (c && memcmp(c, s->code, 3) != 0)
            return NULL;
        c = s->code;
    }
    return c;
}

static int in_slot(const kh_unit *u, int i)
{
    for (int k = 0; k < u->nslots; k++)
        if (i >= u->slots[k].first && i <= u->slots[k].last)
            return 1;
    return 0;
}

/* The country of the nearest state actor to word i, or NULL. */
static const char *state_country(const kh_unit *u, int i)
{
    int best = -1, dist = 0;
    for (int k = 0; k < u->nslots; k++) {
        const kh_slot *s = &u->slots[k];
        if (s->nul || s->unknown || !kh_state_code(s->code))
            continue;
        /* after the agent counts double: the actor before is the one
         * acting on it */
        int d = s->first < i ? i - s->first : 2 * (s->first - i);
        if (best < 0 || d < dist)
            best = k, dist = d;
    }
    return best >= 0 ? u->slots[best].code : NULL;
}

/* Roles of people who are where they are: civilians, protesters,
 * students, doctors, journalists, businessmen, clerics, refugees...
 * (SET: PLACES: "protesters in Basra" are Iraqi). */
static int civil_role(const char *a)
{
    static const char *const civil[] = {"CVL", "EDU", "HLH", "MED", "BUS",
                                        "LAB", "REL", "REF", "AGR", "ELI",
                                        "HRI", "CRM"};
    for (size_t i = 0; i < sizeof civil / sizeof *civil; i++)
        if (strcmp(a, civil[i]) == 0)
            return 1;
    return 0;
}

/* SET: PLACES.  Where the unit happens: its places when they are of one
 * country, else, when it names none, the article's dateline, unless the
 * sentence names a state of another country ("the United States imposed
 * sanctions on companies in the UAE", datelined Washington: whose
 * companies is not said). */
static const char *where(const kh_unit *u)
{
    if (!u->dict->options.places || u->place_mixed)
        return NULL;
    if (u->place[0])
        return u->place;
    if (!u->home_in || !*u->home_in)
        return NULL;
    for (int k = 0; k < u->nslots; k++) {
        const kh_slot *s = &u->slots[k];
        if (!s->nul && !s->unknown && kh_state_code(s->code) &&
            memcmp(s->code, u->home_in, 3) != 0)
            return NULL;
    }
    return u->home_in;
}

static void append_code(char *code, const char *part, int prefix)
{
    char tmp[KH_CODE_LEN];
    if (prefix)
        snprintf(tmp, sizeof tmp, "%s%s", part, code);
    else
        snprintf(tmp, sizeof tmp, "%s%s", code, part);
    memcpy(code, tmp, KH_CODE_LEN);
}

void kh_lone_agents(kh_unit *u)
{
    const kh_dict *d = u->dict;
    if (!d->options.lone_agents)
        return;
    for (int i = 0; i < u->n && u->nslots < KH_MAX_ACTORS; i++) {
        kh_lexw *x = &u->lex[i];
        if (x->type != L_AGENT || (x->flags & (LF_ELIM | LF_QUOTE)) ||
            x->slot >= 0 || in_slot(u, i))
            continue;
        /* the phrase: this agent and those right after it */
        char roles[KH_CODE_LEN] = "";
        int pre = 0, domestic = 0, home = 1, civil = 1, last = i;
        int j = i;
        while (j < u->n && u->lex[j].type == L_AGENT &&
               !(u->lex[j].flags & LF_ELIM)) {
            const kh_agent *ag = &d->agents[d->roots[u->lex[j].root].payload];
            const char *ac = kh_dict_str_text(d, ag->code);
            if (ac[0] && !strstr(roles, ac) &&
                strlen(roles) + strlen(ac) < sizeof roles) {
                if (ag->prefix)
                    pre = 1;
                strcat(roles, ac);
            }
            domestic |= domestic_role(ac);
            home &= home_role(ac);
            civil &= home_role(ac) || civil_role(ac);
            last = u->lex[j].end - 1;
            j = u->lex[j].end;
        }
        kh_slot *s = &u->slots[u->nslots];
        memset(s, 0, sizeof *s);
        s->first = (int16_t)i;
        s->last = (int16_t)last;
        s->compound = -1;
        const char *country = domestic ? state_country(u, i)
                              : home   ? only_country(u, i)
                                       : NULL;
        const char *at = !country && (domestic || civil) && !pre
                             ? where(u) : NULL;
        if (country) {
            memcpy(s->code, country, 3);   /* another slot's code */
            s->code[3] = '\0';
        } else if (at) {
            snprintf(s->code, sizeof s->code, "%s", at);
            s->placed = 1;
        } else {
            snprintf(s->code, sizeof s->code, "---");
            s->unknown = 1;
        }
        append_code(s->code, roles, pre);
        x->slot = (int16_t)u->nslots++;
        i = last;
    }
}
