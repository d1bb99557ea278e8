/*
 * dates_find.c - the date expressions of one sentence, before resolution.
 *
 * Each word of the sentence is classed once (dates_words.c), then a
 * left-to-right scan tries, at each word, the one grammar of date
 * expressions below and keeps the longest match:
 *
 *     expr   := prefix* head time?
 *     prefix := the | early | mid | late | earlier | later
 *             | the end/beginning/start/middle of (the)?
 *             | last | next | this | coming | previous | following | same
 *     head   := weekday | yesterday | today | tomorrow | tonight
 *             | unit (week, month, year ...) | part of day (night ...)
 *             | month | month day | day (of)? month | year | decade
 *             | the Nth | N units ago/later/earlier/after/before
 *     time   := at 12 noon (Iraq time) | at 3:30 p.m. | night | evening ...
 *
 * An absolute date (found earlier by kh_find_dates) is a head too, and a
 * weekday written with one ("on Saturday (January 6, 2024)") makes one
 * expression with it: the absolute date wins.  A time of day (dates_time.c)
 * joins the day it is written with, before or after it ("at dawn today", "on the evening
 * of Friday", "Sunday night"); alone ("at 12 noon Iraq time") it names no
 * date and is skipped, so that its numbers are never read as a day or a
 * year.
 *
 * What is not a date, and why the rules below look where they look:
 * "May" the modal and "March" the verb are months only with a day number
 * or a preposition before them ("in March", "since May"); "Sunday Times",
 * "Good Friday", "Baghdad Today" (a capitalised word next to the weekday
 * or "today", or the article's own source name) are names; "Fridays" is a
 * habit; a four-digit number is a year only after a preposition of time
 * ("in 2014", "since 2003") or as an adjective ("the 2014 elections"), and
 * never before a plural noun ("2000 troops"); "2,500" is never one.
 * Spans leave out the preposition ("on", "in", "at", "since"): "since" is
 * kept as a flag instead.
 */
#include "dates_scan.h"

/* ---- expressions ------------------------------------------------------- */

static kh_dexpr *push(kh_dscan *c, size_t t0, size_t t1, int kind)
{
    kh_dexprs *o = c->out;
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 16;
        o->v = kh_xrealloc(o->v, o->cap * sizeof *o->v);
    }
    kh_dexpr *x = &o->v[o->n++];
    memset(x, 0, sizeof *x);
    x->t0 = (uint32_t)t0;
    x->t1 = (uint32_t)t1;
    x->kind = (uint8_t)kind;
    x->clock = -1;
    x->sentence = c->sent;
    return x;
}


static size_t read_prefix(const kh_dscan *c, size_t i, prefix *p)
{
    memset(p, 0, sizeof *p);
    p->start = i;
    size_t k = i;
    if (cls(c, k) == DW_THE)
        p->the = 1, k++;
    int x = cls(c, k);
    if (x == DW_EARLY || x == DW_MID || x == DW_LATE) {
        p->mod = x == DW_EARLY ? KH_DMOD_EARLY
                 : x == DW_MID ? KH_DMOD_MID : KH_DMOD_LATE;
        k++;
        if (x != DW_MID && is_prep(c, k, DP_ON) && cls(c, k + 1) == DW_WDAY)
            k++;   /* late on Saturday */
    } else if ((x == DW_END || x == DW_BEGIN || x == DW_MIDDLE) && p->the &&
               is_prep(c, k + 1, DP_OF)) {
        p->mod = x == DW_END ? KH_DMOD_LATE
                 : x == DW_BEGIN ? KH_DMOD_EARLY : KH_DMOD_MID;
        p->of = 1;
        p->the = 0;
        k += 2;
        if (cls(c, k) == DW_THE)
            p->the = 1, k++;
    } else if ((x == DW_EARLIER || x == DW_LATER) && !p->the) {
        p->comp = x;
        k++;
        if (is_prep(c, k, DP_IN) && cls(c, k + 1) == DW_THE)
            k += 2, p->the = 1;   /* earlier in the week */
    }
    x = cls(c, k);
    if (x == DW_LAST || x == DW_NEXT || x == DW_THIS || x == DW_COMING ||
        x == DW_PAST || x == DW_PREVIOUS || x == DW_FOLLOWING ||
        x == DW_SAME || x == DW_THAT) {
        p->rel = x;
        k++;
        if (x == DW_THIS && cls(c, k) == DW_COMING)
            p->rel = DW_COMING, k++;
    }
    return k;
}

/* The direction of a weekday, month or day of the month. */
static int direction(const kh_dscan *c, const prefix *p, size_t h1)
{
    switch (p->rel) {
    case DW_LAST: case DW_PAST: case DW_PREVIOUS:
        return DD_LAST;
    case DW_NEXT: case DW_COMING: case DW_FOLLOWING:
        return DD_NEXT;
    default:
        return future(c, p->start, h1) ? DD_FUT : DD_PAST;
    }
}

/* Words that name the period a year is of: "the summer of 2014". */
static int period_noun(const kh_dscan *c, size_t i)
{
    static const char *const w[] = {"summer", "spring", "autumn", "winter",
                                    "fall", "half", "quarter", "year"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (word_is(c, i, w[k]))
            return 1;
    return 0;
}

/* Nouns that a year may stand before as an adjective although they are
 * plural: "the 2014 elections". */
static int event_plural(const kh_dscan *c, size_t i)
{
    static const char *const w[] = {"elections", "polls", "games", "talks",
                                    "protests", "riots", "floods", "accords",
                                    "negotiations", "uprisings", "olympics"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (word_is(c, i, w[k]))
            return 1;
    return 0;
}

/* The expression ending at token 'prev_end' just before i, when it is a
 * year or a month: "between 2014 and 2016", "from March to May". */
static int range_before(const kh_dscan *c, size_t i, int kind)
{
    if (c->out->n <= c->first_out || i < 2)
        return 0;
    const kh_dexpr *x = &c->out->v[c->out->n - 1];
    return x->t1 == i - 1 && (x->kind == kind || x->kind == DR_ABS);
}

/* The preposition or word before the expression allows a bare year or
 * month there. */
static int time_context(const kh_dscan *c, const prefix *p, int kind)
{
    if (p->mod || p->rel || p->comp)
        return 1;
    size_t s = p->start;
    if (s == 0)
        return 0;
    if (cls(c, s - 1) != DW_PREP)   /* before 2014, after 2003 */
        return kind == DR_YEAR && (cls(c, s - 1) == DW_BEFORE ||
                                   cls(c, s - 1) == DW_AFTER);
    switch (cval(c, s - 1)) {
    case DP_IN: case DP_SINCE: case DP_BY: case DP_UNTIL: case DP_DURING:
    case DP_FROM: case DP_THROUGH: case DP_BETWEEN: case DP_AROUND:
        return 1;
    case DP_TO: case DP_AND:
        return range_before(c, s, kind);
    case DP_FOR:   /* planned for 2007; not "for 2000 people" (a noun) */
        return kind == DR_YEAR;
    case DP_OF:
        return s >= 2 && period_noun(c, s - 2);
    default:
        return 0;
    }
}

/* A weekday at h is a name, not a date: "Good Friday", "the Sunday
 * Times", "Bloody Sunday". */
static int weekday_is_name(const kh_dscan *c, const prefix *p, size_t h)
{
    if (p->start < h)
        return 0;   /* "last Friday", "early Sunday" */
    if (h > 0 && cls(c, h - 1) == DW_EVERY)
        return 1;   /* "every Friday": a habit */
    if (h > 0 && name_word(c, h - 1))
        return 1;
    if (name_word(c, h + 1) && h > 0 &&
        (cls(c, h - 1) == DW_THE || cls(c, h - 1) == DW_NUM ||
         word_is(c, h - 1, "'s") || word_is(c, h - 1, "\xe2\x80\x99s")))
        return 1;
    return 0;
}

/* "today" in the article's own source name ("Baghdad today"), or
 * "Today" after a capitalised word ("Russia Today", "USA Today"). */
static int today_is_name(const kh_dscan *c, size_t h)
{
    if (h > 0 && c->ti[h].cap && c->ti[h - 1].cap &&
        c->t[h - 1].kind == KH_TOK_WORD)
        return 1;
    const char *src = c->d->source;
    if (!src)
        return 0;
    size_t n = strlen(src);
    uint32_t end = c->t[h].end;
    return n > 5 && end >= n && strncasecmp(src + n - 5, "today", 5) == 0 &&
           strncasecmp(c->d->text + end - n, src, n) == 0;
}

/* A weekday, month and day, or day and month, without a year at i:
 * "January 5", "5 January", "5th of January".  Returns the end. */
static size_t month_day_at(const kh_dscan *c, size_t i, int *m, int *dd)
{
    int ord;
    if ((*m = month_at(c, i)) != 0 && (*dd = day_num(c, i + 1, &ord)) != 0 &&
        !name_word(c, i + 2) &&
        !year_num(c, i + 2) && !(is_punct(c, i + 2, ',') && year_num(c, i + 3)))
        return i + 2;
    if ((*dd = day_num(c, i, &ord)) != 0) {
        size_t k = i + 1;
        if (is_prep(c, k, DP_OF))
            k++;
        if ((*m = month_at(c, k)) != 0 && !name_word(c, k + 1))
            return k + 1;   /* not "12 of March Street" */
    }
    return 0;
}

/* ---- the grammar ------------------------------------------------------- */
/* Closes an expression: its time, its "since", its byte span. */
static size_t finish(kh_dscan *c, kh_dexpr *x, size_t start, size_t end)
{
    int day = x->kind == DR_MD || x->kind == DR_DOM || x->kind == DR_WDAY ||
              (x->kind == DR_ABS && x->gran == KH_GRAN_DAY) ||
              ((x->kind == DR_STORY || x->kind == DR_ANCHOR) &&
               x->unit == KH_GRAN_DAY);
    if (day)   /* a time of day joins a day, nothing coarser */
        kh_dscan_attach_time(c, x, &start, &end);
    if (start > 0 && is_prep(c, start - 1, DP_SINCE))
        x->since = 1;
    x->t0 = (uint32_t)start;
    x->t1 = (uint32_t)end;
    x->start = c->t[start].start;
    x->end = c->t[end - 1].end;
    c->used = end;
    return end;
}

/* The absolute date that starts at token k, taken whole. */
static kh_dexpr *take_abs(kh_dscan *c, size_t k, size_t start, size_t *end)
{
    const kh_date_mention *a = &c->abs[c->ti[k].abs];
    kh_dexpr *x = push(c, start, c->ti[k].abs_end, DR_ABS);
    x->y = a->year, x->m = a->month, x->d = a->day, x->gran = a->gran;
    *end = c->ti[k].abs_end;
    return x;
}

/* The weekday at h, with what comes after it. */
static size_t weekday(kh_dscan *c, const prefix *p0, size_t h)
{
    prefix pp = *p0, *p = &pp;
    if (p->rel == DW_THAT || p->rel == DW_SAME || p->rel == DW_FOLLOWING ||
        p->rel == DW_PREVIOUS) {
        p->start = h;   /* "announced that Monday, March 11, ..." */
        p->rel = 0;
        p->mod = 0;
    }
    if (weekday_is_name(c, p, h))
        return 0;
    size_t k = h + 1;
    uint8_t part = 0;
    int16_t clock = -1;
    size_t e;
    if (cls(c, k) == DW_PART &&
        (e = kh_dscan_time_at(c, k, &part, &clock)) != 0)
        k = e;
    /* Saturday (January 6, 2024); Friday, 5/1/2024; Friday, corresponding
     * to January 5: the absolute date wins. */
    size_t j = k, close = 0;
    if (is_punct(c, j, '('))
        j++, close = 1;
    else if (is_punct(c, j, ','))
        j++;
    if (cls(c, j) == DW_CORR && is_prep(c, j + 1, DP_TO))
        j += 2;
    int m, dd;
    size_t me;
    kh_dexpr *x;
    if (j < c->n && c->ti[j].abs >= 0) {
        x = take_abs(c, j, p->start, &e);
        if (close && is_punct(c, e, ')'))
            e++;
    } else if ((me = month_day_at(c, j, &m, &dd)) != 0) {
        x = push(c, p->start, me, DR_MD);
        x->m = m, x->d = dd;
        x->dir = (uint8_t)direction(c, p, me);
        e = me;
        if (close && is_punct(c, e, ')'))
            e++;
    } else {
        x = push(c, p->start, k, DR_WDAY);
        x->w = cval(c, h);
        x->dir = (uint8_t)direction(c, p, k);
        e = k;
    }
    x->part = part, x->clock = clock;
    if (p->mod == KH_DMOD_EARLY || p->mod == KH_DMOD_LATE)
        x->mod = (uint8_t)p->mod;
    return finish(c, x, p->start, e);
}

/* N units ago / later / earlier / after / before, at h (the number, or
 * the unit when none is written: "the day after", "hours later"). */
static size_t offset(kh_dscan *c, const prefix *p, size_t h)
{
    int num = -1;
    size_t u = h;
    if (cls(c, h) == DW_NUM)
        num = cval(c, h), u = h + 1;
    else if (small_num(c, h) > 0)
        num = small_num(c, h), u = h + 1;
    if (cls(c, u) != DW_UNIT)
        return 0;
    int unit = cval(c, u);
    if (num < 0) {
        if (p->the && unit == KH_GRAN_DAY && word_is(c, u, "day"))
            num = 1;       /* the day after */
        else if (unit == DU_HOUR)
            num = 0;       /* hours later */
        else
            return 0;      /* "days later": how many? */
    } else if (p->the || p->rel) {
        return 0;          /* "the two days after", "the last two days" */
    }
    size_t w = u + 1;
    int rel = cls(c, w);
    int bare = w + 1 >= c->n || c->t[w + 1].kind == KH_TOK_PUNCT ||
               c->t[w + 1].kind == KH_TOK_QUOTE_CLOSE;
    if (unit == DU_HOUR) {   /* 48 hours later: two days; minutes: none */
        num = word_is(c, u, "hours") || word_is(c, u, "hour") ? num / 24 : 0;
        unit = KH_GRAN_DAY;
    } else if (unit == KH_GRAN_WEEK && rel != DW_AGO) {
        num *= 7;   /* "a week later" is a day: the anchor's, 7 on */
        unit = KH_GRAN_DAY;
    }
    kh_dexpr *x;
    if (rel == DW_AGO) {
        x = push(c, p->start, w + 1, DR_STORY);
        x->n = -num;
    } else if (rel == DW_LATER || ((rel == DW_AFTER) && bare)) {
        x = push(c, p->start, w + 1, DR_ANCHOR);
        x->n = num;
    } else if (rel == DW_EARLIER || ((rel == DW_BEFORE) && bare)) {
        x = push(c, p->start, w + 1, DR_ANCHOR);
        x->n = -num;
    } else if (rel == DW_AFTER || rel == DW_BEFORE) {
        x = push(c, p->start, w + 1, DR_AFTER);
        x->n = rel == DW_AFTER ? -num : num;
    } else {
        return 0;
    }
    x->unit = (uint8_t)unit;
    return finish(c, x, p->start, w + 1);
}

/* A unit or a part of the day after last, this, next, the previous ...:
 * "last week", "the next day", "this morning", "last night". */
static size_t unit_rel(kh_dscan *c, const prefix *p, size_t h)
{
    int x_cls = cls(c, h), v = cval(c, h);
    int kind, n = 0, unit = KH_GRAN_DAY, part = 0;
    if (p->rel == DW_THAT && !p->comp && p->start > 0 &&
        cls(c, p->start - 1) != DW_PREP &&
        c->t[p->start - 1].kind != KH_TOK_PUNCT)
        return 0;   /* "said that night raids ...": a conjunction */
    if (x_cls == DW_PART) {
        part = v;
        if (p->rel == DW_LAST && v == DT_NIGHT)
            kind = DR_STORY, n = -1;
        else if (p->rel == DW_THIS && !p->the)
            kind = DR_STORY, n = 0;
        else if (p->the && (p->rel == DW_NEXT || p->rel == DW_FOLLOWING))
            kind = DR_ANCHOR, n = 1;
        else if (p->the && p->rel == DW_PREVIOUS)
            kind = DR_ANCHOR, n = -1;
        else if ((p->the && p->rel == DW_SAME) || p->rel == DW_THAT)
            kind = DR_ANCHOR, n = 0;
        else
            return 0;
    } else if (v == DU_WEEKEND) {
        unit = KH_GRAN_WEEK;
        if (!p->the && (p->rel == DW_LAST || p->rel == DW_PAST))
            kind = DR_STORY, n = -1;
        else if (!p->the && p->rel == DW_THIS)
            kind = DR_STORY, n = 0;
        else if (!p->the && (p->rel == DW_NEXT || p->rel == DW_COMING))
            kind = DR_STORY, n = 1;
        else
            return 0;
    } else if (p->comp && p->the && !p->rel && word_is(c, h, "day")) {
        kind = DR_ANCHOR;   /* earlier in the day */
    } else {
        if (v == DU_HOUR || word_is(c, h, "days") || word_is(c, h, "weeks") ||
            word_is(c, h, "months") || word_is(c, h, "years"))
            return 0;   /* "the past two weeks" is a period, not a date */
        unit = v;
        if (p->the && (p->rel == DW_NEXT || p->rel == DW_FOLLOWING))
            kind = DR_ANCHOR, n = 1;
        else if (p->the && p->rel == DW_PREVIOUS)
            kind = DR_ANCHOR, n = -1;
        else if (((p->the && p->rel == DW_SAME) || p->rel == DW_THAT) &&
                 unit == KH_GRAN_DAY)
            kind = DR_ANCHOR, n = 0;
        else if (unit == KH_GRAN_DAY && p->of && p->the && !p->rel &&
                 word_is(c, h, "day"))
            kind = DR_STORY, n = 0;   /* the end of the day */
        else if (unit == KH_GRAN_DAY)
            return 0;   /* "last day", "this day" */
        else if (!p->the && p->rel == DW_LAST)
            kind = DR_STORY, n = -1;
        else if ((!p->the && p->rel == DW_NEXT) || p->rel == DW_COMING)
            kind = DR_STORY, n = 1;   /* next week, the coming week */
        else if (!p->the && p->rel == DW_THIS)
            kind = DR_STORY, n = 0;
        else if (p->of && p->the && !p->rel)
            kind = DR_STORY, n = 0;   /* the end of the year */
        else
            return 0;
    }
    kh_dexpr *x = push(c, p->start, h + 1, kind);
    x->n = n;
    x->unit = (uint8_t)unit;
    x->part = (uint8_t)part;
    if (part == DT_NOON)
        x->clock = 12 * 60;
    else if (part == DT_MIDNIGHT)
        x->clock = 0;
    if (unit != KH_GRAN_DAY || kind == DR_STORY)
        x->mod = (uint8_t)p->mod;
    return finish(c, x, p->start, h + 1);
}

/* The expression at i, pushed; returns its end, or 0. */
static size_t match_at(kh_dscan *c, size_t i)
{
    if (c->ti[i].abs >= 0) {
        size_t e;
        kh_dexpr *x = take_abs(c, i, i, &e);
        return finish(c, x, i, e);
    }
    prefix p;
    size_t h = read_prefix(c, i, &p);
    if (h >= c->n)
        return 0;
    int x_cls = cls(c, h), v = cval(c, h);
    kh_dexpr *x;
    int m, dd, y, ord;
    size_t e;

    if (x_cls == DW_WDAY && c->ti[h].cap && !p.the && !p.comp)
        return weekday(c, &p, h);
    if ((x_cls == DW_DEIC || x_cls == DW_TONIGHT) && !p.the && !p.rel) {
        if (v == 0 && x_cls == DW_DEIC && today_is_name(c, h))
            return 0;
        if (p.mod == KH_DMOD_MID || p.of)
            return 0;
        x = push(c, i, h + 1, DR_STORY);
        x->n = x_cls == DW_DEIC ? v : 0;
        x->unit = KH_GRAN_DAY;
        if (x_cls == DW_TONIGHT)
            x->part = DT_NIGHT;
        x->mod = (uint8_t)p.mod;
        return finish(c, x, i, h + 1);
    }
    /* the day before yesterday, the day after tomorrow */
    if (p.the && !p.rel && word_is(c, h, "day") &&
        (cls(c, h + 1) == DW_BEFORE || cls(c, h + 1) == DW_AFTER) &&
        cls(c, h + 2) == DW_DEIC && cval(c, h + 2) != 0) {
        x = push(c, i, h + 3, DR_STORY);
        x->n = cval(c, h + 2) * 2;
        x->unit = KH_GRAN_DAY;
        return finish(c, x, i, h + 3);
    }
    if ((x_cls == DW_NUM || small_num(c, h) > 0 || x_cls == DW_UNIT) &&
        !p.mod && !p.comp && (e = offset(c, &p, h)) != 0)
        return e;
    if ((x_cls == DW_UNIT || x_cls == DW_PART) &&
        (p.rel || p.of || (p.comp && p.the)) && (e = unit_rel(c, &p, h)) != 0)
        return e;
    /* over the weekend, at the weekend */
    if (x_cls == DW_UNIT && v == DU_WEEKEND && p.the && !p.rel && !p.mod &&
        i > 0 && (is_prep(c, i - 1, DP_OVER) || is_prep(c, i - 1, DP_AT) ||
                  is_prep(c, i - 1, DP_DURING))) {
        x = push(c, i, h + 1, DR_WEEKEND);
        x->unit = KH_GRAN_WEEK;
        return finish(c, x, i, h + 1);
    }
    /* January 5, 5 January, 5th of January (no year: absolute ones are
     * taken whole above) */
    if (!p.the && (e = month_day_at(c, h, &m, &dd)) != 0) {
        x = push(c, i, e, DR_MD);
        x->m = m, x->d = dd;
        x->dir = (uint8_t)direction(c, &p, e);
        x->mod = (uint8_t)(p.mod == KH_DMOD_EARLY || p.mod == KH_DMOD_LATE
                               ? p.mod : 0);
        return finish(c, x, i, e);
    }
    /* in March, last March, mid-October, early January */
    if ((m = month_at(c, h)) != 0 ||
        (p.start == h && (m = mid_token(c, h)) >= 1 && m <= 12)) {
        if (m && mid_token(c, h))
            p.mod = KH_DMOD_MID;
        if (!time_context(c, &p, DR_MONTH) || name_word(c, h + 1))
            return 0;
        x = push(c, i, h + 1, DR_MONTH);
        x->m = m;
        x->dir = (uint8_t)direction(c, &p, h + 1);
        x->mod = (uint8_t)p.mod;
        return finish(c, x, i, h + 1);
    }
    /* in 2014, mid-2014, the 2014 elections */
    if ((y = year_num(c, h)) != 0 ||
        (p.start == h && (y = mid_token(c, h)) > 12)) {
        if (mid_token(c, h))
            p.mod = KH_DMOD_MID;
        int nx = tag(c, h + 1);
        int next_ok = !(nx == KH_POS_NNS && !event_plural(c, h + 1)) &&
                      !(h + 1 < c->n && c->t[h + 1].kind == KH_TOK_SYMBOL) &&
                      !word_is(c, h + 1, "percent");
        int adj = h > 0 &&
                  (cls(c, h - 1) == DW_THE || word_is(c, h - 1, "'s") ||
                            tag(c, h - 1) == KH_POS_PRPS) &&
                  y >= 1900 && y <= 2100 && h + 1 < c->n &&
                  (kh_pos_is_noun(nx) || kh_pos_is_adj(nx));
        /* a year as a subject: "2023 had shown", "2014 was" (a count of
         * a thousand or more is written with a comma in the news, and
         * takes "were") */
        int subj = !p.the && !p.mod && y >= 1900 && y <= 2100 &&
                   (nx == KH_POS_VBZ || nx == KH_POS_MD ||
                    (nx == KH_POS_VBD && !word_is(c, h + 1, "were"))) &&
                   (h == 0 || (c->t[h - 1].kind != KH_TOK_NUMBER &&
                               c->t[h - 1].kind != KH_TOK_SYMBOL &&
                               cls(c, h - 1) != DW_NUM));
        if (p.rel || !next_ok)
            return 0;
        int since = 0;
        if (adj || subj) {
            p.start = h;   /* "the" is the noun's, not the year's */
            p.the = 0;
            since = h >= 2 && is_prep(c, h - 2, DP_SINCE);   /* since the
                                                                2003 war */
        } else if (p.the && !p.of) {
            return 0;
        } else if (!time_context(c, &p, DR_YEAR)) {
            return 0;
        }
        x = push(c, p.start, h + 1, DR_YEAR);
        x->y = y;
        x->mod = (uint8_t)p.mod;
        x->since = (uint8_t)since;
        return finish(c, x, p.start, h + 1);
    }
    /* the 1990s, the early 2000s */
    if (p.the && !p.rel && (y = decade_num(c, h)) != 0) {
        x = push(c, i, h + 1, DR_DECADE);
        x->y = y;
        x->mod = (uint8_t)p.mod;
        return finish(c, x, i, h + 1);
    }
    /* on the 5th, the 5th of this month */
    if (p.the && !p.rel && !p.mod && (dd = day_num(c, h, &ord)) != 0 && ord &&
        i > 0 && (is_prep(c, i - 1, DP_ON) || is_prep(c, i - 1, DP_SINCE) ||
                  is_prep(c, i - 1, DP_BY) || is_prep(c, i - 1, DP_UNTIL) ||
                  is_prep(c, i - 1, DP_FROM) || cls(c, i - 1) == DW_BEFORE ||
                  cls(c, i - 1) == DW_AFTER)) {
        size_t k = h + 1;
        int months = 0, fixed = 0;
        if (is_prep(c, k, DP_OF) && cls(c, k + 2) == DW_UNIT &&
            cval(c, k + 2) == KH_GRAN_MONTH) {
            int r = cls(c, k + 1);
            if (r == DW_THIS || r == DW_THE)
                fixed = 1;
            else if (r == DW_LAST || r == DW_PREVIOUS)
                fixed = 1, months = -1;
            else if (r == DW_NEXT)
                fixed = 1, months = 1;
            else
                return 0;
            k += 3;
        } else if (k < c->n && c->t[k].kind != KH_TOK_PUNCT &&
                   !(is_prep(c, k, DP_AT)) && cls(c, k) != DW_PART) {
            return 0;   /* "the 5th floor", "the 3rd time" */
        }
        x = push(c, i, k, DR_DOM);
        x->d = dd;
        x->n = months;
        x->dir = fixed ? DD_PAST : (uint8_t)direction(c, &p, k);
        x->unit = (uint8_t)fixed;
        return finish(c, x, i, k);
    }
    return 0;
}

void kh_dates_find_sentence(kh_doc *d, size_t s, const kh_date_mention *abs,
                            size_t nabs, kh_dexprs *out)
{
    kh_dscan c_;   /* about 6 kB: the stack holds it */
    kh_dscan *c = &c_;
    const kh_sentence *st = &d->sents[s];
    size_t n = st->tok_end - st->tok_first;
    if (n > MAXT)
        n = MAXT;
    c->d = d;
    c->t = d->tokens + st->tok_first;
    c->n = n;
    c->sent = (uint32_t)s;
    c->abs = abs;
    c->out = out;
    c->used = 0;
    c->first_out = out->n;
    /* absolute dates of this sentence, by their first token */
    size_t k = 0;
    while (k < nabs && abs[k].start < c->t[0].start)
        k++;
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        const kh_token *t = &c->t[i];
        tinfo *ti = &c->ti[i];
        int val = 0;
        ti->abs = -1;
        ti->cls = DW_NONE;
        if (t->kind == KH_TOK_WORD || t->kind == KH_TOK_ABBREV)
            ti->cls = (uint8_t)kh_dates_word(d->text + t->start, tlen(t), &val);
        ti->val = (int8_t)val;
        ti->cap = (t->flags & KH_TF_UPPER) != 0;
        while (k < nabs && abs[k].start < t->start)
            k++;
        if (k < nabs && abs[k].start == t->start) {
            size_t j = i;
            while (j < n && c->t[j].end < abs[k].end)
                j++;
            if (j < n) {
                ti->abs = (int32_t)k;
                ti->abs_end = (uint32_t)(j + 1);
            }
        }
        int mid = t->kind == KH_TOK_WORD && tlen(t) >= 7 &&
                  (d->text[t->start] | 32) == 'm';   /* mid-October */
        if ((ti->cls > DW_NONE && ti->cls <= DW_PART && ti->cls != DW_NUM &&
             ti->cls != DW_WDAYS) ||
            ti->abs >= 0 || t->kind == KH_TOK_NUMBER || mid)
            any = 1;
        ti->head = ti->abs >= 0 || t->kind == KH_TOK_NUMBER || mid;
        switch (ti->cls) {   /* the words an expression can start with */
        case DW_MONTH: case DW_WDAY: case DW_DEIC: case DW_TONIGHT:
        case DW_UNIT: case DW_LAST: case DW_NEXT: case DW_THIS:
        case DW_COMING: case DW_PAST: case DW_PREVIOUS: case DW_FOLLOWING:
        case DW_SAME: case DW_EARLIER: case DW_LATER: case DW_EARLY:
        case DW_MID: case DW_LATE:
            ti->head = 1;
            break;
        case DW_THE: case DW_NUM: case DW_THAT: case DW_PREP:
            ti->head = 2;   /* "the", "a", "that", "at": if the next word
                               has a class or is a number (below) */
            break;
        default:
            break;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (c->ti[i].head == 2)
            c->ti[i].head = i + 1 < n && (c->ti[i + 1].cls != DW_NONE ||
                                          c->t[i + 1].kind == KH_TOK_NUMBER);
    if (!any)
        return;   /* most sentences: no word that can head a date */
    for (size_t i = 0; i < n;) {
        if (!c->ti[i].head) {
            i++;   /* most words */
            continue;
        }
        size_t e = match_at(c, i);
        if (!e)
            e = kh_dscan_skip_time(c, i);
        i = e > i ? e : i + 1;
    }
}
