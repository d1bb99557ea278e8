/*
 * dates.c - the dates stage: absolute dates, the story date, and the
 * stage's driver.
 *
 * Works on tokens, so "January 6, 2024" is three or four tokens and a
 * number is never read out of the middle of a word.  The stage runs in
 * three steps (pipeline.c): kh_find_dates finds the absolute dates, which
 * the story date may be taken from; kh_resolve_dates finds every other
 * expression (dates_find.c) and resolves them all against the story date
 * (dates_resolve.c); kh_date_events, after the events, gives each event
 * the date that governs it (dates_events.c).
 *
 * Numeric dates: 2024-01-06 and 2024/1/6 are year first; 06.01.2024 is day
 * first (the dotted form is European and Arab); 6/1/2024 and 6-1-2024 are
 * ambiguous, and are read as the article reads its other numeric dates
 * (one with a first part over 12, 13/1/2024, says day first; one with a
 * second part over 12 says month first), else, when the article came with
 * a date, as whichever reading is nearer to it without being after it,
 * else day first: most of the world, and the Arabic press that Khaldun is
 * written for, put the day first, and wire services that do not write
 * their months in words.  Two-digit years are not read.
 */
#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
        !(t->flags & KH_TF_UPPER) || tlen(t) < 3 || tlen(t) > 9)
        return 0;
    switch (d->text[t->start]) {   /* the months' first letters */
    case 'J': case 'F': case 'M': case 'A': case 'S': case 'O': case 'N':
    case 'D':
        return kh_month_name(d->text + t->start, tlen(t));
    default:
        return 0;
    }
}

static int is_comma(const kh_doc *d, const kh_token *t)
{
    return t->kind == KH_TOK_PUNCT && tlen(t) == 1 && d->text[t->start] == ',';
}

/* The parts of a numeric date in one token: up to three runs of digits
 * split by one separator, '/', '-' or '.'.  Returns how many. */
static int num_parts(const kh_doc *d, const kh_token *t, int v[3], int len[3],
                     char *sep)
{
    const char *s = d->text + t->start;
    size_t n = tlen(t);
    int k = 0;
    *sep = 0;
    if (t->kind != KH_TOK_NUMBER || n < 6 || n > 10)
        return 0;
    v[0] = len[0] = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch >= '0' && ch <= '9') {
            if (len[k] == 4)
                return 0;
            v[k] = v[k] * 10 + (ch - '0');
            len[k]++;
        } else if ((ch == '/' || ch == '-' || ch == '.') &&
                   (!*sep || *sep == ch) && len[k] && k < 2) {
            *sep = ch;
            k++;
            v[k] = len[k] = 0;
        } else {
            return 0;
        }
    }
    return len[k] ? k + 1 : 0;
}

static int valid(int y, int m, int dd)
{
    return y >= 1800 && y < 2200 && m >= 1 && m <= 12 && dd >= 1 &&
           dd <= kh_days_in_month(y, m);
}

/* How the article writes its numeric dates: 1 day first, 2 month first,
 * 0 when none of them says. */
static int numeric_order(const kh_doc *d)
{
    int dmy = 0, mdy = 0;
    for (size_t i = 0; i < d->ntokens; i++) {
        int v[3], len[3];
        char sep;
        if (num_parts(d, &d->tokens[i], v, len, &sep) != 3 || len[2] != 4 ||
            sep == '.')
            continue;
        if (v[0] > 12 && v[0] <= 31 && v[1] <= 12)
            dmy++;
        else if (v[1] > 12 && v[1] <= 31 && v[0] <= 12)
            mdy++;
    }
    return dmy > mdy ? 1 : mdy > dmy ? 2 : 0;
}

/* A numeric date: 2024-01-06, 2024/1/6, 06.01.2024, 6/1/2024 (see the top
 * of the file for the ambiguous ones).  *order is numeric_order's,
 * computed when first needed (-1 before). */
static int numeric_of(const kh_doc *d, const kh_token *t, int *order, int *y,
                      int *m, int *dd)
{
    int v[3], len[3];
    char sep;
    if (num_parts(d, t, v, len, &sep) != 3)
        return 0;
    if (len[0] == 4) {   /* year first */
        *y = v[0], *m = v[1], *dd = v[2];
        return len[1] <= 2 && len[2] <= 2 && valid(*y, *m, *dd);
    }
    if (len[2] != 4 || len[0] > 2 || len[1] > 2)
        return 0;
    *y = v[2];
    int dmy = valid(*y, v[1], v[0]), mdy = valid(*y, v[0], v[1]);
    if (sep == '.' || !mdy || v[0] == v[1])
        mdy = 0;
    else if (dmy) {
        if (*order < 0)
            *order = numeric_order(d);
        if (*order == 2)
            dmy = 0;
        else if (*order == 0 && d->date[0]) {
            /* the reading nearer the article's date, not after it */
            long z = kh_days_from_civil(atoi(d->date), atoi(d->date + 5),
                                        atoi(d->date + 8));
            long a = z - kh_days_from_civil(*y, v[1], v[0]);
            long b = z - kh_days_from_civil(*y, v[0], v[1]);
            if ((b >= 0 && (a < 0 || b < a)) || (a < 0 && b < 0 && b > a))
                dmy = 0;
        }
    }
    if (dmy)
        *m = v[1], *dd = v[0];
    else if (mdy)
        *m = v[0], *dd = v[1];
    return dmy || mdy;
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
    x->mod = x->since = 0;
    x->time[0] = '\0';
}

int kh_find_dates(kh_doc *d)
{
    size_t cap = 0, n = d->ntokens;
    const kh_token *t = d->tokens;
    d->dates = NULL;
    d->ndates = 0;
    int order = -1;
    for (size_t i = 0; i < n; i++) {
        int y, m, dd;
        if (numeric_of(d, &t[i], &order, &y, &m, &dd)) {
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

/* The month and day of a wire dateline, "BAGHDAD, Mar 3 (Reuters) - ":
 * the text before the body on the body's first line (input offsets), a
 * comma part that is a month and a day, and a year when one follows.
 * Returns 1 when there is one. */
static int dateline_date(const kh_doc *d, int *y, int *m, int *dd)
{
    const char *s = d->input;
    size_t b = d->body_start, a = b;
    if (!s)
        return 0;
    while (a > 0 && s[a - 1] != '\n')
        a--;
    for (size_t i = a; i < b; i++) {
        if (s[i] != ',')
            continue;
        size_t j = i + 1;
        while (j < b && s[j] == ' ')
            j++;
        size_t w = j;
        while (j < b && ((s[j] >= 'A' && s[j] <= 'Z') ||
                         (s[j] >= 'a' && s[j] <= 'z') || s[j] == '.'))
            j++;
        int mm = kh_month_name(s + w, j - w);
        if (!mm)
            continue;
        while (j < b && s[j] == ' ')
            j++;
        int v = 0, k = 0;
        for (; j < b && k < 3 && s[j] >= '0' && s[j] <= '9'; j++, k++)
            v = v * 10 + (s[j] - '0');
        if (k < 1 || k > 2 || v < 1 || v > 31)
            continue;
        *m = mm, *dd = v, *y = 0;
        if (j + 1 < b && s[j] == ',')
            j++;
        while (j < b && s[j] == ' ')
            j++;
        int yy = 0;
        for (k = 0; j < b && k < 5 && s[j] >= '0' && s[j] <= '9'; j++, k++)
            yy = yy * 10 + (s[j] - '0');
        if (k == 4 && yy >= 1900 && yy <= 2999)
            *y = yy;
        return 1;
    }
    return 0;
}

/* The year of a wire dateline's "Mar 3", which wire copy leaves to the
 * feed.  With a date given to the article (--date): the year that puts
 * the dateline nearest to it.  Else from the article's latest month with
 * a year ("in November 2023"; a bare year may be a plan, "by 2030"): that
 * year (Y) or the next when the story looks back on a month later in Y
 * than the dateline's; a weekday in the lead ("agreed on Sunday") that
 * falls on the dateline in only one of the two settles it.  0 when
 * neither. */
static int dateline_year(const kh_doc *d, int m, int dd,
                         const char *given)
{
    if (given) {
        int gy = 0, gm = 0, gd = 0;
        if (sscanf(given, "%d-%d-%d", &gy, &gm, &gd) != 3 || gy < 1)
            return 0;
        long g = kh_days_from_civil(gy, gm, gd), best = -1;
        int by = 0;
        for (int y = gy - 1; y <= gy + 1; y++) {
            long diff = labs(kh_days_from_civil(y, m, dd) - g);
            if (best < 0 || diff < best)
                best = diff, by = y;
        }
        return by;
    }
    int y = 0, lm = 0, ld = 0;
    for (size_t i = 0; i < d->ndates; i++) {
        const kh_date_mention *x = &d->dates[i];
        if (!x->month)
            continue;
        if (x->year > y)
            y = x->year, lm = 0, ld = 0;
        if (x->year == y && (x->month > lm ||
                             (x->month == lm && x->day > ld)))
            lm = x->month, ld = x->day;
    }
    if (!y)
        return 0;
    unsigned wdays = 0;
    if (d->nsents) {
        const kh_sentence *st = &d->sents[0];
        for (uint32_t t = st->tok_first; t < st->tok_end; t++) {
            const kh_token *k = &d->tokens[t];
            int v;
            if (kh_dates_word(d->text + k->start, k->end - k->start, &v) ==
                DW_WDAY)
                wdays |= 1u << v;
        }
    }
    int w0 = (wdays >> kh_weekday(kh_days_from_civil(y, m, dd))) & 1;
    int w1 = (wdays >> kh_weekday(kh_days_from_civil(y + 1, m, dd))) & 1;
    if (w0 != w1)
        return w0 ? y : y + 1;
    return m > lm || (m == lm && dd >= ld) ? y : y + 1;
}

void kh_choose_story_date(kh_doc *d, const char *default_date)
{
    if (d->date[0])
        return;
    int dy, dm, dd;
    if (dateline_date(d, &dy, &dm, &dd)) {
        if (!dy)
            dy = dateline_year(d, dm, dd, default_date);
        if (dy) {
            snprintf(d->date, sizeof d->date, "%04d-%02d-%02d", dy, dm, dd);
            return;
        }
    }
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
        kh_date_format(best, d->date, sizeof d->date);
    else if (default_date) {
        size_t n = strnlen(default_date, sizeof d->date - 1);
        memcpy(d->date, default_date, n);
        d->date[n] = '\0';
    }
}

void kh_resolve_dates(kh_doc *d)
{
    kh_dexprs xs = {0};
    const kh_date_mention *abs = d->dates;
    size_t nabs = d->ndates;
    for (size_t s = 0; s < d->nsents; s++)
        kh_dates_find_sentence(d, s, abs, nabs, &xs);
    kh_dates_resolve(d, &xs);
    free(xs.v);
}

/* Writes v as `digits` decimal digits at p (years 1-9999: the resolver
 * keeps them in range); returns the end. */
static char *put_num(char *p, int v, int digits)
{
    for (int i = digits - 1; i >= 0; i--, v /= 10)
        p[i] = (char)('0' + v % 10);
    return p + digits;
}

/* Formatting is by hand: it runs for every date and every dated event, and
 * snprintf was a tenth of the stage's time. */
int kh_date_format(const kh_date_mention *x, char *out, size_t n)
{
    char b[16], *p = b;
    int y = x->year;
    if (y < 0 || y > 9999)
        y = 0;
    switch (x->gran) {
    case KH_GRAN_DAY:
        p = put_num(p, y, 4), *p++ = '-';
        p = put_num(p, x->month, 2), *p++ = '-';
        p = put_num(p, x->day, 2);
        break;
    case KH_GRAN_MONTH:
        p = put_num(p, y, 4), *p++ = '-';
        p = put_num(p, x->month, 2);
        break;
    case KH_GRAN_YEAR:
        p = put_num(p, y, 4);
        break;
    case KH_GRAN_DECADE:
        p = put_num(p, y / 10, 3), *p++ = 'X';
        break;
    case KH_GRAN_WEEK: {
        /* the ISO week of its Monday: the year of that week's Thursday */
        long th = kh_days_from_civil(x->year, x->month, x->day) + 3;
        int wy, m, dd;
        kh_civil_from_days(th, &wy, &m, &dd);
        long w = (th - kh_days_from_civil(wy, 1, 1)) / 7 + 1;
        p = put_num(p, wy, 4), *p++ = '-', *p++ = 'W';
        p = put_num(p, (int)w, 2);
        break;
    }
    default:
        break;
    }
    size_t len = (size_t)(p - b);
    if (n) {
        size_t k = len < n - 1 ? len : n - 1;
        memcpy(out, b, k);
        out[k] = '\0';
    }
    return (int)len;
}

const char *kh_date_gran_name(int gran)
{
    static const char *const names[] = {"", "day", "month", "year", "week",
                                        "decade"};
    return gran >= 0 && gran <= KH_GRAN_DECADE ? names[gran] : "";
}
