/*
 * dates_scan.h - what the scanner of date expressions (dates_find.c) and
 * its times of day (dates_time.c) share: a sentence's words with their
 * classes, and small readers of them.  Private to those two files.
 */
#ifndef KH_DATES_SCAN_H
#define KH_DATES_SCAN_H

#include "dates.h"
#include "../tag/tag.h"

#include <string.h>
#include <strings.h>

#define MAXT 512   /* sentences are at most 300 tokens (text.h) */

typedef struct {
    uint8_t cls;
    int8_t val;
    uint8_t cap;       /* capitalised word */
    uint8_t head;      /* an expression may start here */
    int32_t abs;       /* index in the absolute dates starting here, -1 */
    uint32_t abs_end;  /* its end token (relative), when abs >= 0 */
} tinfo;

typedef struct {
    kh_doc *d;
    const kh_token *t;      /* the sentence's first token */
    size_t n;               /* its tokens */
    uint32_t sent;
    const kh_date_mention *abs;
    kh_dexprs *out;
    size_t used;            /* tokens before this one are in an expression */
    size_t first_out;       /* this sentence's first expression in out */
    tinfo ti[MAXT];
} kh_dscan;

/* What was read before the head. */
typedef struct {
    size_t start;      /* the first token of the expression */
    int the;           /* "the" came first */
    int mod;           /* KH_DMOD_* */
    int of;            /* "the end of": the head may take "the" */
    int rel;           /* DW_LAST, DW_NEXT, DW_THIS, DW_COMING, DW_PAST,
                          DW_PREVIOUS, DW_FOLLOWING, DW_SAME, DW_THAT */
    int comp;          /* DW_EARLIER or DW_LATER ("earlier this week") */
} prefix;

/* ---- tokens ------------------------------------------------------------ */

static inline size_t tlen(const kh_token *t) { return t->end - t->start; }

static inline int cls(const kh_dscan *c, size_t i)
{
    return i < c->n ? c->ti[i].cls : DW_NONE;
}

static inline int cval(const kh_dscan *c, size_t i) { return c->ti[i].val; }

static inline int is_punct(const kh_dscan *c, size_t i, char ch)
{
    return i < c->n && c->t[i].kind == KH_TOK_PUNCT && tlen(&c->t[i]) == 1 &&
           c->d->text[c->t[i].start] == ch;
}

static inline int is_prep(const kh_dscan *c, size_t i, int p)
{
    return cls(c, i) == DW_PREP && cval(c, i) == p;
}

static inline int word_is(const kh_dscan *c, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i < c->n && tlen(&c->t[i]) == n &&
           strncasecmp(c->d->text + c->t[i].start, w, n) == 0;
}

static inline int tag(const kh_dscan *c, size_t i)
{
    return i < c->n ? c->t[i].tag : 0;
}

/* The value of a plain number token of up to 3 digits, else -1. */
static inline int small_num(const kh_dscan *c, size_t i)
{
    if (i >= c->n || c->t[i].kind != KH_TOK_NUMBER || tlen(&c->t[i]) > 3)
        return -1;
    const char *s = c->d->text + c->t[i].start;
    int v = 0;
    for (size_t k = 0; k < tlen(&c->t[i]); k++) {
        if (s[k] < '0' || s[k] > '9')
            return -1;
        v = v * 10 + (s[k] - '0');
    }
    return v;
}

/* A day of the month: 1-31 with an optional st, nd, rd, th; *ord says
 * whether it had one. */
static inline int day_num(const kh_dscan *c, size_t i, int *ord)
{
    *ord = 0;
    if (i >= c->n || c->t[i].kind != KH_TOK_NUMBER)
        return 0;
    const char *s = c->d->text + c->t[i].start;
    size_t n = tlen(&c->t[i]), k = 0;
    int v = 0;
    while (k < n && k < 2 && s[k] >= '0' && s[k] <= '9')
        v = v * 10 + (s[k++] - '0');
    if (k == 0)
        return 0;
    if (k < n) {
        if (n - k != 2 || (strncasecmp(s + k, "st", 2) &&
                           strncasecmp(s + k, "nd", 2) &&
                           strncasecmp(s + k, "rd", 2) &&
                           strncasecmp(s + k, "th", 2)))
            return 0;
        *ord = 1;
    }
    return v >= 1 && v <= 31 ? v : 0;
}

/* A four-digit year 1800-2199 written alone in its token. */
static inline int year_num(const kh_dscan *c, size_t i)
{
    if (i >= c->n || c->t[i].kind != KH_TOK_NUMBER || tlen(&c->t[i]) != 4)
        return 0;
    const char *s = c->d->text + c->t[i].start;
    int v = 0;
    for (int k = 0; k < 4; k++) {
        if (s[k] < '0' || s[k] > '9')
            return 0;
        v = v * 10 + (s[k] - '0');
    }
    return v >= 1800 && v < 2200 ? v : 0;
}

/* "1990s": the decade's first year. */
static inline int decade_num(const kh_dscan *c, size_t i)
{
    if (i >= c->n || tlen(&c->t[i]) != 5)
        return 0;
    const char *s = c->d->text + c->t[i].start;
    if (s[4] != 's' || s[3] != '0')
        return 0;
    int v = 0;
    for (int k = 0; k < 4; k++) {
        if (s[k] < '0' || s[k] > '9')
            return 0;
        v = v * 10 + (s[k] - '0');
    }
    return v >= 1800 && v < 2200 ? v : 0;
}

/* A month name written with a capital. */
static inline int month_at(const kh_dscan *c, size_t i)
{
    return cls(c, i) == DW_MONTH && c->ti[i].cap ? cval(c, i) : 0;
}

/* "mid-October" or "mid-2014" in one token: the month (1-12) or the
 * year. */
static inline int mid_token(const kh_dscan *c, size_t i)
{
    if (i >= c->n || c->t[i].kind != KH_TOK_WORD || tlen(&c->t[i]) < 7)
        return 0;
    const char *s = c->d->text + c->t[i].start;
    size_t n = tlen(&c->t[i]);
    if (strncasecmp(s, "mid-", 4) != 0)
        return 0;
    if (s[4] >= 'A' && s[4] <= 'Z')
        return kh_month_name(s + 4, n - 4);
    if (n == 8) {
        int v = 0;
        for (int k = 4; k < 8; k++) {
            if (s[k] < '0' || s[k] > '9')
                return 0;
            v = v * 10 + (s[k] - '0');
        }
        return v >= 1800 && v < 2200 ? v : 0;
    }
    return 0;
}

/* Words that end a clause for future(): that, which, because ..., and
 * quotation marks. */
static inline int clause_edge(const kh_dscan *c, size_t k)
{
    int x = c->ti[k].cls;
    return x == DW_THAT || x == DW_SUB || x == DW_REL ||
           c->t[k].kind == KH_TOK_QUOTE_OPEN ||
           c->t[k].kind == KH_TOK_QUOTE_CLOSE;
}

/* Token k looks forward: "will", "would", "expected", or any modal ("may
 * not be known until Wednesday", "could meet on Friday"), but a modal of
 * the past: "would not comment on Sunday", "could not attend", "might
 * have met". */
static inline int future_word(const kh_dscan *c, size_t k)
{
    if (c->ti[k].cls != DW_FUT && c->t[k].tag != KH_POS_MD)
        return 0;
    if (word_is(c, k + 1, "have") || word_is(c, k + 1, "'ve"))
        return 0;
    if ((word_is(c, k, "would") || word_is(c, k, "could")) &&
        (word_is(c, k + 1, "not") || word_is(c, k + 1, "n't")))
        return 0;
    return 1;
}

/* The expression's clause looks forward: a word of the future among the
 * ten words before it or the four after it, in its clause ("said on
 * Friday that talks would go on" speaks of a past Friday). */
static inline int future(const kh_dscan *c, size_t i0, size_t i1)
{
    for (size_t k = i0, lo = i0 > 10 ? i0 - 10 : 0; k-- > lo;) {
        if (future_word(c, k))
            return 1;
        if (clause_edge(c, k))
            break;
    }
    for (size_t k = i1; k < c->n && k < i1 + 4; k++) {
        if (future_word(c, k))
            return 1;
        if (clause_edge(c, k))
            break;
    }
    return 0;
}

/* A capitalised word that is no date word: "March Street", "Sunday
 * Times". */
static inline int name_word(const kh_dscan *c, size_t i)
{
    return i < c->n && c->ti[i].cap && c->ti[i].cls == DW_NONE &&
           c->t[i].kind == KH_TOK_WORD;
}

/* ---- times of day (dates_time.c) ----------------------------------------- */

/* A time of day at i: "12 noon", "3:30 p.m.", "dawn", "the evening" ...;
 * returns its end, 0 when there is none. */
size_t kh_dscan_time_at(const kh_dscan *c, size_t i, uint8_t *part,
                        int16_t *clock);

/* Joins to the day x at [*start, *end) the time written with it, after or
 * before it, and moves the span's ends. */
void kh_dscan_attach_time(const kh_dscan *c, kh_dexpr *x, size_t *start,
                          size_t *end);

/* The end of a time of day written alone at i ("at 12 noon Iraq time"),
 * else 0. */
size_t kh_dscan_skip_time(const kh_dscan *c, size_t i);

#endif
