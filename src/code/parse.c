/*
 * parse.c - the shallow parse (TABARI manual, ch. 7): compound actors,
 * compound nouns and adjectives, pronouns, comma-delimited clauses,
 * clauses at conjunctions, and the complexity conditions.
 *
 * Compounds.  An actor phrase is an actor after any adjectives and
 * determiners; "A and B", "A, B and C" and "A, B, and C" make one
 * compound, whose members the events multiply.  "bombs and rockets"
 * (nouns) and "black and white" (adjectives) are marked so that their
 * conjunction does not split the sentence.
 *
 * Comma-delimited clauses.  A run of words between two commas is dropped
 * when it has more than MIN and at most MAX words (2 and 10 by default;
 * the first run never by default, the last by EMIN/EMAX), which removes
 * the "..., a senior official said on Saturday" of wire leads.  A phrase
 * with any word in a dropped run is dropped whole.
 */
#include "code.h"

#include "../tag/tag.h"

#include <string.h>

/* The first word of the phrase that word i belongs to. */
static int head_of(const kh_unit *u, int i)
{
    return u->lex[i].type == L_LITR && u->lex[i].head >= 0 ? u->lex[i].head
                                                            : i;
}

/* Right of a conjunction or comma at k: [determiner|adjective]* actor.
 * Returns the actor's first word or -1. */
static int np_right(const kh_unit *u, int k, int agents)
{
    int j = k + 1;
    /* Dictionaries without adjective lists (PETRARCH's) cannot say "evil
     * awful" are adjectives: there, up to three lower-case words that
     * the dictionaries do not know may stand before the actor. */
    int lenient = u->dict->format == KH_DICT_PETRARCH ? 3 : 0;
    while (j < u->n) {
        int t = u->lex[j].type;
        if (t == L_DETERM || t == L_ADJ) {
            j++;
        } else if (lenient && t == L_NULL && !(u->lex[j].flags & LF_CAP)) {
            lenient--;
            j++;
        } else {
            break;
        }
    }
    if (j < u->n && (u->lex[j].type == L_ACTOR ||
                     (agents && u->lex[j].type == L_AGENT)))
        return j;
    return -1;
}

/* Left of a conjunction or comma at k: an actor phrase ending just before
 * (an actor and the agents right after it count as one).  Returns its
 * first word or -1. */
static int np_left(const kh_unit *u, int k, int agents)
{
    int j = k - 1;
    if (j < 0)
        return -1;
    j = head_of(u, j);
    if (u->lex[j].type == L_ACTOR || (agents && u->lex[j].type == L_AGENT))
        return j;
    /* Arnor security officials and ...: skip the agents back to the
     * actor */
    while (j > 0 && u->lex[j].type == L_AGENT) {
        j = head_of(u, j - 1);
        if (u->lex[j].type == L_ACTOR)
            return j;
    }
    return -1;
}

/* Whether the word at i ends in 'S: a possessive. */
static int possessive(const kh_unit *u, int i)
{
    size_t n;
    const char *t = kh_lex_text(u, i, &n);
    return n > 2 && t[n - 2] == '\'' && t[n - 1] == 'S';
}

/* Compound ids live on the actors' words (lex.ref is free for actors). */
static int group_of(const kh_unit *u, int i)
{
    return u->lex[i].type == L_PRONOUN ? -1 : u->lex[i].ref;
}

static void join(kh_unit *u, int a, int b)
{
    int ga = group_of(u, a), gb = group_of(u, b);
    if (ga < 0 && gb < 0) {
        ga = u->ncompounds++;
        u->lex[a].ref = u->lex[b].ref = (int16_t)ga;
    } else if (ga < 0) {
        u->lex[a].ref = (int16_t)gb;
    } else if (gb < 0) {
        u->lex[b].ref = (int16_t)ga;
    } else if (ga != gb) {
        for (int i = 0; i < u->n; i++)
            if (u->lex[i].type != L_PRONOUN && u->lex[i].ref == gb)
                u->lex[i].ref = (int16_t)ga;
    }
}

static int text_is(const kh_unit *u, int i, const char *s)
{
    size_t tl;
    const char *t = kh_lex_text(u, i, &tl);
    return tl == strlen(s) && memcmp(t, s, tl) == 0;
}

static void compounds(kh_unit *u)
{
    int agents = u->dict->options.convert_agents;
    for (int i = 0; i < u->n; i++)
        if (u->lex[i].type == L_ACTOR || u->lex[i].type == L_AGENT)
            u->lex[i].ref = -1;
    for (int k = 0; k < u->n; k++) {
        kh_lexw *c = &u->lex[k];
        if (c->type != L_CONJ)
            continue;
        /* "A and B", "neither A nor B", "A or B"; never "A but B" */
        if (text_is(u, k, "BUT"))
            continue;
        int right = np_right(u, k, agents);
        /* "A, B, and C": the comma before the conjunction */
        int lk = k > 0 && u->lex[k - 1].type == L_COMMA ? k - 1 : k;
        int left = np_left(u, lk, agents);
        /* "the IMF and Red Cross, and Elrond": after a comma, a finished
         * compound does not take one more actor (the comma closes a
         * clause, DEBUG-17); "A and B, and C and D" joins (DEBUG-18a) */
        if (lk != k && left >= 0 && right >= 0 && group_of(u, left) >= 0) {
            int after = u->lex[right].end;
            while (after < u->n && u->lex[after].type == L_AGENT)
                after = u->lex[after].end;
            if (!(after < u->n && u->lex[after].type == L_CONJ))
                left = -1;
        }
        if (right >= 0 && left >= 0) {
            c->flags |= LF_COMPOUND;
            if (lk != k)
                u->lex[lk].flags |= LF_COMPOUND;
            join(u, left, right);
            /* more actors in the right phrase: "the evil Arnor awful
             * Gondor" (TABARI reads them all as members) */
            for (int j = u->lex[right].end;;) {
                while (j < u->n && u->lex[j].type == L_AGENT)
                    j = u->lex[j].end;
                int r2 = np_right(u, j - 1, agents);
                /* two actors side by side are not a list ("Dagolath
                 * Osgiliath", DEBUG-20) unless the first is a possessive
                 * ("Arnor's Elrond", DEBUG-23) */
                if (r2 < 0 || (r2 == j && !possessive(u, j - 1)))
                    break;
                join(u, right, r2);
                j = u->lex[r2].end;
            }
            /* the list before: "A, B and C" */
            for (int l = left; l > 0;) {
                int start = l;
                while (start > 0 && (u->lex[start - 1].type == L_DETERM ||
                                     u->lex[start - 1].type == L_ADJ))
                    start--;
                if (start == 0 || u->lex[start - 1].type != L_COMMA)
                    break;
                int l2 = np_left(u, start - 1, agents);
                if (l2 < 0)
                    break;
                u->lex[start - 1].flags |= LF_COMPOUND;
                join(u, l2, left);
                l = l2;
            }
            continue;
        }
        /* compound nouns: <noun> <conj> <adj>* <noun>; adjectives:
         * <adj> <conj> <adj> */
        int before = k > 0 ? u->lex[k - 1].type : -1;
        int j = k + 1;
        while (j < u->n && u->lex[j].type == L_ADJ)
            j++;
        int after = j < u->n ? u->lex[j].type : -1;
        if ((before == L_NOUN && after == L_NOUN) ||
            (before == L_ADJ && k + 1 < u->n && u->lex[k + 1].type == L_ADJ))
            c->flags |= LF_COMPOUND;
        /* ours (ACTOR RULES): the commas of a list of nouns ("food,
         * medicine and winter supplies") are the list's, not a clause's */
        if (before == L_NOUN && after == L_NOUN &&
            u->dict->options.actor_rules)
            for (int l = k - 1; l >= 2; l -= 2) {
                int n0 = u->lex[l].type == L_LITR && u->lex[l].head >= 0
                             ? u->lex[l].head : l;
                if (n0 < 2 || u->lex[n0 - 1].type != L_COMMA ||
                    u->lex[n0 - 2].type != L_NOUN)
                    break;
                u->lex[n0 - 1].flags |= LF_COMPOUND;
                l = n0;
            }
    }
}

static int first_actor(const kh_unit *u, int from, int to)
{
    for (int i = from; i < to; i++)
        if (u->lex[i].type == L_ACTOR ||
            (u->dict->options.convert_agents && u->lex[i].type == L_AGENT))
            return i;
    return -1;
}

/* Pronouns (manual 7.7): HE SHE IT HIM the first actor of the unit; ITS
 * HIS HER the first actor before them; THEY THEM THEIR the first
 * compound, else the first actor.  lex.ref holds the actor's word. */
static void pronouns(kh_unit *u)
{
    for (int i = 0; i < u->n; i++) {
        kh_lexw *x = &u->lex[i];
        if (x->type != L_PRONOUN)
            continue;
        int a = -1;
        int plural = text_is(u, i, "THEY") || text_is(u, i, "THEM") ||
                     text_is(u, i, "THEIR");
        /* FORWARD: a pronoun before any actor is the previous unit's
         * first actor (a plural one only when that was a compound) */
        if (u->fwd_in && u->fwd_in->valid && first_actor(u, 0, i) < 0 &&
            (!plural || u->fwd_in->compound_n > 1)) {
            x->ref = -3;
            continue;
        }
        /* TABARI looks for the actor anywhere in the unit; with our
         * clause subjects a pronoun only looks back: in "the List
         * announced that it had submitted appeals to the commission",
         * "it" is not the commission */
        int end = u->dict->options.clause_subjects ? i : u->n;
        int possessive = text_is(u, i, "ITS") || text_is(u, i, "HIS") ||
                         text_is(u, i, "HER") || text_is(u, i, "THEIR");
        /* "his Iraqi counterpart", "its Turkish partners": a possessive
         * before an actor of its own is a determiner; the actor is who
         * is meant (SET: ACTOR RULES) */
        if (possessive && u->dict->options.actor_rules && i + 1 < u->n &&
            u->lex[i + 1].type == L_ACTOR) {
            x->ref = -1;
            continue;
        }
        if (text_is(u, i, "ITS") || text_is(u, i, "HIS") ||
            text_is(u, i, "HER")) {
            a = first_actor(u, 0, i);
        } else if (plural) {
            for (int j = 0; j < end && a < 0; j++)
                if (u->lex[j].type == L_ACTOR && u->lex[j].ref >= 0)
                    a = j;
            if (a < 0)
                a = first_actor(u, 0, end);
        } else {
            a = first_actor(u, 0, end);
        }
        x->ref = (int16_t)a;
    }
}

/* SET: QUOTE PRONOUNS.  WE OUR OURS US inside a quotation are its
 * speaker: the nearest actor (or pronoun) outside quotes before the quote,
 * else the first one after it ("'Israeli drones struck our positions,' a
 * Hezbollah official said"), else the previous sentence's first actor. */
static int quote_pronoun(const kh_unit *u, int i)
{
    static const char *const w[] = {"WE", "OUR", "OURS", "US"};
    const kh_lexw *x = &u->lex[i];
    if (x->type != L_NULL || x->head >= 0 || !(x->flags & LF_QUOTE))
        return 0;
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (text_is(u, i, w[k]))
            /* "US" in capitals is the country, "us" the pronoun */
            return k < 3 || !(x->flags & LF_CAP) || u->allcaps ? 1 : 0;
    return 0;
}

static int speaker_like(const kh_lexw *y)
{
    return !(y->flags & LF_QUOTE) &&
           (y->type == L_ACTOR ||
            (y->type == L_PRONOUN && (y->ref >= 0 || y->ref == -3)));
}

static int speaker_word(const kh_unit *u, int i)
{
    for (int j = i - 1; j >= 0; j--)
        if (speaker_like(&u->lex[j]))
            return j;
    for (int j = i + 1; j < u->n; j++)
        if (speaker_like(&u->lex[j]))
            return j;
    return -1;
}

static void quote_pronouns(kh_unit *u)
{
    for (int i = 0; i < u->n; i++) {
        if (!quote_pronoun(u, i))
            continue;
        kh_lexw *x = &u->lex[i];
        int a = speaker_word(u, i);
        if (a >= 0 && u->lex[a].type == L_PRONOUN && u->lex[a].ref >= 0)
            a = u->lex[a].ref;   /* "He said: 'we ...'" is He's actor */
        if (a >= 0 && u->lex[a].type == L_PRONOUN) {
            x->type = L_PRONOUN;
            x->ref = -3;         /* He was the previous sentence's */
        } else if (a >= 0) {
            x->type = L_PRONOUN;
            x->ref = (int16_t)a;
        } else if (u->fwd_in && u->fwd_in->valid) {
            x->type = L_PRONOUN;
            x->ref = -3;
        }
    }
}

static void eliminate(kh_unit *u, int from, int to)
{
    for (int i = from; i < to; i++)
        u->lex[i].flags |= LF_ELIM;
}

/* Whether words [from, to) hold an actor (or a pronoun) outside quotes
 * and, after it, a verb: a clause with its subject, not an apposition. */
static int subject_and_verb(const kh_unit *u, int from, int to)
{
    int actor = 0;
    for (int i = from; i < to; i++) {
        const kh_lexw *x = &u->lex[i];
        if (x->type == L_ACTOR || (x->type == L_PRONOUN && x->ref != -1))
            actor = !(x->flags & LF_QUOTE) || actor;
        else if (actor && (text_is(u, i, "THAT") || text_is(u, i, "WHICH") ||
                           text_is(u, i, "WHO")))
            return 0;   /* "a UK-based group that tracks the war" */
        else if (x->type == L_VERB && actor)
            return 1;
    }
    return 0;
}

static int has_verb(const kh_unit *u, int from, int to)
{
    for (int i = from; i < to; i++)
        if (u->lex[i].type == L_VERB && !(u->lex[i].flags & LF_ELIM))
            return 1;
    return 0;
}

/* A run that a quote pronoun's speaker stands in is kept: the pronoun
 * needs the actor. */
static int holds_speaker(const kh_unit *u, int from, int to)
{
    for (int i = 0; i < u->n; i++) {
        const kh_lexw *x = &u->lex[i];
        if (x->type == L_PRONOUN && (x->flags & LF_QUOTE) && x->ref >= from &&
            x->ref < to)
            return 1;
    }
    return 0;
}

/* "The ministry condemned the strike, accusing Ankara of ...", "jets
 * bombed the camp, killing five": a run that opens with a present
 * participle after the unit's verb says what the subject did next. */
static int participle_run(const kh_unit *u, int from, int to)
{
    if (from >= to || u->lex[from].type != L_VERB)
        return 0;
    const kh_token *t = &u->doc->tokens[u->lex[from].tok0];
    return t->tag == KH_POS_VBG && has_verb(u, 0, from);
}

/* Whether the run [from, to) must stay although its length says drop it
 * (SET: MAIN CLAUSE COMMAS, SET: QUOTE PRONOUNS, SET: CLAUSE SUBJECTS). */
static int keep_run(const kh_unit *u, int from, int to)
{
    const kh_options *o = &u->dict->options;
    if (o->clause_subjects && participle_run(u, from, to))
        return 1;
    if (o->main_commas && !has_verb(u, 0, from) &&
        subject_and_verb(u, from, to))
        return 1;
    return o->quote_pronouns && holds_speaker(u, from, to);
}

static void comma_clauses(kh_unit *u)
{
    const kh_options *o = &u->dict->options;
    if (!o->comma_on)
        return;
    int commas[KH_MAX_LEX], nc = 0;
    for (int i = 0; i < u->n; i++)
        if (u->lex[i].type == L_COMMA && !(u->lex[i].flags & LF_COMPOUND))
            commas[nc++] = i;
    if (!nc)
        return;
    /* A dropped run takes its commas with it, so that what stands on
     * either side of it meets (MARK-00: "Gollum, centre of ..., called"). */
    int w = commas[0];   /* words before the first comma */
    if (w > o->comma_bmin && w <= o->comma_bmax)
        eliminate(u, 0, commas[0] + 1);
    int last_closed = 0;
    for (int k = 0; k + 1 < nc; k++) {
        w = commas[k + 1] - commas[k] - 1;
        last_closed = 0;
        if (w > o->comma_min && w <= o->comma_max &&
            !keep_run(u, commas[k] + 1, commas[k + 1])) {
            eliminate(u, commas[k], commas[k + 1] + 1);
            last_closed = 1;
        }
    }
    /* The run after the last comma goes too, unless that comma closed a
     * run already dropped (DEMO-19 keeps "..., urged Eriador to ..."). */
    w = u->n - commas[nc - 1] - 1;
    if (!last_closed && w > o->comma_emin && w <= o->comma_emax &&
        !keep_run(u, commas[nc - 1] + 1, u->n))
        eliminate(u, commas[nc - 1], u->n);
    /* A phrase with a word dropped is dropped whole. */
    for (int i = 0; i < u->n; i++) {
        kh_lexw *x = &u->lex[i];
        if (x->type == L_LITR && x->head >= 0 &&
            ((x->flags | u->lex[x->head].flags) & LF_ELIM)) {
            x->flags |= LF_ELIM;
            u->lex[x->head].flags |= LF_ELIM;
        }
    }
    for (int i = 0; i < u->n; i++) {
        kh_lexw *x = &u->lex[i];
        if (x->type != L_LITR && x->end > i + 1 && !(x->flags & LF_ELIM))
            for (int j = i + 1; j < x->end && j < u->n; j++)
                if (u->lex[j].head == i && (u->lex[j].flags & LF_ELIM)) {
                    x->flags |= LF_ELIM;
                    break;
                }
        if (x->type == L_LITR && x->head >= 0 &&
            (u->lex[x->head].flags & LF_ELIM))
            x->flags |= LF_ELIM;
    }
}

/* Whether a verb follows the conjunction at i before the next one: "sent
 * rescue teams and relief aid to Syria" joins two objects, not two
 * clauses (SET: CLAUSE SUBJECTS). */
static int verb_follows(const kh_unit *u, int i)
{
    for (int j = i + 1; j < u->n; j++) {
        const kh_lexw *x = &u->lex[j];
        if (x->flags & LF_ELIM)
            continue;
        if (x->type == L_CONJ && !(x->flags & LF_COMPOUND))
            return 0;
        if (x->type == L_VERB)
            return 1;
    }
    return 0;
}

static void clauses(kh_unit *u)
{
    int c = 0, pc = u->dict->options.clause_subjects;
    for (int i = 0; i < u->n; i++) {
        kh_lexw *x = &u->lex[i];
        if (x->type == L_CONJ && !(x->flags & (LF_COMPOUND | LF_ELIM)) &&
            (!pc || verb_follows(u, i)))
            c++;
        /* a participle run is a clause of its own: the main verb's
         * target is not looked for in it (SET: CLAUSE SUBJECTS) */
        else if (pc && x->type == L_COMMA &&
                 !(x->flags & (LF_COMPOUND | LF_ELIM)) &&
                 participle_run(u, i + 1, u->n))
            c++;
        x->clause = (uint16_t)c;
    }
}

static int null_verb(const kh_unit *u, int i)
{
    const kh_dict *d = u->dict;
    const kh_verb *v = &d->verbs[d->roots[u->lex[i].root].payload];
    return (v->code.flags & KH_EC_NULL) != 0;
}

static void complexity(kh_unit *u)
{
    const kh_options *o = &u->dict->options;
    int verbs = 0, actors = 0, prons = 0, conj = 0, first_verb = -1;
    int actor_before = 0, actor_after = 0;
    for (int i = 0; i < u->n; i++) {
        const kh_lexw *x = &u->lex[i];
        if (x->flags & LF_ELIM)
            continue;
        switch (x->type) {
        case L_VERB:
            verbs++;
            if (first_verb < 0 && !null_verb(u, i))
                first_verb = i;
            break;
        case L_ACTOR:
            actors++;
            if (first_verb < 0)
                actor_before = 1;
            else
                actor_after = 1;
            break;
        case L_AGENT:
            /* with CONVERT AGENTS an agent can be the subject */
            if (o->convert_agents) {
                if (first_verb < 0)
                    actor_before = 1;
                else
                    actor_after = 1;
            }
            break;
        case L_PRONOUN:
            prons++;
            if (x->ref >= 0 || x->ref == -3) {
                if (first_verb < 0)
                    actor_before = 1;
                else
                    actor_after = 1;
            }
            break;
        case L_CONJ:
            if (!(x->flags & LF_COMPOUND))
                conj++;
            break;
        default:
            break;
        }
    }
    const char *why = NULL;
    if (o->cx_verbs && verbs >= o->cx_verbs)
        why = "too many verbs";
    else if (o->cx_actors && actors >= o->cx_actors)
        why = "too many actors";
    else if (o->cx_pronouns && prons >= o->cx_pronouns)
        why = "too many pronouns";
    else if (o->cx_conj && conj >= o->cx_conj)
        why = "too many conjunctions";
    else if (o->cx_lateverb && (first_verb < 0 || first_verb >= o->cx_lateverb))
        why = "no verb near the beginning";
    else if (o->cx_noverb && first_verb < 0)
        why = "no verb";
    else if (o->cx_noactprior && first_verb >= 0 && !actor_before &&
             !(o->default_source != KH_NONE))
        why = "no actor before the first verb";
    else if (o->cx_noactafter && first_verb >= 0 && !actor_after)
        why = "no actor after the first verb";
    if (why && u->status == KH_UNIT_CODED) {
        u->status = KH_UNIT_COMPLEX;
        u->why = why;
    }
}

void kh_parse(kh_unit *u)
{
    compounds(u);
    pronouns(u);
    if (u->dict->options.quote_pronouns)
        quote_pronouns(u);
    comma_clauses(u);
    clauses(u);
    complexity(u);
}
