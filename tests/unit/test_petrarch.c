/*
 * test_petrarch.c - PETRARCH's dictionaries (dict/petrarch*.c) and its
 * validation XML (read/petrxml.c).
 *
 * The real files are read in place from ../shared (dictionaries/phoenix
 * and eval/petrarch2-unit); those tests skip, saying so in one line, when
 * it is absent.  The counts they check were computed from the files with
 * grep and awk, independently of the reader (the commands are beside each
 * number), and every warning the Phoenix files cause is named: each is a
 * line that is malformed, not one the reader failed to understand.
 */
#include "testutil.h"

#include "dict/petrarch.h"
#include "read/petrxml.h"

#include <dirent.h>
#include <time.h>
#include <unistd.h>

/* ---- helpers ----------------------------------------------------------- */

typedef struct {
    size_t n;
    char where[64][300];   /* "file:line" of the first 64 */
    char what[64][256];
} warnings;

static void on_warn(void *ctx, const kh_error *e)
{
    warnings *w = ctx;
    if (w->n < 64) {
        const char *base = strrchr(e->file, '/');
        snprintf(w->where[w->n], sizeof w->where[0], "%s:%ld",
                 base ? base + 1 : e->file, e->line);
        kh_error_format(e, w->what[w->n], sizeof w->what[0]);
    }
    w->n++;
}

static int has_warning(const warnings *w, const char *where, const char *msg)
{
    for (size_t i = 0; i < w->n && i < 64; i++)
        if (strcmp(w->where[i], where) == 0 &&
            (!msg || strstr(w->what[i], msg)))
            return 1;
    return 0;
}

/* The root of kind whose words are phrase's (blank-separated, matched by
 * word id) and, when line is not 0, that was read at that line. */
static uint32_t find_root(const kh_dict *d, int kind, const char *phrase,
                          long line)
{
    uint32_t ids[32];
    size_t n = 0;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", phrase);
    char *save = NULL;
    for (char *w = strtok_r(buf, " ", &save); w && n < 32;
         w = strtok_r(NULL, " ", &save))
        ids[n++] = kh_dict_word_find(d, w, strlen(w));
    if (!n || ids[0] == KH_NONE)
        return KH_NONE;
    size_t nr;
    const uint32_t *rs = kh_dict_roots_of(d, ids[0], &nr);
    for (size_t i = 0; i < nr; i++) {
        const kh_root *r = &d->roots[rs[i]];
        if (r->kind != kind || r->words.n != n || (line && r->line != line))
            continue;
        size_t k = 0;
        while (k < n && d->pels[r->words.first + k].arg == ids[k])
            k++;
        if (k == n)
            return rs[i];
    }
    return KH_NONE;
}

static const char *code_at(const kh_dict *d, const char *phrase, long line,
                           int32_t date)
{
    uint32_t r = find_root(d, KH_ROOT_ACTOR, phrase, line);
    assert_int_not_equal(r, KH_NONE);
    uint32_t c = kh_dict_actor_code(d, &d->actors[d->roots[r].payload], date);
    return c == KH_NONE ? "(null)" : kh_dict_str_text(d, c);
}

static const char *shared_path(const char *rel, char *buf, size_t n)
{
    const char *shared = tu_shared();
    size_t a = shared ? strlen(shared) : 0, b = strlen(rel);
    if (!shared || a + b + 2 > n)
        return NULL;
    memcpy(buf, shared, a);
    buf[a] = '/';
    memcpy(buf + a + 1, rel, b + 1);
    struct stat st;
    return stat(buf, &st) == 0 ? buf : NULL;
}

#define NEED_SHARED(var, rel)                                                 \
    char var##_buf[2048];                                                     \
    const char *var = shared_path(rel, var##_buf, sizeof var##_buf);          \
    if (!var) {                                                               \
        print_message("skipped: ../shared/%s is absent\n", rel);              \
        skip();                                                               \
        return;                                                               \
    }

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A pattern as text, for checks: words, tokens, &SYNSETS and {A|B};
 * "_" joins adjacent elements. */
static void pattern_text(const kh_dict *d, kh_span s, char *out, size_t n)
{
    size_t o = 0;
    out[0] = '\0';
    for (uint32_t i = 0; i < s.n && o < n; i++) {
        const kh_pel *p = &d->pels[s.first + i];
        if (i)
            o += (size_t)snprintf(out + o, n - o, p->adjacent ? "_" : " ");
        if (o >= n)
            break;
        switch (p->type) {
        case KH_PEL_WORD:
            o += (size_t)snprintf(out + o, n - o, "%s",
                                  kh_dict_word_text(d, p->arg, NULL));
            break;
        case KH_PEL_SYNSET:
            o += (size_t)snprintf(out + o, n - o, "%s",
                                  kh_dict_str_text(d, d->alts[p->arg].name));
            break;
        case KH_PEL_ALT: {
            const kh_alt *a = &d->alts[p->arg];
            o += (size_t)snprintf(out + o, n - o, "{");
            for (uint32_t k = 0; k < a->n && o < n; k++) {
                char sub[128];
                pattern_text(d, d->alt_spans[a->first + k], sub, sizeof sub);
                o += (size_t)snprintf(out + o, n - o, "%s%s", k ? "|" : "",
                                      sub);
            }
            if (o < n)
                o += (size_t)snprintf(out + o, n - o, "}");
            break;
        }
        default:
            o += (size_t)snprintf(out + o, n - o, "%c",
                                  "?W&A*$+%^"[p->type]);
        }
    }
}

static const kh_pattern *pattern_at(const kh_dict *d, const char *file,
                                    long line)
{
    for (size_t i = 0; i < d->npatterns; i++) {
        const kh_pattern *p = &d->patterns[i];
        if (p->line == line &&
            strstr(kh_dict_str_text(d, p->file), file))
            return p;
    }
    return NULL;
}

/* ---- the Phoenix dictionaries ------------------------------------------ */

/* Every warning the Phoenix folder gives, each a malformed line:
 *   CAMEO 2374, 7606   text after the pattern ("VISIT)[042:043]")
 *   CAMEO 8443, 8444   &WEATHER, &DEMONSTRATION are never defined
 *   Countries 745, 12159   a ^Z (0x1A) inside a name (ZEROUAL, STRASKY)
 *   Countries 2039, 18010, 22508, 22519, 31715, 43613, 51384, Intl 40
 *                      dates of 7, 9 or 10 digits, or with no < > or -
 *   Countries 14190    [EGYGOV 20121207-20120802]: the range runs back
 *   Countries 15346    FAEROYENE]_
 *   Countries 45980    +TAIOAN_ +TAWIAN_: two synonyms on one line
 *   MilNonState 30     ...AL_ISLAMI+_ISLAMIC_ADEN_ARMY_: the same, run on
 *   agents 544         [~ENV}: the code's ] is a }
 *   agents 1927        ISLAMIC_EXTREMIST with no code */
static const char *const phoenix_warnings[] = {
    "CAMEO.2.0.txt:2374", "CAMEO.2.0.txt:7606", "CAMEO.2.0.txt:8443",
    "CAMEO.2.0.txt:8444", "Phoenix.Countries.actors.txt:745",
    "Phoenix.Countries.actors.txt:2039", "Phoenix.Countries.actors.txt:12159",
    "Phoenix.Countries.actors.txt:14190", "Phoenix.Countries.actors.txt:15346",
    "Phoenix.Countries.actors.txt:18010", "Phoenix.Countries.actors.txt:22508",
    "Phoenix.Countries.actors.txt:22519", "Phoenix.Countries.actors.txt:31715",
    "Phoenix.Countries.actors.txt:43613", "Phoenix.Countries.actors.txt:45980",
    "Phoenix.Countries.actors.txt:51384",
    "Phoenix.International.actors.txt:40",
    "Phoenix.MilNonState.actors.txt:30", "Phoenix.agents.txt:544",
    "Phoenix.agents.txt:1927",
};

static void test_phoenix_counts(void **state)
{
    (void)state;
    NEED_SHARED(dir, "dictionaries/phoenix");
    kh_dict *d = kh_dict_create();
    kh_petr_stats st;
    memset(&st, 0, sizeof st);
    warnings w = {0};
    kh_error err;
    double t0 = now();
    assert_int_equal(kh_petr_read(d, dir, on_warn, &w, &st, &err), KH_OK);
    kh_dict_finish(d);
    double t = now() - t0;
    print_message("Phoenix folder: read + finish in %.3f s, %zu roots, "
                  "%zu warnings\n", t, d->nroots, w.n);
    assert_int_equal(d->format, KH_DICT_PETRARCH);
    assert_int_equal(d->split_clitics, 1);
    assert_int_equal(st.files, 6);

    /* CAMEO.2.0.txt, with comments (# and ;) removed and blank lines
     * dropped, counted by awk: 40 lines starting & and 558 starting + before
     * "####### VERB PATTERNS", then 397 ---, 4668 -, 8 ~ and 1817 others
     * (verb lines); the verb lines' { } hold 976 forms (1817 + 976 = 2793
     * roots).  Of the 4668 patterns 4 are malformed (see above). */
    assert_int_equal(st.synsets, 40);
    assert_int_equal(st.synset_members, 558);
    assert_int_equal(st.blocks, 397);
    assert_int_equal(st.verbs, 1817);
    assert_int_equal(st.verb_forms, 2793);
    assert_int_equal(st.patterns, 4668 - 4);
    assert_int_equal(st.transformations, 8);
    assert_int_equal(d->nverbs, 1817);
    assert_int_equal(d->npatterns, 4664);

    /* The three actor files, by awk (comments removed, blank lines
     * dropped): 18390 + 7841 + 1021 = 27252 primary lines, 7527 + 66 + 772
     * = 8365 lines starting +; grep -o '\[[^]]*\]' after removing #
     * comments finds 37306 codes.  Dropped: 2 primaries with a ^Z (and
     * their 6 codes), 3 synonyms, 9 malformed date restrictions. */
    assert_int_equal(st.actors, 27252 - 2);
    assert_int_equal(d->nactors, 27250);
    assert_int_equal(st.actor_phrases, 27252 + 8365 - 5);
    assert_int_equal(st.dcodes, 37306 - 9 - 6);
    assert_int_equal(d->ndcodes, 37291);

    /* Phoenix.agents.txt: 2245 lines that are not comments or one of the
     * 2 !SET! = lines, 2 of them malformed.  Forms, by awk with the plural
     * rule of kh_petr_plural: 5114 (a !SET! line gives one phrase per item
     * and marker, {X} one plural, {} none, and otherwise a last word of
     * letters not ending in _ or a single S gets one). */
    assert_int_equal(st.agents, 2243);
    assert_int_equal(d->nagents, 2243);
    assert_int_equal(st.agent_forms, 5114);
    assert_int_equal(st.macros, 2);

    /* Phoenix.discards.txt: 506 lines left once comments are removed. */
    assert_int_equal(st.discards, 506);
    assert_int_equal(d->nroots, 2793 + 35612 + 5114 + 506);

    size_t nknown = sizeof phoenix_warnings / sizeof *phoenix_warnings;
    for (size_t i = 0; i < w.n && i < 64; i++) {
        int known = 0;
        for (size_t k = 0; k < nknown; k++)
            known |= strcmp(w.where[i], phoenix_warnings[k]) == 0;
        if (!known)
            print_message("unexpected warning: %s\n", w.what[i]);
        assert_true(known);
    }
    assert_int_equal(w.n, nknown);
    assert_int_equal(st.warnings, nknown);
    assert_int_equal(d->nwarnings, nknown);
    kh_dict_destroy(d);
}

static void test_phoenix_entries(void **state)
{
    (void)state;
    NEED_SHARED(dir, "dictionaries/phoenix");
    kh_dict *d = kh_dict_create();
    kh_error err;
    assert_int_equal(kh_dict_read_petrarch(d, dir, NULL, NULL, &err), KH_OK);
    kh_dict_finish(d);

    /* ABDUL_QADIR_ [AFGELI 620101-780427] [AFGGOV 780427-780430] [AFGELI] */
    assert_string_equal(code_at(d, "ABDUL QADIR", 109, 19780428), "AFGGOV");
    assert_string_equal(code_at(d, "ABDUL QADIR", 109, 19700101), "AFGELI");
    assert_string_equal(code_at(d, "ABDUL QADIR", 109, 19990101), "AFGELI");
    /* +BAN_KI-MOON (hyphens split, as the coder splits the text): IGOUNO
     * after 2007; the restriction before it has a 7-digit date and was
     * dropped, so there is no code in 2005. */
    uint32_t ban = find_root(d, KH_ROOT_ACTOR, "BAN KI MOON", 38);
    assert_int_not_equal(ban, KH_NONE);
    assert_true(d->pels[d->roots[ban].words.first + 2].adjacent);
    assert_string_equal(code_at(d, "BAN KI MOON", 38, 20080101), "IGOUNO");
    assert_string_equal(code_at(d, "BAN KI MOON", 38, 20050101), "(null)");
    /* the synonym's actor is its primary's */
    uint32_t sg = find_root(d, KH_ROOT_ACTOR, "SECRETARY GENERAL BAN KI MOON",
                            34);
    assert_int_equal(d->roots[sg].payload, d->roots[ban].payload);
    assert_int_equal(d->actors[d->roots[ban].payload].parent, sg);

    /* TRUCE_MONITOR [IGO~]: the code goes before the actor's */
    uint32_t tm = find_root(d, KH_ROOT_AGENT, "TRUCE MONITORS", 0);
    assert_int_not_equal(tm, KH_NONE);
    const kh_agent *ag = &d->agents[d->roots[tm].payload];
    assert_string_equal(kh_dict_str_text(d, ag->code), "IGO");
    assert_int_equal(ag->prefix, 1);
    /* FOREIGN_!MINIST! [~GOV], !MINIST! = MINISTER, MINISTERS, MINISTRY,
     * MINISTRIES: four phrases, no plurals made of them */
    uint32_t fm = find_root(d, KH_ROOT_AGENT, "FOREIGN MINISTRIES", 726);
    assert_int_not_equal(fm, KH_NONE);
    ag = &d->agents[d->roots[fm].payload];
    assert_string_equal(kh_dict_str_text(d, ag->code), "GOV");
    assert_int_equal(ag->prefix, 0);
    assert_int_not_equal(find_root(d, KH_ROOT_AGENT, "FOREIGN MINISTER", 726),
                         KH_NONE);
    assert_int_equal(find_root(d, KH_ROOT_AGENT, "FOREIGN MINISTERSES", 0),
                     KH_NONE);
    assert_int_not_equal(find_root(d, KH_ROOT_AGENT, "CATTLEWOMEN", 61),
                         KH_NONE);

    /* +ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020] */
    uint32_t ask = find_root(d, KH_ROOT_VERB, "ASK FOR", 913);
    assert_int_not_equal(ask, KH_NONE);
    const kh_root *r = &d->roots[ask];
    assert_int_equal(d->pels[r->words.first].match, KH_MATCH_ENDINGS);
    assert_int_equal(d->pels[r->words.first + 1].match, KH_MATCH_EXACT);
    assert_true(d->pels[r->words.first + 1].adjacent);
    const kh_verb *vb = &d->verbs[r->payload];
    assert_int_equal(vb->root, ask);
    assert_string_equal(kh_dict_str_text(d, vb->code.code), "020");
    uint32_t asked = find_root(d, KH_ROOT_VERB, "ASKED FOR", 913);
    assert_int_equal(d->roots[asked].payload, r->payload);
    assert_int_equal(d->pels[d->roots[asked].words.first].match,
                     KH_MATCH_EXACT);
    /* every verb of the ASK block shares its 63 patterns; INQUIRE has
     * the block's null code, GRILL [110] its own */
    uint32_t ask1 = find_root(d, KH_ROOT_VERB, "ASK", 914);
    uint32_t grill = find_root(d, KH_ROOT_VERB, "GRILL", 916);
    uint32_t inquire = find_root(d, KH_ROOT_VERB, "INQUIRE", 917);
    const kh_verb *vi = &d->verbs[d->roots[inquire].payload];
    assert_int_equal(vi->code.flags, KH_EC_NULL);
    assert_string_equal(
        kh_dict_str_text(d, d->verbs[d->roots[grill].payload].code.code),
        "110");
    assert_int_equal(d->verbs[d->roots[ask1].payload].patterns_first,
                     vi->patterns_first);
    assert_int_equal(vi->npatterns, 63);
    assert_int_equal(vb->npatterns, 63);
    assert_int_equal(vb->patterns_first, vi->patterns_first);

    /* patterns: ( ) and { } dropped, a synset, a slash alternative, and
     * [:173], the event of the target alone */
    char buf[256];
    const kh_pattern *p = pattern_at(d, "CAMEO", 943);
    pattern_text(d, p->pels, buf, sizeof buf);
    assert_string_equal(buf, "* FOR FINANCIAL AID");
    assert_string_equal(kh_dict_str_text(d, p->code.code), "0231");
    assert_int_equal(p->pels.n, 4);
    assert_int_equal(d->pels[p->pels.first + 3].match, KH_MATCH_EXACT);
    p = pattern_at(d, "CAMEO", 946);
    pattern_text(d, p->pels, buf, sizeof buf);
    assert_string_equal(buf, "* &CURRENCY");
    p = pattern_at(d, "CAMEO", 5256);
    pattern_text(d, p->pels, buf, sizeof buf);
    assert_string_equal(buf, "* {TO|FOR} PROTEST");
    p = pattern_at(d, "CAMEO", 804);
    assert_int_equal(p->code.code, KH_NONE);
    assert_string_equal(kh_dict_str_text(d, p->code.code2), "173");
    assert_true(p->code.flags & KH_EC_PAIRED);
    /* &FIGHT_OF_WORDS is one name; &FIGHT_GAMES is &FIGHT then GAMES */
    p = pattern_at(d, "CAMEO", 8688);
    pattern_text(d, p->pels, buf, sizeof buf);
    assert_string_equal(buf, "* IN &FIGHT_OF_WORDS");
    p = pattern_at(d, "CAMEO", 3887);
    pattern_text(d, p->pels, buf, sizeof buf);
    assert_string_equal(buf, "* &FIGHT_GAMES IN +");
    /* synset members get plurals (&CURRENCY: MONEY, MONEYS; CASH_ none) */
    uint32_t cur = kh_dict_synset(d, "&CURRENCY", 9);
    assert_int_not_equal(cur, KH_NONE);
    int money = 0, moneys = 0, cashes = 0;
    for (uint32_t k = 0; k < d->alts[cur].n; k++) {
        pattern_text(d, d->alt_spans[d->alts[cur].first + k], buf,
                     sizeof buf);
        money += strcmp(buf, "MONEY") == 0;
        moneys += strcmp(buf, "MONEYS") == 0;
        cashes += strcmp(buf, "CASHES") == 0;
    }
    assert_int_equal(money + moneys, 2);
    assert_int_equal(cashes, 0);
    /* &AUXVERB1_ (a final _): no plurals */
    uint32_t aux = kh_dict_synset(d, "&AUXVERB1", 9);
    assert_int_equal(d->alts[aux].n, 3);

    /* discards: "ACADEMY AWARD" a sentence discard, a stem at the end;
     * "+ANDRE AGASSI" a story discard */
    uint32_t dc = find_root(d, KH_ROOT_DISCARD, "ACADEMY AWARD", 132);
    assert_int_not_equal(dc, KH_NONE);
    assert_int_equal(d->roots[dc].payload, 0);
    assert_int_equal(
        d->roots[find_root(d, KH_ROOT_DISCARD, "ANDRE AGASSI", 0)].payload, 1);
    assert_int_equal(d->pels[d->roots[dc].words.first + 1].match,
                     KH_MATCH_STEM);
    kh_dict_destroy(d);
}

/* Each .txt of the folder read on its own: the warnings are those of the
 * folder, and files that are not dictionaries of the model (issues,
 * prepositions) are refused by name. */
static void test_phoenix_every_file(void **state)
{
    (void)state;
    NEED_SHARED(dir, "dictionaries/phoenix");
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    struct dirent *e;
    size_t total = 0, files = 0;
    while ((e = readdir(dp)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 4, ".txt") != 0)
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        kh_dict *d = kh_dict_create();
        warnings w = {0};
        kh_error err;
        int rc = kh_dict_read_petrarch(d, path, on_warn, &w, &err);
        if (rc == KH_EUSAGE) {
            print_message("%s: not a dictionary of the model (%s)\n",
                          e->d_name, err.message);
            assert_true(strstr(e->d_name, "Issue") ||
                        strstr(e->d_name, "prepositions"));
        } else {
            assert_int_equal(rc, KH_OK);
            kh_dict_finish(d);
            print_message("%s: %zu warnings\n", e->d_name, w.n);
            for (size_t i = 0; i < w.n && i < 64; i++)
                print_message("  %s\n", w.what[i]);
            total += w.n;
            files++;
        }
        kh_dict_destroy(d);
    }
    closedir(dp);
    print_message("every .txt of the Phoenix folder: %zu warnings in %zu "
                  "dictionaries\n", total, files);
    assert_int_equal(files, 6);
    assert_int_equal(total, sizeof phoenix_warnings / sizeof *phoenix_warnings);
}

/* ---- PETR.Validate --------------------------------------------------------- */

static void test_validate_set(void **state)
{
    (void)state;
    NEED_SHARED(dir, "eval/petrarch2-unit");
    kh_dict *d = kh_dict_create();
    kh_petr_stats st;
    memset(&st, 0, sizeof st);
    warnings w = {0};
    kh_error err;
    assert_int_equal(kh_petr_read(d, dir, on_warn, &w, &st, &err), KH_OK);
    kh_dict_finish(d);
    /* By awk as for Phoenix, <!-- --> removed first (perl -0pe
     * 's/<!--.*?-->//gs'): verbs 17 synsets, 261 blocks, 474 patterns,
     * 265 verb lines and 4 multi-word verbs among the 60 + lines (56 are
     * synset members), of which LASH OUT and RULE OUT are malformed (two
     * words without _ and +; 447's header has two codes, which is only
     * reported); actors 128 primaries and 33 synonyms; agents 88 lines
     * (3 start with !, one of them an agent); discards 9. */
    assert_int_equal(st.synsets, 17);
    assert_int_equal(st.synset_members, 56);
    assert_int_equal(st.blocks, 261);
    assert_int_equal(st.verbs, 265 + 4 - 2);
    assert_int_equal(st.patterns, 474);
    assert_int_equal(st.actors, 128);
    assert_int_equal(st.actor_phrases, 161);
    assert_int_equal(st.agents, 88);
    assert_int_equal(st.discards, 9);
    assert_int_equal(w.n, 3);
    assert_true(has_warning(&w, "PETR.Validate.verbs.txt:447", "second code"));
    assert_true(has_warning(&w, "PETR.Validate.verbs.txt:688", "OUT"));
    assert_true(has_warning(&w, "PETR.Validate.verbs.txt:1025", "OUT"));

    /* SAM_GAMGEE [HOB] and five restrictions: the one written first wins
     * where two overlap, and the default only when none fits */
    assert_string_equal(code_at(d, "SAM GAMGEE", 0, 20080101), "HOBCIV");
    assert_string_equal(code_at(d, "SAM GAMGEE", 0, 20100110), "ORCHOB");
    assert_string_equal(code_at(d, "SAM GAMGEE", 0, 20110101), "HOBMIL");
    assert_string_equal(code_at(d, "SAM GAMGEE", 0, 20140101), "HOBELI");
    /* GOLLUM +SMEAGOL [HOB < 950601] [HOBGOV 19950601 - 19990815] */
    assert_string_equal(code_at(d, "SMEAGOL", 0, 19940101), "HOB");
    assert_string_equal(code_at(d, "SMEAGOL", 0, 19970101), "HOBGOV");
    assert_string_equal(code_at(d, "PRINCE OF DOL AMROTH", 0, 19900101),
                        "---");
    assert_string_equal(code_at(d, "PRINCE OF DOL AMROTH", 0, 19960101),
                        "DOL");
    /* agents: CONGRESS gets CONGRESSES; CONGRESS!PERSON! no plurals;
     * GOLDEN_GOOSE {GOLDEN_GEESE}; MSF {} [NGO~] */
    assert_int_not_equal(find_root(d, KH_ROOT_AGENT, "CONGRESSES", 0),
                         KH_NONE);
    assert_int_not_equal(find_root(d, KH_ROOT_AGENT, "CONGRESSWOMEN", 0),
                         KH_NONE);
    assert_int_equal(find_root(d, KH_ROOT_AGENT, "CONGRESSWOMENS", 0),
                     KH_NONE);
    assert_int_not_equal(find_root(d, KH_ROOT_AGENT, "GOLDEN GEESE", 0),
                         KH_NONE);
    assert_int_equal(find_root(d, KH_ROOT_AGENT, "GOLDEN GOOSES", 0),
                     KH_NONE);
    uint32_t msf = find_root(d, KH_ROOT_AGENT, "MSF", 0);
    assert_int_equal(d->agents[d->roots[msf].payload].prefix, 1);
    assert_int_equal(find_root(d, KH_ROOT_AGENT, "MSFS", 0), KH_NONE);
    /* verbs: WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING} in CONFISCATE [1711] */
    uint32_t wt = find_root(d, KH_ROOT_VERB, "WIRE TAP", 0);
    assert_int_equal(d->pels[d->roots[wt].words.first + 1].match,
                     KH_MATCH_ENDINGS);
    assert_string_equal(
        kh_dict_str_text(d, d->verbs[d->roots[wt].payload].code.code),
        "1711");
    assert_int_not_equal(find_root(d, KH_ROOT_VERB, "WIRE TAPPED", 0),
                         KH_NONE);
    /* [###] is a code, not a comment; embedded synsets; &NAME_WORD */
    char buf[256];
    const kh_pattern *p = pattern_at(d, "verbs", 992);
    assert_non_null(p);
    assert_int_equal(p->code.flags, KH_EC_DISCARD);
    p = pattern_at(d, "verbs", 62);
    pattern_text(d, p->pels, buf, sizeof buf);
    assert_string_equal(buf, "* NEW_&TIETYPES_RELATIONS");
    p = pattern_at(d, "verbs", 80);
    pattern_text(d, p->pels, buf, sizeof buf);
    assert_string_equal(buf, "IN *");   /* "IN_ *": the blank wins */
    uint32_t acc = kh_dict_synset(d, "&ACCORDSYN", 10);
    assert_int_equal(d->pels[d->alt_spans[d->alts[acc].first].first].type,
                     KH_PEL_SYNSET);
    /* discards: "+World Golf Championships" */
    uint32_t dc = find_root(d, KH_ROOT_DISCARD, "WORLD GOLF CHAMPIONSHIPS", 0);
    assert_int_equal(d->roots[dc].payload, 1);
    dc = find_root(d, KH_ROOT_DISCARD, "MONTHS LATER", 0);
    assert_int_equal(d->roots[dc].payload, 0);
    kh_dict_destroy(d);
}

/* ---- malformed input, from memory ---------------------------------------- */

static warnings read_mem(kh_dict *d, const char *kind, const char *text)
{
    warnings w = {0};
    kh_error err;
    assert_int_equal(kh_dict_read_petrarch_mem(d, text, strlen(text), kind,
                                               "t.txt", on_warn, &w, &err),
                     KH_OK);
    kh_dict_finish(d);
    return w;
}

static void test_malformed_lines(void **state)
{
    (void)state;
    kh_dict *d = kh_dict_create();
    warnings w = read_mem(d, "verbs",
                          "- * X [010]\n"               /* 1 */
                          "&SYN\n"
                          "+ONE\n"
                          "+TWO $\n"                     /* 4 */
                          "--- GOOD [020] ---\n"
                          "GO {WENT GONE}\n"
                          "- NO VERB HERE [030]\n"       /* 7 */
                          "- * &UNDEFINED [040]\n"       /* 8 */
                          "- * (FOR {AID} [050]\n"       /* 9 */
                          "- * &SYN [05x!!]\n"           /* 10 */
                          "CUT_OFF\n"                    /* 11 */
                          "LASH OUT\n"                   /* 12 */
                          "- * * [060]\n"                /* 13 */
                          "- * { A | } [070]\n"          /* 14 */
                          "- * &SYN [080]\n"
                          "<!-- never closed\n");        /* 16 */
    assert_true(has_warning(&w, "t.txt:1", "before any --- block"));
    assert_true(has_warning(&w, "t.txt:4", "synset member"));
    assert_true(has_warning(&w, "t.txt:7", "without the verb marker"));
    assert_true(has_warning(&w, "t.txt:8", "&UNDEFINED is not defined"));
    assert_true(has_warning(&w, "t.txt:9", "never closed"));
    assert_true(has_warning(&w, "t.txt:10", "bad event code"));
    assert_true(has_warning(&w, "t.txt:11", "without a +"));
    assert_true(has_warning(&w, "t.txt:12", "unexpected text after the verb"));
    assert_true(has_warning(&w, "t.txt:13", "more than one *"));
    assert_true(has_warning(&w, "t.txt:14", "empty alternative"));
    assert_true(has_warning(&w, "t.txt:16", "never closed by -->"));
    assert_int_equal(w.n, 11);
    assert_true(strstr(w.what[3], "t.txt:8:5:") != NULL);  /* file:line:col */
    assert_int_equal(d->nverbs, 1);
    assert_int_equal(d->npatterns, 1);
    assert_int_equal(d->verbs[0].npatterns, 1);
    kh_dict_destroy(d);

    d = kh_dict_create();
    w = read_mem(d, "actors",
                 "\t[ABC]\n"                                 /* 1 */
                 "+SYNONYM\n"                                /* 2 */
                 "GOOD_ONE [GD1] ; a comment\n"
                 "+GOOD_TWO [GD2 <20000101]\n"
                 "\t[GD3 20010101-20011301]\n"               /* 5 */
                 "\t[GD4 20050101]\n"                        /* 6 */
                 "\t[GD5 >20020101\n"                        /* 7 */
                 "BAD+ +RUNON [X]\n"                         /* 8 */
                 "B+H_CARRIERS [BH]\n"
                 "<!-- a comment\n"
                 "   over lines --> AFTER [AF] # yes\n"
                 "\t[123456]\n");                             /* 12 */
    assert_true(has_warning(&w, "t.txt:1", "without an actor"));
    assert_true(has_warning(&w, "t.txt:2", "without an actor"));
    assert_true(has_warning(&w, "t.txt:5", "bad date"));
    assert_true(has_warning(&w, "t.txt:6", "bad date"));
    assert_true(has_warning(&w, "t.txt:7", "missing ]"));
    assert_true(has_warning(&w, "t.txt:8", "unexpected '+'"));
    assert_true(has_warning(&w, "t.txt:12", "a date where the code"));
    assert_int_equal(w.n, 7);
    assert_string_equal(code_at(d, "GOOD ONE", 3, 19990101), "GD2");
    assert_string_equal(code_at(d, "GOOD TWO", 4, 20010101), "GD1");
    assert_string_equal(code_at(d, "B+H CARRIERS", 9, 20010101), "BH");
    assert_string_equal(code_at(d, "AFTER", 11, 20010101), "AF");
    kh_dict_destroy(d);

    d = kh_dict_create();
    w = read_mem(d, "agents",
                 "!P! = MAN, WOMAN\n"
                 "NO_CODE\n"                                 /* 2 */
                 "BAD_BRACKET [~ENV}\n"                      /* 3 */
                 "TWO_TILDES [~X~]\n"                        /* 4 */
                 "UNKNOWN!Q! [~Y]\n"                         /* 5 */
                 "OPEN {PLURAL [~Z]\n"                       /* 6 */
                 "!P!_OF_!P! [~W]\n"
                 "ARMY [~MIL]\n"
                 "DAY [~D]\n"
                 "CHURCH [~REL]\n");
    assert_true(has_warning(&w, "t.txt:2", "without a [code]"));
    assert_true(has_warning(&w, "t.txt:3", "missing ]"));
    assert_true(has_warning(&w, "t.txt:4", "one ~"));
    assert_true(has_warning(&w, "t.txt:5", "!Q! is not defined"));
    assert_true(has_warning(&w, "t.txt:6", "missing }"));
    assert_int_equal(w.n, 5);
    assert_int_not_equal(find_root(d, KH_ROOT_AGENT, "WOMAN OF MAN", 7),
                         KH_NONE);
    assert_int_not_equal(find_root(d, KH_ROOT_AGENT, "ARMIES", 8), KH_NONE);
    assert_int_not_equal(find_root(d, KH_ROOT_AGENT, "DAYS", 9), KH_NONE);
    assert_int_not_equal(find_root(d, KH_ROOT_AGENT, "CHURCHES", 10),
                         KH_NONE);
    kh_dict_destroy(d);

    d = kh_dict_create();
    w = read_mem(d, "discards", "+\nSTOPPED_\n+STEM\n");
    assert_true(has_warning(&w, "t.txt:1", "empty phrase"));
    assert_int_equal(w.n, 1);
    assert_int_equal(d->pels[d->roots[0].words.first].match, KH_MATCH_EXACT);
    assert_int_equal(d->pels[d->roots[1].words.first].match, KH_MATCH_STEM);
    kh_dict_destroy(d);
}

static void test_entry_errors(void **state)
{
    (void)state;
    kh_dict *d = kh_dict_create();
    kh_error err;
    assert_int_equal(kh_dict_read_petrarch(d, "/nonexistent/x.verbs.txt",
                                           NULL, NULL, &err),
                     KH_EIO);
    assert_string_equal(err.file, "/nonexistent/x.verbs.txt");
    assert_int_equal(kh_dict_read_petrarch_mem(d, "x", 1, "options", "m",
                                               NULL, NULL, &err),
                     KH_EUSAGE);
    /* a folder with two verbs files: refused, not guessed */
    char dir[] = "/tmp/kh-petr-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[128], b[128];
    snprintf(a, sizeof a, "%s/CAMEO.2.0.txt", dir);
    snprintf(b, sizeof b, "%s/my.verbs.txt", dir);
    assert_int_equal(tu_write_file(a, "", 0), 0);
    assert_int_equal(tu_write_file(b, "", 0), 0);
    assert_int_equal(kh_dict_read_petrarch(d, dir, NULL, NULL, &err),
                     KH_EUSAGE);
    assert_non_null(strstr(err.message, "two verbs dictionaries"));
    unlink(b);
    assert_int_equal(kh_dict_read_petrarch(d, dir, NULL, NULL, &err), KH_OK);
    unlink(a);
    assert_int_equal(kh_dict_read_petrarch(d, dir, NULL, NULL, &err),
                     KH_EINPUT);
    rmdir(dir);
    assert_int_equal(kh_dict_read_petrarch(d, "README.md", NULL, NULL, &err),
                     KH_EUSAGE);
    kh_dict_destroy(d);
}

/* ---- the validation XML ------------------------------------------------- */

static void test_unit_test_records(void **state)
{
    (void)state;
    NEED_SHARED(path, "eval/petrarch2-unit/PETR.UnitTest.records.xml");
    warnings w = {0};
    kh_error err;
    double t0 = now();
    kh_petrxml *x = kh_petrxml_read(path, on_warn, &w, &err);
    print_message("PETR.UnitTest.records.xml: %.4f s\n", now() - t0);
    assert_non_null(x);
    assert_int_equal(w.n, 0);
    /* grep -c '<Sentence ' and grep -c '<Config ' (one is in a comment) */
    assert_int_equal(x->nrecords, 284);
    assert_int_equal(x->nconfigs, 29);
    assert_string_equal(x->env.verbfile, "PETR.Validate.verbs.txt");
    assert_string_equal(x->env.discardfile, "PETR.Validate.discards.txt");
    assert_int_equal(x->env.ninclude, 12);
    assert_string_equal(x->env.include[1], "DEMO");
    assert_true(x->configs[0].in_env);

    const kh_petr_record *r = &x->records[0];
    assert_string_equal(r->id, "DEMO-00");
    assert_int_equal(r->ymd, 19950101);
    assert_string_equal(r->category, "DEMO");
    assert_true(r->sentence);
    assert_string_equal(r->text, "Arnor is about to restore full diplomatic "
                                 "ties with Gondor almost five years after "
                                 "crowds trashed its embassy.");
    assert_int_equal(r->ncodings, 1);
    assert_string_equal(r->codings[0].source, "ARN");
    assert_string_equal(r->codings[0].target, "GON");
    assert_string_equal(r->codings[0].event, "064");
    assert_int_equal(r->nconfig, 0);

    size_t noevents = 0, errors = 0, skipped = 0, codings = 0;
    const kh_petr_record *magic = NULL, *disc = NULL, *amp = NULL;
    for (size_t i = 0; i < x->nrecords; i++) {
        r = &x->records[i];
        noevents += r->noevents;
        errors += r->error != NULL;
        skipped += r->skipped;
        codings += r->ncodings;
        assert_false(r->commented);
        if (strcmp(r->id, "ACTOR-01") == 0)
            magic = r;
        if (strcmp(r->id, "DISCARD-01") == 0)
            disc = r;
        if (strstr(r->text, "&TIETYPE"))
            amp = r;
    }
    /* grep -c 'noevents', grep -c 'EventCoding error', grep -c
     * 'sourcecode'; AGENTS and COMPOUNDx are not in <Include> (3). */
    assert_int_equal(noevents, 19);
    assert_int_equal(errors, 7);
    assert_int_equal(codings, 359);
    assert_int_equal(skipped, 3);
    assert_non_null(magic);
    assert_string_equal(magic->codings[0].source,
                        "\"GRYFFINDOR HEAD MINERVA MCGONAGALL\"");
    assert_string_equal(magic->codings[0].target, "\"THE MINISTRY OF MAGIC\"");
    assert_int_equal(magic->nconfig, 1);
    assert_string_equal(x->configs[magic->config_first].option,
                        "new_actor_length");
    assert_string_equal(x->configs[magic->config_first].value, "4");
    assert_string_equal(disc->error, "storydiscard");
    assert_int_equal(disc->ncodings, 0);
    assert_non_null(amp);   /* &amp;TIETYPE decoded */
    r = &x->records[x->nrecords - 1];
    assert_string_equal(r->id, "FINAL-RECORD");
    assert_true(r->noevents);
    kh_petrxml_free(x);
}

static void test_xml_edge_cases(void **state)
{
    (void)state;
    const char *ok =
        "<Validation>\n"
        "<Environment><Include>A</Include></Environment>\n"
        "<Sentence date='20010203' id=\"x&amp;1\" category='A'\n"
        "  sentence = \"True\">\n"
        "<EventCoding sourcecode='\"NEW &lt;ACTOR&gt;\"' targetcode=\"T\" "
        "eventcode=\"010\"/>\n"
        "<Text>  a &#65;&#x42; <![CDATA[<c>]]>\n\t d </Text>\n"
        "<Parse> (ROOT <not parsed> &bogus; </Parse>\n"
        "</Sentence>\n"
        "<!-- <Sentence date=\"20010101\" id=\"old\" category=\"A\">"
        "<Text>gone</Text></Sentence> -->\n"
        "<Config option=\"o\" value=\"v\"></Config>\n"
        "<Stop></Stop>\n"
        "<Sentence date=\"2001\" id=\"late\" category=\"B\"><Text>z</Text>"
        "</Sentence>\n"
        "</Validation>\n";
    warnings w = {0};
    kh_error err;
    kh_petrxml *x = kh_petrxml_parse(ok, strlen(ok), "e.xml", on_warn, &w,
                                     &err);
    assert_non_null(x);
    assert_int_equal(x->nrecords, 3);
    assert_string_equal(x->records[0].id, "x&1");
    assert_string_equal(x->records[0].text, "a AB <c> d");
    assert_string_equal(x->records[0].codings[0].source, "\"NEW <ACTOR>\"");
    assert_true(x->records[0].sentence);
    assert_false(x->records[0].skipped);
    assert_true(x->records[1].commented);
    assert_string_equal(x->records[1].text, "gone");
    assert_true(x->records[2].skipped);
    assert_int_equal(x->records[2].ymd, 0);
    assert_int_equal(x->records[2].nconfig, 1);
    assert_int_equal(x->records[2].line, 13);
    /* the bad date of "late" */
    assert_int_equal(w.n, 1);
    assert_true(has_warning(&w, "e.xml:13", "not YYYYMMDD"));
    kh_petrxml_free(x);

    static const struct {
        const char *in, *msg;
        long line, col;
    } bad[] = {
        {"<A>\n<!-- open\n", "never closed by -->", 2, 1},
        {"<A>\n <B></A>", "</A> where </B>", 2, 5},
        {"<A x=1>", "not in quotes", 1, 6},
        {"<A x='1>", "no closing quote", 1, 6},
        {"<A>\n\n<Sentence><Sentence>", "inside a <Sentence>", 3, 11},
        {"</A>", "closes nothing", 1, 1},
        {"<A><B>", "<B> is never closed", 1, 4},
        {"<Sentence><Parse>(S", "<Parse> is never closed", 1, 11},
        {"a < b", "not followed by a tag name", 1, 3},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        x = kh_petrxml_parse(bad[i].in, strlen(bad[i].in), "b.xml", NULL,
                             NULL, &err);
        assert_null(x);
        if (!strstr(err.message, bad[i].msg) || err.line != bad[i].line ||
            err.column != bad[i].col)
            print_message("%s -> %ld:%ld %s\n", bad[i].in, err.line,
                          err.column, err.message);
        assert_int_equal(err.code, KH_EINPUT);
        assert_string_equal(err.file, "b.xml");
        assert_non_null(strstr(err.message, bad[i].msg));
        assert_int_equal(err.line, bad[i].line);
        assert_int_equal(err.column, bad[i].col);
    }
    /* a commented record that does not parse: a warning, not an error */
    const char *frag = "<!-- <Sentence><Text>x</Sentence> -->";
    w.n = 0;
    x = kh_petrxml_parse(frag, strlen(frag), "f.xml", on_warn, &w, &err);
    assert_non_null(x);
    assert_int_equal(x->nrecords, 0);
    assert_int_equal(w.n, 1);
    kh_petrxml_free(x);
    assert_null(kh_petrxml_read("/nonexistent.xml", NULL, NULL, &err));
    assert_int_equal(err.code, KH_EIO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phoenix_counts),
        cmocka_unit_test(test_phoenix_entries),
        cmocka_unit_test(test_phoenix_every_file),
        cmocka_unit_test(test_validate_set),
        cmocka_unit_test(test_malformed_lines),
        cmocka_unit_test(test_entry_errors),
        cmocka_unit_test(test_unit_test_records),
        cmocka_unit_test(test_xml_edge_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
