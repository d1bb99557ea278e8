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
    KH_INPUT_AUTO = 0,  /* by extension (.jsonl .ndjson .json), else by the
                           first byte: '{' means JSON Lines */
    KH_INPUT_TEXT,      /* one article per file */
    KH_INPUT_JSONL,     /* one article per line: {"id","text",...} */
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

#ifdef __cplusplus
}
#endif
#endif
