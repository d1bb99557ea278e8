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
#include "../text/text.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

/* Whether some word of a piece w[0..n) (or a stem or ending form of it)
 * starts a dictionary phrase: if none does, no actor can match. */
static int piece_starts_root(const kh_dict *dict, const char *w, size_t n)
{
    for (size_t k = 1; k <= n; k++) {
        if (k < n && k + 4 < n && !kh_dict_has_stem_len(dict, k))
            continue;
        uint32_t id = kh_dict_word_find(dict, w, k);
        size_t nr;
        if (id != KH_NONE && kh_dict_roots_of(dict, id, &nr) && nr)
            return 1;
    }
    return 0;
}

/* A quick look before the coder's stages: most names of people are
 * unknown to the dictionaries, and this costs a few hash lookups. */
static int may_be_known(const kh_dict *dict, const kh_doc *d, size_t first,
                        size_t end)
{
    char buf[128];
    for (size_t i = first; i < end; i++) {
        const kh_token *t = &d->tokens[i];
        size_t n = kh_fold_word(d->text + t->start, t->end - t->start, buf,
                                sizeof buf);
        if (n > sizeof buf)
            return 1;   /* too long to look at here: let the coder see */
        /* the lexer splits words at hyphens (AL-SUDANI: AL, SUDANI) */
        size_t a = 0;
        for (size_t k = 0; k <= n; k++) {
            if (k < n && buf[k] != '-')
                continue;
            if (k > a && piece_starts_root(dict, buf + a, k - a))
                return 1;
            a = k + 1;
        }
    }
    return 0;
}

/* The code of a phrase that is one word of the coder's, without its
 * classify stage: the roots that can match one word are the one-word
 * roots listed under its prefixes, and the longest that matches (the
 * first in the dictionary among equals) decides, as in classify.c.  Names
 * are mostly one word (Iraq, Hezbollah, Erdogan), and a common first word
 * heads hundreds of longer roots that classify would try one by one. */
/* Whether actor a's codes are bounded by dates: an office holder's are
 * ("SUDANI_ [IRQGOV >221027] [IRQELI]"), a country's or a capital's are
 * not. */
static int actor_dated(const kh_dict *d, const kh_actor *a)
{
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const kh_dcode *c = &d->dcodes[a->codes_first + i];
        if (c->from != 0 || c->to != 99999999)
            return 1;
    }
    return 0;
}

static int one_word_code(const kh_unit *u, char out[48], int *dated)
{
    const kh_dict *d = u->dict;
    size_t tl;
    const char *t = kh_lex_text(u, 0, &tl);
    uint32_t best = KH_NONE;
    int time_on = d->options.time_shift > 0 ||
                  (d->options.time_shift < 0 && d->ntimes > 0);
    for (size_t k = 1; k <= tl; k++) {
        uint32_t id = k == tl ? u->lex[0].word : kh_dict_word_find(d, t, k);
        size_t nr;
        const uint32_t *rs = kh_dict_roots_of(d, id, &nr);
        for (size_t j = 0; j < nr; j++) {
            const kh_root *r = &d->roots[rs[j]];
            if (r->words.n != 1 || (r->kind == KH_ROOT_TIME && !time_on) ||
                (best != KH_NONE &&
                 (r->length < d->roots[best].length ||
                  (r->length == d->roots[best].length && rs[j] > best))))
                continue;
            if (kh_word_matches(u, &d->pels[r->words.first], 0, r->kind))
                best = rs[j];
        }
    }
    if (best == KH_NONE || d->roots[best].kind != KH_ROOT_ACTOR)
        return 0;   /* unknown, or an agent, a noun, a verb alone */
    uint32_t c = kh_dict_actor_code(d, &d->actors[d->roots[best].payload],
                                    u->date);
    if (c == KH_NONE)
        return 0;
    const char *code = kh_dict_str_text(d, c);
    if (!code[0] || code[0] == '~' || strncmp(code, "---", 3) == 0 ||
        strcmp(code, "###") == 0 || strcmp(code, "+++") == 0)
        return 0;
    snprintf(out, 48, "%s", code);
    if (dated)
        *dated = actor_dated(d, &d->actors[d->roots[best].payload]);
    return 1;
}

/* News names the same countries, capitals, leaders and armed groups again
 * and again, and coding a name costs the coder's whole classification
 * (hundreds of roots start with AL or US).  So each thread remembers the
 * codes of the last few thousand phrases it coded: the words as the coder
 * reads them, the dictionaries and the date decide a code, and nothing
 * else does (tags and capitals only turn verbs into nouns).  The entry
 * keeps the dictionaries' address and size, so that other dictionaries
 * loaded at the same address are not taken for the same ones. */
#define MEMO_SIZE 4096   /* a power of two */

typedef struct {
    uint64_t hash;            /* of the words; 0: empty */
    const kh_dict *dict;
    size_t nroots, npels;
    int32_t date;
    uint8_t dated, known;
    char code[48];
} memo_entry;

static tss_t memo_key;
static once_flag memo_once = ONCE_FLAG_INIT;
static int memo_ok;

static void memo_init(void)
{
    memo_ok = tss_create(&memo_key, free) == thrd_success;
}

static memo_entry *memo_slot(const kh_doc *d, size_t first, size_t end,
                             int32_t date, uint64_t *hash)
{
    call_once(&memo_once, memo_init);
    if (!memo_ok)
        return NULL;
    memo_entry *m = tss_get(memo_key);
    if (!m) {
        m = calloc(MEMO_SIZE, sizeof *m);
        if (!m || tss_set(memo_key, m) != thrd_success) {
            free(m);
            return NULL;
        }
    }
    /* the lexer reads each token's text, kind and the space before it */
    uint64_t h = 1469598103934665603ull;
    for (size_t i = first; i < end; i++) {
        const kh_token *t = &d->tokens[i];
        h ^= (uint64_t)t->kind << 8 | (i > first && (t->flags & KH_TF_SPACE));
        h *= 1099511628211ull;
        for (uint32_t k = t->start; k < t->end; k++) {
            h ^= (unsigned char)d->text[k];
            h *= 1099511628211ull;
        }
    }
    h ^= (uint64_t)(uint32_t)date * 0x9E3779B97F4A7C15ull;
    *hash = h ? h : 1;
    return &m[*hash & (MEMO_SIZE - 1)];
}

static int code_unit(kh_unit *u, char out[48], int *dated);
static int code_words(const kh_dict *dict, const kh_doc *d, void *unit,
                      size_t first, size_t end, int32_t date, char out[48],
                      int *dated);

size_t kh_phrase_unit_size(void)
{
    return sizeof(kh_unit);
}

int kh_code_phrase(const kh_dict *dict, const kh_doc *d, void *unit,
                   size_t first, size_t end, int32_t date, char out[48],
                   int *dated)
{
    out[0] = '\0';
    if (dated)
        *dated = 0;
    if (!dict || !unit || first >= end || end > d->ntokens)
        return 0;
    uint64_t hash = 0;
    memo_entry *m = memo_slot(d, first, end, date, &hash);
    if (m && m->hash == hash && m->dict == dict &&
        m->nroots == dict->nroots && m->npels == dict->npels &&
        m->date == date) {
        memcpy(out, m->code, 48);
        if (dated)
            *dated = m->dated;
        return m->known;
    }
    int dt = 0, known = 0;
    if (may_be_known(dict, d, first, end))
        known = code_words(dict, d, unit, first, end, date, out, &dt);
    if (m) {
        m->hash = hash;
        m->dict = dict;
        m->nroots = dict->nroots;
        m->npels = dict->npels;
        m->date = date;
        m->dated = (uint8_t)dt;
        m->known = (uint8_t)known;
        memcpy(m->code, out, 48);
    }
    if (dated)
        *dated = dt;
    return known;
}

/* The coder's lexer, then one word's roots or the coder's classify and
 * actors stages. */
static int code_words(const kh_dict *dict, const kh_doc *d, void *unit,
                      size_t first, size_t end, int32_t date, char out[48],
                      int *dated)
{
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
    u->home_in = NULL;
    u->place[0] = '\0';
    u->place_mixed = 0;
    kh_lex_build(u, first, end, dict->split_clitics);
    if (u->n <= 0 || u->n > KH_MAX_LEX) {
        u->n = 0;
        return 0;
    }
    return u->n == 1 ? one_word_code(u, out, dated)
                     : code_unit(u, out, dated);
}

/* Classify and actors over the phrase, as the coder reads a sentence. */
static int code_unit(kh_unit *u, char out[48], int *dated)
{
    const kh_dict *dict = u->dict;
    kh_classify(u);
    /* A special code (### +++) says nothing about who the words name. */
    u->status = KH_UNIT_CODED;
    kh_actors(u);
    for (int k = 0; k < u->nslots; k++) {
        const kh_slot *s = &u->slots[k];
        if (s->nul || s->pronoun || !s->code[0] || s->code[0] == '~' ||
            strncmp(s->code, "---", 3) == 0)
            continue;
        memcpy(out, s->code, 48);   /* KH_CODE_LEN, NUL-terminated */
        out[47] = '\0';
        for (int i = s->first; i <= s->last && i < u->n; i++)
            if (u->lex[i].type == L_ACTOR && u->lex[i].root != KH_NONE)
                *dated |= actor_dated(
                    dict, &dict->actors[dict->roots[u->lex[i].root].payload]);
        return 1;
    }
    return 0;
}
