/*
 * test_bundled.c - the golden suite of the bundled dictionaries and the
 * event-level scores of `khaldun validate`.
 *
 * First the scoring itself: kh_vroot and kh_vscore on lists whose counts
 * are known, then a small TABARI suite written to a temporary folder and
 * run through kh_validate (the public API).  Then the golden suite we
 * wrote (tests/golden/bundled/Bundled.text): that it is well formed
 * (valid CAMEO codes, every root covered), and its score against the
 * bundled dictionaries, which must not fall below the floors in
 * tests/floors/bundled.txt (records passed) and bundled_events.txt
 * (precision and recall).
 */
#include "testutil.h"

#include "code/cameo.h"
#include "code/validate.h"

#include <ctype.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------ */

static kh_vexpect ev(const char *src, const char *tgt, const char *code)
{
    kh_vexpect e;
    snprintf(e.src, sizeof e.src, "%s", src);
    snprintf(e.tgt, sizeof e.tgt, "%s", tgt);
    snprintf(e.code, sizeof e.code, "%s", code);
    return e;
}

/* Every expected event is matched, paired or missed; without partial
 * records every coded event is matched, paired or spurious. */
static void assert_balanced(const kh_validate_events *e)
{
    assert_int_equal(e->expected, e->matched + e->root_matched +
                                      e->wrong_code + e->wrong_actor +
                                      e->missed);
    assert_int_equal(e->coded, e->matched + e->root_matched +
                                   e->wrong_code + e->wrong_actor +
                                   e->spurious);
}

/* by_root adds up to the totals. */
static void assert_roots_add_up(const kh_validate_events *all,
                                const kh_validate_events *by)
{
    kh_validate_events sum = {0};
    for (int r = 0; r <= 20; r++) {
        sum.expected += by[r].expected;
        sum.coded += by[r].coded;
        sum.matched += by[r].matched;
        sum.root_matched += by[r].root_matched;
        sum.wrong_code += by[r].wrong_code;
        sum.wrong_actor += by[r].wrong_actor;
        sum.missed += by[r].missed;
        sum.spurious += by[r].spurious;
    }
    assert_int_equal(sum.expected, all->expected);
    assert_int_equal(sum.coded, all->coded);
    assert_int_equal(sum.matched, all->matched);
    assert_int_equal(sum.root_matched, all->root_matched);
    assert_int_equal(sum.wrong_code, all->wrong_code);
    assert_int_equal(sum.wrong_actor, all->wrong_actor);
    assert_int_equal(sum.missed, all->missed);
    assert_int_equal(sum.spurious, all->spurious);
}

/* ---- the scoring -------------------------------------------------------- */

static void test_vroot(void **state)
{
    (void)state;
    assert_int_equal(kh_vroot("0256"), 2);
    assert_int_equal(kh_vroot("010"), 1);
    assert_int_equal(kh_vroot("190"), 19);
    assert_int_equal(kh_vroot("20"), 20);
    assert_int_equal(kh_vroot("2042"), 20);
    assert_int_equal(kh_vroot("21"), 0);     /* no such root */
    assert_int_equal(kh_vroot("903"), 0);    /* a suite's own code */
    assert_int_equal(kh_vroot("00"), 0);
    assert_int_equal(kh_vroot("1"), 0);
    assert_int_equal(kh_vroot(""), 0);
    assert_int_equal(kh_vroot("---"), 0);
    assert_int_equal(kh_vroot(NULL), 0);
}

static void test_vscore_exact(void **state)
{
    (void)state;
    kh_validate_report rep = {0};
    kh_vexpect want[] = {ev("IRQ", "TUR", "111"), ev("USAMIL", "IRQPMF", "190")};
    kh_vexpect got[] = {ev("USAMIL", "IRQPMF", "190"), ev("IRQ", "TUR", "111")};
    kh_vscore(&rep, want, 2, got, 2, 0);
    assert_int_equal(rep.ev.records, 1);
    assert_int_equal(rep.ev.expected, 2);
    assert_int_equal(rep.ev.coded, 2);
    assert_int_equal(rep.ev.matched, 2);
    assert_int_equal(rep.ev.missed + rep.ev.spurious, 0);
    assert_int_equal(rep.by_root[11].matched, 1);
    assert_int_equal(rep.by_root[19].matched, 1);
    assert_int_equal(rep.by_root[19].records, 1);
    assert_int_equal(rep.by_root[1].records, 0);
    assert_balanced(&rep.ev);
    assert_roots_add_up(&rep.ev, rep.by_root);
}

/* Each kind of error, once, in one record. */
static void test_vscore_kinds(void **state)
{
    (void)state;
    kh_validate_report rep = {0};
    kh_vexpect want[] = {
        ev("IRQ", "TUR", "112"),         /* coded 111: sub-code */
        ev("ISR", "PSE", "0233"),        /* coded 100: another root */
        ev("EGY", "QAT", "057"),         /* coded EGYGOV: actor */
        ev("LBNHEZ", "ISR", "190"),      /* coded swapped: actor */
        ev("IRQCOP", "IMGSUNISI", "173"),/* nothing: missed */
    };
    kh_vexpect got[] = {
        ev("PAKCVL", "PAKGOV", "141"),   /* nothing like it: spurious */
        ev("ISR", "LBNHEZ", "190"),
        ev("EGYGOV", "QAT", "057"),
        ev("ISR", "PSE", "100"),
        ev("IRQ", "TUR", "111"),
    };
    kh_vscore(&rep, want, 5, got, 5, 0);
    const kh_validate_events *e = &rep.ev;
    assert_int_equal(e->expected, 5);
    assert_int_equal(e->coded, 5);
    assert_int_equal(e->matched, 0);
    assert_int_equal(e->root_matched, 1);
    assert_int_equal(e->wrong_code, 1);
    assert_int_equal(e->wrong_actor, 2);
    assert_int_equal(e->missed, 1);
    assert_int_equal(e->spurious, 1);
    /* pairs count under the expected event's root, coded events under
     * their own */
    assert_int_equal(rep.by_root[11].root_matched, 1);
    assert_int_equal(rep.by_root[2].wrong_code, 1);
    assert_int_equal(rep.by_root[2].coded, 0);
    assert_int_equal(rep.by_root[10].coded, 1);
    assert_int_equal(rep.by_root[5].wrong_actor, 1);
    assert_int_equal(rep.by_root[19].wrong_actor, 1);
    assert_int_equal(rep.by_root[17].missed, 1);
    assert_int_equal(rep.by_root[14].spurious, 1);
    assert_int_equal(rep.by_root[14].records, 0);
    assert_balanced(e);
    assert_roots_add_up(e, rep.by_root);
}

/* An exact match is never taken by a looser pairing that comes first in
 * the list, and events count as many times as they occur. */
static void test_vscore_order_and_repeats(void **state)
{
    (void)state;
    kh_validate_report rep = {0};
    kh_vexpect want[] = {ev("ISR", "LBN", "193")};
    kh_vexpect got[] = {ev("ISR", "LBN", "190"), ev("ISR", "LBN", "193")};
    kh_vscore(&rep, want, 1, got, 2, 0);
    assert_int_equal(rep.ev.matched, 1);
    assert_int_equal(rep.ev.root_matched, 0);
    assert_int_equal(rep.ev.spurious, 1);

    kh_validate_report r2 = {0};
    kh_vexpect two[] = {ev("A", "B", "190"), ev("A", "B", "190")};
    kh_vscore(&r2, two, 2, two, 1, 0);
    assert_int_equal(r2.ev.matched, 1);
    assert_int_equal(r2.ev.missed, 1);
    kh_vscore(&r2, two, 1, two, 2, 0);
    assert_int_equal(r2.ev.matched, 2);
    assert_int_equal(r2.ev.spurious, 1);
    assert_int_equal(r2.ev.records, 2);
    assert_balanced(&r2.ev);
}

/* A record that lists only some of its events: a coded event that pairs
 * with none is not counted; one that pairs is. */
static void test_vscore_partial(void **state)
{
    (void)state;
    kh_validate_report rep = {0};
    kh_vexpect want[] = {ev("ARN", "GON", "190")};
    kh_vexpect got[] = {ev("ARN", "GON", "190"), ev("ARN", "ROH", "111")};
    kh_vscore(&rep, want, 1, got, 2, 1);
    assert_int_equal(rep.ev.coded, 1);
    assert_int_equal(rep.ev.matched, 1);
    assert_int_equal(rep.ev.spurious, 0);
    kh_vexpect sub[] = {ev("ARN", "GON", "195"), ev("ARN", "ROH", "111")};
    kh_vscore(&rep, want, 1, sub, 2, 1);
    assert_int_equal(rep.ev.coded, 2);
    assert_int_equal(rep.ev.root_matched, 1);
    assert_int_equal(rep.by_root[11].coded, 0);
    /* no events expected: all coded are spurious, no record counts */
    kh_validate_report none = {0};
    kh_vscore(&none, NULL, 0, sub, 2, 0);
    assert_int_equal(none.ev.records, 0);
    assert_int_equal(none.ev.spurious, 2);
    assert_int_equal(none.by_root[19].spurious, 1);
    assert_int_equal(none.by_root[11].spurious, 1);
    assert_balanced(&none.ev);
}

/* ---- a small suite through kh_validate ------------------------------------ */

/* Each record tests one kind of count; the coder on this dictionary codes
 * what the comment says. */
static const char tiny_text[] =
    "950101  T-01\nArnor attacked Gondor on Monday.\n"
    "/*\\n[exact]\n\\n{ ARN / GON / 190 } */\n\n"
    "950101  T-02\nArnor condemned Gondor on Monday.\n"
    "/*\\n[coded 111: right root]\n\\n{ ARN / GON / 112 } */\n\n"
    "950101  T-03\nRohan attacked Gondor on Monday.\n"
    "/*\\n[spurious]\n\\n{---} */\n\n"
    "950101  T-04\nArnor shelled Rohan on Monday.\n"
    "/*\\n[coded 194: wrong root]\n\\n{ ARN / ROH / 111 } */\n\n"
    "950101  T-05\nGondor attacked Arnor on Monday.\n"
    "/*\\n[swapped]\n\\n{ ARN / GON / 190 } */\n\n"
    "950101  T-06\nArnor praised Gondor on Monday.\n"
    "/*\\n[no verb: missed]\n\\n{ ARN / GON / 051 } */\n\n"
    "950101  T-07\nArnor attacked Gondor and Rohan on Monday.\n"
    "/*\\n[partial: ARN/ROH is not counted]\n\\n{ ARN / GON / 190 }\n"
    "\\n-{ --- / --- / 000 } */\n\n"
    "950101  T-08\nArnor attacked Gondor on Monday.\n"
    "/*\\n[one of two]\n\\n{ ARN / GON / 190 }\n\\n{ ARN / ROH / 190 } */\n\n"
    "950101  T-09\nArnor attacked Gondor on Monday.\n"
    "/*\\n[options only: not scored]\n\\n{ OPTION: SET: MINIMUM WORDS = 2 } */\n";

static int put(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return tu_write_file(path, text, strlen(text));
}

static void test_validate_counts(void **state)
{
    (void)state;
    char dir[] = "/tmp/kh_bundled_XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(put(dir, "Tiny.project",
                         "Tiny\n<actorsfile> t.actors\n<verbsfile> t.verbs\n"
                         "<optionsfile> t.options\n"), 0);
    assert_int_equal(put(dir, "t.actors",
                         "ARNOR_ [ARN]\nGONDOR_ [GON]\nROHAN_ [ROH]\n"), 0);
    assert_int_equal(put(dir, "t.verbs",
                         "ATTACK_ [190]\nCONDEMN_ [111]\nSHELL_ [194]\n"), 0);
    assert_int_equal(put(dir, "t.options", "SET: MINIMUM WORDS = 2\n"), 0);
    assert_int_equal(put(dir, "Tiny.text", tiny_text), 0);
    char path[512];
    snprintf(path, sizeof path, "%s/Tiny.text", dir);
    kh_validate_stats st;
    kh_error err;
    assert_int_equal(kh_validate(path, KH_VALIDATE_NO_TAGS, NULL, &st, &err),
                     KH_OK);
    assert_int_equal(st.records, 9);
    assert_int_equal(st.passed, 3);   /* T-01, T-07, T-09 */
    const kh_validate_events *e = &st.events;
    assert_int_equal(e->records, 7);
    assert_int_equal(e->expected, 8);
    assert_int_equal(e->coded, 7);
    assert_int_equal(e->matched, 3);
    assert_int_equal(e->root_matched, 1);
    assert_int_equal(e->wrong_code, 1);
    assert_int_equal(e->wrong_actor, 1);
    assert_int_equal(e->missed, 2);
    assert_int_equal(e->spurious, 1);
    assert_int_equal(st.by_root[19].records, 4);
    assert_int_equal(st.by_root[19].coded, 6);
    assert_int_equal(st.by_root[11].records, 2);
    assert_int_equal(st.by_root[5].missed, 1);
    assert_roots_add_up(e, st.by_root);
    static const char *const files[] = {"Tiny.project", "t.actors", "t.verbs",
                                        "t.options", "Tiny.text"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* The PETRARCH suite is scored too, and its counts add up. */
static void test_petrarch_counts(void **state)
{
    (void)state;
    const char *shared = tu_shared();
    if (!shared) {
        print_message("../shared is absent: the PETRARCH counts are skipped\n");
        skip();
    }
    char path[1200];
    snprintf(path, sizeof path,
             "%s/eval/petrarch2-unit/PETR.UnitTest.records.xml", shared);
    kh_validate_stats st;
    kh_error err;
    assert_int_equal(kh_validate(path, KH_VALIDATE_NO_TAGS, NULL, &st, &err),
                     KH_OK);
    assert_true(st.events.expected > 300);
    assert_true(st.events.matched > 0);
    assert_true(st.events.matched <= st.events.coded);
    assert_balanced(&st.events);
    assert_roots_add_up(&st.events, st.by_root);
}

/* ---- the golden suite ------------------------------------------------------ */

#define SUITE "tests/golden/bundled/Bundled.text"

/* Every expected event names actor codes of capitals and a CAMEO code of
 * the table; every root has records, and so do sentences with no event. */
static void test_golden_well_formed(void **state)
{
    (void)state;
    char *s = tu_read_file(SUITE, NULL);
    assert_non_null(s);
    int events = 0, none = 0, bad = 0;
    for (char *p = s; (p = strstr(p, "\\n{")) != NULL; p += 3) {
        char a[64], b[64], c[64];
        if (strncmp(p, "\\n{---}", 7) == 0) {
            none++;
            continue;
        }
        if (sscanf(p, "\\n{ %63[A-Z] / %63[A-Z] / %63[0-9] }", a, b, c) != 3 ||
            strlen(a) < 3 || strlen(b) < 3 ||
            !kh_cameo_lookup(c, strlen(c))) {
            print_message("bad expected event: %.60s\n", p);
            bad++;
            continue;
        }
        events++;
    }
    free(s);
    assert_int_equal(bad, 0);
    assert_true(events >= 300);
    assert_true(none >= 25);
    kh_validate_stats st;
    kh_error err;
    assert_int_equal(kh_validate(SUITE, KH_VALIDATE_NO_TAGS, NULL, &st, &err),
                     KH_OK);
    assert_true(st.records >= 300);
    assert_int_equal(st.events.expected, events);
    for (int r = 1; r <= 20; r++) {
        if (st.by_root[r].records < 5)
            print_message("root %02d has %d records\n", r,
                          st.by_root[r].records);
        assert_true(st.by_root[r].records >= 5);
    }
    assert_int_equal(st.by_root[0].expected, 0);
}

/* A floor of tests/floors/bundled_events.txt. */
static double events_floor(const char *name)
{
    return tu_floor_of("tests/floors/bundled_events.txt", name);
}

static double pct(int a, int b)
{
    return b ? 100.0 * a / b : 0;
}

/* The bundled dictionaries against the golden sentences we wrote. */
static void test_golden_score(void **state)
{
    (void)state;
    char *f = tu_read_file("tests/floors/bundled.txt", NULL);
    assert_non_null(f);
    int floor_passed = atoi(f);
    free(f);
    double floor_p = events_floor("precision");
    double floor_r = events_floor("recall");
    kh_validate_stats st;
    kh_error err;
    /* the failing records go to the test's output */
    assert_int_equal(kh_validate(SUITE, 0, stdout, &st, &err), KH_OK);
    const kh_validate_events *e = &st.events;
    double p = pct(e->matched, e->coded), r = pct(e->matched, e->expected);
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    int rm = e->matched + e->root_matched;
    print_message("# score bundled: %d passed, %d failed of %d records; "
                  "%d events: precision %.1f recall %.1f F1 %.1f, "
                  "root level precision %.1f recall %.1f "
                  "(floors %d passed, precision %.1f recall %.1f)\n",
                  st.passed, st.failed, st.records, e->expected, p, r, f1,
                  pct(rm, e->coded), pct(rm, e->expected), floor_passed,
                  floor_p, floor_r);
    assert_true(st.passed >= floor_passed);
    /* rounded as the floors are written, to one decimal */
    assert_true(p + 0.05 >= floor_p);
    assert_true(r + 0.05 >= floor_r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vroot),
        cmocka_unit_test(test_vscore_exact),
        cmocka_unit_test(test_vscore_kinds),
        cmocka_unit_test(test_vscore_order_and_repeats),
        cmocka_unit_test(test_vscore_partial),
        cmocka_unit_test(test_validate_counts),
        cmocka_unit_test(test_petrarch_counts),
        cmocka_unit_test(test_golden_well_formed),
        cmocka_unit_test(test_golden_score),
    };
    return cmocka_run_group_tests_name("bundled", tests, NULL, NULL);
}
