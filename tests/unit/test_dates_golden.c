/*
 * test_dates_golden.c - the dates stage against tests/golden/dates/.
 *
 * Each file of that folder is one article and what a reader finds in it
 * (the folder's README.md gives the format): its story date, every date
 * expression with its value, and for some the date of each event.  The
 * article is read as `khaldun code` reads a file (header line, wire
 * dateline and URL line are metadata) and the story date is given as an
 * article's "date" field would be.  Scores, printed as "# score" lines:
 *   - dates: precision and recall of the expressions, an expression being
 *     right when its text, value, granularity, mod, since and time all are;
 *   - date-events: the share of the expected event verbs whose date is
 *     right: the date the stage gives to an event read at that word
 *     (kh_date_of_token, which kh_date_events uses for the coder's events),
 *     else the story date; so that the score measures the dates stage
 *     whatever the dictionaries code.  When the coder did code an event
 *     there, its date must be the same.
 * The test fails below the floors of tests/floors/dates.txt, and lists
 * every difference so that a failure says which article and which date.
 */
#include "testutil.h"

#include "core/doc.h"
#include "extract/extract.h"

#include <dirent.h>

#define GOLDEN_DIR "tests/golden/dates"
#define FLOORS "tests/floors/dates.txt"

static double floor_of(const char *name)
{
    return tu_floor_of(FLOORS, name);
}

/* One date as the golden files write it: text=value[/mod][+since][@time]. */
static void date_key(const kh_doc *d, const kh_date_mention *x, char *out,
                     size_t n)
{
    static const char *const mods[] = {"", "/early", "/mid", "/late"};
    char v[16];
    kh_date_format(x, v, sizeof v);
    size_t s = kh_doc_in_off(d, x->start), e = kh_doc_in_off(d, x->end);
    snprintf(out, n, "%.*s=%s%s%s%s%s", (int)(e - s), d->input + s, v,
             mods[x->mod % 4], x->since ? "+since" : "", x->time[0] ? "@" : "",
             x->time);
}

typedef struct {
    size_t found, expected, matched;       /* dates */
    size_t ev_expected, ev_coded, ev_right;   /* event verbs */
    size_t articles, problems;
} score;

/* Runs one golden file; adds to sc. */
static void run_file(const char *path, kh_pipeline *p, score *sc)
{
    char *buf = tu_read_file(path, NULL);
    if (!buf)
        fail_msg("cannot read %s", path);
    char story[16] = "";
    char *text = NULL, *expect = NULL;
    char *t = strstr(buf, "\ntext:\n");
    char *x = strstr(buf, "\nexpect:\n");
    if (!t || !x || x < t)
        fail_msg("%s: no \"text:\" line before an \"expect:\" line", path);
    *t = '\0';
    text = t + 7;
    *x = '\0';
    expect = x + 9;
    char *sd = strstr(buf, "story:");
    if (sd && sscanf(sd + 6, " %15s", story) != 1)
        fail_msg("%s: bad story line", path);

    kh_error err;
    kh_doc *d = kh_read_text(text, strlen(text), path, &err);
    if (!d)
        fail_msg("%s: %s", path, err.message);
    if (strcmp(story, "none") != 0) {
        if (!kh_parse_iso_date(story, d->date))
            fail_msg("%s: story date \"%s\" is not YYYY-MM-DD", path, story);
        d->date_given = 1;
    }
    assert_int_equal(kh_process(p, d, NULL), KH_OK);
    sc->articles++;

    /* dates: a multiset match of the keys */
    size_t nd = d->ndates;
    char (*got)[160] = calloc(nd + 1, sizeof *got);
    uint8_t *used = calloc(nd + 1, 1);
    for (size_t i = 0; i < nd; i++)
        date_key(d, &d->dates[i], got[i], sizeof got[i]);
    sc->found += nd;
    size_t next_tok = 0;   /* where the next event verb is looked for */
    for (char *line = expect; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *l = tu_trim(line);
        if (strncmp(l, "date:", 5) == 0) {
            char *want = tu_trim(l + 5);
            sc->expected++;
            size_t i = 0;
            while (i < nd && (used[i] || strcmp(got[i], want) != 0))
                i++;
            if (i < nd) {
                used[i] = 1;
                sc->matched++;
            } else {
                print_message("%s: missed   %s\n", path, want);
                sc->problems++;
            }
        } else if (strncmp(l, "event:", 6) == 0) {
            /* event: verb = value; the verb's next occurrence in the text */
            char *eq = strchr(l, '=');
            if (!eq)
                fail_msg("%s: event line without '=': %s", path, l);
            *eq = '\0';
            char *verb = tu_trim(l + 6), *want = tu_trim(eq + 1);
            size_t vl = strlen(verb);
            sc->ev_expected++;
            while (next_tok < d->ntokens) {
                const kh_token *tk = &d->tokens[next_tok++];
                size_t ts = kh_doc_in_off(d, tk->start);
                size_t te = kh_doc_in_off(d, tk->end);
                if (te - ts == vl && memcmp(d->input + ts, verb, vl) == 0)
                    break;
            }
            if (next_tok > d->ntokens ||
                !(next_tok > 0 &&
                  kh_doc_in_off(d, d->tokens[next_tok - 1].end) -
                  kh_doc_in_off(d, d->tokens[next_tok - 1].start) == vl))
                fail_msg("%s: no word \"%s\" (after the previous event's)",
                         path, verb);
            size_t tok = next_tok - 1;
            long k = kh_date_of_token(d, tok);
            char got_date[16];
            if (k >= 0)
                kh_date_format(&d->dates[k], got_date, sizeof got_date);
            else
                snprintf(got_date, sizeof got_date, "%s", d->date);
            if (strcmp(got_date, want) == 0) {
                sc->ev_right++;
            } else {
                print_message("%s: event %s dated %s, want %s\n", path, verb,
                              got_date, want);
                sc->problems++;
            }
            for (size_t e = 0; e < d->nevents; e++)
                if (d->events[e].verb_start == d->tokens[tok].start) {
                    sc->ev_coded++;
                    if (strcmp(d->events[e].date, got_date) != 0)
                        fail_msg("%s: the coded event %s is dated %s, the "
                                 "stage's rule says %s", path, verb,
                                 d->events[e].date, got_date);
                }
        } else if (*l && *l != '#') {
            fail_msg("%s: cannot read the expectation \"%s\"", path, l);
        }
        line = nl ? nl + 1 : NULL;
    }
    for (size_t i = 0; i < nd; i++)
        if (!used[i]) {
            print_message("%s: extra    %s\n", path, got[i]);
            sc->problems++;
        }
    free(used);
    free(got);
    kh_doc_free(d);
    free(buf);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_golden_dates(void **state)
{
    (void)state;
    DIR *dir = opendir(GOLDEN_DIR);
    if (!dir)
        fail_msg("cannot open %s (run the tests from the repository root)",
                 GOLDEN_DIR);
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".txt") == 0) {
            names = realloc(names, (n + 1) * sizeof *names);
            names[n++] = strdup(de->d_name);
        }
    }
    closedir(dir);
    qsort(names, n, sizeof *names, by_name);
    kh_pipeline *p = kh_pipeline_new(NULL, NULL);
    assert_non_null(p);
    score sc = {0};
    for (size_t i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, names[i]);
        run_file(path, p, &sc);
        free(names[i]);
    }
    free(names);
    kh_pipeline_free(p);
    double prec = sc.found ? 100.0 * (double)sc.matched / (double)sc.found : 0;
    double rec = sc.expected ? 100.0 * (double)sc.matched / (double)sc.expected
                             : 0;
    double acc = sc.ev_expected ? 100.0 * (double)sc.ev_right /
                                      (double)sc.ev_expected : 0;
    double fp = floor_of("golden_precision"), fr = floor_of("golden_recall");
    double fe = floor_of("golden_event_dates");
    print_message("# score dates: precision %.1f recall %.1f (%zu of %zu "
                  "expected, %zu found, %zu articles; floors %.1f %.1f)\n",
                  prec, rec, sc.matched, sc.expected, sc.found, sc.articles,
                  fp, fr);
    print_message("# score date-events: accuracy %.1f (%zu of %zu event "
                  "verbs dated right, %zu of them coded by the bundled "
                  "dictionaries; floor %.1f)\n", acc, sc.ev_right,
                  sc.ev_expected, sc.ev_coded, fe);
    assert_true(sc.articles >= 30);
    assert_true(prec >= fp);
    assert_true(rec >= fr);
    assert_true(acc >= fe);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_dates),
    };
    return cmocka_run_group_tests_name("dates_golden", tests, NULL, NULL);
}
