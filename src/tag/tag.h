/*
 * tag.h - the tag stage: Penn Treebank part-of-speech tags and lemmas.
 *
 * The tagger (tagger.c) is an averaged perceptron over hashed features
 * (features.c); its weights, tag dictionary and the lemmatiser's tables
 * come from one binary model file (model.c), which tools/train_tagger
 * builds from the Brown corpus and WordNet's exception lists.  The stages
 * after this one read doc->tokens[i].tag (an enum kh_pos) and
 * doc->lemma[i].
 */
#ifndef KH_TAG_H
#define KH_TAG_H

#include "../core/doc.h"

#include <stdint.h>

/* The Penn Treebank tag set (the 45 tags of the WSJ treebank), in the
 * order of kh_pos_names; 0 means "not tagged". */
enum kh_pos {
    KH_POS_NONE = 0,
    KH_POS_CC, KH_POS_CD, KH_POS_DT, KH_POS_EX, KH_POS_FW, KH_POS_IN,
    KH_POS_JJ, KH_POS_JJR, KH_POS_JJS, KH_POS_LS, KH_POS_MD, KH_POS_NN,
    KH_POS_NNS, KH_POS_NNP, KH_POS_NNPS, KH_POS_PDT, KH_POS_POS, KH_POS_PRP,
    KH_POS_PRPS,          /* PRP$ */
    KH_POS_RB, KH_POS_RBR, KH_POS_RBS, KH_POS_RP, KH_POS_SYM, KH_POS_TO,
    KH_POS_UH, KH_POS_VB, KH_POS_VBD, KH_POS_VBG, KH_POS_VBN, KH_POS_VBP,
    KH_POS_VBZ, KH_POS_WDT, KH_POS_WP,
    KH_POS_WPS,           /* WP$ */
    KH_POS_WRB,
    KH_POS_DOLLAR,        /* $ */
    KH_POS_HASH,          /* # */
    KH_POS_PERIOD,        /* . (also ? and !) */
    KH_POS_COMMA,         /* , */
    KH_POS_COLON,         /* : (also ; -- ...) */
    KH_POS_LRB,           /* -LRB- */
    KH_POS_RRB,           /* -RRB- */
    KH_POS_LQUOTE,        /* `` */
    KH_POS_RQUOTE,        /* '' */
    KH_POS_COUNT
};

/* Score vectors have this many lanes (KH_POS_COUNT rounded up), so that
 * the compiler can add them a vector register at a time. */
#define KH_POS_LANES 48

/* The tag's Penn name ("NN", "PRP$", "-LRB-"); "" for 0 or out of range. */
const char *kh_pos_name(int tag);

/* The tag named s[0..n), or 0. */
int kh_pos_from_name(const char *s, size_t n);

static inline int kh_pos_is_verb(int t)
{
    return t >= KH_POS_VB && t <= KH_POS_VBZ;
}

static inline int kh_pos_is_noun(int t)
{
    return t >= KH_POS_NN && t <= KH_POS_NNPS;
}

static inline int kh_pos_is_adj(int t)
{
    return t >= KH_POS_JJ && t <= KH_POS_JJS;
}

/* ---- words as the tagger sees them (features.c) ------------------------ */

/* The longest normalised token the features look at; longer ones are
 * hashed whole but their affixes come from the first and last bytes. */
#define KH_TW_MAXLEN 64

/* Sentence modes: headlines in capitals or in title case are told apart,
 * so that capitalisation says less there and the lower-case word more. */
enum { KH_MODE_NORMAL = 0, KH_MODE_ALLCAPS = 1, KH_MODE_TITLE = 2 };

/* Shape bits of a word. */
enum {
    KH_WS_UPPER = 1 << 0,    /* first letter upper case */
    KH_WS_ALLCAPS = 1 << 1,  /* two or more letters, none lower case */
    KH_WS_LOWER = 1 << 2,    /* has a lower-case letter */
    KH_WS_DIGIT = 1 << 3,    /* has a digit */
    KH_WS_HYPHEN = 1 << 4,   /* has an inner hyphen */
    KH_WS_LETTER = 1 << 5,   /* has a letter */
};

/* One token as the tagger sees it: its normalised text and the hashes its
 * features are made of (computed once, used by up to five positions). */
typedef struct kh_tword {
    const char *s;          /* normalised text (not NUL-terminated) */
    uint32_t len;
    uint16_t shape;         /* KH_WS_* */
    uint16_t nletters;
    uint64_t exact, lo;     /* the text, and its lower-case form */
    uint64_t suf[4];        /* lower-case suffixes of 1 to 4 characters */
    uint64_t pre[2];        /* lower-case prefixes of 2 and 3 characters */
    uint64_t shp;           /* the shape string: Xx-Xx, d,d, X.X. */
    uint64_t hy_first, hy_last;   /* parts around the hyphens, or 0 */
} kh_tword;

/* Fills w from s[0..len) (already normalised). */
void kh_tword_init(kh_tword *w, const char *s, size_t len);

/* The mode of a sentence of n words (KH_MODE_*). */
int kh_sentence_mode(const kh_tword *w, size_t n);

/* The most static features of one position. */
#define KH_MAX_SFEAT 32

/* Writes the keys of the features of position i that do not depend on
 * the tags already chosen; returns their number (<= KH_MAX_SFEAT). */
size_t kh_static_features(const kh_tword *w, size_t n, size_t i, int mode,
                          uint64_t *out);

/* The features that depend on the tags of the two previous positions:
 * writes KH_NDYN keys. */
#define KH_NDYN 4
void kh_dynamic_features(const kh_tword *w, size_t n, size_t i, int mode,
                         int t1, int t2, uint64_t *out);

/* The key of word w in the tag dictionary. */
uint64_t kh_tagdict_key(const kh_tword *w);

/* A 64-bit hash of s[0..n) (FNV-1a then a final mix), seeded; never 0. */
uint64_t kh_hash64(uint64_t seed, const char *s, size_t n);
uint64_t kh_hash_mix(uint64_t a, uint64_t b);

/* The normalised text of token i of d: quotation marks as `` and '',
 * dashes as --, curly apostrophes as ', brackets as ( and ), so that the
 * tokens look like the Brown corpus the model learnt from.  Returns a
 * pointer to the text (into d->text or into buf[KH_TW_MAXLEN]) and sets
 * *len. */
const char *kh_tag_norm_token(const kh_doc *d, size_t i, char *buf,
                              size_t *len);

/* ---- the model (model.c) ------------------------------------------------ */

typedef struct kh_tag_model kh_tag_model;

/* Loads the model file at path.  Returns KH_OK, or KH_EIO when it cannot
 * be read, KH_EINPUT when it is not a valid model (message says what is
 * wrong and where), with err filled. */
int kh_tag_model_load(const char *path, kh_tag_model **out, kh_error *err);

/* The same from memory (copied).  With check_sum 0, the checksum is not
 * verified (for the fuzzer, which would otherwise never get past it). */
int kh_tag_model_parse(const void *buf, size_t n, const char *name,
                       int check_sum, kh_tag_model **out, kh_error *err);

void kh_tag_model_free(kh_tag_model *m);

/* The description the trainer wrote into the model (corpus, split, seed). */
const char *kh_tag_model_meta(const kh_tag_model *m);

/* ---- the tagger (tagger.c) and the lemmatiser (lemma.c) ---------------- */

/* Tags words w[0..n) of one sentence into tags[0..n). */
void kh_tag_words(const kh_tag_model *m, const kh_tword *w, size_t n,
                  uint8_t *tags);

/* Tags every token of d and sets doc->lemma.  Returns KH_OK. */
int kh_tag_doc(const kh_tag_model *m, kh_doc *d);

/* The lemma of s[0..n) (normalised text) with tag t: written,
 * lower-case and NUL-terminated, into out[cap]; returns its length. */
size_t kh_lemmatize(const kh_tag_model *m, const char *s, size_t n, int t,
                    char *out, size_t cap);

/* The name of the model file in a data folder. */
#define KH_TAG_MODEL_FILE "tagger.model"

/* The data folder: dir when not NULL, else $KHALDUN_DATA, else the
 * KH_DATA_DIR the library was built with. */
const char *kh_data_dir(const char *dir);

#endif
