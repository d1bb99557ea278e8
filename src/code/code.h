/*
 * code.h - the event coder's internal interface.
 *
 * The coder reads one unit of text at a time (a sentence of an article, a
 * record of a validation suite) as a "lex": the unit's words as the
 * dictionaries spell them (upper case, no accents, hyphens split, commas
 * kept as words), each with the type the shallow parse gives it.  The
 * stages, in the order TABARI's manual gives (ch. 7):
 *
 *   lex.c       words from our tokens, function words typed
 *   classify.c  dictionary roots, longest match first: actors, agents,
 *               verbs, nouns, adjectives, time phrases; date-restricted
 *               codes resolved; verbs shifted to nouns by a determiner or
 *               a capital
 *   parse.c     compound actors, compound nouns and adjectives, pronouns,
 *               comma-delimited clauses, clauses at conjunctions,
 *               complexity conditions
 *   actors.c    actors and agents composed into codes ("Iraqi police" ->
 *               IRQCOP)
 *   match.c     verb patterns, longest first
 *   events.c    source and target, passive voice, paired codes,
 *               compounds, subordinate and dominant codes, CODE BY
 *
 * Everything a unit needs lives in a kh_unit, reset for each unit; no
 * stage allocates per word, so coding is linear in the unit's length
 * times the patterns tried.
 */
#ifndef KH_CODE_H
#define KH_CODE_H

#include "../core/doc.h"
#include "../dict/dict.h"

#include <stdint.h>
#include <stdio.h>

/* Words in a unit beyond this make it too complex to code (TABARI's limit
 * on a record, and a bound on the work any sentence can cause). */
#define KH_MAX_LEX 128
#define KH_MAX_ACTORS 64
#define KH_MAX_EVENTS 64
#define KH_CODE_LEN 48
/* The set of a unit's words and lemmas: never more than half full. */
#define KH_WORDSET (4 * KH_MAX_LEX)

enum kh_ltype {
    L_NULL = 0,   /* a word the dictionaries do not know */
    L_LITR,       /* a later word of a matched phrase */
    L_ACTOR,
    L_AGENT,
    L_VERB,
    L_TIME,
    L_DETERM,     /* A AN THE */
    L_NOUN,       /* a listed noun, a verb shifted to a noun, a null actor */
    L_ADJ,
    L_AUXIL,      /* WAS WERE BEEN: passive voice */
    L_BY,
    L_COMMA,
    L_PRONOUN,
    L_CONJ,       /* AND BUT OR NOR */
    L_NUMBER,
    L_PREP,       /* OF IN: agents before "of" and "in" an actor */
    L_DISCARD,    /* a discard phrase (PETRARCH lists) */
};

enum {
    LF_CAP = 1 << 0,        /* written with a capital first letter */
    LF_ELIM = 1 << 1,       /* inside an eliminated comma clause */
    LF_COMPOUND = 1 << 2,   /* a conjunction or comma inside a compound */
    LF_NOUNSHIFT = 1 << 3,  /* a verb read as a noun */
    LF_FORMER = 1 << 4,     /* the word FORMER */
    LF_QUOTE = 1 << 5,      /* inside a direct quotation */
};

typedef struct kh_lexw {
    uint32_t tok0, tok1;    /* the doc tokens it came from */
    uint32_t off;           /* folded text in unit->chars */
    uint16_t len;
    uint8_t type;           /* enum kh_ltype */
    uint8_t flags;          /* LF_* */
    uint32_t word;          /* interned id of the text, or KH_NONE */
    uint32_t lemma;         /* interned id of the tagger's lemma, with
                               SET: LEMMAS; else KH_NONE */
    uint32_t root;          /* the root that typed it (first word) */
    uint16_t end;           /* one past the phrase's last word */
    int16_t head;           /* for L_LITR: the phrase's first word */
    int16_t ref;            /* for pronouns: the actor slot referred to */
    int16_t slot;           /* actor slot of an actor/agent/pronoun, or -1 */
    uint16_t clause;
    uint32_t code;          /* resolved actor code (string id), verbs' too */
} kh_lexw;

/* An actor as the events see it: a code composed from an actor and its
 * agents, where it is, and the compound it belongs to. */
typedef struct kh_slot {
    char code[KH_CODE_LEN];
    int16_t first, last;    /* lex span (inclusive), for positions */
    int16_t compound;       /* compound group id, or -1 */
    uint8_t nul;            /* no code: skipped by searches */
    uint8_t pronoun;
    uint8_t unknown;        /* an agent whose country the sentence does
                               not say ("a drone"): a source whose events
                               wait for the article (SET: UNKNOWN SOURCES),
                               never a target */
    uint8_t placed;         /* an agent whose country is where the
                               sentence happens (SET: PLACES): never the
                               target of a verb of saying ("told
                               reporters") */
} kh_slot;

typedef struct kh_cevent {
    char source[KH_CODE_LEN], target[KH_CODE_LEN];
    char code[16];
    int16_t src_slot, tgt_slot;   /* -1 for a default actor */
    int16_t verb;                 /* lex index of the verb */
    uint32_t pattern;             /* dict pattern index, or KH_NONE */
    uint32_t verb_index;          /* dict verb index */
    int32_t date;                 /* YYYYMMDD, after a time shift */
    uint8_t subord, dominant;
} kh_cevent;

/* Events whose source the sentence does not name: at most this many per
 * sentence wait for the article (stage.c). */
#define KH_MAX_PENDING 8

enum kh_ustatus {
    KH_UNIT_CODED = 0,      /* events (maybe none) */
    KH_UNIT_SHORT,          /* fewer words than the minimum */
    KH_UNIT_DISCARD,        /* a discard phrase or code */
    KH_UNIT_STORY_DISCARD,  /* a story discard: drop the whole article */
    KH_UNIT_COMPLEX,        /* complexity conditions, or a +++ code */
};

/* Carried from one unit to the next of the same story (FORWARD). */
typedef struct kh_forward {
    int valid;
    char code[KH_CODE_LEN];
    int compound_n;
    char compound[8][KH_CODE_LEN];
} kh_forward;

typedef struct kh_unit {
    const kh_dict *dict;
    const kh_doc *doc;
    int32_t date;                 /* story date, YYYYMMDD */
    int allcaps;                  /* the unit is written in capitals */

    kh_lexw lex[KH_MAX_LEX];
    int n;
    char chars[KH_MAX_LEX * 24];
    size_t nchars;

    kh_slot slots[KH_MAX_ACTORS];
    int nslots;
    int ncompounds;

    kh_cevent events[KH_MAX_EVENTS];
    int nevents;
    /* SET: UNKNOWN SOURCES: violent events with a target and no known
     * source; their source is "---" or "---" and an agent code */
    kh_cevent pending[KH_MAX_PENDING];
    int npending;
    int to_pending;               /* events.c: where new events go */
    /* the subject of the last verb of saying coded so far, or -1 */
    int speaker;

    /* the words of the unit, for patterns' quick rejection: open
     * addressing over word ids (KH_NONE empty) */
    uint32_t wordset[KH_WORDSET];

    int status;                   /* enum kh_ustatus */
    const char *why;              /* for complex and discard: the reason */
    int32_t shift;                /* time shift in days */
    const kh_forward *fwd_in;     /* the previous unit's first actor */
    kh_forward fwd_out;
    /* SET: PLACES.  The country (CCC, or CCCKRD...) of the places the
     * unit names, when they are of one country (actors.c), and the
     * article's, from its dateline (stage.c; NULL when unknown): where
     * lone agents are (lone.c). */
    char place[KH_CODE_LEN];
    int place_mixed;
    const char *home_in;
} kh_unit;

/* lex.c */
int kh_lex_build(kh_unit *u, size_t tok_first, size_t tok_end,
                 int split_clitics);
/* The folded text of word i. */
static inline const char *kh_lex_text(const kh_unit *u, int i, size_t *len)
{
    *len = u->lex[i].len;
    return u->chars + u->lex[i].off;
}

/* Whether word id w occurs in the unit (lex.c fills the set). */
static inline int kh_unit_has_word(const kh_unit *u, uint32_t w)
{
    uint32_t n = KH_WORDSET;
    for (uint32_t i = (w * 2654435761u) % n;; i = (i + 1) % n) {
        if (u->wordset[i] == w)
            return 1;
        if (u->wordset[i] == KH_NONE)
            return 0;
    }
}

/* classify.c */
void kh_classify(kh_unit *u);
/* Whether pattern or root element p matches lex word i (kind: the root
 * kind whose endings apply, 0 for patterns). */
int kh_word_matches(const kh_unit *u, const kh_pel *p, int i, int kind);
/* Matches a root's words starting at lex i; fills end (one past the last
 * word) and marks nothing.  Returns 1 on a match. */
int kh_root_matches(const kh_unit *u, const kh_root *r, int i, int *end,
                    int *positions);

/* parse.c */
void kh_parse(kh_unit *u);

/* actors.c */
void kh_actors(kh_unit *u);

/* lone.c: agents with no actor (SET: LONE AGENTS) get one from the
 * sentence, or become unknown sources. */
void kh_lone_agents(kh_unit *u);
/* Whether code c is a state actor: a country, or a country's government,
 * military, police, judiciary, legislature or intelligence service. */
int kh_state_code(const char *c);

/* events.c */
void kh_events(kh_unit *u);

/* match.c: a verb's best pattern.  Returns the pattern index or KH_NONE;
 * sets *src, *tgt (slot or -1) and *cmp (1 when % was used). */
typedef struct kh_pmatch {
    uint32_t pattern;
    int src, tgt, compound;   /* slots, or -1 */
    int designated;           /* $ + or % set an actor */
    uint64_t skipped;         /* slots passed over by ^ */
    int outside_first;        /* % found a compound after an actor that is
                                 not in it ("Mordor with Fornost and
                                 Gondor"): a paired code then codes each
                                 pair once (PATTERN-26 against
                                 COMPOUND-06) */
    int first, last;          /* lex span of the match */
} kh_pmatch;
int kh_match_verb(const kh_unit *u, int verb, uint32_t verb_index,
                  kh_pmatch *m);
int kh_match_time(const kh_unit *u, int at, uint32_t time_index,
                  int32_t *shift, uint32_t *flags);

/* trace.c: the unit's words, actors and events, for debugging. */
void kh_trace_unit(const kh_unit *u, FILE *f);

/* stage.c: every sentence of doc, its events kept in doc->events. */
int kh_code_doc(const kh_dict *d, kh_doc *doc);
/* SET: PLACES: the place a dateline names, as lone agents take it
 * ("IRQ" for Basra, "IRQKRD" for Erbil), in out; 0 when the
 * dictionaries do not know it. */
int kh_dateline_place(const kh_dict *d, const char *dateline, int32_t date,
                      char out[KH_CODE_LEN]);

/* coder.c */
int32_t kh_date_int(const char *iso);
void kh_code_unit(kh_unit *u, const kh_dict *d, const kh_doc *doc,
                  size_t tok_first, size_t tok_end, int32_t date);

#endif
