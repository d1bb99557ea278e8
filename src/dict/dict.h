/*
 * dict.h - the compiled dictionary: what every dictionary format becomes.
 *
 * TABARI (.actors .agents .verbs .options, a .project naming them),
 * PETRARCH (CAMEO.2.0 verbs, Phoenix actors and agents, discards) and our
 * own bundled dictionaries are read into this one model, and the coder
 * knows only the model.
 *
 * Words.  Every word of every phrase is interned as upper-case ASCII with
 * diacritics removed (kh_dict_word): the coder compares word ids, never
 * strings, except for stems, which are looked up prefix by prefix.
 *
 * Phrases.  A phrase is a run of elements (kh_pel) in one shared array:
 * words, synsets, alternative groups, and in verb patterns the tokens
 * * (the verb), $ (source), + (target), % (compound), ^ (skip an actor).
 * Each element says whether it must follow the previous one at once (a
 * `_` connector in the formats) or may be separated from it by other words
 * (a blank), and how a word matches: as a stem (any word that begins with
 * it), exactly, or exactly with the regular endings of its kind.
 *
 * Roots.  Everything that can be found in a sentence by its first word is
 * a root: actors, agents, verb forms, nouns, adjectives, time phrases,
 * discard phrases.  Roots are indexed by the id of their first word; each
 * index list is sorted longest first (TABARI's length: letters, digits
 * and connectors, not blanks or tokens), which is the order matching
 * tries them in.
 *
 * Everything lives in growable arrays owned by the kh_dict, indexed by
 * uint32_t, so that the whole model is a handful of allocations and could
 * be written to a file as it is.
 */
#ifndef KH_DICT_H
#define KH_DICT_H

#include "khaldun.h"

#include <stddef.h>
#include <stdint.h>

#define KH_NONE UINT32_MAX

/* ---- phrase elements ----------------------------------------------------- */

enum kh_pel_type {
    KH_PEL_WORD = 1,   /* arg: word id */
    KH_PEL_SYNSET,     /* arg: synset index */
    KH_PEL_ALT,        /* arg: alternative-group index */
    KH_PEL_VERB,       /* *  the verb itself */
    KH_PEL_SOURCE,     /* $  the source actor */
    KH_PEL_TARGET,     /* +  the target actor */
    KH_PEL_COMPOUND,   /* %  a compound actor, source and target both */
    KH_PEL_SKIP,       /* ^  skip one actor */
};

enum kh_match {
    KH_MATCH_STEM = 0,     /* no connector at the end: any word that
                              begins with it */
    KH_MATCH_ENDINGS,      /* `_` at the end of a root word: the word, or
                              the word with the regular endings of its kind
                              (nouns: S 'S; verbs: S ED ES EN ING) */
    KH_MATCH_EXACT,        /* `_` in a pattern or synset, `=` in a root:
                              the word only (and, with SET: LEMMAS, a word
                              whose lemma it is: ATTACK_ takes "attacks") */
    KH_MATCH_FORM,         /* `=` in a pattern or synset: the form written,
                              never by its lemma */
};

typedef struct kh_pel {
    uint8_t type;      /* enum kh_pel_type */
    uint8_t match;     /* enum kh_match, for words */
    uint8_t adjacent;  /* must immediately follow the previous element */
    uint8_t pad;
    uint32_t arg;
} kh_pel;

/* A run of elements in kh_dict.pels. */
typedef struct kh_span {
    uint32_t first, n;
} kh_span;

/* ---- codes ----------------------------------------------------------------- */

/* An event code as the formats write it: "064", "032:033" (paired: the
 * second event has source and target swapped), "023?" (subordinate: only
 * when nothing else codes), "111!" (dominant), and the special codes. */
enum {
    KH_EC_NULL = 1 << 0,       /* ---: matches, codes nothing */
    KH_EC_DISCARD = 1 << 1,    /* ###: discard the sentence */
    KH_EC_COMPLEX = 1 << 2,    /* +++: the sentence is too complex */
    KH_EC_SUBORD = 1 << 3,     /* ? */
    KH_EC_DOMINANT = 1 << 4,   /* ! */
    KH_EC_PAIRED = 1 << 5,     /* a:b */
};

typedef struct kh_ecode {
    uint32_t code, code2;      /* string ids (kh_dict_str); KH_NONE */
    uint32_t flags;            /* KH_EC_* */
} kh_ecode;

/* An actor code valid between two dates (YYYYMMDD, inclusive; 0 and
 * 99999999 for open ends).  code is a string id: one code, or several
 * separated by '/' (a coded compound, "FRO/BIL/SAM"), or "---", "###",
 * "+++". */
typedef struct kh_dcode {
    int32_t from, to;
    uint32_t code;
} kh_dcode;

/* ---- entries --------------------------------------------------------------- */

enum kh_root_kind {
    KH_ROOT_ACTOR = 1,
    KH_ROOT_AGENT,
    KH_ROOT_VERB,      /* a verb form; payload: verb index */
    KH_ROOT_NOUN,
    KH_ROOT_ADJ,
    KH_ROOT_TIME,      /* payload: time index */
    KH_ROOT_DISCARD,   /* payload: 1 for a story discard, 0 a sentence */
};

typedef struct kh_root {
    kh_span words;     /* KH_PEL_WORD elements only */
    uint8_t kind;      /* enum kh_root_kind */
    uint8_t pad[3];
    uint32_t payload;  /* actor, agent, verb or time index */
    uint32_t length;   /* matching order: longer first */
    uint32_t file;     /* string id of the file name */
    uint32_t line;
} kh_root;

typedef struct kh_actor {
    uint32_t codes_first, ncodes;  /* kh_dcode, in the order written; the
                                      undated default, if any, last */
    uint32_t parent;               /* root of the first synonym, for output */
    uint8_t place;                 /* ours: written in a <PLACE> section of
                                      a .actors file (a city, a province):
                                      with SET: PLACES, where things happen
                                      and whose its agents are, never an
                                      actor alone */
} kh_actor;

typedef struct kh_agent {
    uint32_t code;     /* string id, without the ~ */
    uint8_t prefix;    /* ~ after the code (NGO~): the agent code goes
                          before the actor code */
} kh_agent;

typedef struct kh_pattern {
    kh_span pels;      /* the whole pattern, with one KH_PEL_VERB */
    kh_ecode code;
    uint32_t length;
    uint32_t file, line;
    /* Words the pattern cannot match without (exact words outside any
     * synset or alternative): a sentence without them is not tried.
     * Filled by kh_dict_finish. */
    uint32_t need[4];
    uint8_t nneed;
    /* Groups of alternatives (or synsets) each of whose phrases starts
     * with an exact word: the sentence must hold one of each group's
     * first words.  KH_NONE when unused. */
    uint32_t need_alt[2];
    uint32_t owner;    /* the verb (or, with KH_OWNER_TIME, the time
                          phrase) the pattern belongs to, when the reader
                          sets it: lets a verb written again in a later
                          file gather its patterns (kh_dict_finish) */
} kh_pattern;

#define KH_OWNER_TIME 0x80000000u

typedef struct kh_verb {
    kh_ecode code;                     /* of the verb alone */
    uint32_t patterns_first, npatterns;/* kh_pattern, longest first */
    uint32_t root;                     /* the main form's root */
} kh_verb;

typedef struct kh_time {
    int32_t shift;                     /* days */
    uint32_t flags;                    /* KH_EC_NULL / DISCARD / COMPLEX */
    uint32_t patterns_first, npatterns;/* time patterns, like verbs' */
} kh_time;

/* A synset (&NAME) or an alternative group ({ a | b }): a list of
 * phrases, any one of which matches. */
typedef struct kh_alt {
    uint32_t name;                     /* string id ("&CURRENCY"), or KH_NONE */
    uint32_t first, n;                 /* kh_span entries in kh_dict.alt_spans */
    /* Filled by kh_dict_finish, so that a word tries only the phrases
     * that can start with it: the phrases whose first element is an exact
     * word, by that word (kh_dict.alt_keys, sorted), and the others. */
    uint32_t keys_first, nkeys;
    uint32_t others_first, nothers;    /* in kh_dict.alt_others */
} kh_alt;

typedef struct kh_alt_key {
    uint32_t word;                     /* the first word's id */
    uint32_t phrase;                   /* index into the group's phrases */
} kh_alt_key;

/* ---- options (TABARI's .options; the defaults suit every format) --------- */

enum kh_code_by { KH_CODE_BY_CLAUSE = 0, KH_CODE_BY_SENTENCE, KH_CODE_ALL };

typedef struct kh_options {
    int code_by;                       /* enum kh_code_by */
    int comma_on;
    int comma_min, comma_max;          /* inner comma-delimited clauses */
    int comma_bmin, comma_bmax;        /* at the beginning */
    int comma_emin, comma_emax;        /* at the end */
    int min_words;
    int convert_agents;
    int time_shift;                    /* -1: on when there are time roots */
    int yyyy;                          /* dates in validation records */
    int fbis;
    /* COMPLEX: conditions; 0 = inactive */
    int cx_verbs, cx_actors, cx_pronouns, cx_conj, cx_comma, cx_lateverb;
    int cx_noactprior, cx_noactafter, cx_noverb, cx_nosource, cx_notarget,
        cx_noevent;
    /* DEFAULT: codes (string ids or KH_NONE) */
    uint32_t default_source, default_target;
    int default_prior, default_after;
    /* PETRARCH: events need a coded source and target; else "---" */
    int require_dyad;
    /* Part-of-speech tags, when the document has them: a verb of the
     * dictionaries tagged as a noun or an adjective is read as a noun.
     * -1: on for every format but TABARI's, whose own rules (a capital,
     * a determiner) its dictionaries were written for. */
    int use_tags;
    /* "did not attack", "never met", "won't sign": no event.  TABARI's and
     * PETRARCH's dictionaries say this in their patterns (NOT * [112]),
     * so it is off for them and on in our own (SET: NEGATION = TRUE). */
    int negation;
    /* Our actor rules (SET: ACTOR RULES = TRUE, khaldun.options; see
     * src/code/actors.c): GOV yields to a role, a government metonym
     * right after IN or AT is a place, PRO-/ANTI- make an actor a
     * modifier.  Off for TABARI's and PETRARCH's dictionaries. */
    int actor_rules;
    /* Ours (SET: lines of khaldun.options; all off for TABARI's and
     * PETRARCH's dictionaries, which were written without them):
     * - lemmas: verbs and pattern words also match by the tagger's lemma
     *   ("struck" is STRIKE_, ATTACK_ in a pattern takes "attacks");
     * - relative: a verb in a relative clause ("the strike that killed
     *   X was carried out by Y") is coded only when the main verb is not;
     * - saying_abroad: a verb of saying (a subordinate 01 code) takes no
     *   target of its source's own country ("a U.S. official said the
     *   United States ...");
     * - main_commas: a comma run that holds an actor and then a verb,
     *   with no verb before it, is the main clause, never dropped ("On
     *   Friday, Iraqi forces arrested five men, the army said");
     * - lone_agents: an agent with no actor takes one from the sentence
     *   ("the Syrian army shelled rebel positions": Syrian rebels);
     * - quote_pronouns: WE OUR US inside quotes are the speaker;
     * - nearest_source: the source is the actor nearest before the verb,
     *   after any verb before it ("the Pentagon said American aircraft
     *   struck X": the aircraft);
     * - unknown_sources: a violent event whose source the sentence does
     *   not name takes it from another event of the article on the same
     *   target, else is dropped;
     * - reported_accusations: "X said that Y attacked Z", with Z of X's
     *   country and not X itself, is also X accusing Y (1123);
     * - future_intent: "will withdraw", "will supply arms" are intent
     *   (0356, 0332): CAMEO's 03 and 13 codes for 04-08 and 14-20;
     * - places: a <PLACE> actor (a city, a province) codes only with an
     *   agent ("security forces in Basra", "the Nineveh court"), and the
     *   places of a sentence, else the article's dateline, give lone
     *   agents of home and civilian roles their country ("riot police
     *   fired tear gas at protesters" in a story from Basra);
     * - clause_subjects: a relative clause or a THAT clause whose
     *   subject is no actor has no source ("a terrorist who took part in
     *   killing policemen", "the council said that the convict
     *   confessed"): not an actor from further back. */
    int lemmas, relative, saying_abroad, main_commas, lone_agents,
        quote_pronouns, nearest_source, unknown_sources,
        reported_accusations, future_intent, places, clause_subjects;
    /* FORWARD: pronouns across records */
    int forward;
    char forward_format[32];
} kh_options;

void kh_options_init(kh_options *o);
/* PETRARCH's defaults (PETR_config.ini): no minimum length, commas 2-8,
 * never the first clause. */
void kh_options_petrarch(kh_options *o);

/* ---- the dictionary -------------------------------------------------------- */

typedef struct kh_dict_impl kh_dict_impl;   /* interners, indexes */

struct kh_dict {
    kh_dict_impl *impl;

    kh_pel *pels;        size_t npels, cap_pels;
    kh_span *alt_spans;  size_t nalt_spans, cap_alt_spans;
    kh_alt *alts;        size_t nalts, cap_alts;       /* synsets and groups */
    kh_alt_key *alt_keys;size_t nalt_keys, cap_alt_keys;
    uint32_t *alt_others;size_t nalt_others, cap_alt_others;
    kh_root *roots;      size_t nroots, cap_roots;
    kh_actor *actors;    size_t nactors, cap_actors;
    kh_dcode *dcodes;    size_t ndcodes, cap_dcodes;
    kh_agent *agents;    size_t nagents, cap_agents;
    kh_verb *verbs;      size_t nverbs, cap_verbs;
    kh_pattern *patterns;size_t npatterns, cap_patterns;
    kh_time *times;      size_t ntimes, cap_times;

    kh_options options;
    /* Ids of the function words the coder types (kh_dict_finish interns
     * them): THE A AN, WAS WERE BEEN, BY, pronouns, AND BUT OR NOR, OF IN,
     * FORMER; see classify.c for the order. */
    uint32_t fw[32];
    int nfw;
    int format;          /* enum kh_dict_format, of the last files read */
    int split_clitics;   /* text "didn't" is matched as DID N'T (PETRARCH)
                            rather than DIDN'T (TABARI) */
    size_t nwarnings;
    int scattered;       /* a verb's patterns are not contiguous (it was
                            written twice): kh_dict_finish gathers them */
    uint32_t grievance;  /* the synset &GRIEVANCE, or KH_NONE (SET:
                            REPORTED ACCUSATIONS; kh_dict_finish) */
};

enum kh_dict_format { KH_DICT_TABARI = 1, KH_DICT_PETRARCH, KH_DICT_KHALDUN };

/* Creates an empty dictionary.  Never fails (out of memory aborts). */
kh_dict *kh_dict_create(void);
void kh_dict_destroy(kh_dict *d);

/* Interns a word: upper-cased, diacritics removed, of s[0..n).  Returns
 * its id; the same text always gives the same id. */
uint32_t kh_dict_word(kh_dict *d, const char *s, size_t n);
/* The id of a word if it is interned, else KH_NONE (no insertion). */
uint32_t kh_dict_word_find(const kh_dict *d, const char *s, size_t n);
const char *kh_dict_word_text(const kh_dict *d, uint32_t id, size_t *len);

/* Interns any other string (codes, file names, synset names) as given. */
uint32_t kh_dict_str(kh_dict *d, const char *s, size_t n);
const char *kh_dict_str_text(const kh_dict *d, uint32_t id);

/* Appends to the arrays; each returns the index of the new element. */
uint32_t kh_dict_add_pel(kh_dict *d, kh_pel p);
uint32_t kh_dict_add_root(kh_dict *d, const kh_root *r);
uint32_t kh_dict_add_actor(kh_dict *d, const kh_actor *a);
uint32_t kh_dict_add_dcode(kh_dict *d, kh_dcode c);
uint32_t kh_dict_add_agent(kh_dict *d, const kh_agent *a);
uint32_t kh_dict_add_verb(kh_dict *d, const kh_verb *v);
uint32_t kh_dict_add_pattern(kh_dict *d, const kh_pattern *p);
uint32_t kh_dict_add_time(kh_dict *d, const kh_time *t);
uint32_t kh_dict_add_alt(kh_dict *d, uint32_t name);   /* an empty group */
/* Adds a phrase (a span of pels) to alternative group or synset a. */
void kh_dict_alt_add(kh_dict *d, uint32_t a, kh_span phrase);
/* The synset named name ("&CURRENCY"), or KH_NONE. */
uint32_t kh_dict_synset(const kh_dict *d, const char *name, size_t n);

/* Parses an event code ("064", "032:033", "023?", "---", "###", "+++")
 * into *out; returns 0 when it is malformed. */
int kh_dict_parse_ecode(kh_dict *d, const char *s, size_t n, kh_ecode *out);

/* Parses a phrase as the formats write it ("UNITED_STATES",
 * "SAID * TO ATTEND", "+_WAS_*_BY_$", "{ A | B }_C", "&TIETYPES TIES")
 * into pels; kind says whose rules apply (KH_ROOT_* for roots, 0 for
 * patterns and synset entries).  Returns 0 with *err (a constant message)
 * when it is malformed. */
int kh_dict_parse_phrase(kh_dict *d, const char *s, size_t n, int kind,
                         kh_span *out, const char **err);

/* TABARI's length of a span: letters, digits and connectors. */
uint32_t kh_dict_span_length(const kh_dict *d, kh_span s);

/* Builds the indexes once every file is read: sorts each verb's patterns
 * and each first word's roots longest first.  Must be called before the
 * dictionary is used; later additions need another call. */
void kh_dict_finish(kh_dict *d);

/* Roots whose first word is word id w, longest first (valid after
 * kh_dict_finish).  *n receives the count. */
const uint32_t *kh_dict_roots_of(const kh_dict *d, uint32_t w, size_t *n);
/* Whether any root's first word is a stem that is a prefix of length k of
 * some word: lets lookups skip prefix lengths that cannot match. */
int kh_dict_has_stem_len(const kh_dict *d, size_t k);

/* Date restrictions: the actor code valid on date (YYYYMMDD), or KH_NONE
 * (no default and no restriction satisfied: a null code). */
uint32_t kh_dict_actor_code(const kh_dict *d, const kh_actor *a,
                            int32_t date);

/* ---- readers ------------------------------------------------------------ */

/* Reports a problem in a dictionary file: for errors that stop a file,
 * the reader fills err and returns it; a bad line is reported through the
 * warning callback and skipped, as TABARI and PETRARCH do. */
typedef void (*kh_dict_warn_fn)(void *ctx, const kh_error *e);

/* TABARI: a .project (reads the files it names) or one .actors, .agents,
 * .verbs or .options file by extension.  Returns KH_OK or a KH_E* code. */
int kh_dict_read_tabari(kh_dict *d, const char *path, kh_dict_warn_fn warn,
                        void *ctx, kh_error *err);

/* The same from memory, for the fuzz harnesses: kind is "actors",
 * "agents", "verbs" or "options". */
int kh_dict_read_tabari_mem(kh_dict *d, const char *buf, size_t len,
                            const char *kind, const char *name,
                            kh_dict_warn_fn warn, void *ctx, kh_error *err);

/* PETRARCH: a folder (CAMEO.2.0.txt or *verbs*.txt, *actors*.txt,
 * *agents*.txt, *discards*.txt) or one of those files. */
int kh_dict_read_petrarch(kh_dict *d, const char *path, kh_dict_warn_fn warn,
                          void *ctx, kh_error *err);
int kh_dict_read_petrarch_mem(kh_dict *d, const char *buf, size_t len,
                              const char *kind, const char *name,
                              kh_dict_warn_fn warn, void *ctx,
                              kh_error *err);

/* Applies one TABARI .options line ("COMPLEX: VERBS[5] NOACTPRIOR",
 * "SET: CODE BY SENTENCE", "DEFAULT: OFF"): also used by validation
 * records.  Returns 0 when the line is not understood. */
int kh_options_apply(kh_dict *d, const char *line, size_t n);

#endif
