/*
 * dates.h - what the files of the dates stage share (dates.c: absolute
 * dates, the story date, the driver; dates_words.c: the words;
 * dates_find.c and dates_time.c, over dates_scan.h: the expressions of a
 * sentence; dates_resolve.c: their values; dates_events.c: each event's
 * date): the calendar, the word classes, and a date expression before it
 * is resolved.
 */
#ifndef KH_DATES_H
#define KH_DATES_H

#include "extract.h"

#include <stdint.h>

/* ---- the calendar: days since 1970-01-01 (Howard Hinnant's algorithms,
 * public domain) ---------------------------------------------------------- */

static inline long kh_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static inline void kh_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* Day of the week of day z: 0 Monday .. 6 Sunday (1970-01-01 was a
 * Thursday). */
static inline int kh_weekday(long z)
{
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

/* ---- word classes ------------------------------------------------------ */

/* What a token can be in a date expression; dates_words.c reads them off
 * a small sorted table (case-insensitive). */
enum {
    DW_NONE = 0,
    DW_MONTH,      /* val 1-12 */
    DW_WDAY,       /* val 0 Monday .. 6 Sunday */
    DW_WDAYS,      /* "Fridays": a habit, not a date */
    DW_DEIC,       /* yesterday -1, today 0, tomorrow 1 */
    DW_TONIGHT,    /* tonight, overnight: the story date, at night */
    DW_UNIT,       /* val KH_GRAN_DAY/WEEK/MONTH/YEAR, or DU_HOUR */
    DW_NUM,        /* a, an, one .. twelve: val */
    DW_PART,       /* a part of the day: val indexes kh_dates_part_name */
    DW_LAST, DW_NEXT, DW_THIS, DW_COMING, DW_PAST, DW_PREVIOUS,
    DW_FOLLOWING, DW_SAME,
    DW_AGO, DW_LATER, DW_EARLIER, DW_AFTER, DW_BEFORE,
    DW_EARLY, DW_MID, DW_LATE,
    DW_END, DW_BEGIN, DW_MIDDLE,   /* the end / beginning, start / middle of */
    DW_PREP,       /* val DP_* */
    DW_THE, DW_THAT,
    DW_AMPM,       /* a.m. 0, p.m. 12 */
    DW_TIME,       /* "time" in "Iraq time", "local time" */
    DW_ZONE,       /* GMT, UTC */
    DW_FUT,        /* will, would, shall, 'll, expected, due: the clause
                      speaks of the future */
    DW_EVERY,      /* every, each: "every Friday" is a habit */
    DW_CORR,       /* "corresponding": Friday, corresponding to 5 January */
    DW_REL,        /* which, who, whom, whose, where: opens a clause that a
                      comma closes */
    DW_SUB,        /* that, because, while, although, if ...: opens a clause
                      that runs on */
};

enum {
    DU_HOUR = 9,      /* hours, minutes: offsets of no whole day */
    DU_WEEKEND,       /* a weekend: the ISO week it ends */
};

/* Prepositions that may stand before a date. */
enum {
    DP_ON = 1, DP_IN, DP_AT, DP_SINCE, DP_BY, DP_UNTIL, DP_DURING, DP_FROM,
    DP_TO, DP_THROUGH, DP_OF, DP_BETWEEN, DP_AND, DP_FOR, DP_WITHIN,
    DP_AROUND, DP_OVER,
};

/* Parts of the day, as written in kh_date_mention.time. */
enum {
    DT_DAWN = 1, DT_EARLY_MORNING, DT_MORNING, DT_NOON, DT_AFTERNOON,
    DT_EVENING, DT_NIGHT, DT_MIDNIGHT,
};
extern const char *const kh_dates_part_name[];

/* The class of the word s[0..n) and its value; DW_NONE when it has
 * none. */
int kh_dates_word(const char *s, size_t n, int *val);

/* 1 when the table of words is sorted, as the search needs (a test). */
int kh_dates_words_sorted(void);

/* ---- a date expression before it is resolved -------------------------- */

enum {
    DR_ABS = 1,   /* y, m, d and gran as written */
    DR_MD,        /* month and day without a year: "January 5" */
    DR_MONTH,     /* a month without a year: "in March" */
    DR_DOM,       /* a day of the month: "on the 5th"; n months from the
                     story's month when written ("of last month") */
    DR_YEAR,      /* "in 2014" */
    DR_DECADE,    /* "the 1990s" */
    DR_WDAY,      /* a weekday: w */
    DR_STORY,     /* n units from the story date: yesterday, last week */
    DR_ANCHOR,    /* n units from the previous date written: two days
                     later, the next day */
    DR_AFTER,     /* "a day after <clause>": the clause is n units from the
                     date of the main clause */
    DR_WEEKEND,   /* "over the weekend": the last one, on or before the
                     story date */
};

/* Which one of a weekday, month or day of the month: on or before the
 * story date (PAST), strictly before (LAST), on or after (FUT), strictly
 * after (NEXT). */
enum { DD_PAST = 0, DD_LAST, DD_FUT, DD_NEXT };

typedef struct kh_dexpr {
    uint32_t t0, t1;        /* tokens [t0, t1) */
    uint32_t start, end;    /* byte offsets into doc->text */
    uint32_t sentence;
    uint8_t kind;           /* DR_* */
    uint8_t dir;            /* DD_* */
    uint8_t unit;           /* KH_GRAN_* or DU_HOUR, for offsets */
    uint8_t gran;           /* for DR_ABS */
    uint8_t mod, since;
    uint8_t part;           /* DT_*, or 0 */
    int16_t clock;          /* minutes since midnight, or -1 */
    int n;                  /* offset in units */
    int y, m, d, w;
} kh_dexpr;

typedef struct kh_dexprs {
    kh_dexpr *v;
    size_t n, cap;
} kh_dexprs;

/* Finds the date expressions of sentence s (dates_find.c); the absolute
 * dates kh_find_dates found are in doc->dates and come in as DR_ABS. */
void kh_dates_find_sentence(kh_doc *d, size_t s, const kh_date_mention *abs,
                            size_t nabs, kh_dexprs *out);

/* Resolves the expressions against the story date (YYYY-MM-DD or "") and
 * writes doc->dates (dates_resolve.c). */
void kh_dates_resolve(kh_doc *d, kh_dexprs *x);

#endif
