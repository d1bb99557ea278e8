/*
 * dates.c - the dates stage: absolute dates written in the text.
 *
 * Works on tokens, so "January 6, 2024" is three or four tokens and a
 * number is never read out of the middle of a word.  Relative expressions
 * ("on Friday", "a day after") need a story date to resolve against; this
 * file finds what the story date can be taken from, the full dates.
 */
#include "extract.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

int kh_month_name(const char *s, size_t n)
{
    static const char *const names[] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    if (n > 0 && s[n - 1] == '.')
        n--;   /* Jan. */
    if (n < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(names[m]);
        if (n == full && strncasecmp(s, names[m], n) == 0)
            return m + 1;
        /* Three-letter abbreviations, and Sept. */
        if ((n == 3 || (m == 8 && n == 4)) && strncasecmp(s, names[m], n) == 0)
            return m + 1;
    }
    return 0;
}

static size_t tlen(const kh_token *t) { return t->end - t->start; }

/* A day number: 1-31 with an optional st/nd/rd/th. */
static int day_of(const kh_doc *d, const kh_token *t)
{
    if (t->kind != KH_TOK_NUMBER)
        return 0;
    const char *s = d->text + t->start;
    size_t n = tlen(t), i = 0;
    int v = 0;
    while (i < n && i < 2 && s[i] >= '0' && s[i] <= '9')
        v = v * 10 + (s[i++] - '0');
    if (i == 0)
        return 0;
    if (i < n) {
        if (n - i != 2)
            return 0;
        const char *suf = s + i;
        if (strncasecmp(suf, "st", 2) && strncasecmp(suf, "nd", 2) &&
            strncasecmp(suf, "rd", 2) && strncasecmp(suf, "th", 2))
            return 0;
    }
    return v >= 1 && v <= 31 ? v : 0;
}

/* A four-digit year from 1800 to 2199. */
static int year_of(const kh_doc *d, const kh_token *t)
{
    if (t->kind != KH_TOK_NUMBER || tlen(t) != 4)
        return 0;
    const char *s = d->text + t->start;
    int v = 0;
    for (int i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    return v >= 1800 && v < 2200 ? v : 0;
}

static int month_of(const kh_doc *d, const kh_token *t)
{
    if ((t->kind != KH_TOK_WORD && t->kind != KH_TOK_ABBREV) ||
        !(t->flags & KH_TF_UPPER))
        return 0;
    return kh_month_name(d->text + t->start, tlen(t));
}

static int is_comma(const kh_doc *d, const kh_token *t)
{
    return t->kind == KH_TOK_PUNCT && tlen(t) == 1 && d->text[t->start] == ',';
}

/* 2024-01-06 or 2024/01/06 in one token. */
static int iso_of(const kh_doc *d, const kh_token *t, int *y, int *m, int *dd)
{
    if (t->kind != KH_TOK_NUMBER || tlen(t) != 10)
        return 0;
    const char *s = d->text + t->start;
    if (!((s[4] == '-' && s[7] == '-') || (s[4] == '/' && s[7] == '/')))
        return 0;
    if (sscanf(s, "%4d", y) != 1 || sscanf(s + 5, "%2d", m) != 1 ||
        sscanf(s + 8, "%2d", dd) != 1)
        return 0;
    return *y >= 1800 && *y < 2200 && *m >= 1 && *m <= 12 && *dd >= 1 &&
           *dd <= kh_days_in_month(*y, *m);
}

static void add(kh_doc *d, size_t *cap, const kh_token *a, const kh_token *b,
                int y, int m, int dd)
{
    if (dd && dd > kh_days_in_month(y, m))
        return;
    if (d->ndates == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        d->dates = kh_arena_grow(&d->arena, d->dates, *cap * sizeof *d->dates,
                                 ncap * sizeof *d->dates);
        *cap = ncap;
    }
    kh_date_mention *x = &d->dates[d->ndates++];
    x->start = a->start;
    x->end = b->end;
    x->year = (int16_t)y;
    x->month = (int8_t)m;
    x->day = (int8_t)dd;
    x->gran = dd ? KH_GRAN_DAY : KH_GRAN_MONTH;
    x->relative = 0;
    x->sentence = 0;   /* set by kh_resolve_dates */
}

int kh_find_dates(kh_doc *d)
{
    size_t cap = 0, n = d->ntokens;
    const kh_token *t = d->tokens;
    d->dates = NULL;
    d->ndates = 0;
    for (size_t i = 0; i < n; i++) {
        int y, m, dd;
        if (iso_of(d, &t[i], &y, &m, &dd)) {
            add(d, &cap, &t[i], &t[i], y, m, dd);
            continue;
        }
        if ((m = month_of(d, &t[i])) != 0 && i + 1 < n) {
            /* January 6, 2024 / January 6 2024 / January 2024 */
            if ((dd = day_of(d, &t[i + 1])) != 0) {
                size_t k = i + 2;
                if (k < n && is_comma(d, &t[k]))
                    k++;
                if (k < n && (y = year_of(d, &t[k])) != 0) {
                    add(d, &cap, &t[i], &t[k], y, m, dd);
                    i = k;
                }
            } else if ((y = year_of(d, &t[i + 1])) != 0) {
                add(d, &cap, &t[i], &t[i + 1], y, m, 0);
                i++;
            }
            continue;
        }
        /* 6 January 2024 / 6th of January, 2024 */
        if ((dd = day_of(d, &t[i])) != 0 && i + 2 < n) {
            size_t k = i + 1;
            if (tlen(&t[k]) == 2 && strncmp(d->text + t[k].start, "of", 2) == 0)
                k++;
            if (k + 1 < n && (m = month_of(d, &t[k])) != 0) {
                size_t j = k + 1;
                if (is_comma(d, &t[j]) && j + 1 < n)
                    j++;
                if ((y = year_of(d, &t[j])) != 0) {
                    add(d, &cap, &t[i], &t[j], y, m, dd);
                    i = j;
                }
            }
        }
    }
    return KH_OK;
}

void kh_choose_story_date(kh_doc *d, const char *default_date)
{
    if (d->date[0])
        return;
    const kh_date_mention *best = NULL;
    for (size_t i = 0; i < d->ndates; i++) {
        const kh_date_mention *x = &d->dates[i];
        if (x->gran != KH_GRAN_DAY)
            continue;
        if (!best || x->year > best->year ||
            (x->year == best->year &&
             (x->month > best->month ||
              (x->month == best->month && x->day > best->day))))
            best = x;
    }
    if (best)
        snprintf(d->date, sizeof d->date, "%04u-%02u-%02u",
                 (unsigned)best->year % 10000u, (unsigned)best->month % 100u,
                 (unsigned)best->day % 100u);
    else if (default_date)
        snprintf(d->date, sizeof d->date, "%s", default_date);
}

/* The sentence of each date; relative dates are the dates stage's next
 * step (issue 6). */
void kh_resolve_dates(kh_doc *d)
{
    size_t s = 0;
    for (size_t i = 0; i < d->ndates; i++) {
        kh_date_mention *x = &d->dates[i];
        while (s + 1 < d->nsents && d->sents[s].end <= x->start)
            s++;
        x->sentence = (uint32_t)s;
    }
}

/* Each event takes the date written in its own sentence, else keeps the
 * story date the coder gave it. */
void kh_date_events(kh_doc *d)
{
    for (size_t i = 0; i < d->nevents; i++) {
        kh_event *e = &d->events[i];
        for (size_t k = 0; k < d->ndates; k++) {
            const kh_date_mention *x = &d->dates[k];
            if (x->sentence != e->sentence || x->gran != KH_GRAN_DAY)
                continue;
            snprintf(e->date, sizeof e->date, "%04u-%02u-%02u",
                     (unsigned)x->year % 10000u, (unsigned)x->month % 100u,
                     (unsigned)x->day % 100u);
            e->date_ref = (int32_t)k;
            break;
        }
    }
}
