/*
 * petrxml.h - PETRARCH's validation records (PETR.UnitTest.records.xml).
 *
 *   <Environment> <Verbfile>..</Verbfile> ... <Include>DEMO ACTOR</Include>
 *                 <Config option="require_dyad" value="True"></Config>
 *   </Environment>
 *   <Sentences>
 *   <Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
 *   <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
 *   <Text> Arnor is about to restore ... </Text>
 *   <Parse> (ROOT (S ... </Parse>            skipped unread: never stored
 *   </Sentence>
 *   <Config option="new_actor_length" value="4"></Config>   between records
 *
 * The whole file is parsed at once into a kh_petrxml that owns every
 * string it holds (one arena).  Records keep the file's order.  A
 * <Config> met between records applies from the next record on: each
 * record names the ones met since the record before it.
 *
 * Errors.  A file that is not well formed enough to find its records
 * (an unterminated comment, tag or attribute, an end tag that closes
 * nothing, <Sentence> inside <Sentence>) fails with KH_EINPUT and err
 * filled with file, line and column.  Problems that leave the records
 * usable (a date that is not YYYYMMDD, an unknown entity, a record
 * without <Text>) go to the warning callback, as dictionary readers do.
 * Records inside <!-- --> are parsed too, marked commented; a comment
 * that does not parse is reported as a warning and skipped.
 *
 * Not thread-safe per object; distinct objects are independent.
 */
#ifndef KH_PETRXML_H
#define KH_PETRXML_H

#include "khaldun.h"

#include "../core/arena.h"

#include <stddef.h>
#include <stdint.h>

typedef void (*kh_petrxml_warn_fn)(void *ctx, const kh_error *e);

/* One expected event: the attributes as written ("ARN", "---",
 * "\"THE MINISTRY OF MAGIC\"" for a new actor's text), "" when absent. */
typedef struct kh_petr_coding {
    const char *source, *target, *event;
    long line;
} kh_petr_coding;

typedef struct kh_petr_record {
    const char *id, *date, *category, *source;   /* as written, or "" */
    int32_t ymd;              /* date as YYYYMMDD, 0 when it is not one */
    int sentence;             /* sentence="true": a sentence, not a story */
    const char *text;         /* <Text>: entities decoded, white space runs
                                 made one blank, trimmed; "" when absent */
    const kh_petr_coding *codings;   /* in file order */
    size_t ncodings;
    int noevents;             /* <EventCoding noevents="True"> */
    const char *error;        /* <EventCoding error="...">, or NULL:
                                 storydiscard, sentencediscard,
                                 bad_input_parse, dateline, ... */
    int commented;            /* inside <!-- --> */
    int skipped;              /* its category is not in <Include>, or it
                                 follows a <Stop> */
    size_t config_first, nconfig;    /* kh_petrxml.configs met since the
                                        previous record */
    long line;                /* the line of <Sentence> */
} kh_petr_record;

typedef struct kh_petr_config {
    const char *option, *value;
    long line;
    int in_env;               /* inside <Environment> */
} kh_petr_config;

typedef struct kh_petr_env {
    const char *verbfile, *actorfile, *agentfile, *discardfile, *errorfile,
        *pause;               /* as written, or NULL */
    const char **include;     /* <Include>'s categories */
    size_t ninclude;
} kh_petr_env;

typedef struct kh_petrxml {
    kh_petr_env env;
    kh_petr_record *records;
    size_t nrecords;
    kh_petr_config *configs;  /* every <Config>, <Environment>'s first */
    size_t nconfigs;
    kh_arena arena;           /* owns every string above */
} kh_petrxml;

/* Parses buf[0..len) (need not be NUL-terminated); name is used in
 * messages.  Returns NULL with err filled when the file is malformed
 * (see above).  warn may be NULL.  Free the result with kh_petrxml_free. */
kh_petrxml *kh_petrxml_parse(const char *buf, size_t len, const char *name,
                             kh_petrxml_warn_fn warn, void *ctx,
                             kh_error *err);

/* Reads and parses a file (KH_EIO when it cannot be read). */
kh_petrxml *kh_petrxml_read(const char *path, kh_petrxml_warn_fn warn,
                            void *ctx, kh_error *err);

void kh_petrxml_free(kh_petrxml *x);

#endif
