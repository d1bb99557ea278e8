/*
 * khaldun.h - the public API of libkhaldun, a news event coder.
 *
 * Khaldun turns news articles into a structured record: sentences and tokens,
 * events (who did what to whom, in CAMEO and PLOVER), quotes, entities,
 * places and dates.  This header is the only one a program needs; every
 * public name starts with kh_ (types) or KH_ (constants).
 *
 * Ownership, in one sentence: a kh_doc owns everything reachable from it
 * (one arena, freed by kh_doc_free), a kh_pipeline and a kh_reader own what
 * they hand out until they are freed, and every pointer this API returns is
 * borrowed unless its comment says the caller frees it (with free()).
 *
 * Errors, in one convention: functions that can fail return an int that is
 * KH_OK (0) on success or a negative KH_E* code, and fill the caller's
 * kh_error (when not NULL) with the code, a message and, where it applies,
 * the file, line and column of the problem.  Functions that construct an
 * object return NULL on failure and fill the kh_error the same way.
 *
 * Out of memory: libkhaldun does not try to continue when malloc fails; it
 * prints one line to stderr and calls abort().  Every other failure,
 * including input that is too large, is reported as an error.
 *
 * Threads: distinct objects may be used from distinct threads at once.  A
 * kh_pipeline is read-only once built and may be shared by threads that
 * each process their own kh_doc.
 */
#ifndef KHALDUN_H
#define KHALDUN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(KH_BUILDING) && defined(__GNUC__)
#define KH_API __attribute__((visibility("default")))
#else
#define KH_API
#endif

#define KH_VERSION "0.1.0"

/* ---- errors ------------------------------------------------------------ */

enum {
    KH_OK = 0,
    KH_EIO = -1,       /* a file could not be opened or read */
    KH_EINPUT = -2,    /* the input is malformed (message says how) */
    KH_ELIMIT = -3,    /* the input is over a configured limit */
    KH_EUSAGE = -4,    /* an argument to the API is invalid */
    KH_EEMPTY = -5,    /* an article has no text */
    KH_EBINARY = -6,   /* the input is not text */
    /* the store (err->file names the database file) */
    KH_ENOTSTORE = -20,/* the file is not a Khaldun store */
    KH_ECORRUPT = -21, /* the store is damaged */
    KH_ENEWER = -22,   /* the store was written by a newer Khaldun */
    KH_EDB = -23,      /* the database failed: locked, disk full, ... */
};

typedef struct kh_error {
    int code;           /* KH_OK or a KH_E* code */
    char file[256];     /* the file the problem is in, or "" */
    long line;          /* 1-based line, or 0 when it does not apply */
    long column;        /* 1-based column in bytes, or 0 */
    char message[512];  /* what is wrong, one line, no file/line prefix */
} kh_error;

/* Formats err as "file:line:column: message" (the parts it has) into buf of
 * size n; returns buf.  Never fails; truncates to fit. */
KH_API const char *kh_error_format(const kh_error *err, char *buf, size_t n);

/* A constant English name for a KH_E* code. */
KH_API const char *kh_strerror(int code);

/* ---- documents ----------------------------------------------------------- */

typedef struct kh_doc kh_doc;

/* Metadata of an article.  All strings are borrowed by kh_doc_new, which
 * copies them; NULL means unknown. */
typedef struct kh_meta {
    const char *id;
    const char *url;
    const char *source;
    const char *dateline;
    const char *title;
    const char *date;   /* story date, YYYY-MM-DD or YYYYMMDD */
} kh_meta;

/* Creates a document over a copy of text[0..len).  The text is the article
 * body as given: every offset this API reports is a byte offset into it.
 * The text need not be valid UTF-8; the normaliser replaces what is not.
 * Returns NULL (err filled) only when meta->date is malformed. */
KH_API kh_doc *kh_doc_new(const char *text, size_t len, const kh_meta *meta,
                          kh_error *err);

/* Frees the document and everything it owns.  NULL is a no-op. */
KH_API void kh_doc_free(kh_doc *doc);

/* Metadata accessors: borrowed strings, NULL when unknown. */
KH_API const char *kh_doc_id(const kh_doc *doc);
KH_API const char *kh_doc_url(const kh_doc *doc);
KH_API const char *kh_doc_source(const kh_doc *doc);
KH_API const char *kh_doc_dateline(const kh_doc *doc);
KH_API const char *kh_doc_title(const kh_doc *doc);
/* The story date as YYYY-MM-DD, after kh_process has looked for one. */
KH_API const char *kh_doc_date(const kh_doc *doc);

/* Where the article came from: the file name (or NULL) and, for JSON
 * Lines, the line (else 0). */
KH_API const char *kh_doc_origin(const kh_doc *doc, long *line);

/* Warnings the reader and the stages left on the document (bytes that were
 * not UTF-8, a field that was ignored, a sentence cut at the length limit):
 * one line each, no file prefix. */
KH_API size_t kh_doc_warning_count(const kh_doc *doc);
KH_API const char *kh_doc_warning(const kh_doc *doc, size_t i);

/* The input text as given, and its length. */
KH_API const char *kh_doc_input(const kh_doc *doc, size_t *len);

/* The number of input bytes that were not valid UTF-8 and were replaced by
 * U+FFFD, and the offset of the first (or -1). */
KH_API size_t kh_doc_invalid_bytes(const kh_doc *doc, long *first_offset);

/* Sentences, after kh_process: [start, end) in input bytes. */
KH_API size_t kh_doc_sentence_count(const kh_doc *doc);
KH_API int kh_doc_sentence(const kh_doc *doc, size_t i, size_t *start,
                           size_t *end);

/* Tokens, after kh_process: [start, end) in input bytes, and the kind. */
enum kh_token_kind {
    KH_TOK_WORD = 1,    /* letters, with inner hyphens or apostrophes */
    KH_TOK_NUMBER,      /* digits, with inner , . : / */
    KH_TOK_ABBREV,      /* a word with its period: U.S., Mr., Jan. */
    KH_TOK_PUNCT,       /* . , ; : ! ? ( ) [ ] and the like */
    KH_TOK_QUOTE_OPEN,  /* an opening quotation mark of any style */
    KH_TOK_QUOTE_CLOSE, /* a closing quotation mark of any style */
    KH_TOK_DASH,        /* - -- en dash, em dash between words */
    KH_TOK_SYMBOL,      /* $ % & and other symbols */
    KH_TOK_URL,         /* a URL, e-mail address, @handle or #tag */
};
KH_API size_t kh_doc_token_count(const kh_doc *doc);
KH_API int kh_doc_token(const kh_doc *doc, size_t i, size_t *start,
                        size_t *end, int *kind);
/* The first token and one past the last token of sentence i. */
KH_API int kh_doc_sentence_tokens(const kh_doc *doc, size_t i, size_t *first,
                                  size_t *last);

/* After the tag stage (KH_STAGE_TAG): token i's Penn Treebank tag ("NN",
 * "VBD", "PRP$", "-LRB-", "``") and its lower-case lemma ("go" for "went",
 * "child" for "children"); NULL when i is out of range or the stage did
 * not run.  Borrowed from the document. */
KH_API const char *kh_doc_token_tag(const kh_doc *doc, size_t i);
KH_API const char *kh_doc_token_lemma(const kh_doc *doc, size_t i);

/* Events, after kh_process with KH_STAGE_EVENTS.  Offsets are into the
 * input; a span is empty (start == end) when it has no words in the
 * sentence (a default actor).  Strings are borrowed from the document. */
typedef struct kh_event_info {
    size_t sentence;
    size_t start, end;             /* the words the event was read from */
    size_t verb_start, verb_end;
    size_t source_start, source_end;
    size_t target_start, target_end;
    const char *source;            /* actor codes, "IRQGOV" */
    const char *target;
    const char *code;              /* the event code, "190" */
    const char *rule;              /* what matched: "file:line" */
    const char *date;              /* YYYY-MM-DD, or NULL */
    int in_quote;
} kh_event_info;

KH_API size_t kh_doc_event_count(const kh_doc *doc);
KH_API int kh_doc_event(const kh_doc *doc, size_t i, kh_event_info *out);

/* ---- reading articles ---------------------------------------------------- */

typedef struct kh_reader kh_reader;

enum kh_input_format {
    KH_INPUT_AUTO = 0,  /* by extension, else by the first bytes: '{' is
                           JSON Lines, "<!DOCTYPE html" or "<html" a page,
                           "<rss", "<feed", "<rdf:RDF" (after an XML
                           declaration) a feed, anything else text */
    KH_INPUT_TEXT,      /* one article per file */
    KH_INPUT_JSONL,     /* one article per line: {"id","text",...} */
    KH_INPUT_HTML,      /* one HTML page per file (.html .htm .xhtml) */
    KH_INPUT_FEED,      /* an RSS or Atom feed: one article per item
                           (.rss .atom, or XML whose root is <rss>,
                           <feed> or <rdf:RDF>) */
};

typedef struct kh_read_opts {
    int format;             /* enum kh_input_format */
    size_t max_bytes;       /* largest article (and JSON line) accepted;
                               0 means KH_DEFAULT_MAX_BYTES */
} kh_read_opts;

#define KH_DEFAULT_MAX_BYTES ((size_t)16 << 20)

/* Opens a reader over paths[0..n): files, directories (read recursively, in
 * name order, taking .txt .text .jsonl .ndjson .json and extension-less
 * files, skipping hidden ones) and "-" for standard input.  Missing paths are
 * reported by kh_reader_next in their turn, not here.  opts may be NULL.
 * Never returns NULL. */
KH_API kh_reader *kh_reader_open(const char *const *paths, size_t n,
                                 const kh_read_opts *opts);

/* Reads the next article.  Returns 1 and sets *doc (the caller frees it
 * with kh_doc_free) when there is one; 0 at the end; a negative KH_E* code
 * when an input failed, with err filled (file, line): the reader has
 * skipped past it, so call again to go on with the rest. */
KH_API int kh_reader_next(kh_reader *r, kh_doc **doc, kh_error *err);

KH_API void kh_reader_close(kh_reader *r);

/* Parses one plain-text article from memory (the format of a single file:
 * an optional "Source – Dateline" first line, the body, an optional last
 * line that is the source URL).  name is used for the id (its base name
 * without extension) and in messages.  Returns NULL with err filled when
 * the text is empty or not text. */
KH_API kh_doc *kh_read_text(const char *buf, size_t len, const char *name,
                            kh_error *err);

/* Parses one HTML page: its readable text (that of its first <article>,
 * else <main>, else <body>; paragraphs on lines of their own; no scripts,
 * styles, navigation, asides, footers, forms or figures) with the title,
 * canonical URL, publication date and site name the page gives (<title>,
 * Open Graph, article:published_time, <time datetime>...).  The
 * document's text, and every offset, is that readable text. */
KH_API kh_doc *kh_read_html(const char *buf, size_t len, const char *name,
                            kh_error *err);

/* Parses an RSS 2.0, RSS 1.0 or Atom feed: calls cb for each item in
 * order, with its document (the full content, else the description or
 * summary, else the title; the item's link, date and guid or id; the
 * feed's title as the source), or with NULL and the error of an item
 * that has no text.  cb owns the document; a non-zero return stops.
 * Returns KH_OK, or an error when buf is not a feed or has no items. */
KH_API int kh_read_feed(const char *buf, size_t len, const char *name,
                        int (*cb)(void *ctx, kh_doc *doc,
                                  const kh_error *err),
                        void *ctx, kh_error *err);

/* Parses one JSON Lines record.  Returns NULL with err filled (column set)
 * when the line is not a JSON object with a string "text". */
KH_API kh_doc *kh_read_json(const char *buf, size_t len, const char *name,
                            long line, kh_error *err);

/* ---- dictionaries ------------------------------------------------------- */

typedef struct kh_dict kh_dict;

/* Loads event-coding dictionaries: a TABARI .project (and the files it
 * names), a folder of PETRARCH dictionaries (CAMEO.2.0.txt, Phoenix
 * actors, agents, discards), or a single file of either.  A bad line is
 * reported to warn (when not NULL) as a kh_error with file and line, and
 * skipped; a file that cannot be read fails the load.  Returns NULL with
 * err filled on failure.  The caller frees it with kh_dict_free. */
KH_API kh_dict *kh_dict_load(const char *path,
                             void (*warn)(void *ctx, const kh_error *e),
                             void *ctx, kh_error *err);
KH_API void kh_dict_free(kh_dict *dict);

/* Runs a validation suite: a TABARI validation file (with the .project of
 * the same name beside it) or a PETRARCH UnitTest XML file (with the
 * dictionaries its <Environment> names beside it).  Each failing record is
 * written to report (when not NULL) with what was expected and what was
 * coded; stats receives the counts.  Returns KH_OK when the suite ran,
 * whatever its failures, or a KH_E* code when it could not run. */
/* Event-level counts.  An event is (source, target, CAMEO code); a coded
 * event matches an expected one of the same record when all three are
 * equal (each expected event matches at most one coded event).  What does
 * not match is paired, within its record, as the first of: right actors
 * and root but another sub-code (root_matched), right actors and another
 * root (wrong_code), the same root with another source or target
 * (wrong_actor: an actor of the same country, or the two swapped); the
 * rest are missed (expected) or spurious (coded).  In a record that lists
 * only some of its events (TABARI's -{ line) a coded event that pairs
 * with none is not counted.  Precision is matched / coded, recall
 * matched / expected. */
typedef struct kh_validate_events {
    int records;         /* records expecting such events */
    int expected, coded, matched;
    int root_matched, wrong_code, wrong_actor, missed, spurious;
} kh_validate_events;

typedef struct kh_validate_stats {
    int records, passed, failed;
    int dict_warnings;   /* bad dictionary lines skipped */
    kh_validate_events events;       /* over every record */
    /* by the CAMEO root (1-20) of the code: the expected event's code,
     * but for coded and spurious, the coded event's; [0] holds codes
     * that have no root 01-20 */
    kh_validate_events by_root[21];
} kh_validate_stats;

enum {
    KH_VALIDATE_NO_TAGS = 1,   /* code without part-of-speech tags */
};

KH_API int kh_validate(const char *path, unsigned flags, FILE *report,
                       kh_validate_stats *stats, kh_error *err);

/* ---- the pipeline ------------------------------------------------------- */

typedef struct kh_pipeline kh_pipeline;

/* Stages, for kh_pipeline_opts.stages. */
enum {
    KH_STAGE_TEXT = 1 << 0,    /* normalise, sentences, tokens */
    KH_STAGE_DATES = 1 << 1,   /* dates and the story date */
    KH_STAGE_TAG = 1 << 2,     /* part-of-speech tags and lemmas (loads
                                  the model file: see data_dir) */
    KH_STAGE_EVENTS = 1 << 3,  /* events (loads the dictionaries: see
                                  dict and dict_path) */
    KH_STAGE_PLACES = 1 << 4,  /* places in the gazetteer (loads it from
                                  data_dir); each event's place */
    KH_STAGE_QUOTES = 1 << 5,  /* direct quotes and their speakers;
                                  events marked in_quote */
    KH_STAGE_ENTITIES = 1 << 6,/* people, organisations, places named */
    KH_STAGE_ALL = 0xffff,
};

typedef struct kh_pipeline_opts {
    unsigned stages;           /* KH_STAGE_* mask; 0 means KH_STAGE_ALL */
    const char *default_date;  /* story date when an article has none and
                                  its text names no full date (YYYY-MM-DD) */
    const char *data_dir;      /* folder of the model files; NULL means
                                  $KHALDUN_DATA, else the build's
                                  build/data */
    const kh_dict *dict;       /* dictionaries for the events, borrowed
                                  (they must outlive the pipeline); NULL
                                  means dict_path */
    const char *dict_path;     /* loaded by the pipeline: see kh_dict_load;
                                  NULL means $KHALDUN_DICT, else the
                                  bundled dictionaries */
    void (*dict_warn)(void *ctx, const kh_error *e);   /* bad dictionary
                                  lines, when dict_path is loaded */
    void *dict_warn_ctx;
} kh_pipeline_opts;

/* Builds a pipeline.  opts may be NULL.  Returns NULL with err filled when
 * an option is invalid, or when a stage's model cannot be loaded (the
 * message names the file). */
KH_API kh_pipeline *kh_pipeline_new(const kh_pipeline_opts *opts,
                                    kh_error *err);
KH_API void kh_pipeline_free(kh_pipeline *p);

/* Runs every stage on doc: normalise, sentences and tokens, dates, and the
 * stages that later versions add.  Safe to call once per document; returns
 * KH_OK or a KH_E* code. */
KH_API int kh_process(const kh_pipeline *p, kh_doc *doc, kh_error *err);

/* ---- output -------------------------------------------------------------- */

/* Writes doc as one line of JSON (the output contract of DESIGN.md) and a
 * newline to f.  Returns KH_OK or KH_EIO. */
KH_API int kh_write_json(const kh_doc *doc, FILE *f);

/* The same line as a string without the newline; the caller frees it. */
KH_API char *kh_doc_to_json(const kh_doc *doc, size_t *len);

/* ---- the store ----------------------------------------------------------- */

/*
 * A store is one SQLite file of coded articles: their text (searchable with
 * FTS5), sentences, events, quotes, entities, places and dates.  Events that
 * several articles report are one record with counts of mentions, sources
 * and articles, as in GDELT; every mention keeps its article and sentence.
 * The schema and its versions are described in src/store/SCHEMA.md.
 *
 * Ownership: kh_store_close frees the store.  The records that query
 * functions hand to their callback (kh_store_event, kh_store_mention,
 * kh_store_hit, kh_store_count, kh_store_place) and every string in them
 * are borrowed and valid only during that call of the callback.  A callback
 * returns 0 to go on and anything else to stop early (the query function
 * then returns KH_OK).  Strings documented as "the caller frees" are
 * malloc'd.
 *
 * Errors: the convention of this header.  A file that is not a store gives
 * KH_ENOTSTORE, a damaged one KH_ECORRUPT, one written by a newer Khaldun
 * KH_ENEWER, each with err->file set and the file left as it was; SQLite's
 * own failures (a lock held too long, a full disk) give KH_EDB.  A bad
 * filter or query gives KH_EUSAGE with a message that says what to write.
 *
 * Durability: the store runs in WAL mode; what a commit returned for is
 * kept if the process is then killed (kill -9 included).  A power failure
 * may lose the last commits, never the file.
 *
 * Threads: a kh_store is one database connection: use it from one thread
 * at a time, and open one per thread.  Any number of readers and one
 * writer may use a file at once, from threads or processes.
 */
typedef struct kh_store kh_store;

enum {
    KH_STORE_READONLY = 1 << 0, /* never write (an older schema is then an
                                   error, not upgraded) */
    KH_STORE_CREATE = 1 << 1,   /* create the file when it does not exist */
    KH_STORE_NOCHECK = 1 << 2,  /* skip the check of every page before the
                                   first write (see kh_store_open) */
};

/* Opens the store at path (":memory:" for one in memory), checking that it
 * is a Khaldun store of a schema this version reads before anything is
 * written; an older schema is upgraded (in one transaction) unless
 * KH_STORE_READONLY.  Opened for writing, an existing store is first
 * checked page by page (PRAGMA quick_check: some seconds per GB) unless
 * KH_STORE_NOCHECK, so that nothing is built on a damaged file.  Returns
 * NULL with err filled on failure. */
KH_API kh_store *kh_store_open(const char *path, unsigned flags,
                               kh_error *err);

/* Closes the store, rolling back a batch left open.  A store that
 * articles were stored through, and whose events have doubled since, first
 * refreshes the query planner's statistics (about two seconds per million
 * events).  NULL is a no-op. */
KH_API void kh_store_close(kh_store *s);

/* The schema version this library writes. */
KH_API int kh_store_schema_version(void);

/* Batches: kh_store_ingest outside a batch commits each article on its
 * own; between kh_store_begin and kh_store_commit the articles are
 * committed together, which is much faster.  kh_store_rollback drops what
 * the batch added. */
KH_API int kh_store_begin(kh_store *s, kh_error *err);
KH_API int kh_store_commit(kh_store *s, kh_error *err);
KH_API void kh_store_rollback(kh_store *s);

enum kh_ingest_status {
    KH_INGEST_ADDED = 1,        /* stored */
    KH_INGEST_NEAR_DUPLICATE,   /* stored, and linked to its first copy */
    KH_INGEST_SAME_ID,          /* not stored: an article with this id, */
    KH_INGEST_SAME_URL,         /* this URL, */
    KH_INGEST_SAME_TEXT,        /* or this text is stored already */
};

typedef struct kh_ingest_result {
    int status;           /* enum kh_ingest_status */
    int64_t article;      /* the article's key in the store (for a
                             duplicate, the key of the one stored) */
    int64_t first_copy;   /* a near duplicate's first copy, else 0 */
    size_t events;        /* event mentions stored from this article */
    size_t new_events;    /* of those, events no article had reported */
} kh_ingest_result;

/* Stores an article.  When the store already has it (the same id, URL or
 * text: the body with white space folded) nothing is added and doc is left
 * unprocessed.  Else doc is run through p (unless it was processed
 * already; p may then be NULL) and stored with everything found in it; an
 * article that shares about 3/4 or more of its 3-word shingles with a
 * stored one (MinHash: a syndicated copy with small edits) is stored and
 * linked to that one's first copy.  Each event joins the record of the
 * same day, actors, code and place, or starts one.  All of it in one
 * transaction, or in the open batch: a store error then rolls the whole
 * batch back (and closes it), so that a batch is all or nothing. */
KH_API int kh_store_ingest(kh_store *s, const kh_pipeline *p, kh_doc *doc,
                           kh_ingest_result *res, kh_error *err);

typedef struct kh_store_stats {
    int schema;                 /* the file's schema version */
    int64_t articles, near_duplicates, sentences, events, mentions,
        sources, places, quotes, entities, dates;
    char first_day[11], last_day[11];   /* event dates, "" when none */
} kh_store_stats;

KH_API int kh_store_stats_get(kh_store *s, kh_store_stats *st,
                              kh_error *err);

/* Orders of kh_event_filter.order. */
enum {
    KH_ORDER_NEWEST = 0,   /* by date, newest first (undated last) */
    KH_ORDER_OLDEST,       /* by date, oldest first */
    KH_ORDER_MENTIONS,     /* most mentioned first */
    KH_ORDER_ID,           /* in the order they were stored (exports) */
};

/* Which events a query takes: every field that is set must match.  Actor
 * fields take an actor code or its start in capitals ("USA" matches USA,
 * USAGOV, USAMIL) or, when they have a lower-case letter or a space, words
 * of a name as an article wrote it ("prime minister"), matched as a phrase
 * in any mention. */
typedef struct kh_event_filter {
    int64_t id;            /* one event by its id, or 0 */
    const char *actor;     /* the source or the target */
    const char *source;
    const char *target;
    const char *cameo;     /* "19", "190", "1951": the code and those under
                              it */
    const char *root;      /* "19": the CAMEO root */
    const char *plover;    /* "ASSAULT" (any case) */
    int quad;              /* 1 verbal cooperation .. 4 material conflict;
                              0 any */
    const char *country;   /* ISO 3166-1 alpha-3: the event's place is in
                              it, or an actor's code starts with it */
    const char *place;     /* a place's name, any case */
    const char *since;     /* YYYY, YYYY-MM or YYYY-MM-DD: from the start */
    const char *until;     /* of that period, to the end of that period */
    int64_t article;       /* events this article reports (its key), or 0 */
    size_t limit;          /* at most this many (0: all) */
    size_t offset;         /* after skipping this many */
    int order;             /* KH_ORDER_* */
    /* Keyset paging: the last event of the previous page (its day and
     * id; after_id 0: from the start).  The page then starts after it in
     * the order (newest, oldest or id; not mentions), found by an index
     * seek whatever the depth, where an offset reads every row it skips.
     * Counts and aggregates ignore it. */
    int32_t after_day;
    int64_t after_id;
} kh_event_filter;

/* An event record.  Strings are NULL when unknown; codes "" when the coder
 * left the actor empty. */
typedef struct kh_store_event {
    int64_t id;
    const char *date;            /* YYYY-MM-DD, or coarser as coded:
                                    2024-W06, 2024-02, 2024, 199X */
    int32_t day;                 /* YYYYMMDD: the date's first day; 0 */
    const char *source, *target; /* actor codes */
    const char *source_name, *target_name;  /* as first written */
    const char *source_country, *target_country;   /* ISO alpha-3 */
    const char *cameo;           /* "190" */
    const char *root;            /* "19" */
    int quad;                    /* 1..4, 0 when the code is not CAMEO's */
    double goldstein;            /* -10..10; 0 when quad is 0 */
    const char *plover;          /* "ASSAULT" */
    const char *place;           /* the place's name */
    const char *place_country;   /* ISO alpha-3 */
    const char *place_admin1;    /* ISO 3166-2 */
    int place_kind;              /* 1 country, 2 region, 3 city; 0 none */
    double lat, lon;             /* valid when place is not NULL */
    uint32_t geonameid;          /* 0 when none */
    int64_t mentions, sources, articles;   /* who reported it */
    int is_root;                 /* first reported in an article's lead */
    int64_t article;             /* the first article that reported it */
    const char *article_id;      /* its id as given */
    const char *url;             /* its URL */
    const char *added;           /* when first stored: YYYY-MM-DDTHH:MM:SSZ */
} kh_store_event;

/* Runs the filter and calls cb for each event, in f->order.  f may be NULL
 * (every event).  A page (f->limit) in date order costs milliseconds on a
 * store of a million events whatever the filter (src/store/SCHEMA.md says
 * how); to know whether more match, ask for one more than you show.  The
 * order by mentions, and no limit, read every match. */
KH_API int kh_store_events(kh_store *s, const kh_event_filter *f,
                           int (*cb)(void *ctx, const kh_store_event *ev),
                           void *ctx, kh_error *err);

/* The number of events the filter matches (limit and offset ignored),
 * counting no further than max when max > 0: a count of a few thousand
 * takes milliseconds, a count of every event of a large store a
 * noticeable time (all its matches are read). */
KH_API int kh_store_count_events(kh_store *s, const kh_event_filter *f,
                                 int64_t max, int64_t *n, kh_error *err);

/* One article's report of an event: where it is, in the article's input
 * offsets, and what the coder read. */
typedef struct kh_store_mention {
    int64_t event;
    int64_t article;             /* the article's key */
    const char *article_id;      /* its id as given */
    const char *article_source;  /* the source that published it */
    const char *article_date;    /* its story date, YYYY-MM-DD */
    const char *url;
    size_t sentence;             /* index of the sentence in the article */
    size_t sentence_start, sentence_end;
    const char *sentence_text;   /* that sentence (len: end - start) */
    size_t start, end;           /* the words the event was read from */
    const char *source_text, *target_text, *verb;   /* as written; NULL
                                                       when none */
    const char *rule;            /* what matched, "file:line" */
    int in_quote;
} kh_store_mention;

/* Calls cb for the mentions of an event, oldest article first, at most
 * limit of them (0: all). */
KH_API int kh_store_mentions(kh_store *s, int64_t event, size_t limit,
                             int (*cb)(void *ctx, const kh_store_mention *m),
                             void *ctx, kh_error *err);

/* Full-text search over the articles. */
typedef struct kh_search_opts {
    const char *query;     /* see kh_store_search_query */
    const char *since;     /* the article's date: as in kh_event_filter */
    const char *until;
    const char *source;    /* the article's source, any case */
    size_t limit;          /* 0: 20 */
    size_t offset;
    const char *mark_open; /* put around matched words in snippets; NULL: */
    const char *mark_close;/* "[" and "]" */
    int duplicates;        /* 1: list near duplicates too (else only first
                              copies) */
} kh_search_opts;

typedef struct kh_store_hit {
    int64_t article;       /* the article's key */
    const char *article_id, *title, *source, *date, *url;
    const char *snippet;   /* the best passage, matched words marked */
    double rank;           /* bm25: lower is better */
    int64_t events;        /* events it reports (kh_event_filter.article) */
    int64_t first_copy;    /* a near duplicate's first copy, else 0 */
} kh_store_hit;

/* Calls cb for each article that matches, best first. */
KH_API int kh_store_search(kh_store *s, const kh_search_opts *o,
                           int (*cb)(void *ctx, const kh_store_hit *h),
                           void *ctx, kh_error *err);

/* Translates a search as users write it into SQLite FTS5 syntax: words
 * (every one must match; "word*" matches its start), "quoted phrases",
 * OR between two terms (either), -term (must not match).  Letters' case
 * and accents do not count.  Returns the FTS5 query (the caller frees), or
 * NULL with err filled (KH_EUSAGE: no words, an unclosed quote, only
 * excluded terms, more than 64 terms). */
KH_API char *kh_store_search_query(const char *query, kh_error *err);

/* Parses a date range as users write it: "2024", "2024-01", "2024-01-06",
 * "FROM..TO" (either side may be empty: "2024-01..", "..2024-03") into the
 * first and last day it covers, as YYYY-MM-DD.  Returns KH_OK, or
 * KH_EUSAGE with err saying what is wrong. */
KH_API int kh_store_parse_dates(const char *range, char from[11],
                                char to[11], kh_error *err);

/* One article as the JSON object of `khaldun code` (DESIGN.md), plus its
 * "text" (the input, which every offset points into) and a "store" object:
 * {"key", "first_copy", "ingested"}; each event has an "event" field, the
 * id of its record.  The caller frees; NULL with err filled when there is
 * no such article. */
KH_API char *kh_store_article_json(kh_store *s, int64_t article, size_t *len,
                                   kh_error *err);

/* The key of the article with this id as given; KH_EINPUT when there is
 * none. */
KH_API int kh_store_article_key(kh_store *s, const char *id, int64_t *key,
                                kh_error *err);

/* Groups of kh_store_timeline. */
enum { KH_GROUP_QUAD = 1, KH_GROUP_ROOT, KH_GROUP_NONE };
enum { KH_PERIOD_DAY = 1, KH_PERIOD_MONTH, KH_PERIOD_YEAR };

typedef struct kh_store_count {
    const char *key;      /* the group: "1".."4", a root "19", an actor
                             code; NULL with KH_GROUP_NONE */
    const char *name;     /* a name for it: the quad class, the root's
                             label, an actor's most common name */
    const char *period;   /* "2024-01-06", "2024-01", "2024"; NULL in
                             kh_store_top_actors */
    int64_t events;       /* event records */
    int64_t mentions;     /* their mentions */
    int64_t capped;       /* 0: the counts are exact; else they are over
                             the last `capped` matches stored only (see
                             kh_store_timeline) */
} kh_store_count;

/* Counts of the events a filter matches (limit and order ignored) by
 * period and group, in period order; undated events are left out.  With
 * no filter but dates, the counts by day answer exactly in milliseconds.
 * With another filter, the counts of this and of kh_store_top_actors and
 * kh_store_places are over the last KH_AGG_CAP matches stored (the
 * highest ids: the newest, in a store ingested in date order), so that
 * they take milliseconds on a million events: exact when fewer match,
 * and each row's `capped` says when more did. */
#define KH_AGG_CAP 10000
KH_API int kh_store_timeline(kh_store *s, const kh_event_filter *f,
                             int group, int period,
                             int (*cb)(void *ctx, const kh_store_count *c),
                             void *ctx, kh_error *err);

/* The n actor codes (source or target) of most events the filter
 * matches, most first; name is the name articles wrote most often for
 * the code (as source or target) in its newest 200 events of each role. */
KH_API int kh_store_top_actors(kh_store *s, const kh_event_filter *f,
                               size_t n,
                               int (*cb)(void *ctx, const kh_store_count *c),
                               void *ctx, kh_error *err);

typedef struct kh_store_place {
    int64_t id;
    const char *name, *country, *admin1;
    int kind;                /* 1 country, 2 region, 3 city */
    double lat, lon;
    uint32_t geonameid;
    int64_t events, mentions;
    int64_t capped;          /* as in kh_store_count */
} kh_store_place;

/* The n places of most events the filter matches, most first. */
KH_API int kh_store_places(kh_store *s, const kh_event_filter *f, size_t n,
                           int (*cb)(void *ctx, const kh_store_place *p),
                           void *ctx, kh_error *err);

/* Output formats of events. */
enum kh_event_format {
    KH_FORMAT_JSONL = 1,   /* one JSON object per line */
    KH_FORMAT_CSV,         /* RFC 4180, with a header line */
    KH_FORMAT_GDELT,       /* GDELT 2.0's event table: 61 tab-separated
                              columns, no header (README says which we
                              fill) */
};

/* The event as one JSON object (no newline); the caller frees. */
KH_API char *kh_store_event_json(const kh_store_event *ev, size_t *len);

/* The mention as one JSON object (no newline); the caller frees. */
KH_API char *kh_store_mention_json(const kh_store_mention *m, size_t *len);

/* Writes the events a filter matches to out in a format (the header line
 * first, for CSV).  With KH_EXPORT_MENTIONS, each JSON Lines event has a
 * "mention_list" array of its mentions.  Returns KH_OK, KH_EIO when out
 * fails, or the query's error. */
enum { KH_EXPORT_MENTIONS = 1 };
KH_API int kh_store_export(kh_store *s, const kh_event_filter *f,
                           int format, unsigned flags, FILE *out,
                           kh_error *err);

/* Writes one event in a format: the line and its newline.  The CSV header
 * line comes from kh_store_write_header (nothing for the others). */
KH_API int kh_store_write_event(FILE *out, int format,
                                const kh_store_event *ev);
KH_API int kh_store_write_header(FILE *out, int format);

#ifdef __cplusplus
}
#endif
#endif
