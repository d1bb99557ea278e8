/*
 * petrarch.h - the PETRARCH dictionary reader's internal interface.
 *
 * petrarch.c         files and folders, the line reader (comments), the
 *                    helpers the formats share (words, plurals, codes)
 * petrarch_nouns.c   actors, agents, discards
 * petrarch_verbs.c   synsets, verb blocks, verb forms, patterns
 *
 * Everything read goes into the model of dict.h; nothing here is kept
 * after a file is read, except the counts of kh_petr_stats.
 */
#ifndef KH_PETRARCH_H
#define KH_PETRARCH_H

#include "dict.h"

#include <stddef.h>
#include <stdint.h>

/* What a read found, for tests and benchmarks: the caller zeroes it, and
 * each file read adds to it. */
typedef struct kh_petr_stats {
    size_t files;            /* dictionary files read */
    size_t lines;            /* physical lines of those files */
    size_t warnings;         /* malformed lines reported (and skipped) */
    /* verbs */
    size_t synsets;          /* &NAME definitions */
    size_t synset_members;   /* + lines of synsets that were stored */
    size_t blocks;           /* --- headers */
    size_t verbs;            /* verb lines stored (each a kh_verb) */
    size_t verb_forms;       /* KH_ROOT_VERB roots */
    size_t patterns;         /* patterns stored */
    size_t transformations;  /* ~ lines: counted, not stored (see
                                petrarch_verbs.c) */
    /* actors */
    size_t actors;           /* synonym groups with a phrase (kh_actor) */
    size_t actor_phrases;    /* KH_ROOT_ACTOR roots */
    size_t dcodes;           /* codes and date restrictions */
    /* agents */
    size_t agents;           /* agent lines stored (kh_agent) */
    size_t agent_forms;      /* KH_ROOT_AGENT roots: forms and plurals */
    size_t macros;           /* !MACRO! = definitions */
    /* discards */
    size_t discards;         /* KH_ROOT_DISCARD roots */
} kh_petr_stats;

/* kh_dict_read_petrarch and kh_dict_read_petrarch_mem with statistics
 * (st may be NULL). */
int kh_petr_read(kh_dict *d, const char *path, kh_dict_warn_fn warn,
                 void *ctx, kh_petr_stats *st, kh_error *err);
int kh_petr_read_mem(kh_dict *d, const char *buf, size_t len,
                     const char *kind, const char *name, kh_dict_warn_fn warn,
                     void *ctx, kh_petr_stats *st, kh_error *err);

/* ---- shared by the readers of each kind -------------------------------- */

/* Words longer than this are reported (our interner folds 256 bytes). */
#define KH_PETR_MAX_WORD 200
/* Elements in one phrase or pattern: a bound on what one line can cost. */
#define KH_PETR_MAX_PELS 256

/* The state of one file being read. */
typedef struct kh_petr_rd {
    kh_dict *d;
    const char *name;
    uint32_t file;           /* string id of name */
    long line;               /* the line being read, 1-based */
    kh_dict_warn_fn warn;
    void *ctx;
    kh_petr_stats *st;       /* never NULL inside the readers */
    const char *p, *end;     /* what is left of the buffer */
    int in_comment;          /* inside <!-- ... --> */
    long comment_line;       /* where that comment began */
    char *buf;               /* the current line, comments blanked */
    size_t cap;
} kh_petr_rd;

/* A small vector of pels, built before a phrase is committed. */
typedef struct kh_pvec {
    kh_pel *v;
    size_t n, cap;
} kh_pvec;

void kh_pvec_push(kh_pvec *v, kh_pel p);
/* Appends v's pels to the dictionary; returns their span. */
kh_span kh_pvec_commit(kh_dict *d, const kh_pvec *v);

/* Reports a malformed line (file, current line, column col or 0) through
 * the warning callback, and counts it. */
void kh_petr_bad(kh_petr_rd *r, long col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The next line that is not blank once comments are removed: # and ;
 * start a comment to the end of the line, <!-- ... --> may span lines,
 * and a line that starts with <! (not <!--) is a comment, as PETRARCH
 * reads them.  Comments are replaced by blanks, so columns stay those of
 * the file; trailing blanks are removed.  *s points into r->buf.
 * Returns 0 at the end of the buffer. */
int kh_petr_next_line(kh_petr_rd *r, const char **s, size_t *n);

void kh_petr_trim(const char **s, size_t *n);

/* Splits a noun phrase (actor, agent, discard) at blanks, underscores
 * and hyphens into exact words, each after the first right after the one
 * before it (PETRARCH matches these phrases as runs of consecutive
 * words).  col is the phrase's column, for messages.  Returns 0 (with a
 * warning) when the phrase is empty or a word is malformed. */
int kh_petr_words(kh_petr_rd *r, const char *s, size_t n, long col,
                  kh_pvec *out);

/* Commits pels as a root of kind with payload; returns the root. */
uint32_t kh_petr_add_root(kh_petr_rd *r, const kh_pvec *pels, int kind,
                          uint32_t payload);

/* The regular plural of word id w as PETRARCH forms it (S, IES, ES; see
 * petrarch.c), or KH_NONE when the word takes none. */
uint32_t kh_petr_plural(kh_dict *d, uint32_t w);

/* An event code, as kh_dict_parse_ecode, and also ":173" (only the
 * paired event, target acting on source: code is KH_NONE). */
int kh_petr_ecode(kh_dict *d, const char *s, size_t n, kh_ecode *out);

void kh_petr_read_actors(kh_petr_rd *r);
void kh_petr_read_agents(kh_petr_rd *r);
void kh_petr_read_discards(kh_petr_rd *r);
void kh_petr_read_verbs(kh_petr_rd *r);

#endif
