/*
 * coder.c - one unit through the coder's stages (see code.h).
 */
#include "code.h"

#include <stdio.h>
#include <string.h>

int32_t kh_date_int(const char *iso)
{
    if (!iso || strlen(iso) != 10)
        return 0;
    int y, m, d;
    if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return 0;
    return y * 10000 + m * 100 + d;
}

/* Days since 1970-01-01 of a civil date, and back (Howard Hinnant's
 * algorithms, public domain). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static int32_t civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    return (int32_t)(y * 10000 + (long)m * 100 + d);
}

static int32_t add_days(int32_t date, int32_t days)
{
    if (!date || !days)
        return date;
    long z = days_from_civil(date / 10000, date / 100 % 100, date % 100);
    return civil_from_days(z + days);
}

static void time_shift(kh_unit *u)
{
    const kh_dict *d = u->dict;
    for (int i = 0; i < u->n; i++) {
        const kh_lexw *x = &u->lex[i];
        if (x->type != L_TIME || (x->flags & LF_ELIM))
            continue;
        int32_t shift;
        uint32_t flags;
        kh_match_time(u, i, d->roots[x->root].payload, &shift, &flags);
        if (flags & KH_EC_DISCARD) {
            u->status = KH_UNIT_DISCARD;
            u->why = "time phrase";
        } else if (flags & KH_EC_COMPLEX) {
            u->status = KH_UNIT_COMPLEX;
            u->why = "time phrase";
        } else if (!(flags & KH_EC_NULL)) {
            u->shift = shift;
        }
        return;   /* the first time phrase decides */
    }
}

/* The first actor before the first verb, for the next unit's pronouns. */
static void forward_out(kh_unit *u)
{
    memset(&u->fwd_out, 0, sizeof u->fwd_out);
    for (int i = 0; i < u->n; i++) {
        const kh_lexw *x = &u->lex[i];
        if (x->flags & LF_ELIM)
            continue;
        if (x->type == L_VERB)
            return;
        if (x->type != L_ACTOR && x->type != L_PRONOUN)
            continue;
        if (x->type == L_PRONOUN) {
            if (x->slot < 0 || u->slots[x->slot].nul)
                continue;
            snprintf(u->fwd_out.code, KH_CODE_LEN, "%s",
                     u->slots[x->slot].code);
        } else {
            snprintf(u->fwd_out.code, KH_CODE_LEN, "%s",
                     kh_dict_str_text(u->dict, x->code));
        }
        u->fwd_out.valid = 1;
        if (x->slot >= 0 && u->slots[x->slot].compound >= 0) {
            int g = u->slots[x->slot].compound;
            for (int k = 0; k < u->nslots && u->fwd_out.compound_n < 8; k++)
                if (u->slots[k].compound == g && !u->slots[k].pronoun)
                    snprintf(u->fwd_out.compound[u->fwd_out.compound_n++],
                             KH_CODE_LEN, "%s", u->slots[k].code);
        }
        return;
    }
}

static int words(const kh_unit *u)
{
    return u->n;
}

void kh_code_unit(kh_unit *u, const kh_dict *d, const kh_doc *doc,
                  size_t tok_first, size_t tok_end, int32_t date)
{
    u->dict = d;
    u->doc = doc;
    u->date = date;
    u->status = KH_UNIT_CODED;
    u->why = NULL;
    u->nevents = 0;
    u->npending = 0;
    u->to_pending = 0;
    u->speaker = -1;
    u->nslots = 0;
    u->ncompounds = 0;
    u->shift = 0;
    u->place[0] = '\0';
    u->place_mixed = 0;
    memset(&u->fwd_out, 0, sizeof u->fwd_out);
    kh_lex_build(u, tok_first, tok_end, d->split_clitics);
    if (u->n > KH_MAX_LEX) {
        u->n = 0;
        u->status = KH_UNIT_COMPLEX;
        u->why = "more words than the coder reads in one sentence";
        return;
    }
    if (words(u) < d->options.min_words) {
        u->status = KH_UNIT_SHORT;
        u->why = "fewer words than the minimum";
        return;
    }
    kh_classify(u);
    if (u->status != KH_UNIT_CODED)
        return;
    kh_parse(u);
    if (u->status != KH_UNIT_CODED)
        return;
    kh_actors(u);
    kh_lone_agents(u);
    time_shift(u);
    if (u->status != KH_UNIT_CODED)
        return;
    kh_events(u);
    for (int i = 0; i < u->nevents; i++)
        u->events[i].date = add_days(date, u->shift);
    forward_out(u);
}
