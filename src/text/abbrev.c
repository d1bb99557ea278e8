/*
 * abbrev.c - abbreviations that keep their period, and common sentence
 * starters.
 *
 * The lists are short and closed, so they are sorted arrays searched by
 * bsearch; they are consulted only when a word is followed by a period or
 * a period by a capitalised word, never for every token.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *s;
    int kind;
} abbr;

/* Case-sensitive, without the final period; sorted by strcmp. */
static const abbr abbrevs[] = {
    {"Adm", KH_ABBR_TITLE}, {"Ala", KH_ABBR_OTHER}, {"Amb", KH_ABBR_TITLE},
    {"Apr", KH_ABBR_MONTH}, {"Ariz", KH_ABBR_OTHER}, {"Ark", KH_ABBR_OTHER},
    {"Art", KH_ABBR_NUMBERED}, {"Assn", KH_ABBR_OTHER},
    {"Aug", KH_ABBR_MONTH}, {"Ave", KH_ABBR_OTHER}, {"Bldg", KH_ABBR_OTHER},
    {"Blvd", KH_ABBR_OTHER}, {"Brig", KH_ABBR_TITLE}, {"Bros", KH_ABBR_OTHER},
    {"Calif", KH_ABBR_OTHER}, {"Capt", KH_ABBR_TITLE},
    {"Cdr", KH_ABBR_TITLE}, {"Ch", KH_ABBR_NUMBERED}, {"Cmdr", KH_ABBR_TITLE},
    {"Co", KH_ABBR_OTHER}, {"Col", KH_ABBR_TITLE}, {"Colo", KH_ABBR_OTHER},
    {"Conn", KH_ABBR_OTHER}, {"Corp", KH_ABBR_OTHER}, {"Cpl", KH_ABBR_TITLE},
    {"Cpt", KH_ABBR_TITLE}, {"Dec", KH_ABBR_MONTH}, {"Del", KH_ABBR_OTHER},
    {"Dept", KH_ABBR_OTHER}, {"Det", KH_ABBR_TITLE}, {"Dr", KH_ABBR_TITLE},
    {"Feb", KH_ABBR_MONTH}, {"Fig", KH_ABBR_NUMBERED},
    {"Fla", KH_ABBR_OTHER}, {"Fr", KH_ABBR_TITLE}, {"Fri", KH_ABBR_OTHER},
    {"Ft", KH_ABBR_TITLE}, {"Ga", KH_ABBR_OTHER}, {"Gen", KH_ABBR_TITLE},
    {"Gov", KH_ABBR_TITLE}, {"Govt", KH_ABBR_OTHER}, {"Hon", KH_ABBR_TITLE},
    {"Ill", KH_ABBR_OTHER}, {"Inc", KH_ABBR_OTHER}, {"Ind", KH_ABBR_OTHER},
    {"Insp", KH_ABBR_TITLE}, {"Jan", KH_ABBR_MONTH}, {"Jr", KH_ABBR_OTHER},
    {"Jul", KH_ABBR_MONTH}, {"Jun", KH_ABBR_MONTH}, {"Kan", KH_ABBR_OTHER},
    {"Ky", KH_ABBR_OTHER}, {"La", KH_ABBR_OTHER}, {"Lt", KH_ABBR_TITLE},
    {"Ltd", KH_ABBR_OTHER}, {"Maj", KH_ABBR_TITLE}, {"Mar", KH_ABBR_MONTH},
    {"Mass", KH_ABBR_OTHER}, {"Md", KH_ABBR_OTHER}, {"Messrs", KH_ABBR_TITLE},
    {"Mich", KH_ABBR_OTHER}, {"Minn", KH_ABBR_OTHER}, {"Mlle", KH_ABBR_TITLE},
    {"Mme", KH_ABBR_TITLE}, {"Mmes", KH_ABBR_TITLE}, {"Mo", KH_ABBR_OTHER},
    {"Mon", KH_ABBR_OTHER}, {"Mont", KH_ABBR_OTHER}, {"Mr", KH_ABBR_TITLE},
    {"Mrs", KH_ABBR_TITLE}, {"Ms", KH_ABBR_TITLE}, {"Msgr", KH_ABBR_TITLE},
    {"Mt", KH_ABBR_TITLE}, {"Neb", KH_ABBR_OTHER}, {"Nev", KH_ABBR_OTHER},
    {"No", KH_ABBR_NUMBERED}, {"Nos", KH_ABBR_NUMBERED},
    {"Nov", KH_ABBR_MONTH}, {"Oct", KH_ABBR_MONTH}, {"Okla", KH_ABBR_OTHER},
    {"Ore", KH_ABBR_OTHER}, {"Pa", KH_ABBR_OTHER}, {"Pres", KH_ABBR_TITLE},
    {"Prof", KH_ABBR_TITLE}, {"Pvt", KH_ABBR_TITLE}, {"Rd", KH_ABBR_OTHER},
    {"Rep", KH_ABBR_TITLE}, {"Reps", KH_ABBR_TITLE}, {"Rev", KH_ABBR_TITLE},
    {"Sat", KH_ABBR_OTHER}, {"Sec", KH_ABBR_NUMBERED},
    {"Sen", KH_ABBR_TITLE}, {"Sens", KH_ABBR_TITLE}, {"Sep", KH_ABBR_MONTH},
    {"Sept", KH_ABBR_MONTH}, {"Sgt", KH_ABBR_TITLE}, {"Sr", KH_ABBR_OTHER},
    {"St", KH_ABBR_TITLE}, {"Sun", KH_ABBR_OTHER}, {"Supt", KH_ABBR_TITLE},
    {"Tenn", KH_ABBR_OTHER}, {"Tex", KH_ABBR_OTHER}, {"Thu", KH_ABBR_OTHER},
    {"Thurs", KH_ABBR_OTHER}, {"Tue", KH_ABBR_OTHER},
    {"Tues", KH_ABBR_OTHER}, {"Univ", KH_ABBR_OTHER}, {"Va", KH_ABBR_OTHER},
    {"Vol", KH_ABBR_NUMBERED}, {"Vt", KH_ABBR_OTHER}, {"Wash", KH_ABBR_OTHER},
    {"Wed", KH_ABBR_OTHER}, {"Wis", KH_ABBR_OTHER}, {"Wyo", KH_ABBR_OTHER},
    {"al", KH_ABBR_OTHER}, {"approx", KH_ABBR_OTHER}, {"ca", KH_ABBR_OTHER},
    {"cf", KH_ABBR_OTHER}, {"est", KH_ABBR_OTHER}, {"etc", KH_ABBR_OTHER},
    {"no", KH_ABBR_NUMBERED}, {"nos", KH_ABBR_NUMBERED},
    {"pp", KH_ABBR_NUMBERED}, {"vol", KH_ABBR_NUMBERED},
    {"vs", KH_ABBR_TITLE},
};

/* Sorted by strcmp. */
static const char *const starters[] = {
    "A", "After", "Also", "Although", "An", "And", "As", "At", "Because",
    "Before", "But", "By", "During", "Each", "Earlier", "Even", "Few", "For",
    "From", "He", "Her", "Here", "His", "How", "However", "I", "If", "In",
    "Instead", "It", "Its", "Last", "Later", "Many", "Meanwhile", "More",
    "Most", "My", "No", "Nor", "Now", "On", "One", "Or", "Other", "Our",
    "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their",
    "Then", "There", "These", "They", "This", "Those", "Thus", "To", "Two",
    "Under", "Until", "We", "What", "When", "Where", "While", "Who", "Why",
    "With", "Yet", "You",
};

typedef struct {
    const char *s;
    size_t n;
} key;

static int cmp_key(const char *s, size_t n, const char *t)
{
    int c = strncmp(s, t, n);
    if (c)
        return c;
    return t[n] ? -1 : 0;
}

static int cmp_str(const void *k, const void *e)
{
    const key *a = k;
    return cmp_key(a->s, a->n, *(const char *const *)e);
}

/* Binary search with an inline comparison: this runs for every word
 * followed by a period, and strncmp through bsearch cost more than the
 * rest of the tokenizer's work on such a word. */
int kh_abbrev_kind(const char *s, size_t n)
{
    if (n == 0 || n > 6)
        return KH_ABBR_NONE;
    size_t lo = 0, hi = sizeof abbrevs / sizeof *abbrevs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *e = abbrevs[mid].s;
        size_t i = 0;
        while (i < n && e[i] && e[i] == s[i])
            i++;
        int c = i == n ? (e[i] ? -1 : 0)
                       : (unsigned char)s[i] - (unsigned char)e[i];
        if (c == 0)
            return abbrevs[mid].kind;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return KH_ABBR_NONE;
}

int kh_is_sentence_starter(const char *s, size_t n)
{
    if (n == 0 || n > 10)
        return 0;
    key k = {s, n};
    return bsearch(&k, starters, sizeof starters / sizeof *starters,
                   sizeof *starters, cmp_str) != NULL;
}

int kh_abbrev_tables_sorted(void)
{
    for (size_t i = 1; i < sizeof abbrevs / sizeof *abbrevs; i++)
        if (strcmp(abbrevs[i - 1].s, abbrevs[i].s) >= 0)
            return 0;
    for (size_t i = 1; i < sizeof starters / sizeof *starters; i++)
        if (strcmp(starters[i - 1], starters[i]) >= 0)
            return 0;
    return 1;
}
