/*
 * test_verbs.c - our additions to the verbs format and the bundled verbs:
 * lemmas (a verb and a pattern's words match their inflections, the
 * irregular ones too), WORD= for the form written, a verb written again
 * in a later file (its patterns join the first ones), a project that names
 * several verbs files, our SET: switches; then the verbs suite
 * (tests/golden/verbs/Verbs.text: one sentence per idiom) against its
 * floor in tests/floors/verbs.txt.
 */
#include "testutil.h"

#include "code/code.h"
#include "code/validate.h"
#include "dict/dict.h"
#include "text/text.h"

#include <unistd.h>

static const char *actors =
    "IRAQ_ [IRQ]\n"
    "TURKEY_ [TUR]\n"
    "+TURKISH_\n"
    "IRAN_ [IRN]\n";

static const char *options =
    "SET: LEMMAS = TRUE\n"
    "SET: USE TAGS = TRUE\n"
    "SET: NEGATION = TRUE\n"
    "SET: MINIMUM WORDS = 3\n";

static kh_dict *dict_of(const char *verbs, const char *verbs2,
                        const char *opts)
{
    kh_dict *d = kh_dict_create();
    kh_dict_read_tabari_mem(d, actors, strlen(actors), "actors", "t.actors",
                            NULL, NULL, NULL);
    kh_dict_read_tabari_mem(d, verbs, strlen(verbs), "verbs", "a.verbs",
                            NULL, NULL, NULL);
    if (verbs2)
        kh_dict_read_tabari_mem(d, verbs2, strlen(verbs2), "verbs", "b.verbs",
                                NULL, NULL, NULL);
    kh_dict_read_tabari_mem(d, opts, strlen(opts), "options", "t.options",
                            NULL, NULL, NULL);
    kh_dict_finish(d);
    return d;
}

/* The events of text, as "SRC TGT CODE;" in the order found. */
static void events_of(const kh_dict *d, const char *text, char *out,
                      size_t cap)
{
    static kh_pipeline *p;
    if (!p) {
        kh_pipeline_opts po = {0};
        po.stages = KH_STAGE_TEXT | KH_STAGE_TAG;
        p = kh_pipeline_new(&po, NULL);
        assert_non_null(p);
    }
    kh_doc *doc = kh_doc_new(text, strlen(text), NULL, NULL);
    assert_int_equal(kh_process(p, doc, NULL), KH_OK);
    kh_unit *u = malloc(sizeof *u);
    u->fwd_in = NULL;
    u->home_in = NULL;
    kh_code_unit(u, d, doc, 0, doc->ntokens, 20240105);
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; i < u->nevents && n < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, "%s %s %s;",
                              u->events[i].source, u->events[i].target,
                              u->events[i].code);
    free(u);
    kh_doc_free(doc);
}

/* STRIKE_ takes "struck", SEEK_ "sought"; ATTACK_ in a pattern takes
 * "attacks"; without SET: LEMMAS they do not. */
static void test_lemmas(void **state)
{
    (void)state;
    const char *verbs =
        "STRIKE_ [190]\n"
        "SEEK_ [---]\n"
        "- * TALK_ WITH_ + [026]\n"
        "CARRY_ [---]\n"
        "- * OUT_ ATTACK_ ON_ + [190]\n";
    kh_dict *d = dict_of(verbs, NULL, options);
    char got[512];
    events_of(d, "Turkey struck Iraq on Friday.", got, sizeof got);
    assert_string_equal(got, "TUR IRQ 190;");
    events_of(d, "Iran sought talks with Turkey.", got, sizeof got);
    assert_string_equal(got, "IRN TUR 026;");
    events_of(d, "Turkey carried out attacks on Iraq.", got, sizeof got);
    assert_string_equal(got, "TUR IRQ 190;");
    kh_dict_destroy(d);
    d = dict_of(verbs, NULL, "SET: MINIMUM WORDS = 3\n");
    events_of(d, "Turkey struck Iraq on Friday.", got, sizeof got);
    assert_string_equal(got, "");
    kh_dict_destroy(d);
}

/* WORD= keeps to the form written: MEASURES= does not take "measure". */
static void test_form(void **state)
{
    (void)state;
    const char *verbs =
        "TAKE_ [---]\n"
        "- * MEASURES= AGAINST_ + [173]\n"
        "- * MEASURE_ AGAINST_ + [190]\n";
    kh_dict *d = dict_of(verbs, NULL, options);
    char got[512];
    events_of(d, "Turkey took measures against Iran.", got, sizeof got);
    assert_string_equal(got, "TUR IRN 173;");
    events_of(d, "Turkey took a measure against Iran.", got, sizeof got);
    assert_string_equal(got, "TUR IRN 190;");
    kh_dict_destroy(d);
}

/* A verb written again in another file is the same verb: the patterns of
 * both files apply, the first file's code stays, and a different code is
 * reported. */
static void test_verb_in_two_files(void **state)
{
    (void)state;
    const char *a = "ATTACK_ [190]\n- * + WITH_ ROCKET_ [194]\n";
    const char *b = "ATTACK_ [---]\n- * + WITH_ DRONE_ [195]\n";
    kh_dict *d = dict_of(a, b, options);
    assert_int_equal(d->nverbs, 1);
    char got[512];
    events_of(d, "Turkey attacked Iraq with drones.", got, sizeof got);
    assert_string_equal(got, "TUR IRQ 195;");
    events_of(d, "Turkey attacked Iraq with rockets.", got, sizeof got);
    assert_string_equal(got, "TUR IRQ 194;");
    events_of(d, "Turkey attacked Iraq on Friday.", got, sizeof got);
    assert_string_equal(got, "TUR IRQ 190;");
    kh_dict_destroy(d);
    /* another code for the same verb: a warning, the first code stays */
    kh_dict *e = kh_dict_create();
    size_t w0 = e->nwarnings;
    kh_dict_read_tabari_mem(e, a, strlen(a), "verbs", "a.verbs", NULL, NULL,
                            NULL);
    const char *c = "ATTACK_ [111]\n";
    kh_dict_read_tabari_mem(e, c, strlen(c), "verbs", "c.verbs", NULL, NULL,
                            NULL);
    assert_int_equal(e->nwarnings, w0 + 1);
    assert_int_equal(e->nverbs, 1);
    assert_string_equal(kh_dict_str_text(e, e->verbs[0].code.code), "190");
    kh_dict_destroy(e);
}

/* A .project may name several verbs files; they are read in order. */
static void test_project_with_two_verbs_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/kh_verbs_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[300];
    snprintf(path, sizeof path, "%s/a.actors", dir);
    assert_int_equal(tu_write_file(path, actors, strlen(actors)), 0);
    const char *v1 = "CONDEMN_ [111]\n";
    const char *v2 = "CONDEMN_ [---]\n- * + TO_ DEATH_ [116]\n";
    snprintf(path, sizeof path, "%s/1.verbs", dir);
    assert_int_equal(tu_write_file(path, v1, strlen(v1)), 0);
    snprintf(path, sizeof path, "%s/2.verbs", dir);
    assert_int_equal(tu_write_file(path, v2, strlen(v2)), 0);
    const char *proj = "<actorsfile> a.actors\n<verbsfile> 1.verbs\n"
                       "<verbsfile> 2.verbs\n";
    snprintf(path, sizeof path, "%s/t.project", dir);
    assert_int_equal(tu_write_file(path, proj, strlen(proj)), 0);
    kh_error err;
    kh_dict *d = kh_dict_load(path, NULL, NULL, &err);
    assert_non_null(d);
    assert_int_equal(d->nverbs, 1);
    assert_int_equal(d->verbs[0].npatterns, 1);
    kh_dict_free(d);
    const char *names[] = {"a.actors", "1.verbs", "2.verbs", "t.project"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    rmdir(dir);
}

/* Our SET: switches are read, and TABARI's defaults leave them off. */
static void test_switches(void **state)
{
    (void)state;
    kh_dict *d = kh_dict_create();
    assert_false(d->options.lemmas || d->options.relative ||
                 d->options.unknown_sources);
    static const char *const on[] = {
        "SET: LEMMAS = TRUE", "SET: RELATIVE CLAUSES = TRUE",
        "SET: SAYING ABROAD = TRUE", "SET: MAIN CLAUSE COMMAS = TRUE",
        "SET: LONE AGENTS = TRUE", "SET: QUOTE PRONOUNS = TRUE",
        "SET: NEAREST SOURCE = TRUE", "SET: UNKNOWN SOURCES = TRUE",
        "SET: REPORTED ACCUSATIONS = TRUE"};
    for (size_t i = 0; i < sizeof on / sizeof *on; i++)
        assert_true(kh_options_apply(d, on[i], strlen(on[i])));
    const kh_options *o = &d->options;
    assert_true(o->lemmas && o->relative && o->saying_abroad &&
                o->main_commas && o->lone_agents && o->quote_pronouns &&
                o->nearest_source && o->unknown_sources &&
                o->reported_accusations);
    const char *off = "SET: LEMMAS = FALSE";
    assert_true(kh_options_apply(d, off, strlen(off)));
    assert_false(d->options.lemmas);
    kh_dict_destroy(d);
}

/* ---- the suite --------------------------------------------------------- */

static void test_verbs_suite(void **state)
{
    (void)state;
    kh_validate_stats st;
    kh_error err;
    assert_int_equal(kh_validate("tests/golden/verbs/Verbs.text", 0, stdout,
                                 &st, &err),
                     KH_OK);
    char *f = tu_read_file("tests/floors/verbs.txt", NULL);
    assert_non_null(f);
    int floor = atoi(f);
    free(f);
    print_message("# score verbs: %d passed, %d failed of %d records (floor "
                  "%d)\n", st.passed, st.failed, st.records, floor);
    assert_true(st.passed >= floor);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lemmas),
        cmocka_unit_test(test_form),
        cmocka_unit_test(test_verb_in_two_files),
        cmocka_unit_test(test_project_with_two_verbs_files),
        cmocka_unit_test(test_switches),
        cmocka_unit_test(test_verbs_suite),
    };
    return cmocka_run_group_tests_name("verbs", tests, NULL, NULL);
}
