/*
 * text.h - the text stages: normalise, tokenise, split sentences.
 */
#ifndef KH_TEXT_H
#define KH_TEXT_H

#include "../core/doc.h"

/* Fills doc->text and doc->map from doc->input (see normalize.c). */
int kh_normalize(kh_doc *d);

/* Fills doc->tokens over the body of doc->text (see tokenize.c). */
int kh_tokenize(kh_doc *d);

/* Fills doc->sents from doc->tokens (see sentences.c). */
int kh_split_sentences(kh_doc *d);

/* The longest sentence, in tokens: longer runs are cut (with a warning), so
 * that no later stage sees an unbounded sentence. */
#define KH_MAX_SENTENCE_TOKENS 300

/* What an abbreviation (the letters before its period) says about the end
 * of a sentence. */
enum {
    KH_ABBR_NONE = 0,
    KH_ABBR_TITLE,     /* Mr. Dr. Gen.: a name follows, never an end */
    KH_ABBR_NUMBERED,  /* No. Art. Vol.: never an end before a number */
    KH_ABBR_MONTH,     /* Jan. Sept.: an end only before a common starter */
    KH_ABBR_OTHER,     /* Inc. etc. U.S.: an end before a common starter */
};
int kh_abbrev_kind(const char *s, size_t n);

/* Whether s[0..n) is a word that commonly starts a sentence (The, He, In,
 * But, ...): after an abbreviation, such a word is taken as a new start. */
int kh_is_sentence_starter(const char *s, size_t n);

/* Whether the tables above are sorted, as bsearch needs (for the tests). */
int kh_abbrev_tables_sorted(void);

/* Folds s[0..n) to the dictionaries' form (upper case, no accents, ' for
 * typographic apostrophes) into out[0..cap).  Returns the folded length,
 * which may exceed cap (then out holds its first cap bytes). */
size_t kh_fold_word(const char *s, size_t n, char *out, size_t cap);

#endif
