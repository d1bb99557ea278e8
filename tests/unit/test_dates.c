/*
 * test_dates.c - absolute dates in the text and the story date.
 */
#include "testutil.h"

#include "core/doc.h"
#include "extract/extract.h"

static void test_full_dates(void **state)
{
    (void)state;
    static const struct {
        const char *in, *text;
        int y, m, d;
    } cases[] = {
        {"It met on Saturday (January 6, 2024) in Erbil.", "January 6, 2024",
         2024, 1, 6},
        {"Signed on 6 January 2024 at noon.", "6 January 2024", 2024, 1, 6},
        {"Signed on the 21st of March, 2023.", "21st of March, 2023", 2023, 3,
         21},
        {"Filed Sept. 10, 2024 in court.", "Sept. 10, 2024", 2024, 9, 10},
        {"Dated 2023-12-21 by the clerk.", "2023-12-21", 2023, 12, 21},
        {"The vote in October 2024 was close.", "October 2024", 2024, 10, 0},
        {"It was Feb 29, 2024 then.", "Feb 29, 2024", 2024, 2, 29},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kh_doc *d = tu_process(cases[i].in);
        if (d->ndates != 1)
            print_message("%s: %zu dates\n", cases[i].in, d->ndates);
        assert_int_equal(d->ndates, 1);
        const kh_date_mention *x = &d->dates[0];
        assert_int_equal(x->end - x->start, strlen(cases[i].text));
        assert_memory_equal(d->input + x->start, cases[i].text,
                            strlen(cases[i].text));
        assert_int_equal(x->year, cases[i].y);
        assert_int_equal(x->month, cases[i].m);
        assert_int_equal(x->day, cases[i].d);
        kh_doc_free(d);
    }
}

static void test_not_dates(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "It may 6, 2024 be so.",          /* "may" is not capitalised */
        "It was Feb 30, 2024 then.",      /* no such day */
        "Some 2,500 troops in 2014.",     /* a bare year is not a full date */
        "Room 12 of March Street.",
        "Dated 2023-13-21 by the clerk.",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kh_doc *d = tu_process(cases[i]);
        if (d->ndates)
            print_message("%s: found a date\n", cases[i]);
        assert_int_equal(d->ndates, 0);
        kh_doc_free(d);
    }
}

static void test_story_date(void **state)
{
    (void)state;
    /* the latest full date written in the text */
    kh_doc *d = tu_process("On March 3, 2024 they met; on January 5, 2024 and "
                           "March 2, 2024 too.");
    assert_string_equal(kh_doc_date(d), "2024-03-03");
    kh_doc_free(d);
    /* the given date wins */
    kh_meta meta = {.date = "2023-01-01"};
    const char *t = "On March 3, 2024 they met.";
    d = tu_process_meta(t, strlen(t), &meta);
    assert_string_equal(kh_doc_date(d), "2023-01-01");
    kh_doc_free(d);
    /* else the pipeline's default date, else none */
    kh_pipeline_opts o = {.default_date = "20200202"};
    kh_pipeline *p = kh_pipeline_new(&o, NULL);
    d = kh_doc_new("No date here.", 13, NULL, NULL);
    kh_process(p, d, NULL);
    assert_string_equal(kh_doc_date(d), "2020-02-02");
    kh_doc_free(d);
    kh_pipeline_free(p);
    d = tu_process("No date here.");
    assert_null(kh_doc_date(d));
    kh_doc_free(d);
    /* a bad default date is an error */
    kh_error err;
    o.default_date = "2020-02-30";
    assert_null(kh_pipeline_new(&o, &err));
    assert_int_equal(err.code, KH_EUSAGE);
    meta.date = "yesterday";
    assert_null(kh_doc_new("x", 1, &meta, &err));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_dates),
        cmocka_unit_test(test_not_dates),
        cmocka_unit_test(test_story_date),
    };
    return cmocka_run_group_tests_name("dates", tests, NULL, NULL);
}
