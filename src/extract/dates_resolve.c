/*
 * dates_resolve.c - date expressions to calendar dates.
 *
 * Relative expressions resolve against the story date:
 *   - a weekday is the last such day on or before it ("on Friday"; the
 *     story's own weekday is the story date), or the next on or after it
 *     when the clause speaks of the future ("will meet on Friday"); "last
 *     Friday" is strictly before, "next Friday" strictly after;
 *   - a month or a month and day without a year ("in March", "January
 *     5") is the latest one on or before the story date (the next one in
 *     the future tense); "on the 5th" is the 5th of the story's month, or
 *     of the month before when the 5th is still to come;
 *   - yesterday, last week, last month, last year, two days ago, early
 *     this month ... count from the story date in their unit, and keep the
 *     unit as the granularity (a week is an ISO week).
 * Narrative expressions resolve against the date the article was last at:
 *   - "two days later", "a day earlier", "the next day", "the same day"
 *     count from the previous date of day granularity written in the
 *     article (a "since" date excepted), else from the story date; but
 *     "the same day" or "that night" after a noun that an earlier dated
 *     sentence has ("claimed the attack on the same night") is that
 *     sentence's day;
 *   - "a day after <something>" dates the something, one day before the
 *     date of the main clause: "Israel struck on Tuesday, a day after
 *     Hamas fired rockets" puts the rockets on Monday.  The main clause's
 *     date is another date of day granularity in the same sentence; else,
 *     when the main clause names what an earlier dated sentence told ("The
 *     formation of the committee comes a day after ..." after "Baghdad
 *     announced, on Friday (January 5, 2024), the formation of a
 *     committee"), that sentence's date; else the story date (the news of
 *     the day: "The protests come a week after ...").  A main clause with
 *     no noun of its own ("It came a day after ...") takes the previous
 *     date.
 * Without a story date only what needs none is kept: absolute dates,
 * years, decades, and narrative expressions after an absolute date.
 */
#include "dates.h"
#include "../tag/tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int have;
    long z;            /* the story date as a day number */
    int y, m, d;
} story;

static void set_day(kh_date_mention *o, long z)
{
    int y, m, d;
    kh_civil_from_days(z, &y, &m, &d);
    o->year = (int16_t)y, o->month = (int8_t)m, o->day = (int8_t)d;
    o->gran = KH_GRAN_DAY;
}

static void set_month(kh_date_mention *o, int y, int m)
{
    long k = (long)y * 12 + (m - 1);
    o->year = (int16_t)(k / 12);
    o->month = (int8_t)(k % 12 + 1);
    o->day = 0;
    o->gran = KH_GRAN_MONTH;
}

static void set_week(kh_date_mention *o, long z)
{
    set_day(o, z - kh_weekday(z));
    o->gran = KH_GRAN_WEEK;
}

static void set_year(kh_date_mention *o, int y, int gran)
{
    o->year = (int16_t)y, o->month = 0, o->day = 0;
    o->gran = (uint8_t)gran;
}

/* n units from day z (a story or anchor date). */
static void shift(kh_date_mention *o, long z, int unit, int n)
{
    int y, m, d;
    kh_civil_from_days(z, &y, &m, &d);
    switch (unit) {
    case KH_GRAN_WEEK:
        set_week(o, z + 7L * n);
        break;
    case KH_GRAN_MONTH:
        set_month(o, y, m + n);
        break;
    case KH_GRAN_YEAR:
        set_year(o, y + n, KH_GRAN_YEAR);
        break;
    default:
        set_day(o, z + n);
    }
}

static int in_range(int y) { return y >= 1 && y < 10000; }

/* Resolves x against the story date; 0 when it cannot be. */
static int resolve_story(const kh_dexpr *x, const story *s,
                         kh_date_mention *o)
{
    switch (x->kind) {
    case DR_ABS:
        o->year = (int16_t)x->y, o->month = (int8_t)x->m;
        o->day = (int8_t)x->d, o->gran = x->gran;
        return 1;
    case DR_YEAR:
        set_year(o, x->y, KH_GRAN_YEAR);
        return 1;
    case DR_DECADE:
        set_year(o, x->y, KH_GRAN_DECADE);
        return 1;
    default:
        break;
    }
    if (!s->have)
        return 0;
    o->relative = 1;
    int y, m;
    switch (x->kind) {
    case DR_WDAY: {
        int back = (kh_weekday(s->z) - x->w + 7) % 7;
        int fwd = (x->w - kh_weekday(s->z) + 7) % 7;
        long z = x->dir == DD_PAST   ? s->z - back
                 : x->dir == DD_LAST ? s->z - (back ? back : 7)
                 : x->dir == DD_FUT  ? s->z + fwd
                                     : s->z + (fwd ? fwd : 7);
        set_day(o, z);
        return 1;
    }
    case DR_MD: {
        int after = x->m > s->m || (x->m == s->m && x->d > s->d);
        int same = x->m == s->m && x->d == s->d;
        y = s->y;
        if (x->dir == DD_PAST && after)
            y--;
        else if (x->dir == DD_LAST && (after || same))
            y--;
        else if (x->dir == DD_FUT && !after && !same)
            y++;
        else if (x->dir == DD_NEXT && !after)
            y++;
        if (!in_range(y) || x->d > kh_days_in_month(y, x->m))
            return 0;
        set_day(o, kh_days_from_civil(y, x->m, x->d));
        return 1;
    }
    case DR_MONTH:
        y = s->y;
        if ((x->dir == DD_PAST && x->m > s->m) ||
            (x->dir == DD_LAST && x->m >= s->m))
            y--;
        else if ((x->dir == DD_FUT && x->m < s->m) ||
                 (x->dir == DD_NEXT && x->m <= s->m))
            y++;
        set_month(o, y, x->m);
        return 1;
    case DR_DOM: {
        /* unit: 1 when the month is written ("of last month", n) */
        int dm = x->unit ? x->n
                 : x->dir == DD_FUT || x->dir == DD_NEXT ? (x->d < s->d)
                                                         : -(x->d > s->d);
        long k = (long)s->y * 12 + (s->m - 1) + dm;
        y = (int)(k / 12), m = (int)(k % 12 + 1);
        if (!in_range(y) || x->d > kh_days_in_month(y, m))
            return 0;
        set_day(o, kh_days_from_civil(y, m, x->d));
        return 1;
    }
    case DR_STORY:
        shift(o, s->z, x->unit, x->n);
        return 1;
    case DR_WEEKEND:   /* this week's when the story is on one */
        shift(o, s->z, KH_GRAN_WEEK, kh_weekday(s->z) >= 5 ? 0 : -1);
        return 1;
    default:
        return 0;
    }
}

/* A mention a narrative expression can count from. */
static int anchor_ok(const kh_date_mention *o, int done)
{
    return done && o->gran == KH_GRAN_DAY && !o->since;
}

/* The lemma of token i, lower case: the tagger's, else the word. */
static void lemma_of(const kh_doc *d, size_t i, char *out, size_t n)
{
    const char *l = d->lemma ? d->lemma[i] : NULL;
    if (l) {
        snprintf(out, n, "%s", l);
        return;
    }
    const kh_token *t = &d->tokens[i];
    size_t k = 0;
    for (; k + 1 < n && k < t->end - t->start; k++) {
        char ch = d->text[t->start + k];
        out[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    out[k] = '\0';
}

/* For "N after <clause>" with no date in its sentence: the sentence of the
 * latest date before it (among o[0..i)) that holds a noun of the main
 * clause (the words before the expression; the last `window` of them when
 * window is not 0).  Returns that date's index, n when none holds one,
 * n + 1 when the main clause has no noun. */
static size_t told_before(const kh_doc *d, const kh_dexpr *x,
                          const kh_date_mention *o, const kh_dexpr *xs,
                          const uint8_t *done, size_t i, size_t n,
                          size_t window)
{
    enum { MAXN = 8 };
    char nouns[MAXN][32];
    size_t nn = 0;
    const kh_sentence *st = &d->sents[x->sentence];
    size_t from = st->tok_first;
    if (window && x->t0 > window)
        from += x->t0 - window;
    for (size_t k = from; k < st->tok_first + x->t0 && nn < MAXN; k++) {
        const kh_token *t = &d->tokens[k];
        if ((t->tag == KH_POS_NN || t->tag == KH_POS_NNS) &&
            t->end - t->start >= 4)
            lemma_of(d, k, nouns[nn++], sizeof nouns[0]);
    }
    if (!nn)
        return n + 1;
    uint32_t seen = UINT32_MAX;
    for (size_t k = i; k-- > 0;) {
        if (!anchor_ok(&o[k], done[k]) || xs[k].sentence == seen ||
            xs[k].sentence == x->sentence)
            continue;
        seen = xs[k].sentence;
        const kh_sentence *sk = &d->sents[seen];
        for (size_t j = sk->tok_first; j < sk->tok_end; j++) {
            const kh_token *t = &d->tokens[j];
            if (t->kind != KH_TOK_WORD || t->end - t->start < 4)
                continue;
            char l[32];
            lemma_of(d, j, l, sizeof l);
            size_t a = 0;
            while (a < nn && strcmp(l, nouns[a]) != 0)
                a++;
            if (a == nn)
                continue;
            /* the word's own date: the nearest in its sentence, "a day
             * after" counting only for the words after it */
            long w = (long)(j - sk->tok_first), bd = 0;
            size_t best = n;
            for (size_t q = 0; q <= k; q++) {
                if (xs[q].sentence != seen || !anchor_ok(&o[q], done[q]) ||
                    (xs[q].kind == DR_AFTER && (long)xs[q].t0 > w))
                    continue;
                long dist = labs((long)xs[q].t0 - w);
                if (best == n || dist < bd)
                    best = q, bd = dist;
            }
            return best < n ? best : k;
        }
    }
    return n;
}


void kh_dates_resolve(kh_doc *d, kh_dexprs *xs)
{
    story s = {0};
    const char *ds = d->date;   /* YYYY-MM-DD, checked by whoever set it */
    if (ds[0] && strlen(ds) == 10) {
        s.y = atoi(ds), s.m = atoi(ds + 5), s.d = atoi(ds + 8);
        s.have = in_range(s.y) && s.m >= 1 && s.m <= 12 && s.d >= 1 &&
                 s.d <= kh_days_in_month(s.y, s.m);
        s.z = kh_days_from_civil(s.y, s.m, s.d);
    }
    size_t n = xs->n;
    kh_date_mention *o = n ? kh_arena_alloc(&d->arena, n * sizeof *o) : NULL;
    uint8_t *done = n ? kh_arena_alloc(&d->arena, n) : NULL;
    for (size_t i = 0; i < n; i++) {
        const kh_dexpr *x = &xs->v[i];
        memset(&o[i], 0, sizeof o[i]);
        o[i].start = x->start, o[i].end = x->end;
        o[i].sentence = x->sentence;
        o[i].mod = x->mod, o[i].since = x->since;
        if (x->clock >= 0)
            snprintf(o[i].time, sizeof o[i].time, "%02d:%02d", x->clock / 60,
                     x->clock % 60);
        else if (x->part)
            snprintf(o[i].time, sizeof o[i].time, "%s",
                     kh_dates_part_name[x->part]);
        done[i] = x->kind != DR_ANCHOR && x->kind != DR_AFTER &&
                  resolve_story(x, &s, &o[i]);
    }
    /* Narrative expressions, in the order they are read. */
    for (size_t i = 0; i < n; i++) {
        const kh_dexpr *x = &xs->v[i];
        if (x->kind != DR_ANCHOR && x->kind != DR_AFTER)
            continue;
        long z = 0;
        int have = 0;
        if (x->kind == DR_AFTER) {
            /* the main clause's date: the nearest in the same sentence */
            size_t best = n;
            for (size_t k = 0; k < n; k++) {
                if (k == i || xs->v[k].sentence != x->sentence ||
                    xs->v[k].kind == DR_AFTER || !anchor_ok(&o[k], done[k]))
                    continue;
                long dist = (long)xs->v[k].t0 - (long)x->t0;
                long bd = best < n ? (long)xs->v[best].t0 - (long)x->t0 : 0;
                if (best == n || labs(dist) < labs(bd))
                    best = k;
            }
            if (best == n) {
                best = told_before(d, x, o, xs->v, done, i, n, 0);
                if (best == n && s.have)
                    z = s.z, have = 1;
            }
            if (best < n) {
                z = kh_days_from_civil(o[best].year, o[best].month,
                                       o[best].day);
                have = 1;
            }
        }
        if (x->kind == DR_ANCHOR && x->n == 0) {
            /* "claimed the attack on the same night": the night of the
             * attack told before, when a noun just before says which */
            size_t k = told_before(d, x, o, xs->v, done, i, n, 6);
            if (k < n) {
                z = kh_days_from_civil(o[k].year, o[k].month, o[k].day);
                have = 1;
            }
        }
        for (size_t k = i; !have && k-- > 0;) {
            if (anchor_ok(&o[k], done[k])) {
                z = kh_days_from_civil(o[k].year, o[k].month, o[k].day);
                have = 1;
            }
        }
        if (!have && s.have)
            z = s.z, have = 1;
        if (!have)
            continue;
        shift(&o[i], z, x->unit, x->n);
        o[i].relative = 1;
        done[i] = in_range(o[i].year);
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (done[i] && in_range(o[i].year))
            o[k++] = o[i];
    d->dates = o;
    d->ndates = k;
}
