/*
 * test_coder.c - dictionaries and the event coder: phrase syntax, codes,
 * the TABARI reader's error reports, date-restricted actors, the coder on
 * small dictionaries of our own, and the TABARI and PETRARCH validation
 * suites against the floors kept in tests/floors/.
 */
#include "testutil.h"

#include "code/code.h"
#include "code/validate.h"
#include "dict/dict.h"
#include "text/text.h"

/* ---- dictionaries ------------------------------------------------------ */

static kh_dict *dict_from(const char *actors, const char *agents,
                          const char *verbs, const char *options)
{
    kh_dict *d = kh_dict_create();
    if (actors)
        kh_dict_read_tabari_mem(d, actors, strlen(actors), "actors", "t.actors",
                                NULL, NULL, NULL);
    if (agents)
        kh_dict_read_tabari_mem(d, agents, strlen(agents), "agents", "t.agents",
                                NULL, NULL, NULL);
    if (verbs)
        kh_dict_read_tabari_mem(d, verbs, strlen(verbs), "verbs", "t.verbs",
                                NULL, NULL, NULL);
    if (options)
        kh_dict_read_tabari_mem(d, options, strlen(options), "options",
                                "t.options", NULL, NULL, NULL);
    kh_dict_finish(d);
    return d;
}

static void test_phrases(void **state)
{
    (void)state;
    kh_dict *d = kh_dict_create();
    kh_span s;
    const char *err;
    assert_true(kh_dict_parse_phrase(d, "UNITED_STATES", 13, KH_ROOT_ACTOR,
                                     &s, &err));
    assert_int_equal(s.n, 2);
    assert_int_equal(d->pels[s.first].match, KH_MATCH_EXACT);
    assert_true(d->pels[s.first + 1].adjacent);
    assert_int_equal(d->pels[s.first + 1].match, KH_MATCH_STEM);
    assert_true(kh_dict_parse_phrase(d, "ESTONIA_", 8, KH_ROOT_ACTOR, &s,
                                     &err));
    assert_int_equal(d->pels[s.first].match, KH_MATCH_ENDINGS);
    assert_true(kh_dict_parse_phrase(d, "MOUSE=", 6, KH_ROOT_ACTOR, &s, &err));
    assert_int_equal(d->pels[s.first].match, KH_MATCH_EXACT);
    const char *p = "+_WAS_*_BY_$";
    assert_true(kh_dict_parse_phrase(d, p, strlen(p), 0, &s, &err));
    assert_int_equal(s.n, 5);
    assert_int_equal(d->pels[s.first].type, KH_PEL_TARGET);
    assert_int_equal(d->pels[s.first + 2].type, KH_PEL_VERB);
    assert_true(d->pels[s.first + 4].adjacent);
    p = "SUGGESTED * { GENEVA | INTERNATIONAL CONVENTIONS }_RULES";
    assert_true(kh_dict_parse_phrase(d, p, strlen(p), 0, &s, &err));
    assert_int_equal(d->pels[s.first + 2].type, KH_PEL_ALT);
    assert_int_equal(d->alts[d->pels[s.first + 2].arg].n, 2);
    static const struct {
        const char *in, *err;
    } bad[] = {
        {"A } B", "} without {"}, {"A | B", "| outside"},
        {"{ A | B", "missing }"}, {"&NOSUCH * X", "synset used before"},
        {"* X {  | B }", "empty alternative"}, {"X_*", NULL},
        {"PRESIDENT * OF", "only words"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int kind = strcmp(bad[i].in, "PRESIDENT * OF") == 0 ? KH_ROOT_ACTOR
                                                             : 0;
        int ok = kh_dict_parse_phrase(d, bad[i].in, strlen(bad[i].in), kind,
                                      &s, &err);
        if (bad[i].err) {
            assert_false(ok);
            assert_non_null(strstr(err, bad[i].err));
        } else {
            assert_true(ok);
        }
    }
    kh_dict_destroy(d);
}

static void test_codes(void **state)
{
    (void)state;
    kh_dict *d = kh_dict_create();
    kh_ecode e;
    assert_true(kh_dict_parse_ecode(d, "032:033", 7, &e));
    assert_true(e.flags & KH_EC_PAIRED);
    assert_string_equal(kh_dict_str_text(d, e.code2), "033");
    assert_true(kh_dict_parse_ecode(d, "023?", 4, &e));
    assert_true(e.flags & KH_EC_SUBORD);
    assert_true(kh_dict_parse_ecode(d, "- - -", 5, &e));
    assert_true(e.flags & KH_EC_NULL);
    assert_true(kh_dict_parse_ecode(d, "###", 3, &e));
    assert_true(e.flags & KH_EC_DISCARD);
    assert_false(kh_dict_parse_ecode(d, "0$1", 3, &e));
    assert_false(kh_dict_parse_ecode(d, "12:", 3, &e));
    kh_dict_destroy(d);
}

typedef struct {
    int n;
    char msgs[16][256];
} warnings;

static void collect(void *ctx, const kh_error *e)
{
    warnings *w = ctx;
    if (w->n < 16)
        kh_error_format(e, w->msgs[w->n++], 256);
}

static void test_tabari_reader_errors(void **state)
{
    (void)state;
    kh_dict *d = kh_dict_create();
    warnings w = {0};
    const char *actors = "IRAQ [IRQ]\n"
                         "SYRIA [SYR\n"                   /* line 2 */
                         "FOO [IRQ <991301]\n"            /* line 3 */
                         "BAR [991201-010114]\n"          /* line 4 */
                         "+LONELY\n"                      /* line 5: ok? */
                         "SADDAM [IRQGOV <030409] [IRQELI]\n";
    kh_dict_read_tabari_mem(d, actors, strlen(actors), "actors", "x.actors",
                            collect, &w, NULL);
    const char *verbs = "- * AGAINST [111]\n"               /* line 1 */
                        "ATTACK [190]\n"
                        "- WITH + [193]\n"                  /* line 3 */
                        "{ }\n";                            /* line 4 */
    kh_dict_read_tabari_mem(d, verbs, strlen(verbs), "verbs", "x.verbs",
                            collect, &w, NULL);
    const char *agents = "POLICE [COP]\n";
    kh_dict_read_tabari_mem(d, agents, strlen(agents), "agents", "x.agents",
                            collect, &w, NULL);
    static const char *const want[] = {
        "x.actors:2:", "missing ]", "x.actors:3:", "bad date",
        "x.actors:4:", "no code", "x.verbs:1:", "pattern before any verb",
        "x.verbs:3:", "missing verb marker", "x.verbs:4:", "no verb forms",
        "x.agents:1:", "missing ~"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        int found = 0;
        for (int k = 0; k < w.n; k++)
            found |= strstr(w.msgs[k], want[i]) != NULL;
        if (!found)
            print_message("no warning with \"%s\"\n", want[i]);
        assert_true(found);
    }
    kh_dict_finish(d);
    /* the good lines are in */
    uint32_t id = kh_dict_word_find(d, "SADDAM", 6);
    size_t n;
    const uint32_t *roots = kh_dict_roots_of(d, id, &n);
    assert_int_equal(n, 1);
    const kh_actor *a = &d->actors[d->roots[roots[0]].payload];
    assert_string_equal(kh_dict_str_text(d, kh_dict_actor_code(d, a,
                                                                20020101)),
                        "IRQGOV");
    assert_string_equal(kh_dict_str_text(d, kh_dict_actor_code(d, a,
                                                                20050101)),
                        "IRQELI");
    kh_dict_destroy(d);
    kh_error err;
    d = kh_dict_create();
    assert_int_equal(kh_dict_read_tabari(d, "/nonexistent.project", NULL,
                                         NULL, &err), KH_EIO);
    kh_dict_destroy(d);
}

static void test_options(void **state)
{
    (void)state;
    kh_dict *d = kh_dict_create();
    const char *o = "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR\n"
                    "SET: CODE BY SENTENCE\n"
                    "COMMA: MIN = 4 MAX = 6 EMIN=3 EMAX = 7\n"
                    "DEFAULT: SOURCE [SRC] PRIOR TARGET [TGT]\n";
    kh_dict_read_tabari_mem(d, o, strlen(o), "options", "o", NULL, NULL, NULL);
    assert_int_equal(d->options.cx_verbs, 5);
    assert_int_equal(d->options.cx_conj, 4);
    assert_true(d->options.cx_noactprior);
    assert_int_equal(d->options.code_by, KH_CODE_BY_SENTENCE);
    assert_int_equal(d->options.comma_min, 4);
    assert_int_equal(d->options.comma_emin, 3);
    assert_int_equal(d->options.comma_emax, 7);
    assert_string_equal(kh_dict_str_text(d, d->options.default_source), "SRC");
    assert_true(d->options.default_prior);
    assert_false(d->options.default_after);
    assert_false(kh_options_apply(d, "NONSENSE", 8));
    kh_dict_destroy(d);
}

/* ---- coding -------------------------------------------------------------- */

/* Codes s with d; returns the events as "SRC TGT CODE;..." sorted. */
static const char *code(const kh_dict *d, const char *s, int *status)
{
    static char out[1024];
    kh_unit *u = calloc(1, sizeof *u);
    kh_doc *doc = kh_vcode(u, d, s, 20240101, NULL);
    kh_vexpect got[64];
    int n = kh_vgot(u, got, 64);
    out[0] = '\0';
    size_t k = 0;
    for (int i = 0; i < n && k < sizeof out - 160; i++)
        k += (size_t)snprintf(out + k, sizeof out - k, "%s%.40s %.40s %.15s",
                              i ? ";" : "", got[i].src, got[i].tgt,
                              got[i].code);
    if (status)
        *status = u->status;
    kh_doc_free(doc);
    free(u);
    return out;
}

static const char actors[] =
    "IRAQ_ [IRQ]\n+IRAQI_\n+BAGHDAD_\n"
    "SYRIA_ [SYR]\n+SYRIAN_\n"
    "UNITED_STATES_ [USA]\n+WASHINGTON_\n+U.S.\n"
    "ISLAMIC_STATE_ [IMGSUNISI]\n+ISIS_\n"
    "NOURI_AL_MALIKI_ [IRQGOV 060520-140908] [IRQELI]\n"
    "SOCCER_ [###]\n";
static const char agents[] = "POLICE_ [~COP]\nFORCES_ [~MIL]\n"
                             "MINISTER_ [~GOV]\nHUMAN_RIGHTS_GROUP_ [NGO~]\n";
static const char verbs[] =
    "ATTACK_ [190]\n{ ATTACKED_ }\n- * WITH ROCKETS [195]\n"
    "MEET_ [036]\n{ MET_ }\n- % * [036:036]\n"
    "ACCUSE_ [112]\n"
    "SAID_ [010?]\n"
    "RECEIVE_ [042]\n- + * $ [043]\n";

static void test_coder_basics(void **state)
{
    (void)state;
    kh_dict *d = dict_from(actors, agents, verbs, "COMMA: OFF\n");
    d->options.min_words = 0;
    static const struct {
        const char *in, *want;
    } cases[] = {
        /* subject verb object */
        {"Iraq attacked Syria on Friday.", "IRQ SYR 190"},
        /* a pattern wins over the verb alone */
        {"Iraq attacked Syria with rockets.", "IRQ SYR 195"},
        /* passive voice swaps the roles */
        {"Syria was attacked by Iraq.", "IRQ SYR 190"},
        /* compounds multiply */
        {"Iraq and Syria accused Washington.", "IRQ USA 112;SYR USA 112"},
        /* % with a paired code: both directions */
        {"Iraq and Syria met in Baghdad.", "IRQ SYR 036;SYR IRQ 036"},
        /* agents compose: Iraqi police -> IRQCOP; prefix agents */
        {"Iraqi police attacked Syrian forces.", "IRQCOP SYRMIL 190"},
        {"The human rights group of Syria accused Iraq.", "NGOSYR IRQ 112"},
        /* a subordinate code only when nothing else codes */
        {"Iraq said it attacked Syria.", "IRQ SYR 190"},
        {"Iraq said Syria.", "IRQ SYR 010"},
        /* date-restricted codes at the story date (2024) */
        {"Nouri al-Maliki accused Washington.", "IRQELI USA 112"},
        /* no target, no event */
        {"Iraq attacked.", ""},
        /* a verb written with a capital inside the sentence is a noun */
        {"Iraq sent Attack helicopters to Syria.", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *got = code(d, cases[i].in, NULL);
        if (strcmp(got, cases[i].want) != 0)
            print_message("%s\n  want [%s]\n   got [%s]\n", cases[i].in,
                          cases[i].want, got);
        assert_string_equal(got, cases[i].want);
    }
    int st;
    code(d, "Iraq attacked Syria after the soccer final.", &st);
    assert_int_equal(st, KH_UNIT_DISCARD);
    /* negation: off (TABARI's way), the event is coded; on, it is not */
    assert_string_equal(code(d, "Iraq did not attack Syria.", NULL),
                        "IRQ SYR 190");
    d->options.negation = 1;
    static const char *const negs[] = {
        "Iraq did not attack Syria.", "Iraq has never attacked Syria.",
        "Iraq won't attack Syria.", "Iraq didn't attack Syria."};
    for (size_t i = 0; i < sizeof negs / sizeof *negs; i++)
        assert_string_equal(code(d, negs[i], NULL), "");
    assert_string_equal(code(d, "Iraq, not Syria, attacked Washington.", NULL),
                        "IRQ USA 190");
    kh_dict_destroy(d);
}

/* A sentence longer than the coder's limit is reported, not cut. */
static void test_coder_limits(void **state)
{
    (void)state;
    kh_dict *d = dict_from(actors, agents, verbs, NULL);
    char *s = malloc(20000);
    size_t n = 0;
    for (int i = 0; i < 300; i++)
        n += (size_t)sprintf(s + n, "Iraq attacked Syria and ");
    strcpy(s + n, "Syria.");
    int st;
    code(d, s, &st);
    assert_int_equal(st, KH_UNIT_COMPLEX);
    free(s);
    kh_dict_destroy(d);
}

/* ---- the suites ---------------------------------------------------------- */

static int floor_of(const char *name)
{
    char path[300];
    snprintf(path, sizeof path, "tests/floors/%.64s.txt", name);
    char *s = tu_read_file(path, NULL);
    assert_non_null(s);
    int v = atoi(s);
    free(s);
    return v;
}

static void run_suite(const char *name, const char *rel)
{
    const char *shared = tu_shared();
    char path[2200];
    if (rel[0] == '.') {   /* ours, in the repository */
        snprintf(path, sizeof path, "%s", rel + 2);
    } else {
        if (!shared) {
            print_message("../shared is absent: the %s suite is skipped\n",
                          name);
            skip();
        }
        snprintf(path, sizeof path, "%s/%s", shared, rel);
    }
    kh_validate_stats st;
    kh_error err;
    /* the failing records go to the test's output */
    assert_int_equal(kh_validate(path, 0, stdout, &st, &err), KH_OK);
    int floor = floor_of(name);
    print_message("# score %s: %d passed, %d failed of %d records (floor %d)"
                  "\n", name, st.passed, st.failed, st.records, floor);
    assert_true(st.passed >= floor);
}

static void test_tabari_suite(void **state)
{
    (void)state;
    run_suite("tabari", "eval/tabari-validate/Validate.text");
}

static void test_petrarch_suite(void **state)
{
    (void)state;
    run_suite("petrarch", "eval/petrarch2-unit/PETR.UnitTest.records.xml");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phrases),
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_tabari_reader_errors),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_coder_basics),
        cmocka_unit_test(test_coder_limits),
        cmocka_unit_test(test_tabari_suite),
        cmocka_unit_test(test_petrarch_suite),
    };
    return cmocka_run_group_tests_name("coder", tests, NULL, NULL);
}
