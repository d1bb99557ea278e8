/*
 * dates_words.c - the words of date expressions and their classes.
 *
 * One sorted table, searched by bisection on the lower-cased word: the
 * matcher classes every word of a sentence once, so this is the stage's
 * hot loop, and most words are rejected by their length before any
 * comparison.  Month names come from kh_month_name (abbreviations too).
 */
#include "dates.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

const char *const kh_dates_part_name[] = {
    "", "dawn", "early morning", "morning", "noon", "afternoon", "evening",
    "night", "midnight",
};

typedef struct {
    const char *w;
    uint8_t cls;
    int8_t val;
} dword;

/* Sorted by strcmp (tests/unit/test_dates.c checks it). */
static const dword words[] = {
    {"'ll", DW_FUT, 0},
    {"a", DW_NUM, 1},
    {"a.m.", DW_AMPM, 0},
    {"after", DW_AFTER, 0},
    {"afternoon", DW_PART, DT_AFTERNOON},
    {"afterwards", DW_LATER, 0},
    {"ago", DW_AGO, 0},
    {"although", DW_SUB, 0},
    {"am", DW_AMPM, 0},
    {"an", DW_NUM, 1},
    {"and", DW_PREP, DP_AND},
    {"apr", DW_MONTH, 4},
    {"apr.", DW_MONTH, 4},
    {"april", DW_MONTH, 4},
    {"around", DW_PREP, DP_AROUND},
    {"at", DW_PREP, DP_AT},
    {"aug", DW_MONTH, 8},
    {"aug.", DW_MONTH, 8},
    {"august", DW_MONTH, 8},
    {"because", DW_SUB, 0},
    {"before", DW_BEFORE, 0},
    {"beginning", DW_BEGIN, 0},
    {"between", DW_PREP, DP_BETWEEN},
    {"by", DW_PREP, DP_BY},
    {"coming", DW_COMING, 0},
    {"corresponding", DW_CORR, 0},
    {"dawn", DW_PART, DT_DAWN},
    {"day", DW_UNIT, KH_GRAN_DAY},
    {"daybreak", DW_PART, DT_DAWN},
    {"days", DW_UNIT, KH_GRAN_DAY},
    {"dec", DW_MONTH, 12},
    {"dec.", DW_MONTH, 12},
    {"december", DW_MONTH, 12},
    {"due", DW_FUT, 0},
    {"during", DW_PREP, DP_DURING},
    {"dusk", DW_PART, DT_EVENING},
    {"each", DW_EVERY, 0},
    {"earlier", DW_EARLIER, 0},
    {"early", DW_EARLY, 0},
    {"eight", DW_NUM, 8},
    {"eleven", DW_NUM, 11},
    {"end", DW_END, 0},
    {"evening", DW_PART, DT_EVENING},
    {"every", DW_EVERY, 0},
    {"expect", DW_FUT, 0},
    {"expected", DW_FUT, 0},
    {"expects", DW_FUT, 0},
    {"feb", DW_MONTH, 2},
    {"feb.", DW_MONTH, 2},
    {"february", DW_MONTH, 2},
    {"five", DW_NUM, 5},
    {"following", DW_FOLLOWING, 0},
    {"for", DW_PREP, DP_FOR},
    {"four", DW_NUM, 4},
    {"friday", DW_WDAY, 4},
    {"fridays", DW_WDAYS, 4},
    {"from", DW_PREP, DP_FROM},
    {"gmt", DW_ZONE, 0},
    {"hour", DW_UNIT, DU_HOUR},
    {"hours", DW_UNIT, DU_HOUR},
    {"if", DW_SUB, 0},
    {"in", DW_PREP, DP_IN},
    {"jan", DW_MONTH, 1},
    {"jan.", DW_MONTH, 1},
    {"january", DW_MONTH, 1},
    {"jul", DW_MONTH, 7},
    {"jul.", DW_MONTH, 7},
    {"july", DW_MONTH, 7},
    {"jun", DW_MONTH, 6},
    {"jun.", DW_MONTH, 6},
    {"june", DW_MONTH, 6},
    {"last", DW_LAST, 0},
    {"late", DW_LATE, 0},
    {"later", DW_LATER, 0},
    {"mar", DW_MONTH, 3},
    {"mar.", DW_MONTH, 3},
    {"march", DW_MONTH, 3},
    {"may", DW_MONTH, 5},
    {"mid", DW_MID, 0},
    {"midday", DW_PART, DT_NOON},
    {"middle", DW_MIDDLE, 0},
    {"midnight", DW_PART, DT_MIDNIGHT},
    {"minute", DW_UNIT, DU_HOUR},
    {"minutes", DW_UNIT, DU_HOUR},
    {"monday", DW_WDAY, 0},
    {"mondays", DW_WDAYS, 0},
    {"month", DW_UNIT, KH_GRAN_MONTH},
    {"months", DW_UNIT, KH_GRAN_MONTH},
    {"morning", DW_PART, DT_MORNING},
    {"next", DW_NEXT, 0},
    {"night", DW_PART, DT_NIGHT},
    {"nine", DW_NUM, 9},
    {"noon", DW_PART, DT_NOON},
    {"nov", DW_MONTH, 11},
    {"nov.", DW_MONTH, 11},
    {"november", DW_MONTH, 11},
    {"oct", DW_MONTH, 10},
    {"oct.", DW_MONTH, 10},
    {"october", DW_MONTH, 10},
    {"of", DW_PREP, DP_OF},
    {"on", DW_PREP, DP_ON},
    {"one", DW_NUM, 1},
    {"over", DW_PREP, DP_OVER},
    {"overnight", DW_TONIGHT, 0},
    {"p.m.", DW_AMPM, 12},
    {"past", DW_PAST, 0},
    {"plans", DW_FUT, 0},
    {"pm", DW_AMPM, 12},
    {"previous", DW_PREVIOUS, 0},
    {"same", DW_SAME, 0},
    {"saturday", DW_WDAY, 5},
    {"saturdays", DW_WDAYS, 5},
    {"scheduled", DW_FUT, 0},
    {"sep", DW_MONTH, 9},
    {"sep.", DW_MONTH, 9},
    {"sept", DW_MONTH, 9},
    {"sept.", DW_MONTH, 9},
    {"september", DW_MONTH, 9},
    {"seven", DW_NUM, 7},
    {"shall", DW_FUT, 0},
    {"since", DW_PREP, DP_SINCE},
    {"six", DW_NUM, 6},
    {"slated", DW_FUT, 0},
    {"start", DW_BEGIN, 0},
    {"sunday", DW_WDAY, 6},
    {"sundays", DW_WDAYS, 6},
    {"sunset", DW_PART, DT_EVENING},
    {"ten", DW_NUM, 10},
    {"that", DW_THAT, 0},
    {"the", DW_THE, 0},
    {"this", DW_THIS, 0},
    {"though", DW_SUB, 0},
    {"three", DW_NUM, 3},
    {"through", DW_PREP, DP_THROUGH},
    {"throughout", DW_PREP, DP_THROUGH},
    {"thursday", DW_WDAY, 3},
    {"thursdays", DW_WDAYS, 3},
    {"till", DW_PREP, DP_UNTIL},
    {"time", DW_TIME, 0},
    {"to", DW_PREP, DP_TO},
    {"today", DW_DEIC, 0},
    {"tomorrow", DW_DEIC, 1},
    {"tonight", DW_TONIGHT, 0},
    {"tuesday", DW_WDAY, 1},
    {"tuesdays", DW_WDAYS, 1},
    {"twelve", DW_NUM, 12},
    {"two", DW_NUM, 2},
    {"unless", DW_SUB, 0},
    {"until", DW_PREP, DP_UNTIL},
    {"upcoming", DW_COMING, 0},
    {"utc", DW_ZONE, 0},
    {"wednesday", DW_WDAY, 2},
    {"wednesdays", DW_WDAYS, 2},
    {"week", DW_UNIT, KH_GRAN_WEEK},
    {"weekend", DW_UNIT, DU_WEEKEND},
    {"weeks", DW_UNIT, KH_GRAN_WEEK},
    {"when", DW_SUB, 0},
    {"where", DW_REL, 0},
    {"whereas", DW_SUB, 0},
    {"which", DW_REL, 0},
    {"while", DW_SUB, 0},
    {"who", DW_REL, 0},
    {"whom", DW_REL, 0},
    {"whose", DW_REL, 0},
    {"will", DW_FUT, 0},
    {"within", DW_PREP, DP_WITHIN},
    {"wo", DW_FUT, 0},
    {"would", DW_FUT, 0},
    {"year", DW_UNIT, KH_GRAN_YEAR},
    {"years", DW_UNIT, KH_GRAN_YEAR},
    {"yesterday", DW_DEIC, -1},
};

#define NWORDS (sizeof words / sizeof *words)
#define MAXLEN 13   /* "corresponding" */

/* An open-addressing index of the table by a hash of the lower-cased
 * word, built once: a lookup is one hash and, nearly always, one
 * comparison (bisection cost a tenth of the stage's time). */
#define NSLOTS 512   /* a power of two, over twice the words */
static uint8_t slot_len[NSLOTS];
static uint8_t slot_word[NSLOTS];   /* index + 1; 0 empty */
static pthread_once_t index_once = PTHREAD_ONCE_INIT;
static atomic_int index_ready;

/* For each length, the first letters words of that length have (bit 0
 * 'a' .. 25 'z', 26 anything else): a first, cheaper filter.  Built with
 * the index. */
static uint32_t first_letters[MAXLEN + 1];

static inline int letter_bit(unsigned char c)
{
    c |= 0x20;
    return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}

/* The hash reads the length and three letters, lower-cased: cheap, and
 * the probe's comparison settles the rest. */
static inline uint32_t lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c + 32u : c;
}

static inline uint32_t hash(const char *s, size_t n)
{
    uint32_t h = (uint32_t)n * 0x9e3779b1u;
    h ^= lower((unsigned char)s[0]) * 0x85ebca6bu;
    h ^= lower((unsigned char)s[n > 1]) * 0xc2b2ae35u;
    h ^= lower((unsigned char)s[n - 1]) * 0x27d4eb2fu;
    return h ^ (h >> 15);
}

static void build_index(void)
{
    for (size_t i = 0; i < NWORDS; i++) {
        size_t n = strlen(words[i].w);
        uint32_t h = hash(words[i].w, n) & (NSLOTS - 1);
        while (slot_word[h])
            h = (h + 1) & (NSLOTS - 1);
        slot_word[h] = (uint8_t)(i + 1);
        slot_len[h] = (uint8_t)n;
        first_letters[n] |= 1u << letter_bit((unsigned char)words[i].w[0]);
    }
    atomic_store_explicit(&index_ready, 1, memory_order_release);
}

int kh_dates_words_sorted(void)
{
    for (size_t i = 0; i < NWORDS; i++) {
        int v;
        if (strlen(words[i].w) > MAXLEN || NWORDS > 255 ||
            (i && strcmp(words[i - 1].w, words[i].w) >= 0) ||
            kh_dates_word(words[i].w, strlen(words[i].w), &v) != words[i].cls ||
            v != words[i].val)
            return 0;
    }
    return 1;
}

int kh_dates_word(const char *s, size_t n, int *val)
{
    *val = 0;
    if (n == 0 || n > MAXLEN)
        return DW_NONE;
    if (!atomic_load_explicit(&index_ready, memory_order_acquire))
        pthread_once(&index_once, build_index);
    if (!(first_letters[n] >> letter_bit((unsigned char)s[0]) & 1))
        return DW_NONE;
    for (uint32_t k = hash(s, n) & (NSLOTS - 1); slot_word[k];
         k = (k + 1) & (NSLOTS - 1)) {
        if (slot_len[k] != n)
            continue;
        const dword *w = &words[slot_word[k] - 1];
        size_t i = 0;
        while (i < n && lower((unsigned char)s[i]) == (unsigned char)w->w[i])
            i++;
        if (i == n) {
            *val = w->val;
            return w->cls;
        }
    }
    return DW_NONE;
}

int kh_month_name(const char *s, size_t n)
{
    int v;
    return kh_dates_word(s, n, &v) == DW_MONTH ? v : 0;
}
