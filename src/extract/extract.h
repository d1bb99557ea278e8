/*
 * extract.h - the stages that read the whole article: dates, places,
 * entities, quotes.  They run after the events (DESIGN.md) and give each
 * event its date, place and quote.
 */
#ifndef KH_EXTRACT_H
#define KH_EXTRACT_H

#include "../core/doc.h"

/* Finds the absolute dates written in the text (full dates such as
 * "January 6, 2024", "6 January 2024", "2024-01-06", and months such as
 * "January 2024") and fills doc->dates. */
int kh_find_dates(kh_doc *d);

/* Sets the story date when the article came without one: the latest full
 * date in the text, else default_date (YYYY-MM-DD or NULL). */
void kh_choose_story_date(kh_doc *d, const char *default_date);

/* The month (1-12) that s[0..n) names: January, Jan, Jan., Sept. ...
 * Case-insensitive; 0 when it names none. */
int kh_month_name(const char *s, size_t n);

/* After the story date is chosen: finds the relative expressions
 * ("on Friday", "yesterday", "last week", "two days later", "in 2014",
 * "since mid-October"), resolves them against the story date, and
 * replaces doc->dates with every date of the article in text order, each
 * with its sentence.  Expressions that need a story date are dropped when
 * there is none. */
void kh_resolve_dates(kh_doc *d);

/* After the events: each event takes the date of the expression that
 * governs it in its sentence (e->date, e->date_ref), else keeps the date
 * the coder gave it (the story date).  The rule is in dates_events.c. */
void kh_date_events(kh_doc *d);

/* The date that governs token tok (an index in doc->tokens) as it would
 * govern an event read there: its index in doc->dates, or -1 when none
 * does (the event keeps the story date). */
long kh_date_of_token(const kh_doc *d, size_t tok);

/* Writes x's value into out[n] as its granularity has it: 2024-01-06,
 * 2024-01, 2024, 2024-W01 (ISO week), 199X (decade).  Returns the
 * length, as snprintf does. */
int kh_date_format(const kh_date_mention *x, char *out, size_t n);

/* "day", "month", "year", "week", "decade"; "" for anything else. */
const char *kh_date_gran_name(int gran);

/* The gazetteer: places by name, loaded once per pipeline from the data
 * folder and shared read-only by every document. */
typedef struct kh_gazetteer kh_gazetteer;
int kh_gaz_load(const char *data_dir, kh_gazetteer **out, kh_error *err);
void kh_gaz_free(kh_gazetteer *g);

/* Finds the places the article names (doc->places, doc->place_mentions)
 * and gives each event its place (e->place): the one named in its
 * sentence, else the dateline's.  Actors written as place names
 * ("Baghdad announced") are not places. */
int kh_find_places(const kh_gazetteer *g, kh_doc *d);

/* Finds the direct quotes and their speakers (doc->quotes) and marks the
 * events read inside one (e->in_quote, e->quote).  Speakers are entities:
 * runs after kh_find_entities, and adds the speakers the article describes
 * without naming them ("a military official in the Pentagon"), coded with
 * dict when it is not NULL. */
struct kh_dict;
int kh_find_quotes(const struct kh_dict *dict, kh_doc *d);

/* Finds the people, organisations and places the article names, merges
 * their mentions (doc->entities, doc->entity_mentions) and codes them with
 * the dictionaries when dict is not NULL. */
struct kh_dict;
int kh_find_entities(const struct kh_dict *dict, kh_doc *d);

/* ---- shared by the entities and quotes stages ---------------------------
 * (entities_words.c, quotes_marks.c, quotes_speech.c, src/code/
 * phrase_code.c).  Both stages run after the events and read tokens,
 * tags and lemmas only; nothing here is kept in the document. */

/* Classes of a word, from one table of words the two stages know by name
 * (entities_words.c).  A word may have several. */
enum {
    KH_W_TITLE = 1u << 0,      /* written before a name: President, Gen. */
    KH_W_ROLE = 1u << 1,       /* a role noun: official, spokesman */
    KH_W_ORGHEAD = 1u << 2,    /* ends an organisation's name: Movement */
    KH_W_ORGWORD = 1u << 3,    /* common in organisations' names: Islamic */
    KH_W_PLACEHEAD = 1u << 4,  /* ends a place's name: Province */
    KH_W_PLACENOUN = 1u << 5,  /* after a place's name: "Anbar province" */
    KH_W_PARTICLE = 1u << 6,   /* inside a name: al, bin, ibn, de */
    KH_W_PERSONCUE = 1u << 7,  /* only people's names have it: Abu, bin */
    KH_W_GIVEN = 1u << 8,      /* a common given name */
    KH_W_MALE = 1u << 9,
    KH_W_FEMALE = 1u << 10,
    KH_W_STOP = 1u << 11,      /* never a name: The, He, In, However */
    KH_W_TIME = 1u << 12,      /* months and weekdays */
    KH_W_NAMING = 1u << 13,    /* a name follows: nicknamed, dubbed */
    KH_W_COMPASS = 1u << 14,   /* north, southwest: "north of X" */
    KH_W_PLACEPREP = 1u << 15, /* in, near, into: a place follows */
    KH_W_SPEECH = 1u << 16,    /* lemma of a verb of saying */
    KH_W_SPEECH_CTX = 1u << 17,/* one only next to a quote: add, continue */
    KH_W_SPEECH_WEAK = 1u << 18,/* one only as a verb: note, claim */
    KH_W_INHABIT = 1u << 19,   /* "the people of X": a place follows */
    KH_W_THING = 1u << 20,     /* "the X project": X names a thing */
    KH_W_DOCNOUN = 1u << 21,   /* "the statement said": speaks for its
                                  author */
    KH_W_GENERICORG = 1u << 22,/* "the group said": any organisation */
    KH_W_MEDIACTX = 1u << 23,  /* "a statement to X", "told X": a news
                                  outlet follows */
};
/* The classes of s[0..n) (any case), of token i's text, of token i's
 * lemma (its text when the tagger did not run). */
unsigned kh_word_class(const char *s, size_t n);
unsigned kh_tok_class(const kh_doc *d, size_t i);
unsigned kh_lemma_class(const kh_doc *d, size_t i);
int kh_word_table_sorted(void);
/* Caches the classes of d's tokens for this thread until
 * kh_word_cache_end (each stage brackets its work with them; the pairs
 * nest, and the outermost end frees the cache). */
void kh_word_cache_begin(const kh_doc *d);
void kh_word_cache_end(void);
/* Whether token i is a word written with a capital, or an Arabic article
 * glued to one (al-Sudani). */
int kh_al_prefixed(const char *s, size_t n);
static inline int kh_tok_capitalised(const kh_doc *d, size_t i)
{
    const kh_token *t = &d->tokens[i];
    if (t->kind != KH_TOK_WORD && t->kind != KH_TOK_ABBREV)
        return 0;
    if (t->flags & (KH_TF_UPPER | KH_TF_NONCASED))
        return 1;
    return (t->flags & KH_TF_HYPHEN) &&
           kh_al_prefixed(d->text + t->start, t->end - t->start);
}

/* Quotation marks paired (quotes_marks.c).  A mark closes the innermost
 * open quote of its own style; a quote still open at the end of a
 * paragraph ends there (wire copy reopens the mark on the next
 * paragraph).  "name" marks a quoted name or title ("the “Al-Nujaba
 * Movement”", nicknamed “Abu Taqwa”, a scare-quoted word), which is no
 * quote. */
typedef struct kh_qmark {
    uint32_t open;          /* the opening mark's token */
    uint32_t first, end;    /* the quoted tokens [first, end) */
    uint32_t close;         /* the closing mark's token, or end when the
                               quote was cut at a paragraph's end */
    int32_t outer;          /* the quote it is nested in, or -1 */
    uint8_t name;           /* a quoted name or title, not a quote */
} kh_qmark;
/* Fills *out (malloc'd; the caller frees) in the order of the opening
 * marks; returns the count. */
size_t kh_pair_quotes(const kh_doc *d, kh_qmark **out);
/* Per token: the innermost quote (not a name) it is inside, or -1;
 * malloc'd, d->ntokens long. */
int32_t *kh_quote_map(const kh_doc *d, const kh_qmark *q, size_t nq);
/* The same two, computed once per word cache of d (kh_word_cache_begin)
 * and freed with it: the entities and quotes stages share them.  Returns
 * the number of marks. */
size_t kh_quote_marks(const kh_doc *d, const kh_qmark **q,
                      const int32_t **qmap);

/* Verbs of saying and who they say it of (quotes_speech.c). */
enum {
    KH_SUBJ_NONE = 0,
    KH_SUBJ_NAME,           /* "Mustafa said", "said Prime Minister X" */
    KH_SUBJ_PRONOUN,        /* "he added" */
    KH_SUBJ_DESC,           /* "the official added", "a U.S. official" */
    KH_SUBJ_DOC,            /* "the statement said": its author */
};
typedef struct kh_speech {
    uint32_t verb, verb_end;   /* tokens: "said", "pointed out" */
    uint32_t s0, s1;           /* the subject's tokens, s0 == s1 for none */
    uint32_t head;             /* its last word before any preposition */
    uint32_t sentence;
    uint8_t kind;              /* KH_SUBJ_* */
    uint8_t definite;          /* a description with the, this, that */
    uint8_t plural;            /* officials, sources, they */
    uint8_t after;             /* written after the verb: "said X" */
} kh_speech;
/* The verbs of saying outside quotes (qmap from kh_quote_map), in text
 * order; *out is malloc'd.  Returns the count. */
size_t kh_find_speech(const kh_doc *d, const int32_t *qmap,
                      kh_speech **out);
/* Whether token i is a verb of saying; strict asks for one next to a
 * quote or "that" for the verbs that need it. */
int kh_is_speech_verb(const kh_doc *d, size_t i, size_t *end);

/* The entities' side, for the quotes stage (entities.c): the gender the
 * article gives an entity ('m', 'f' or 0); the story date as YYYYMMDD (0
 * for none). */
int kh_entity_gender(const kh_doc *d, size_t ent);
int32_t kh_story_date_int(const kh_doc *d);

/* Speakers described, not named (quotes_speakers.c): the quotes stage's
 * additions to the entities, merged into the document by
 * kh_speakers_finish. */
typedef struct kh_speakers {
    kh_doc *d;
    const struct kh_dict *dict;
    void *unit;              /* the coder's scratch unit, when needed */
    int32_t date;
    uint8_t *gender;         /* per entity: 'm', 'f', 0, or not read yet
                                (kh_speaker_gender) */
    uint64_t *head;          /* per entity: a described speaker's head
                                word (kh_name_word_key), else 0 */
    size_t cap;              /* room in the three arrays */
    kh_mention *mnew;        /* mentions added */
    size_t nnew, capnew;
} kh_speakers;
void kh_speakers_init(kh_speakers *sp, kh_doc *d,
                      const struct kh_dict *dict);
/* The entity that speech x's description stands for, added when it is
 * someone new; -1 when it names no one in particular.  hist[0..nh) are the
 * speakers so far; tent (per token, the entity mentioned there) gets the
 * description's tokens. */
int32_t kh_describe_speaker(kh_speakers *sp, const kh_speech *x,
                            const int32_t *hist, size_t nh, int32_t *tent);
void kh_speakers_finish(kh_speakers *sp);
/* The gender of entity e ('m', 'f' or 0), read when first asked. */
int kh_speaker_gender(kh_speakers *sp, size_t e);

/* The actor code that the dictionaries give the words of tokens
 * [first, end) as one actor (the first actor found, composed with its
 * agents: "a military official in the Pentagon" -> USAMIL), valid at
 * date (YYYYMMDD, 0 for none); "" when they know none.  *dated (when not
 * NULL) is set when the actor's codes are bounded by dates, as an office
 * holder's are.  unit is scratch space of kh_phrase_unit_size() bytes,
 * reused across calls (src/code/phrase_code.c). */
size_t kh_phrase_unit_size(void);
int kh_code_phrase(const struct kh_dict *dict, const kh_doc *d,
                   void *unit, size_t first, size_t end, int32_t date,
                   char out[48], int *dated);

/* ---- the entities stage's parts (entities_scan.c, entities.c) ---------- */

#define KH_EKEY 8

/* A name written in the text, before mentions are merged into entities. */
typedef struct kh_ecand {
    uint32_t t0, t1;        /* the name's tokens [t0, t1) */
    uint32_t ti0, ti1;      /* its title's tokens, equal when none */
    uint32_t sentence;
    int32_t alias_of;       /* the candidate it is another name of, -1 */
    int32_t ent;            /* its entity; -1 until merged, -2 dropped */
    int32_t place;          /* the place (doc->places) it names, -1 */
    int16_t person, org, placecue;   /* cue scores for its type */
    uint8_t title_only;     /* a title with no name: "Prime Minister" */
    uint8_t gender;         /* 'm', 'f' or 0 */
    uint8_t orgish;         /* has words of an organisation's name */
    uint8_t nkey, npre;     /* words, and words before "of" */
    uint64_t key[KH_EKEY];  /* the words folded and hashed, al- and
                               particles left out */
    char acro[12];          /* initials, or the letters of an acronym */
    uint8_t is_acro;        /* written as an acronym: ISIS, U.S. */
    uint8_t given;          /* a given name alone: "Haidar" */
    uint8_t adj;            /* used as an adjective ("Iraqi law", "Houthi
                               spokesman", "Kataib Hezbollah-linked"): a
                               mention only of an entity named otherwise */
    uint8_t orghead;        /* its head is an organisation's: Movement */
    uint8_t thing;          /* followed by "project", "law", "operation":
                               the name of a thing */
} kh_ecand;

/* The names the text writes, in text order, with their titles, aliases
 * and type cues (entities_scan.c).  *out is malloc'd. */
size_t kh_entity_candidates(const kh_doc *d, const kh_qmark *q, size_t nq,
                            const int32_t *qmap, kh_ecand **out);
/* Folds and hashes a word of a name ("Al-Sudani" and "al-Sudani" give
 * SUDANI's hash); 0 for a word that does not count (particles). */
uint64_t kh_name_word_key(const char *s, size_t n);

#endif
