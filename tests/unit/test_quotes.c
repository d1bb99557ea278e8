/*
 * test_quotes.c - the quotes stage: quotes and their speakers, quoted names
 * told apart, events marked in_quote; the reference article; the golden
 * suite of tests/golden/quotes/ with its score against the floors in
 * tests/floors/quotes.txt.
 */
#include "testutil.h"

#include "core/doc.h"
#include "extract/extract.h"

#include <ctype.h>
#include <dirent.h>
#include <strings.h>

#define GOLDEN_DIR "tests/golden/quotes"
#define FLOORS "tests/floors/quotes.txt"

static kh_pipeline *pipe_(void)
{
    static kh_pipeline *p;
    if (!p) {
        kh_error err;
        p = kh_pipeline_new(NULL, &err);
        if (!p)
            fail_msg("pipeline: %s", err.message);
    }
    return p;
}

/* An article read as `khaldun code` reads a file, and processed. */
static kh_doc *process_file(const char *path)
{
    const char *paths[1] = {path};
    kh_reader *r = kh_reader_open(paths, 1, NULL);
    kh_doc *d = NULL;
    kh_error err;
    if (kh_reader_next(r, &d, &err) != 1)
        d = NULL;
    kh_reader_close(r);
    if (d && kh_process(pipe_(), d, &err) != KH_OK) {
        kh_doc_free(d);
        d = NULL;
    }
    return d;
}

static kh_doc *process(const char *text)
{
    kh_error err;
    kh_doc *d = kh_doc_new(text, strlen(text), NULL, &err);
    assert_non_null(d);
    assert_int_equal(kh_process(pipe_(), d, &err), KH_OK);
    return d;
}

/* The input text of [start, end) (text offsets), in a static buffer,
 * white space collapsed. */
static const char *span(const kh_doc *d, size_t start, size_t end, int k)
{
    static char buf[4][4096];
    char *o = buf[k & 3];
    size_t s = kh_doc_in_off(d, start), e = kh_doc_in_off(d, end), n = 0;
    int sp = 0;
    for (size_t i = s; i < e && n + 2 < sizeof buf[0]; i++) {
        char c = d->input[i];
        if (isspace((unsigned char)c)) {
            sp = 1;
            continue;
        }
        if (sp && n)
            o[n++] = ' ';
        sp = 0;
        o[n++] = c;
    }
    o[n] = '\0';
    return o;
}

static const char *quote_text(const kh_doc *d, size_t i)
{
    return span(d, d->quotes[i].start, d->quotes[i].end, 0);
}

/* The speaker's name: its entity's, else the words naming it, else "-". */
static const char *speaker(const kh_doc *d, size_t i)
{
    const kh_quote *q = &d->quotes[i];
    if (q->speaker >= 0 && (size_t)q->speaker < d->nentities)
        return d->entities[q->speaker].name;
    if (q->spk_end > q->spk_start)
        return span(d, q->spk_start, q->spk_end, 1);
    return "-";
}

/* The quote whose words are text, or -1. */
static int find_quote(const kh_doc *d, const char *text)
{
    for (size_t i = 0; i < d->nquotes; i++)
        if (strcmp(quote_text(d, i), text) == 0)
            return (int)i;
    return -1;
}

static int find_quote_prefix(const kh_doc *d, const char *prefix)
{
    for (size_t i = 0; i < d->nquotes; i++)
        if (strncmp(quote_text(d, i), prefix, strlen(prefix)) == 0)
            return (int)i;
    return -1;
}

/* ---- behaviours ------------------------------------------------------------ */

static void test_trailing_and_leading(void **state)
{
    (void)state;
    kh_doc *d = process(
        "Prime Minister Mohammed Shia al-Sudani met the envoy on Sunday. "
        "\u201cWe want a timetable,\u201d al-Sudani said. "
        "He added that \u201cthe talks will go on.\u201d");
    assert_int_equal(d->nquotes, 2);
    assert_string_equal(quote_text(d, 0), "We want a timetable,");
    assert_string_equal(speaker(d, 0), "Mohammed Shia al-Sudani");
    assert_string_equal(quote_text(d, 1), "the talks will go on.");
    assert_string_equal(speaker(d, 1), "Mohammed Shia al-Sudani");
    /* the words naming the speaker where the quote is */
    assert_string_equal(span(d, d->quotes[1].spk_start, d->quotes[1].spk_end,
                             2), "He");
    kh_doc_free(d);
}

static void test_split_quote(void **state)
{
    (void)state;
    kh_doc *d = process(
        "Kurdish lawmaker Sardar Mustafa spoke on Monday. "
        "\u201cThe region is worried,\u201d he continued, \u201cbut it will "
        "not panic.\u201d");
    assert_int_equal(d->nquotes, 2);
    assert_string_equal(speaker(d, 0), "Sardar Mustafa");
    assert_string_equal(speaker(d, 1), "Sardar Mustafa");
    assert_int_equal(d->quotes[0].speaker, d->quotes[1].speaker);
    kh_doc_free(d);
}

static void test_names_are_not_quotes(void **state)
{
    (void)state;
    kh_doc *d = process(
        "A drone hit a car of the \u201cKataib Sayyid al-Shuhada\u201d "
        "group, killing a commander nicknamed \u201cAbu Ali.\u201d "
        "The so-called \u201ctruce\u201d did not hold, residents said.");
    assert_int_equal(d->nquotes, 0);
    kh_doc_free(d);
}

static void test_short_quote_with_verb_is_quote(void **state)
{
    (void)state;
    kh_doc *d = process("The minister called the attack \u201ccowardly\u201d "
                        "on Friday.");
    assert_int_equal(d->nquotes, 1);
    assert_string_equal(quote_text(d, 0), "cowardly");
    assert_string_equal(speaker(d, 0), "minister");
    kh_doc_free(d);
}

static void test_nested(void **state)
{
    (void)state;
    kh_doc *d = process("\"They told us, 'Leave tonight,' and we left,\" "
                        "said Khalaf Ilyas.");
    assert_int_equal(d->nquotes, 2);
    int outer = find_quote_prefix(d, "They told us");
    int inner = find_quote(d, "Leave tonight,");
    assert_true(outer >= 0 && inner >= 0);
    assert_int_equal(d->quotes[inner].outer, outer);
    assert_int_equal(d->quotes[outer].outer, -1);
    assert_string_equal(speaker(d, outer), "Khalaf Ilyas");
    assert_string_equal(speaker(d, inner), "Khalaf Ilyas");
    kh_doc_free(d);
}

static void test_guillemets_and_gender(void **state)
{
    (void)state;
    kh_doc *d = process(
        "Lawmaker Shirin Amin and minister Ali Hamdi spoke. "
        "\u00abWe refuse the law\u00bb, Amin said. "
        "\u00abThe law stays\u00bb, Hamdi said. "
        "\u00abThen we go to court\u00bb, she said.");
    assert_int_equal(d->nquotes, 3);
    assert_string_equal(speaker(d, 0), "Shirin Amin");
    assert_string_equal(speaker(d, 1), "Ali Hamdi");
    assert_string_equal(speaker(d, 2), "Shirin Amin");
    kh_doc_free(d);
}

static void test_paragraph_continuation(void **state)
{
    (void)state;
    kh_doc *d = process(
        "\u201cWe rebuilt the house ourselves,\u201d said Ahmed Younis.\n\n"
        "\u201cThe state promised help.\n\n"
        "\u201cNothing came,\u201d he said.");
    assert_int_equal(d->nquotes, 3);
    assert_string_equal(quote_text(d, 1), "The state promised help.");
    assert_string_equal(speaker(d, 1), "Ahmed Younis");
    assert_string_equal(speaker(d, 2), "Ahmed Younis");
    kh_doc_free(d);
}

static void test_events_in_quote(void **state)
{
    (void)state;
    kh_doc *d = process(
        "Iraq accused Turkey of the attack on Friday. "
        "\u201cIraq accused Turkey of the attack on its sovereignty,\u201d "
        "the spokesman said.");
    int inq = 0, out = 0;
    for (size_t i = 0; i < d->nevents; i++) {
        if (d->events[i].in_quote) {
            inq++;
            assert_int_equal(d->events[i].quote, 0);
            assert_int_equal(d->events[i].sentence, 1);
        } else {
            out++;
            assert_int_equal(d->events[i].quote, -1);
        }
    }
    assert_true(inq >= 1);
    assert_true(out >= 1);
    kh_doc_free(d);
}

/* Marks that close nothing, open forever or nest too deep end no run. */
static void test_unbalanced_marks(void **state)
{
    (void)state;
    size_t n = 40000;
    char *t = malloc(n * 4 + 64);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *m = i % 3 == 0 ? "\u201c" : i % 3 == 1 ? "\u201d a " : "' ";
        size_t l = strlen(m);
        memcpy(t + k, m, l);
        k += l;
    }
    t[k] = '\0';
    kh_doc *d = process(t);
    assert_true(d->nquotes <= n);
    kh_doc_free(d);
    free(t);
    d = process("\u201d\u201d\u201c");
    assert_int_equal(d->nquotes, 0);
    kh_doc_free(d);
}

/* The reference article (issue 6). */
static void test_seed(void **state)
{
    (void)state;
    char path[1100];
    if (!tu_shared())
        skip();
    snprintf(path, sizeof path, "%s/seeds/000_1849582b988d1309.txt",
             tu_shared());
    kh_doc *d = process_file(path);
    assert_non_null(d);
    static const struct {
        const char *prefix, *speaker;
    } want[] = {
        {"the region cannot support the exit", "Sardar Mustafa"},
        {"there are security concerns in the region", "Sardar Mustafa"},
        {"any collapse of the security situation", "Sardar Mustafa"},
        {"We are in the process of determining", "Sudani"},
        {"the firm and principled position", "Sudani"},
        {"involved in planning and launching attacks", "Pentagon"},
        {"The air strike was launched in self-defense", "Pentagon"},
        {"the most serious incidents are repeated", "Sudani"},
        {"We have repeatedly stressed", "Sudani"},
    };
    int32_t pentagon = -1;
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        int q = find_quote_prefix(d, want[k].prefix);
        if (q < 0)
            fail_msg("no quote \"%s...\"", want[k].prefix);
        const char *s = speaker(d, (size_t)q);
        if (!strstr(s, want[k].speaker))
            fail_msg("\"%s...\" said by \"%s\", not %s", want[k].prefix, s,
                     want[k].speaker);
        if (strcmp(want[k].speaker, "Pentagon") == 0) {
            /* "he continued": the same official as before */
            if (pentagon >= 0)
                assert_int_equal(d->quotes[q].speaker, pentagon);
            pentagon = d->quotes[q].speaker;
        }
    }
    /* the three quoted names are no quotes */
    assert_int_equal(find_quote(d, "Al-Nujaba Movement"), -1);
    assert_int_equal(find_quote(d, "Popular Mobilization"), -1);
    assert_int_equal(find_quote_prefix(d, "Abu Taqwa"), -1);
    /* one entity each for al-Sudani, Mustafa and Abu Taqwa */
    int sudani = 0, mustafa = 0, taqwa = 0;
    for (size_t e = 0; e < d->nentities; e++) {
        const kh_entity *x = &d->entities[e];
        size_t nm = 0;
        for (size_t m = 0; m < d->nentity_mentions; m++)
            nm += d->entity_mentions[m].ref == e;
        if (strstr(x->name, "Sudani"))
            sudani++, assert_true(nm >= 3);
        if (strstr(x->name, "Mustafa"))
            mustafa++, assert_true(nm >= 3);
        int t = strstr(x->name, "Abu Taqwa") != NULL;
        for (size_t a = 0; a < x->naliases; a++)
            t |= strcmp(x->aliases[a], "Abu Taqwa") == 0;
        if (t)
            taqwa++, assert_true(nm >= 3);
    }
    assert_int_equal(sudani, 1);
    assert_int_equal(mustafa, 1);
    assert_int_equal(taqwa, 1);
    /* the events said in quotes */
    int inq = 0;
    for (size_t i = 0; i < d->nevents; i++)
        inq += d->events[i].in_quote;
    assert_true(inq >= 1);
    kh_doc_free(d);
}

/* ---- the golden suite ------------------------------------------------------- */

static double floor_of(const char *name)
{
    return tu_floor_of(FLOORS, name);
}

/* Whether got is one of the alternatives in alts ("A | B"). */
static int speaker_ok(const char *got, char *alts)
{
    char *save = NULL;
    for (char *a = strtok_r(alts, "|", &save); a;
         a = strtok_r(NULL, "|", &save))
        if (strcasecmp(tu_trim(a), got) == 0)
            return 1;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_golden(void **state)
{
    (void)state;
    DIR *dir = opendir(GOLDEN_DIR);
    if (!dir)
        fail_msg("cannot open %s", GOLDEN_DIR);
    char **names = NULL;
    size_t nn = 0;
    struct dirent *de;
    while ((de = readdir(dir))) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) {
            names = realloc(names, (nn + 1) * sizeof *names);
            names[nn++] = strdup(de->d_name);
        }
    }
    closedir(dir);
    qsort(names, nn, sizeof *names, cmp_str);
    size_t want = 0, got = 0, right = 0, spans = 0;
    for (size_t f = 0; f < nn; f++) {
        char path[1024], epath[1024];
        snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, names[f]);
        snprintf(epath, sizeof epath, "%s/%.*s.expect", GOLDEN_DIR,
                 (int)strlen(names[f]) - 4, names[f]);
        char *exp = tu_read_file(epath, NULL);
        if (!exp)
            fail_msg("%s has no %s", path, epath);
        kh_doc *d = process_file(path);
        if (!d)
            fail_msg("cannot read %s", path);
        uint8_t *used = calloc(d->nquotes + 1, 1);
        got += d->nquotes;
        for (char *line = strtok(exp, "\n"); line; line = strtok(NULL, "\n")) {
            if (strncmp(line, "Q ", 2) != 0)
                continue;
            want++;
            char *bar = strchr(line, '|');
            if (!bar)
                fail_msg("%s: a Q line without '|': %s", epath, line);
            *bar = '\0';
            char *text = tu_trim(line + 2), *alts = bar + 1;
            size_t tl = strlen(text);
            int prefix = tl > 3 && strcmp(text + tl - 3, "...") == 0;
            if (prefix)
                text[tl - 3] = '\0';
            int hit = -1;
            for (size_t i = 0; i < d->nquotes && hit < 0; i++) {
                const char *qt = quote_text(d, i);
                if (!used[i] && (prefix ? strncmp(qt, text, strlen(text)) == 0
                                        : strcmp(qt, text) == 0))
                    hit = (int)i;
            }
            if (hit < 0) {
                print_message("# %s: missed \"%s\"\n", names[f], text);
                continue;
            }
            used[hit] = 1;
            spans++;
            char alts_copy[1024];
            snprintf(alts_copy, sizeof alts_copy, "%s", alts);
            if (speaker_ok(speaker(d, (size_t)hit), alts_copy))
                right++;
            else
                print_message("# %s: \"%.40s\" said by \"%s\", not%s\n",
                              names[f], text, speaker(d, (size_t)hit), alts);
        }
        for (size_t i = 0; i < d->nquotes; i++)
            if (!used[i])
                print_message("# %s: not a quote: \"%s\"\n", names[f],
                              quote_text(d, i));
        free(used);
        kh_doc_free(d);
        free(exp);
        free(names[f]);
    }
    free(names);
    double p = got ? 100.0 * (double)right / (double)got : 0;
    double r = want ? 100.0 * (double)right / (double)want : 0;
    double sp = got ? 100.0 * (double)spans / (double)got : 0;
    double sr = want ? 100.0 * (double)spans / (double)want : 0;
    print_message("# score quotes: precision %.1f recall %.1f (%zu articles, "
                  "%zu quotes; the words alone: precision %.1f recall %.1f; "
                  "floors %.1f %.1f)\n", p, r, nn, want, sp, sr,
                  floor_of("quotes_precision"), floor_of("quotes_recall"));
    assert_true(nn >= 30);
    assert_true(p >= floor_of("quotes_precision"));
    assert_true(r >= floor_of("quotes_recall"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trailing_and_leading),
        cmocka_unit_test(test_split_quote),
        cmocka_unit_test(test_names_are_not_quotes),
        cmocka_unit_test(test_short_quote_with_verb_is_quote),
        cmocka_unit_test(test_nested),
        cmocka_unit_test(test_guillemets_and_gender),
        cmocka_unit_test(test_paragraph_continuation),
        cmocka_unit_test(test_events_in_quote),
        cmocka_unit_test(test_unbalanced_marks),
        cmocka_unit_test(test_seed),
        cmocka_unit_test(test_golden),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    kh_pipeline_free(pipe_());
    return rc;
}
