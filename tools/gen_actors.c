/*
 * gen_actors.c - writes the bundled country actors (every country, its
 * names, demonyms and capital) in TABARI's .actors format.
 *
 *   gen_actors -o OUT --iso ISO.json --countries COUNTRIES.json
 *              --nationality EN.json [--agents AGENTS] [--hand FILE]...
 *
 * Sources, all public data installed by `make deps`:
 *   ISO.json          Debian iso-codes, iso_3166-1.json: the list of
 *                     countries and territories and their alpha-3 codes
 *                     (our country codes) and ISO names;
 *   COUNTRIES.json    npm world-countries: common and official names,
 *                     other spellings, English demonyms, capitals;
 *   EN.json           npm i18n-nationality, langs/en.json: English
 *                     nationalities, by alpha-2 code;
 *   --hand FILE       our own .actors files (data/dict/NAME.actors): every
 *                     phrase they define is left out here, so that a
 *                     hand-written entry always decides (an ambiguous
 *                     name, a short form, a name that must code nothing);
 *   --agents FILE     our agents: "US" + each one-word agent becomes an
 *                     actor ("US forces" USAMIL), because "US" alone
 *                     cannot be one (see below).
 *
 * What a name becomes, and why (the ambiguity rules):
 * - Names are folded as the coder folds text: upper case, no accents,
 *   hyphens split words ("Guinea-Bissau" is GUINEA_BISSAU), a period is
 *   kept only after a capital ("D.C." stays, "St." is ST).  "Saint X"
 *   also gets "St X".  A leading "The" is dropped.
 * - Left out: names in other scripts (they never occur in English news),
 *   inverted ISO forms with commas or parentheses ("Korea, Republic of"),
 *   one- and two-letter names, and acronyms of four letters or fewer:
 *   alpha-2 codes in the spellings are words ("IN" India, "IS" Iceland,
 *   "US" is the pronoun "us", since dictionaries ignore case).  The
 *   acronyms news uses (UAE, USA, DRC, DPRK, UK) are in our
 *   countries.actors.
 * - A name of several countries goes to the UN member over a territory
 *   ("French" is France, not the French Southern Lands; "American" is the
 *   United States, not the Northern Marianas).  Two members with one name
 *   ("Congolese", "Dominican") are left out with a note, and our
 *   countries.actors decides.
 * - A name that is both a country's and a capital's is the country's
 *   (Djibouti, Singapore, Luxembourg, Monaco).
 * - Capitals are the government (CCCGOV: "Baghdad announced"), for
 *   independent states only: territories' capitals (Hamilton, Douglas,
 *   Stanley, The Valley) are people's names or words, and never speak for
 *   a state.  Only the first capital a state lists (Pretoria, not Cape
 *   Town).  Capitals that are also common words or names (Male, Victoria,
 *   Santiago) are null-coded in countries.actors.
 * - Short names that are also words or names (Chad, Jordan, Georgia,
 *   Turkey, Guinea, China, Niger) are kept: in the news this set is for
 *   they are the countries far more often.  countries.actors null-codes
 *   the longer phrases that are not (the Jordan River, the US state of
 *   Georgia, guinea pigs, the South China Sea).
 * - For every demonym, "X-backed", "X-led", "X-made", "X-based" and
 *   "X-aligned" are nouns: "Iranian-backed militias attacked" has the
 *   militias, not Iran, as its source.  Country names get only "-based":
 *   "Iran backed the deal" is a verb, and hyphens are blanks to the coder.
 * - The plural of a one-word name ("Frances", "Turkeys", "Jerseys") is a
 *   noun: the names take the noun endings for the possessive.
 *
 * The output depends only on the inputs (sorted by code, then by name),
 * so the file is the same on every machine; it is written to a temporary
 * file and renamed, so a failed run never leaves half a file behind.
 */
#include "../src/read/json.h"
#include "../src/text/text.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_NAME, K_DEMONYM, K_CAPITAL };

typedef struct {
    char *key;      /* words joined by blanks: the identity of a phrase */
    char *phrase;   /* as written in the file: WORD_WORD_ */
    int country;    /* index into countries */
    int kind;
} cand;

typedef struct {
    char code[4], a2[3];
    int rank;       /* 2 UN member, 1 independent, 0 territory */
    const char *label;
} country;

static country *countries;
static size_t ncountries;
static cand *cands;
static size_t ncands, cap_cands;
static char **hand;          /* sorted keys of the phrases we wrote */
static size_t nhand, cap_hand;
static size_t noverridden, nskipped;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    fputs("gen_actors: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("%s: %s (run 'make deps' to install the data packages)", path,
            strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *buf = kh_xmalloc(cap);
    size_t k;
    while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (n + 1 == cap)
            buf = kh_xrealloc(buf, cap *= 2);
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static const kh_jval *parse_json(kh_arena *a, const char *path)
{
    size_t n, off;
    const char *msg;
    char *buf = read_all(path, &n);
    const kh_jval *v = kh_json_parse(a, buf, n, &off, &msg);
    if (!v)
        die("%s: byte %zu: %s", path, off, msg);
    return v;
}

static const char *jstr(const kh_jval *obj, const char *key)
{
    const kh_jval *v = obj ? kh_json_get(obj, key) : NULL;
    return v && v->type == KH_JSTR ? v->str : NULL;
}

/* ---- names into phrases -------------------------------------------------- */

/* Folds raw into words as the coder reads text; fills key ("COTE
 * D'IVOIRE") and phrase ("COTE_D'IVOIRE_").  Returns 0, with *why, when
 * the name is left out. */
static int normalize(const char *raw, char *key, char *phrase, size_t cap,
                     const char **why)
{
    char clean[256];
    size_t n = 0, len = strlen(raw);
    if (len >= sizeof clean)
        return *why = "too long", 0;
    if (strpbrk(raw, ",()/[];"))
        return *why = "punctuation", 0;
    int letters = 0, upper = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (isalpha(c)) {
            letters++;
            upper += isupper(c) != 0;
        }
        if (c == '.') {
            /* a period stays after a capital: D.C., U.S. */
            if (i > 0 && isupper((unsigned char)raw[i - 1]))
                clean[n++] = '.';
            continue;
        }
        clean[n++] = c == '-' ? ' ' : (char)c;
    }
    if (letters <= 4 && upper == letters)
        return *why = "an acronym or a code", 0;
    char folded[512];
    size_t m = kh_fold_word(clean, n, folded, sizeof folded - 1);
    if (m >= sizeof folded - 1)
        return *why = "too long", 0;
    folded[m] = '\0';
    for (size_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)folded[i];
        if (c >= 0x80)
            return *why = "not in the Latin alphabet", 0;
        if (!(isupper(c) || isdigit(c) || c == '\'' || c == '.' || c == ' '))
            return *why = "punctuation", 0;
    }
    /* words, without a leading THE */
    size_t k = 0, p = 0, nwords = 0;
    const char *s = folded;
    key[0] = phrase[0] = '\0';
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        size_t wl = strcspn(s, " ");
        if (nwords == 0 && wl == 3 && memcmp(s, "THE", 3) == 0 && s[wl]) {
            s += wl;
            continue;
        }
        if (k + wl + 2 >= cap || p + wl + 2 >= cap)
            return *why = "too long", 0;
        if (nwords) {
            key[k++] = ' ';
            phrase[p++] = '_';
        }
        memcpy(key + k, s, wl);
        memcpy(phrase + p, s, wl);
        k += wl, p += wl;
        nwords++;
        s += wl;
    }
    key[k] = '\0';
    if (!nwords || (nwords == 1 && k <= 2))
        return *why = "too short", 0;
    phrase[p++] = '_';
    phrase[p] = '\0';
    return 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_hand(const char *key)
{
    return nhand && bsearch(&key, hand, nhand, sizeof *hand, cmp_str);
}

static void add_cand(int ci, int kind, const char *raw)
{
    char key[256], phrase[256];
    const char *why;
    if (!raw || !*raw)
        return;
    if (!normalize(raw, key, phrase, sizeof key, &why)) {
        nskipped++;
        return;
    }
    if (is_hand(key)) {
        noverridden++;
        return;
    }
    if (ncands == cap_cands)
        cands = kh_xrealloc(cands, (cap_cands = cap_cands * 2 + 256) *
                                       sizeof *cands);
    cands[ncands++] = (cand){kh_xstrdup(key), kh_xstrdup(phrase), ci,
                             kind};
    /* "Saint Lucia" is written "St Lucia" too */
    if (strncmp(key, "SAINT ", 6) == 0) {
        char raw2[300];
        snprintf(raw2, sizeof raw2, "St %s", raw + 6);
        add_cand(ci, kind, raw2);
    }
}

/* Adds the demonyms in s: "Antiguan, Barbudan", "Kittitian or Nevisian",
 * "Bosnian - Herzegovinian", "Congolese (Republic of the Congo)". */
static void add_demonyms(int ci, const char *s)
{
    if (!s)
        return;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", s);
    char *paren = strchr(buf, '(');
    if (paren)
        *paren = '\0';
    /* "Palestinian Territory, Occupied" is a name turned round */
    if (strstr(buf, "Territory") || strstr(buf, "Island"))
        return;
    char *p = buf;
    while (*p) {
        size_t k = strcspn(p, ",");
        char *or = strstr(p, " or ");
        char *dash = strstr(p, " - ");
        if (or && (size_t)(or - p) < k)
            k = (size_t)(or - p);
        if (dash && (size_t)(dash - p) < k)
            k = (size_t)(dash - p);
        char one[128];
        snprintf(one, sizeof one, "%.*s", (int)k, p);
        char *a = one, *e = one + strlen(one);
        while (*a == ' ')
            a++;
        while (e > a && e[-1] == ' ')
            *--e = '\0';
        add_cand(ci, K_DEMONYM, a);
        p += k;
        if (*p == ',')
            p++;
        else if (!strncmp(p, " or ", 4))
            p += 4;
        else if (!strncmp(p, " - ", 3))
            p += 3;
    }
}

/* ---- our phrases ---------------------------------------------------------- */

/* The key of a phrase as the .actors format writes it: "+KATA'IB_HEZBOLLAH
 * [X]" is "KATA'IB HEZBOLLAH". */
static void phrase_key(const char *s, size_t n, char *key, size_t cap)
{
    size_t k = 0;
    int blank = 0;
    for (size_t i = 0; i < n && k + 2 < cap; i++) {
        char c = s[i];
        if (c == '_' || c == ' ' || c == '\t' || c == '=') {
            blank = k > 0;
            continue;
        }
        if (blank)
            key[k++] = ' ';
        blank = 0;
        key[k++] = (char)toupper((unsigned char)c);
    }
    key[k] = '\0';
}

static void read_hand(const char *path)
{
    size_t len;
    char *buf = read_all(path, &len);
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *s = line;
        line = nl ? nl + 1 : NULL;
        char *semi = strchr(s, ';');
        if (semi)
            *semi = '\0';
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s || *s == '#' || *s == '/' || *s == '<' || *s == '[')
            continue;
        if (*s == '~')
            break;
        if (*s == '+')
            s++;
        size_t n = strcspn(s, "[");
        char key[256];
        phrase_key(s, n, key, sizeof key);
        if (!*key)
            continue;
        if (nhand == cap_hand)
            hand = kh_xrealloc(hand, (cap_hand = cap_hand * 2 + 256) *
                                         sizeof *hand);
        hand[nhand++] = kh_xstrdup(key);
    }
    free(buf);
}

/* ---- choosing and writing -------------------------------------------------- */

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    /* a name before a capital; then the higher-ranked country */
    if ((x->kind == K_CAPITAL) != (y->kind == K_CAPITAL))
        return x->kind == K_CAPITAL ? 1 : -1;
    if (countries[x->country].rank != countries[y->country].rank)
        return countries[y->country].rank - countries[x->country].rank;
    return x->country - y->country;
}

/* Keeps one candidate per key (marks the others with country = -1). */
static void choose(void)
{
    qsort(cands, ncands, sizeof *cands, cmp_cand);
    for (size_t i = 0; i < ncands;) {
        size_t j = i + 1;
        while (j < ncands && strcmp(cands[j].key, cands[i].key) == 0)
            j++;
        const cand *best = &cands[i];
        int tie = 0;
        for (size_t k = i + 1; k < j; k++) {
            const cand *c = &cands[k];
            if (c->country != best->country &&
                (c->kind == K_CAPITAL) == (best->kind == K_CAPITAL) &&
                countries[c->country].rank == countries[best->country].rank)
                tie = 1;
        }
        if (tie) {
            fprintf(stderr, "gen_actors: note: \"%s\" names", best->key);
            for (size_t k = i; k < j; k++)
                fprintf(stderr, " %s", countries[cands[k].country].code);
            fprintf(stderr, ": left out (decide in data/dict/countries.actors)\n");
            for (size_t k = i; k < j; k++)
                cands[k].country = -1;
        } else {
            for (size_t k = i + 1; k < j; k++)
                cands[k].country = -1;
        }
        i = j;
    }
}

static int cmp_country_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    int cx = x->country < 0 ? 1 << 30 : x->country;
    int cy = y->country < 0 ? 1 << 30 : y->country;
    if (cx != cy)
        return cx - cy;
    if (x->kind != y->kind)
        return x->kind - y->kind;
    return strcmp(x->key, y->key);
}

static int cmp_cand_key(const void *k, const void *c)
{
    return strcmp(k, ((const cand *)c)->key);
}

/* Whether key is a kept candidate (cands sorted by key, before the
 * sort by country). */
static cand *keyed;
static size_t nkeyed;
static int is_cand(const char *key)
{
    return nkeyed && bsearch(key, keyed, nkeyed, sizeof *keyed, cmp_cand_key);
}

static const char *const noun_suffixes[] = {"BACKED", "LED", "MADE", "BASED",
                                            "ALIGNED"};

static void write_nouns(FILE *f, size_t *nnouns)
{
    fprintf(f, "# \"Iranian-backed militias\", \"a London-based group\": "
               "the militias and the\n# group are the actors, not Iran "
               "or London.\n<NOUN>\n");
    for (size_t i = 0; i < ncands && cands[i].country >= 0; i++) {
        const cand *c = &cands[i];
        for (size_t s = 0; s < sizeof noun_suffixes / sizeof *noun_suffixes;
             s++) {
            int based = strcmp(noun_suffixes[s], "BASED") == 0;
            if (c->kind != K_DEMONYM && !based)
                continue;
            char key[300];
            snprintf(key, sizeof key, "%s %s", c->key, noun_suffixes[s]);
            if (is_hand(key))
                continue;
            /* the phrase without its last _, then the suffix, exact */
            fprintf(f, "%.*s_%s=\n", (int)strlen(c->phrase) - 1, c->phrase,
                    noun_suffixes[s]);
            ++*nnouns;
        }
        /* A one-word name takes the noun endings for "France's", which
         * also give "Frances", "Turkeys", "Jerseys": the plural of a
         * country's or a capital's name is a noun, found first as the
         * longer root. */
        if (c->kind != K_DEMONYM && !strchr(c->key, ' ') &&
            c->key[strlen(c->key) - 1] != 'S') {
            char key[300];
            snprintf(key, sizeof key, "%sS", c->key);
            if (!is_hand(key) && !is_cand(key)) {
                fprintf(f, "%s=\n", key);
                ++*nnouns;
            }
        }
    }
    fprintf(f, "</NOUN>\n\n");
}

/* "US" + one-word agents: "US forces" is USAMIL.  "US" cannot be an actor
 * by itself (the pronoun), and "US" followed by a role is never "us". */
static size_t write_prefixed_agents(FILE *f, const char *path,
                                    const char *prefix, const char *code)
{
    size_t len, n = 0;
    char *buf = read_all(path, &len);
    fprintf(f, "# ---- %s + a one-word agent (from %s): \"%s\" alone is "
               "a word\n", prefix, path, prefix);
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *s = line;
        line = nl ? nl + 1 : NULL;
        char *semi = strchr(s, ';');
        if (semi)
            *semi = '\0';
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s || *s == '#' || *s == '/' || *s == '<')
            continue;
        if (*s == '~')
            break;
        char *b = strchr(s, '[');
        char *e = b ? strchr(b, ']') : NULL;
        if (!b || !e)
            continue;
        char ph[128];
        snprintf(ph, sizeof ph, "%.*s", (int)(b - s), s);
        size_t pl = strlen(ph);
        while (pl && (ph[pl - 1] == ' ' || ph[pl - 1] == '\t'))
            ph[--pl] = '\0';
        /* one word: WORD_ or WORD= or WORD */
        size_t wl = strcspn(ph, "_ =");
        if (ph[wl] && strspn(ph + wl, "_=") != strlen(ph + wl))
            continue;
        char ag[32];
        snprintf(ag, sizeof ag, "%.*s", (int)(e - b - 1), b + 1);
        char *t = strchr(ag, '~');
        if (!t)
            continue;
        char full[80];
        if (t == ag)
            snprintf(full, sizeof full, "%s%s", code, ag + 1);
        else
            snprintf(full, sizeof full, "%.*s%s", (int)(t - ag), ag, code);
        char key[200];
        snprintf(key, sizeof key, "%s %.*s", prefix, (int)wl, ph);
        if (is_hand(key))
            continue;
        fprintf(f, "%s_%s [%s]\n", prefix, ph, full);
        n++;
    }
    free(buf);
    fputc('\n', f);
    return n;
}

int main(int argc, char **argv)
{
    const char *out = NULL, *iso = NULL, *wc = NULL, *nat = NULL,
               *agents = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            die("usage: gen_actors -o OUT --iso F --countries F "
                "--nationality F [--agents F] [--hand F]...");
        if (!strcmp(a, "-o"))
            out = argv[++i];
        else if (!strcmp(a, "--iso"))
            iso = argv[++i];
        else if (!strcmp(a, "--countries"))
            wc = argv[++i];
        else if (!strcmp(a, "--nationality"))
            nat = argv[++i];
        else if (!strcmp(a, "--agents"))
            agents = argv[++i];
        else if (!strcmp(a, "--hand"))
            read_hand(argv[++i]);
        else
            die("unknown option %s", a);
    }
    if (!out || !iso || !wc || !nat)
        die("-o, --iso, --countries and --nationality are required");
    qsort(hand, nhand, sizeof *hand, cmp_str);

    kh_arena arena;
    kh_arena_init(&arena);
    const kh_jval *jiso = parse_json(&arena, iso);
    const kh_jval *jwc = parse_json(&arena, wc);
    const kh_jval *jnat = parse_json(&arena, nat);
    const kh_jval *list = kh_json_get(jiso, "3166-1");
    const kh_jval *nats = kh_json_get(jnat, "nationalities");
    if (!list || list->type != KH_JARR || jwc->type != KH_JARR || !nats ||
        nats->type != KH_JOBJ)
        die("unexpected layout in %s, %s or %s", iso, wc, nat);

    /* ISO's list, plus Kosovo: not in ISO 3166-1; XKX is the code the
     * EU, the IMF and most data sets use (world-countries says UNK). */
    countries = kh_xcalloc(list->n + 1, sizeof *countries);
    const kh_jval **wcs = kh_xcalloc(list->n + 1, sizeof *wcs);
    const kh_jval **isos = kh_xcalloc(list->n + 1, sizeof *isos);
    for (size_t i = 0; i <= list->n; i++) {
        const kh_jval *e = i < list->n ? list->items[i] : NULL;
        const char *a3 = e ? jstr(e, "alpha_3") : "XKX";
        const char *a2 = e ? jstr(e, "alpha_2") : "XK";
        const char *look = e ? a3 : "UNK";
        if (!a3 || !a2 || strlen(a3) != 3 || strlen(a2) != 2)
            die("%s: entry %zu has no alpha_2/alpha_3 code", iso, i);
        const kh_jval *w = NULL;
        for (size_t k = 0; k < jwc->n && !w; k++) {
            const char *c = jstr(jwc->items[k], "cca3");
            if (c && !strcmp(c, look))
                w = jwc->items[k];
        }
        if (!e && !w)
            continue;
        country *c = &countries[ncountries];
        memcpy(c->code, a3, 4);
        memcpy(c->a2, a2, 3);
        const kh_jval *um = w ? kh_json_get(w, "unMember") : NULL;
        const kh_jval *ind = w ? kh_json_get(w, "independent") : NULL;
        c->rank = um && um->type == KH_JTRUE ? 2
                  : ind && ind->type == KH_JTRUE ? 1 : 0;
        /* Palestine, Kosovo, Taiwan and the Holy See: states in the news,
         * whatever their membership */
        if (!strcmp(a3, "PSE") || !strcmp(a3, "XKX") || !strcmp(a3, "TWN") ||
            !strcmp(a3, "VAT"))
            c->rank = 1;
        const kh_jval *nm = w ? kh_json_get(w, "name") : NULL;
        c->label = (e ? jstr(e, "common_name") : NULL);
        if (!c->label)
            c->label = nm ? jstr(nm, "common") : jstr(e, "name");
        wcs[ncountries] = w;
        isos[ncountries] = e;
        ncountries++;
    }

    for (size_t i = 0; i < ncountries; i++) {
        int ci = (int)i;
        const kh_jval *e = isos[i], *w = wcs[i];
        if (e) {
            add_cand(ci, K_NAME, jstr(e, "name"));
            add_cand(ci, K_NAME, jstr(e, "common_name"));
            add_cand(ci, K_NAME, jstr(e, "official_name"));
        }
        if (w) {
            const kh_jval *nm = kh_json_get(w, "name");
            add_cand(ci, K_NAME, jstr(nm, "common"));
            add_cand(ci, K_NAME, jstr(nm, "official"));
            const kh_jval *alt = kh_json_get(w, "altSpellings");
            for (size_t k = 0; alt && alt->type == KH_JARR && k < alt->n; k++)
                if (alt->items[k]->type == KH_JSTR)
                    add_cand(ci, K_NAME, alt->items[k]->str);
            const kh_jval *dem = kh_json_get(w, "demonyms");
            const kh_jval *eng = dem ? kh_json_get(dem, "eng") : NULL;
            add_demonyms(ci, jstr(eng, "m"));
            add_demonyms(ci, jstr(eng, "f"));
            const kh_jval *cap = kh_json_get(w, "capital");
            if (countries[i].rank > 0 && cap && cap->type == KH_JARR &&
                cap->n && cap->items[0]->type == KH_JSTR)
                add_cand(ci, K_CAPITAL, cap->items[0]->str);
        }
        add_demonyms(ci, jstr(nats, countries[i].a2));
    }
    choose();
    /* a copy sorted by key, for is_cand */
    keyed = kh_xmalloc((ncands + 1) * sizeof *keyed);
    memcpy(keyed, cands, ncands * sizeof *cands);
    nkeyed = ncands;
    qsort(cands, ncands, sizeof *cands, cmp_country_cand);

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    FILE *f = fopen(tmp, "w");
    if (!f)
        die("%s: %s", tmp, strerror(errno));
    fprintf(f,
            "# world.actors - every country: names, demonyms, capitals.\n"
            "#\n# Generated by tools/gen_actors.c from Debian iso-codes\n"
            "# (%s),\n# npm world-countries and npm i18n-nationality.  "
            "Do not edit: the\n# phrases of data/dict/*.actors are left "
            "out here, so add or correct\n# a name there (see "
            "data/dict/README.md), or change the rules in\n# "
            "tools/gen_actors.c, and run make.\n\n", iso);
    size_t nnouns = 0, nnames = 0, ncaps = 0, nctry = 0;
    write_nouns(f, &nnouns);
    for (size_t i = 0; i < ncands && cands[i].country >= 0;) {
        int ci = cands[i].country;
        size_t j = i;
        while (j < ncands && cands[j].country == ci)
            j++;
        fprintf(f, "# %s %s\n", countries[ci].code, countries[ci].label);
        /* the head: the common name if it survived, else the first */
        size_t head = i;
        char lk[256], lp[256];
        const char *why;
        if (normalize(countries[ci].label, lk, lp, sizeof lk, &why))
            for (size_t k = i; k < j; k++)
                if (cands[k].kind != K_CAPITAL && !strcmp(cands[k].key, lk))
                    head = k;
        if (cands[head].kind != K_CAPITAL) {
            fprintf(f, "%s [%s]\n", cands[head].phrase, countries[ci].code);
            nctry++;
            nnames++;
            for (size_t k = i; k < j; k++)
                if (k != head && cands[k].kind != K_CAPITAL) {
                    fprintf(f, "+%s\n", cands[k].phrase);
                    nnames++;
                }
        }
        for (size_t k = i; k < j; k++)
            if (cands[k].kind == K_CAPITAL) {
                fprintf(f, "%s [%sGOV]\n", cands[k].phrase,
                        countries[ci].code);
                ncaps++;
            }
        fputc('\n', f);
        i = j;
    }
    size_t nus = agents ? write_prefixed_agents(f, agents, "US", "USA") : 0;
    fprintf(f, "~FINISH\n");
    if (fclose(f) != 0)
        die("%s: %s", tmp, strerror(errno));
    if (rename(tmp, out) != 0)
        die("%s: %s", out, strerror(errno));
    fprintf(stderr,
            "gen_actors: wrote %s: %zu countries, %zu names and demonyms, "
            "%zu capitals, %zu nouns, %zu US+agent phrases (%zu names left "
            "to our files, %zu unusable)\n",
            out, nctry, nnames, ncaps, nnouns, nus, noverridden, nskipped);
    kh_arena_free(&arena);
    return 0;
}
