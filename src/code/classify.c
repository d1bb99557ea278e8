/*
 * classify.c - dictionary roots in a unit, longest match first.
 *
 * For each word from left to right that no earlier phrase has taken, the
 * candidates are the roots whose first word it matches: exactly, as a
 * stem (every prefix length that some stem has), or with its regular
 * endings.  They are tried longest first (kh_dict_finish sorted each
 * list; candidates from different prefixes are merged here), and the
 * first whose later words are found takes them all.  A blank between two
 * words of a root lets other words come between (TABARI's "ITHILEN
 * TELEVISION" matches "Ithilen state-run television"); those words stay
 * free for other phrases.
 */
#include "code.h"

#include "../tag/tag.h"

#include <stdlib.h>
#include <string.h>

static int is_vowel(char c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

/* Whether suffix s[0..n) is a regular ending of word w[0..wl) for roots
 * of kind (TABARI 5.2.3: nouns S 'S; verbs S ED ES EN ING). */
static int ending_ok(const char *w, size_t wl, const char *s, size_t n,
                     int kind)
{
    if (kind != KH_ROOT_VERB) {
        return (n == 1 && s[0] == 'S') ||
               (n == 2 && s[0] == '\'' && s[1] == 'S') ||
               (n == 1 && s[0] == '\'');
    }
    static const char *const endings[] = {"S", "ED", "ES", "EN", "ING"};
    for (size_t i = 0; i < 5; i++)
        if (strlen(endings[i]) == n && memcmp(endings[i], s, n) == 0)
            return 1;
    if (wl && w[wl - 1] == 'E' && ((n == 1 && s[0] == 'D') ||
                                   (n == 1 && s[0] == 'S')))
        return 1;   /* DEPLORE -> DEPLORED */
    /* a doubled final consonant: BAN -> BANNED, BANNING */
    if (wl >= 2 && n >= 3 && s[0] == w[wl - 1] && !is_vowel(s[0]) &&
        is_vowel(w[wl - 2]) &&
        ((n == 3 && memcmp(s + 1, "ED", 2) == 0) ||
         (n == 4 && memcmp(s + 1, "ING", 3) == 0)))
        return 1;
    return 0;
}

int kh_word_matches(const kh_unit *u, const kh_pel *p, int i, int kind)
{
    const kh_lexw *x = &u->lex[i];
    if (x->type == L_COMMA)
        return 0;
    /* With SET: LEMMAS, a verb and a pattern's word also match a word
     * whose lemma they are ("struck" is STRIKE_, "measures" MEASURE_);
     * actors and agents keep their endings rules.  (x->lemma is KH_NONE
     * without it: the test costs one comparison.) */
    if (p->match >= KH_MATCH_EXACT) {
        if (x->word == p->arg)
            return 1;
        return p->match == KH_MATCH_EXACT && x->lemma == p->arg &&
               (kind == 0 || kind == KH_ROOT_VERB);
    }
    if (x->lemma == p->arg && p->match == KH_MATCH_ENDINGS &&
        kind == KH_ROOT_VERB)
        return 1;
    size_t wl, tl;
    const char *w = kh_dict_word_text(u->dict, p->arg, &wl);
    const char *t = kh_lex_text(u, i, &tl);
    if (tl < wl || memcmp(t, w, wl) != 0)
        return 0;
    if (p->match == KH_MATCH_STEM || tl == wl)
        return 1;
    /* A verb root ending in E drops it before ING: DEPLORING. */
    return ending_ok(w, wl, t + wl, tl - wl, kind);
}

/* DEPLORE_ matches DEPLORING: the stem without its E, then ING. */
static int drop_e_ing(const kh_unit *u, const kh_pel *p, int i)
{
    size_t wl, tl;
    const char *w = kh_dict_word_text(u->dict, p->arg, &wl);
    const char *t = kh_lex_text(u, i, &tl);
    return wl >= 2 && w[wl - 1] == 'E' && tl == wl + 2 &&
           memcmp(t, w, wl - 1) == 0 && memcmp(t + wl - 1, "ING", 3) == 0;
}

static int free_word(const kh_unit *u, int i)
{
    return u->lex[i].root == KH_NONE && u->lex[i].head < 0 &&
           u->lex[i].type != L_COMMA;
}

int kh_root_matches(const kh_unit *u, const kh_root *r, int i, int *end,
                    int *positions)
{
    const kh_dict *d = u->dict;
    const kh_pel *p = &d->pels[r->words.first];
    if (!kh_word_matches(u, p, i, r->kind) &&
        !(r->kind == KH_ROOT_VERB && p->match == KH_MATCH_ENDINGS &&
          drop_e_ing(u, p, i)))
        return 0;
    int prev = i, last = i;
    if (positions)
        positions[0] = i;
    for (uint32_t k = 1; k < r->words.n; k++) {
        p = &d->pels[r->words.first + k];
        int found = -1;
        if (p->adjacent) {
            if (prev + 1 < u->n && free_word(u, prev + 1) &&
                kh_word_matches(u, p, prev + 1, r->kind))
                found = prev + 1;
        } else {
            for (int j = prev + 1; j < u->n; j++)
                if (free_word(u, j) && kh_word_matches(u, p, j, r->kind)) {
                    found = j;
                    break;
                }
        }
        if (found < 0)
            return 0;
        if (positions)
            positions[k] = found;
        prev = last = found;
    }
    *end = last + 1;
    return 1;
}

static int ltype_of(int kind)
{
    switch (kind) {
    case KH_ROOT_ACTOR: return L_ACTOR;
    case KH_ROOT_AGENT: return L_AGENT;
    case KH_ROOT_VERB: return L_VERB;
    case KH_ROOT_NOUN: return L_NOUN;
    case KH_ROOT_ADJ: return L_ADJ;
    case KH_ROOT_TIME: return L_TIME;
    default: return L_DISCARD;
    }
}

static int cmp_roots(const void *a, const void *b, void *ctx)
{
    const kh_dict *d = ctx;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    if (d->roots[x].length != d->roots[y].length)
        return d->roots[x].length > d->roots[y].length ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* The roots that may start at lex word i, longest first. */
static size_t candidates(const kh_unit *u, int i, uint32_t *out, size_t cap)
{
    const kh_dict *d = u->dict;
    size_t tl, n = 0;
    const char *t = kh_lex_text(u, i, &tl);
    for (size_t k = 1; k <= tl; k++) {
        /* Only lengths that can match: the whole word, a stem length, or
         * the word less a regular ending (at most 4 letters); the ending is
         * checked before the (dearer) lookup. */
        if (k < tl && !kh_dict_has_stem_len(d, k) &&
            (tl - k > 4 || !(ending_ok(t, k, t + k, tl - k, KH_ROOT_ACTOR) ||
                             ending_ok(t, k, t + k, tl - k, KH_ROOT_VERB))))
            continue;
        uint32_t id = k == tl ? u->lex[i].word : kh_dict_word_find(d, t, k);
        if (id == KH_NONE)
            continue;
        size_t nr;
        const uint32_t *rs = kh_dict_roots_of(d, id, &nr);
        for (size_t j = 0; j < nr && n < cap; j++) {
            const kh_root *r = &d->roots[rs[j]];
            const kh_pel *p = &d->pels[r->words.first];
            if (k < tl && p->match == KH_MATCH_EXACT)
                continue;
            if (k < tl && p->match == KH_MATCH_ENDINGS &&
                !ending_ok(t, k, t + k, tl - k, r->kind) &&
                !(r->kind == KH_ROOT_VERB && drop_e_ing(u, p, i)))
                continue;
            out[n++] = rs[j];
        }
    }
    /* The verbs whose main form is the word's lemma: "struck", "sought",
     * "held" (SET: LEMMAS) */
    uint32_t lem = u->lex[i].lemma;
    if (lem != KH_NONE) {
        size_t nr;
        const uint32_t *rs = kh_dict_roots_of(d, lem, &nr);
        for (size_t j = 0; j < nr && n < cap; j++) {
            const kh_root *r = &d->roots[rs[j]];
            if (r->kind != KH_ROOT_VERB ||
                d->pels[r->words.first].match == KH_MATCH_STEM)
                continue;
            size_t k = 0;
            while (k < n && out[k] != rs[j])
                k++;
            if (k == n)
                out[n++] = rs[j];
        }
    }
    /* DEPLORING: the stem DEPLORE is longer than DEPLOR, so it was not a
     * prefix; look it up directly. */
    if (tl > 3 && memcmp(t + tl - 3, "ING", 3) == 0) {
        char buf[80];
        if (tl - 2 < sizeof buf) {
            memcpy(buf, t, tl - 3);
            buf[tl - 3] = 'E';
            uint32_t id = kh_dict_word_find(d, buf, tl - 2);
            size_t nr;
            const uint32_t *rs = kh_dict_roots_of(d, id, &nr);
            for (size_t j = 0; j < nr && n < cap; j++)
                if (d->roots[rs[j]].kind == KH_ROOT_VERB &&
                    d->pels[d->roots[rs[j]].words.first].match ==
                        KH_MATCH_ENDINGS)
                    out[n++] = rs[j];
        }
    }
    /* few candidates, mostly already in order: insertion sort */
    for (size_t a = 1; a < n; a++) {
        uint32_t v = out[a];
        size_t j = a;
        while (j > 0 && cmp_roots(&out[j - 1], &v, (void *)d) > 0) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = v;
    }
    return n;
}

/* The function words, as interned by kh_dict_finish (dict.c). */
enum kh_fword {
    FW_THE, FW_A, FW_AN, FW_WAS, FW_WERE, FW_BEEN, FW_BY, FW_HE, FW_SHE,
    FW_IT, FW_THEY, FW_THEM, FW_THEIR, FW_ITS, FW_HIS, FW_HER, FW_HIM,
    FW_AND, FW_BUT, FW_OR, FW_NOR, FW_OF, FW_IN, FW_FORMER, FW_COUNT
};

/* The type a function word gives, by its id; L_NULL for others. */
static int function_type(const kh_dict *d, uint32_t w, int *former)
{
    *former = 0;
    if (w == KH_NONE)
        return L_NULL;
    for (int i = 0; i < d->nfw && i < FW_COUNT; i++) {
        if (d->fw[i] != w)
            continue;
        if (i <= FW_AN)
            return L_DETERM;
        if (i <= FW_BEEN)
            return L_AUXIL;
        if (i == FW_BY)
            return L_BY;
        if (i <= FW_HIM)
            return L_PRONOUN;
        if (i <= FW_NOR)
            return L_CONJ;
        if (i <= FW_IN)
            return L_PREP;
        *former = 1;
        return L_NULL;
    }
    return L_NULL;
}

/* A special code (### or +++) in an actor's, a verb's or a time phrase's
 * code ends the unit. */
static int special(kh_unit *u, const char *c, const char *what)
{
    if (strcmp(c, "###") == 0) {
        if (u->status == KH_UNIT_CODED) {
            u->status = KH_UNIT_DISCARD;
            u->why = what;
        }
        return 1;
    }
    if (strcmp(c, "+++") == 0) {
        if (u->status == KH_UNIT_CODED) {
            u->status = KH_UNIT_COMPLEX;
            u->why = what;
        }
        return 1;
    }
    return 0;
}

void kh_classify(kh_unit *u)
{
    const kh_dict *d = u->dict;
    int time_on = d->options.time_shift > 0 ||
                  (d->options.time_shift < 0 && d->ntimes > 0);
    uint32_t cand[256];
    int pos[64];
    for (int i = 0; i < u->n; i++) {
        kh_lexw *x = &u->lex[i];
        if (x->type == L_COMMA || !free_word(u, i))
            continue;
        size_t nc = candidates(u, i, cand, 256);
        for (size_t c = 0; c < nc; c++) {
            const kh_root *r = &d->roots[cand[c]];
            if (r->kind == KH_ROOT_TIME && !time_on)
                continue;
            if (r->words.n > 64)
                continue;
            int end;
            if (!kh_root_matches(u, r, i, &end, pos))
                continue;
            x->type = (uint8_t)ltype_of(r->kind);
            x->root = cand[c];
            x->end = (uint16_t)end;
            for (uint32_t k = 1; k < r->words.n; k++) {
                u->lex[pos[k]].type = L_LITR;
                u->lex[pos[k]].head = (int16_t)i;
            }
            break;
        }
    }
    /* Codes at the story date; special codes; null actors become nouns;
     * function words. */
    for (int i = 0; i < u->n; i++) {
        kh_lexw *x = &u->lex[i];
        if (x->type == L_ACTOR) {
            const kh_root *r = &d->roots[x->root];
            x->code = kh_dict_actor_code(d, &d->actors[r->payload], u->date);
            if (x->code != KH_NONE &&
                special(u, kh_dict_str_text(d, x->code), "actor code"))
                x->type = L_NOUN;
            else if (x->code == KH_NONE ||
                     strcmp(kh_dict_str_text(d, x->code), "---") == 0)
                x->type = L_NOUN;
        } else if (x->type == L_VERB) {
            const kh_root *r = &d->roots[x->root];
            const kh_verb *v = &d->verbs[r->payload];
            if ((v->code.flags & KH_EC_NULL) && !v->npatterns)
                x->type = L_NULL;   /* a null-coded verb is no verb */
        } else if (x->type == L_TIME) {
            const kh_time *t = &d->times[d->roots[x->root].payload];
            if (t->flags & KH_EC_DISCARD)
                special(u, "###", "time phrase");
            else if (t->flags & KH_EC_COMPLEX)
                special(u, "+++", "time phrase");
        } else if (x->type == L_DISCARD) {
            const kh_root *r = &d->roots[x->root];
            if (u->status == KH_UNIT_CODED) {
                u->status = r->payload ? KH_UNIT_STORY_DISCARD
                                       : KH_UNIT_DISCARD;
                u->why = "discard phrase";
            }
        } else if (x->type == L_NULL && x->head < 0) {
            int former;
            x->type = (uint8_t)function_type(d, x->word, &former);
            if (former)
                x->flags |= LF_FORMER;
        }
    }
    /* A verb after a determiner, or capitalised inside the sentence, is a
     * noun (manual 7.4): "the restore", "about To Restore". */
    for (int i = 1; i < u->n; i++) {
        kh_lexw *x = &u->lex[i];
        if (x->type != L_VERB)
            continue;
        if (u->lex[i - 1].type == L_DETERM ||
            ((x->flags & LF_CAP) && !u->allcaps)) {
            x->type = L_NOUN;
            x->flags |= LF_NOUNSHIFT;
        }
    }
    /* With tags, a verb of the dictionaries that the tagger read as a noun
     * or an adjective is one ("attacks by U.S. forces"). */
    int tags = d->options.use_tags > 0 ||
               (d->options.use_tags < 0 && d->format != KH_DICT_TABARI);
    if (tags && u->doc->lemma) {
        for (int i = 0; i < u->n; i++) {
            kh_lexw *x = &u->lex[i];
            if (x->type != L_VERB)
                continue;
            int t = u->doc->tokens[x->tok0].tag;
            /* The tagger errs on rare verbs after an adverb or a modal
             * ("won't even ever clash"), and phrasal verbs of the
             * dictionaries ("wire tap") know better than it does. */
            int pt = x->tok0 > 0 ? u->doc->tokens[x->tok0 - 1].tag : 0;
            int verbal = pt == KH_POS_RB || pt == KH_POS_RBR ||
                         pt == KH_POS_RBS || pt == KH_POS_MD ||
                         pt == KH_POS_TO || pt == KH_POS_PRP;
            /* "were striking targets": a participle after an auxiliary
             * that the tagger read as an adjective */
            size_t wl;
            const char *wt = kh_lex_text(u, i, &wl);
            if (kh_pos_is_verb(pt) && kh_pos_is_adj(t) && wl > 4 &&
                (memcmp(wt + wl - 3, "ING", 3) == 0 ||
                 memcmp(wt + wl - 2, "ED", 2) == 0))
                verbal = 1;
            if (u->dict->roots[x->root].words.n > 1 || verbal)
                continue;
            if (kh_pos_is_noun(t) || kh_pos_is_adj(t)) {
                x->type = L_NOUN;
                x->flags |= LF_NOUNSHIFT;
            }
        }
    }
    /* A verb that stayed a verb and has a special code decides the unit
     * (COMPLEX-06: "Planetary Cup" is a noun there, so no +++). */
    for (int i = 0; i < u->n; i++) {
        const kh_lexw *x = &u->lex[i];
        if (x->type != L_VERB)
            continue;
        const kh_verb *v = &d->verbs[d->roots[x->root].payload];
        if (v->code.flags & KH_EC_DISCARD)
            special(u, "###", "verb code");
        else if (v->code.flags & KH_EC_COMPLEX)
            special(u, "+++", "verb code");
    }
}
