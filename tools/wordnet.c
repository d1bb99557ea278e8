/*
 * wordnet.c - reads WordNet's exception lists and index files into the
 * lemmatiser's tables (see src/tag/lemma.c).
 *
 * An exception line is "inflected lemma [lemma...]": the first lemma is
 * kept.  An index line starts with the lemma (words of a phrase joined by
 * _, which we skip: our tokens are single words).  Lines that start with
 * a space are the licence.  Keys are sorted, so that the model's tables
 * come out the same whatever the order of the files' lines.
 */
#include "wordnet.h"

#include "core/arena.h"
#include "core/error.h"
#include "tag/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint64_t key;
    uint32_t val;
} kv;

static int cmp_kv(const void *a, const void *b)
{
    const kv *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->val < y->val ? -1 : x->val > y->val;   /* the first read */
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static size_t add_string(wordnet *w, size_t *cap, const char *s, size_t n)
{
    if (w->nstrings + n + 1 > *cap) {
        while (w->nstrings + n + 1 > *cap)
            *cap = *cap ? *cap * 2 : 1 << 16;
        w->strings = kh_xrealloc(w->strings, *cap);
    }
    size_t at = w->nstrings;
    memcpy(w->strings + at, s, n);
    w->strings[at + n] = '\0';
    w->nstrings += n + 1;
    return at;
}

int wordnet_load(wordnet *w, const char *dir, kh_error *err)
{
    static const char *const names[] = {"noun", "verb", "adj", "adv"};
    static const int classes[] = {KH_WC_NOUN, KH_WC_VERB, KH_WC_ADJ,
                                  KH_WC_ADV};
    memset(w, 0, sizeof *w);
    kv *exc = NULL;
    size_t nexc = 0, ecap = 0, lcap = 0, scap = 0;
    add_string(w, &scap, "", 0);   /* offset 0: the empty string */
    char line[4096];
    for (int c = 0; c < 4; c++) {
        char path[4096];
        /* the exceptions */
        snprintf(path, sizeof path, "%s/%s.exc", dir, names[c]);
        FILE *f = fopen(path, "r");
        if (!f)
            goto missing;
        while (fgets(line, sizeof line, f)) {
            char *infl = strtok(line, " \t\r\n");
            char *lemma = strtok(NULL, " \t\r\n");
            if (!infl || !lemma || strchr(infl, '_') || strchr(lemma, '_'))
                continue;
            if (nexc == ecap)
                exc = kh_xrealloc(exc, (ecap = ecap ? ecap * 2 : 4096) *
                                           sizeof *exc);
            exc[nexc].key = kh_lemma_key(classes[c], infl, strlen(infl));
            exc[nexc].val = (uint32_t)add_string(w, &scap, lemma,
                                                 strlen(lemma));
            nexc++;
        }
        fclose(f);
        /* the lemmas */
        snprintf(path, sizeof path, "%s/index.%s", dir, names[c]);
        f = fopen(path, "r");
        if (!f)
            goto missing;
        while (fgets(line, sizeof line, f)) {
            if (line[0] == ' ')
                continue;
            char *lemma = strtok(line, " \t\r\n");
            if (!lemma || strchr(lemma, '_'))
                continue;
            if (w->nlex == lcap)
                w->lex_keys = kh_xrealloc(w->lex_keys,
                                          (lcap = lcap ? lcap * 2 : 1 << 16) *
                                              sizeof *w->lex_keys);
            w->lex_keys[w->nlex++] = kh_lemma_key(classes[c], lemma,
                                                  strlen(lemma));
        }
        fclose(f);
        continue;
    missing:
        free(exc);
        wordnet_free(w);
        return kh_fail(err, KH_EIO, path, 0, 0, "cannot read WordNet's "
                       "file (install Debian's wordnet-base: `make deps`)");
    }
    /* sorted by key; of two exceptions with one key, the first read */
    qsort(exc, nexc, sizeof *exc, cmp_kv);
    w->exc_keys = kh_xmalloc((nexc + 1) * sizeof *w->exc_keys);
    w->exc_vals = kh_xmalloc((nexc + 1) * sizeof *w->exc_vals);
    for (size_t i = 0; i < nexc; i++) {
        if (w->nexc && w->exc_keys[w->nexc - 1] == exc[i].key)
            continue;
        w->exc_keys[w->nexc] = exc[i].key;
        w->exc_vals[w->nexc++] = exc[i].val;
    }
    free(exc);
    qsort(w->lex_keys, w->nlex, sizeof *w->lex_keys, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < w->nlex; i++)
        if (!u || w->lex_keys[u - 1] != w->lex_keys[i])
            w->lex_keys[u++] = w->lex_keys[i];
    w->nlex = u;
    return KH_OK;
}

void wordnet_free(wordnet *w)
{
    free(w->exc_keys);
    free(w->exc_vals);
    free(w->lex_keys);
    free(w->strings);
    memset(w, 0, sizeof *w);
}
