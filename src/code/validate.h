/* validate.h - running the TABARI and PETRARCH validation suites. */
#ifndef KH_VALIDATE_H
#define KH_VALIDATE_H

#include "khaldun.h"

#include <stdio.h>

struct kh_tag_model;

typedef struct kh_validate_report {
    FILE *out;           /* failures and dictionary warnings, or NULL */
    const struct kh_tag_model *tagger;   /* tags the records, or NULL */
    int records, passed, failed;
    int dict_warnings;
    kh_validate_events ev, by_root[21];   /* see kh_validate_events */
} kh_validate_report;

int kh_validate_tabari(const char *path, kh_validate_report *rep,
                       kh_error *err);
int kh_validate_petrarch(const char *path, kh_validate_report *rep,
                         kh_error *err);
/* The records of a TABARI validation file in memory, against d. */
void kh_validate_tabari_records(kh_dict *d, const char *buf, size_t len,
                                kh_validate_report *rep);

/* ---- shared by the runners (validate.c) -------------------------------- */

#include "../core/buf.h"
#include "code.h"

typedef struct kh_vexpect {
    char src[KH_CODE_LEN], tgt[KH_CODE_LEN], code[16];
} kh_vexpect;

int kh_vexpect_cmp(const void *a, const void *b);
/* The CAMEO root of a code (1-20: "0256" is 2, "190" is 19), or 0. */
int kh_vroot(const char *code);
/* Adds one record's events to rep->ev and rep->by_root: want[0..nw) the
 * expected events, got[0..ng) those coded (both in any order); partial:
 * the record lists only some of its events, so a coded event that pairs
 * with none is left out. */
void kh_vscore(kh_validate_report *rep, const kh_vexpect *want, int nw,
               const kh_vexpect *got, int ng, int partial);
/* The unit's events as a sorted list; returns how many (at most max). */
int kh_vgot(const kh_unit *u, kh_vexpect *got, int max);
/* "{ A / B / 064 } ..." or "{+++} (why)" for what the unit coded. */
void kh_vdescribe(kh_buf *b, const kh_unit *u);
/* Codes text as one unit, as the suites' own coders do; the caller frees
 * the document returned (the unit's events point into it). */
kh_doc *kh_vcode(kh_unit *u, const kh_dict *d, const char *text,
                 int32_t date, const struct kh_tag_model *tagger);

#endif
