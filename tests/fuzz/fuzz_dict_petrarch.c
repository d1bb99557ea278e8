/*
 * fuzz_dict_petrarch.c - libFuzzer harness: one PETRARCH dictionary file
 * from memory.  The first byte picks the kind (verbs, actors, agents,
 * discards); the rest is the file.  Each input gets a fresh dictionary,
 * finished (indexes built) and then checked: every index the reader
 * stored must point inside the arrays it names.
 */
#include "khaldun.h"
#include "dict/dict.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_span(const kh_dict *d, kh_span s)
{
    if ((size_t)s.first + s.n > d->npels)
        abort();
    for (uint32_t i = 0; i < s.n; i++) {
        const kh_pel *p = &d->pels[s.first + i];
        if ((p->type == KH_PEL_SYNSET || p->type == KH_PEL_ALT) &&
            p->arg >= d->nalts)
            abort();
        if (p->type < KH_PEL_WORD || p->type > KH_PEL_SKIP)
            abort();
    }
}

static void check(const kh_dict *d)
{
    for (size_t i = 0; i < d->nalts; i++) {
        const kh_alt *a = &d->alts[i];
        if ((size_t)a->first + a->n > d->nalt_spans)
            abort();
        for (uint32_t k = 0; k < a->n; k++)
            check_span(d, d->alt_spans[a->first + k]);
    }
    for (size_t i = 0; i < d->nroots; i++) {
        const kh_root *r = &d->roots[i];
        check_span(d, r->words);
        if (!r->words.n)
            abort();
        size_t lim = r->kind == KH_ROOT_ACTOR   ? d->nactors
                     : r->kind == KH_ROOT_AGENT ? d->nagents
                     : r->kind == KH_ROOT_VERB  ? d->nverbs
                                                : 2;
        if (r->payload >= lim)
            abort();
        size_t n;
        kh_dict_roots_of(d, d->pels[r->words.first].arg, &n);
        if (!n)
            abort();
    }
    for (size_t i = 0; i < d->nactors; i++) {
        const kh_actor *a = &d->actors[i];
        if ((size_t)a->codes_first + a->ncodes > d->ndcodes ||
            a->parent >= d->nroots)
            abort();
        kh_dict_actor_code(d, a, 20000101);
    }
    for (size_t i = 0; i < d->nverbs; i++) {
        const kh_verb *v = &d->verbs[i];
        if ((size_t)v->patterns_first + v->npatterns > d->npatterns ||
            v->root >= d->nroots)
            abort();
    }
    for (size_t i = 0; i < d->npatterns; i++)
        check_span(d, d->patterns[i].pels);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const kinds[] = {"verbs", "actors", "agents",
                                        "discards"};
    if (!size)
        return 0;
    kh_dict *d = kh_dict_create();
    kh_error err;
    if (kh_dict_read_petrarch_mem(d, (const char *)data + 1, size - 1,
                                  kinds[data[0] & 3], "fuzz.txt", NULL, NULL,
                                  &err) != KH_OK)
        abort();
    kh_dict_finish(d);
    check(d);
    kh_dict_destroy(d);
    return 0;
}
