/*
 * wordnet.h - the lemmatiser's tables from WordNet (Debian's wordnet-base):
 * the exception lists (*.exc) and the one-word lemmas of the index files.
 */
#ifndef KH_TOOLS_WORDNET_H
#define KH_TOOLS_WORDNET_H

#include "khaldun.h"

#include <stddef.h>
#include <stdint.h>

typedef struct wordnet {
    uint64_t *exc_keys;    /* kh_lemma_key(class, inflected), sorted */
    uint32_t *exc_vals;    /* offsets of the lemmas in strings */
    size_t nexc;
    uint64_t *lex_keys;    /* kh_lemma_key(class, lemma), sorted, unique */
    size_t nlex;
    char *strings;
    size_t nstrings;
} wordnet;

/* Reads {noun,verb,adj,adv}.exc and index.{noun,verb,adj,adv} from dir.
 * Returns KH_OK, or KH_EIO with err filled when a file is missing. */
int wordnet_load(wordnet *w, const char *dir, kh_error *err);

void wordnet_free(wordnet *w);

#endif
