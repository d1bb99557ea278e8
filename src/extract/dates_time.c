/*
 * dates_time.c - times of day, which join the day they are written with
 * ("Sunday night", "at dawn today", "the evening of Friday", "at 12 noon
 * Iraq time on Thursday") and name no date alone.
 */
#include "dates_scan.h"

/* A time of day at i: "12 noon", "3:30 p.m.", "3pm", "11:40", "noon",
 * "dawn", "the evening", "the early hours", with a zone after it ("Iraq
 * time", "local time", "GMT").  Returns its end, 0 when there is none. */
size_t kh_dscan_time_at(const kh_dscan *c, size_t i, uint8_t *part,
                        int16_t *clock)
{
    size_t k = i;
    *part = 0;
    *clock = -1;
    if (cls(c, k) == DW_THE)
        k++;
    if (cls(c, k) == DW_EARLY &&
        ((cls(c, k + 1) == DW_UNIT && cval(c, k + 1) == DU_HOUR &&
          word_is(c, k + 1, "hours")) ||
         (cls(c, k + 1) == DW_PART && cval(c, k + 1) == DT_MORNING))) {
        *part = DT_EARLY_MORNING;
        k += 2;
    } else if (cls(c, k) == DW_PART) {
        *part = (uint8_t)cval(c, k);
        k++;
    } else if (k == i && k < c->n && c->t[k].kind == KH_TOK_NUMBER) {
        const char *s = c->d->text + c->t[k].start;
        size_t n = tlen(&c->t[k]), p = 0;
        int h = 0, mi = 0, pm = -1;
        while (p < n && p < 2 && s[p] >= '0' && s[p] <= '9')
            h = h * 10 + (s[p++] - '0');
        if (p == 0)
            return 0;
        if (p < n && s[p] == ':') {
            if (n - p < 3 || s[p + 1] < '0' || s[p + 1] > '5' ||
                s[p + 2] < '0' || s[p + 2] > '9')
                return 0;
            mi = (s[p + 1] - '0') * 10 + (s[p + 2] - '0');
            p += 3;
        }
        if (p + 2 == n && (!strncasecmp(s + p, "am", 2) ||
                           !strncasecmp(s + p, "pm", 2)))
            pm = (s[p] | 32) == 'p', p += 2;
        if (p != n || h > 23)
            return 0;
        int colon = memchr(s, ':', n) != NULL;
        k++;
        if (pm < 0 && cls(c, k) == DW_AMPM)
            pm = cval(c, k) != 0, k++;
        if (pm < 0 && cls(c, k) == DW_PART &&
            (cval(c, k) == DT_NOON || cval(c, k) == DT_MIDNIGHT) && h == 12) {
            *part = (uint8_t)cval(c, k);
            k++;
        } else if (pm >= 0) {
            if (h < 1 || h > 12)
                return 0;
            h = h % 12 + (pm ? 12 : 0);
        } else if (!colon) {
            return 0;   /* a bare number is no time */
        }
        *clock = (int16_t)(h * 60 + mi);
    } else {
        return 0;
    }
    if (*part == DT_NOON)
        *clock = 12 * 60;
    else if (*part == DT_MIDNIGHT)
        *clock = 0;
    /* the zone: GMT, local time, Iraq time; then (0730 GMT) */
    if (cls(c, k) == DW_ZONE)
        k++;
    else if (k + 1 < c->n && cls(c, k + 1) == DW_TIME &&
             (word_is(c, k, "local") || (c->ti[k].cap && cls(c, k) == 0)))
        k += 2;
    if (is_punct(c, k, '(') && k + 3 < c->n &&
        c->t[k + 1].kind == KH_TOK_NUMBER && cls(c, k + 2) == DW_ZONE &&
        is_punct(c, k + 3, ')'))
        k += 4;
    return k;
}

/* After a day at [.., *end): a time written with it ("Sunday night",
 * "on Friday at 12 noon", "yesterday evening"), and before it ("at dawn
 * today", "on the evening of Friday").  Moves the span's ends. */
void kh_dscan_attach_time(const kh_dscan *c, kh_dexpr *x, size_t *start,
                          size_t *end)
{
    uint8_t part;
    int16_t clock;
    size_t k = *end, e;
    if (!x->part && x->clock < 0) {
        if (cls(c, k) == DW_PART &&
            (e = kh_dscan_time_at(c, k, &part, &clock)) != 0) {
            x->part = part, x->clock = clock, *end = e;
        } else {
            size_t j = is_punct(c, k, ',') ? k + 1 : k;
            size_t h = j + 1;
            if (is_prep(c, j, DP_AT) && is_prep(c, h, DP_AROUND))
                h++;
            if ((is_prep(c, j, DP_AT) || is_prep(c, j, DP_IN)) &&
                (e = kh_dscan_time_at(c, h, &part, &clock)) != 0 &&
                (is_prep(c, j, DP_AT) || cls(c, h) == DW_THE)) {
                x->part = part, x->clock = clock, *end = e;
            }
        }
    }
    if (x->part || x->clock >= 0)
        return;
    size_t lo = *start > 7 ? *start - 7 : 0;
    if (lo < c->used)
        lo = c->used;
    size_t best = *start;
    for (size_t j = *start; j-- > lo;) {
        e = kh_dscan_time_at(c, j, &part, &clock);
        if (e && (e == *start || (e + 1 == *start &&
                                  (is_prep(c, e, DP_OF) ||
                                   is_prep(c, e, DP_ON) ||
                                   is_punct(c, e, ','))))) {
            best = j;
            x->part = part, x->clock = clock;
        }
    }
    *start = best;
}

/* Standalone times ("at 12 noon Iraq time") are passed over whole. */
size_t kh_dscan_skip_time(const kh_dscan *c, size_t i)
{
    uint8_t part;
    int16_t clock;
    size_t e;
    if (is_prep(c, i, DP_AT)) {
        size_t k = is_prep(c, i + 1, DP_AROUND) || word_is(c, i + 1, "about")
                       ? i + 2 : i + 1;
        if ((e = kh_dscan_time_at(c, k, &part, &clock)) != 0 && clock >= 0)
            return e;
    }
    return 0;
}
