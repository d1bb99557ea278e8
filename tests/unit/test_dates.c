/*
 * test_dates.c - the dates stage: each kind of expression, what is not a
 * date, the story date, and the date of each event.
 *
 * Most cases are one line: an article, its story date, and every date the
 * stage must find in it, written as
 *     text=value[/mod][+since][@time]; text=value ...
 * (the granularity is the value's form: 2024-01-06 day, 2024-01 month,
 * 2024 year, 2024-W01 week, 199X decade).
 */
#include "testutil.h"

#include "core/doc.h"
#include "extract/dates.h"

/* Every date of d, in the form above, into a static buffer. */
static const char *dates_of(const kh_doc *d)
{
    static char buf[4096];
    static const char *const mods[] = {"", "/early", "/mid", "/late"};
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < d->ndates && n < sizeof buf - 200; i++) {
        const kh_date_mention *x = &d->dates[i];
        char v[16];
        kh_date_format(x, v, sizeof v);
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%.*s=%s%s%s%s%s",
                              i ? "; " : "", (int)(x->end - x->start),
                              d->text + x->start, v, mods[x->mod % 4],
                              x->since ? "+since" : "", x->time[0] ? "@" : "",
                              x->time);
    }
    return buf;
}

typedef struct {
    const char *story;   /* YYYY-MM-DD, or NULL */
    const char *text;
    const char *want;
} dcase;

static int run_cases(const dcase *c, size_t n)
{
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        kh_meta meta = {.date = c[i].story};
        kh_doc *d = tu_process_meta(c[i].text, strlen(c[i].text), &meta);
        assert_non_null(d);
        const char *got = dates_of(d);
        if (strcmp(got, c[i].want) != 0) {
            print_message("story %s: %s\n  want: %s\n  got:  %s\n",
                          c[i].story ? c[i].story : "none", c[i].text,
                          c[i].want, got);
            bad++;
        }
        kh_doc_free(d);
    }
    return bad;
}

#define RUN(cases) assert_int_equal(run_cases(cases, sizeof cases / sizeof *cases), 0)

static void test_absolute(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {NULL, "It met on Saturday (January 6, 2024) in Erbil.",
         "Saturday (January 6, 2024)=2024-01-06"},
        {NULL, "Signed on 6 January 2024 at noon.",
         "6 January 2024 at noon=2024-01-06@12:00"},
        {NULL, "Signed on the 21st of March, 2023.", "21st of March, 2023=2023-03-21"},
        {NULL, "Filed Sept. 10, 2024 in court.", "Sept. 10, 2024=2024-09-10"},
        {NULL, "Dated 2023-12-21 by the clerk.", "2023-12-21=2023-12-21"},
        {NULL, "The vote in October 2024 was close.", "October 2024=2024-10"},
        {NULL, "It was Feb 29, 2024 then.", "Feb 29, 2024=2024-02-29"},
        {NULL, "The ministry said on Monday, 12 February 2024, that it acted.",
         "Monday, 12 February 2024=2024-02-12"},
        {NULL, "They met on Friday, corresponding to January 5, 2024, in Najaf.",
         "Friday, corresponding to January 5, 2024=2024-01-05"},
        {NULL, "Forces moved in on Monday evening (July 22, 2024).",
         "Monday evening (July 22, 2024)=2024-07-22@evening"},
    };
    RUN(cases);
}

static void test_numeric(void **state)
{
    (void)state;
    static const dcase cases[] = {
        /* day first unless the article or its date says otherwise */
        {NULL, "The court ruled on 6/1/2024 in Basra.", "6/1/2024=2024-01-06"},
        {NULL, "Ruled on 06.01.2024 and filed 2024/1/7.",
         "06.01.2024=2024-01-06; 2024/1/7=2024-01-07"},
        {NULL, "Filed 13/1/2024, heard 6/2/2024.",
         "13/1/2024=2024-01-13; 6/2/2024=2024-02-06"},
        {NULL, "Filed 1/13/2024, heard 6/2/2024.",
         "1/13/2024=2024-01-13; 6/2/2024=2024-06-02"},
        {"2024-06-03", "Heard 6/2/2024 in Mosul.", "6/2/2024=2024-06-02"},
        {"2024-02-07", "Heard 6/2/2024 in Mosul.", "6/2/2024=2024-02-06"},
        {NULL, "Friday, 5/1/2024 was calm.", "Friday, 5/1/2024=2024-01-05"},
    };
    RUN(cases);
}

static void test_weekdays(void **state)
{
    (void)state;
    /* 2024-01-06 is a Saturday */
    static const dcase cases[] = {
        {"2024-01-06", "Iraq said on Friday that talks would go on.",
         "Friday=2024-01-05"},
        {"2024-01-06", "Iraq said on Saturday that it agreed.",
         "Saturday=2024-01-06"},
        {"2024-01-06", "Police said Sunday the road was open.",
         "Sunday=2023-12-31"},
        {"2024-01-06", "The envoy arrived last Saturday.",
         "last Saturday=2023-12-30"},
        {"2024-01-06", "The talks will resume on Monday in Baghdad.",
         "Monday=2024-01-08"},
        {"2024-01-06", "The envoy will arrive next Saturday.",
         "next Saturday=2024-01-13"},
        {"2024-01-06", "Monday's attack killed five.", "Monday=2024-01-01"},
        {"2024-01-06", "Clashes broke out on Sunday night in Kirkuk.",
         "Sunday night=2023-12-31@night"},
        {"2024-01-06", "Gunmen attacked on the evening of Friday.",
         "the evening of Friday=2024-01-05@evening"},
        {"2024-01-06", "A drone struck the car late on Thursday.",
         "late on Thursday=2024-01-04/late"},
        {"2024-01-06", "Troops arrived on Friday at 3 p.m. local time.",
         "Friday at 3 p.m. local time=2024-01-05@15:00"},
        {"2024-01-06", "It began at noon on Wednesday.",
         "noon on Wednesday=2024-01-03@12:00"},
    };
    RUN(cases);
}

static void test_deictic(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2024-01-06", "The minister said yesterday that the plan was ready.",
         "yesterday=2024-01-05"},
        {"2024-01-06", "Talks open today and close tomorrow.",
         "today=2024-01-06; tomorrow=2024-01-07"},
        {"2024-01-06", "Rockets fell on the base at dawn today.",
         "dawn today=2024-01-06@dawn"},
        {"2024-01-06", "Shelling went on last night and this morning.",
         "last night=2024-01-05@night; this morning=2024-01-06@morning"},
        {"2024-01-06", "He will speak tonight.", "tonight=2024-01-06@night"},
        {"2024-01-06", "They met the day before yesterday.",
         "the day before yesterday=2024-01-04"},
        {"2024-01-06", "A car bomb went off yesterday evening.",
         "yesterday evening=2024-01-05@evening"},
        {"2024-01-06", "Officials said earlier today that it was over.",
         "earlier today=2024-01-06"},
    };
    RUN(cases);
}

static void test_units(void **state)
{
    (void)state;
    /* 2024-01-06 is in ISO week 2024-W01 */
    static const dcase cases[] = {
        {"2024-01-06", "Talks stalled last week.", "last week=2023-W52"},
        {"2024-01-06", "Talks resume next week.", "next week=2024-W02"},
        {"2024-01-06", "Prices rose last month and last year.",
         "last month=2023-12; last year=2023"},
        {"2024-01-06", "Elections are due next year.", "next year=2025"},
        {"2024-01-06", "Fighting flared early this month.",
         "early this month=2024-01/early"},
        {"2024-01-06", "The envoy visited earlier this week.",
         "earlier this week=2024-W01"},
        {"2024-01-06", "Output fell late last year.", "late last year=2023/late"},
        {"2024-01-06", "Work stopped at the end of last year.",
         "the end of last year=2023/late"},
        {"2024-01-06", "Prices rose since the beginning of the year.",
         "the beginning of the year=2024/early+since"},
        {"2024-01-06", "The strike came two days ago.", "two days ago=2024-01-04"},
        {"2024-01-06", "It closed three weeks ago and reopened a year ago.",
         "three weeks ago=2023-W50; a year ago=2023"},
        {"2024-01-06", "The plant opened 10 days ago.", "10 days ago=2023-12-27"},
        /* weekends: the ISO week they end */
        {"2024-01-08", "Clashes flared over the weekend.",
         "the weekend=2024-W01"},
        {"2024-01-06", "Clashes flared over the weekend.",
         "the weekend=2024-W01"},
        {"2024-01-06", "Talks stalled last weekend and resume next weekend.",
         "last weekend=2023-W52; next weekend=2024-W02"},
        {"2024-01-06", "Aid will arrive during the coming week.",
         "the coming week=2024-W02"},
        {"2024-01-06", "Jets struck overnight; the deal expires at the end "
                       "of the day.",
         "overnight=2024-01-06@night; the end of the day=2024-01-06/late"},
    };
    RUN(cases);
}

static void test_narrative(void **state)
{
    (void)state;
    static const dcase cases[] = {
        /* from the previous date written */
        {"2024-01-10", "Talks began on January 2, 2024. Two days later, "
                       "they collapsed.",
         "January 2, 2024=2024-01-02; Two days later=2024-01-04"},
        {"2024-01-10", "The army entered on January 2, 2024. The next day, "
                       "rebels withdrew. A day later, they returned.",
         "January 2, 2024=2024-01-02; The next day=2024-01-03; "
         "A day later=2024-01-04"},
        {"2024-01-10", "The army entered on January 2, 2024. The same day, "
                       "rebels withdrew.",
         "January 2, 2024=2024-01-02; The same day=2024-01-02"},
        /* else from the story date */
        {"2024-01-10", "Two days earlier, the talks had collapsed.",
         "Two days earlier=2024-01-08"},
        /* N after <clause>: the clause is N before the main clause */
        {"2024-01-10", "Israel struck Gaza on Tuesday, a day after Hamas "
                       "fired rockets.",
         "Tuesday=2024-01-09; a day after=2024-01-08"},
        {"2024-01-06", "Baghdad announced, on Friday (January 5, 2024), the "
                       "formation of a committee. There are 2,500 troops in "
                       "Iraq. The formation of the committee comes a day "
                       "after a drone struck Baghdad.",
         "Friday (January 5, 2024)=2024-01-05; a day after=2024-01-04"},
        {"2024-01-06", "Police said yesterday that the road was shut. The "
                       "protests come a week after clashes in Basra.",
         "yesterday=2024-01-05; a week after=2023-12-30"},
        {"2024-01-06", "Hours after the strike, the army withdrew.",
         "Hours after=2024-01-06"},
    };
    RUN(cases);
}

static void test_months_years(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2024-01-06", "The deal was signed in March.", "March=2023-03"},
        {"2024-01-06", "The deal will be signed in March.", "March=2024-03"},
        {"2024-05-06", "The talks began last March.", "last March=2024-03"},
        {"2024-01-06", "He was freed on January 5 and left on 3 January.",
         "January 5=2024-01-05; 3 January=2024-01-03"},
        {"2024-01-06", "He was arrested on December 28.",
         "December 28=2023-12-28"},
        {"2024-01-06", "Attacks rose since mid-October.",
         "mid-October=2023-10/mid+since"},
        {"2024-01-06", "It was seized in early November.",
         "early November=2023-11/early"},
        {"2024-01-06", "ISIS took the city in 2014 and lost it since 2017.",
         "2014=2014; 2017=2017+since"},
        {"2024-01-06", "Growth slowed in mid-2014.", "mid-2014=2014/mid"},
        {"2024-01-06", "Turnout fell in the 2018 elections.", "2018=2018"},
        {"2024-01-06", "Exports rose between 2014 and 2016.",
         "2014=2014; 2016=2016"},
        {"2024-01-06", "The war of the 1990s left scars.", "the 1990s=199X"},
        {"2024-01-06", "Prices rose in the early 2000s.",
         "the early 2000s=200X/early"},
        {"2024-01-06", "The plan runs until the end of 2025.",
         "the end of 2025=2025/late"},
        {"2024-01-06", "He left in the summer of 2019.", "2019=2019"},
        {"2024-01-06", "He said 2023 had shown the way.", "2023=2023"},
        {"2024-01-06", "Tension has grown since the 2003 invasion.",
         "2003=2003+since"},
        /* any modal looks forward, but one of the past does not */
        {"2024-01-06", "Results may not be known until Wednesday.",
         "Wednesday=2024-01-10"},
        {"2024-01-06", "The ministry would not comment on Wednesday.",
         "Wednesday=2024-01-03"},
    };
    RUN(cases);
}

static void test_day_of_month(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2024-01-16", "The vote took place on the 5th.", "the 5th=2024-01-05"},
        {"2024-01-16", "The vote took place on the 20th.",
         "the 20th=2023-12-20"},
        {"2024-01-16", "The vote will take place on the 20th.",
         "the 20th=2024-01-20"},
        {"2024-01-16", "He has been held since the 20th of last month.",
         "the 20th of last month=2023-12-20+since"},
    };
    RUN(cases);
}

static void test_not_dates(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2024-01-06", "It may 6, 2024 be so.", ""},
        {"2024-01-06", "May God have mercy on the martyrs.", ""},
        {"2024-01-06", "They will March on the capital.", ""},
        {"2024-01-06", "The March on Washington was recalled.", ""},
        {"2024-01-06", "It was Feb 30, 2024 then.", ""},
        {"2024-01-06", "Some 2,500 troops remain.", ""},
        {"2024-01-06", "In all, 2000 troops and 1500 police were sent.", ""},
        {"2024-01-06", "Room 12 of March Street.", ""},
        {"2024-01-06", "Dated 2023-13-21 by the clerk.", ""},
        {"2024-01-06", "The Sunday Times reported the deal.", ""},
        {"2024-01-06", "Marchers recalled Bloody Sunday and Good Friday.", ""},
        {"2024-01-06", "The committee meets every Friday and on Mondays.", ""},
        {"2024-01-06", "He told Russia Today that the talks failed.", ""},
        {"2024-01-06", "He lives on the 5th floor.", ""},
        {"2024-01-06", "Officials said that night raids had stopped.", ""},
        {"2024-01-06", "Over the past two weeks, prices rose.", ""},
        {"2024-01-06", "At 12 noon Iraq time, US forces struck a car.", ""},
        {"2024-01-06", "The vote was 2014 to 1990 in favour.", ""},
        {"2024-01-06", "He was shot at 4 p.m. near the gate.", ""},
        {"2024-01-06", "Days later, the talks resumed.", ""},
        {"2024-01-06", "Prices rose 20 percent in 1 day.", ""},
        {"2024-01-06", "The 1990s-era rifles were old.", ""},
    };
    RUN(cases);
}

static void test_source_name(void **state)
{
    (void)state;
    /* "Baghdad today" is the outlet that wrote the article */
    const char *t = "Baghdad today – Baghdad\nMustafa said in an interview "
                    "with Baghdad today that the region agreed today.\n";
    kh_error err;
    kh_doc *d = kh_read_text(t, strlen(t), "seed.txt", &err);
    assert_non_null(d);
    kh_pipeline_opts o = {.default_date = "2024-01-06"};
    kh_pipeline *p = kh_pipeline_new(&o, NULL);
    assert_int_equal(kh_process(p, d, NULL), KH_OK);
    kh_pipeline_free(p);
    assert_string_equal(dates_of(d), "today=2024-01-06");
    assert_int_equal(strstr(t, "agreed today") + 7 - t, d->dates[0].start);
    kh_doc_free(d);
}

static void test_no_story_date(void **state)
{
    (void)state;
    /* relative dates need a story date; absolute ones and years do not */
    static const dcase cases[] = {
        {NULL, "On Friday, Iraq said it left in 2014, in March.",
         "2014=2014"},
        {NULL, "Talks began on January 2, 2024. Two days later, they failed.",
         "January 2, 2024=2024-01-02; Two days later=2024-01-04"},
    };
    RUN(cases);
}

static void test_format(void **state)
{
    (void)state;
    kh_date_mention x = {.year = 2021, .month = 1, .day = 4,
                         .gran = KH_GRAN_WEEK};
    char v[16];
    kh_date_format(&x, v, sizeof v);
    assert_string_equal(v, "2021-W01");
    x.year = 2020, x.month = 12, x.day = 28;   /* ISO 2020 has 53 weeks */
    kh_date_format(&x, v, sizeof v);
    assert_string_equal(v, "2020-W53");
    x.year = 2018, x.month = 12, x.day = 31;   /* a Monday in 2019-W01 */
    kh_date_format(&x, v, sizeof v);
    assert_string_equal(v, "2019-W01");
    x.gran = KH_GRAN_DECADE, x.year = 1990;
    kh_date_format(&x, v, sizeof v);
    assert_string_equal(v, "199X");
    assert_string_equal(kh_date_gran_name(KH_GRAN_WEEK), "week");
    assert_string_equal(kh_date_gran_name(99), "");
    assert_true(kh_dates_words_sorted());
}

/* A plain-text article read as a file is (wire dateline and all), then
 * processed by p (NULL: the default pipeline). */
static kh_doc *wire(kh_pipeline *p, const char *text)
{
    static kh_pipeline *def;
    if (!p && !def)
        def = kh_pipeline_new(NULL, NULL);
    kh_error err;
    kh_doc *d = kh_read_text(text, strlen(text), "wire.txt", &err);
    assert_non_null(d);
    assert_int_equal(kh_process(p ? p : def, d, &err), KH_OK);
    return d;
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
    d = kh_doc_new("No date here, but yesterday.", 28, NULL, NULL);
    kh_process(p, d, NULL);
    assert_string_equal(kh_doc_date(d), "2020-02-02");
    assert_string_equal(dates_of(d), "yesterday=2020-02-01");
    kh_doc_free(d);
    kh_pipeline_free(p);
    d = tu_process("No date here.");
    assert_null(kh_doc_date(d));
    kh_doc_free(d);
    /* a wire dateline's "Mar 3" takes its year from the article: March 3
     * was a Sunday in 2024, not in 2023 */
    d = wire(NULL, "BAGHDAD, Mar 3 (Reuters) - The two sides agreed on "
                   "Sunday on a deal. Talks began in March 2023.");
    assert_string_equal(kh_doc_date(d), "2024-03-03");
    assert_string_equal(dates_of(d), "Sunday=2024-03-03; March 2023=2023-03");
    kh_doc_free(d);
    /* no weekday: a later month of the latest year is looked back on */
    d = wire(NULL, "WASHINGTON, Sept 10 (Reuters) - Sanctions were imposed. "
                   "Attacks have gone on since November 2023.");
    assert_string_equal(kh_doc_date(d), "2024-09-10");
    kh_doc_free(d);
    d = wire(NULL, "AMMAN, Jan 15 (AP) - The ministers met. Trade fell in "
                   "January 2023.");
    assert_string_equal(kh_doc_date(d), "2023-01-15");
    kh_doc_free(d);
    /* a year in the dateline is read; a bare year in the text ("by 2030")
     * is not the story's */
    d = wire(NULL, "MOSUL, Iraq, March 3, 2021 - Work began on the bridge.");
    assert_string_equal(kh_doc_date(d), "2021-03-03");
    kh_doc_free(d);
    d = wire(NULL, "AMMAN, Jan 15 (AP) - The ministers met on Wednesday "
                   "to plan for 2030.");
    assert_null(kh_doc_date(d));
    kh_doc_free(d);
    /* with a default date: the year that puts the dateline nearest */
    o.default_date = "2024-01-02";
    p = kh_pipeline_new(&o, NULL);
    d = wire(p, "AMMAN, Dec 30 (AP) - The ministers met.");
    assert_string_equal(kh_doc_date(d), "2023-12-30");
    kh_doc_free(d);
    kh_pipeline_free(p);
    /* a bad default date is an error */
    kh_error err;
    o.default_date = "2020-02-30";
    assert_null(kh_pipeline_new(&o, &err));
    assert_int_equal(err.code, KH_EUSAGE);
    meta.date = "yesterday";
    assert_null(kh_doc_new("x", 1, &meta, &err));
}

/* The date of the first event whose verb is verb; when the coder coded
 * none there, the date the stage would give an event at the first such
 * word (kh_date_of_token), else the story date. */
static const char *event_date(const kh_doc *d, const char *verb)
{
    static char buf[16];
    size_t n = strlen(verb);
    for (size_t i = 0; i < d->nevents; i++) {
        const kh_event *e = &d->events[i];
        if (e->verb_end - e->verb_start == n &&
            memcmp(d->text + e->verb_start, verb, n) == 0)
            return e->date;
    }
    for (size_t i = 0; i < d->ntokens; i++) {
        const kh_token *t = &d->tokens[i];
        if (t->end - t->start == n && memcmp(d->text + t->start, verb, n) == 0) {
            long k = kh_date_of_token(d, i);
            if (k < 0)
                return d->date;
            kh_date_format(&d->dates[k], buf, sizeof buf);
            return buf;
        }
    }
    return "(no such word)";
}

static void test_event_dates(void **state)
{
    (void)state;
    static const struct {
        const char *text, *verb, *want;
    } cases[] = {
        /* the date in the verb's clause */
        {"Iraq accused Iran on Tuesday of shelling the border.", "accused",
         "2024-01-09"},
        /* none: the story date */
        {"Iraq accused Iran of shelling the border.", "accused", "2024-01-10"},
        /* the nearest of two */
        {"On Monday, Iraq met Iran, and on Tuesday, Iraq accused Iran of "
         "lying.", "accused", "2024-01-09"},
        /* a relative clause's date stays in it */
        {"Iraq, which fought Iran in 1980, accused Iran of lying.", "accused",
         "2024-01-10"},
        /* a clause without a date takes the date of the clause around it */
        {"Iraq said on Tuesday that Iran had accused Kuwait of lying.",
         "accused", "2024-01-09"},
        /* a "since" date governs nothing */
        {"Iraq has accused Iran of lying since 2014.", "accused",
         "2024-01-10"},
        /* "a day after" dates what follows it */
        {"The talks on Tuesday came a day after Iran accused Kuwait of "
         "lying.", "accused", "2024-01-08"},
        {"The meeting comes a day after Iran accused Kuwait of lying.",
         "accused", "2024-01-09"},
        /* a closing attribution does not take the date of what it
         * attributes; the words before it do */
        {"Kuwait will be accused on Friday, officials said.", "said",
         "2024-01-10"},
        {"Iran accused Kuwait late on Sunday, the group said on Monday.",
         "accused", "2024-01-07"},
        /* "when" after a date is that date's, "since" or not */
        {"It was the worst since 1990, when Iraq attacked Kuwait.",
         "attacked", "1990"},
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kh_meta meta = {.date = "2024-01-10"};
        kh_doc *d = tu_process_meta(cases[i].text, strlen(cases[i].text),
                                    &meta);
        const char *got = event_date(d, cases[i].verb);
        if (strcmp(got, cases[i].want) != 0) {
            print_message("%s\n  %s: want %s, got %s (dates: %s)\n",
                          cases[i].text, cases[i].verb, cases[i].want, got,
                          dates_of(d));
            bad++;
        }
        kh_doc_free(d);
    }
    assert_int_equal(bad, 0);
}

/* The reference article: January 5 and 6, 2024 and 2014 resolved. */
static void test_seed(void **state)
{
    (void)state;
    const char *sh = tu_shared();
    if (!sh)
        skip();   /* ../shared is absent */
    char path[1200];
    snprintf(path, sizeof path, "%s/seeds/000_1849582b988d1309.txt", sh);
    size_t len = 0;
    char *text = tu_read_file(path, &len);
    assert_non_null(text);
    kh_error err;
    kh_doc *d = kh_read_text(text, len, path, &err);
    assert_non_null(d);
    kh_pipeline *p = kh_pipeline_new(NULL, NULL);
    assert_int_equal(kh_process(p, d, NULL), KH_OK);
    kh_pipeline_free(p);
    assert_string_equal(kh_doc_date(d), "2024-01-06");
    assert_string_equal(dates_of(d),
                        "Saturday (January 6, 2024)=2024-01-06; "
                        "Friday (January 5, 2024)=2024-01-05; 2014=2014; "
                        "a day after=2024-01-04; "
                        "mid-October=2023-10/mid+since; Friday=2024-01-05");
    assert_string_equal(event_date(d, "confirmed"), "2024-01-06");
    assert_string_equal(event_date(d, "announced"), "2024-01-05");
    kh_doc_free(d);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_absolute),
        cmocka_unit_test(test_numeric),
        cmocka_unit_test(test_weekdays),
        cmocka_unit_test(test_deictic),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_narrative),
        cmocka_unit_test(test_months_years),
        cmocka_unit_test(test_day_of_month),
        cmocka_unit_test(test_not_dates),
        cmocka_unit_test(test_source_name),
        cmocka_unit_test(test_no_story_date),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_story_date),
        cmocka_unit_test(test_event_dates),
        cmocka_unit_test(test_seed),
    };
    return cmocka_run_group_tests_name("dates", tests, NULL, NULL);
}
