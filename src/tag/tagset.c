/*
 * tagset.c - the Penn Treebank tag names, and the public accessors of the
 * tags and lemmas of a document.
 */
#include "tag.h"

#include <string.h>

static const char *const names[KH_POS_COUNT] = {
    "", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD",
    "NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR",
    "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
    "WDT", "WP", "WP$", "WRB", "$", "#", ".", ",", ":", "-LRB-", "-RRB-",
    "``", "''",
};

const char *kh_pos_name(int tag)
{
    return tag > 0 && tag < KH_POS_COUNT ? names[tag] : "";
}

int kh_pos_from_name(const char *s, size_t n)
{
    for (int t = 1; t < KH_POS_COUNT; t++)
        if (strlen(names[t]) == n && memcmp(names[t], s, n) == 0)
            return t;
    return 0;
}

const char *kh_doc_token_tag(const kh_doc *doc, size_t i)
{
    if (!doc || i >= doc->ntokens || !doc->tokens[i].tag)
        return NULL;
    return names[doc->tokens[i].tag < KH_POS_COUNT ? doc->tokens[i].tag : 0];
}

const char *kh_doc_token_lemma(const kh_doc *doc, size_t i)
{
    if (!doc || i >= doc->ntokens || !doc->lemma)
        return NULL;
    return doc->lemma[i];
}
