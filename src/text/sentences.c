/*
 * sentences.c - the sentence stage: where one sentence ends and the next
 * begins, decided on tokens.
 *
 * A sentence ends at terminal punctuation (. ! ? … and runs of them),
 * together with the closing quotation marks and brackets that follow it
 * (`…forces.” Other` ends after the quote), when the next token can begin
 * a sentence: a capitalised or uncased word, a number, an opening quote or
 * bracket.  "?" and "!" followed by a lower-case word do not end one
 * (“Why?” he asked).
 *
 * Abbreviations carry their period (the tokenizer decides which words are
 * abbreviations), and what they allow depends on their kind: a title (Mr.,
 * Gen.) never ends a sentence; a month (Jan.) or another abbreviation
 * (U.S., Inc., a.m.) ends one only before a word that commonly starts
 * sentences ("in the U.S. The army", but "the U.S. Army"); an initial
 * (John F. Kennedy) only after a lower-case word and before such a starter.
 *
 * A blank line always ends a sentence (headlines, list items); a single
 * line break does not (hard-wrapped text).  No sentence is longer than
 * KH_MAX_SENTENCE_TOKENS: a longer run is cut at its last semicolon, colon
 * or comma, so that later stages never see an unbounded sentence.
 */
#include "text.h"

#include <string.h>

static int tok_is(const kh_doc *d, const kh_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->end - t->start == n && memcmp(d->text + t->start, s, n) == 0;
}

/* . ! ? … and runs of them. */
static int is_terminal(const kh_doc *d, const kh_token *t)
{
    if (t->kind != KH_TOK_PUNCT)
        return 0;
    const unsigned char *s = (const unsigned char *)d->text + t->start;
    size_t n = t->end - t->start;
    if (n == 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xA6)
        return 1;   /* U+2026 */
    for (size_t i = 0; i < n; i++)
        if (s[i] != '.' && s[i] != '!' && s[i] != '?')
            return 0;
    return n > 0;
}

/* Closing quotes and brackets that belong to the sentence before them. */
static int is_closer(const kh_doc *d, const kh_token *t)
{
    return t->kind == KH_TOK_QUOTE_CLOSE ||
           (t->kind == KH_TOK_PUNCT &&
            (tok_is(d, t, ")") || tok_is(d, t, "]") || tok_is(d, t, "}")));
}

/* Whether token t can begin a sentence after plain terminal punctuation. */
static int can_start(const kh_doc *d, const kh_token *t)
{
    switch (t->kind) {
    case KH_TOK_WORD:
    case KH_TOK_ABBREV:
        return (t->flags & (KH_TF_UPPER | KH_TF_NONCASED | KH_TF_INNERCAP)) != 0;
    case KH_TOK_NUMBER:
    case KH_TOK_QUOTE_OPEN:
    case KH_TOK_URL:
        return 1;
    case KH_TOK_PUNCT:
        return tok_is(d, t, "(") || tok_is(d, t, "[");
    case KH_TOK_SYMBOL:
        return tok_is(d, t, "$") || tok_is(d, t, "\xE2\x82\xAC") ||
               tok_is(d, t, "\xC2\xA3");   /* $ € £ */
    default:
        return 0;
    }
}

static int is_starter(const kh_doc *d, const kh_token *t)
{
    if (t->kind == KH_TOK_QUOTE_OPEN)
        return 1;
    return t->kind == KH_TOK_WORD &&
           kh_is_sentence_starter(d->text + t->start, t->end - t->start);
}

/* Whether the abbreviation at t ends a sentence before next. */
static int abbrev_ends(const kh_doc *d, const kh_token *t, const kh_token *prev,
                       const kh_token *next)
{
    size_t n = t->end - t->start;
    const char *s = d->text + t->start;
    if (n == 2 && (t->flags & KH_TF_UPPER))   /* an initial: F. */
        return prev && prev->kind == KH_TOK_WORD &&
               !(prev->flags & (KH_TF_UPPER | KH_TF_NONCASED)) &&
               is_starter(d, next);
    switch (kh_abbrev_kind(s, n - 1)) {
    case KH_ABBR_TITLE:
        return 0;
    case KH_ABBR_NUMBERED:
        if (next->kind == KH_TOK_NUMBER)
            return 0;
        return is_starter(d, next);
    default:   /* months, other abbreviations, U.S.-style letters */
        return is_starter(d, next);
    }
}

static void add_sentence(kh_doc *d, size_t *cap, size_t first, size_t end)
{
    if (end <= first)
        return;
    if (d->nsents == *cap) {
        size_t ncap = *cap * 2;
        d->sents = kh_arena_grow(&d->arena, d->sents, *cap * sizeof *d->sents,
                                 ncap * sizeof *d->sents);
        *cap = ncap;
    }
    kh_sentence *s = &d->sents[d->nsents++];
    s->tok_first = (uint32_t)first;
    s->tok_end = (uint32_t)end;
    s->start = d->tokens[first].start;
    s->end = d->tokens[end - 1].end;
    d->tokens[end - 1].flags |= KH_TF_SENT_END;
}

/* Where to cut a run that reached the length limit: after its last ; : or
 * comma in the second half, else at the limit. */
static size_t cut_point(const kh_doc *d, size_t first, size_t limit)
{
    static const char *const marks[] = {";", ":", ","};
    for (size_t m = 0; m < 3; m++)
        for (size_t i = limit - 1; i > first + (limit - first) / 2; i--)
            if (d->tokens[i].kind == KH_TOK_PUNCT &&
                tok_is(d, &d->tokens[i], marks[m]))
                return i + 1;
    return limit;
}

int kh_split_sentences(kh_doc *d)
{
    size_t cap = d->ntokens / 16 + 4;
    d->sents = kh_arena_alloc(&d->arena, cap * sizeof *d->sents);
    d->nsents = 0;
    size_t n = d->ntokens, first = 0, cuts = 0;
    kh_token *tk = d->tokens;

    for (size_t i = 0; i < n; i++) {
        /* Most tokens neither end a sentence nor start a paragraph. */
        if (!(tk[i].flags & (KH_TF_TERM | KH_TF_PARA)) &&
            i + 1 - first < KH_MAX_SENTENCE_TOKENS)
            continue;
        if (i > first && (tk[i].flags & KH_TF_PARA)) {
            add_sentence(d, &cap, first, i);
            first = i;
        }
        if (i + 1 - first >= KH_MAX_SENTENCE_TOKENS) {
            size_t cut = cut_point(d, first, i + 1);
            add_sentence(d, &cap, first, cut);
            first = cut;
            cuts++;
            continue;
        }
        if (!(tk[i].flags & KH_TF_TERM))
            continue;
        int term = is_terminal(d, &tk[i]);
        /* Take the closing quotes, brackets and further stops that follow. */
        size_t j = i + 1;
        while (j < n && !(tk[j].flags & KH_TF_PARA) &&
               (is_closer(d, &tk[j]) || is_terminal(d, &tk[j]))) {
            if (is_terminal(d, &tk[j]))
                term = 1;
            j++;
        }
        int ends;
        if (j >= n || (tk[j].flags & KH_TF_PARA))
            ends = term || tk[i].kind == KH_TOK_ABBREV;
        else if (term && tk[i].kind == KH_TOK_PUNCT)
            ends = can_start(d, &tk[j]);
        else if (term)   /* an abbreviation, then more stops: "U.S.!" */
            ends = can_start(d, &tk[j]);
        else
            ends = abbrev_ends(d, &tk[i], i > first ? &tk[i - 1] : NULL,
                               &tk[j]);
        if (ends) {
            add_sentence(d, &cap, first, j);
            first = j;
            i = j - 1;
        }
    }
    add_sentence(d, &cap, first, n);
    if (cuts)
        kh_doc_warn(d, "%zu sentence%s longer than %d tokens cut", cuts,
                    cuts == 1 ? "" : "s", KH_MAX_SENTENCE_TOKENS);
    return KH_OK;
}
