/*
 * doc.h - the document: the one structure every stage reads and writes.
 *
 * A kh_doc holds the input as given, the normalised text the stages work on,
 * and every annotation, all in one arena.  Stages work in offsets of the
 * normalised text (doc->text); the output maps them back to the input with
 * kh_doc_in_off, so that users get offsets into the text they gave.  When the
 * input was already valid NFC UTF-8 (nearly always), text is input and the
 * map is NULL.
 */
#ifndef KH_DOC_H
#define KH_DOC_H

#include "khaldun.h"
#include "arena.h"

#include <stdint.h>

/* Token flags: the shape of a token and the space before it. */
enum {
    KH_TF_UPPER = 1 << 0,     /* first letter is upper or title case */
    KH_TF_ALLCAPS = 1 << 1,   /* two or more letters, all upper case */
    KH_TF_DIGIT = 1 << 2,     /* contains a digit */
    KH_TF_HYPHEN = 1 << 3,    /* contains an inner hyphen */
    KH_TF_SPACE = 1 << 4,     /* white space before it */
    KH_TF_NEWLINE = 1 << 5,   /* a line break before it */
    KH_TF_PARA = 1 << 6,      /* a blank line before it */
    KH_TF_NONCASED = 1 << 7,  /* starts with a letter that has no case */
    KH_TF_INNERCAP = 1 << 8,  /* lower-case first, upper case later: iPhone */
    KH_TF_SENT_END = 1 << 9,  /* ends a sentence (set by the splitter) */
    KH_TF_TERM = 1 << 10,     /* . ! ? … or an abbreviation: may end one */
};

typedef struct kh_token {
    uint32_t start, end;   /* byte offsets into doc->text */
    uint8_t kind;          /* enum kh_token_kind */
    uint8_t tag;           /* part of speech, 0 until the tagger runs */
    uint16_t flags;        /* KH_TF_* */
    uint32_t aux;          /* stage-specific: word or lemma id */
} kh_token;

typedef struct kh_sentence {
    uint32_t start, end;         /* byte offsets into doc->text */
    uint32_t tok_first, tok_end; /* tokens [tok_first, tok_end) */
} kh_sentence;

/* Granularity of a date.  A week is held as its Monday (written as an
 * ISO week, 2024-W01), a decade as its first year (written 199X). */
enum { KH_GRAN_DAY = 1, KH_GRAN_MONTH, KH_GRAN_YEAR, KH_GRAN_WEEK,
       KH_GRAN_DECADE };

/* Which part of its period a date names: "early this month", "mid-October",
 * "late 2023", "the end of last year". */
enum { KH_DMOD_EARLY = 1, KH_DMOD_MID, KH_DMOD_LATE };

/* A date written in the text: absolute ("January 6, 2024", "in 2014") or
 * relative ("on Friday", "yesterday"), resolved against the story date. */
typedef struct kh_date_mention {
    uint32_t start, end;   /* byte offsets into doc->text */
    int16_t year;
    int8_t month, day;     /* 0 when the granularity is coarser */
    uint8_t gran;          /* KH_GRAN_* */
    uint8_t relative;      /* 1 when resolved against the story date */
    uint32_t sentence;     /* the sentence it is in */
    uint8_t mod;           /* KH_DMOD_*, or 0 */
    uint8_t since;         /* "since mid-October": a period from this date
                              on, which dates no event */
    char time[14];         /* time of day written with it: "12:00",
                              "evening", "night", or "" */
} kh_date_mention;

/* A span of the text that names something the document lists once
 * (a place, an entity): ref is its index in that list. */
typedef struct kh_mention {
    uint32_t start, end;   /* byte offsets into doc->text */
    uint32_t sentence;
    uint32_t ref;
} kh_mention;

/* Kinds of place. */
enum { KH_PLACE_COUNTRY = 1, KH_PLACE_ADMIN1, KH_PLACE_CITY };

/* A place the article names, resolved in the gazetteer; listed once per
 * document however often it is named (see doc->place_mentions). */
typedef struct kh_place {
    const char *name;      /* the gazetteer's name, "Baghdad" (arena) */
    char country[4];       /* ISO 3166-1 alpha-3, "IRQ", or "" */
    char admin1[8];        /* ISO 3166-2 subdivision, "IQ-BG", or "" */
    double lat, lon;
    uint32_t geonameid;    /* GeoNames id, 0 when it has none */
    uint8_t kind;          /* KH_PLACE_* */
} kh_place;

/* A direct quote: the words between the marks, and who said them. */
typedef struct kh_quote {
    uint32_t sentence;          /* the sentence the quote opens in */
    uint32_t start, end;        /* the quoted words, inside the marks */
    uint32_t spk_start, spk_end;/* the words that name the speaker here
                                   ("he", "the official", "Mustafa");
                                   equal when none are written */
    int32_t speaker;            /* index in doc->entities, -1 unknown */
    int32_t outer;              /* the quote this one is nested in, -1 */
} kh_quote;

/* Kinds of entity. */
enum { KH_ENT_PERSON = 1, KH_ENT_ORG, KH_ENT_PLACE };

/* A person, organisation or place the article names, once, with every
 * mention merged ("Mohammed Shia Al-Sudani", "Al-Sudani", "he" is not a
 * mention: pronouns are resolved by quotes, not listed). */
typedef struct kh_entity {
    const char *name;           /* the fullest name written (arena) */
    const char *title;          /* "Prime Minister", or NULL */
    const char **aliases;       /* "Abu Taqwa"; naliases of them */
    size_t naliases;
    char code[48];              /* actor code when the dictionaries know
                                   the name, else "" */
    uint8_t type;               /* KH_ENT_* */
    int32_t place;              /* index in doc->places, or -1 */
} kh_entity;

/* An event the coder found.  Offsets are into doc->text; codes and the
 * rule are copies (the dictionary may go before the document does). */
typedef struct kh_event {
    uint32_t sentence;
    uint32_t start, end;           /* the words the event was read from */
    uint32_t verb_start, verb_end;
    uint32_t src_start, src_end;   /* the source's words; equal when the
                                      source is a default or a pronoun's
                                      antecedent is not in the sentence */
    uint32_t tgt_start, tgt_end;
    char source[48], target[48];
    char code[16];
    char *rule;                    /* "file:line", what matched */
    char date[11];                 /* YYYY-MM-DD or "": the date of the
                                      expression that governs the event,
                                      else the story date */
    int32_t date_ref;              /* that expression in doc->dates, -1 */
    int32_t place;                 /* index in doc->places, -1 for none */
    int32_t quote;                 /* the quote it was read in, -1 */
    uint8_t in_quote;
} kh_event;

typedef struct kh_warning {
    struct kh_warning *next;
    char *msg;
} kh_warning;

struct kh_doc {
    kh_arena arena;

    /* Input as given (NUL-terminated copy) and where it came from. */
    char *input;
    size_t input_len;
    char *origin;           /* file name, or NULL */
    long origin_line;       /* line in origin for JSON Lines, else 0 */

    /* The part of input that holds sentences: header, wire dateline and
     * URL line are metadata.  Input offsets. */
    size_t body_start, body_end;

    /* Metadata. */
    char *id, *url, *source, *dateline, *title;
    char date[11];          /* YYYY-MM-DD or "" */
    int date_given;         /* the date came with the article */

    /* Normalised text: NUL-terminated; == input when map is NULL. */
    char *text;
    size_t text_len;
    uint32_t *map;          /* text offset -> input offset, text_len + 1 */
    size_t text_body_start, text_body_end;
    size_t invalid_bytes;
    long first_invalid;     /* input offset, or -1 */

    kh_token *tokens;
    size_t ntokens;
    const char **lemma;     /* per token: its lower-case lemma, NUL-terminated
                               (in the arena or a model's tables); NULL
                               until the tagger stage runs */
    kh_sentence *sents;
    size_t nsents;
    kh_date_mention *dates;
    size_t ndates;
    kh_event *events;
    size_t nevents;
    kh_place *places;
    size_t nplaces;
    kh_mention *place_mentions;   /* ref: index in places */
    size_t nplace_mentions;
    kh_quote *quotes;
    size_t nquotes;
    kh_entity *entities;
    size_t nentities;
    kh_mention *entity_mentions;  /* ref: index in entities */
    size_t nentity_mentions;

    kh_warning *warnings, **warnings_tail;
    size_t nwarnings;
    unsigned stages_done;
};

/* Zero bytes kept after doc->input and doc->text (see kh_doc_alloc). */
#define KH_TEXT_PAD 32

/* Allocates an empty document whose input is a copy of buf[0..len). */
kh_doc *kh_doc_alloc(const char *buf, size_t len);

/* Input offset of text offset off. */
static inline size_t kh_doc_in_off(const kh_doc *d, size_t off)
{
    return d->map ? d->map[off] : off;
}

/* Text offset of input offset off (the first text byte at or after it). */
size_t kh_doc_text_off(const kh_doc *d, size_t off);

/* Appends a warning (printf-style) to the document. */
void kh_doc_warn(kh_doc *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Validates and stores a story date given as YYYY-MM-DD or YYYYMMDD into
 * out[11]; returns 0 when it is not a valid calendar date. */
int kh_parse_iso_date(const char *s, char out[11]);

int kh_days_in_month(int year, int month);

#endif
